"""Hedging extractor: lexicon cues, the context rules that keep look-alikes out, offsets and overrides."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from framing.document import Document
from framing.features import hedging
from framing.lexicons import Lexicons, load_lexicons


def hedges_in(doc: Document, lexicons: Lexicons) -> list[str]:
    """Every hedge span shown, counted or marked ``confidence: possible`` (see tests/test_hedging_golden.py)."""
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
    ("Whether he can do it remains to be seen.", ["Whether", "remains to be seen"]),
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
    ("The bill would also raise taxes.", ["would"]),
    ("Maduro May Step Down, Officials Say", ["May"]),
    ("The move is widely seen as a strategic effort to undermine Maduro.", ["seen"]),
    ("The group is considered a threat to regional stability.", ["considered"]),
    ("The envoy was long regarded as a hardliner.", ["regarded"]),
    ("The envoy was regarded by diplomats as a hardliner.", ["regarded"]),
    ("Bombings were considered by experts as extrajudicial.", ["considered"]),
    ("They believed the talks had failed.", ["believed"]),
    ("Many analysts believe that the ceasefire will hold.", ["believe"]),
    # issue 16: "even if" asserts the main clause, so its "will" is no conditional consequent
    ("Even if the court objects, the vote will happen.", ["if"]),
    # issue 16: "broadly" hedges only where it loosens a description ("broadly popular" is "widely")
    ("Broadly speaking, the plan failed.", ["Broadly speaking"]),
    ("The term broadly refers to any armed group.", ["broadly refers"]),
    ("It is possible that the talks will collapse.", ["possible"]),
    ("If the talks failed, the ceasefire would collapse.", ["If", "would"]),
    ("The expanded pipeline would cross three rivers.", ["would"]),
    ("The ministry thinks the deal is dead.", ["thinks"]),
    ("He thought it was over.", ["thought"]),
    ("Beijing considers Taiwan a breakaway province.", ["considers"]),
    ("The company expects sales to rise.", ["expects"]),
    ("The minister was accused of taking bribes.", ["accused of"]),
    ("Critics accused the ministry of hiding the figures.", ["accused"]),
    ("The lawsuit alleges that the firm misled investors.", ["alleges"]),
    ("The strikes would later become the focus of hearings, but they would weaken the talks.", ["would"]),
    # conditionals and embedded questions (Szeged's hypothetical condition and investigation cues)
    ("If the talks fail, the truce will collapse.", ["If", "will"]),
    ("The truce will collapse if the talks fail.", ["will", "if"]),
    ("Unless a deal is reached, the strike won't end.", ["Unless", "won't"]),
    ("Even if the bill passes, the court may block it.", ["if", "may"]),
    ("The ports are rarely, if ever, closed, if storms allow.", ["if"]),
    ("It is unclear whether the ceasefire will hold.", ["unclear", "whether"]),
    ("Analysts wondered whether or not rates would fall.", ["wondered", "whether or not"]),
    ("Whether voters approve it is another matter.", ["Whether"]),
    ("Sanctions will remain in force until Iraq pays reparations.", ["will", "until"]),
    ("The board won't decide until an offer is made.", ["won't", "until"]),
    ("He said that if the bid failed, the company would sell the unit.", ["if", "would"]),
    ("Officials said the strikes would continue unless Caracas yields.", ["would", "unless"]),
    ("If I were choosing, I would have chosen them.", ["If", "would"]),
    # belief verbs: quoted complements, epistemic "could be considered", reduced relatives with "as"
    ('The wording is often considered "spiritual" in nature.', ["considered"]),
    ("The fragment could be considered a lost work.", ["could", "considered"]),
    ("The novella, regarded by some as his best work, sold well.", ["regarded"]),
    ("Rumours that the envoy had resigned spread quickly.", ["Rumours"]),
    ("The idea that prices will fall is widespread.", ["idea"]),
    # content clauses of fear, evidence and charge nouns; prediction verbs; "assume that"
    ("Shares fell on fears that the government may fall.", ["fears", "may"]),
    ("There are signs that the rebels are regrouping.", ["signs"]),
    ("She denied accusations that she had lied.", ["accusations"]),
    ("Planners assumed that the bridge was intact.", ["assumed"]),
    ("Some analysts predict a sharp drop in sales.", ["predict"]),
    ("The minister indicated that some assets might be sold.", ["indicated", "might"]),
    ("The miner was kidnapped and presumed dead.", ["presumed"]),
    # "potential" of an event; bounds that estimate a count
    ("Investors worried about potential fallout from the merger.", ["potential"]),
    ("Up to 300 people may have died.", ["Up to", "may"]),
    ("Rebels attacked at least 21 vessels.", ["at least"]),
    # "until" on an event, also fronted ("until the crisis ends", "until an offer is made, ... will")
    ("The envoys will stay there until the crisis ends.", ["will", "until"]),
    ("Until an offer is made, the board will keep seeking bids.", ["Until", "will"]),
    # known unknowns, absent evidence, charges with "of"
    ("It is unknown whether the pilot survived.", ["unknown", "whether"]),
    ("There is no evidence that the ballots were altered.", ["no evidence"]),
    ("Little is known about the group's funding.", ["Little is known"]),
    ("He faces allegations of bribery.", ["allegations of"]),
    ("It is widely expected that rates will rise.", ["expected"]),
    ("Two climbers were feared dead.", ["feared"]),
    ("He expected the company to earn more.", ["expected"]),
    ("Analysts are skeptical the sale will close.", ["skeptical"]),
    ("Traders are betting that rates will fall.", ["betting that"]),
    ("He wonders whether the target is at risk.", ["wonders", "whether"]),
    ("Sanctions stay in place should he survive the war.", ["should"]),
    ("Prices will rise, should the talks fail.", ["should"]),
    # stated doubt and appearance (issue 16)
    ("The mayor is not sure the bridge will reopen.", ["not sure"]),
    ("The senator looked as if he had won.", ["looked as if"]),
    ("It is an open question whether the truce holds.", ["open question", "whether"]),
]

# (sentence, why nothing in it is a hedge)
NON_HITS = [
    ("They had given little thought to the plan.", "the noun 'thought', not 'is thought to'"),
    ("What it changed, if anything, is hard to judge and will take days to learn.", "no condition: 'if anything'"),
    ("The singer appeared twice on the show.", "appear in the sense of show up, after a frequency word"),
    ("A poll of likely voters showed a tie.", "'likely voters', a polling term"),
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
    ("I would also like to thank the voters.", "would of volition past an adverb"),
    ("We would very much like to see the plan.", "would of volition past 'very much'"),
    ("She would dearly love to run again.", "would of volition past an -ly adverb"),
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
    ("The plant will close in May.", "plain future 'will' without a condition"),
    ("He was a trustee until 1974.", "until a date"),
    ("The shop stayed open until the owner retired.", "until in a past narrative"),
    ("They talked until recently.", "until a time adverb"),
    ("The vote had little, if any, effect on prices.", "the minimizer 'if any'"),
    ("If anything, prices rose.", "the minimizer 'if anything'"),
    ("The program ran as if it were native.", "'as if': manner comparison"),
    ("A set is finite if and only if it has a last element.", "'if and only if': a definition"),
    ("Prices rose, whether due to demand or to higher costs.", "unconditional 'whether ... or' adjunct"),
    ("Regardless of whether they agree, the vote is on Monday.", "'regardless of whether'"),
    ("Trade grew, whether or not tariffs rose.", "unconditional 'whether or not' adjunct"),
    ("The company would not comment on the report.", "would not comment: a refusal"),
    ("The company would n't elaborate.", "refusal with a detached n't (treebank tokenization)"),
    ("Mr. Roy could n't be reached.", "could n't: ability, detached n't"),
    ("The rules were changed so that voters could register online.", "could in a purpose clause"),
    ("Before the question could be answered, the term had to be defined.", "could after 'before'"),
    ("The airspace must be considered closed.", "an instruction after 'must be'"),
    ("The comet was seen as far away as Illinois.", "'as far ... as': a comparison of degree"),
    ("Her religious beliefs are private, and the view from the hill was a good idea.", "belief nouns as topics"),
    ("The sign on the door was new.", "an evidence noun without a content clause"),
    ("She assumed office in January.", "'assumed' without a 'that' clause"),
    ("The firm indicated its interest in the talks.", "'indicated' without 'that': a signal, left to attribution"),
    ("The company is courting potential buyers.", "'potential' naming people by what they may become"),
    ("The team has yet to reach its full potential.", "'potential' as the noun of capacity"),
    ("The storm has the potential to flood the coast.", "'the potential to': capacity, like 'possible to'"),
    ("The company will buy back up to 1 million shares.", "'up to' as the exact cap of an offer"),
    ("Applicants must wait at least 30 days.", "'at least' as the exact floor of a rule"),
    ("Neither official could be reached for comment.", "'could be reached': the reporter's formula"),
    ("The store will stay open until the end of May.", "'until the end': a point in time"),
    ("Prices tend to rise in winter.", "'tend to': frequency, left out like 'usually'"),
    ("The forecast calls for rain.", "'the forecast': the noun"),
    ("From the deck we see the coast and the port.", "'see' as perception, without 'as'"),
    ("Fruits such as apples and pears regard no season.", "'such as' is not the 'as' of a judgement"),
    ("His views as president were seldom aired.", "'views' as a noun after a possessive"),
    ("An unknown gunman fired at the crowd.", "'unknown' before a noun: who, not whether"),
    ("Sales were better than expected.", "'than expected': a comparison, not an agentless belief"),
    ("She is not known for her patience.", "'not known for': reputation"),
    ("Profits were higher than expected.", "'than expected': the belief is only a yardstick"),
    ("He was skeptical of organised religion.", "'skeptical of': an attitude, no claim in doubt"),
    ("The bridge is a wonder of engineering.", "'wonder' without an open question"),
    ("The severest possible penalty was imposed.", "'possible' after a superlative: an extreme"),
    ("The minister should resign.", "'should' of obligation"),
    ("Should he resign?", "sentence-initial 'should': a question, not a condition"),
    ("So what should we do about it?", "'should' after a question word: a question"),
    ("Nor should we forget the victims.", "'nor should we': an inverted statement"),
    ("He could barely stand after the race.", "'could barely': ability all but denied (broad negative)"),
    ("She could hardly hear the speaker.", "'could hardly': ability all but denied (broad negative)"),
    ("The senator is broadly popular at home.", "'broadly': scope or degree, not doubt (issue 16)"),
    ("If you ask me, the plan was a mistake.", "'if you ask me': a speech-act conditional"),
    ("If you want to know why it failed, read the budget.", "'if you want to know': a speech-act conditional"),
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
            # The lexicon's class, except an "-ly" adjective used as an adverb ("will likely").
            assert span.category in {entry["category"], "adverb"} and entry["category"] != "exclusion"
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


@pytest.mark.parametrize(
    ("sentence", "term", "category"),
    [
        ("If the talks fail, the truce will collapse.", "if", "conditional"),
        ("If the talks fail, the truce will collapse.", "will", "conditional"),
        ("Sanctions will stay until Iraq pays.", "until", "conditional"),
        ("Nobody knows whether the truce will hold.", "whether", "investigation"),
        ("About 80 people died.", "about", "approximator"),
        ("Results were somewhat worse than expected.", "somewhat", "approximator"),
        ("The idea that prices will fall is widespread.", "idea", "noun"),
        ("Talks may resume.", "may", "modal"),
        ("Fears that the truce may fail grew.", "fears", "noun"),
        ("Up to 300 people may have died.", "up to", "approximator"),
        ("The senator will likely vote against the bill.", "likely", "adverb"),
        ("The vote is likely to fail on Tuesday.", "likely", "adjective"),
    ],
)
def test_hedging_categories_follow_the_linguistic_type(
    parse: Callable[[str], Document], lexicons: Lexicons, sentence: str, term: str, category: str
) -> None:
    spans = {span.label: span.category for span in hedging.extract(parse(sentence), lexicons).spans}
    assert spans[term] == category


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


def test_hedging_spans_stamp_the_rule_that_decided_them(parse: Callable[[str], Document], lexicons: Lexicons) -> None:
    spans = hedging.extract(parse("Talks may resume, and officials believe the truce will hold."), lexicons).spans
    assert [(span.text, span.attrs.get("rule")) for span in spans] == [("may", "modal_may"), ("believe", "doxastic")]


@pytest.mark.parametrize(
    ("sentence", "cue", "voice"),
    [
        ("The talks may fail.", "may", "own"),
        ("The talks are not likely to resume.", "likely", "own"),  # a denial does not move a hedge's voice
        ("Officials said that the talks may fail.", "may", "paraphrase"),
        ('"The talks may fail," the envoy said.', "may", "quoted"),
    ],
)
def test_hedging_spans_say_whose_doubt_they_are(
    parse: Callable[[str], Document], lexicons: Lexicons, sentence: str, cue: str, voice: str
) -> None:
    spans = [span for span in hedging.extract(parse(sentence), lexicons).spans if span.text == cue]
    assert [span.attrs["voice"] for span in spans] == [voice]
    assert spans[0].attrs["voice_reason"]


def test_hedge_exercise_keys_leave_out_possible_hedges(parse: Callable[[str], Document], lexicons: Lexicons) -> None:
    """A hedge marked possible (here an accusation) is shown in the report, never an answer students must find."""
    from framing.analysis import analyze_document
    from framing.exercises.kinds_text import counted_hedges

    text = "Critics accused the minister of lying, and the talks may fail."
    analysis = analyze_document(parse(text), lexicons)
    assert sorted(span.text for span in analysis.spans_of("hedge")) == ["accused", "may"]
    assert [span.text for span in counted_hedges(analysis, 0, len(text))] == ["may"]
