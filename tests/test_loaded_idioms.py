"""The idiom lexicon (lexicons/loaded_idioms.tsv): idioms and metaphors of news drama and evaluation.

Every sentence is made up for these tests. They check that an idiom is found in the forms news prints it
in and counted, that its literal or plain sense is not, that weaker rows are shown but not counted, that a
negation inside an idiom denies nothing, and that the file keeps the rules the other curated files keep.
"""

from __future__ import annotations

import pytest

from framing.features.learned_loaded import lexicon_memberships
from framing.lexicons import Lexicons, term_tokens


def found(spans: list) -> dict[str, object]:
    return {span.text: span for span in spans}


@pytest.mark.parametrize(("text", "words", "label"), [
    ("The board moved the goalposts again on Tuesday.", "moved the goalposts", "move the goalposts"),
    ("The agency keeps churning out glossy leaflets.", "churning out", "churn out"),
    ("The dispute was thrown into their laps in August.", "thrown into their laps", "throw into their laps"),
    ("The mayor has not been shy about her ambitions.", "not been shy about", "not been shy about"),
    ("The councillor's remark was out of line.", "out of line", "out of line"),
    ("The plan was greeted with yawns in the chamber.", "with yawns", "with yawns"),
    ("The union stuck to its guns through the winter.", "stuck to its guns", "stick to its guns"),
    ("The party is in disarray after the vote.", "disarray", "disarray"),
])
def test_idioms_are_counted_in_the_forms_news_prints_them(loaded_spans_of, text: str, words: str, label: str) -> None:
    span = found(loaded_spans_of(text))[words]
    assert span.label == label and span.counted
    assert span.attrs["lexicon"] == "loaded_idioms" and span.alternative and span.note


@pytest.mark.parametrize(("text", "word"), [
    ("Sales were out of line with forecasts for the quarter.", "line"),  # a comparison of figures
    ("She reeled off six straight games to win the set.", "reeled"),  # to win in quick succession
    ("The defender made a last-ditch tackle in the box.", "last-ditch"),  # a football term
    ("The charity record by Band Aid sold well.", "band"),
    ("The firm held tough talks with the unions.", "tough"),  # hard negotiations
])
def test_idioms_literal_or_plain_senses_are_not_counted(loaded_spans_of, text: str, word: str) -> None:
    assert not [s for s in loaded_spans_of(text) if word in s.text.lower() and s.counted]


def test_idioms_weaker_tier_is_shown_not_counted(loaded_spans_of) -> None:
    spans = found(loaded_spans_of("The airline was on the brink of collapse and needed a lifeline."))
    for words in ("on the brink", "lifeline"):
        assert spans[words].attrs["confidence"] == "possible" and not spans[words].counted


@pytest.mark.parametrize(("text", "words"), [
    ("The senator did not mince her words.", "not mince her words"),
    ("The minister hasn't been shy about it.", "hasn't been shy about"),
])
def test_idioms_negation_inside_the_idiom_denies_nothing(loaded_spans_of, text: str, words: str) -> None:
    span = found(loaded_spans_of(text))[words]
    assert span.attrs["voice"] == "own" and span.counted


def test_idioms_in_quotes_are_the_speakers(loaded_spans_of) -> None:
    span = found(loaded_spans_of("“They moved the goalposts,” the coach said."))["moved the goalposts"]
    assert span.attrs["voice"] == "quoted"


def test_idioms_rows_are_unique_across_the_curated_files_and_say_why(general_lexicons: Lexicons) -> None:
    earlier = {term_tokens(entry.key) for name in ("loaded", "loaded_drama") for entry in general_lexicons[name]}
    rows = list(general_lexicons["loaded_idioms"])
    assert [entry.key for entry in rows if term_tokens(entry.key) in earlier] == []
    assert len({term_tokens(entry.key) for entry in rows}) == len(rows)
    assert {entry["tier"] for entry in rows} == {"counted", "possible"}
    assert all(entry["note"] and entry["alternative"] for entry in rows)


def test_idioms_leave_the_learned_features_alone(general_lexicons: Lexicons) -> None:
    """The learned lexicon was trained on loaded.tsv memberships; an idiom's words must not become members."""
    norms = ["they", "moved", "the", "goalposts", "and", "churned", "out", "rehashed", "leaflets"]
    members = lexicon_memberships(norms, general_lexicons)
    assert not any(name.startswith("loaded:") for names in members.values() for name in names)
