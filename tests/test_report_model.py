"""The report model: flattened highlight segments, pooled rates, provenance, comparison adapter."""

from __future__ import annotations

import hashlib
from dataclasses import replace

import pandas as pd
import pytest
from test_report_helpers import NESTED_TEXT, nested_analysis, span_at, with_spans

from framing.document import Span
from framing.report.model import build_report_model, rate_intervals, readability_key


def segment_texts(block):
    return "".join(segment["text"] for segment in block)


def test_model_segments_rebuild_every_paragraph(parse, lexicons):
    analysis = nested_analysis(parse(NESTED_TEXT))
    article = build_report_model([analysis], lexicons)["articles"][0]
    blocks = article["text"]["blocks"]
    assert [segment_texts(b) for b in blocks] == [p for p in NESTED_TEXT.split("\n") if p]


def test_model_every_span_gets_exactly_one_marker(parse, lexicons):
    analysis = nested_analysis(parse(NESTED_TEXT))
    text = build_report_model([analysis], lexicons)["articles"][0]["text"]
    markers = [m["id"] for block in text["blocks"] for seg in block for m in seg["markers"]]
    markers += [m["id"] for m in text["unplaced"]]
    assert sorted(markers) == sorted(f"a0-s{i}" for i in range(len(analysis.spans)))


@pytest.mark.parametrize(
    ("words", "expected_types"),
    [
        ("regime", {"quote", "loaded"}),
        ("may", {"quote", "hedge"}),
        ("reportedly", {"source", "hedge"}),
        ("Officials", {"source"}),
        ("fall soon", {"quote"}),
        (" on Monday.", set()),
    ],
)
def test_model_nested_spans_become_layers(parse, lexicons, words, expected_types):
    analysis = nested_analysis(parse(NESTED_TEXT))
    blocks = build_report_model([analysis], lexicons)["articles"][0]["text"]["blocks"]
    segments = [seg for block in blocks for seg in block if words in seg["text"]]
    assert segments, words
    assert {layer["type"] for layer in segments[0]["layers"]} == expected_types


def test_model_covered_text_equals_each_span_text(parse, lexicons):
    analysis = nested_analysis(parse(NESTED_TEXT))
    article = build_report_model([analysis], lexicons)["articles"][0]
    for note in article["notes"]:
        covered = "".join(
            seg["text"] for block in article["text"]["blocks"] for seg in block
            for layer in seg["layers"] if note["id"] in layer["ids"].split()
        )
        assert covered == note["text"]


def test_model_span_across_paragraphs_is_split_and_marked_once(parse, lexicons):
    doc = parse("First part of it.\n\nSecond part here.")
    span = Span("quote", 6, doc.text.index("Second") + 6, doc.text[6:doc.text.index("Second") + 6], "speech_quote")
    text = build_report_model([with_spans(doc, [span])], lexicons)["articles"][0]["text"]
    first, second = text["blocks"]
    assert [layer["starts"] for seg in first for layer in seg["layers"]] == [True]
    assert sum(len(seg["markers"]) for seg in first) == 0
    assert sum(len(seg["markers"]) for seg in second) == 1


def test_model_span_over_no_visible_text_is_listed_unplaced(parse, lexicons):
    doc = parse("One line.\n\nAnother line.")
    gap = doc.text.index("\n")
    spans = [Span("hedge", gap, gap, "", "empty"), Span("hedge", gap, gap + 1, "\n", "newline")]
    text = build_report_model([with_spans(doc, spans)], lexicons)["articles"][0]["text"]
    assert [m["marker"] for m in text["unplaced"]] == ["H1", "H2"]


def test_model_pools_rates_over_an_outlets_articles(parse, lexicons):
    short = parse("The regime fell.")
    long = parse("The regime said it would stay in power for many more years to come.")
    analyses = [
        with_spans(short, [span_at(short, "loaded", "regime")], outlet="Same", doc_id="a"),
        with_spans(long, [], outlet="Same", doc_id="b"),
    ]
    (row,) = build_report_model(analyses, lexicons)["outlets"]
    assert row["n_articles"] == 2
    assert row["rates"]["loaded"] == pytest.approx(1000 / (short.n_words + long.n_words))


def test_model_footer_pins_inputs_and_lexicons(parse, lexicons, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    doc = replace(parse("Some text."), raw_text="Some  raw text.")
    model = build_report_model([with_spans(doc, [])], lexicons)
    assert model["date"] == "1970-01-02"
    assert model["inputs"][0]["sha256"] == hashlib.sha256(b"Some  raw text.").hexdigest()
    assert model["lexicon_checksum"] == lexicons.checksum
    assert {row["name"] for row in model["lexicons"]} >= {"hedges", "loaded", "reporting_verbs", "source_kinds"}


@pytest.mark.parametrize(
    ("feature", "expected"),
    [
        ("flesch_kincaid_grade", "flesch_kincaid_grade"),
        ("readability.gunning_fog", "gunning_fog"),
        ("readability_words", None),
        ("hedge_per_1k", None),
    ],
)
def test_model_readability_key_accepts_only_known_formulas(feature, expected):
    assert readability_key(feature) == expected


def test_model_reads_intervals_from_comparison_rates():
    rates = pd.DataFrame({
        "outlet": ["A", "A", "B"],
        "measure": ["hedge_per_1k", "loaded", "quote"],
        "rate": [5.0, 2.0, 1.0],
        "ci_low": [3.0, 1.0, float("nan")],
        "ci_high": [7.0, 4.0, 2.0],
        "within_noise": [True, False, True],
    })
    intervals = rate_intervals({"rates": rates})
    assert intervals == {
        "A": {"hedge": {"low": 3.0, "high": 7.0, "within_noise": True},
              "loaded": {"low": 1.0, "high": 4.0, "within_noise": False}},
    }


@pytest.mark.parametrize("comparison", [None, {}, {"rates": pd.DataFrame({"outlet": ["A"], "rate": [1.0]})}])
def test_model_without_intervals_shows_none(comparison):
    assert rate_intervals(comparison) == {}


def test_model_seed_outlets_in_manifest_order(seed_analyses, lexicons):
    model = build_report_model(list(seed_analyses.values()), lexicons)
    assert [row["outlet"] for row in model["outlets"]] == ["Source A", "Source B", "Source C", "Source D", "Source E"]


def test_model_article_counts_leave_out_possible_spans_like_the_overview(parse, lexicons):
    doc = parse("The regime spoke. The regime fell. Critics called it a regime.")
    spans = [span_at(doc, "loaded", "regime", occurrence=k, category="pejorative_label") for k in range(3)]
    spans[2] = replace(spans[2], attrs={"confidence": "possible", "reason": "under the bar"})
    article = build_report_model([with_spans(doc, spans)], lexicons)["articles"][0]
    assert article["counts"]["loaded"] == 2 and article["possible"]["loaded"] == 1
    assert article["rates"]["loaded"] == pytest.approx(2 * 1000 / doc.n_words)
