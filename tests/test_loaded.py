"""Loaded-language extractor: lexicon terms with alternatives, exclusions, scare quotes, overrides."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from framing.document import Document, QuoteRegion
from framing.features import loaded
from framing.lexicons import Lexicons, load_lexicons


def terms_in(doc: Document, lexicons: Lexicons) -> list[tuple[str, str]]:
    """(text, category) of each lexicon span, leaving scare quotes aside."""
    return [(s.text, s.category) for s in loaded.extract(doc, lexicons).spans if s.label != loaded.SCARE_LABEL]


HITS = [
    (
        "No sitting U.S. president has met with the authoritarian figurehead from Venezuela.",
        [("authoritarian", "pejorative_label"), ("figurehead", "pejorative_label")],
    ),
    (
        "Maduro’s regime has vehemently denied the existence of the Cartel de los Soles.",
        [("regime", "pejorative_label"), ("vehemently", "intensifier")],
    ),
    ("Critics have condemned these actions as extrajudicial killings.", [("extrajudicial killings", "violence_crime")]),
    ("It is linked to a notorious drug trafficking organization.", [("notorious", "intensifier")]),
    ("Drug-related corruption is rampant in Venezuela.", [("rampant", "intensifier")]),
    (
        "Moving away from the so-called gunboat diplomacy.",
        [("so-called", "distancing"), ("gunboat diplomacy", "pejorative_label")],
    ),
    ("Maduro clings to power with the support of Russia.", [("clings to power", "evaluative")]),
    (
        "What happened can only be characterized as murder or extrajudicial executions.",
        [("murder", "violence_crime"), ("extrajudicial executions", "violence_crime")],
    ),
    ("Bombings considered as extrajudicial and illicit executions.", [("extrajudicial", "violence_crime")]),
    # hand-made
    (
        "The strongman's thugs slammed the self-proclaimed president.",
        [
            ("strongman's", "pejorative_label"),
            ("thugs", "pejorative_label"),
            ("slammed", "evaluative"),
            ("self-proclaimed", "distancing"),
        ],
    ),
    (
        "Witnesses described a massacre by narco-terrorists.",
        [("massacre", "violence_crime"), ("narco-terrorists", "violence_crime")],
    ),
    (
        "Sanctions against the regime were a blatant provocation.",
        [("regime", "pejorative_label"), ("blatant", "intensifier")],
    ),
    # hand-made: distancing reporting verbs, partisan labels, evaluative words
    ("The senator claimed the report was a cover-up.", [("claimed", "distancing"), ("cover-up", "evaluative")]),
    ("The company claims its product is safe.", [("claims", "distancing")]),
    (
        "The radical far-left group staged a bizarre stunt.",
        [
            ("radical", "pejorative_label"),
            ("far-left", "pejorative_label"),
            ("bizarre", "evaluative"),
            ("stunt", "evaluative"),
        ],
    ),
    ("The mayor touted a massive tax cut.", [("touted", "evaluative"), ("massive", "intensifier")]),
    ("He falsely said the vote was rigged.", [("falsely", "evaluative"), ("rigged", "evaluative")]),
    ("The minister's bungled response was ill-advised.", [("bungled", "evaluative"), ("ill-advised", "evaluative")]),
    ("The governor lies about the budget.", [("lies", "evaluative")]),
]

NON_HITS = [
    ("Venezuelan authorities insist that the true objective is regime change.", "regime change: term of art"),
    ("The sanctions regime was tightened in March.", "sanctions regime: a system of rules"),
    ("He was charged with murder in 2019.", "a legal charge stated as such"),
    ("The government designated the group a foreign terrorist organization.", "neutral wording"),
    ("Drug traffickers were killed in the strikes.", "neutral wording"),
    ("The group claimed responsibility for the attack.", "claimed responsibility: standard phrase"),
    ("The flood claimed the lives of six people.", "claimed the lives: 'took the lives'"),
    ("Jobless claims rose last week.", "jobless claims: an economic statistic"),
    ("Officials said the claims were under review.", "the noun 'claims' with a determiner"),
    ("She was convicted of attempted murder.", "attempted murder: a legal charge"),
    ("Antioxidants neutralise free radicals.", "free radicals: chemistry"),
    ("The answer lies in the budget.", "lies in: 'is found in'"),
]


@pytest.mark.parametrize(("sentence", "expected"), HITS)
def test_loaded_finds_terms_in_sentences(
    parse: Callable[[str], Document], lexicons: Lexicons, sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert terms_in(parse(sentence), lexicons) == expected


@pytest.mark.parametrize(("sentence", "reason"), NON_HITS)
def test_loaded_exclusions_and_neutral_wording_are_not_counted(
    parse: Callable[[str], Document], lexicons: Lexicons, sentence: str, reason: str
) -> None:
    assert terms_in(parse(sentence), lexicons) == [], reason


def test_loaded_spans_carry_offsets_notes_and_alternatives(seed_docs: dict[str, Document], lexicons: Lexicons) -> None:
    entries = {entry.key: entry for entry in lexicons["loaded"]}
    total = 0
    for doc in seed_docs.values():
        for span in loaded.extract(doc, lexicons).spans:
            total += 1
            assert span.type == "loaded"
            assert doc.text[span.start : span.end] == span.text
            assert span.alternative and span.note and span.category
            if span.label != loaded.SCARE_LABEL:
                assert span.alternative == entries[span.label]["alternative"]
                assert span.category == entries[span.label]["category"] != "exclusion"
    assert total > 0


def test_loaded_lexicon_rows_have_alternative_source_and_note(lexicons: Lexicons) -> None:
    for entry in lexicons["loaded"]:
        assert entry["alternative"] and entry["source"] and entry["note"], entry.key


def test_loaded_lexicon_loads_without_warnings(lexicons: Lexicons) -> None:
    assert [w for w in lexicons.warnings if "loaded.tsv" in w] == []


def test_loaded_reports_each_scare_quote_and_the_term_inside(
    parse: Callable[[str], Document], lexicons: Lexicons
) -> None:
    # Whether a quote is "scare" is the quotation module's decision; fix it here so this
    # test checks only how the loaded extractor consumes it.
    text = "The decision comes amid weeks of US ‘narcoterrorism’ strikes on boats and ‘Southern Lance’ patrols."
    doc = parse(text)
    first, second = text.index("‘narcoterrorism’"), text.index("‘Southern Lance’")
    quotes = (
        QuoteRegion(first, first + 16, first + 1, first + 15, "scare"),
        QuoteRegion(second, second + 16, second + 1, second + 15, "speech"),
    )
    spans = loaded.extract(dataclasses.replace(doc, quotes=quotes), lexicons).spans
    assert [(s.text, s.label, s.category) for s in spans] == [
        ("‘narcoterrorism’", "scare quote", "distancing"),
        ("narcoterrorism", "narcoterrorism", "violence_crime"),
    ]
    assert spans[0].alternative == loaded.SCARE_ALTERNATIVE
    assert loaded.extract(dataclasses.replace(doc, quotes=quotes), lexicons).values["scare_quote_count"] == 1


def test_loaded_emits_every_scare_quote_of_the_seeds(seed_docs: dict[str, Document], lexicons: Lexicons) -> None:
    for doc in seed_docs.values():
        scare = {(q.start, q.end) for q in doc.quotes if q.kind == "scare"}
        found = {(s.start, s.end) for s in loaded.extract(doc, lexicons).spans if s.label == loaded.SCARE_LABEL}
        assert found == scare, doc.id


def test_loaded_lexicon_override_adds_a_term(tmp_path: Path, parse: Callable[[str], Document]) -> None:
    sentence = "The junta's apparatchiks met in secret."
    assert terms_in(parse(sentence), load_lexicons()) == [("junta's", "pejorative_label")]
    (tmp_path / "loaded.tsv").write_text(
        "term\tcategory\talternative\tsource\tnote\n"
        "apparatchiks\tpejorative_label\tofficials\ttest\tdismissive label for officials\n",
        encoding="utf-8",
    )
    spans = loaded.extract(parse(sentence), load_lexicons(tmp_path)).spans
    assert [(s.text, s.label, s.alternative) for s in spans] == [
        ("junta's", "junta", "military government"),
        ("apparatchiks", "apparatchiks", "officials"),
    ]
