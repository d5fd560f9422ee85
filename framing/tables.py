"""pandas tables of analyses: one row per article, one row per span.

For researchers who want to group, plot or model the results in a notebook
without walking the JSON contract by hand. Span rows carry their article's id as
``article_id``, as in ``framing extract``'s span table, so they join:
``spans.merge(articles, left_on="article_id", right_on="id")``.
(Named ``tables``, not ``frames``: in framing a frame is a news frame.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import pandas as pd

from .schema import ARTICLE_COLUMNS, FRAME, SPAN_COLUMNS, SpanRow

if TYPE_CHECKING:
    from .analysis import ArticleAnalysis

__all__ = ["ARTICLE_COLUMNS", "SPAN_COLUMNS", "articles_frame", "spans_frame"]
# Feature names ending so are counts or rates of spans; one absent from an article's
# features means no such span was found there, i.e. zero.
ZERO_WHEN_ABSENT = ("_count", "_per_1k")


def articles_frame(analyses: Iterable[ArticleAnalysis]) -> pd.DataFrame:
    """One row per article: metadata, word and sentence counts, then every feature.

    Feature columns are sorted by name, so the layout does not depend on which
    article happens to come first. Category counts and rates appear only for
    articles where the category occurs; elsewhere they are 0, not missing. Any
    other feature an article lacks is left missing (NaN) rather than guessed.
    """
    rows: list[dict[str, Any]] = []
    feature_names: set[str] = set()
    for analysis in analyses:
        article = analysis.row()
        row = article.head(FRAME)
        for name, value in article.features.items():
            if name not in row:
                row[name] = value
                feature_names.add(name)
        rows.append(row)
    features = sorted(feature_names - set(ARTICLE_COLUMNS))
    frame = pd.DataFrame(rows, columns=[*ARTICLE_COLUMNS, *features])
    for name in features:
        if name.endswith(ZERO_WHEN_ABSENT):
            frame[name] = frame[name].fillna(0)
    return frame


def spans_frame(analyses: Iterable[ArticleAnalysis]) -> pd.DataFrame:
    """One row per span: its article, type, offsets, text, lexicon entry and attributes.

    ``start``/``end`` index the article's analyzed text (``ArticleAnalysis.document.text``).
    Extractor-specific attributes (a quote's speaker, a source's stance) become
    columns of their own, after the fixed ones (integer attributes such as
    offsets as pandas' nullable ``Int64``); an attribute whose name clashes with
    a fixed column is prefixed ``attr_``. Spans without an attribute get NaN there.
    """
    rows: list[dict[str, Any]] = []
    extra: dict[str, None] = {}  # attribute columns in order of first appearance
    not_int: set[str] = set()  # attribute columns holding anything but integers (or None)
    for analysis in analyses:
        for span in analysis.spans:
            row = SpanRow.of(analysis.document, span).columns()
            for key, value in span.attrs.items():
                column = f"attr_{key}" if key in SPAN_COLUMNS else key
                row[column] = value
                extra.setdefault(column, None)
                if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
                    not_int.add(column)
            rows.append(row)
    frame = pd.DataFrame(rows, columns=[*SPAN_COLUMNS, *extra])
    dtypes = {"start": "int64", "end": "int64"}
    for column in extra:
        if column not in not_int and frame[column].notna().any():
            dtypes[column] = "Int64"  # offsets stay integers even where some spans lack them
    return frame.astype(dtypes)
