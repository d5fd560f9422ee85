"""Headline versus body: assertion of a hedged claim, and a different frame."""

from __future__ import annotations

from framing.analysis import ArticleAnalysis
from framing.compare.common import Folder
from framing.compare.headlines import build_headlines
from framing.corpus import parse_text
from framing.document import Span

BODY = "Maduro reportedly offered to step down within two years. The United States rejected the offer."


def spans_on(text: str, words: dict[str, tuple[str, str]]) -> tuple[Span, ...]:
    found = []
    for word, (span_type, category) in words.items():
        at = text.find(word)
        if at >= 0:
            found.append(Span(span_type, at, at + len(word), word, word, category=category))
    return tuple(found)


def headline_row(lexicons, title: str, body: str, body_spans: dict, title_spans: dict | None = None):
    doc = parse_text(body, lexicons, id="a", outlet="A", title=title)
    analysis = ArticleAnalysis(doc, {}, spans_on(body, body_spans))

    def analyze_title(text: str) -> ArticleAnalysis:
        return ArticleAnalysis(parse_text(text, lexicons), {}, spans_on(text, title_spans or {}))

    return build_headlines([analysis], lexicons, Folder(lexicons.stop_words), analyze_title).iloc[0]


def test_headline_asserting_what_the_body_hedges_is_flagged(lexicons):
    row = headline_row(lexicons, "Maduro offers to step down", BODY, {"reportedly": ("hedge", "evidential")})
    assert row.asserts_what_body_hedges
    assert row.body_hedges == ["reportedly"]
    assert "reportedly" in row.reason


def test_headline_that_hedges_too_is_not_flagged(lexicons):
    row = headline_row(lexicons, "Maduro reportedly offers to step down", BODY,
                       {"reportedly": ("hedge", "evidential")}, {"reportedly": ("hedge", "evidential")})
    assert not row.asserts_what_body_hedges


def test_question_headline_is_not_an_assertion(lexicons):
    row = headline_row(lexicons, "Will Maduro step down?", BODY, {"reportedly": ("hedge", "evidential")})
    assert row.headline_question and not row.asserts_what_body_hedges


def test_headline_with_a_loaded_frame_the_body_lacks_differs(lexicons):
    row = headline_row(lexicons, "Regime offers to step down", BODY, {}, {"Regime": ("loaded", "pejorative_label")})
    assert row.frame_differs
    assert row.headline_categories == ["pejorative_label"]


def test_headline_about_something_else_differs(lexicons):
    row = headline_row(lexicons, "Oil prices soar across Asian markets", BODY, {})
    assert row.frame_differs and row.coverage == 0


def test_article_without_a_title_has_no_row(lexicons):
    doc = parse_text(BODY, lexicons, id="a", outlet="A")
    assert build_headlines([ArticleAnalysis(doc, {}, ())], lexicons, Folder(lexicons.stop_words)).empty
