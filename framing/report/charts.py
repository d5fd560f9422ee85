"""Overview charts as inline SVG text, drawn with matplotlib's object API.

Each function builds a :class:`matplotlib.figure.Figure` (never pyplot, whose
global figure registry would leak state between reports), renders it to an SVG
string and clears it. Meaning never rests on colour alone: bars carry value
labels, kinds carry hatch patterns, the heatmap prints its counts, and the
readability plot uses a different marker shape per formula.
"""

from __future__ import annotations

import base64
import html
import io
import re
from collections.abc import Callable, Mapping
from typing import Any

# Okabe–Ito palette: distinguishable with the common forms of colour blindness.
TYPE_COLOURS = {
    "hedge": "#0072B2",
    "attribution": "#D55E00",
    "loaded": "#E69F00",
    "quote": "#CC79A7",
    "source": "#009E73",
    "frame": "#56B4E9",
}
KIND_STYLES = [  # (colour, hatch) per source kind, in lexicon order; sparse hatches stay cheap to print
    ("#0072B2", ""), ("#009E73", "//"), ("#E69F00", "\\\\"), ("#CC79A7", "xx"), ("#56B4E9", "--"),
    ("#D55E00", "++"), ("#F0E442", "||"), ("#999999", ".."),
]
GRADE_MARKERS = ["o", "s", "^", "D", "v", "P", "X", "*"]
TICK_CHARS = 28  # outlet names on the frames chart's axis are cut to this many characters
TEXT_COLOUR = "#222222"
RC = {
    "svg.fonttype": "none",  # keep text as text: small, searchable, crisp at any zoom
    "text.parse_math": False,  # an outlet called "$5 News" is text, not TeX
    "font.family": ["sans-serif"],
    "font.sans-serif": ["DejaVu Sans", "Liberation Sans", "Arial"],  # short font lists keep the SVG small
    "font.size": 9,
    "axes.edgecolor": "#555555",
    "axes.labelcolor": TEXT_COLOUR,
    "xtick.color": TEXT_COLOUR,
    "ytick.color": TEXT_COLOUR,
    "text.color": TEXT_COLOUR,
    "hatch.linewidth": 0.6,
    "svg.hashsalt": "framing",
}


def build_charts(model: Mapping[str, Any]) -> list[dict[str, str]]:
    """Every overview chart that has data, as ``{id, title, alt, svg, src}``.

    ``svg`` is a standalone SVG document; ``src`` is the same as a ``data:`` URI,
    which the page shows in an ``<img>``. An image, not inline ``<svg>`` markup:
    the page stays self-contained, the alt text is the chart's accessible name,
    and the PDF printer draws it about twice as fast (its ~1,500 elements never
    enter the page's stylesheet cascade).
    """
    makers: list[tuple[str, str, Callable[[Mapping[str, Any]], tuple[Any, str] | None]]] = [
        ("chart-rates", "Rates per 1,000 words, by outlet", rates_figure),
        ("chart-sources", "The mix of source kinds per outlet", source_mix_figure),
        ("chart-readability", "Readability grades by outlet", readability_figure),
        ("chart-loaded", "Loaded terms by outlet", loaded_heatmap_figure),
        ("chart-frames", "Frames by outlet", frames_figure),
    ]
    charts = []
    for chart_id, title, make in makers:
        made = make(model)
        if made is None:
            continue
        figure, alt = made
        svg = figure_svg(figure, chart_id, title, alt)
        src = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
        charts.append({"id": chart_id, "title": title, "alt": alt, "svg": svg, "src": src})
    return charts


def figure_svg(figure: Any, chart_id: str, title: str, alt: str) -> str:
    """Render ``figure`` to a standalone SVG (no XML prolog, no metadata, labelled) and clear it."""
    import matplotlib

    buffer = io.StringIO()
    try:
        with matplotlib.rc_context({**RC, "svg.hashsalt": chart_id}):
            figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    finally:
        figure.clear()
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    # Each chart is its own image, so its clip-path and pattern ids cannot clash with another's.
    head_end = svg.index(">")
    head = svg[:head_end]
    label = html.escape(alt, quote=True)
    head += f' class="chart" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc"'
    inner = (f'<title id="{chart_id}-title">{html.escape(title)}</title>'
             f'<desc id="{chart_id}-desc">{label}</desc>')
    return head + ">" + inner + svg[head_end + 1:]


def new_figure(width: float, height: float) -> Any:
    import matplotlib

    with matplotlib.rc_context(RC):
        from matplotlib.figure import Figure

        return Figure(figsize=(width, height), layout="constrained")


def fmt(value: float) -> str:
    return f"{value:.1f}"


def rates_figure(model: Mapping[str, Any]) -> tuple[Any, str] | None:
    """Small multiples: one panel per measure, one bar per outlet, value printed at the bar."""
    import matplotlib

    outlets = model["outlets"]
    if not outlets:
        return None
    measures = model["measures"]
    names = [row["outlet"] for row in outlets]
    with matplotlib.rc_context(RC):
        figure = new_figure(7.2, 1.3 + 0.32 * len(names))
        axes = figure.subplots(1, len(measures), sharey=True)
        for index, (ax, measure) in enumerate(zip(axes, measures, strict=True)):
            key = measure["key"]
            values = [row["rates"][key] for row in outlets]
            positions = list(range(len(names)))
            ax.barh(positions, values, color=TYPE_COLOURS[key], height=0.65)
            lows, highs = [], []
            for row, value in zip(outlets, values, strict=True):
                interval = row.get("intervals", {}).get(key)
                lows.append(value - interval["low"] if interval else 0.0)
                highs.append(interval["high"] - value if interval else 0.0)
            if any(lows) or any(highs):
                ax.errorbar(values, positions, xerr=[[max(v, 0) for v in lows], [max(v, 0) for v in highs]],
                            fmt="none", ecolor=TEXT_COLOUR, elinewidth=0.8, capsize=2)
            top = max([v + h for v, h in zip(values, highs, strict=True)] + [1.0])
            ax.set_xlim(0, top * 1.35)
            for position, value in zip(positions, values, strict=True):
                ax.text(value + top * 0.03, position - 0.32, fmt(value), va="bottom", fontsize=7)
            ax.set_title(measure["label"], fontsize=9, fontweight="bold")
            if index == 0:
                ax.set_yticks(positions, names)  # the y axis is shared: label it once
                ax.invert_yaxis()  # first outlet on top, for all panels
            else:
                ax.tick_params(axis="y", labelleft=False, length=0)
            ax.tick_params(axis="x", labelsize=7)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
        figure.supxlabel("per 1,000 words", fontsize=8)
    alt = "; ".join(
        f"{row['outlet']}: " + ", ".join(f"{m['label'].lower()} {fmt(row['rates'][m['key']])}" for m in measures)
        for row in outlets
    )
    return figure, f"Bar charts of rates per 1,000 words. {alt}."


def source_mix_figure(model: Mapping[str, Any]) -> tuple[Any, str] | None:
    """Stacked bars of sources per 1,000 words, split by kind (colour plus hatch)."""
    import matplotlib

    outlets = model["outlets"]
    kinds = [kind["key"] for kind in model["source_kinds"]]
    for row in outlets:
        kinds += [k for k in row["source_rates"] if k not in kinds]
    if not outlets or not any(row["counts"]["source"] for row in outlets):
        return None
    names = [row["outlet"] for row in outlets]
    used = [k for k in kinds if any(row["source_counts"].get(k) for row in outlets)]
    with matplotlib.rc_context(RC):
        figure = new_figure(7.2, 0.9 + 0.32 * len(names))
        ax = figure.subplots()
        lefts = [0.0] * len(names)
        for index, kind in enumerate(used):
            colour, hatch = KIND_STYLES[index % len(KIND_STYLES)]
            values = [row["source_rates"].get(kind, 0.0) for row in outlets]
            ax.barh(range(len(names)), values, left=lefts, color=colour, hatch=hatch, edgecolor="white",
                    linewidth=0.6, height=0.65, label=kind.replace("_", " "))
            lefts = [left + value for left, value in zip(lefts, values, strict=True)]
        for position, total in enumerate(lefts):
            ax.text(total + max(lefts) * 0.01, position, fmt(total), va="center", fontsize=8)
        ax.set_yticks(range(len(names)), names)
        ax.invert_yaxis()
        ax.set_xlim(0, max(lefts) * 1.12 or 1)
        ax.set_xlabel("sources per 1,000 words")
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        figure.legend(loc="outside lower center", ncols=min(len(used), 5), frameon=False, fontsize=8)
    alt = "; ".join(
        f"{row['outlet']}: " + ", ".join(f"{k.replace('_', ' ')} {row['source_counts'].get(k, 0)}" for k in used)
        for row in outlets
    )
    return figure, f"Stacked bars of cited sources per 1,000 words by kind. Counts: {alt}."


def readability_figure(model: Mapping[str, Any]) -> tuple[Any, str] | None:
    """Dot plot: one row per outlet, one marker shape per grade formula."""
    import matplotlib

    grades = [column for column in model["readability"] if column["is_grade"]]
    outlets = model["outlets"]
    if not grades or not outlets:
        return None
    names = [row["outlet"] for row in outlets]
    with matplotlib.rc_context(RC):
        figure = new_figure(7.2, 0.9 + 0.32 * len(names))
        ax = figure.subplots()
        for index, column in enumerate(grades):
            xs, ys = [], []
            for position, row in enumerate(outlets):
                value = row["readability"].get(column["key"])
                if value is not None:
                    xs.append(value)
                    ys.append(position)
            ax.scatter(xs, ys, marker=GRADE_MARKERS[index % len(GRADE_MARKERS)], s=36, label=column["label"],
                       color=list(TYPE_COLOURS.values())[index % len(TYPE_COLOURS)], edgecolors=TEXT_COLOUR,
                       linewidths=0.5, zorder=3)
        ax.set_yticks(range(len(names)), names)
        ax.set_ylim(len(names) - 0.5, -0.5)
        ax.set_xlabel("US school grade (higher = harder to read)")
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("top", "right"):
            ax.spines[side].set_visible(False)
        figure.legend(loc="outside lower center", ncols=min(len(grades), 4), frameon=False, fontsize=8)
    alt = "; ".join(
        f"{row['outlet']}: " + ", ".join(
            f"{c['label']} {fmt(row['readability'][c['key']])}" for c in grades if c["key"] in row["readability"]
        )
        for row in outlets
    )
    return figure, f"Dot plot of readability grade levels. {alt}."


def loaded_heatmap_figure(model: Mapping[str, Any]) -> tuple[Any, str] | None:
    """Loaded terms (rows) × outlets (columns), each cell printing its count."""
    import matplotlib

    matrix = model["loaded_matrix"]
    terms, outlets, counts = matrix["terms"], matrix["outlets"], matrix["counts"]
    if not terms:
        return None
    peak = max(max(row) for row in counts) or 1
    with matplotlib.rc_context(RC):
        figure = new_figure(min(7.2, 2.6 + 0.9 * len(outlets)), 1.6 + 0.24 * len(terms))
        ax = figure.subplots()
        # Vector cells (not imshow's embedded PNG): crisp in print, and WeasyPrint draws them.
        image = ax.pcolormesh(counts, cmap="YlOrBr", vmin=0, vmax=peak, edgecolors="white", linewidth=0.8)
        ax.set_xlim(0, len(outlets))
        ax.set_ylim(len(terms), 0)
        ax.set_xticks([i + 0.5 for i in range(len(outlets))], outlets, rotation=30, ha="right")
        ax.set_yticks([i + 0.5 for i in range(len(terms))], terms)
        ax.tick_params(length=0)
        for row_index, row in enumerate(counts):
            for column_index, value in enumerate(row):
                if value:  # an empty cell is white and unlabelled: fewer glyphs keep the PDF quick to print
                    ax.text(column_index + 0.5, row_index + 0.5, str(value), ha="center", va="center",
                            fontsize=8, color="white" if value > peak * 0.6 else TEXT_COLOUR)
        for spine in ax.spines.values():
            spine.set_visible(False)
        figure.colorbar(image, ax=ax, shrink=0.6, label="count")
    alt = "; ".join(
        f"{term}: " + ", ".join(f"{outlet} {value}" for outlet, value in zip(outlets, row, strict=True) if value)
        for term, row in zip(terms, counts, strict=True)
    )
    return figure, f"Heatmap of loaded-term counts per outlet. {alt}."


def frames_figure(model: Mapping[str, Any]) -> tuple[Any, str] | None:
    """Frames (rows) × outlets (columns) of frame scores, each cell printing its score; ▲ an outlet's lead frame."""
    import matplotlib

    frames = model["frames"]
    rows, outlets = frames["rows"], frames["outlets"]
    if not rows:
        return None
    scores = [[cell["score"] for cell in row["cells"]] for row in rows]
    with matplotlib.rc_context(RC):
        figure = new_figure(min(7.2, 3.4 + 0.9 * len(outlets)), 1.4 + 0.3 * len(rows))
        ax = figure.subplots()
        image = ax.pcolormesh(scores, cmap="Blues", vmin=0, vmax=max(max(r) for r in scores) or 1,
                              edgecolors="white", linewidth=0.8)
        ax.set_xlim(0, len(outlets))
        ax.set_ylim(len(rows), 0)
        # Long outlet names (up to a whole paragraph in hostile input) would starve the constrained layout
        # for minutes: the ticks show a shortened name, the alt text the full one.
        ticks = [name if len(name) <= TICK_CHARS else name[: TICK_CHARS - 1] + "…" for name in outlets]
        ax.set_xticks([i + 0.5 for i in range(len(outlets))], ticks, rotation=30, ha="right")
        ax.set_yticks([i + 0.5 for i in range(len(rows))], [row["label"] for row in rows])
        ax.tick_params(length=0)
        peak = max(max(r) for r in scores) or 1
        for row_index, row in enumerate(rows):
            for column_index, cell in enumerate(row["cells"]):
                if cell["sentences"]:
                    label = ("▲ " if cell["leads"] else "") + f"{cell['score']:.2f}"
                    ax.text(column_index + 0.5, row_index + 0.5, label, ha="center", va="center", fontsize=8,
                            color="white" if cell["score"] > peak * 0.6 else TEXT_COLOUR)
        for spine in ax.spines.values():
            spine.set_visible(False)
        figure.colorbar(image, ax=ax, shrink=0.6, label="frame score")
    alt = "; ".join(
        f"{row['label']}: " + ", ".join(f"{outlet} {cell['score']:.2f}" for outlet, cell
                                        in zip(outlets, row["cells"], strict=True) if cell["sentences"])
        for row in rows
    )
    return figure, f"Heatmap of frame scores per outlet ({frames['summary']}). {alt}."
