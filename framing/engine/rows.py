"""The rows a corpus extraction writes: one per article, one per span, one per outlet.

``framing extract`` used to write only the nested JSON record of each article (the
output contract). For a corpus of months, tables are what people load into pandas,
DuckDB or Spark, so the batch outputs flatten the same record into

- an *articles* row: metadata, ``text``, counts, every feature that each analysis has
  as its own column, and the category features, which depend on
  what an article contains, as one JSON object in ``category_features``;
- *span* rows: one per evidence span, with its article's id and outlet, the contract's
  span keys as columns and the extractor's remaining details as a JSON object in ``attrs``;
- *outlet* rows (:class:`OutletTotals`): counts summed per outlet as the articles stream
  past, rates per 1,000 words from those sums, and readability scores averaged weighted by words.

Every article row has the same columns in the same order (the features every analysis
has, and the category features folded into one column), so every batch of a Parquet file
has the schema of the first.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..analysis import ArticleAnalysis
from ..document import SPAN_TYPES
from ..features.readability import SCORES
from ..rates import WordWeightedMeans, per_thousand
from ..schema import SPAN_COLUMNS, TABLE, SpanRow

# The span table: a span row's fixed columns, then its rule and the other details as JSON.
EXTRACT_SPAN_COLUMNS = (*SPAN_COLUMNS, "rule", "attrs")
SPAN_INT_COLUMNS = ("start", "end")


# What the writer needs of each article, by output (``ExtractOutput.row_format``): the table rows
# ("tables": Parquet); the contract's line, the span rows as JSON lines and the article row for the outlet
# totals ("lines": a folder of JSON Lines); or the contract's line ("records"). A worker builds only that,
# already serialized where the output is text: less to send back, and no serializing left to the parent.
ROW_FORMATS = ("tables", "lines", "records")


@dataclass(frozen=True, slots=True)
class ExtractedArticle:
    """What a worker sends back for one article: already-serialized rows, cheap to send between processes.

    Outside "tables" the article row has no ``text`` (the contract's line holds it) and ``spans`` is empty."""

    article: dict[str, Any]
    spans: list[dict[str, Any]]
    record_line: str = ""  # the contract's JSON line, when the output is JSON Lines
    span_lines: str = ""  # the span rows as JSON lines, in "lines"


def _is_category(name: str) -> bool:
    """``hedge.modal_count``: a feature an analysis has only when it found that category."""
    return "." in name


def extracted(analysis: ArticleAnalysis, *, row_format: str = "tables") -> ExtractedArticle:
    """The rows of one analysis that the output of ``row_format`` writes (see :data:`ROW_FORMATS`)."""
    row = analysis.row()
    article = row.head(TABLE)
    categories = {}
    for name, value in row.features.items():
        if _is_category(name):
            categories[name] = value
        else:  # the same names, in the same order, for every analysis
            article[name] = value
    article["category_features"] = json.dumps(categories, ensure_ascii=False)
    article["removed"] = list(row.removed)
    if row_format == "records":
        del article["text"]
        return ExtractedArticle(article, [], _record_line(analysis, row))
    spans = [_span_table_row(SpanRow.of(analysis.document, span)) for span in analysis.spans]
    if row_format == "lines":
        del article["text"]
        return ExtractedArticle(article, [], _record_line(analysis, row), json_lines(spans))
    return ExtractedArticle(article, spans)


def _record_line(analysis: ArticleAnalysis, row: Any) -> str:
    """The output contract's JSON line of one article."""
    return json.dumps(analysis.to_record(row), ensure_ascii=False) + "\n"


def json_lines(rows: Iterable[dict[str, Any]]) -> str:
    """Rows as JSON Lines text, as every JSON Lines table of ``framing extract`` is written."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def _span_table_row(span: SpanRow) -> dict[str, Any]:
    """A span row as the engine's table has it: the fixed columns, ``rule``, the other details as JSON."""
    row = span.columns()
    attrs = dict(span.attrs)
    row["rule"] = str(attrs.pop("rule", ""))
    row["attrs"] = json.dumps(attrs, ensure_ascii=False, sort_keys=True)
    return row


@dataclass
class OutletTotals:
    """Per-outlet sums, updated article by article: memory grows with outlets, not articles."""

    articles: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    sums: dict[str, dict[str, float]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(float)))
    readability: dict[str, WordWeightedMeans] = field(default_factory=lambda: defaultdict(WordWeightedMeans))

    def add(self, rows: Iterable[ExtractedArticle]) -> None:
        for row in rows:
            article = row.article
            outlet = article["outlet"]
            self.articles[outlet] += 1
            sums = self.sums[outlet]
            for name in ("n_words", "n_sentences", "n_quoted_words"):
                sums[name] += article[name]
            self.readability[outlet].add({name: article[name] for name in SCORES}, article["n_words"])
            for span_type in SPAN_TYPES:
                sums[f"{span_type}_count"] += article[f"{span_type}_count"]
            for name, value in json.loads(article["category_features"]).items():
                if name.endswith("_count"):
                    sums[name] += value

    def rows(self) -> list[dict[str, Any]]:
        """One row per outlet, outlets in order of first appearance, columns the same for all.

        Rates are pooled (all the outlet's spans per 1,000 of all its words), readability
        scores are means over its articles weighted by words, as in the report.
        """
        categories = sorted({name for sums in self.sums.values() for name in sums if _is_category(name)})
        table = []
        for outlet, n_articles in self.articles.items():
            sums = self.sums[outlet]
            words = sums["n_words"]
            row: dict[str, Any] = {"outlet": outlet, "n_articles": n_articles, "n_words": int(words),
                                   "n_sentences": int(sums["n_sentences"]),
                                   "n_quoted_words": int(sums["n_quoted_words"])}
            for name in [f"{t}_count" for t in SPAN_TYPES] + categories:
                count = sums.get(name, 0.0)
                row[name] = int(count)
                row[name.removesuffix("_count") + "_per_1k"] = round(float(per_thousand(count, words)), 3)
            means = self.readability[outlet].means()
            for name in SCORES:
                row[f"mean_{name}"] = round(means[name], 3) if name in means else float("nan")
            table.append(row)
        return table
