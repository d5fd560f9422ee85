"""The one output schema: typed article rows, span rows and measures.

Every output of framing is built from these types, so a column is named once:

- the JSON Lines record of an article (the output contract, ``ArticleAnalysis.to_record``);
- the engine's tables (``framing extract -o DIR/``: ``articles``, ``spans``; framing/engine/rows.py);
- the pandas tables (:func:`framing.tables.articles_frame` and ``spans_frame``).

An :class:`ArticleRow` field says which outputs carry it as a fixed column (its ``outputs``
metadata), and the outputs read their column lists from there, in field order. A feature
value is a :class:`Measure`: its name, its value and the kind of number it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from .document import Span
from .features.readability import SCORES

if TYPE_CHECKING:
    from .document import Document

Output = Literal["record", "table", "frame"]
RECORD: Output = "record"  # the JSON Lines record (output contract)
TABLE: Output = "table"  # the engine's article table (extract -o DIR/)
FRAME: Output = "frame"  # the pandas article table (framing.tables.articles_frame)

MeasureKind = Literal["count", "offset", "rate per 1,000 words", "share", "score", "value"]
# Whole-number features whose names do not say so (`n_*` and `*_count` do), and character offsets.
WHOLE_NUMBER_COUNTS = ("readability_words", "readability_sentences", "longest_sentence_words")
OFFSET_FEATURES = ("longest_sentence_start", "longest_sentence_end")


def _column(*outputs: Output) -> Any:
    """A fixed column of the article row, present in ``outputs`` (in the order of the fields)."""
    return field(metadata={"outputs": outputs})


class Measure(NamedTuple):
    """One named feature value of an article, with the kind of number it is.

    ``kind`` follows the naming convention every extractor keeps: ``*_count`` and ``n_*`` are
    counts, ``*_per_1k`` rates per 1,000 words, ``*_share`` shares (0–1); readability grades and
    other ``*_score`` values are scores; a few names are listed (``WHOLE_NUMBER_COUNTS``,
    ``OFFSET_FEATURES``); anything else is a plain value. Counts and offsets are whole numbers,
    which is how the engine's tables type their columns.
    """

    name: str
    value: Any
    kind: MeasureKind

    @classmethod
    def of(cls, name: str, value: Any) -> Measure:
        return cls(name, value, measure_kind(name))


def measures_of(features: Mapping[str, Any]) -> tuple[Measure, ...]:
    """``{name: value}`` as measures, in order."""
    return tuple(map(Measure._make, zip(features, features.values(), map(measure_kind, features), strict=True)))


@lru_cache(maxsize=4096)  # a corpus repeats the same few hundred feature names
def measure_kind(name: str) -> MeasureKind:
    """The kind of a feature, from its name (see :class:`Measure`)."""
    if name.endswith("_per_1k"):
        return "rate per 1,000 words"
    if name.endswith("_count") or name.startswith("n_") or name in WHOLE_NUMBER_COUNTS:
        return "count"
    if name in OFFSET_FEATURES:
        return "offset"
    if name.endswith("_share"):
        return "share"
    if name.endswith("_score") or name in SCORES:
        return "score"
    return "value"


@dataclass(frozen=True, slots=True)
class ArticleRow:
    """One article's metadata, counts and measures: the fixed columns of every article output.

    Field order is column order. ``story`` is a table column; the record adds it last, and only
    when the corpus names one. ``removed`` (boilerplate lines cleaning took out) and the features
    (:attr:`measures`) are laid out by each output after the fixed head columns.
    """

    id: str = _column(RECORD, TABLE, FRAME)
    outlet: str = _column(RECORD, TABLE, FRAME)
    title: str = _column(RECORD, TABLE, FRAME)
    byline: str = _column(RECORD, TABLE, FRAME)
    date: str = _column(RECORD, TABLE)
    url: str = _column(RECORD, TABLE)
    path: str = _column(RECORD, TABLE)
    story: str = _column(TABLE)
    text: str = _column(RECORD, TABLE)
    n_words: int = _column(RECORD, FRAME)
    n_sentences: int = _column(RECORD, FRAME)
    removed: tuple[str, ...] = ()
    features: Mapping[str, Any] = field(default_factory=dict)  # name → value, in the extractors' order

    @classmethod
    def of(cls, document: Document, features: Mapping[str, Any]) -> ArticleRow:
        """The row of an analyzed document and its feature values."""
        doc = document
        return cls(doc.id, doc.outlet, doc.title, doc.byline, doc.date, doc.url, doc.path, doc.story, doc.text,
                   doc.n_words, len(doc.sentences), tuple(doc.removed), features)

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> ArticleRow:
        """The row back from a JSON Lines record (``framing extract``'s output)."""
        head = {name: record[name] for name in columns(RECORD)}
        return cls(**head, story=record.get("story", ""), removed=tuple(record["removed"]),
                   features=record["features"])

    @property
    def measures(self) -> tuple[Measure, ...]:
        """The features as typed measures, in order (built when asked: most outputs need only the values)."""
        return measures_of(self.features)

    def head(self, output: Output) -> dict[str, Any]:
        """The fixed columns of ``output`` with this article's values, in column order."""
        return {name: getattr(self, name) for name in columns(output)}


def columns(output: Output) -> tuple[str, ...]:
    """The fixed article columns ``output`` starts with, in order (from :class:`ArticleRow`'s fields)."""
    return _COLUMNS[output]


_COLUMNS: dict[str, tuple[str, ...]] = {
    output: tuple(f.name for f in fields(ArticleRow) if output in f.metadata.get("outputs", ()))
    for output in (RECORD, TABLE, FRAME)
}


class SpanRow(NamedTuple):
    """One evidence span with its article's id and outlet: the fixed columns of every span table.

    ``attrs`` holds the extractor's remaining details (a quote's speaker, a rule's name); each
    table lays them out its own way (a JSON column in the engine, columns of their own in pandas).
    A NamedTuple because a corpus has millions of spans.
    """

    article_id: str
    outlet: str
    type: str
    start: int
    end: int
    text: str
    label: str
    category: str
    note: str
    alternative: str
    attrs: Mapping[str, Any] = {}

    @classmethod
    def of(cls, document: Document, span: Span) -> SpanRow:
        return cls(document.id, document.outlet, span.type, span.start, span.end, span.text, span.label,
                   span.category, span.note, span.alternative, span.attrs)

    def columns(self) -> dict[str, Any]:
        """The fixed columns (all but ``attrs``) with this span's values, in order."""
        return dict(zip(SPAN_COLUMNS, self, strict=False))

    def to_span(self) -> Span:
        """The evidence span again (without its article)."""
        return Span(self.type, self.start, self.end, self.text, self.label,  # type: ignore[arg-type]
                    self.category, self.note, self.alternative, dict(self.attrs))


SPAN_COLUMNS: tuple[str, ...] = tuple(name for name in SpanRow._fields if name != "attrs")
ARTICLE_COLUMNS = columns(FRAME)  # the pandas article table's fixed columns
