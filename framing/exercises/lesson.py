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
from ..compare.common import outlet_of
from ..errors import FramingInputError
from ..lexicons import Lexicons
from ..report.model import SHORT_ARTICLE_WORDS, report_date
from . import kinds_compare, kinds_frames, kinds_headline, kinds_speakers, kinds_text, timing, wording
from .handout import build_handout
from .kinds_text import ItemCandidate
from .material import GRADES, Material, grade_number, natural_key, reading_level
from .offensive import offensive_notes
from .outlet_hints import other_outlets
from .sound import definitions

BUILDERS: dict[str, Callable[[Material], list[ItemCandidate]]] = {
    "hedge_hunt": kinds_text.hedge_hunt,
    "who_speaks": kinds_speakers.who_speaks,
    "name_that_label": kinds_compare.name_that_label,
    "same_fact": kinds_compare.same_fact,
    "numbers_gaps": kinds_compare.numbers_gaps,
    "headline_check": kinds_headline.headline_check,
    "rewrite_neutrally": kinds_text.rewrite_neutrally,
    "spot_the_frame": kinds_frames.spot_the_frame,
}
# Why a kind is left out, worded as what framing could be sure of, never as a claim about the articles: a strict
# teacher read "fewer than three sentences name their speaker" where three did (framing was only unsure of them).
WHY_NONE = {
    "hedge_hunt": f"framing found no run of whole sentences with {kinds_text.MIN_HEDGES} hedges it is sure of (may, "
                  "might, appears, reportedly, about, according to …); the articles may still hold hedges",
    "who_speaks": "framing is sure who speaks in fewer than three sentences (one saying verb, the speaker named "
                  "beside it, the whole quotation in quotation marks or none), or in sentences of only one speaker",
    "name_that_label": "framing is sure of no entity that the outlets name with three different labels, one of them "
                       "a loaded term from its word list",
    "same_fact": "framing matched no fact across two outlets surely enough, in sentences where it is sure who says "
                 "it and where its versions differ in doubt words or in whom they credit",
    "numbers_gaps": "framing is sure of no matched fact that two outlets give clearly different values for one "
                    "quantity (values that agree within a stated approximation, or that may belong to different "
                    "facts, do not count)",
    "headline_check": "framing matched no headline surely enough to a sentence of its article where one of the two "
                      "has a doubt or second-hand word of the writer's, of the kinds it is sure of, that the other "
                      "lacks",
    "rewrite_neutrally": "framing found no whole sentence, surely in the journalist's own words, with a loaded term "
                         "from its word list",
    "spot_the_frame": "framing is sure of no two outlets that lead with different frames in a sentence that stands "
                      "on its own",
}
PAPERS = {"a4": "A4", "letter": "letter"}
# Locales whose paper is Letter (the US and Canada); everywhere else prints on A4.
LETTER_LOCALES = ("en_US", "en_CA", "fr_CA", "es_US")


def default_paper(environ: Mapping[str, str]) -> str:
    """``letter`` where the locale is US or Canadian, ``a4`` elsewhere (``--paper`` overrides).

    The locale is read as the C library does: ``LC_ALL`` first, then ``LC_PAPER``, then ``LANG``.
    """
    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        value = environ.get(name, "")
        if value:
            return "letter" if value.split(".")[0].split("@")[0] in LETTER_LOCALES else "a4"
    return "a4"
# Kinds whose students sort into named categories, and which (defined on the worksheet).
DEFAULT_CATEGORIES: dict[str, tuple[str, list[str]]] = {
    "hedge_hunt": ("hedge", ["modal", "verb", "adverb", "approximator", "evidential", "conditional", "investigation",
                            "other"]),
}
# The comparison tables each kind reads (the others read only the analyses). A lesson of text-only
# kinds ("--kinds hedge_hunt,rewrite_neutrally") skips the comparison altogether.
TABLES_READ: dict[str, tuple[str, ...]] = {
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

    kinds: tuple[str, ...] = wording.DEFAULT_KINDS
    items: int | None = None  # at most this many items; by default as many as fit ``minutes``
    minutes: int = 45
    grade: str = "9"
    blind: bool = False
    seed: int = 0
    title: str = ""
    paper: str = "a4"
    picks: tuple[tuple[str, tuple[str, ...]], ...] = ()  # --pick: (kind, candidate ids) chosen by the teacher


def parse_kinds(value: str | None) -> tuple[str, ...]:
    """``--kinds`` as a tuple of known kinds (hyphens or underscores); an unknown one is a one-line error."""
    if not value:
        return wording.DEFAULT_KINDS
    kinds = tuple(dict.fromkeys(part.strip().lower().replace("-", "_") for part in value.split(",") if part.strip()))
    unknown = [k for k in kinds if k not in wording.KINDS]
    if unknown or not kinds:
        raise FramingInputError("--kinds", f"unknown kind {', '.join(unknown) or '(none)'}",
                                f"Use a comma-separated list of: {', '.join(wording.KINDS)}")
    return kinds


def parse_picks(values: Sequence[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``--pick KIND=ID,ID`` (repeatable) as ``((kind, ids), ...)``; a malformed one is a one-line error."""
    picks: dict[str, tuple[str, ...]] = {}
    for value in values:
        kind, sep, ids = value.partition("=")
        chosen = tuple(i.strip() for i in ids.split(",") if i.strip())
        if not sep or not chosen:
            raise FramingInputError("--pick", f"{value!r} is not KIND=ID,...",
                                    "Write --pick hedge_hunt=ID1,ID2 with ids from preview.html (--preview)")
        picks[parse_kinds(kind)[0]] = chosen
    return tuple(picks.items())


def check_options(options: LessonOptions) -> LessonOptions:
    if str(options.grade).lower() not in GRADES:
        raise FramingInputError("--grade", f"unknown grade {options.grade}", f"Use one of {', '.join(GRADES)}")
    if options.items is not None and options.items < 1:
        raise FramingInputError("--items", f"{options.items} is not a number of items", "Use 1 or more")
    if options.minutes < timing.MIN_MINUTES:
        raise FramingInputError("--minutes", f"{options.minutes} minutes is too short for a lesson",
                                f"Use {timing.MIN_MINUTES} or more")
    if options.paper.lower() not in PAPERS:
        raise FramingInputError("--paper", f"unknown paper size {options.paper}", "Use a4 or letter")
    return options


def build_lesson(
    analyses: Sequence[ArticleAnalysis], tables: Mapping[str, Any], lexicons: Lexicons, options: LessonOptions
) -> dict[str, Any]:
    """The lesson model: items (each with its worksheet and key parts), the guide, rubric, handout and blind map."""
    options = check_options(options)
    m, candidates = lesson_candidates(analyses, tables, lexicons, options)
    level = reading_level(m.grade)
    words = handout_words(analyses)
    reading = timing.in_class_reading(words, m.grade, options.minutes)
    chosen = timing.choose(candidates, options.kinds, pick_ids(candidates, options.picks), options.minutes,
                           options.items, reading)
    items = [item_model(kind, candidate.make(), level, n) for n, (kind, candidate) in enumerate(chosen, start=1)]
    items = [item for item in items if item["passages"] and all(p["sentences"] for p in item["passages"])]
    for n, item in enumerate(items, start=1):
        item["number"], item["anchor"] = n, f"item-{n}"
    used = {kind for kind, _ in chosen}
    left_out = [{"kind": k, "title": wording.TITLES[k], "reason": WHY_NONE[k] if not candidates[k] else
                 f"it had material framing is sure of, but did not fit in {options.minutes} minutes after the "
                 "reading; a longer lesson includes it"}
                for k in options.kinds if k not in used]
    if options.kinds == wording.DEFAULT_KINDS:
        left_out += [{"kind": k, "title": wording.TITLES[k], "reason": why} for k, why in wording.ON_REQUEST.items()]
    return {**lesson_header(analyses, options, m.grade, level), "items": items, "left_out": left_out,
            "guide": wording.guide([item["kind"] for item in items]),
            **lesson_frame(m, items, options.minutes, handout=True, reading=reading,
                           homework=timing.reading_minutes(words, m.grade) if not reading else 0),
            "checking": checking_notes(m, items)}


def handout_words(analyses: Sequence[ArticleAnalysis]) -> int:
    """How many words the handout asks students to read (every article in full)."""
    return sum(len(a.document.text.split()) for a in analyses)


def checking_notes(m: Material, items: Sequence[dict[str, Any]]) -> list[str]:
    """Where each answer sits in the articles (ids, character offsets), moved out of the key's main text.

    A teacher reads words and sentence numbers; a researcher checking the tool needs the
    offsets. Each key table's ``Where`` column is taken out of the table and listed here,
    in a small note at the end of the key.
    """
    notes = ["Articles: " + "; ".join(f"{m.name(outlet_of(a))} = {m.full_name(outlet_of(a))}, "
                                       f"{a.document.id}" for a in sorted(
                                           m.analyses, key=lambda a: natural_key(m.name(outlet_of(a)))))]
    for item in items:
        places = [f"{row[0]}, {row[1]}: {row[columns.index('Where')]}" for t in item["key"]["tables"]
                  for columns in [t["columns"]] if "Where" in columns for row in t["rows"]]
        for t in item["key"]["tables"]:
            if "Where" in t["columns"]:
                at = t["columns"].index("Where")
                t["columns"] = [c for n, c in enumerate(t["columns"]) if n != at]
                t["rows"] = [[c for n, c in enumerate(row) if n != at] for row in t["rows"]]
        if item["key"].get("small"):  # a word list's file:line is for checking, not for the lesson
            places.append(item["key"]["small"])
            item["key"]["small"] = ""
        articles = sorted({p["article"] for p in item["passages"] if p.get("article")})
        if places or articles:
            notes.append(f"Item {item['number']}" + (f" (article {', '.join(articles)})" if articles else "")
                         + (f": {'; '.join(places)}" if places else ""))
    return notes


def lesson_frame(m: Material, items: Sequence[dict[str, Any]], minutes: int, *, handout: bool, reading: int = 0,
                 homework: int = 0) -> dict[str, Any]:
    """What every lesson model holds around its items: timetable, points, rubric, categories, handout, blind map."""
    articles = build_handout(m) if handout else []  # built after the items: its mentions join the giveaways too
    return {
        **timing.schedule(items, minutes, reading, homework),
        "rubric": [{"number": i["number"], "title": i["title"], "points": i["points"],
                    "levels": wording.RUBRIC[i["kind"]]} for i in items if i["kind"] in wording.RUBRIC],
        "categories": categories(items),
        "handout": articles,
        "letters": [{"letter": m.letters[o], "outlet": m.full_name(o)} for o in sorted(m.letters, key=m.letters.get)]
        if m.blind else [],
        "articles": [{"letter": m.name(outlet_of(a)), "outlet": m.full_name(outlet_of(a)), "id": a.document.id}
                     for a in sorted(m.analyses, key=lambda a: (natural_key(m.name(outlet_of(a))), a.document.id))],
        "giveaways": list(m.giveaways),
        "other_outlets": other_outlets(m) if handout else [],
        "content_notes": offensive_notes(m) if handout else [],
        "above_grade": [i["number"] for i in items if any(p["above_grade"] for p in i["passages"])],
    }


def lesson_candidates(
    analyses: Sequence[ArticleAnalysis], tables: Mapping[str, Any], lexicons: Lexicons, options: LessonOptions
) -> tuple[Material, dict[str, list[ItemCandidate]]]:
    """The shared material and every kind's ranked candidates (the seed orders ties, so the same seed, the same)."""
    m = Material(analyses, tables, lexicons, grade=str(options.grade).lower(), blind=options.blind, seed=options.seed)
    return m, {kind: BUILDERS[kind](m) for kind in options.kinds}


def pick_ids(candidates: Mapping[str, Sequence[ItemCandidate]], picks: Sequence[tuple[str, Sequence[str]]]
             ) -> dict[str, list[ItemCandidate]]:
    """The candidates ``--pick`` names, by kind; an unknown kind or id is a one-line error that lists the ids."""
    chosen: dict[str, list[ItemCandidate]] = {}
    for kind, ids in picks:
        if kind not in candidates:
            raise FramingInputError("--pick", f"{kind} is not one of this lesson's kinds",
                                    f"Use one of: {', '.join(candidates)}")
        by_id = {c.id: c for c in candidates[kind]}
        unknown = [i for i in ids if i not in by_id]
        if unknown:
            raise FramingInputError("--pick", f"no {kind} candidate {', '.join(unknown)}",
                                    f"Use ids from preview.html (--preview), such as "
                                    f"{', '.join(list(by_id)[:5]) or 'none'}")
        chosen[kind] = [by_id[i] for i in ids]
    return chosen


def categories(items: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The categories students must sort into, defined on the worksheet once per group."""
    groups: dict[str, set[str]] = {}
    for item in items:
        group, keys = item.get("categories") or ("", [])
        if group:
            groups.setdefault(group, set()).update(keys)
    titles = {"role": "Kinds of voice", "hedge": "Kinds of hedge", "loaded": "Kinds of loaded word",
              "frame": "Frames"}
    return [{"title": titles.get(g, g), "terms": definitions(g, sorted(keys))} for g, keys in groups.items()]


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
        "guide": wording.guide(()),  # a lesson replaces it with its items' goals
        "inputs": [a.document.id for a in analyses],
    }


def item_model(kind: str, made: dict[str, Any], level: str, number: int) -> dict[str, Any]:
    """One numbered item: the builder's material plus the kind's instructions, writing tasks, points and prompts."""
    tasks = wording.prompts(kind)
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
        "points": wording.POINTS[kind],
        "instructions": wording.instructions(kind, level, asked=made.get("asked"), words=made.get("words", "")),
        "passages": made["passages"],
        "options": made.get("options"),
        "categories": made.get("categories") or DEFAULT_CATEGORIES.get(kind),
        "tasks": tasks,
        "key": {"tables": made["key"].get("tables", []), "notes": made["key"].get("notes", []),
                "small": made["key"].get("small", ""), "discussion": wording.DISCUSSION[kind][:1],
                "appendix": made.get("appendix", [])},
    }
