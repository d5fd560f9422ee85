"""What the report states as a finding, and what it only shows as possible.

Two decisions the report model delegates here, so the HTML and the PDF say the same:

* **the overview in words** (:func:`overview_words`, :func:`highlights`): a rate is
  marked highest only when its difference from the other outlets is outside the noise
  (the comparison's bootstrap interval). With one article per outlet almost every
  difference is within noise; then one sentence says so and nothing is bold.
* **confident and possible rows** (:func:`split_rows`): the comparison tables' rows at
  or above :data:`framing.compare.confidence.CONFIDENT_AT` are findings; weaker rows are
  listed apart under "possible", with their confidence and reason.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..compare.confidence import CONFIDENT_AT, split_confident

# How many of the possible rows a table shows (the export keeps them all).
MAX_POSSIBLE_ROWS = 8


def highlights(
    outlets: Sequence[Mapping[str, Any]], measures: Sequence[str], has_intervals: bool
) -> dict[str, str]:
    """``{measure: outlet}`` whose rate is shown as the highest (bold).

    Without intervals, the highest positive rate (nothing tells noise from difference).
    With intervals, only a highest rate whose difference from the rest is outside the noise.
    """
    marked = {}
    for measure in measures:
        values = [(row["rates"].get(measure, 0.0), row["outlet"]) for row in outlets]
        if len(values) < 2:
            continue
        value, outlet = max(values)
        if value <= 0:
            continue
        row = next(r for r in outlets if r["outlet"] == outlet)
        interval = row.get("intervals", {}).get(measure)
        if not has_intervals or (interval is not None and not interval["within_noise"]):
            marked[measure] = outlet
    return marked


def overview_words(
    outlets: Sequence[Mapping[str, Any]], measures: Mapping[str, str], has_intervals: bool
) -> str:
    """One or two sentences that say what the rates show, and what they cannot show.

    ``measures`` maps each measure key to its label ("hedge" → "Hedges").
    """
    if not has_intervals:
        return "The highest value in each row is in bold; no intervals were computed, so noise is not told apart."
    outside = [
        (row["outlet"], label, key)
        for row in outlets for key, label in measures.items()
        if (interval := row.get("intervals", {}).get(key)) is not None and not interval["within_noise"]
    ]
    if not outside:
        per_outlet = max((row.get("n_articles", 1) for row in outlets), default=1)
        few = "one article per outlet" if per_outlet == 1 else "this few articles per outlet"
        return (f"Every difference between the outlets' rates is within noise (with {few} the intervals are wide), "
                "so no outlet is marked highest.")
    named = [f"{label.lower()} in {outlet} ({_direction(outlets, outlet, key)})"
             for outlet, label, key in outside]
    return (f"Outside the noise: {', '.join(named)} (in bold where it is the highest); every other difference is "
            "within noise.")


def _direction(outlets: Sequence[Mapping[str, Any]], outlet: str, key: str) -> str:
    """"higher" or "lower" than the other outlets' mean rate."""
    mine = next(row["rates"].get(key, 0.0) for row in outlets if row["outlet"] == outlet)
    rest = [row["rates"].get(key, 0.0) for row in outlets if row["outlet"] != outlet]
    return "higher" if rest and mine > sum(rest) / len(rest) else "lower"


def split_rows(frame: Any) -> tuple[Any, Any]:
    """``(confident, possible)`` rows of a comparison table (all confident when it has no ``confidence``)."""
    return split_confident(frame)


def possible_note(n_possible: int) -> str:
    """The line above the folded possible rows."""
    return (f"{n_possible} possible row{'s' if n_possible != 1 else ''}, below the confidence bar of "
            f"{CONFIDENT_AT:.2f}: each says why it may be wrong. Check them against the articles before using them.")
