"""Voice rows say how sure they are: places, dates and fragments are never confident voices."""

from __future__ import annotations

import pytest

from framing.analysis import analyze_document
from framing.compare import build_comparison
from framing.compare.confidence import split_confident
from framing.compare.voices.sureness import voice_sureness
from framing.corpus import parse_text

TEXTS = {
    "A": ("Sen. Jane Roe (D-Maine) said the harbor bill was dead. “We will not vote for it,” Roe said. "
          "The inspector general said the audit was late."),
    "B": ("“The bill is dead,” said Sen. Jane Roe, a Democrat. Maine said nothing. "
          "Critics said the audit was late, according to the inspector general."),
}


def voices(lexicons):
    analyses = [analyze_document(parse_text(text, lexicons, id=f"a{i}", outlet=outlet), lexicons)
                for i, (outlet, text) in enumerate(TEXTS.items())]
    return build_comparison(analyses, lexicons=lexicons)["voices"]


def test_every_voice_row_has_confidence_and_reason(lexicons):
    frame = voices(lexicons)
    assert not frame.empty
    assert frame.confidence.between(0, 1).all() and (frame.reason.str.len() > 0).all()


def test_a_titled_legislator_is_a_confident_voice(lexicons):
    confident, _ = split_confident(voices(lexicons))
    roe = confident[confident.voice.str.contains("Roe")]
    assert not roe.empty and set(roe.role) == {"legislators"}


def test_places_and_lone_ranks_are_not_confident_voices(lexicons):
    confident, _ = split_confident(voices(lexicons))
    assert "Maine" not in set(confident.voice)
    assert "general" not in set(confident.voice)


def test_sureness_names_the_place(lexicons):
    doc = parse_text("Maine said nothing about the bill.", lexicons)
    confidence, reason = voice_sureness(doc, 0, 5, "legislators", "own words 'Maine' at 0-5: row 'x'")
    assert confidence < 0.3 and "place" in reason


def test_a_role_no_rule_gives_is_never_confident(lexicons):
    doc = parse_text("Jane Roe said nothing about the bill.", lexicons)
    confidence, _ = voice_sureness(doc, 0, 8, "other", "no title, appositive, lexicon row or story actor gives a role")
    assert confidence < 0.7


@pytest.mark.parametrize(("text", "words", "why"), [
    ("She spoke on Monday, telling Daily Planet that the vote was close.", "Daily Planet", "is told"),
    ("The Daily Planet’s editorial board said the bill was bad.", "The Daily Planet’s", "possessive"),
    ("The code of conduct for federal judges says that judges should stay out of politics.", "federal judges",
     "inside a longer phrase"),
    ("Ohio Forward, a political action committee that vowed to fight, posted the clip.", "committee that",
     "cut from its phrase"),
])
def test_words_around_a_voice_can_show_it_is_no_voice(lexicons, text, words, why):
    doc = parse_text(text, lexicons)
    start = text.index(words)
    confidence, reason = voice_sureness(doc, start, start + len(words), "media", f"own words '{words}': row 'x'")
    assert confidence < 0.7 and why in reason, reason


def test_a_name_that_starts_with_a_place_is_still_a_voice(lexicons):
    doc = parse_text("Ohio Forward, a group of donors, posted the clip on Tuesday.", lexicons)
    confidence, reason = voice_sureness(doc, 0, 12, "advocacy_rights_groups", "appositive 'a group': row 'group'")
    assert confidence >= 0.6 and "place" not in reason, reason
