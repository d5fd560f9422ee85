"""An article's evidence inline, for notebooks: ``framing.show(analysis)`` and ``ArticleAnalysis._repr_html_``.

Like displaCy's ``render``: the article text with each evidence span highlighted by
type and followed by its marker (``H1``, ``Q2``; hover for the rule or lexicon
entry), under a line of counts per 1,000 words. The text is cut into segments by
the report's own highlighter (:func:`framing.report.article_model.paragraphs`), so nested
and overlapping spans (a loaded word inside a quote) need no overlapping markup
and each segment is exactly ``text[start:end]``. The fragment is rendered by the
report's Jinja2 environment with autoescaping on: article text is untrusted and
always shows as text. Styles are inline, so the fragment reads the same wherever
it is pasted (a notebook, an e-mail, a page without the report's stylesheet).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from .errors import FramingParameterError

if TYPE_CHECKING:
    from .analysis import ArticleAnalysis

# The report's colours (report.css); each type also keeps its drawing style, so it reads in grayscale.
COLOURS = {"hedge": "#0057a8", "attribution": "#a33f00", "loaded": "#8a5a00", "quote": "#8e3474", "source": "#00664c",
           "frame": "#3b6e8f"}  # the report's colours (report.css)
LOADED_BACKGROUND = "#ffd98a"
MARKER_STYLE = ("font: 700 .66em sans-serif; color: #fff; padding: 0 .22em; margin: 0 .08em; border-radius: 3px; "
                "white-space: nowrap; vertical-align: .55em; background: {colour}")

FRAGMENT = """\
<div class="framing-show"
 style="line-height: 1.9; max-width: 52em; color: #1b1b1b; background: #fff; padding: .3em .6em">
<p style="margin: .2em 0"><strong>{{ article.label }}{% if article.title %}: {{ article.title }}{% endif %}</strong>
 · {{ "{:,}".format(article.n_words) }} words · id <code>{{ article.id }}</code></p>
<p class="framing-counts" style="margin: .2em 0 .6em; font-size: .85em">
{%- for type in types %}<span style="{{ marker_style(type.type) }}">{{ type.marker }}</span> {{ type.plural }}:
 {{ article.counts[type.type] }} ({{ "%.1f"|format(article.rates[type.type]) }} per 1,000 words)
{%- if not loop.last %} · {% endif %}{% endfor %}</p>
{% for block in text.blocks %}<p style="margin: 0 0 .7em">
{%- for seg in block %}{% for layer in seg.layers %}<span class="hl-{{ layer.type }}" data-spans="{{ layer.ids }}"
 style="{{ layer_style(layer) }}"{% if layer.title is defined %} title="{{ layer.title }}"{% endif %}>{% endfor -%}
{{ seg.text }}{% for layer in seg.layers %}</span>{% endfor -%}
{% for m in seg.markers %}<span class="mk mk-{{ m.type }}" style="{{ marker_style(m.type) }}" title="{{ m.title }}">
{{- m.marker }}</span>{% endfor %}{% endfor %}</p>
{% endfor %}
{% if text.unplaced %}<p style="font-size: .85em">Evidence that covers no visible text:
{%- for m in text.unplaced %} <span style="{{ marker_style(m.type) }}" title="{{ m.title }}">{{ m.marker }}</span>
{%- endfor %}</p>
{% endif %}</div>
"""


def show(
    analysis: ArticleAnalysis | Iterable[ArticleAnalysis], *, types: str | Iterable[str] | None = None,
    jupyter: bool | None = None,
) -> str | None:
    """The article's text with its evidence highlighted, as an HTML fragment (or several articles, one after another).

    ``types``: the span types to highlight (``hedge``, ``attribution``, ``loaded``,
    ``quote``, ``source``; all by default); the counts line always shows them all.
    ``jupyter``: display the fragment in the notebook and return None; by default
    only when running in one (as displaCy does). Otherwise the fragment is returned.
    """
    from .analysis import ArticleAnalysis

    chosen = checked_types(types)
    analyses = list(analysis) if _is_list_like(analysis) else [analysis]
    if not analyses:
        raise FramingParameterError("analysis", "is an empty list", "Pass an ArticleAnalysis from framing.analyze")
    for item in analyses:
        if not isinstance(item, ArticleAnalysis):
            raise TypeError(f"analysis must be an ArticleAnalysis (from framing.analyze) or a list of them, "
                            f"not {type(item).__name__} {item!r:.60}")
    html = "\n".join(article_html(item, types=chosen) for item in analyses)
    if jupyter is None:
        jupyter = in_notebook()
    elif not isinstance(jupyter, bool):
        raise FramingParameterError("jupyter", f"must be True, False or None, not {jupyter!r}")
    if not jupyter:
        return html
    try:
        from IPython.display import HTML, display
    except ImportError:
        raise FramingParameterError("jupyter", "is True but IPython is not installed",
                                    "Install it (pip install ipython), or pass", example=False) from None
    display(HTML(html))
    return None


def article_html(analysis: ArticleAnalysis, *, types: Iterable[str] | None = None) -> str:
    """The fragment for one article (what ``ArticleAnalysis._repr_html_`` shows)."""
    from .document import SPAN_TYPES
    from .report.article_model import SPAN_STYLE, article_model, paragraphs
    from .report.html import environment

    chosen = checked_types(types)
    article = article_model(0, analysis, {})
    notes = [note for note in article["notes"] if note["type"] in chosen]
    return environment().from_string(FRAGMENT).render(
        article=article, text=paragraphs(analysis.document.text, notes),
        types=[{"type": t, **SPAN_STYLE[t]} for t in SPAN_TYPES],
        layer_style=layer_style, marker_style=marker_style,
    )


def checked_types(types: str | Iterable[str] | None) -> tuple[str, ...]:
    """``types`` as a tuple of span types; an unknown one is an error that names it."""
    from .document import SPAN_TYPES

    if types is None:
        return SPAN_TYPES
    if not isinstance(types, str) and not _is_list_like(types):
        raise TypeError(f"types must be a span type or a list of them, not {type(types).__name__} {types!r:.60}")
    listed = [types] if isinstance(types, str) else list(types)
    for name in listed:
        if name not in SPAN_TYPES:
            raise FramingParameterError("types", f"unknown span type {name!r}", f"Use any of: {', '.join(SPAN_TYPES)}")
    return tuple(listed)


def _is_list_like(values: object) -> bool:
    return isinstance(values, Iterable) and not isinstance(values, (str, bytes, Mapping))


def layer_style(layer: Mapping[str, Any]) -> str:
    """Inline CSS for one type's layer of a segment: the report's style, edges only where a span starts or ends."""
    colour = COLOURS[layer["type"]]
    kind = layer["type"]
    if kind == "hedge":
        return f"border-bottom: 2px dotted {colour}"
    if kind == "attribution":
        return f"font-weight: 700; text-decoration: underline solid {colour} 2px; text-underline-offset: 2px"
    if kind == "loaded":
        return f"background: {LOADED_BACKGROUND}"
    if kind == "frame":  # a dashed line above the sentence, as in the report
        return f"border-top: 2px dashed {colour}"
    edge = "3px" if kind == "quote" else "1px"
    parts = ["font-style: italic"] if kind == "quote" else [f"border-top: 1px solid {colour}; "
                                                             f"border-bottom: 1px solid {colour}"]
    if layer["starts"]:
        parts.append(f"border-left: {edge} solid {colour}; padding-left: 2px")
    if layer["ends"]:
        parts.append(f"border-right: {edge} solid {colour}; padding-right: 2px")
    return "; ".join(parts)


def marker_style(span_type: str) -> str:
    return MARKER_STYLE.format(colour=COLOURS[span_type])


def in_notebook() -> bool:
    """Whether this runs in a Jupyter kernel (IPython's ZMQ shell), as displaCy decides it."""
    try:
        from IPython import get_ipython
    except ImportError:
        return False
    shell = get_ipython()
    return shell is not None and type(shell).__name__ == "ZMQInteractiveShell"
