"""The report states confident rows and folds possible ones; the overview says when every rate is noise."""

from __future__ import annotations

import pandas as pd
from markupsafe import escape
from test_report_helpers import span_at, with_spans

from framing.compare.confidence import CONFIDENT_AT
from framing.report.html import render_html
from framing.report.model import build_report_model


def two_outlets(parse):
    first = parse("The regime may fall soon, officials said.")
    second = parse("The government will stay, the minister said.")
    return [
        with_spans(first, [span_at(first, "hedge", "may")], outlet="A", doc_id="a"),
        with_spans(second, [], outlet="B", doc_id="b"),
    ]


def rates(within_noise: bool) -> pd.DataFrame:
    return pd.DataFrame({
        "outlet": ["A", "B"], "measure": ["hedge", "hedge"], "rate_per_1k": [100.0, 0.0],
        "ci_low": [0.0, 0.0], "ci_high": [300.0, 0.0], "within_noise": [within_noise, within_noise],
    })


def facts(confidences) -> pd.DataFrame:
    return pd.DataFrame({
        "fact": [f"statement {k}" for k in range(len(confidences))], "n_outlets": [2] * len(confidences),
        "outlets": [["A", "B"]] * len(confidences), "confidence": confidences,
        "reason": [f"because {k}" for k in range(len(confidences))],
    })


def test_overview_says_every_difference_is_noise_and_marks_nothing(parse, lexicons):
    model = build_report_model(two_outlets(parse), lexicons, comparison={"rates": rates(True)})
    assert "within noise" in model["overview_words"] and "no outlet is marked highest" in model["overview_words"]
    assert model["highlights"] == {}
    page = render_html(model, [])
    assert 'class="num top"' not in page
    assert str(escape(model["overview_words"])) in page


def test_overview_marks_a_difference_outside_noise(parse, lexicons):
    model = build_report_model(two_outlets(parse), lexicons, comparison={"rates": rates(False)})
    assert model["highlights"] == {"hedge": "A"}
    assert "Outside the noise: hedges in A (higher)" in model["overview_words"]


def test_possible_rows_are_folded_apart_with_their_reason(parse, lexicons):
    comparison = {"facts": facts([0.9, CONFIDENT_AT - 0.2])}
    model = build_report_model(two_outlets(parse), lexicons, comparison=comparison)
    (table,) = model["comparison"]
    assert [row[0] for row in table["rows"]] == ["statement 0"]
    assert [row[0] for row in table["possible_rows"]] == ["statement 1"]
    assert "because 1" in table["possible_rows"][0]
    page = render_html(model, [])
    folded = page[page.index('<details class="possible"'):page.index("</details>")]
    assert "statement 1" in folded and "statement 0" not in folded
