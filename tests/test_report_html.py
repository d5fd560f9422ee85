"""The HTML page without a browser: self-contained, escaped, charts labelled, CLI wiring."""

from __future__ import annotations

import base64
import re
import subprocess
import sys

import pytest
from markupsafe import escape
from test_report_helpers import NESTED_TEXT, nested_analysis, span_at, with_spans

from framing.report import render_report, write_reports
from framing.report.charts import build_charts
from framing.report.html import render_html
from framing.report.model import build_report_model


@pytest.fixture(scope="module")
def nested_html(lexicons):
    from framing.corpus import parse_text

    analysis = nested_analysis(parse_text(NESTED_TEXT, lexicons))
    return render_report([analysis], lexicons, formats=["html"], title="")["html"]


def test_html_loads_nothing_from_outside(nested_html):
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//|file:)""", nested_html)
    assert "@import" not in nested_html and "url(http" not in nested_html
    assert "<script" not in nested_html
    assert "Content-Security-Policy" in nested_html


def test_html_has_one_marker_per_span_and_a_note_for_each(nested_html):
    markers = re.findall(r'data-span-id="([^"]+)"', nested_html)
    assert len(markers) == len(set(markers)) == 9
    for target in set(re.findall(r'class="mk mk-\w+" href="#(note-[^"]+)" id="ref-', nested_html)):
        assert f'id="{target}"' in nested_html


def test_html_keeps_nested_markup_well_formed(nested_html):
    text = re.search(r'<div class="text">(.*?)</div>', nested_html, re.S).group(1)
    assert text.count("<span") == text.count("</span>")
    assert "<p>" in text and text.count("<p>") == 2


def test_html_escapes_article_text_and_metadata(parse, lexicons):
    doc = parse('He wrote <b onmouseover="x()">bold</b> & {{ 7*7 }} "quoted".')
    analysis = with_spans(doc, [span_at(doc, "loaded", "<b onmouseover")], outlet="<i>Outlet</i> $5 & {{ 1+1 }}")
    page = render_report([analysis], lexicons, formats=["html"], title="{{ 7*7 }} <script>")["html"]
    assert '<b onmouseover="x()">' not in page
    assert "&lt;b onmouseover=" in page
    assert "{{ 7*7 }}" in page and ">49<" not in page
    assert "<title>{{ 7*7 }} &lt;script&gt;</title>" in page
    assert "<i>Outlet</i>" not in page and "&lt;i&gt;Outlet&lt;/i&gt; $5 &amp; {{ 1+1 }}" in page


def test_html_charts_are_labelled_svg_images_embedded_in_the_page(seed_analyses, lexicons):
    model = build_report_model(list(seed_analyses.values()), lexicons)
    charts = build_charts(model)
    assert charts and charts[0]["id"] == "chart-rates"
    page = render_html(model, charts)
    for chart in charts:
        svg = chart["svg"]
        assert svg.startswith("<svg") and "<?xml" not in svg
        assert 'role="img"' in svg and f'<title id="{chart["id"]}-title">' in svg
        assert "Source A" in chart["alt"]
        assert base64.b64decode(chart["src"].removeprefix("data:image/svg+xml;base64,")).decode() == svg
        assert f'<img class="chart" src="{chart["src"]}" alt="{escape(chart["alt"])}">' in page


def test_html_chart_labels_are_text_not_tex(parse, lexicons):
    doc = parse("The regime fell.")
    analysis = with_spans(doc, [span_at(doc, "loaded", "regime")], outlet="$x^2$ <News> & Co")
    charts = build_charts(build_report_model([analysis], lexicons))
    rates = charts[0]["svg"]
    assert "$x^2$ &lt;News&gt; &amp; Co" in rates


def test_html_report_only_writes_requested_formats(tmp_path, parse, lexicons):
    doc = parse("A short text.")
    paths = write_reports([with_spans(doc, [])], lexicons, tmp_path, formats=["html"], title="t")
    assert [p.name for p in paths] == ["framing-report.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["framing-report.html"]


def test_html_cli_rejects_unknown_format(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "framing", "analyze", "-o", str(tmp_path), "--format", "html,docx"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert "docx" in result.stderr and list(tmp_path.iterdir()) == []


def test_html_notes_say_why_in_words_and_keep_rule_ids_for_the_screen(analyze_text, lexicons):
    """A note says in words why a span counts; rule ids and feature weights sit in a screen-only detail."""
    from lxml import html as lxml_html

    analysis = analyze_text("The Pentagon has claimed that the strikes worked. Officials said the talks may fail.")
    rules = {span.attrs.get("rule") for span in analysis.spans if span.attrs.get("rule")}
    assert rules  # the test needs spans made by named rules
    page = lxml_html.fromstring(render_report([analysis], lexicons, formats=["html"], title="")["html"])
    notes = page.xpath("//ul[@class='notes']/li")
    printed = " ".join(" ".join(li.xpath(".//text()[not(ancestor::details)]")) for li in notes)
    technical = " ".join(page.xpath("//ul[@class='notes']//details[contains(@class, 'screen-only')]//text()"))
    assert "Counted because:" in printed
    for rule in rules:
        assert rule not in printed  # "subject_before_verb" is for the JSON and the screen detail only
        assert rule in technical
    assert not re.search(r"[+−-]\d\.\d\d", printed)  # no feature weights in what is printed


def test_html_chart_axis_labels_cut_long_outlet_names(parse, lexicons):
    """A 300-character outlet name is a short axis label (matplotlib's layout stalls on it); the alt text keeps it."""
    from framing.analysis import analyze_document
    from framing.report.charts import MAX_LABEL_CHARS, axis_label

    long_name = "Outlet " + "x" * 300
    assert len(axis_label(long_name)) == MAX_LABEL_CHARS and axis_label("Daily A") == "Daily A"
    analyses = [analyze_document(parse("Officials said the plan may fail."), lexicons)]
    object.__setattr__(analyses[0].document, "outlet", long_name)
    charts = build_charts(build_report_model(analyses, lexicons, title="t"))
    rates = next(chart for chart in charts if chart["id"] == "chart-rates")
    assert long_name in rates["alt"]  # the accessible name keeps the whole outlet name
