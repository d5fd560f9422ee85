"""Render the report model to one self-contained HTML page (or one part of it, for the PDF).

Autoescaping is on for everything and undefined names fail loudly, so article
text (which may contain ``<script>`` or ``{{ 7*7 }}``) always shows as text and
a template typo never renders as an empty string. Nothing is marked safe: the
charts come in as ``data:`` URIs of the SVG that :mod:`framing.report.charts` drew.

The PDF is printed in parts, in parallel (:mod:`.pdf`). A part is the same
template rendered with only some of its sections, so every part holds exactly
the markup the full page holds for those sections: the two cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

SECTIONS = ("header", "overview", "charts", "comparison", "legend", "method", "reproducibility")
# What a section needs beyond the base model, in the order the report computes it.
INPUTS_OF_SECTION = {"overview": "comparison", "comparison": "comparison", "charts": "charts"}
INPUTS = ("model", "comparison", "charts")


@dataclass(frozen=True)
class PagePart:
    """Which sections, and which entries, one part of the page holds.

    Entries are indexes into the page's repeated blocks: ``model["articles"]``
    in the report, ``model["items"]`` in the classroom exercises, which are
    printed in parts the same way (:mod:`framing.exercises`).
    """

    sections: frozenset[str]
    entries: tuple[int, ...] = ()


def needs(part: PagePart) -> str:
    """The last of :data:`INPUTS` that ``part`` needs: it can be rendered as soon as that is ready."""
    needed = {INPUTS_OF_SECTION.get(section, "model") for section in part.sections} | {"model"}
    return max(needed, key=INPUTS.index)


def full_page(model: Mapping[str, Any]) -> PagePart:
    return PagePart(frozenset(SECTIONS), tuple(range(len(model["articles"]))))


def render_html(
    model: Mapping[str, Any], charts: Sequence[Mapping[str, str]], *, part: PagePart | None = None
) -> str:
    """The whole page, or only ``part`` of it (with the same head and stylesheet)."""
    part = part or full_page(model)
    unknown = part.sections - set(SECTIONS)
    if unknown:
        raise ValueError(f"unknown report sections {sorted(unknown)}; known: {', '.join(SECTIONS)}")
    articles = [model["articles"][index] for index in part.entries]
    return environment().get_template("report.html.j2").render(
        model=model, charts=charts, part=part, articles=articles
    )


def render_footer_sheet(title: str, pages: int, size: tuple[float, float] | None = None) -> str:
    """A document of ``pages`` empty pages carrying only the running footer (title, page N of M).

    ``size`` is the page size in points of the pages it is laid under: the
    footer is centred on the sheet, so the sheet must be the page's size (A4 by
    default, from ``page.css``; Letter for a lesson printed with ``--paper letter``).
    """
    return environment().get_template("pdf_footer.html.j2").render(title=title, pages=pages, size=size)


@cache
def environment() -> Any:
    """The Jinja2 environment (built once per process: its template cache is all it holds)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

    return Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
