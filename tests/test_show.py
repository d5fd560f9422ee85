"""``framing.show`` and ``ArticleAnalysis._repr_html_``: the article's evidence inline, escaped, spans whole."""

from __future__ import annotations

import dataclasses
from collections import defaultdict

import lxml.html
import pytest

import framing
from framing.analysis import ArticleAnalysis
from framing.document import Span

HOSTILE = ("Officials said the <script>alert('x')</script> plan may fail, critics claimed. "
           "\"The regime is lying about the dam,\" the senator said. {{ 7*7 }} & <b>bold</b>.\n")


@pytest.fixture(scope="module")
def hostile() -> ArticleAnalysis:
    return framing.analyze_text(HOSTILE, outlet="Outlet <i>X</i>", title="A <em>title</em>")


def fragments_by_span(html: str) -> dict[str, str]:
    """Each span id's highlighted text: its elements' text joined in page order (one element per segment)."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    joined: dict[str, str] = defaultdict(str)
    for element in tree.xpath("//span[@data-spans]"):
        for span_id in element.get("data-spans").split():
            joined[span_id] += element.text_content()
    return dict(joined)


def test_show_returns_an_html_fragment_outside_a_notebook(hostile: ArticleAnalysis) -> None:
    html = framing.show(hostile)
    assert isinstance(html, str) and html.startswith("<div class=\"framing-show\"")
    assert hostile._repr_html_() == html


def test_article_text_is_escaped_never_markup(hostile: ArticleAnalysis) -> None:
    html = framing.show(hostile)
    assert "<script" not in html and "<b>" not in html and "<i>" not in html and "<em>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;bold&lt;/b&gt;" in html and "Outlet &lt;i&gt;X&lt;/i&gt;" in html
    assert "{{ 7*7 }}" in html  # shown as text, not evaluated by the template
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert not tree.xpath("//script | //b | //i | //em")
    shown = "".join(tree.xpath("//p[position() > 2]//text()[not(ancestor::span[contains(@class, 'mk')])]"))
    assert shown == hostile.document.text.strip()  # the text, whole, in order, markers aside


def test_every_highlighted_fragment_is_its_span_text(hostile: ArticleAnalysis) -> None:
    fragments = fragments_by_span(framing.show(hostile))
    assert sorted(fragments.values()) == sorted(span.text for span in hostile.spans)
    assert all(span.text == hostile.document.text[span.start:span.end] for span in hostile.spans)


def test_nested_and_crossing_spans_become_nested_markup(hostile: ArticleAnalysis) -> None:
    text = hostile.document.text
    quote_start = text.index("\"The regime")
    quote_end = text.index(",\"", quote_start) + 2
    regime = text.index("regime")
    lying = text.index("lying")
    crafted = (
        Span("quote", quote_start, quote_end, text[quote_start:quote_end], "direct quote"),
        Span("loaded", regime, regime + len("regime"), "regime", "regime"),  # inside the quote
        Span("hedge", regime, lying + len("lying"), text[regime:lying + len("lying")], "made up"),  # crosses the loaded
        Span("source", lying, quote_end + 4, text[lying:quote_end + 4], "made up"),  # crosses the quote's end
    )
    html = framing.show(dataclasses.replace(hostile, spans=crafted))
    assert sorted(fragments_by_span(html).values()) == sorted(span.text for span in crafted)
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    assert covering(tree, "regime") == {"hl-quote", "hl-loaded", "hl-hedge"}
    assert covering(tree, "lying") == {"hl-quote", "hl-hedge", "hl-source"}
    assert covering(tree, " the") == {"hl-source"}


def covering(tree: lxml.html.HtmlElement, words: str) -> set[str]:
    """The highlight classes around the one innermost highlighted segment that reads ``words``."""
    [innermost] = [element for element in tree.xpath("//span[@data-spans]")
                   if element.text_content() == words and not element.xpath("span[@data-spans]")]
    return {cls for element in innermost.xpath("ancestor-or-self::span[@data-spans]")
            for cls in element.get("class").split() if cls.startswith("hl-")}


def test_types_choose_the_highlights_and_the_counts_line_keeps_every_type(hostile: ArticleAnalysis) -> None:
    html = framing.show(hostile, types="quote")
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    classes = {cls for element in tree.xpath("//span[@data-spans]") for cls in element.get("class").split()}
    assert classes == {"hl-quote"}
    counts = tree.xpath("string(//p[contains(@class, 'framing-counts')])")
    n_words = hostile.document.n_words
    for span_type, plural in (("attribution", "Attributions"), ("quote", "Quotes"), ("source", "Sources")):
        count = len(hostile.spans_of(span_type))
        assert f"{plural}: {count} ({count * 1000 / n_words:.1f} per 1,000 words)" in " ".join(counts.split())


def test_show_displays_in_a_notebook_when_asked(hostile: ArticleAnalysis, monkeypatch: pytest.MonkeyPatch) -> None:
    import IPython.display

    shown: list[str] = []
    monkeypatch.setattr(IPython.display, "display", lambda obj: shown.append(obj.data))
    assert framing.show(hostile, jupyter=True) is None
    assert shown == [framing.show(hostile, jupyter=False)]


def test_show_takes_a_list_of_analyses(hostile: ArticleAnalysis) -> None:
    other = framing.analyze_text("The council said the road would close.", outlet="Y")
    html = framing.show([hostile, other])
    assert html.count("<div class=\"framing-show\"") == 2
