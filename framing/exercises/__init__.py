"""Classroom exercises: a printable media-literacy lesson built from the teacher's own articles.

``write_exercises`` analyzes the articles, builds the comparison tables, picks
items of each kind from them (:mod:`.lesson`), and writes the students'
worksheet and the teacher's key as HTML and PDF. Both are rendered by the
report's own Jinja2 environment and printed by the report's PDF worker
(:mod:`framing.report.html`, :mod:`framing.report.pdf`), so escaping, offline
printing and byte-identical rebuilds under ``SOURCE_DATE_EPOCH`` hold here too.
Everything is rendered in memory first; each file is then written atomically.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from ..errors import FramingInputError
from ..fileio import output_path, write_atomically
from ..lexicons import Lexicons
from .lesson import LessonOptions, build_lesson, parse_kinds
from .wording import KINDS

AUDIENCES = {"worksheet": "worksheet", "key": "answer-key"}

__all__ = ["AUDIENCES", "KINDS", "LessonOptions", "parse_kinds", "render_html", "write_exercises"]


def render_html(model: Mapping[str, Any], audience: str, template: str = "exercises.html.j2") -> str:
    """The worksheet (``audience="worksheet"``) or the key (``"key"``) as one self-contained page."""
    from ..report.html import environment

    return environment().get_template(template).render(model=model, audience=audience)


def check_formats(formats: Sequence[str]) -> list[str]:
    unknown = sorted(set(formats) - {"html", "pdf"})
    if unknown or not formats:
        raise FramingInputError("--format", f"unknown format {', '.join(unknown) or '(none)'}",
                                "Use html, pdf or html,pdf")
    return list(dict.fromkeys(formats))


def write_exercises(
    paths: Sequence[str | Path],
    lexicons: Lexicons,
    out_dir: Path,
    *,
    options: LessonOptions,
    formats: Sequence[str] = ("html", "pdf"),
    annotate: bool = False,
) -> list[Path]:
    """Build the lesson for the articles at ``paths`` and write its files into ``out_dir``; return their paths.

    The PDF printers start first, so WeasyPrint is imported while the articles
    are analyzed and compared.
    """
    from ..analysis import analyze
    from ..compare import build_comparison
    from ..report.pdf import PdfWorker

    formats = check_formats(formats)
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise FramingInputError(out_dir, "is a file, not a folder", "Pass -o a folder to write the exercises into")
    workers = {audience: PdfWorker() for audience in AUDIENCES} if "pdf" in formats else {}
    try:
        analyses = analyze(paths, lexicons=lexicons)
        if not analyses:
            raise FramingInputError("input", "there are no articles", "Pass article files or folders")
        extra: dict[str, str] = {}
        if annotate:
            from .annotate import build_annotation

            model, extra = build_annotation(analyses, lexicons, options)
        else:
            tables = build_comparison(analyses, lexicons=lexicons, seed=options.seed)
            model = build_lesson(analyses, tables, lexicons, options)
        outputs = render_outputs(model, formats, workers)
    finally:
        for worker in workers.values():
            worker.close()
    outputs.update(extra)
    return [write_atomically(output_path(out_dir, name), data) for name, data in outputs.items()]


def render_outputs(model: Mapping[str, Any], formats: Sequence[str], workers: Mapping[str, Any],
                   render: Callable[[Mapping[str, Any], str], str] = render_html) -> dict[str, str | bytes]:
    """``{file name: content}``: each audience's HTML, and its PDF printed by its worker."""
    outputs: dict[str, str | bytes] = {}
    for audience, stem in AUDIENCES.items():
        page = render(model, audience)
        if "html" in formats:
            outputs[f"{stem}.html"] = page
        if audience in workers:
            workers[audience].submit(0, page)
    for audience, worker in workers.items():
        suffix = ": teacher's key" if audience == "key" else ""
        outputs[f"{AUDIENCES[audience]}.pdf"] = worker.finish(f"{model['title']}{suffix}")
    return outputs
