"""Annotate-first mode: students mark hedges, attributions and loaded terms before seeing what framing found.

The worksheet holds a few passages with sentences numbered across the whole sheet;
``marking-sheet.csv`` is the template students fill (student, sentence, phrase,
type); ``lesson.json`` keeps the sentences as shown and framing's own spans in
them, so ``framing exercises score`` can compare without the articles.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from ..analysis import ArticleAnalysis
from ..compare.common import evidence, outlet_of
from ..lexicons import Lexicons
from .kinds_text import WINDOW, table
from .lesson import LessonOptions, check_options, lesson_frame, lesson_header
from .material import Material, clean, is_heading, reading_level, spans_within, spread

PASSAGES = 2  # passages on an annotate-first sheet unless --items says otherwise

# What students mark, and which framing span types count as each (an attribution is who says it and the cue).
MARK_TYPES = {"hedge": ("hedge",), "attribution": ("attribution", "source"), "loaded": ("loaded",)}
# An attribution mark is one box around the source and its reporting verb ("officials said"): one
# thing for students to find. framing's marks keep which half each span is, so scoring can say
# whether students found the sources, the verbs, or both (score.py: source_recall, verb_recall).
ATTRIBUTION_PARTS = {"source": "source", "attribution": "verb"}
MARK_COLUMNS = ("student", "sentence", "phrase", "type")
LESSON_FORMAT = "framing-lesson/1"
INSTRUCTIONS = {
    "simple": "Read each numbered sentence. Underline words that show the writer is not sure (hedges). Put a box "
              "around who is said to have said something and the saying word (attributions). Circle words that "
              "take sides (loaded words).",
    "standard": "Mark every hedge (underline), every attribution: the source and its reporting verb (box), and "
                "every loaded term (circle) in the numbered sentences.",
    "college": "Annotate the numbered sentences for hedges (underline), attributions: source and reporting cue "
               "(box), and loaded terms (circle).",
}
SHEET_NOTE = ("Then copy each mark into the marking sheet, one row per mark: your name, the sentence number, "
              "the words exactly as printed, and the type (hedge, attribution or loaded).")


def build_annotation(
    analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, options: LessonOptions
) -> tuple[dict[str, Any], dict[str, str]]:
    """The annotate-first lesson model, and the extra files (``marking-sheet.csv``, ``lesson.json``)."""
    options = check_options(options)
    m = Material(analyses, {}, lexicons, grade=str(options.grade).lower(), blind=options.blind, seed=options.seed)
    level = reading_level(m.grade)
    passages = [m.passage(a, indexes) for a, indexes in choose_windows(m, options.items or PASSAGES)]
    sentences, marks, rows = [], [], []
    for passage in passages:
        analysis = m.by_id[passage["where"].rsplit(":", 1)[0]]
        for sentence in passage["sentences"]:
            sentence["n"] = len(sentences) + 1
            sentences.append({"n": sentence["n"], "article_id": analysis.document.id, "source": passage["heading"],
                              "start": sentence["start"], "end": sentence["end"], "text": sentence["text"]})
            for mark_type, span_types in MARK_TYPES.items():
                for span in sorted((s for t in span_types for s in
                                    spans_within(analysis, t, sentence["start"], sentence["end"])),
                                   key=lambda s: s.start):
                    at = locate(sentence["text"], clean(span.text), span.start - sentence["start"])
                    if at < 0:
                        continue  # the words were masked in blind mode: students cannot mark them
                    mark = {"sentence": sentence["n"], "type": mark_type, "start": at,
                            "end": at + len(clean(span.text)), "text": clean(span.text), "label": span.label}
                    if mark_type == "attribution":
                        mark["part"] = ATTRIBUTION_PARTS[span.type]
                    marks.append(mark)
                    rows.append([sentence["n"], f"{mark_type}: {mark['part']}" if "part" in mark else mark_type,
                                 clean(span.text), span.note or span.category or span.label,
                                 evidence(analysis.document.id, span.start, span.end)])
    item = {
        "number": 1, "anchor": "item-1", "kind": "annotate", "title": "Mark the sentences", "minutes": 20,
        "points": 10, "categories": None,
        "instructions": INSTRUCTIONS[level], "passages": passages, "options": None,
        "tasks": [{"prompt": SHEET_NOTE, "space": "none"}],
        "key": {"tables": [table("What framing marked", ["Sentence", "Type", "Words", "Why", "Where"], rows)],
                "notes": ["Score the class's marking sheets with: framing exercises score MARKS.csv… "
                          "(lesson.json must be in the same folder, or pass --lesson)."],
                "discussion": ["Where did the class and the tool disagree? Who is right, and why?"], "small": "",
                "appendix": []},
    }
    model = {**lesson_header(analyses, options, m.grade, level), "items": [item], "left_out": [],
             **lesson_frame(m, [item], options.minutes, handout=False)}
    lesson = {"format": LESSON_FORMAT, "title": model["title"], "types": list(MARK_TYPES),
              "sentences": sentences, "marks": marks}
    files = {"marking-sheet.csv": ",".join(MARK_COLUMNS) + "\n",
             "lesson.json": json.dumps(lesson, ensure_ascii=False, indent=1, sort_keys=True) + "\n"}
    return model, files


def choose_windows(m: Material, count: int) -> list[tuple[ArticleAnalysis, list[int]]]:
    """``count`` passages, one per outlet first, each rich in all three types, nearest the class's grade."""
    size = WINDOW[reading_level(m.grade)]
    found = []
    for analysis in m.analyses:
        text = analysis.document.text
        body = [n for n, (s, e) in enumerate(analysis.document.sentences) if not is_heading(text[s:e])]
        for first in range(0, len(body), size):
            indexes = body[first:first + size]
            start, end = analysis.document.sentences[indexes[0]][0], analysis.document.sentences[indexes[-1]][1]
            present = sum(bool(spans_within(analysis, t, start, end)) for t in ("hedge", "attribution", "loaded"))
            if present:
                found.append((analysis, indexes, text[start:end], present))
    ranked = spread(m.rank(found, lambda c: m.grade_distance(c[2]) + 3 * (3 - c[3])), lambda c: outlet_of(c[0]))
    return [(a, i) for a, i, *_ in ranked[:count]]


def locate(text: str, words: str, near: int) -> int:
    """Where ``words`` occur in ``text`` nearest to ``near`` (masking and tidying shift offsets a little); -1 if not."""
    hits, at = [], text.find(words)
    while at >= 0:
        hits.append(at)
        at = text.find(words, at + 1)
    return min(hits, key=lambda h: abs(h - near)) if hits else -1
