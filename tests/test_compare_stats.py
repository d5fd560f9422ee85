"""Uncertainty (bootstrap intervals, within-noise marks) and distinctive wording (log-odds)."""

from __future__ import annotations

import numpy as np
import pytest

from framing.analysis import ArticleAnalysis
from framing.compare.common import WordFolder
from framing.compare.distinctive import build_distinctive, log_odds
from framing.compare.rate_intervals import build_rates
from framing.corpus import parse_text
from framing.document import Span
from framing.lexicons import load_lexicons


def article(lexicons, outlet: str, text: str, hedge_word: str = "") -> ArticleAnalysis:
    doc = parse_text(text, lexicons, id=f"{outlet}-{len(text)}", outlet=outlet)
    spans = []
    at = text.find(hedge_word) if hedge_word else -1
    while at >= 0:
        spans.append(Span("hedge", at, at + len(hedge_word), hedge_word, hedge_word, category="modal"))
        at = text.find(hedge_word, at + 1)
    return ArticleAnalysis(doc, {}, tuple(spans))


HEDGED = " ".join(f"The river may flood district {i} tonight." for i in range(30))
PLAIN = " ".join(f"The river will flood district {i} tonight." for i in range(30))


def rate_row(frame, outlet: str, measure: str = "hedge"):
    return frame[(frame.outlet == outlet) & (frame.measure == measure)].iloc[0]


def test_rates_are_per_thousand_words_with_an_interval_around_them(lexicons):
    analyses = [article(lexicons, "A", HEDGED, "may"), article(lexicons, "B", PLAIN)]
    frame = build_rates(analyses, np.random.default_rng(0))
    row = rate_row(frame, "A")
    assert row["count"] == 30
    assert row.n_words == 30 * 7
    assert row.rate_per_1k == pytest.approx(1000 * 30 / 210, abs=0.001)
    assert row.ci_low <= row.rate_per_1k <= row.ci_high


def test_rates_mark_a_clear_difference_as_beyond_noise(lexicons):
    analyses = [article(lexicons, "A", HEDGED, "may"), article(lexicons, "B", PLAIN)]
    frame = build_rates(analyses, np.random.default_rng(0))
    assert not rate_row(frame, "A").within_noise
    assert rate_row(frame, "A").diff_ci_low > 0


def test_rates_mark_equal_outlets_as_within_noise(lexicons):
    mixed = " ".join(
        f"The river {'may' if i % 3 == 0 else 'will'} flood district {i} tonight." for i in range(30)
    )
    analyses = [article(lexicons, name, mixed, "may") for name in ("A", "B", "C")]
    frame = build_rates(analyses, np.random.default_rng(0))
    assert frame[frame.measure == "hedge"].within_noise.all()


def test_rates_are_reproducible_with_a_seed(lexicons):
    analyses = [article(lexicons, "A", HEDGED[:400], "may"), article(lexicons, "B", PLAIN + HEDGED[:200], "may")]
    first = build_rates(analyses, np.random.default_rng(7))
    again = build_rates(analyses, np.random.default_rng(7))
    assert first.equals(again)


def test_rates_with_one_outlet_have_no_rest(lexicons):
    frame = build_rates([article(lexicons, "A", HEDGED, "may")], np.random.default_rng(0))
    row = rate_row(frame, "A")
    assert row.rest_rate_per_1k is None and row.within_noise


def test_log_odds_is_zero_for_identical_outlets():
    delta, z = log_odds(np.array([[5, 3, 2], [5, 3, 2]]))
    assert np.allclose(delta, 0) and np.allclose(z, 0)


def test_log_odds_scores_a_word_one_outlet_overuses():
    _delta, z = log_odds(np.array([[20, 10, 10], [1, 10, 10], [1, 10, 10]]))
    assert z[0, 0] > 1.96
    assert z[1, 0] < 0 and z[2, 0] < 0
    assert np.allclose(z[1], z[2])


@pytest.mark.parametrize("n_outlets", [2, 5, 50])
def test_log_odds_works_for_2_to_50_outlets(n_outlets):
    counts = np.random.default_rng(1).integers(0, 20, size=(n_outlets, 300))
    _delta, z = log_odds(counts)
    assert z.shape == (n_outlets, 300) and np.isfinite(z).all()


def test_distinctive_finds_the_word_that_sets_an_outlet_apart(lexicons):
    analyses = [
        article(lexicons, "A", "The regime denied it. " * 12 + "Officials met on Monday. " * 5),
        article(lexicons, "B", "The government denied it. " * 12 + "Officials met on Monday. " * 5),
    ]
    frame = build_distinctive(analyses, WordFolder(lexicons.stop_words))
    top_a = frame[frame.outlet == "A"].iloc[0]
    assert top_a.term == "regime" and not top_a.within_noise
    assert frame[frame.outlet == "B"].iloc[0].term == "government"
    assert frame[frame.term == "officials"].within_noise.all()


def test_distinctive_skips_the_stop_words_of_the_lexicons(lexicons, tmp_path):
    """Stop words come from lexicons/stop_words.tsv (and a user's override), not a built-in list."""
    (tmp_path / "stop_words.tsv").write_text("term\tsource\tnote\nregime\ttest\tdropped on purpose\n", encoding="utf-8")
    custom = load_lexicons(tmp_path)
    analyses = [
        article(lexicons, "A", "The regime denied it. " * 12 + "Officials met on Monday. " * 5),
        article(lexicons, "B", "The government denied it. " * 12 + "Officials met on Monday. " * 5),
    ]
    bundled = build_distinctive(analyses, WordFolder(lexicons.stop_words))
    overridden = build_distinctive(analyses, WordFolder(custom.stop_words))
    assert "regime" in set(bundled.term) and "the" not in set(bundled.term)
    assert "regime" not in set(overridden.term)
    assert set(overridden.term) == set(bundled.term) - {"regime"}
