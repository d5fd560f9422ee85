"""The teacher's preview: every kind's candidate material, with ids and confidence, to swap items with ``--pick``.

``framing exercises --preview`` writes ``preview.html`` instead of the lesson:
for each kind, the candidates the builders found (already only sound ones), in
the order the lesson would take them, which of them the default lesson uses, and
for a kind with none, why. ``--pick KIND=ID,...`` then builds the lesson from the
chosen ids; the same seed gives the same candidates and ids.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..analysis import ArticleAnalysis
from ..lexicons import Lexicons
from . import timing, wording
from .lesson import (
    WHY_NONE,
    LessonOptions,
    check_options,
    handout_words,
    lesson_candidates,
    lesson_header,
    reading_level,
)


def preview_model(analyses: Sequence[ArticleAnalysis], tables: Mapping[str, Any], lexicons: Lexicons,
                  options: LessonOptions) -> dict[str, Any]:
    """``{kinds: [{kind, title, reason, candidates: [{id, summary, confidence, chosen}]}]}`` plus the header."""
    options = check_options(options)
    m, candidates = lesson_candidates(analyses, tables, lexicons, options)
    reading = timing.in_class_reading(handout_words(analyses), m.grade, options.minutes)
    chosen = {id(c) for _, c in timing.choose(candidates, options.kinds, {}, options.minutes, options.items, reading)}
    kinds = [{"kind": kind, "title": wording.TITLES[kind], "reason": "" if candidates[kind] else WHY_NONE[kind],
              "candidates": [{"id": c.id, "summary": c.summary, "chosen": id(c) in chosen,
                              "confidence": "—" if c.confidence is None else f"{c.confidence:.2f}"}
                             for c in candidates[kind]]} for kind in options.kinds]
    return {**lesson_header(analyses, options, m.grade, reading_level(m.grade)), "kinds": kinds,
            "minutes": options.minutes}


def render_preview(analyses: Sequence[ArticleAnalysis], tables: Mapping[str, Any], lexicons: Lexicons,
                   options: LessonOptions) -> str:
    from ..report.html import environment

    return environment().get_template("exercises_preview.html.j2").render(
        model=preview_model(analyses, tables, lexicons, options))
