"""Rates with confidence intervals, and whether an outlet's difference is more than noise.

Why a bootstrap over sentences: spans cluster in sentences (a hedged sentence often has
two hedges), so resampling whole sentences keeps that dependence, which a Poisson
interval on counts would ignore. For each outlet the sentences of all its articles are
resampled with replacement ``n_boot`` times (multinomial weights, one matrix product for
all measures); the rate is 1,000 × spans / words of each resample; the interval is the
2.5th to 97.5th percentile. The rest of the corpus is bootstrapped the same way, outlet
by outlet (a stratified bootstrap), so the outlet-minus-rest difference has its own
interval. A difference whose interval includes 0 is marked ``within_noise``. Every draw
comes from one ``numpy.random.Generator`` seeded by the caller: same seed, same table.

``rates`` table (one row per outlet × measure; measures are the span types and their
categories, e.g. ``hedge`` and ``hedge.evidential``):
outlet, measure, count, n_words, n_sentences, n_articles, rate_per_1k, ci_low, ci_high,
rest_rate_per_1k, diff, diff_ci_low, diff_ci_high, within_noise.
With a single outlet there is no rest: those columns are empty and ``within_noise`` is True.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..analysis import ArticleAnalysis
from ..document import SPAN_TYPES
from ..rates import per_thousand
from .common import outlet_of, outlets_in_order

COLUMNS = [
    "outlet", "measure", "count", "n_words", "n_sentences", "n_articles", "rate_per_1k", "ci_low", "ci_high",
    "rest_rate_per_1k", "diff", "diff_ci_low", "diff_ci_high", "within_noise",
]
N_BOOT = 1000


def span_measures(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """Every span type, then every ``type.category`` seen, in a stable order."""
    categories = sorted({f"{s.type}.{s.category}" for a in analyses for s in a.spans if s.category})
    return list(SPAN_TYPES) + categories


def sentence_matrix(analysis: ArticleAnalysis, measures: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Words per sentence and span counts per sentence × measure for one article."""
    doc = analysis.document
    n = len(doc.sentences)
    words = np.zeros(n)
    for token in doc.tokens:
        if token.is_word and 0 <= token.sentence < n:
            words[token.sentence] += 1
    column = {measure: i for i, measure in enumerate(measures)}
    counts = np.zeros((n, len(measures)))
    for span in analysis.spans:
        if n == 0:
            break
        if not span.counted:  # a "possible" finding is not counted (framing.document.Span.counted)
            continue
        sentence = doc.sentence_of(span.start)
        counts[sentence, column[span.type]] += 1
        if span.category:
            counts[sentence, column[f"{span.type}.{span.category}"]] += 1
    return words, counts


def _rate(counts: np.ndarray, words: np.ndarray) -> np.ndarray:
    """Rates of each measure (last axis of ``counts``) per 1,000 of the matching ``words``."""
    return per_thousand(counts, words[..., None])


def build_rates(
    analyses: Sequence[ArticleAnalysis], rng: np.random.Generator, n_boot: int = N_BOOT
) -> pd.DataFrame:
    """The ``rates`` table of one story: sentences resampled within each outlet."""
    outlets = outlets_in_order(analyses)
    measures = span_measures(analyses)
    units: dict[str, Units] = {}
    for outlet in outlets:
        mine = [a for a in analyses if outlet_of(a) == outlet]
        parts = [sentence_matrix(a, measures) for a in mine]
        words = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0)
        counts = np.concatenate([p[1] for p in parts]) if parts else np.zeros((0, len(measures)))
        units[outlet] = Units(words, counts, len(mine), len(words))
    return rates_table(units, measures, rng, n_boot)


@dataclass(frozen=True, slots=True)
class Units:
    """What the bootstrap resamples for one outlet: words and span counts per unit.

    A unit is a sentence for one story (:func:`build_rates`) and an article for a corpus
    of many stories (:mod:`.many_stories`), where the articles of an outlet differ more from
    each other than the sentences of one article do.
    """

    words: np.ndarray  # (units,)
    counts: np.ndarray  # (units, measures)
    n_articles: int
    n_sentences: int


def rates_table(
    units: dict[str, Units], measures: Sequence[str], rng: np.random.Generator, n_boot: int = N_BOOT
) -> pd.DataFrame:
    """Each outlet's rates with bootstrap intervals over its units, and its difference from the rest."""
    outlets = list(units)
    # Bootstrap totals per outlet: (n_boot,) words and (n_boot, measures) counts.
    boot_words: dict[str, np.ndarray] = {}
    boot_counts: dict[str, np.ndarray] = {}
    for outlet in outlets:
        words, counts = units[outlet].words, units[outlet].counts
        n = len(words)
        if n == 0:
            boot_words[outlet] = np.zeros(n_boot)
            boot_counts[outlet] = np.zeros((n_boot, len(measures)))
            continue
        weights = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot)
        boot_words[outlet] = weights @ words
        boot_counts[outlet] = weights @ counts
    all_words = sum(boot_words.values())
    all_counts = sum(boot_counts.values())
    total_words = sum(units[o].words.sum() for o in outlets)
    total_counts = sum(units[o].counts.sum(axis=0) for o in outlets)
    rows = []
    for outlet in outlets:
        words, counts, n_articles = units[outlet].words, units[outlet].counts, units[outlet].n_articles
        n_words, count = words.sum(), counts.sum(axis=0)
        rate = _rate(count, np.asarray(n_words))
        boot = _rate(boot_counts[outlet], boot_words[outlet])
        low, high = np.percentile(boot, [2.5, 97.5], axis=0)
        has_rest = len(outlets) > 1
        if has_rest:
            rest_rate = _rate(total_counts - count, np.asarray(total_words - n_words))
            rest_boot = _rate(all_counts - boot_counts[outlet], all_words - boot_words[outlet])
            diff_low, diff_high = np.percentile(boot - rest_boot, [2.5, 97.5], axis=0)
        for m, measure in enumerate(measures):
            row = {
                "outlet": outlet, "measure": measure, "count": int(count[m]), "n_words": int(n_words),
                "n_sentences": units[outlet].n_sentences, "n_articles": n_articles,
                "rate_per_1k": round(float(rate[m]), 3),
                "ci_low": round(float(low[m]), 3), "ci_high": round(float(high[m]), 3),
                "rest_rate_per_1k": None, "diff": None, "diff_ci_low": None, "diff_ci_high": None,
                "within_noise": True,
            }
            if has_rest:
                row.update({
                    "rest_rate_per_1k": round(float(rest_rate[m]), 3),
                    "diff": round(float(rate[m] - rest_rate[m]), 3),
                    "diff_ci_low": round(float(diff_low[m]), 3),
                    "diff_ci_high": round(float(diff_high[m]), 3),
                    "within_noise": bool(diff_low[m] <= 0 <= diff_high[m]),
                })
            rows.append(row)
    return pd.DataFrame(rows, columns=COLUMNS)
