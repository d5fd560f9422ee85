"""A second story for the exercise tests: three invented articles on a city council vote (tests/data/council)."""

from __future__ import annotations

from pathlib import Path

COUNCIL_DIR = Path(__file__).resolve().parent / "data" / "council"
OUTLETS = ("Riverside Gazette", "Metro Daily News", "KRVR Radio")
# Ways the outlets' names show up in titles, bylines, datelines, URLs and sign-offs.
NAME_FORMS = (*OUTLETS, "riversidegazette", "metrodailynews", "krvr")
