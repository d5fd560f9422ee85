"""Voices: who each outlet quotes or cites, and in which role (hand-made spans)."""

from __future__ import annotations

import pytest

from framing.analysis import ArticleAnalysis
from framing.compare.common import Folder
from framing.compare.voices import build_voices
from framing.corpus import parse_text
from framing.document import Span


def source(text: str, words: str, kind: str, name: str = "", nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.find(words, at + 1)
    assert at >= 0, words
    return Span("source", at, at + len(words), words, "rule", category=kind,
                attrs={"verb": "said", "stance": "neutral", "name": name or words})


def voices_for(lexicons, text: str, spans) -> list[tuple[str, str]]:
    doc = parse_text(text, lexicons, id="a", outlet="A")
    frame = build_voices([ArticleAnalysis(doc, {}, tuple(spans))], lexicons, Folder(lexicons.stop_words))
    return list(zip(frame.voice, frame.role, strict=True))


@pytest.mark.parametrize(
    ("text", "words", "kind", "role"),
    [
        ("The Pentagon said the strikes were lawful.", "The Pentagon", "institution", "us_government"),
        ("Defense Secretary Pete Hegseth said no order was given.", "Pete Hegseth", "named_person", "us_government"),
        ("Jorge Rodriguez, the head of Venezuela's legislature, said it was murder.", "Jorge Rodriguez",
         "named_person", "venezuelan_government"),
        ("Analysts argue that the evidence is thin.", "Analysts", "vague", "experts_rights_groups"),
        ("Human rights advocates condemned the strikes.", "Human rights advocates", "vague", "experts_rights_groups"),
        ("Reuters reported that new phases could follow.", "Reuters", "media", "media"),
        ("A Trump advisor told reporters a deal was likely.", "A Trump advisor", "anonymous", "anonymous"),
        ("Maria Lopez said the plan would fail.", "Maria Lopez", "named_person", "other"),
    ],
)
def test_voices_map_sources_to_roles(lexicons, text, words, kind, role):
    assert voices_for(lexicons, text, [source(text, words, kind)]) == [(words, role)]


def test_voices_resolve_a_pronoun_through_the_named_speaker(lexicons):
    text = "President Donald Trump spoke on Sunday. Later he said the call was fine."
    span = source(text, "he", "named_person", name="Donald Trump")
    assert voices_for(lexicons, text, [span]) == [("Donald Trump", "us_government")]


def test_voices_keep_the_quote_and_do_not_count_its_speaker_twice(lexicons):
    text = "“It was a phone call,” Trump said on Air Force One."
    end = text.index("”") + 1
    at = text.index("Trump")
    quote = Span("quote", 0, end, text[:end], "rule", attrs={"speaker": "Trump", "speaker_kind": "named_person",
                                                              "speaker_start": at, "speaker_end": at + 5})
    cited = source(text, "Trump", "named_person")
    doc = parse_text(text, lexicons, id="a", outlet="A")
    frame = build_voices([ArticleAnalysis(doc, {}, (quote, cited))], lexicons, Folder(lexicons.stop_words))
    assert list(frame.via) == ["quote"]
    assert frame.iloc[0].words == "“It was a phone call,”"
    assert frame.iloc[0].role == "us_government"
