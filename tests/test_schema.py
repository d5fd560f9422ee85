"""The one output schema (framing/schema.py): every output's columns come from ArticleRow and SpanRow."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import fields

import pytest

from framing.analysis import ArticleAnalysis
from framing.document import SPAN_KEYS, Span
from framing.engine.output import is_int_column
from framing.engine.rows import EXTRACT_SPAN_COLUMNS, extracted
from framing.schema import FRAME, RECORD, TABLE, ArticleRow, Measure, SpanRow, columns
from framing.tables import ARTICLE_COLUMNS, SPAN_COLUMNS, articles_frame, spans_frame

TEXT = (
    'The mayor said on Monday that the plan "will probably cut costs", according to two aides. '
    "Critics allegedly called it a reckless scheme. The council may vote next week, officials said. "
    "Residents seemed divided, and some argued the budget could perhaps grow again."
)


@pytest.fixture(scope="module")
def analysis(analyze_text: Callable[[str], ArticleAnalysis]) -> ArticleAnalysis:
    return analyze_text(TEXT)


def test_schema_span_columns_are_the_span_row_fields() -> None:
    assert tuple(name for name in SpanRow._fields if name != "attrs") == SPAN_COLUMNS
    assert ("article_id", "outlet", *SPAN_KEYS) == SPAN_COLUMNS
    assert tuple(f.name for f in fields(Span) if f.name != "attrs") == SPAN_KEYS
    assert (*SPAN_COLUMNS, "rule", "attrs") == EXTRACT_SPAN_COLUMNS


def test_schema_article_columns_are_the_article_row_fields() -> None:
    names = [f.name for f in fields(ArticleRow)]
    assert ARTICLE_COLUMNS == columns(FRAME) == ("id", "outlet", "title", "byline", "n_words", "n_sentences")
    for output in (RECORD, TABLE, FRAME):
        assert columns(output) == tuple(name for name in names if name in columns(output))  # field order
    assert "story" in columns(TABLE) and "story" not in columns(RECORD)


def test_schema_every_output_starts_with_its_columns(analysis: ArticleAnalysis) -> None:
    record = analysis.to_record()
    assert list(record)[: len(columns(RECORD))] == list(columns(RECORD))
    rows = extracted(analysis)
    assert list(rows.article)[: len(columns(TABLE))] == list(columns(TABLE))
    assert all(tuple(span) == EXTRACT_SPAN_COLUMNS for span in rows.spans) and rows.spans
    assert tuple(articles_frame([analysis]).columns[: len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS
    assert tuple(spans_frame([analysis]).columns[: len(SPAN_COLUMNS)]) == SPAN_COLUMNS


def test_schema_record_round_trips(analysis: ArticleAnalysis) -> None:
    row = analysis.row()
    assert row.features == analysis.features and list(row.features) == list(analysis.features)
    assert ArticleRow.from_record(json.loads(json.dumps(analysis.to_record()))) == row
    assert analysis.to_record(row) == analysis.to_record()


def test_schema_span_row_round_trips(analysis: ArticleAnalysis) -> None:
    assert analysis.spans
    for span in analysis.spans:
        row = SpanRow.of(analysis.document, span)
        assert row.to_span() == span
        assert SpanRow(**row.columns(), attrs=span.attrs) == row
        assert (row.article_id, row.outlet) == (analysis.document.id, analysis.document.outlet)


@pytest.mark.parametrize(("name", "kind"), [
    ("hedge_per_1k", "rate per 1,000 words"), ("hedge.modal_count", "count"), ("n_words", "count"),
    ("quoted_word_share", "share"), ("flesch_kincaid_grade", "score"), ("slant_score", "score"),
    ("longest_sentence_words", "count"), ("longest_sentence_start", "offset"), ("syllables_per_word", "value"),
])
def test_schema_measure_kind_follows_the_feature_name(name: str, kind: str) -> None:
    assert Measure.of(name, 1.0) == Measure(name, 1.0, kind)
    assert is_int_column(name) == (kind in ("count", "offset"))  # how extract's tables type the column


def test_schema_measures_are_the_features_with_their_kinds(analysis: ArticleAnalysis) -> None:
    measures = analysis.row().measures
    assert [(m.name, m.value) for m in measures] == list(analysis.features.items())
    assert {m.kind for m in measures} >= {"count", "rate per 1,000 words", "share", "score"}
