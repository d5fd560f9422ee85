"""Attribution cues, their stance, and the kind of source (framing.features.attribution).

These examples test the rules, so they run without the learned attribution scorer
(tests/test_attribution_scorer.py tests that): the scorer follows PolNeAR, whose
annotators count a writer's inference ("This move suggests") or a passive ("was warned
that") as a cue too, while each example here pins what a rule decides.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from benchmarks.evaluation.datasets import Attribution, Fragment, PolnearDoc
from benchmarks.evaluation.tasks import score_attribution
from framing.document import Span
from framing.features import attribution
from framing.lexicons import Lexicons


@pytest.fixture(scope="session")  # as wide as the fixture it narrows, which the session-wide ``parse`` reads
def lexicons(lexicons: Lexicons) -> Lexicons:
    """The seeds' lexicons without the attribution scorer: the rules decide (see the module docstring)."""
    return replace(lexicons, attribution_scorer=None)

CASES = [
    # (text, cue as written, stance, source as written, source kind)
    pytest.param("According to Axios, the talks are planned.", "According to", "neutral", "Axios", "media",
                 id="according-to-media"),
    pytest.param("According to a source familiar with the matter, no strike is planned.", "According to", "neutral",
                 "a source familiar with the matter", "anonymous", id="according-to-anonymous"),
    pytest.param("Senator Ann Lee said the plan would fail.", "said", "neutral", "Senator Ann Lee", "named_person",
                 id="title-name-said"),
    pytest.param("“It will fail,” said the senator.", "said", "neutral", "the senator", "named_person",
                 id="inverted-said"),
    pytest.param("An aide told Axios that the call happened.", "told", "neutral", "An aide", "anonymous",
                 id="told-outlet"),
    pytest.param("This designation has faced skepticism from analysts, who argue that evidence is thin.", "argue",
                 "distancing", "analysts, who", "vague", id="relative-who-argue"),
    pytest.param("Reports indicate at least 21 vessels have been attacked.", "Reports indicate", "neutral", "Reports",
                 "vague", id="reports-indicate"),
    pytest.param("Reports in The New York Times indicate that Trump authorized covert action.", "indicate", "neutral",
                 "Reports in The New York Times", "media", id="reports-in-outlet"),
    pytest.param("The Pentagon has claimed that the boats carried drugs.", "claimed", "distancing", "The Pentagon",
                 "institution", id="claimed-institution"),
    pytest.param("The Trump administration alleges that the cartel is run by Maduro.", "alleges", "distancing",
                 "The Trump administration", "institution", id="alleges"),
    pytest.param("Venezuelan authorities insist that the true objective is regime change.", "insist", "distancing",
                 "Venezuelan authorities", "institution", id="insist"),
    pytest.param("US President Donald Trump confirmed that he had spoken with Maduro.", "confirmed", "endorsing",
                 "US President Donald Trump", "named_person", id="confirmed"),
    pytest.param("Republican Senator Markwayne Mullin revealed on CNN that an offer was made.", "revealed",
                 "endorsing", "Republican Senator Markwayne Mullin", "named_person", id="revealed"),
    pytest.param("The minister admitted that the figures were wrong.", "admitted", "concessive", "The minister",
                 "named_person", id="admitted"),
    pytest.param("Officials conceded that the strike killed civilians.", "conceded", "concessive", "Officials",
                 "institution", id="conceded-officials"),
    pytest.param("Experts contend that the term may misrepresent the dynamics.", "contend", "distancing", "Experts",
                 "vague", id="experts-contend"),
    pytest.param("Many observers view it as a strategic effort.", "view", "neutral", "Many observers", "vague",
                 id="many-observers"),
    pytest.param("The adviser was quoted as saying that talks were likely.", "quoted as saying", "neutral",
                 "The adviser", "anonymous", id="quoted-as-saying"),
    pytest.param("A diplomatic solution is likely, according to a Trump advisor quoted by Reuters.", "quoted by",
                 "neutral", "Reuters", "media", id="quoted-by"),
    pytest.param("The dialogue, reported by The Wall Street Journal, surprised many.", "reported", "neutral",
                 "The Wall Street Journal", "media", id="reported-by"),
    pytest.param("Critics, including human rights advocates and academic experts, have condemned the strikes.",
                 "condemned", "accusatory", "Critics", "vague", id="appositive-subject"),
    pytest.param("Trump has hinted at strikes on land, stating that they will start soon.", "stating", "neutral",
                 "Trump", "named_person", id="participle-continues-report"),
    pytest.param("The rights group says the detention is arbitrary.", "says", "neutral", "The rights group",
                 "anonymous", id="unlisted-noun-phrase"),
]


# Constructions added for news attribution beyond verbs of saying (hand-made sentences).
CONSTRUCTIONS = [
    pytest.param("Senator Ann Lee: “We will not back down on this bill.”", ":", "neutral", "Senator Ann Lee",
                 "named_person", id="colon-after-speaker-before-quote"),
    pytest.param("Governor Tom Hale: Farmers deserve a fair price for their crops.", ":", "neutral",
                 "Governor Tom Hale", "named_person", id="colon-headline-clause"),
    pytest.param("The mayor called the new stadium a waste of money.", "called", "neutral", "The mayor",
                 "named_person", id="called-characterisation"),
    pytest.param("In a new Gallup poll, 40 percent of voters chose the mayor.", "In", "neutral", "a new Gallup poll",
                 "document", id="in-poll-opens-sentence"),
    pytest.param("Recent surveys show the race tightening.", "show", "endorsing", "Recent surveys", "document",
                 id="surveys-show"),
    pytest.param("A study found that most towns lacked shelters.", "found", "endorsing", "A study", "document",
                 id="study-found"),
    pytest.param("Asked about the deal, the minister said it was fair.", "Asked", "neutral", "the minister",
                 "named_person", id="asked-opening-participle"),
    pytest.param("When asked about the deal, Senator Ann Lee declined to comment.", "asked", "neutral",
                 "Senator Ann Lee", "named_person", id="when-asked"),
    pytest.param("When asked about the deal, Senator Ann Lee declined to comment.", "declined", "neutral",
                 "Senator Ann Lee", "named_person", id="declined-to-comment"),
    pytest.param("The minister was asked whether the talks would resume.", "asked", "neutral", "The minister",
                 "named_person", id="was-asked"),
    pytest.param("Critics want the plan withdrawn before the vote.", "want", "neutral", "Critics", "vague",
                 id="want"),
    pytest.param("Senator Ann Lee continued, “We will not back down on this bill.”", "continued", "neutral",
                 "Senator Ann Lee", "named_person", id="any-verb-between-speaker-and-quote"),
    pytest.param("Last week, 30 percent said the economy mattered most.", "said", "neutral",
                 "30 percent", "vague", id="share-of-a-group"),
    pytest.param("The video shows the senator leaving the hall.", "shows", "endorsing", "The video", "document",
                 id="video-shows"),
    pytest.param("Senator Ann Lee on Tuesday criticized the plan.", "criticized", "accusatory", "Senator Ann Lee",
                 "named_person", id="time-adverbial-between-subject-and-verb"),
    pytest.param("Senator Ann Lee, referring to the mayor, called the plan reckless.", "referring to", "neutral",
                 "Senator Ann Lee", "named_person", id="referring-to-object-is-no-source"),
    pytest.param("Writing in the journal, two economists argued that the tax failed.", "Writing", "neutral",
                 "two economists", "vague", id="opening-ing-participle-takes-main-subject"),
    pytest.param("The videos were shown on Thursday, according to their attorneys.", "according to", "neutral",
                 "their attorneys", "vague", id="according-to-unlisted-noun-phrase"),
    pytest.param("According to Zogby, the race is tied.", "According to", "neutral", "Zogby", "institution",
                 id="according-to-one-unlisted-name-is-a-body"),
    pytest.param("The governor pointed to the polls.", "pointed to", "neutral", "The governor", "named_person",
                 id="pointed-to"),
    pytest.param("The mayor talked about the budget for an hour.", "talked about", "neutral", "The mayor",
                 "named_person", id="talked-about"),
    pytest.param("“We will win this race,” she continued.", "continued", "neutral", "she", "named_person",
                 id="any-verb-tagged-after-quote"),
    pytest.param("“We will fight for every family in this state,” the letter reads.", "reads", "neutral",
                 "the letter", "document", id="noun-like-form-in-quote-tag"),
    pytest.param("The debate turned sharp. Hillary shot back, “I could have stayed home.”", "shot back",
                 "neutral", "Hillary", "named_person", id="phrasal-verb-before-quote"),
    pytest.param("Senator Ann Lee made it clear that she would not resign.", "made it clear", "neutral",
                 "Senator Ann Lee", "named_person", id="made-it-clear"),
    pytest.param("The council has made clear its opposition to the tower.", "made clear", "neutral", "The council",
                 "institution", id="made-clear"),
    pytest.param("The tax is, as one farmer put it, a punishment for working.", "put it", "neutral", "one farmer",
                 "anonymous", id="as-source-put-it"),
    pytest.param("The governor referred to the protesters as outsiders.", "referred to", "neutral", "The governor",
                 "named_person", id="referred-to"),
    pytest.param("Senator Ann Lee is confident that the bill will pass.", "confident that", "neutral",
                 "Senator Ann Lee", "named_person", id="stance-adjective-that-clause"),
    pytest.param("The mayor was critical of the new budget.", "critical of", "neutral", "The mayor",
                 "named_person", id="stance-adjective-preposition"),
    pytest.param("Local donors could not support the mayor this year.", "support", "neutral", "Local donors",
                 "vague", id="noun-like-form-after-modal-is-a-verb"),
    pytest.param("Many strategists think the race is over.", "think", "neutral", "Many strategists", "vague",
                 id="base-form-after-plural-noun"),
    pytest.param("Two pastors supporting the senator spoke at the rally.", "supporting", "neutral", "Two pastors",
                 "vague", id="reduced-relative-ing-after-plural-noun"),
    pytest.param("Research suggests that the tax slowed hiring.", "suggests", "neutral", "Research", "document",
                 id="research-suggests"),
    pytest.param("“We are tired of waiting for change.” ― Maria Lopez", "―", "neutral", "Maria Lopez",
                 "named_person", id="dash-credit-after-quote"),
    pytest.param("Senator Ann Lee bragged that the bill would pass.", "bragged", "neutral", "Senator Ann Lee",
                 "named_person", id="unlisted-verb-before-that-clause"),
]

# Cues that report although no source is named or read (hand-made sentences).
SOURCELESS = [
    pytest.param("Maduro was accused of leading the cartel.", "accused", id="agentless-passive"),
    pytest.param("The senator is widely expected to resign next week.", "expected", id="agentless-expected"),
    pytest.param("Most of them said the plan would fail.", "said", id="said-with-unread-subject"),
    pytest.param("Comey indicated that no charges would follow.", "indicated", id="past-after-unlisted-name"),
    pytest.param("The crowd grew, chanting slogans.", "chanting", id="participle-after-comma"),
]


@pytest.mark.parametrize(("text", "cue", "stance", "source", "kind"), CASES + CONSTRUCTIONS)
def test_attribution_cue_stance_and_source(parse, lexicons, text, cue, stance, source, kind) -> None:
    doc = parse(text)
    spans = attribution.extract(doc, lexicons).spans
    cues = [s for s in spans if s.type == "attribution" and s.text == cue]
    assert cues, [(s.type, s.text) for s in spans]
    found = cues[0]
    assert found.category == stance
    assert doc.text[found.start : found.end] == cue
    sources = [s for s in spans if s.type == "source" and s.attrs["cue_start"] == found.start]
    assert sources, "no source for the cue"
    assert sources[0].text == source
    assert sources[0].category == kind
    assert (found.attrs["source_start"], found.attrs["source_end"]) == (sources[0].start, sources[0].end)
    assert doc.text[sources[0].start : sources[0].end] == source
    assert sources[0].attrs["stance"] == stance


NOT_ATTRIBUTIONS = [
    pytest.param("These claims are part of a fabricated narrative.", id="noun-claims"),
    pytest.param("Reports of authorized CIA actions inside Venezuela suggest a willingness to act.",
                 id="inference-from-reports"),
    pytest.param("This move suggests a shift in the administration’s approach.", id="writer-inference"),
    pytest.param("The United States has intensified its pressure.", id="united-states"),
    pytest.param("He travelled to Caracas to comment on the talks.", id="infinitive"),
    pytest.param("The talks are supposed to resume.", id="be-supposed-to"),
    pytest.param("Prices rose, indicating that demand is strong.", id="participle-of-inference"),
    pytest.param("The strikes targeted alleged drug boats.", id="adjective-alleged"),
    pytest.param("This raises critical questions about the approach.", id="noun-questions"),
    pytest.param("Final tally: 547 votes.", id="colon-without-source"),
    pytest.param("Senator Ann Lee: 547 votes.", id="colon-tally-after-name"),
    pytest.param("Turnout was high in the poll.", id="in-poll-inside-clause"),
    pytest.param("The Lee Question: A Bold Plan?", id="colon-title-case-subheading"),
    pytest.param("The schedule reads like a list of chores.", id="reads-without-speaker"),
    pytest.param("The clerk put it on the table.", id="put-it-literal"),
    pytest.param("In this story, the word refers to a tax.", id="refers-with-no-source"),
    pytest.param("The plan makes clear sense.", id="made-clear-as-adjective"),
    pytest.param("Make sure that the doors are locked.", id="stance-adjective-without-copula"),
    pytest.param("It is clear that the plan failed.", id="clear-that-is-the-writers-own"),
    pytest.param("Local leaders, like the budget, could not support the plan.", id="modal-after-comma-needs-subject"),
    pytest.param("Farm support payments rose last year.", id="noun-support-after-singular-noun"),
    pytest.param("“It was a long night” — the band’s third single — topped the charts.", id="dash-not-a-credit"),
    pytest.param("The mayor signed that bill into law.", id="demonstrative-that-is-no-clause"),
    pytest.param("The city was warned that the dam could fail.", id="passive-before-that-clause"),
]


@pytest.mark.parametrize(("text", "cue"), SOURCELESS)
def test_attribution_cue_without_source(parse, lexicons, text: str, cue: str) -> None:
    spans = attribution.extract(parse(text), lexicons).spans
    assert [(s.type, s.text, s.attrs["source_start"]) for s in spans] == [("attribution", cue, None)]


CONTENTS = [
    pytest.param("Senator Ann Lee said that the plan would fail.", "said", "the plan would fail",
                 id="content-after-cue-and-that"),
    pytest.param("The plan will fail, Senator Ann Lee said.", "said", "The plan will fail",
                 id="content-before-closing-tag"),
    pytest.param("According to Axios, the talks are planned.", "According to", "the talks are planned",
                 id="content-after-prepositional-source"),
    pytest.param("The talks are planned for May, according to Axios.", "according to",
                 "The talks are planned for May", id="content-before-closing-according-to"),
    pytest.param("He said so.", "said", None, id="too-short-is-no-content"),
]


@pytest.mark.parametrize(("text", "cue", "content"), CONTENTS)
def test_attribution_content_offsets(parse, lexicons, text: str, cue: str, content: str | None) -> None:
    doc = parse(text)
    spans = [s for s in attribution.extract(doc, lexicons).spans if s.type == "attribution" and s.text == cue]
    assert spans
    start, end = spans[0].attrs["content_start"], spans[0].attrs["content_end"]
    assert (doc.text[start:end] if start is not None else None) == content


def test_attribution_cue_inside_quote_is_not_a_cue(parse, lexicons) -> None:
    doc = parse("“Donald Trump hasn’t said it directly,” the memo read.")
    spans = attribution.extract(doc, lexicons).spans
    assert [(s.type, s.text) for s in spans] == [("attribution", "read"), ("source", "the memo")]


def test_attribution_in_statement_yields_to_the_verb(parse, lexicons) -> None:
    doc = parse("In a statement released Monday, the group said it would appeal.")
    cues = [s.text for s in attribution.extract(doc, lexicons).spans if s.type == "attribution"]
    assert cues == ["said"]


@pytest.mark.parametrize("text", NOT_ATTRIBUTIONS)
def test_attribution_ignores_non_reports(parse, lexicons, text: str) -> None:
    spans = attribution.extract(parse(text), lexicons).spans
    assert [s.text for s in spans] == []


def test_attribution_told_outlet_adds_media_source(parse, lexicons) -> None:
    doc = parse("“It is over,” an advisor told Axios.")
    sources = [(s.text, s.category) for s in attribution.extract(doc, lexicons).spans if s.type == "source"]
    assert sources == [("an advisor", "anonymous"), ("Axios", "media")]


def test_attribution_pronoun_source_resolves_name(parse, lexicons) -> None:
    doc = parse("Jorge Rodriguez met the families. He remarked that the killings were crimes.")
    sources = [s for s in attribution.extract(doc, lexicons).spans if s.type == "source"]
    assert [(s.text, s.attrs["name"], s.label) for s in sources] == [("He", "Jorge Rodriguez", "pronoun he")]


def test_attribution_every_reporting_row_has_known_stance_and_source(lexicons) -> None:
    lexicon = lexicons["reporting_verbs"]
    stances = {"neutral", "distancing", "endorsing", "concessive", "accusatory"}
    assert len(lexicon) > 300
    for entry in lexicon:
        assert entry["stance"] in stances and entry["source"] and entry["note"], entry.key
    terms = {entry.key for entry in lexicon}
    for lemma_forms in (("claim", "claims", "claimed", "claiming"), ("say", "says", "said", "saying")):
        assert set(lemma_forms) <= terms


def test_attribution_seed_spans_point_at_their_text(seed_analyses) -> None:
    for analysis in seed_analyses.values():
        text = analysis.document.text
        for span in analysis.spans_of("attribution") + analysis.spans_of("source"):
            assert text[span.start : span.end] == span.text
        for span in analysis.spans_of("source"):
            assert text[span.attrs["cue_start"] : span.attrs["cue_end"]] == span.attrs["verb"]


def test_attribution_scoring_counts_content_claimed_by_quote_once() -> None:
    """A tag's content that overlaps its quote is one claim, not a second, unmatched one."""
    text = "“We will win the state,” Smith said. Jones said that the race was close."
    gold = PolnearDoc("doc", "dev", "test", text, (
        Attribution(None, Fragment(((31, 35),), "said"), Fragment(((0, 24),), text[0:24])),
        Attribution(None, Fragment(((43, 47),), "said"), Fragment(((53, 71),), text[53:71])),
    ))
    spans = [
        Span("quote", 0, 24, text[0:24], "direct quote"),
        Span("attribution", 31, 35, "said", "said", attrs={"content_start": 1, "content_end": 22}),
        Span("attribution", 43, 47, "said", "said", attrs={"content_start": 53, "content_end": 71}),
    ]
    content = score_attribution([gold], {"doc": spans})["content_overlap"]
    assert (content["tp"], content["fp"], content["fn"]) == (2, 0, 0)
