"""Classroom exercises: a printable media-literacy lesson built from the teacher's own articles.

``write_exercises`` analyzes the articles, builds the comparison tables, picks
items of each kind from them (:mod:`.lesson`), and writes the students'
worksheet and the teacher's key as HTML and PDF. Both are rendered by the
report's own Jinja2 environment and printed, in parts and in parallel, by one
of the report's PDF workers (:mod:`framing.report.html`, :mod:`framing.report.pdf`),
so escaping, offline printing, the running footer and byte-identical rebuilds
under ``SOURCE_DATE_EPOCH`` hold here too.
Everything is rendered in memory first; each file is then written atomically.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import FramingInputError
from ..fileio import output_path, write_atomically
from ..lexicons import Lexicons
from ..report import check_formats
from ..report.html import PagePart
from .lesson import LessonOptions, build_lesson, default_paper, needs_comparison, parse_kinds, parse_picks
from .wording import KINDS

if TYPE_CHECKING:
    from ..report.pdf import PdfWorker

AUDIENCES = {"handout": "handout", "worksheet": "worksheet", "key": "answer-key"}
TEMPLATES = {"handout": "exercises_handout.html.j2"}

__all__ = ["AUDIENCES", "KINDS", "LessonOptions", "default_paper", "parse_kinds", "parse_picks", "render_html",
           "write_exercises"]


# What a lesson page holds besides its items, in page order (the guide and setup are the key's only).
LESSON_SECTIONS = ("header", "guide", "setup", "rubric", "footer")


def render_html(model: Mapping[str, Any], audience: str, template: str = "exercises.html.j2",
                part: PagePart | None = None) -> str:
    """The worksheet (``audience="worksheet"``) or the key (``"key"``) as one self-contained page.

    ``part`` renders only some sections and items, for printing in parts
    (:func:`plan_lesson_parts`); by default the whole page.
    """
    from ..report.html import environment

    template = TEMPLATES.get(audience, template)
    items = model.get("handout" if audience == "handout" else "items", [])
    part = part or PagePart(frozenset(LESSON_SECTIONS), tuple(range(len(items))))
    return environment().get_template(template).render(
        model=model, audience=audience, part=part, items=[items[index] for index in part.entries]
    )


def plan_lesson_parts(model: Mapping[str, Any], audience: str) -> list[PagePart]:
    """The parts the worksheet, the key or the handout is printed in, in page order.

    Parts are cut only where the printed page breaks anyway, so the parts joined
    are the page printed whole: the key's guide, setup and rubric, then its items;
    the worksheet whole (its items flow on from one to the next); the handout one
    article per part (each article starts a page).
    """
    if audience == "handout":
        count = len(model.get("handout", []))
        return [PagePart(frozenset({"header"} if n == 0 else set()) | ({"footer"} if n == count - 1 else set()),
                         (n,)) for n in range(count)] or [PagePart(frozenset({"header", "footer"}))]
    items = tuple(range(len(model["items"])))
    if audience == "key":
        return [PagePart(frozenset({"header", "guide", "setup", "rubric"})), PagePart(frozenset({"footer"}), items)]
    return [PagePart(frozenset({"header", "footer"}), items)]


def write_exercises(
    paths: Sequence[str | Path],
    lexicons: Lexicons,
    out_dir: Path,
    *,
    options: LessonOptions,
    formats: Sequence[str] = ("html", "pdf"),
    annotate: bool = False,
    preview: bool = False,
    worker: PdfWorker | None = None,
) -> list[Path]:
    """Build the lesson for the articles at ``paths`` and write its files into ``out_dir``; return their paths.

    The PDF printer starts first, so WeasyPrint is imported while the articles
    are analyzed and compared: ``worker`` is one the caller started even earlier
    (:func:`framing.report.pdf.pdf_worker`, as the CLI does); by default one is started here.
    """
    from ..report.pdf import pdf_worker

    formats = check_formats(formats)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise FramingInputError(out_dir, "is a file, not a folder", "Pass -o a folder to write the exercises into")
    if preview:  # the teacher's page of candidates only: no PDF to print
        outputs = _lesson_outputs(paths, lexicons, options, ("html",), annotate, None, preview=True)
        return [write_atomically(output_path(out_dir, name), data) for name, data in outputs.items()]
    with pdf_worker(formats, yield_to_parent=False, started=worker) as printer:
        outputs = _lesson_outputs(paths, lexicons, options, formats, annotate, printer)
    return [write_atomically(output_path(out_dir, name), data) for name, data in outputs.items()]


def _lesson_outputs(
    paths: Sequence[str | Path], lexicons: Lexicons, options: LessonOptions, formats: Sequence[str], annotate: bool,
    worker: PdfWorker | None, *, preview: bool = False,
) -> dict[str, str | bytes]:
    """Analyze, compare, build the lesson (or its preview) and render every file in memory."""
    from ..analysis import analyze
    from ..compare import build_comparison

    analyses = analyze(paths, lexicons=lexicons)
    if not analyses:
        raise FramingInputError("input", "there are no articles", "Pass article files or folders")
    extra: dict[str, str] = {}
    if annotate:
        from .annotate import build_annotation

        model, extra = build_annotation(analyses, lexicons, options)
    else:
        tables = build_comparison(analyses, lexicons=lexicons, seed=options.seed) \
            if needs_comparison(options.kinds) else {}
        if preview:
            from .preview import render_preview

            return {"preview.html": render_preview(analyses, tables, lexicons, options)}
        model = build_lesson(analyses, tables, lexicons, options)
        if not model["items"]:
            print("framing: warning: no exercise item passed the checks for these articles; the answer key's "
                  "\"Kinds left out\" says why for each kind", file=sys.stderr)
    outputs = render_outputs(model, formats, worker)
    outputs.update(extra)
    return outputs


def render_outputs(
    model: Mapping[str, Any], formats: Sequence[str], worker: PdfWorker | None
) -> dict[str, str | bytes]:
    """``{file name: content}``: each audience's HTML, and its PDF printed in parts by the one ``worker``.

    One worker prints both files: WeasyPrint is imported once, and the two
    printers share the parts of the worksheet and the key. The key goes first:
    it is the longer of the two, so its parts start on the printers first.
    """
    outputs: dict[str, str | bytes] = {}
    audiences = ("key", "handout", "worksheet") if model.get("handout") else ("key", "worksheet")
    for audience in audiences:
        if worker is not None:
            for index, part in enumerate(plan_lesson_parts(model, audience)):
                worker.submit(index, render_html(model, audience, part=part), document=audience)
        if "html" in formats:
            outputs[f"{AUDIENCES[audience]}.html"] = render_html(model, audience)
    if worker is not None:
        suffix = {"key": ": teacher's key", "handout": ": the articles"}
        titles = {audience: model["title"] + suffix.get(audience, "") for audience in audiences}
        for audience, pdf in worker.finish_all(titles).items():
            outputs[f"{AUDIENCES[audience]}.pdf"] = pdf
    return {name: outputs[name] for name in sorted(outputs, key=output_order)}


def output_order(name: str) -> tuple[int, int]:
    """Files in the order they were always written: worksheet before key, HTML before PDF."""
    stem, _, suffix = name.rpartition(".")
    return list(AUDIENCES.values()).index(stem), ("html", "pdf").index(suffix)
