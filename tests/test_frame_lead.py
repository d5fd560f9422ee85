"""Which frame leads an article under the learned model: lift over the frame's base rate, sure frames first."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.features.policy_frames.cues import cue_hits
from framing.features.policy_frames.evidence import evidence_sentences, frame_records, frame_spans
from framing.features.policy_frames.model import FORMAT, FrameModel, FrameWeights, model_decisions
from framing.features.policy_frames.rule import cue_rule_decisions
from framing.lexicons import Lexicons, load_lexicons

# Made-up text: a party fight over a budget line.
TEXT = "The party leaders argued late into the night. The budget for the new bridge was cut in half."


def _frames(lexicons: Lexicons, economic_intercept: float) -> tuple[dict[str, float], list[dict]]:
    """The decisions' probabilities and the record's frames for a two-frame model."""
    doc = parse_text(TEXT, lexicons, id="t")
    model = FrameModel.of({"party": 2.0, "budget": 2.0}, {
        # Political: common in training (prior 0.9), scored high; Economic: rare (prior 0.1).
        "Political": FrameWeights(1.0, 0.3, {"w:party": 1.0}, prior=0.9),
        "Economic": FrameWeights(economic_intercept, 0.3, {"w:budget": 1.0}, prior=0.1),
    }, {}, "(test)")
    decisions = model_decisions(doc, cue_hits(doc, lexicons), model)
    assert all(evidence_sentences(d) for d in decisions)
    return {d.frame: d.score for d in decisions}, frame_records(frame_spans(doc, decisions))


def test_a_rare_frame_the_article_raises_leads_a_common_one_scored_higher(general_lexicons: Lexicons) -> None:
    scores, frames = _frames(general_lexicons, economic_intercept=-0.3)
    assert 0.5 <= scores["Economic"] < scores["Political"]  # both sure, Political more probable
    assert [f["frame"] for f in frames] == ["Economic", "Political"]  # but Economic is further above its base rate
    assert [f["rank"] for f in frames] == [1, 2]


def test_a_frame_the_model_is_unsure_of_never_leads(general_lexicons: Lexicons) -> None:
    scores, frames = _frames(general_lexicons, economic_intercept=-1.2)
    assert 0.3 <= scores["Economic"] < 0.5 <= scores["Political"]  # Economic assigned, but only "possible"
    assert [f["frame"] for f in frames] == ["Political", "Economic"]


def test_the_cue_rule_alone_orders_by_score(general_lexicons: Lexicons) -> None:
    text = ("Troops and the army moved to the border after a missile attack on the military base. "
            "The court heard the lawsuit. The tariff will cost a billion dollars and the budget office worried.")
    doc = parse_text(text, general_lexicons, id="c")
    decisions = cue_rule_decisions(cue_hits(doc, general_lexicons))
    frames = frame_records(frame_spans(doc, decisions))
    assert len(frames) >= 2
    assert [f["score"] for f in frames] == sorted((f["score"] for f in frames), reverse=True)
    assert [f["rank"] for f in frames] == list(range(1, len(frames) + 1))


def test_a_model_without_its_frames_priors_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "frame_model.json").write_text(json.dumps(
        {"format": FORMAT, "idf": {"budget": 2.0},
         "frames": {"Economic": {"intercept": 0.0, "threshold": 0.5, "weights": {"w:budget": 1.0}}}}))
    with pytest.raises(FramingInputError, match=r"frame_model.json: frame model lacks or garbles 'prior'.*retrain"):
        load_lexicons(tmp_path)
