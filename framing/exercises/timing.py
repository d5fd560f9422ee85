"""A lesson that fits one period: which items fit ``--minutes``, and a timetable that adds up to it.

A teacher's lesson plan once came to 71 minutes for a 45-minute period. The
period is split into a warm-up, the items and a closing check; items are taken
in turns (one of each kind that has material, then a second of each, …) while
they fit, and the minutes left over go to the closing check, so the guide's
timings always sum to the period exactly.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..errors import FramingInputError
from . import wording

WARM_UP = 5
MIN_CHECK = 8
MIN_MINUTES = WARM_UP + MIN_CHECK + min(wording.MINUTES.values())


def choose(candidates: Mapping[str, Sequence[Any]], kinds: Sequence[str], picked: Mapping[str, Sequence[Any]],
           minutes: int, max_items: int | None) -> list[tuple[str, Any]]:
    """``[(kind, candidate)]`` in kind order: the teacher's picks first, then turns while the period has room."""
    budget = minutes - WARM_UP - MIN_CHECK
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


def schedule(items: Sequence[Mapping[str, Any]], minutes: int) -> dict[str, Any]:
    """The guide's timetable: warm-up, each item, and a closing check that takes the rest of the period."""
    work = sum(int(item["minutes"]) for item in items)
    check = max(0, minutes - WARM_UP - work)
    steps = [{"what": "Warm-up", "minutes": WARM_UP},
             *({"what": f"{item['number']}. {item['title']}", "minutes": int(item["minutes"])} for item in items),
             {"what": "Check answers and discuss", "minutes": check}]
    return {"minutes": sum(step["minutes"] for step in steps), "timetable": steps,
            "points": sum(int(item["points"]) for item in items)}
