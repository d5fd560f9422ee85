"""Loaded-language extractor: lexicon terms with alternatives, exclusions, scare quotes, overrides."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import pytest

from framing.document import Document, QuoteRegion
from framing.features import loaded
from framing.features.loaded_terms import CURATED_LEXICONS, curated_entries
from framing.lexicons import Lexicons, load_lexicons


def terms_in(doc: Document, lexicons: Lexicons) -> list[tuple[str, str]]:
    """(text, category) of each counted lexicon span, leaving scare quotes and weaker-tier ("possible") rows aside."""
    return [(s.text, s.category) for s in loaded.extract(doc, lexicons).spans
            if s.label != loaded.SCARE_LABEL and s.counted]


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
    ("Bombings considered as extrajudicial and illicit executions.",
     [("extrajudicial and illicit executions", "violence_crime")]),  # coordination inside a listed phrase
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
    # the claim family is shown as possible, never counted (blind readers take it as a reporting verb)
    ("The senator claimed the report was a cover-up.", [("cover-up", "evaluative")]),
    ("The senator insisted the report was a cover-up.", [("cover-up", "evaluative")]),
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
    # hand-made: rows reviewed from the Liu / Riloff & Wiebe lists and partisan framing
    (
        "Critics called the bill a power grab by a sycophantic apparatchik.",
        [("power grab", "evaluative"), ("sycophantic", "evaluative"), ("apparatchik", "pejorative_label")],
    ),
    (
        "The debacle was a stunning display of incompetence.",
        [("debacle", "evaluative"), ("stunning", "intensifier"), ("incompetence", "evaluative")],
    ),
    ("Activists decried the death tax.", [("decried", "evaluative"), ("death tax", "pejorative_label")]),
    # attitude stance adverbials: the writer's comment on the fact
    (
        "Tellingly, the report inexplicably omitted the figures.",
        [("Tellingly", "evaluative"), ("inexplicably", "evaluative")],
    ),
    (
        "Needless to say, the senator conveniently forgot.",
        [("Needless to say", "evaluative"), ("conveniently", "evaluative")],
    ),
    # a disease named after a place or people (WHO 2015 naming practice)
    ("He again blamed the Chinese virus for the recession.", [("Chinese virus", "pejorative_label")]),
    ("Cases of the Wuhan coronavirus rose.", [("Wuhan coronavirus", "pejorative_label")]),
    # negation does not neutralise a loaded word: the label is still put before the reader
    ("This is not a racist or bigoted policy.", [("racist", "pejorative_label"), ("bigoted", "pejorative_label")]),
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
    ("Prosecutors may charge the three men with murder.", "with murder: the legal charge"),
    ("The city's murder rate fell last year.", "murder rate: a crime statistic"),
    ("Antioxidants neutralise free radicals.", "free radicals: chemistry"),
    ("The answer lies in the budget.", "lies in: 'is found in'"),
    ("She filed a claim for unemployment benefits.", "claim for: the noun, an application"),
    ("Thousands of asylum claims are pending.", "asylum claims: refugee law"),
    ("The airline may claim bankruptcy protection.", "claim bankruptcy: a legal filing"),
    ("No one suspected foul play in the freak accident.", "foul play, freak accident: neutral phrases"),
    ("The coronavirus was first detected in Wuhan, China.", "a place named as a place, not as the disease's name"),
    ("The 1918 Spanish flu killed millions.", "an established historical name is not listed"),
]


@pytest.mark.parametrize(("sentence", "expected"), HITS)
def test_loaded_finds_terms_in_sentences(
    research_parse: Callable[[str], Document],
    research_lexicons: Lexicons,
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    parse, lexicons = research_parse, research_lexicons  # words from the optional set too
    assert terms_in(parse(sentence), lexicons) == expected


@pytest.mark.parametrize(("sentence", "reason"), NON_HITS)
def test_loaded_exclusions_and_neutral_wording_are_not_counted(
    research_parse: Callable[[str], Document],
    research_lexicons: Lexicons,
    sentence: str, reason: str
) -> None:
    parse, lexicons = research_parse, research_lexicons  # words from the optional set too
    assert terms_in(parse(sentence), lexicons) == [], reason


def test_loaded_spans_carry_offsets_notes_and_alternatives(seed_docs: dict[str, Document], lexicons: Lexicons) -> None:
    entries = {entry.key: entry for entry in curated_entries(lexicons)}
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
    for entry in curated_entries(lexicons):
        assert entry["alternative"] and entry["source"] and entry["note"], entry.key


def test_loaded_lexicon_loads_without_warnings(lexicons: Lexicons) -> None:
    assert [w for w in lexicons.warnings if any(f"{name}.tsv" in w for name in CURATED_LEXICONS)] == []


def test_loaded_reports_a_scare_quote_and_the_term_inside_as_one_finding(
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
    assert [(s.text, s.label, s.category) for s in spans] == [("‘narcoterrorism’", "scare quote", "distancing")]
    assert spans[0].attrs["quoted_term"] == "narcoterrorism"
    assert spans[0].attrs["term_category"] == "violence_crime"
    assert spans[0].alternative == loaded.SCARE_ALTERNATIVE
    assert loaded.extract(dataclasses.replace(doc, quotes=quotes), lexicons).values["scare_quote_count"] == 1


def test_loaded_emits_every_scare_quote_of_the_seeds_except_quoted_names(
    seed_docs: dict[str, Document], lexicons: Lexicons
) -> None:
    skipped_names = set()
    for doc in seed_docs.values():
        scare = {(q.start, q.end): q for q in doc.quotes if q.kind == "scare"}
        found = {(s.start, s.end) for s in loaded.extract(doc, lexicons).spans if s.label == loaded.SCARE_LABEL}
        assert found <= set(scare), doc.id
        for key in set(scare) - found:
            assert loaded.is_quoted_name(doc, scare[key]), doc.text[key[0] : key[1]]
            skipped_names.add(doc.text[scare[key].inner_start : scare[key].inner_end].strip(" ,"))
    # The seeds print an operation's name in quotation marks: “Southern Lance,”.
    assert "Southern Lance" in skipped_names


def _as_scare_quotes(doc: Document, *quoted: str) -> Document:
    """``doc`` with each quoted passage (marks included) marked as a scare quote."""
    regions = []
    for passage in quoted:
        start = doc.text.index(passage)
        regions.append(QuoteRegion(start, start + len(passage), start + 1, start + len(passage) - 1, "scare"))
    return dataclasses.replace(doc, quotes=tuple(regions))


SCARE_QUOTE_CASES = [
    ("The navy launched “Southern Lance” patrols near ‘narcoterrorism’ routes.",
     ["“Southern Lance”", "‘narcoterrorism’"], ["‘narcoterrorism’"]),
    ("Fans rewatched “Orange Is the New Black” as critics mocked the ‘reform’.",
     ["“Orange Is the New Black”", "‘reform’"], ["‘reform’"]),
    ("He designated the ‘Cartel of the Suns’ a terrorist group.", ["‘Cartel of the Suns’"], []),
    # A title-case phrase with a loaded term inside is still held at a distance.
    ("He dismissed the story as “Fake News” again.", ["“Fake News”"], ["“Fake News”"]),
    # One capitalised word is not a name by this rule (“Unity” can be a scare quote).
    ("The party's ‘Unity’ tour began.", ["‘Unity’"], ["‘Unity’"]),
]


@pytest.mark.parametrize(("sentence", "quoted", "expected"), SCARE_QUOTE_CASES)
def test_loaded_quoted_names_are_not_scare_quotes(
    parse: Callable[[str], Document], lexicons: Lexicons, sentence: str, quoted: list[str], expected: list[str]
) -> None:
    extraction = loaded.extract(_as_scare_quotes(parse(sentence), *quoted), lexicons)
    assert [s.text for s in extraction.spans if s.label == loaded.SCARE_LABEL] == expected
    assert extraction.values["scare_quote_count"] == len(expected)


INFLECTED = [
    # forms that have no row of their own: matched through the one-word base term
    (
        "Critics derided the rollout and belittled the staff.",
        [("derided", "deride", "evaluative"), ("belittled", "belittle", "evaluative")],
    ),
    ("Officials bullied reporters and squandered funds.",
     [("bullied", "bully", "pejorative_label"), ("squandered", "squander", "evaluative")]),
    ("The minister cruelly dismissed the blunders.",
     [("cruelly", "cruel", "evaluative"), ("blunders", "blunder", "evaluative")]),
    (
        "She sneered at the plan, which was doomed.",
        [("sneered", "sneer", "evaluative"), ("doomed", "doom", "intensifier")],
    ),
    # degree forms of evaluative adjectives
    (
        "It was the dumbest idea and the nastiest campaign.",
        [("dumbest", "dumb", "evaluative"), ("nastiest", "nasty", "evaluative")],
    ),
    ("The race grew uglier by the day.", [("uglier", "ugly", "evaluative")]),
    # a hyphenated compound with a loaded participle as its head
    (
        "The column was another bout of liberal-bashing by a power-crazed pundit.",
        [("liberal-bashing", "bashing", "evaluative"), ("power-crazed", "crazed", "evaluative")],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), INFLECTED)
def test_loaded_matches_regular_inflections_of_one_word_terms(
    research_parse: Callable[[str], Document],
    research_lexicons: Lexicons,
    sentence: str, expected: list[tuple[str, str, str]]
) -> None:
    parse, lexicons = research_parse, research_lexicons  # words from the optional set too
    spans = [s for s in loaded.extract(parse(sentence), lexicons).spans if s.label != loaded.SCARE_LABEL]
    assert [(s.text, s.label, s.category) for s in spans] == expected
    entries = {entry.key: entry for entry in curated_entries(lexicons)}
    assert all(s.alternative == entries[s.label]["alternative"] for s in spans)


INFLECTION_NON_HITS = [
    ("The actor was shamed online.", "'shamed' is not a form of 'sham' (that would be 'shammed')"),
    ("Poor diet stunted their growth.", "'stunted' is an exclusion, not a publicity stunt"),
    ("In spite of the rain, the match went ahead.", "'in spite of' is a preposition"),
    ("Police do not suspect foul play.", "'foul play' is a police term"),
    ("Anti-racist groups marched on Saturday.", "a compound with an adjective head is not its head"),
    ("The long-awaited, record-breaking album sold well.", "compounds whose participle is not loaded"),
]


@pytest.mark.parametrize(("sentence", "reason"), INFLECTION_NON_HITS)
def test_loaded_inflection_matching_respects_spelling_and_exclusions(
    research_parse: Callable[[str], Document],
    research_lexicons: Lexicons,
    sentence: str, reason: str
) -> None:
    parse, lexicons = research_parse, research_lexicons  # words from the optional set too
    assert terms_in(parse(sentence), lexicons) == [], reason


@pytest.mark.parametrize(
    ("word", "base"),
    [("slammed", "slam"), ("slamming", "slam"), ("slams", "slam"), ("bullies", "bully"), ("bullied", "bully"),
     ("raged", "rage"), ("raging", "rage"), ("stressed", "stress"), ("bizarrely", "bizarre"), ("angrily", "angry"),
     ("horribly", "horrible"), ("dramatically", "dramatic"), ("rants", "rant"), ("dumbest", "dumb"),
     ("lamest", "lame"), ("nastiest", "nasty"), ("maddest", "mad"), ("uglier", "ugly")],
)
def test_loaded_base_forms_include_the_dictionary_form(word: str, base: str) -> None:
    assert base in loaded.base_forms(word)


@pytest.mark.parametrize("word", ["shamed", "shaming", "raging", "mess", "only"])
def test_loaded_base_forms_do_not_undo_a_doubling_english_would_need(word: str) -> None:
    # "sham" would give "shammed", "rag" would give "ragging"; "-ss" and short words are left alone.
    assert {"sham", "rag", "mes", "on"}.isdisjoint(loaded.base_forms(word))


@pytest.mark.parametrize(("word", "lookalike"), [("slammer", "slam"), ("gaffer", "gaffe"), ("bigger", "big")])
def test_loaded_base_forms_leave_plain_er_alone(word: str, lookalike: str) -> None:
    # plain -er mostly makes agent nouns (a slammer is a jail, a gaffer a foreman), so it is not undone
    assert lookalike not in loaded.base_forms(word)


def test_loaded_lexicon_override_adds_a_term(tmp_path: Path, parse: Callable[[str], Document]) -> None:
    sentence = "The junta's nomenklatura met in secret."
    assert terms_in(parse(sentence), load_lexicons()) == [("junta's", "pejorative_label")]
    (tmp_path / "loaded.tsv").write_text(
        "term\tcategory\talternative\tsource\tnote\n"
        "nomenklatura\tpejorative_label\tofficials\ttest\tdismissive label for officials\n",
        encoding="utf-8",
    )
    spans = loaded.extract(parse(sentence), load_lexicons(tmp_path)).spans
    assert [(s.text, s.label, s.alternative) for s in spans] == [
        ("junta's", "junta", "military government"),
        ("nomenklatura", "nomenklatura", "officials"),
    ]


# Context rules named in the lexicon's ``rule`` column: (sentence, loaded terms expected).
RULE_CASES = [
    # named_target: a verb of harsh criticism with a named object
    ("Blair blasts Tory spending plans.", [("blasts", "evaluative")]),
    ("The senator blasted Republican leaders for the delay.", [("blasted", "evaluative")]),
    ("The former premier ripped Donald Trump's handling of the crisis.", [("ripped", "evaluative")]),
    # ... and its literal senses, which have no named object
    ("The striker blasted the ball home from the edge of the area.", []),
    ("The blasts which killed 250 people shook the city.", []),
    ("The storm ripped the roof off the school.", []),
    ("Investigators said the car was ripped apart.", []),
    # not_before_measure: a size adjective before a noun of quantity states a magnitude
    ("Students graduate with massive debt.", []),
    ("A huge number of voters stayed home.", []),
    ("The party won by enormous margins.", []),
    # ... and before other nouns it dramatises
    ("The bill is a massive giveaway to lobbyists.", [("massive", "intensifier")]),
    ("It was a huge mistake.", [("huge", "intensifier")]),
    # adjective_use: a word of praise that is also a past verb counts as the adjective, not with its object
    ("The mayor celebrated his win on Tuesday night.", []),
    ("The celebrated author spoke on Tuesday night.", [("celebrated", "evaluative")]),
]


@pytest.mark.parametrize(("sentence", "expected"), RULE_CASES)
def test_loaded_context_rules_separate_loaded_from_literal_uses(
    research_parse: Callable[[str], Document],
    research_lexicons: Lexicons,
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    parse, lexicons = research_parse, research_lexicons  # words from the optional set too
    assert terms_in(parse(sentence), lexicons) == expected


def test_loaded_every_rule_named_in_the_lexicon_exists(lexicons: Lexicons) -> None:
    named = {entry["rule"] for entry in lexicons["loaded"]} - {""}
    assert named and named <= set(loaded.RULES)


def test_the_claim_family_is_shown_as_possible_not_counted(
    research_parse: Callable[[str], Document], research_lexicons: Lexicons
) -> None:
    doc = research_parse("The company claims its product is safe.")
    spans = [s for s in loaded.extract(doc, research_lexicons).spans if s.text == "claims"]
    assert len(spans) == 1 and not spans[0].counted and spans[0].attrs["confidence"] == "possible"


@pytest.mark.parametrize(("sentence", "scare_quotes"), [
    ("The council approved the ‘boondoggle’ anyway.", ["‘boondoggle’"]),
    ("He never used the word “cuts” in the speech.", []),  # a word named as a word, not held at a distance
    ("The term ‘amnesty’ divides the party.", []),
])
def test_a_word_named_as_a_word_is_no_scare_quote(
    research_parse: Callable[[str], Document], research_lexicons: Lexicons, sentence: str, scare_quotes: list[str]
) -> None:
    spans = loaded.extract(research_parse(sentence), research_lexicons).spans
    assert [s.text for s in spans if s.label == loaded.SCARE_LABEL] == scare_quotes
