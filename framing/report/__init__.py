"""The report: one self-contained HTML page and a PDF, both from one report model.

Layers: :mod:`.model` decides what to show (plain data), :mod:`.charts` draws
the overview charts as SVG, :mod:`.html` renders the page, :mod:`.pdf` prints it.
Everything is rendered in memory first and written atomically at the end, so a
failed run never leaves a half-written report behind. The package is callable:
``framing.report(analyses, out_dir)`` is :func:`framing.api.report`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .._callable import make_callable
from ..errors import FramingInputError, FramingParameterError
from ..fileio import output_path, write_atomically

if TYPE_CHECKING:  # the PDF printer imports this package: it needs none of them
    from ..analysis import ArticleAnalysis
    from ..lexicons import Lexicons
    from .pdf import PdfWorker

make_callable(__name__, "report")  # framing.report(analyses, out_dir) is framing.api.report (see framing._callable)

REPORT_NAMES = {"html": "framing-report.html", "pdf": "framing-report.pdf"}

__all__ = ["REPORT_NAMES", "check_formats", "render_report", "write_reports"]


def write_reports(
    analyses: Sequence[ArticleAnalysis],
    lexicons: Lexicons,
    out_dir: Path,
    *,
    formats: list[str],
    title: str,
    worker: PdfWorker | None = None,
) -> list[Path]:
    """Render the requested formats in memory, then write each file atomically; return their paths.

    ``worker``: a PDF printer the caller started early (:func:`.pdf.pdf_worker`); by default one is started here.
    """
    outputs = render_report(analyses, lexicons, formats=check_formats(formats), title=title, worker=worker)
    return [write_atomically(output_path(out_dir, REPORT_NAMES[fmt]), data) for fmt, data in outputs.items()]


def check_formats(formats: Sequence[str]) -> list[str]:
    """``formats`` without repeats, each ``html`` or ``pdf``; anything else is a one-line error.

    The one check of ``--format`` for the report and the exercises, run before any work.
    """
    unknown = sorted(set(formats) - set(REPORT_NAMES))
    if unknown or not formats:
        raise FramingParameterError("formats", f"unknown format {', '.join(unknown) or '(none)'}",
                                    "Use html, pdf or both, e.g.", example=("html", "pdf"))
    return list(dict.fromkeys(formats))


def render_report(
    analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, *, formats: Sequence[str], title: str = "",
    worker: PdfWorker | None = None,
) -> dict[str, str | bytes]:
    """``{format: content}`` for each requested format, all rendered from one model.

    The order of work serves the PDF: each part goes to the printer as soon as
    what it needs is ready (:func:`.html.needs`), so the articles are printed
    while the comparison and the charts are computed (see :mod:`.pdf`).
    """
    from .pdf import pdf_worker

    if not analyses:
        raise FramingInputError("input", "there are no articles to report on", "Pass article files or folders")
    with pdf_worker(formats, started=worker) as printer:
        return _render_report(analyses, lexicons, formats, title, printer)


def _render_report(
    analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, formats: Sequence[str], title: str,
    worker: PdfWorker | None,
) -> dict[str, str | bytes]:
    from .charts import build_charts
    from .html import needs, render_html
    from .model import build_report_model, with_comparison
    from .pdf import plan_parts

    model = build_report_model(analyses, lexicons, title=title)
    charts: list[dict[str, str]] = []
    parts = list(enumerate(plan_parts(model)))

    def print_parts_ready(inputs: str) -> None:
        for index, part in parts:
            if worker is not None and needs(part) == inputs:
                worker.submit(index, render_html(model, charts, part=part))

    print_parts_ready("model")
    model = with_comparison(model, comparison_or_none(analyses, lexicons))
    print_parts_ready("comparison")
    charts = build_charts(model)
    print_parts_ready("charts")
    outputs: dict[str, str | bytes] = {}
    for fmt in dict.fromkeys(formats):
        if fmt == "html":
            outputs[fmt] = render_html(model, charts)
        elif fmt == "pdf" and worker is not None:
            outputs[fmt] = worker.finish(model["title"])
    return outputs


def comparison_or_none(analyses: Sequence[ArticleAnalysis], lexicons: Lexicons) -> dict[str, Any] | None:
    """The comparison layer's tables, or None when it fails.

    The comparison is one section of the report: a failure there must not cost the
    user the rest of it, but it is reported on stderr, not hidden.
    """
    from ..compare import build_comparison

    try:
        return build_comparison(analyses, lexicons=lexicons)
    except Exception as error:  # one section: say why it is missing and carry on
        print(f"framing: warning: the comparison section was left out ({type(error).__name__}: {error})",
              file=sys.stderr)
        return None
