"""Assemble a lesson: choose items of the requested kinds and shape the worksheet and key as one plain-dict model.

The worksheet and the key are rendered from the same model (``audience`` picks
what each shows), so item numbers and sentence numbers always agree. Kinds are
filled in turn (one item of each, then a second of each, …) until ``--items`` is
reached, so a short lesson still covers every kind that has material; a kind with
none is left out of the worksheet and the key says why.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..analysis import ArticleAnalysis
from ..errors import FramingInputError
from ..lexicons import Lexicons
from ..report.model import SHORT_ARTICLE_WORDS, report_date
from . import kinds_compare, kinds_text, wording
from .kinds_text import Candidate
from .material import GRADES, Material, grade_number, reading_level

BUILDERS: dict[str, Callable[[Material], list[Candidate]]] = {
    "hedge_hunt": kinds_text.hedge_hunt,
    "who_speaks": kinds_text.who_speaks,
    "name_that_label": kinds_compare.name_that_label,
    "same_fact": kinds_compare.same_fact,
    "numbers_gaps": kinds_compare.numbers_gaps,
    "headline_check": kinds_compare.headline_check,
    "rewrite_neutrally": kinds_text.rewrite_neutrally,
}
WHY_NONE = {
    "hedge_hunt": f"no article has {kinds_text.MIN_HEDGES} hedges within a few consecutive sentences",
    "who_speaks": "no article cites a source the tool could find",
    "name_that_label": "no entity is named with different labels by two or more outlets",
    "same_fact": "no fact is carried by two or more outlets in differently hedged, attributed or loaded words",
    "numbers_gaps": "the outlets neither give different numbers for the same thing nor leave out a shared fact",
    "headline_check": "no headline or its matching body sentence holds a hedge, and the tool flagged none",
    "rewrite_neutrally": "no sentence in a journalist's own words holds a loaded term",
}
PAPERS = {"a4": "A4", "letter": "letter"}
# The comparison tables each kind reads (the others read only the analyses). A lesson of text-only
# kinds ("--kinds hedge_hunt,rewrite_neutrally") skips the comparison altogether.
TABLES_READ: dict[str, tuple[str, ...]] = {
    "who_speaks": ("voices",),
    "name_that_label": ("labels",),
    "same_fact": ("facts",),
    "numbers_gaps": ("disagreements", "omissions"),
    "headline_check": ("headlines",),
}


def needs_comparison(kinds: Sequence[str]) -> bool:
    """Whether any of ``kinds`` reads a comparison table."""
    return any(TABLES_READ.get(kind) for kind in kinds)


@dataclass(frozen=True)
class LessonOptions:
    """What the teacher asked for (the CLI's options, checked)."""

    kinds: tuple[str, ...] = wording.KINDS
    items: int = len(wording.KINDS)
    grade: str = "9"
    blind: bool = False
    seed: int = 0
    title: str = ""
    paper: str = "a4"


def parse_kinds(value: str | None) -> tuple[str, ...]:
    """``--kinds`` as a tuple of known kinds (hyphens or underscores); an unknown one is a one-line error."""
    if not value:
        return wording.KINDS
    kinds = tuple(dict.fromkeys(part.strip().lower().replace("-", "_") for part in value.split(",") if part.strip()))
    unknown = [k for k in kinds if k not in wording.KINDS]
    if unknown or not kinds:
        raise FramingInputError("--kinds", f"unknown kind {', '.join(unknown) or '(none)'}",
                                f"Use a comma-separated list of: {', '.join(wording.KINDS)}")
    return kinds


def check_options(options: LessonOptions) -> LessonOptions:
    if str(options.grade).lower() not in GRADES:
        raise FramingInputError("--grade", f"unknown grade {options.grade}", f"Use one of {', '.join(GRADES)}")
    if options.items < 1:
        raise FramingInputError("--items", f"{options.items} is not a number of items", "Use 1 or more")
    if options.paper.lower() not in PAPERS:
        raise FramingInputError("--paper", f"unknown paper size {options.paper}", "Use a4 or letter")
    return options


def allocate(candidates: Mapping[str, Sequence[Candidate]], kinds: Sequence[str], items: int) -> dict[str, int]:
    """How many items of each kind: in turns, one of each kind that still has material, up to ``items``."""
    count = dict.fromkeys(kinds, 0)
    while sum(count.values()) < items:
        grew = False
        for kind in kinds:
            if sum(count.values()) < items and count[kind] < len(candidates[kind]):
                count[kind] += 1
                grew = True
        if not grew:
            break
    return count


def build_lesson(
    analyses: Sequence[ArticleAnalysis], tables: Mapping[str, Any], lexicons: Lexicons, options: LessonOptions
) -> dict[str, Any]:
    """The lesson model: items (each with its worksheet and key parts), the teacher's guide and the blind map."""
    options = check_options(options)
    m = Material(analyses, tables, lexicons, grade=str(options.grade).lower(), blind=options.blind, seed=options.seed)
    level = reading_level(m.grade)
    candidates = {kind: BUILDERS[kind](m) for kind in options.kinds}
    counts = allocate(candidates, options.kinds, options.items)
    items = []
    for kind in options.kinds:
        for candidate in candidates[kind][:counts[kind]]:
            items.append(item_model(kind, candidate.make(), level, len(items) + 1))
    left_out = [{"kind": k, "title": wording.TITLES[k], "reason": WHY_NONE[k]} for k in options.kinds
                if not candidates[k]]
    return {
        **lesson_header(analyses, options, m.grade, level),
        "items": items,
        "left_out": left_out,
        "minutes": sum(wording.MINUTES[i["kind"]] for i in items) + 15,
        "letters": [{"letter": m.letters[o], "outlet": o} for o in sorted(m.letters, key=m.letters.get)]
        if options.blind else [],
        "giveaways": list(m.giveaways),
        "above_grade": [i["number"] for i in items if any(p["above_grade"] for p in i["passages"])],
    }


def lesson_header(analyses: Sequence[ArticleAnalysis], options: LessonOptions, grade: str, level: str
                  ) -> dict[str, Any]:
    """What both files show at the top, and what the shared templates expect of every model."""
    return {
        "title": options.title or "Reading the news closely",
        "version": __version__,
        "date": report_date().isoformat(),
        "grade": grade,
        "grade_label": "college" if grade == "college" else f"grade {grade}",
        "grade_number": grade_number(grade),
        "level": level,
        "blind": options.blind,
        "seed": options.seed,
        "paper": PAPERS[options.paper.lower()],
        "n_articles": len(analyses),
        "short_article_words": SHORT_ARTICLE_WORDS,
        "guide": wording.GUIDE,
        "inputs": [a.document.id for a in analyses],
    }


def item_model(kind: str, made: dict[str, Any], level: str, number: int) -> dict[str, Any]:
    """One numbered item: the builder's material plus the kind's instructions, writing tasks and prompts."""
    tasks = wording.prompts(kind)
    parts = made.get("parts")
    if parts is not None:  # numbers and gaps: only the parts that have material
        tasks = [t for t in tasks if t.get("part") in parts]
        for task in tasks:
            if task.get("part") == "gap":
                task["prompt"] = task["prompt"].replace("this source", made["gap_outlet"])
    table_task = made.get("table_task")
    for task in tasks:
        if task["space"] == "table" and table_task:
            task["columns"] = table_task["columns"] or task.get("columns", [])
            task["rows"] = table_task["rows"]
    return {
        "number": number,
        "anchor": f"item-{number}",
        "kind": kind,
        "title": wording.TITLES[kind],
        "minutes": wording.MINUTES[kind],
        "instructions": wording.instructions(kind, level),
        "passages": made["passages"],
        "options": made.get("options"),
        "tasks": tasks,
        "key": {"tables": made["key"].get("tables", []), "notes": made["key"].get("notes", []),
                "discussion": wording.DISCUSSION[kind]},
    }
