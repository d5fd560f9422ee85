"""The HTML report in real headless Chromium: offline, fully highlighted, toggles, no script injection."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_report_helpers import NESTED_TEXT, nested_analysis

from framing.analysis import analyze
from framing.document import SPAN_TYPES
from framing.report import write_reports

pytestmark = pytest.mark.browser

XSS_TEXT = (
    "A headline about nothing\n\n"
    'The mayor said <script>window.__xss=1;alert(1)</script> and then <img src=x onerror="window.__xss=1"> '
    "appeared in the text, next to {{ 7*7 }} and {% raw %} markers.\n\n"
    "The regime may reportedly claim otherwise, experts said."
)


def open_report(browser, path: Path, *, javascript: bool = True):
    """Open the report and record every request, console error, page error and dialog."""
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    seen = {"requests": [], "errors": [], "dialogs": []}
    url = path.resolve().as_uri()
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("console", lambda message: seen["errors"].append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    page.on("dialog", lambda dialog: (seen["dialogs"].append(dialog.message), dialog.dismiss()))
    page.goto(url)
    page.wait_for_load_state("load")
    seen["outside"] = [u for u in seen["requests"] if u != url and not u.startswith("data:")]
    return context, page, seen


@pytest.fixture(scope="module")
def nested_report(tmp_path_factory, lexicons, parse):
    """Seeds (whatever the extractors find today) plus a hand-made article with nested spans."""
    analyses = [*analyze(lexicons=lexicons), nested_analysis(parse(NESTED_TEXT), outlet="Hand made", doc_id="hand")]
    out = tmp_path_factory.mktemp("report")
    (path,) = write_reports(analyses, lexicons, out, formats=["html"], title="Browser test")
    return path, analyses


def test_browser_report_is_offline_and_error_free(browser, nested_report):
    context, page, seen = open_report(browser, nested_report[0])
    try:
        assert seen["outside"] == []
        assert seen["errors"] == []
        assert page.locator("h1").inner_text() == "Browser test"
        charts = page.locator("img.chart")
        assert charts.count() == 5  # rates, source mix, readability, loaded terms, frames
        for index in range(charts.count()):  # decoded and drawn, with its alt text
            chart = charts.nth(index)
            assert chart.evaluate("image => image.complete && image.naturalWidth > 0")
            assert "Source A" in chart.get_attribute("alt")
    finally:
        context.close()


def test_browser_every_span_is_highlighted(browser, nested_report):
    """Each span has one marker, and the highlighted layers carrying its id spell out exactly its words."""
    path, analyses = nested_report
    context, page, _ = open_report(browser, path)
    try:
        assert page.locator("[data-span-id]").count() == sum(len(a.spans) for a in analyses)
        for index, analysis in enumerate(analyses):
            shown = page.evaluate(
                """root => [...document.querySelectorAll(`#${root} [data-span-id]`)].map(m => {
                    const id = m.dataset.spanId;
                    const layers = [...document.querySelectorAll(`[data-spans~="${id}"]`)];
                    const type = [...m.classList].find(c => c.startsWith("mk-")).slice(3);
                    const styled = layers.every(l => l.classList.contains(`hl-${type}`));
                    return [type, layers.map(l => l.textContent).join(""), styled];
                })""",
                f"article-{index}",
            )
            expected = sorted([s.type, s.text.replace("\n", ""), True] for s in analysis.spans if s.text.strip())
            assert sorted(item for item in shown if item[1]) == expected
    finally:
        context.close()


HIGHLIGHT_STYLE = {
    "hedge": ("borderBottomStyle", "dotted"),
    "loaded": ("backgroundColor", "rgb(255, 217, 138)"),
    "attribution": ("fontWeight", "700"),
    "quote": ("fontStyle", "italic"),
    "source": ("borderTopStyle", "solid"),
}


@pytest.mark.parametrize("span_type", list(HIGHLIGHT_STYLE))
def test_browser_toggles_hide_one_type_without_javascript(browser, nested_report, span_type):
    context, page, _ = open_report(browser, nested_report[0], javascript=False)
    try:
        prop, shown = HIGHLIGHT_STYLE[span_type]
        target = page.locator(f"#article-5 .hl-{span_type}").first
        other_type = "loaded" if span_type != "loaded" else "hedge"
        other = page.locator(f"#article-5 .hl-{other_type}").first
        style = f"e => getComputedStyle(e).{prop}"
        other_prop, other_shown = HIGHLIGHT_STYLE[other_type]
        assert target.evaluate(style) == shown
        marker = page.locator(f"#article-5 a.mk-{span_type}[data-span-id]").first
        assert marker.is_visible()

        page.locator(f"label[for=tg-{span_type}]").click()
        assert not page.locator(f"#tg-{span_type}").is_checked()
        hidden = target.evaluate(f"e => [getComputedStyle(e).{prop}, getComputedStyle(e).borderBottomColor, "
                                 "getComputedStyle(e).borderTopColor]")
        assert hidden[0] != shown or "rgba(0, 0, 0, 0)" in hidden[1:]
        assert not marker.is_visible()
        assert other.evaluate(f"e => getComputedStyle(e).{other_prop}") == other_shown

        page.locator(f"label[for=tg-{span_type}]").click()
        assert target.evaluate(style) == shown
        assert marker.is_visible()
    finally:
        context.close()


def test_browser_article_markup_is_shown_as_text_and_never_runs(browser, tmp_path, lexicons):
    article = tmp_path / "evil.txt"
    article.write_text(XSS_TEXT, encoding="utf-8")
    (path,) = write_reports(analyze([article], lexicons=lexicons), lexicons, tmp_path / "out", formats=["html"],
                            title="<b>{{ 7*7 }}</b>")
    context, page, seen = open_report(browser, path)
    try:
        body = page.locator("#article-0").inner_text()
        assert '<script>window.__xss=1;alert(1)</script>' in body
        assert '<img src=x onerror="window.__xss=1">' in body
        assert "{{ 7*7 }}" in body and "{% raw %}" in body
        assert page.locator("h1").inner_text() == "<b>{{ 7*7 }}</b>"
        assert page.evaluate("typeof window.__xss") == "undefined"
        assert page.locator("script").count() == 0
        assert page.locator("#article-0 img").count() == 0
        assert page.locator("img:not(.chart)").count() == 0  # only the charts are images
        assert seen["dialogs"] == []
        assert seen["outside"] == []
        assert seen["errors"] == []
    finally:
        context.close()


def test_browser_phone_width_has_no_sideways_scroll(browser, nested_report):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(nested_report[0].resolve().as_uri())
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
    finally:
        context.close()


def test_browser_legend_checkbox_stays_with_its_label_and_works_from_the_keyboard(browser, nested_report):
    """Regression: on a phone a checkbox used to wrap to the end of the previous legend line."""
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(nested_report[0].resolve().as_uri())
        labels = page.locator("label.toggle-label")
        assert labels.count() == len(SPAN_TYPES)  # one toggle per span type, frame sentences included
        for index in range(labels.count()):
            label = labels.nth(index)
            assert label.evaluate("e => getComputedStyle(e, '::before').content") == '"✓"'  # drawn in the label
            assert label.evaluate("e => e.getClientRects().length") == 1  # one box: nothing wrapped away
        page.focus("#tg-hedge")
        page.keyboard.press("Space")
        assert not page.locator("#tg-hedge").is_checked()
        assert page.locator("label[for=tg-hedge]").evaluate("e => getComputedStyle(e, '::before').content") == '""'
    finally:
        context.close()
