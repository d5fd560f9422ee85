"""How sure a comparison row is: the ``confidence`` and ``reason`` every row carries.

Every row of the ``facts``, ``disagreements``, ``voices``, ``labels`` and ``headlines``
tables has ``confidence`` (a float from 0 to 1) and ``reason`` (plain words that name
the evidence behind it). A row at or above ``CONFIDENT_AT`` is stated as a finding;
a weaker row is shown only as *possible* (the report folds it away, the exports keep
it with its reason), because a shorter true table beats a full wrong one.

This module is the one place the threshold lives: the report, the exports and the
exercises all call :func:`split_confident`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..document import POSSIBLE

__all__ = ["CONFIDENCE_COLUMNS", "CONFIDENT_AT", "Evidence", "split_confident", "with_confidence"]

# Rows at or above this are findings; below it they are "possible".
CONFIDENT_AT = 0.7
CONFIDENCE_COLUMNS = ("confidence", "reason")


class Evidence:
    """Signals for and against one row, summed into a confidence with the words that explain it.

    Each signal is a named contribution (``add(0.3, "same actors: Schumer")``), so the
    reason lists exactly what moved the score; the confidence is clipped to [0, 1].
    """

    def __init__(self, base: float = 0.0) -> None:
        self.score = base
        self.parts: list[str] = []

    def add(self, weight: float, because: str) -> None:
        """Add ``weight`` (negative against the row) and record ``because``."""
        self.score += weight
        if because:
            self.parts.append(because)

    def note(self, because: str) -> None:
        """Record a fact about the row that moves no score."""
        self.parts.append(because)

    @property
    def confidence(self) -> float:
        return round(min(1.0, max(0.0, self.score)), 2)

    @property
    def reason(self) -> str:
        return "; ".join(self.parts)


def with_confidence(frame: pd.DataFrame, confidence: Iterable[float], reason: Iterable[str]) -> pd.DataFrame:
    """``frame`` with ``confidence`` and ``reason`` columns (a copy; an empty frame keeps the columns)."""
    frame = frame.copy()
    frame["confidence"] = pd.Series(list(confidence), index=frame.index, dtype=float)
    frame["reason"] = pd.Series(list(reason), index=frame.index, dtype=object)
    return frame


def split_confident(frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(confident, possible)``: rows with ``confidence >= CONFIDENT_AT``, and the rest.

    A table without a ``confidence`` column (an older export) is all confident, so a
    reader of old files sees what they always saw. Row order is kept in both parts. A table whose
    confidence is already a word (``frames``: "confident" / "possible", decided by the frame model's own
    bar) is split on it.
    """
    if "confidence" not in frame.columns:
        return frame, frame.iloc[0:0]
    if not pd.api.types.is_numeric_dtype(frame["confidence"]):
        sure = frame["confidence"] != POSSIBLE
        return frame[sure], frame[~sure]
    sure = frame["confidence"].astype(float) >= CONFIDENT_AT
    return frame[sure], frame[~sure]
