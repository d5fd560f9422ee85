"""Quote regions: pairing of marks, and speech vs scare classification (framing.corpus.quotation)."""

from __future__ import annotations

import pytest

PAIRING = [
    pytest.param("He said, “We will win.” Then he left.", ["“We will win.”"], id="curly-double"),
    pytest.param('He said, "We will win." Then he left.', ['"We will win."'], id="straight-double"),
    pytest.param("He called it ‘gunboat diplomacy’ again.", ["‘gunboat diplomacy’"], id="curly-single"),
    pytest.param("Trump’s plan and Maduro’s reply were in the ’90s style.", [], id="apostrophes-do-not-pair"),
    pytest.param("In the '90s Trump's towers rose; the players' union won.", [], id="straight-elision-and-possessive"),
    pytest.param(
        "She said, “It is possible. We will see how it turns out. They would like to talk.” He left.",
        ["“It is possible. We will see how it turns out. They would like to talk.”"],
        id="multi-sentence-quote-is-one",
    ),
    pytest.param(
        "They stated, “today’s “Straw vote” is not a step towards integration,” the group said.",
        ["“today’s “Straw vote” is not a step towards integration,”", "“Straw vote”"],
        id="nested-curly-quotes",
    ),
    pytest.param(
        "The spokesperson said: “our group mainly consists of volunteers.\n\n“We are not a political party.”",
        ["“our group mainly consists of volunteers.", "“We are not a political party.”"],
        id="quote-runs-over-paragraphs",
    ),
    pytest.param("“Unclosed quote runs on\n\nAnd a new paragraph.", ["“Unclosed quote runs on"],
                 id="unclosed-quote-ends-at-paragraph"),
    pytest.param("It was ‘odd\n\nAnd a new paragraph.", [], id="unclosed-single-mark-is-no-quote"),
    pytest.param(
        "Nega told me. ''I understand, but to say it is 'elected'? I was disgusted.'' He left.",
        ["''I understand, but to say it is 'elected'? I was disgusted.''", "'elected'"],
        id="doubled-apostrophes-as-double-quote",
    ),
    pytest.param(
        "''I said, 'No way,''' he recalled.", ["''I said, 'No way,'''", "'No way,'"],
        id="three-apostrophes-close-inner-then-outer",
    ),
    # Mismatched marks: double marks of any shape pair with each other.
    pytest.param('She said, “We will win." Then she left.', ['“We will win."'], id="curly-open-straight-close"),
    pytest.param('She said, "We will win.” Then she left.', ['"We will win.”'], id="straight-open-curly-close"),
    pytest.param(
        '“Roads are crumbling," she said. "Bridges are too.”', ['“Roads are crumbling,"', '"Bridges are too.”'],
        id="mixed-marks-two-quotes-around-tag",
    ),
    pytest.param("“Do you want to go?“ he asked.", ["“Do you want to go?“"], id="opening-mark-as-closer-before-tag"),
    pytest.param(
        "They asked for an “expedited review“ of the pipes.", ["“expedited review“"],
        id="opening-mark-as-closer-mid-sentence",
    ),
    pytest.param(
        "He asked: “Do you want to go?“ Then he left.\n\n“Yes,” she said.", ["“Do you want to go?“", "“Yes,”"],
        id="opening-mark-as-closer-does-not-run-on",
    ),
    pytest.param(
        "“He called it “fake news” today,” she said.", ["“He called it “fake news” today,”", "“fake news”"],
        id="opening-mark-after-space-still-nests",
    ),
    pytest.param(
        '“He called it "fake news" today,” she said.', ['“He called it "fake news" today,”', '"fake news"'],
        id="straight-pair-nests-inside-curly",
    ),
    pytest.param("”We will not move.” ― Ana Ruiz", ["”We will not move.”"], id="closing-mark-opens-paragraph"),
    pytest.param(
        "Aides would not let him ”get close to the voters.”", ["”get close to the voters.”"],
        id="closing-mark-opens-after-space",
    ),
    pytest.param("He is six feet” tall and “very fit.”", ["“very fit.”"], id="stray-closing-mark-opens-nothing"),
]


@pytest.mark.parametrize(("text", "expected"), PAIRING)
def test_quotation_pairs_marks(parse, text: str, expected: list[str]) -> None:
    doc = parse(text)
    assert sorted(doc.text[q.start : q.end] for q in doc.quotes) == sorted(expected)
    for quote in doc.quotes:
        assert quote.start < quote.inner_start <= quote.inner_end <= quote.end
        assert doc.text[quote.start] in "“”‘\"'«"


KINDS = [
    # Seed sentences.
    pytest.param(
        "moving away from the so-called ‘gunboat diplomacy’ of military strikes.", "‘gunboat diplomacy’", "scare",
        id="so-called",
    ),
    pytest.param(
        "The decision comes amidst weeks of US ‘narcoterrorism’ strikes on boats off the Venezuelan coast.",
        "‘narcoterrorism’", "scare", id="single-term-no-cue",
    ),
    pytest.param(
        "The designation of the “Suns Cartel” – encompassing corrupt officials – as a terrorist group.",
        "“Suns Cartel”", "scare", id="quoted-name",
    ),
    pytest.param(
        "The Pentagon has justified these strikes as targeting the ‘Cartel of the Suns,’ a group allegedly "
        "operating within Venezuela.", "‘Cartel of the Suns,’", "scare", id="four-word-name-despite-cue",
    ),
    pytest.param(
        'Experts on Venezuela argue that the term "Cartel of the Suns" may refer more to corruption.',
        '"Cartel of the Suns"', "scare", id="the-term",
    ),
    pytest.param(
        "Approximately 15,000 soldiers are mobilized under Operation “Southern Lance,” with many in Puerto Rico.",
        "“Southern Lance,”", "scare", id="operation-name",
    ),
    pytest.param(
        "According to a Trump advisor quoted by Axios, a diplomatic solution is “quite likely,” driven by drugs.",
        "“quite likely,”", "speech", id="short-partial-quote-with-according-to",
    ),
    pytest.param(
        "Trump has hinted at bombing, stating, “The land is easier, but that’s going to start very soon,” "
        "signaling readiness.", "“The land is easier, but that’s going to start very soon,”", "speech",
        id="long-quote",
    ),
    # Hand-made sentences.
    pytest.param("“No,” he said.", "“No,”", "speech", id="one-word-tagged-after"),
    pytest.param("“Absolutely,” said the senator.", "“Absolutely,”", "speech", id="capitalized-word-tagged-inverted"),
    pytest.param("The minister said: “Never.”", "“Never.”", "speech", id="introduced-by-colon"),
    pytest.param("Critics call the plan a ‘giveaway’ to donors, the mayor said.", "‘giveaway’", "speech",
                 id="word-in-reported-sentence"),
    pytest.param("Fans chanted for what they called the ‘comeback’ of the decade.", "‘comeback’", "scare",
                 id="what-they-called"),
    pytest.param("The ‘reform’ passed quietly on Tuesday.", "‘reform’", "scare", id="irony-no-cue"),
    # Titles of shows, books and bills are neither speech nor scare quotes.
    pytest.param("“We will win the state,” Ms. Roe told “Today.”", "“Today.”", "title", id="told-a-show"),
    pytest.param("He said on “Meet the Press” that he would run.", "“Meet the Press”", "title", id="on-a-show"),
    pytest.param("She wrote in “The Long Road Home” about her father.", "“The Long Road Home”", "title",
                 id="wrote-in-a-book"),
    pytest.param("He told reporters, “Today we will vote on it.”", "“Today we will vote on it.”", "speech",
                 id="comma-after-told-is-speech"),
    # Attribution cues whose first word does not signal speech (signals_speech=no in reporting_verbs.tsv).
    pytest.param("The term “safe harbor” refers to a legal shield.", "“safe harbor”", "scare",
                 id="refers-to-is-no-speech-signal"),
    pytest.param("The mayor made it clear that the “reform” was dead.", "“reform”", "scare",
                 id="made-clear-is-no-speech-signal"),
    pytest.param("As one farmer put it, the “relief” came too late.", "“relief”", "scare",
                 id="put-it-is-no-speech-signal"),
]


@pytest.mark.parametrize(("text", "quoted", "kind"), KINDS)
def test_quotation_classifies_speech_and_scare(parse, text: str, quoted: str, kind: str) -> None:
    doc = parse(text)
    regions = [q for q in doc.quotes if doc.text[q.start : q.end] == quoted]
    assert regions, [doc.text[q.start : q.end] for q in doc.quotes]
    assert regions[0].kind == kind


def test_quotation_marks_tokens_inside_speech_only(parse) -> None:
    doc = parse("The so-called ‘reform’ failed, and “we will fix it next year,” he said.")
    quoted = {t.text for t in doc.tokens if t.quoted}
    assert {"we", "fix", "year"} <= quoted
    assert "reform" not in quoted and "said" not in quoted


def test_quotation_seed_scare_quotes_are_not_speech(seed_docs) -> None:
    """Every quoted name or term the seeds hold at a distance is scare; every quoted sentence is speech."""
    scare = {"‘gunboat diplomacy’", "‘narcoterrorism’", "“Suns Cartel”", "“Suns cartel”", "‘Cartel of the Suns’"}
    seen = set()
    for doc in seed_docs.values():
        for quote in doc.quotes:
            text = doc.text[quote.start : quote.end]
            if text in scare:
                seen.add(text)
                assert quote.kind == "scare", text
            elif len(text.split()) >= 6:
                assert quote.kind == "speech", text
    assert seen == scare


@pytest.mark.parametrize(
    "text",
    [
        "He stated, “It is possible. We will see.” Then the ‘so-called’ deal, said Trump.",
        "Critics call it ‘gunboat diplomacy’ and the “Suns Cartel” a myth, according to experts.",
        "“No one plans to go and shoot him [Maduro]… or kidnap him – for now,” one official said.",
    ],
)
def test_quotation_token_columns_do_not_change_results(text: str, lexicons) -> None:
    """find_quotes reads nearby words from the parser's token columns; the result must not depend on it."""
    from framing.corpus.quotation import find_quotes
    from framing.corpus.segmentation import split_sentences, token_columns

    sentences = split_sentences(text, lexicons.sentence_rules)
    with_columns = find_quotes(text, sentences, lexicons.reporting_cues, columns=token_columns(text))
    without = find_quotes(text, sentences, lexicons.reporting_cues)
    assert with_columns == without
    assert with_columns  # the texts do contain quotes
