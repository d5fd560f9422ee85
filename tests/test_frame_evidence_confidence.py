"""The top frame's evidence has a confidence of its own: a sentence carried by who acts is "possible"."""

from __future__ import annotations

from framing.corpus import parse_text
from framing.features.policy_frames.evidence import FrameDecision, WordWeight, frame_records, frame_spans
from framing.features.policy_frames.evidence_confidence import actor_words, close_second
from framing.lexicons import Lexicons


def _word(text: str, word: str, weight: float, nth: int = 0) -> WordWeight:
    start = -1
    for _ in range(nth + 1):
        start = text.index(word, start + 1)
    return WordWeight(word, start, start + len(word), weight)


def _decision(frame: str, score: float, words: list[WordWeight]) -> FrameDecision:
    return FrameDecision(frame, score, "test_rule", {0: words})


def _top(text: str, lexicons: Lexicons, decisions: list[FrameDecision]) -> dict:
    doc = parse_text(text, lexicons, id="t")
    return frame_records(frame_spans(doc, decisions, actor_words(doc, lexicons)))[0]


def test_a_sentence_carried_by_a_title_while_its_point_is_money_is_possible(general_lexicons: Lexicons) -> None:
    text = "Senator Jane Roe asked for a budget of ten billion dollars for the schools."
    political = _decision("Political", 0.6, [_word(text, "Senator", 0.9)])
    economic = _decision("Economic", 0.4, [_word(text, "budget", 0.3), _word(text, "billion", 0.3)])
    top = _top(text, general_lexicons, [political, economic])
    assert top["frame"] == "Political"
    assert top["confidence"] == "possible"
    assert "Senator" in top["reason"] and "Economic" in top["reason"]


def test_a_sentence_carried_by_content_words_is_confident(general_lexicons: Lexicons) -> None:
    text = "Senator Jane Roe asked voters to back her in the election and the primary."
    political = _decision("Political", 0.6, [_word(text, "Senator", 0.2), _word(text, "election", 0.5),
                                             _word(text, "primary", 0.4)])
    economic = _decision("Economic", 0.4, [_word(text, "back", 0.1)])
    top = _top(text, general_lexicons, [political, economic])
    assert (top["frame"], top["confidence"]) == ("Political", "confident")


def test_a_party_label_and_an_office_with_a_possessive_are_actor_words(general_lexicons: Lexicons) -> None:
    text = "Republicans said the administration's plan would cut the military budget by a billion dollars."
    political = _decision("Political", 0.7, [_word(text, "Republicans", 0.5), _word(text, "administration's", 0.4)])
    economic = _decision("Economic", 0.3, [_word(text, "budget", 0.3), _word(text, "billion", 0.3)])
    top = _top(text, general_lexicons, [political, economic])
    assert top["confidence"] == "possible"
    assert "administration's" in top["reason"]


def test_a_sentence_about_the_actors_alone_stays_confident(general_lexicons: Lexicons) -> None:
    # No other frame has content in it: the party contest is the sentence's point.
    text = "Republicans and Democrats traded blame all week."
    political = _decision("Political", 0.7, [_word(text, "Republicans", 0.5), _word(text, "Democrats", 0.4)])
    economic = _decision("Economic", 0.3, [])
    top = _top(text, general_lexicons, [political, economic])
    assert top["confidence"] == "confident"


def test_a_near_tie_names_the_second_frame(general_lexicons: Lexicons) -> None:
    text = "The court struck down the tax on imports."
    legal = _decision("Legality_Constitutionality_and_jurisprudence", 0.50, [_word(text, "court", 0.5),
                                                                             _word(text, "struck", 0.3)])
    economic = _decision("Economic", 0.47, [_word(text, "tax", 0.4), _word(text, "imports", 0.3)])
    assert close_second(legal, economic)
    assert not close_second(legal, economic._replace(score=0.3))
    top = _top(text, general_lexicons, [legal, economic])
    assert top["close_to"] == "Economic"
