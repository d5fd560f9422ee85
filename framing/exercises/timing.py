"""A lesson that fits one period: which items fit ``--minutes``, and a timetable that adds up to it.

A teacher's lesson plan once came to 71 minutes for a 45-minute period. The
period is split into a warm-up, the items and a closing check; items are taken
in turns (one of each kind that has material, then a second of each, …) while
they fit, and the minutes left over go to the closing check, so the guide's
timings always sum to the period exactly.

Students read the handout first, and an 8-page handout once got no minutes at
all: the period now starts with reading time for the articles' words at a
careful reading pace for the grade, so long articles leave room for fewer items.
When the articles would take so long that no item fits, the reading is set as
homework before class instead (the guide says so).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import FramingInputError
from . import wording
from .material import grade_number

WARM_UP = 5
MIN_CHECK = 8
MIN_MINUTES = WARM_UP + MIN_CHECK + min(wording.MINUTES.values())
# Words a minute when students read to study, not to skim: about 150 in grades 6–8, 180 in 9–12 and
# 220 in college (below the 200–300 of silent reading for pleasure; Carver 1990, Brysbaert 2019).
STUDY_PACE = ((8, 150), (12, 180), (99, 220))


def reading_minutes(words: int, grade: str | int) -> int:
    """Minutes to read ``words`` of handout carefully at the grade's pace, rounded up."""
    pace = next(pace for top, pace in STUDY_PACE if grade_number(grade) <= top)
    return -(-words // pace) if words > 0 else 0


def in_class_reading(words: int, grade: str | int, minutes: int) -> int:
    """The reading minutes the period holds: all of it, or none (homework) when no item would fit after it."""
    reading = reading_minutes(words, grade)
    return reading if minutes - WARM_UP - MIN_CHECK - reading >= min(wording.MINUTES.values()) else 0


def choose(candidates: Mapping[str, Sequence[Any]], kinds: Sequence[str], picked: Mapping[str, Sequence[Any]],
           minutes: int, max_items: int | None, reading: int = 0) -> list[tuple[str, Any]]:
    """``[(kind, candidate)]`` in kind order: the teacher's picks first, then turns while the period has room
    after ``reading`` minutes of reading the handout."""
    budget = minutes - WARM_UP - MIN_CHECK - reading
    pools = {kind: list(picked.get(kind) or candidates[kind]) for kind in kinds}
    count = {kind: len(picked.get(kind, ())) for kind in kinds}
    used = sum(wording.MINUTES[kind] * n for kind, n in count.items())
    if used > budget:
        raise FramingInputError("--pick", f"the chosen items take {used} minutes, more than a {minutes}-minute "
                                f"period leaves for items ({budget})", "Pick fewer items or pass a longer --minutes")
    limit = max_items if max_items is not None else len(kinds) * 3
    grew = True
    while grew:
        grew = False
        for kind in kinds:
            if kind in picked or count[kind] >= len(pools[kind]) or sum(count.values()) >= limit:
                continue
            if used + wording.MINUTES[kind] <= budget:
                count[kind] += 1
                used += wording.MINUTES[kind]
                grew = True
    return [(kind, candidate) for kind in kinds for candidate in pools[kind][:count[kind]]]


def schedule(items: Sequence[Mapping[str, Any]], minutes: int, reading: int = 0, homework: int = 0
             ) -> dict[str, Any]:
    """The guide's timetable: warm-up, reading the handout, each item, and a closing check that takes the rest.

    ``homework`` is the reading time when the handout is read before class (it is not in the period).
    """
    if not items:  # no item, no period to plan: a timetable of warm-up and "check answers" would mislead
        return {"minutes": 0, "timetable": [], "points": 0, "homework_minutes": 0}
    work = sum(int(item["minutes"]) for item in items)
    check = max(0, minutes - WARM_UP - reading - work)
    steps = [{"what": "Warm-up", "minutes": WARM_UP},
             *([{"what": "Read the handout", "minutes": reading}] if reading else []),
             *({"what": f"{item['number']}. {item['title']}", "minutes": int(item["minutes"])} for item in items),
             {"what": "Check answers and discuss", "minutes": check}]
    return {"minutes": sum(step["minutes"] for step in steps), "timetable": steps,
            "points": sum(int(item["points"]) for item in items), "homework_minutes": homework}
