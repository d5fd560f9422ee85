"""The top frame's evidence has a confidence of its own: a sentence carried by how it describes a person is
"possible", one carried by what it says is confident; a near tie names the second frame."""

from __future__ import annotations

from framing.corpus import parse_text
from framing.features.policy_frames.evidence import FrameDecision, WordWeight, frame_records, frame_spans
from framing.features.policy_frames.evidence_confidence import WhoWords, close_second
from framing.lexicons import Lexicons


def _word(text: str, word: str, weight: float) -> WordWeight:
    start = text.index(word)
    return WordWeight(word, start, start + len(word), weight)


def _frames(text: str, lexicons: Lexicons, decisions: list[FrameDecision]) -> list[dict]:
    doc = parse_text(text, lexicons, id="t")
    return frame_records(frame_spans(doc, decisions, WhoWords(doc, lexicons)))


def _one(frame: str, score: float, words: list[WordWeight], sentence: int = 0) -> FrameDecision:
    return FrameDecision(frame, score, "test_rule", {sentence: words})


def test_a_sentence_carried_by_a_title_only_is_possible(general_lexicons: Lexicons) -> None:
    text = "Senator Jane Roe asked for a budget of ten billion dollars for the schools."
    top = _frames(text, general_lexicons, [_one("Political", 0.6, [_word(text, "Senator", 0.9)])])[0]
    assert (top["frame"], top["confidence"]) == ("Political", "possible")
    assert "Senator +0.90" in top["reason"] and "100%" in top["reason"]


def test_a_sentence_carried_by_content_words_is_confident(general_lexicons: Lexicons) -> None:
    text = "Senator Jane Roe asked voters to back her in the election and the primary."
    words = [_word(text, "Senator", 0.2), _word(text, "election", 0.5), _word(text, "primary", 0.4)]
    top = _frames(text, general_lexicons, [_one("Political", 0.6, words)])[0]
    assert (top["frame"], top["confidence"]) == ("Political", "confident")


def test_a_party_label_before_a_person_describes_them_but_a_party_acting_does_not(general_lexicons: Lexicons) -> None:
    described = "Gov. Paul Roe spoke on Monday. The Republican governor has a long record of remarks."
    top = _frames(described, general_lexicons, [_one("Political", 0.7, [_word(described, "Republican", 0.6)], 1)])[0]
    assert top["confidence"] == "possible"
    acting = "Republicans blocked the bill in a party-line vote."
    words = [_word(acting, "Republicans", 0.6), _word(acting, "vote", 0.3)]
    top = _frames(acting, general_lexicons, [_one("Political", 0.7, words)])[0]
    assert top["confidence"] == "confident"  # acting, not described, and the vote says what happened


def test_a_sentence_that_only_names_who_acts_is_possible(general_lexicons: Lexicons) -> None:
    text = "The White House and Republican lawmakers in Congress met the president on Tuesday about the budget."
    words = [_word(text, "Republican", 0.9), _word(text, "Congress", 0.8), _word(text, "president", 0.4)]
    top = _frames(text, general_lexicons, [_one("Political", 0.9, words)])[0]
    assert top["confidence"] == "possible"
    assert "names who acts" in top["reason"] and "Congress +0.80" in top["reason"]


def test_one_word_of_what_the_sentence_says_keeps_it_confident(general_lexicons: Lexicons) -> None:
    text = "The White House and Republicans fought a partisan battle over the budget."
    words = [_word(text, "Republicans", 0.6), _word(text, "partisan", 0.5)]
    assert _frames(text, general_lexicons, [_one("Political", 0.9, words)])[0]["confidence"] == "confident"
    few = [_word(text, "Republicans", 0.9), _word(text, "partisan", 0.1)]  # a tenth of the weight: under the bar
    assert _frames(text, general_lexicons, [_one("Political", 0.9, few)])[0]["confidence"] == "possible"


def test_the_body_before_a_title_describes_the_person(general_lexicons: Lexicons) -> None:
    text = "Former FBI Director James Comey said he believed the emails were forwarded."
    top = _frames(text, general_lexicons, [_one("Crime_and_punishment", 0.9, [_word(text, "FBI", 0.4)])])[0]
    assert top["confidence"] == "possible"


def test_a_near_tie_names_the_second_frame(general_lexicons: Lexicons) -> None:
    text = "The court struck down the tax on imports."
    legal = _one("Legality_Constitutionality_and_jurisprudence", 0.50,
                 [_word(text, "court", 0.5), _word(text, "struck", 0.3)])
    economic = _one("Economic", 0.47, [_word(text, "tax", 0.4), _word(text, "imports", 0.3)])
    assert close_second(legal, economic)
    assert not close_second(legal, economic._replace(score=0.3))
    assert close_second(legal._replace(salience=2.0), economic._replace(salience=1.8, score=0.8))
    assert not close_second(legal._replace(salience=2.0), economic._replace(salience=1.0, score=0.8))
    top = _frames(text, general_lexicons, [legal, economic])[0]
    assert (top["frame"], top["close_to"], top["confidence"]) == (legal.frame, "Economic", "confident")


def test_the_frames_table_and_its_sentence_say_a_near_tie(general_lexicons: Lexicons) -> None:
    from dataclasses import replace

    from framing.analysis import analyze_document
    from framing.compare.policy_frames import build_frames, frames_summary

    # As much money as defence in the cue rule's words: one "top frame" would hide the other.
    text = ("The new tariff will cost households about 2 billion dollars a year in taxes, the budget office said. "
            "Troops were sent to the border after a missile attack, the army said.")
    analysis = analyze_document(replace(parse_text(text, general_lexicons, id="x"), outlet="Paper"), general_lexicons)
    top = frame_records(analysis.spans)[0]
    assert top["frame"] == "Economic" and top["close_to"] == "Security_and_defense"
    table = build_frames([analysis])
    assert table[table["leads"]].iloc[0]["close_to"] == ["Security_and_defense"]
    assert frames_summary(table) == "Paper frames the story mainly as economics (close to security)."


def test_the_lesson_does_not_teach_a_top_frame_nearly_tied_by_lift(general_lexicons: Lexicons) -> None:
    from dataclasses import replace

    from framing.analysis import analyze_document
    from framing.exercises.kinds_frames import MIN_LEAD, clear_top_frame
    from framing.features.policy_frames.evidence import Bar
    from framing.features.policy_frames.model import FrameModel, FrameWeights

    # Security is rarer in training (prior 0.05), so its lower score is raised about as far as Economic's.
    model = FrameModel.of({"tariff": 2.0, "troops": 2.0}, {
        "Economic": FrameWeights(3.0, 0.3, {"w:tariff": 1.0}, prior=0.2),
        "Security_and_defense": FrameWeights(1.2, 0.3, {"w:troops": 1.0}, prior=0.05),
    }, {}, "(test)", Bar(0.8, 0.8))
    lexicons = replace(general_lexicons, frame_model=model)
    text = "The tariff rose on Monday. Troops were sent to the border."
    analysis = analyze_document(replace(parse_text(text, lexicons, id="x"), outlet="Paper"), lexicons)
    top, second = frame_records(analysis.spans)[:2]
    assert top["score"] - second["score"] >= MIN_LEAD and top["lift"] - second["lift"] < 0.3  # a tie by lift only
    assert top["close_to"] == second["frame"] and top["confidence"] == "confident"
    assert clear_top_frame(analysis) is None


def test_a_party_named_as_a_side_is_what_a_political_sentence_is_about(general_lexicons: Lexicons) -> None:
    text = "Republicans in the Senate blocked the nomination on Tuesday."
    sides = _frames(text, general_lexicons, [_one("Political", 0.9, [_word(text, "Republicans", 0.8)])])[0]
    assert sides["confidence"] == "confident"
    office = _frames(text, general_lexicons, [_one("Political", 0.9, [_word(text, "Senate", 0.8)])])[0]
    assert office["confidence"] == "possible" and "Senate +0.80" in office["reason"]
