"""Hedging extractor: lexicon cues, the context rules that keep look-alikes out, offsets and overrides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from framing.document import Document
from framing.features import hedging
from framing.lexicons import Lexicons, load_lexicons


def hedges_in(doc: Document, lexicons: Lexicons) -> list[str]:
    return [span.text for span in hedging.extract(doc, lexicons).spans]


# (sentence, hedge texts expected in order). Seed sentences first, then hand-made ones.
HITS = [
    ("Such a meeting would mark a historic first, as no sitting U.S. president has met him.", ["would"]),
    ("Experts contend that the term cartel may misrepresent the actual dynamics.", ["may"]),
    ("Trump has used aggressive language while also appearing open to negotiation.", ["appearing"]),
    ("US President Donald Trump is reportedly planning direct talks with Nicolas Maduro.", ["reportedly"]),
    ("The strikes have already resulted in the deaths of about 80 individuals.", ["about"]),
    (
        "Approximately 15,000 soldiers are believed to be mobilized under the operation.",
        ["Approximately", "believed to"],
    ),
    ("Reports indicate at least 21 vessels have been attacked.", ["indicate", "at least"]),
    ("Could a phone call truly reshape the volatile landscape?", ["Could"]),
    ("This approach appears to be consistent with recent measures.", ["appears"]),
    ("Maduro may be seeking a negotiated exit.", ["may"]),
    ("The US will likely continue to prioritize counter-narcotics operations.", ["likely"]),
    ("Whether he can do it remains to be seen.", ["remains to be seen"]),
    ("A: Is a military intervention in Venezuela still possible?", ["possible"]),
    ("An alleged drug cartel, purportedly run by Maduro, was designated.", ["alleged", "purportedly"]),
    ("The Navy intercepted vessels suspected of carrying narcotics.", ["suspected"]),
    # hand-made
    ("A deal is not likely before May.", ["likely"]),
    ("Talks may not happen at all.", ["may"]),
    ("May the talks succeed is all anyone hopes.", ["May"]),
    ("Officials might delay the vote.", ["might"]),
    ("Some 15,000 troops were deployed.", ["Some"]),
    ("Around a dozen boats were sunk.", ["Around"]),
    ("It seems the offer was rejected, perhaps for good.", ["seems", "perhaps"]),
    ("The talks could collapse, and the outcome is unclear.", ["could", "unclear"]),
    ("Nearly two-thirds of the fleet was deployed.", ["Nearly"]),
    ("Up to 500 people were detained, roughly half of them women.", ["Up to", "roughly"]),
    ("The ships are thought to be carrying fuel.", ["thought to"]),
    ("The situation would probably worsen.", ["would", "probably"]),
    ("Maduro May Step Down, Officials Say", ["May"]),
    ("The move is widely seen as a strategic effort to undermine Maduro.", ["seen"]),
    ("The group is considered a threat to regional stability.", ["considered"]),
    ("The envoy was long regarded as a hardliner.", ["regarded"]),
    ("The envoy was regarded by diplomats as a hardliner.", ["regarded"]),
    ("Bombings were considered by experts as extrajudicial.", ["considered"]),
    ("They believed the talks had failed.", ["believed"]),
    ("Many analysts believe that the ceasefire will hold.", ["believe"]),
    ("It is possible that the talks will collapse.", ["possible"]),
    ("If the talks failed, the ceasefire would collapse.", ["would"]),
    ("The expanded pipeline would cross three rivers.", ["would"]),
    ("The ministry thinks the deal is dead.", ["thinks"]),
    ("He thought it was over.", ["thought"]),
    ("Beijing considers Taiwan a breakaway province.", ["considers"]),
    ("The company expects sales to rise.", ["expects"]),
    ("The minister was accused of taking bribes.", ["accused of"]),
    ("Critics accused the ministry of hiding the figures.", ["accused"]),
    ("The lawsuit alleges that the firm misled investors.", ["alleges"]),
    ("The strikes would later become the focus of hearings, but they would weaken the talks.", ["would"]),
]

# (sentence, why nothing in it is a hedge)
NON_HITS = [
    ("The election was held in May 2025.", "May the month before a year"),
    ("On May 5 the talks began.", "May the month before a day"),
    ("The ships left in May and returned in June.", "May the month after a preposition"),
    ("Theresa May said the deal was done.", "May as a surname"),
    ("You may also like: Trump and Maduro, a timeline.", "web boilerplate"),
    ("He wants his legacy to be that he did everything he could to stop the flow of drugs.", "could of ability"),
    ("She ran as fast as she could.", "could at the end of a clause"),
    ("He could not be reached for comment.", "could not: ability"),
    ("The military might of the United States is on display.", "might the noun"),
    ("They pushed with all their might.", "might the noun after a determiner"),
    ("Senator Markwayne Mullin appeared on CNN's State of the Union.", "appear in the sense of show up"),
    ("The defendant appeared in court on Monday.", "appear in court"),
    ("He appeared as a witness.", "appear as a role"),
    ("The two leaders talked about a meeting in Miami.", "about not before a number"),
    ("Warships sailed around the island.", "around not before a number"),
    ("The US prefers a diplomatic solution, at least for now.", "at least not before a number"),
    ("Thay would like to talk.", "would of volition"),
    ("Officials said the strikes would continue.", "would as future-in-the-past after a reporting verb"),
    ("He would often visit Caracas.", "would of past habit"),
    ("They will respond as soon as possible.", "fixed expression 'as soon as possible'"),
    ("The deal was made possible by Qatar.", "made possible"),
    ("Some officials disagree.", "some not before a number"),
    ("The pilots nearly collided.", "nearly not before a number"),
    ("Trump warned that Venezuelan airspace should be considered closed.", "an instruction, not a passive belief"),
    ("He believes in God.", "belief verb without a propositional complement"),
    ("She was considered for the post of envoy.", "considered for: deliberation, not belief"),
    ("It was a thought that stayed with him.", "the noun 'thought'"),
    ("They thought about the offer.", "thought about: no propositional complement"),
    ("It is now possible to cross the border by train.", "dynamic possibility (feasibility), not epistemic"),
    ("The bridge made it possible for traders to reach the port.", "possible for X to: feasibility"),
    ("Officials will use all possible means.", "'all possible': range of options"),
    ("The accused and his lawyer left the court.", "'the accused' without a charge"),
    ("When the palace was finished, the king would stay there for months.", "would as the past of 'will'"),
    ("The board considered changing the name.", "consider + -ing: deliberation about an action"),
    ("Consider the case of a small bakery.", "sentence-initial imperative"),
    ("He would have won the vote.", "counterfactual 'would have'"),
    ("The film has been viewed by millions.", "viewed without an 'as' complement"),
    ("He has been seen in Caracas twice.", "seen without 'as'"),
    ("He would later become president.", "would as narrated future"),
]


@pytest.mark.parametrize(("sentence", "expected"), HITS)
def test_hedging_finds_cues_in_sentences(
    parse: Callable[[str], Document], lexicons: Lexicons, sentence: str, expected: list[str]
) -> None:
    assert hedges_in(parse(sentence), lexicons) == expected


@pytest.mark.parametrize(("sentence", "reason"), NON_HITS)
def test_hedging_context_rules_reject_look_alikes(
    parse: Callable[[str], Document], lexicons: Lexicons, sentence: str, reason: str
) -> None:
    assert hedges_in(parse(sentence), lexicons) == [], reason


def test_hedging_spans_index_the_document_text(seed_docs: dict[str, Document], lexicons: Lexicons) -> None:
    entries = {entry.key: entry for entry in lexicons["hedges"]}
    total = 0
    for doc in seed_docs.values():
        for span in hedging.extract(doc, lexicons).spans:
            total += 1
            assert span.type == "hedge"
            assert doc.text[span.start : span.end] == span.text
            entry = entries[span.label]
            assert span.category == entry["category"] != "exclusion"
            assert span.note == entry["note"] and span.note
    assert total > 0


def test_hedging_sentence_share_counts_hedged_sentences(parse: Callable[[str], Document], lexicons: Lexicons) -> None:
    doc = parse("Talks may resume. The ships left port. Officials met on Monday. It is possibly over.")
    assert hedging.extract(doc, lexicons).values["hedged_sentence_share"] == pytest.approx(0.5)


def test_hedging_lexicon_rules_are_all_known(lexicons: Lexicons) -> None:
    rules = {entry["rule"] for entry in lexicons["hedges"]}
    assert rules - {""} <= set(hedging.RULES), rules - set(hedging.RULES)


def test_hedging_lexicon_rows_have_source_and_note(lexicons: Lexicons) -> None:
    for entry in lexicons["hedges"]:
        assert entry["source"] and entry["note"], entry.key


def test_hedging_lexicon_loads_without_warnings(lexicons: Lexicons) -> None:
    assert [w for w in lexicons.warnings if "hedges.tsv" in w] == []


def test_hedging_lexicon_override_adds_a_term(tmp_path: Path, parse: Callable[[str], Document]) -> None:
    sentence = "The ships were ostensibly fishing, insiders reckon."
    assert hedges_in(parse(sentence), load_lexicons()) == ["ostensibly"]
    (tmp_path / "hedges.tsv").write_text(
        "# allowed_category: verb\nterm\tcategory\tsource\tnote\nreckon\tverb\ttest\tfirst-person estimate\n",
        encoding="utf-8",
    )
    extended = load_lexicons(tmp_path)
    spans = hedging.extract(parse(sentence), extended).spans
    assert [(s.text, s.label, s.category) for s in spans] == [
        ("ostensibly", "ostensibly", "evidential"),
        ("reckon", "reckon", "verb"),
    ]
