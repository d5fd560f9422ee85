"""Right, or silent, for frames: a frame scored under the model's confidence bar is "possible", with its reason.

Short made-up texts; the model is built in memory so each frame's score is known in advance.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from framing.analysis import analyze_document
from framing.compare.policy_frames import build_frames, frames_summary
from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.features.policy_frames.evidence import Bar
from framing.features.policy_frames.model import FORMAT, FrameModel, FrameWeights
from framing.features.policy_frames.training import choose_bar, confidence_bar
from framing.lexicons import Lexicons, load_lexicons

ECONOMY = ("Talks stalled on Monday. The new tariff will cost households about 2 billion dollars a year, "
           "the budget office said. Prices and wages are expected to move.")
SECURITY = ("Officials met on Monday. Troops were sent to the border after a missile attack, the army said. "
            "The military called it a threat to national security.")
BAR = Bar(0.8, 0.8)


def _model_lexicons(lexicons: Lexicons, bar: Bar = BAR) -> Lexicons:
    """A two-frame model: "tariff" alone scores Economic about 0.62 (under the bar), "troops" Security about 0.95.

    Both priors are 0.2 (log-odds -1.39), so Economic's lift is about +1.9 and Security's about +4.4.
    """
    model = FrameModel.of({"tariff": 2.0, "troops": 2.0}, {
        "Economic": FrameWeights(-0.5, 0.3, {"w:tariff": 1.0}, prior=0.2),
        "Security_and_defense": FrameWeights(2.0, 0.3, {"w:troops": 1.0}, prior=0.2),
    }, {}, "(test)", bar)
    return replace(lexicons, frame_model=model)


def _analyses(lexicons: Lexicons) -> list:
    return [analyze_document(replace(parse_text(text, lexicons, id=id), outlet=outlet), lexicons)
            for text, id, outlet in ((ECONOMY, "e", "Paper A"), (SECURITY, "s", "Paper B"))]


def _frame(analysis, name: str) -> dict:
    return next(f for f in analysis.to_record()["frames"] if f["frame"] == name)


def test_a_frame_under_the_bar_is_possible_with_its_reason_and_labelled_evidence(general_lexicons: Lexicons) -> None:
    economy, security = _analyses(_model_lexicons(general_lexicons))
    economic = _frame(economy, "Economic")
    assert economic["score"] < BAR.value and economic["confidence"] == "possible"
    assert economic["reason"] == (f"score {economic['score']:.3f} under the bar 0.800 chosen where held-out "
                                  "precision reaches 0.80")
    assert economic["evidence"]  # still in the record (the output contract)
    spans = [s for s in economy.spans if s.type == "frame" and s.label == "Economic"]
    assert spans and all(s.note.startswith("Possible frame (score") and not s.counted for s in spans)
    sure = _frame(security, "Security_and_defense")
    assert sure["score"] >= BAR.value and sure["confidence"] == "confident" and "at or above the bar" in sure["reason"]


def test_a_bar_on_the_lift_judges_the_lift_and_says_so(general_lexicons: Lexicons) -> None:
    economy, security = _analyses(_model_lexicons(general_lexicons, Bar(3.0, 0.8, "lift")))
    economic, sure = _frame(economy, "Economic"), _frame(security, "Security_and_defense")
    assert economic["lift"] < 3.0 <= sure["lift"]
    assert economic["confidence"] == "possible" and sure["confidence"] == "confident"
    assert economic["reason"] == (f"lift {economic['lift']:+.3f} under the bar +3.000 chosen where held-out "
                                  "precision reaches 0.80")


def test_the_table_and_its_sentence_in_words_ignore_possible_frames(general_lexicons: Lexicons) -> None:
    table = build_frames(_analyses(_model_lexicons(general_lexicons)))
    assert table[table["leads"]].set_index("outlet")["frame"].to_dict() == {"Paper B": "Security_and_defense"}
    assert frames_summary(table) == "Paper B frames the story mainly as security."
    possible = table[table["confidence"] == "possible"]
    assert possible[["outlet", "frame"]].values.tolist() == [["Paper A", "Economic"]]
    assert possible.iloc[0]["reason"].startswith("e: score ") and possible.iloc[0]["rank"] == 0


def test_the_report_lists_possible_frames_apart_and_leaves_them_out_of_the_chart(general_lexicons: Lexicons) -> None:
    from framing.report.html import render_html
    from framing.report.model import build_report_model

    lexicons = _model_lexicons(general_lexicons)
    model = build_report_model(_analyses(lexicons), lexicons)
    section = model["frames"]
    assert section["summary"] == "Paper B frames the story mainly as security."
    assert [row["frame"] for row in section["rows"]] == ["Security_and_defense"]
    assert [(row["outlet"], row["label"]) for row in section["possible"]] == [("Paper A", "Economic")]
    page = render_html(model, [])
    assert "Possible: 1 frame under the confidence bar" in page and "under the bar 0.800" in page


def test_the_lesson_never_teaches_a_possible_top_frame(general_lexicons: Lexicons) -> None:
    from framing.exercises.kinds_frames import clear_top_frame

    economy, security = _analyses(_model_lexicons(general_lexicons))
    assert clear_top_frame(economy) is None
    assert clear_top_frame(security)["frame"] == "Security_and_defense"


def test_the_cue_rule_alone_has_no_bar_and_says_so(general_lexicons: Lexicons) -> None:
    record = _analyses(general_lexicons)[0].to_record()
    assert record["frames"] and all(f["confidence"] == "confident" for f in record["frames"])
    assert all("no calibrated bar" in f["reason"] for f in record["frames"])


@pytest.mark.parametrize(("bar", "message"), [
    (None, "lacks a valid provenance confidence_bar"),
    ({"on": "score", "value": 1.5, "precision": 0.8}, r"confidence bar \(score 1.5, precision 0.8\) is not"),
    ({"on": "words", "value": 0.5, "precision": 0.8}, r"confidence bar \(words 0.5, precision 0.8\) is not"),
])
def test_a_model_without_a_valid_bar_is_a_one_line_error(tmp_path: Path, bar: dict | None, message: str) -> None:
    provenance = {} if bar is None else {"confidence_bar": bar}
    (tmp_path / "frame_model.json").write_text(json.dumps(
        {"format": FORMAT, "idf": {"budget": 2.0}, "provenance": provenance,
         "frames": {"Economic": {"intercept": 0.0, "threshold": 0.5, "weights": {"w:budget": 1.0}, "prior": 0.2}}}))
    with pytest.raises(FramingInputError, match=rf"frame_model.json: frame model.*{message}.*retrain"):
        load_lexicons(tmp_path)


def test_the_bar_is_where_frames_at_that_score_reach_the_precision_not_the_average_above() -> None:
    scores = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]
    right = [False, False, True, False, True, True, True, True, True, True]
    assert sum(right[2:]) / len(right[2:]) >= 0.8  # the average from 0.3 up already reaches 0.80, but 0.4 is wrong
    assert confidence_bar(scores, right) == 0.5
    assert confidence_bar([0.4, 0.9], [False, False]) > 0.9  # never right: above every value, nothing is confident


def test_the_bar_goes_on_the_lift_when_the_lift_leaves_more_frames_confident() -> None:
    # The scores cannot tell right from wrong (all 0.9); the lifts can (right from +3).
    reported = [(0.9, 1.0, False), (0.9, 2.0, False), (0.9, 3.0, True), (0.9, 4.0, True)]
    assert choose_bar(reported) == Bar(3.0, 0.8, "lift")
    assert choose_bar([(0.5, 1.0, False), (0.8, 1.0, True)]) == Bar(0.8, 0.8, "score")
