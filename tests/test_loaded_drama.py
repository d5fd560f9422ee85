"""The drama lexicon (lexicons/loaded_drama.tsv) and the matching rules that find its rows in real text.

Every sentence is made up for these tests. They check the general rules, not single rows: a verb
idiom in any form of its verb, a plural last word, hyphen variants, context rules, exclusions, the
weaker tier, whose voice a word is in, one finding per scare quote, and that the learned lexicon's
features do not read the new file.
"""

from __future__ import annotations

import pytest

from framing.features import loaded
from framing.features.learned_loaded import lexicon_memberships
from framing.features.loaded_terms import CURATED_LEXICONS, curated_entries, hyphen_variants, verb_forms
from framing.lexicons import Lexicons, term_tokens


def found(spans: list) -> dict[str, object]:
    return {span.text: span for span in spans}


@pytest.mark.parametrize(("text", "words", "label"), [
    ("The senator tore into the budget on Monday.", "tore into", "tear into"),
    ("Aides are tearing into the report.", "tearing into", "tear into"),
    ("She tears into her rivals at every rally.", "tears into", "tear into"),
    ("He lashed out at reporters.", "lashed out", "lashed out"),  # loaded.tsv lists this form itself
    ("The mayor keeps lashing out at the council.", "lashing out", "lash out"),
    ("Democrats took aim at the tax plan.", "took aim at", "take aim at"),
    ("The governor stepped into the fray on Friday.", "the fray", "the fray"),
    ("The board fired back within hours.", "fired back", "fire back"),
    ("The vote was a warning shot to party leaders.", "warning shot", "warning shot"),
    ("Both sides traded warning shots all week.", "warning shots", "warning shot"),
])
def test_drama_verb_idioms_match_in_any_form_of_their_verb(loaded_spans_of, text: str, words: str, label: str) -> None:
    span = found(loaded_spans_of(text))[words]
    assert span.label == label and span.counted
    assert span.attrs["rule"] in ("listed_term", "idiom_inflection") and span.note


def test_drama_inflected_idiom_names_its_rule(loaded_spans_of) -> None:
    assert found(loaded_spans_of("The senator tore into the plan."))["tore into"].attrs["rule"] == "idiom_inflection"
    assert found(loaded_spans_of("The senator will tear into the plan."))["tear into"].attrs["rule"] == "listed_term"


def test_drama_one_word_rows_match_their_inflections(loaded_spans_of) -> None:
    spans = found(loaded_spans_of("Critics hammered the bill, and the upset toppled a leader in a testier race."))
    assert {"hammered", "toppled", "testier"} <= set(spans)
    assert spans["toppled"].label == "topple" and spans["toppled"].attrs["rule"] == "inflection"


def test_drama_hyphen_variants(loaded_spans_of) -> None:
    spans = found(loaded_spans_of("The race was a nailbiter and she became a lightning-rod for critics."))
    assert spans["nailbiter"].label == "nail-biter" and spans["nailbiter"].attrs["rule"] == "hyphen_variant"
    assert spans["lightning-rod"].label == "lightning rod"


def test_drama_variant_helpers() -> None:
    assert {"tore", "torn", "tears", "tearing"} <= verb_forms("tear")
    assert {"stepped", "stepping", "steps"} <= verb_forms("step")
    assert {"lashes", "lashed", "lashing"} <= verb_forms("lash")
    assert {"bullies", "bullied", "bullying"} <= verb_forms("bully")
    # A hyphenated word is closed up but never split: "hard-left" is a label, "a hard left turn" is not.
    assert list(hyphen_variants(("hard-left",))) == [("hardleft",)]


@pytest.mark.parametrize(("text", "word"), [
    ("Vandals trashed the office overnight.", "trashed"),  # named_target: no named object
    ("The army is crushing the revolt.", "crushing"),  # adjective_use: a verb with its object
    ("Negotiators hammered out a deal.", "hammered"),  # exclusion: a term of art
    ("Police found an explosive device.", "explosive"),
    ("He died of a heart attack.", "attack"),
])
def test_drama_literal_uses_are_not_counted(loaded_spans_of, text: str, word: str) -> None:
    assert not [s for s in loaded_spans_of(text) if word in s.text.lower() and s.counted]


def test_drama_context_rules_let_the_loaded_use_through(loaded_spans_of) -> None:
    spans = found(loaded_spans_of("Critics trashed Smith over the vote after a crushing defeat."))
    assert spans["trashed"].attrs["context_rule"] == "named_target" and spans["trashed"].counted
    assert spans["crushing"].counted


def test_drama_weaker_tier_is_shown_not_counted(loaded_spans_of) -> None:
    spans = found(loaded_spans_of("The controversial plan deepened the crisis."))
    for word in ("controversial", "crisis"):
        assert spans[word].attrs["confidence"] == "possible" and not spans[word].counted
        assert "weaker tier" in spans[word].attrs["reason"]


@pytest.mark.parametrize(("text", "word", "voice"), [
    ("The testy exchange ended the hearing.", "testy", "own"),
    ("“It was a scathing report,” the mayor said.", "scathing", "quoted"),
    ("The mayor said that the report was scathing.", "scathing", "paraphrase"),
    ("It was not a debacle, the minister insisted.", "debacle", "paraphrase"),
    # a tail that opens speech reports what follows: the verb before it is the writer's account
    ("The senator lashed out on Monday, saying:", "lashed out", "own"),
    ("The senator lashed out at the plan, calling it a scandal.", "lashed out", "own"),
    ("The minister denied the rollout was botched.", "botched", "paraphrase"),
    # the negation is part of the idiom, so nothing is denied
    ("The party showed no sign of backing down.", "no sign of backing down", "own"),
])
def test_drama_words_carry_their_voice(loaded_spans_of, text: str, word: str, voice: str) -> None:
    assert found(loaded_spans_of(text))[word].attrs["voice"] == voice


def test_drama_scare_quote_and_its_word_are_one_finding(general_lexicons: Lexicons) -> None:
    from framing.corpus import parse_text

    doc = parse_text("The council approved the ‘boondoggle’ anyway.", general_lexicons)
    assert [q.kind for q in doc.quotes] == ["scare"]
    spans = loaded.extract(doc, general_lexicons).spans
    assert len(spans) == 1 and spans[0].label == loaded.SCARE_LABEL
    assert spans[0].attrs["quoted_term"] == "boondoggle"


def test_drama_rows_leave_the_learned_features_alone(general_lexicons: Lexicons) -> None:
    """The learned lexicon was trained on loaded.tsv memberships; a drama word must not become a member."""
    norms = ["the", "testy", "senator", "tore", "into", "a", "scathing", "report"]
    members = lexicon_memberships(norms, general_lexicons)
    assert not any(name.startswith("loaded:") for names in members.values() for name in names)
    assert loaded.inflection_index(general_lexicons).entries_for({"toppled"}) == {}


def test_drama_rows_are_not_loaded_rows(general_lexicons: Lexicons) -> None:
    """One row per term across the two files, so which file's note a span shows is never a matter of order."""
    listed = {term_tokens(entry.key) for entry in general_lexicons["loaded"]}
    assert [entry.key for entry in general_lexicons["loaded_drama"] if term_tokens(entry.key) in listed] == []
    assert len(curated_entries(general_lexicons)) == sum(len(general_lexicons[name]) for name in CURATED_LEXICONS)


def test_drama_lexicon_rows_are_counted_or_possible_and_every_possible_row_says_why(general_lexicons: Lexicons) -> None:
    rows = list(general_lexicons["loaded_drama"])
    assert len(rows) >= 300
    assert {entry["tier"] for entry in rows} == {"counted", "possible"}
    assert all(entry["note"] and entry["alternative"] for entry in rows)


def test_drama_rows_are_never_demoted_by_the_learned_lexicon(loaded_spans_of) -> None:
    """The learned lexicon (optional set) was trained without the drama rows' membership, so it judges only
    the rows it knows: its low score for a drama row would reflect the file, not the word."""
    from framing.features.learned_loaded import could_demote

    spans = found(loaded_spans_of("The testy senator gave a reckless speech."))
    assert spans["testy"].attrs["lexicon"] == "loaded_drama" and not could_demote(spans["testy"])
    assert spans["reckless"].attrs["lexicon"] == "loaded" and could_demote(spans["reckless"])


def test_drama_possible_finding_is_drawn_apart_in_the_report(analyze_text, lexicons) -> None:
    """A weaker-tier word is highlighted with a dashed underline, not the shading of a counted one."""
    from lxml import html as lxml_html

    from framing.report import render_report

    analysis = analyze_text("The controversial plan drew a scathing review.")
    page = lxml_html.fromstring(render_report([analysis], lexicons, formats=["html"], title="")["html"])
    possible = [" ".join(s.xpath(".//text()")) for s in page.xpath("//span[contains(@class, 'hl-possible')]")]
    counted = [" ".join(s.xpath(".//text()")) for s in page.xpath(
        "//span[contains(@class, 'hl-loaded') and not(contains(@class, 'hl-possible'))]")]
    assert "controversial" in possible and "scathing" in counted and "scathing" not in possible
