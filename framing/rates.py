"""Rates per 1,000 words and outlet averages: the one place they are computed.

Every rate framing reports (an article's ``<type>_per_1k`` features, the report's outlet
rates, the comparison's bootstrap rates and distinctive words) is :func:`per_thousand`, so
they agree to the last digit and an empty text (no words) always has rate 0 rather than an
error or a NaN. Every outlet average of a per-article score (readability grades in the
report and in ``framing extract``'s outlet table) is :class:`WordWeightedMeans`: weighted
by words, like the pooled rates, so a 200-word brief does not count as much as a
2,000-word feature.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from typing import Any, overload

PER = 1000.0


@overload
def per_thousand(count: float, words: float) -> float: ...
@overload
def per_thousand(count: Any, words: Any) -> Any: ...
def per_thousand(count: Any, words: Any) -> Any:
    """``count`` per 1,000 ``words``; 0 where there are no words.

    Numbers give a number; NumPy arrays (broadcast against each other, as the bootstrap
    needs) give an array, with 0 wherever ``words`` is 0.
    """
    if getattr(count, "ndim", 0) or getattr(words, "ndim", 0):
        import numpy as np  # only the comparison passes arrays; extraction stays free of NumPy

        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(words > 0, PER * count / words, 0.0)
    return PER * count / words if words else 0.0


class WordWeightedMeans:
    """Scores averaged over articles, each article weighted by its words; filled article by article.

    Memory grows with the number of scores, not of articles, so a corpus can stream
    through it. A score that is missing or not finite in an article leaves that article
    out of that score's mean.
    """

    def __init__(self) -> None:
        self.sums: dict[str, float] = defaultdict(float)
        self.weights: dict[str, float] = defaultdict(float)

    def add(self, scores: Mapping[str, Any], words: float) -> None:
        """One article's scores (name → value) and its word count."""
        if not words:
            return
        for name, value in scores.items():
            if isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value):
                self.sums[name] += value * words
                self.weights[name] += words

    def means(self) -> dict[str, float]:
        """Each score's word-weighted mean over the articles added (scores no article had are absent)."""
        return {name: self.sums[name] / self.weights[name] for name in self.sums if self.weights[name]}
