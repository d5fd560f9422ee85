"""Render the report model to one self-contained HTML page.

Autoescaping is on for everything and undefined names fail loudly, so article
text (which may contain ``<script>`` or ``{{ 7*7 }}``) always shows as text and
a template typo never renders as an empty string. The only markup passed
through unescaped is the chart SVG that :mod:`framing.report.charts` drew.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def render_html(model: Mapping[str, Any], charts: Sequence[Mapping[str, str]]) -> str:
    from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
    from markupsafe import Markup

    environment = Environment(
        loader=PackageLoader("framing.report", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    safe_charts = [{**chart, "svg": Markup(chart["svg"])} for chart in charts]
    return environment.get_template("report.html.j2").render(model=model, charts=safe_charts)
