"""The confidence contract: one threshold, one split."""

import pandas as pd

from framing.compare.confidence import CONFIDENT_AT, Evidence, split_confident


def test_split_keeps_rows_at_the_threshold_as_confident():
    frame = pd.DataFrame({"x": [1, 2, 3], "confidence": [CONFIDENT_AT, CONFIDENT_AT - 0.01, 0.95]})
    confident, possible = split_confident(frame)
    assert list(confident["x"]) == [1, 3]
    assert list(possible["x"]) == [2]


def test_a_table_without_confidence_is_all_confident():
    frame = pd.DataFrame({"x": [1, 2]})
    confident, possible = split_confident(frame)
    assert len(confident) == 2 and possible.empty


def test_evidence_clips_and_explains():
    evidence = Evidence(0.5)
    evidence.add(0.8, "same quoted words")
    evidence.add(-0.1, "")
    assert evidence.confidence == 1.0
    assert evidence.reason == "same quoted words"
    low = Evidence()
    low.add(-0.4, "different weekday")
    assert low.confidence == 0.0 and "weekday" in low.reason
