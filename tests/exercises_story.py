"""A second story for the exercise tests: three invented articles on a city council vote (tests/data/council)."""

from __future__ import annotations

from pathlib import Path

COUNCIL_DIR = Path(__file__).resolve().parent / "data" / "council"
OUTLETS = ("Riverside Gazette", "Metro Daily News", "KRVR Radio")
# Ways the outlets' names show up in titles, bylines, datelines, URLs and sign-offs.
NAME_FORMS = (*OUTLETS, "riversidegazette", "metrodailynews", "krvr")


def as_confident(tables):
    """The council's comparison tables with every row confident where the comparison gave no confidence.

    The exercises take only confident rows (a table without a ``confidence`` column has none);
    these tests check what the exercises do with confident rows, not how sure the comparison is.
    """
    from framing.compare.confidence import CONFIDENT_AT

    out = {}
    for name, frame in tables.items():
        frame = frame.copy()
        if "confidence" not in frame.columns:
            frame["confidence"] = CONFIDENT_AT
        out[name] = frame
    return out
