"""Register cues (framing/features/register.py): marks of opinion writing computed at run time."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from framing.document import Document
from framing.features.register import COUNT_CUES, register_cues


def test_register_cues_tell_an_aside_to_the_reader_from_a_report(parse: Callable[[str], Document]) -> None:
    opinion = register_cues(parse("And yet we keep paying for this — why do YOU think it isn't fair?!"))
    report = register_cues(parse("The council approved a $4.2 million budget on Tuesday."))
    for name in ("first_person", "second_person", "contractions", "all_caps_words", "question", "exclamation",
                 "dash", "initial_conjunction"):
        assert opinion[name] > report[name], name
    assert report["digit_share"] > opinion["digit_share"]


@pytest.mark.parametrize(
    ("sentence", "name", "count"),
    [
        ("Trump's plan is his own.", "contractions", 0),  # a possessive is not a contraction
        ("It was the worst and the costliest year.", "superlatives", 2),
        ("Only a few came.", "ly_adverbs", 0),  # "only": four letters, not an adverb of manner
        ("The EU and NATO met.", "all_caps_words", 1),  # "EU" is too short to be shouting
    ],
)
def test_register_counts_only_what_the_cue_names(
    parse: Callable[[str], Document], sentence: str, name: str, count: int
) -> None:
    assert register_cues(parse(sentence))[name] == count


def test_register_count_cues_are_all_computed(parse: Callable[[str], Document]) -> None:
    assert set(COUNT_CUES) <= set(register_cues(parse("A short sentence.")))
