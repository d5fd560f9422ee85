"""Rates per 1,000 words: the one place they are computed.

Every rate framing reports (an article's ``<type>_per_1k`` features, the report's outlet
rates, the comparison's bootstrap rates and distinctive words) is this function, so they
agree to the last digit and an empty text (no words) always has rate 0 rather than an
error or a NaN.
"""

from __future__ import annotations

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
