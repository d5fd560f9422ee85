"""A frame's evidence in the writer's voice: words inside a source's direct speech count for the score, not as
the sentence's main part (policy_frames/clauses.py ``quoted_stretches``, evidence.py ``in_writers_voice``)."""

from __future__ import annotations

import pytest

from framing.corpus import parse_text
from framing.features.policy_frames import extract
from framing.features.policy_frames.clauses import asides, in_side_clause, quoted_stretches
from framing.features.policy_frames.evidence import chosen_evidence
from framing.features.policy_frames.model import FrameModel, FrameWeights, model_decisions
from framing.lexicons import Lexicons

# Made-up texts. The same Economic cues in a source's quotation and in the writer's own sentence.
QUOTED_FIRST = ('"The budget will raise taxes and cost jobs and billions," the senator said on Monday. '
                "The budget would cost taxpayers a billion dollars, the office found.")
ONLY_QUOTED = ('The senator spoke in the hall on Monday. "The budget will raise taxes and cost jobs and billions," '
               "she said.")


def _frames(text: str, lexicons: Lexicons) -> dict[str, list]:
    """The ``frame`` spans of ``text``, by frame, in evidence order."""
    spans = extract(parse_text(text, lexicons, id="q"), lexicons).spans
    found: dict[str, list] = {}
    for span in sorted(spans, key=lambda span: span.attrs["evidence_rank"]):
        found.setdefault(span.label, []).append(span)
    return found


def test_quoted_words_lie_outside_the_main_part(general_lexicons: Lexicons) -> None:
    doc = parse_text(QUOTED_FIRST, general_lexicons, id="q")
    [(start, end)] = quoted_stretches(doc)
    assert "the senator said" in QUOTED_FIRST[start:end]  # a sentence mostly quotation: its attribution too
    inside, outside = QUOTED_FIRST.index("taxes"), QUOTED_FIRST.index("taxpayers")
    assert in_side_clause([inside, outside], asides(doc)).tolist() == [True, False]


def test_a_short_quotation_in_a_writers_sentence_leaves_the_rest_main(general_lexicons: Lexicons) -> None:
    text = 'The budget would cost taxpayers a billion dollars and, the office warned, "hurt growth" for years.'
    doc = parse_text(text, general_lexicons, id="s")
    [(start, end)] = quoted_stretches(doc)
    assert text[start:end] == "hurt growth"


def test_a_writers_sentence_is_chosen_over_a_quoted_one(general_lexicons: Lexicons) -> None:
    [first, *_] = _frames(QUOTED_FIRST, general_lexicons)["Economic"]
    assert first.text.startswith("The budget would cost taxpayers")
    assert first.attrs["confidence"] == "confident"


def test_a_frame_carried_only_by_a_quotation_is_possible_with_the_reason(general_lexicons: Lexicons) -> None:
    [first] = _frames(ONLY_QUOTED, general_lexicons)["Economic"]
    assert first.attrs["confidence"] == "possible"
    assert "quoted sources' words" in first.attrs["reason"]
    assert first.text.startswith('"The budget')  # still shown, as the sentence that carries it
    assert first.note.startswith("Possible frame")


@pytest.mark.parametrize("text", [QUOTED_FIRST, ONLY_QUOTED])
def test_quotations_leave_the_frames_scores_unchanged(text: str, general_lexicons: Lexicons) -> None:
    unquoted = text.replace('"', "")
    scores = {label: spans[0].attrs["frame_score"] for label, spans in _frames(text, general_lexicons).items()}
    plain = {label: spans[0].attrs["frame_score"] for label, spans in _frames(unquoted, general_lexicons).items()}
    assert scores == plain


def _economic_model() -> FrameModel:
    """A learned model whose only weights are three running-text words of money (threshold 0.2)."""
    weights = {"w:budget": 1.0, "w:taxes": 1.0, "w:billion": 1.0}
    return FrameModel.of({"budget": 1.0, "taxes": 1.0, "billion": 1.0},
                         {"Economic": FrameWeights(0.0, 0.0, weights, 0.2)}, {}, "(test)")


def test_the_learned_model_shows_the_writers_sentence_and_doubts_an_all_quoted_frame(
        general_lexicons: Lexicons) -> None:
    text = '"The budget means taxes," she said. The budget adds a billion in taxes.'
    doc = parse_text(text, general_lexicons, id="m")
    [decision] = [d for d in model_decisions(doc, [], _economic_model()) if d.rule == "frame_model"]
    [first, *_] = chosen_evidence(decision)
    assert doc.sentences[first.sentence][0] == text.index("The budget adds")
    assert decision.confident()
    quoted = parse_text('"The budget means taxes," she said. She left early.', general_lexicons, id="n")
    [only_quoted] = [d for d in model_decisions(quoted, [], _economic_model()) if d.rule == "frame_model"]
    assert not only_quoted.confident() and "quoted sources' words" in only_quoted.reason()
