"""pandas tables of analyses (framing/tables.py): articles_frame and spans_frame."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import pytest

import framing
from framing.analysis import ArticleAnalysis
from framing.document import SPAN_TYPES, Document, Span
from framing.tables import ARTICLE_COLUMNS, SPAN_COLUMNS, articles_frame, spans_frame


def test_tables_exported_from_package() -> None:
    assert framing.articles_frame is articles_frame
    assert framing.spans_frame is spans_frame


def test_tables_articles_one_row_per_article_with_every_feature(
    seed_analyses: dict[str, ArticleAnalysis],
) -> None:
    analyses = list(seed_analyses.values())
    frame = articles_frame(analyses)
    assert list(frame["id"]) == [a.document.id for a in analyses]
    assert list(frame.columns[: len(ARTICLE_COLUMNS)]) == list(ARTICLE_COLUMNS)
    for row, analysis in zip(frame.itertuples(index=False), analyses, strict=True):
        doc = analysis.document
        assert (row.outlet, row.title, row.byline) == (doc.outlet, doc.title, doc.byline)
        assert row.n_words == doc.n_words
        assert row.n_sentences == len(doc.sentences)
    for index, analysis in enumerate(analyses):
        for name, value in analysis.features.items():
            assert frame.loc[index, name] == pytest.approx(value), name


def test_tables_articles_absent_category_rate_is_zero(analyze_text: Callable[[str], ArticleAnalysis]) -> None:
    hedged = analyze_text("Officials said the talks may possibly resume next week.")
    plain = analyze_text("Officials said the talks resumed on Monday.")
    frame = articles_frame([hedged, plain])
    category_rates = [c for c in frame.columns if c.startswith("hedge.") and c.endswith("_per_1k")]
    assert category_rates, "the hedged sentence should give at least one hedge category"
    assert (frame.loc[0, category_rates] > 0).any()
    assert (frame.loc[1, category_rates] == 0).all()  # zero, not missing
    assert not frame[category_rates].isna().any().any()


def test_tables_spans_one_row_per_span_with_offsets_into_text(
    seed_analyses: dict[str, ArticleAnalysis],
) -> None:
    analyses = list(seed_analyses.values())
    frame = spans_frame(analyses)
    assert len(frame) == sum(len(a.spans) for a in analyses)
    assert list(frame.columns[: len(SPAN_COLUMNS)]) == list(SPAN_COLUMNS)
    texts = {a.document.id: a.document.text for a in analyses}
    for row in frame.itertuples(index=False):
        assert row.type in SPAN_TYPES
        assert texts[row.article_id][row.start : row.end] == row.text
    assert frame["start"].dtype == "int64"


def test_tables_spans_flatten_attrs_and_rename_clashes(parse: Callable[[str], Document]) -> None:
    doc = parse("“We will win,” said Ana Ruiz. The mayor may resign.")
    speaker = Span("quote", 0, 14, doc.text[0:14], "speech-quote", attrs={"speaker": "Ana Ruiz", "speaker_start": 20})
    may = doc.text.index("may ")
    hedge = Span("hedge", may, may + 3, "may", "may", category="modal", attrs={"text": "shadowed"})
    frame = spans_frame([ArticleAnalysis(doc, {}, (speaker, hedge))])
    assert list(frame.columns) == [*SPAN_COLUMNS, "speaker", "speaker_start", "attr_text"]
    assert frame.loc[0, "speaker"] == "Ana Ruiz"
    assert frame.loc[0, "speaker_start"] == 20
    assert str(frame["speaker_start"].dtype) == "Int64"  # an offset stays an integer beside a missing one
    assert pd.isna(frame.loc[1, "speaker_start"])
    assert frame.loc[1, "text"] == "may"
    assert frame.loc[1, "attr_text"] == "shadowed"
    assert frame.loc[1, "category"] == "modal"


def test_tables_join_spans_to_articles(seed_analyses: dict[str, ArticleAnalysis]) -> None:
    analyses = list(seed_analyses.values())
    joined = spans_frame(analyses).merge(articles_frame(analyses)[["id", "n_words"]], left_on="article_id",
                                         right_on="id")
    hedges = joined[joined["type"] == "hedge"].groupby("id").size()
    for analysis in analyses:
        assert hedges.get(analysis.document.id, 0) == len(analysis.spans_of("hedge"))


def test_tables_empty_input_gives_empty_tables_with_columns() -> None:
    assert list(articles_frame([]).columns) == list(ARTICLE_COLUMNS)
    spans = spans_frame([])
    assert list(spans.columns) == list(SPAN_COLUMNS)
    assert len(spans) == 0
