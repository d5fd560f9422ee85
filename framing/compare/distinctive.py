"""Distinctive wording: each outlet against all the others, by weighted log-odds.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5: the log-odds ratio of
a word in outlet *i* against the rest, with an informative Dirichlet prior taken from
the whole corpus, divided by its standard deviation:

    δ_w = log((y_iw + α_w) / (n_i + α_0 − y_iw − α_w)) − log((y_rw + α_w) / (n_r + α_0 − y_rw − α_w))
    σ²_w ≈ 1/(y_iw + α_w) + 1/(y_rw + α_w),   z_w = δ_w / σ_w

with ``α_w = α_0 · (corpus count of w) / (corpus words)`` and ``α_0 = min(PRIOR_MASS,
corpus words)``: the prior is the corpus's own word distribution, never weighing more
than the corpus itself. It shrinks rare words toward zero, so a word one outlet uses
once does not top the list. The
whole computation is a few matrix operations, so 2 to 50 outlets cost about the same.

Words are content words (no stop words or numbers), folded and lower-cased, counted
as written (not stemmed) so readers see the outlet's own word.

``distinctive`` table (one row per outlet × term; the ``TOP_N`` highest z per outlet):
outlet, term, count, rate_per_1k, rest_count, rest_rate_per_1k, delta, z,
within_noise (``|z| < 1.96``), rank, evidence (``article_id:start-end`` of up to five uses).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

import numpy as np
import pandas as pd

from ..analysis import ArticleAnalysis
from ..rates import per_thousand
from .common import WordFolder, evidence, outlet_of

COLUMNS = [
    "outlet", "term", "count", "rate_per_1k", "rest_count", "rest_rate_per_1k", "delta", "z",
    "within_noise", "rank", "evidence",
]
PRIOR_MASS = 500.0
TOP_N = 15
Z_NOISE = 1.96
MAX_EVIDENCE = 5


def log_odds(counts: np.ndarray, prior_mass: float = PRIOR_MASS) -> tuple[np.ndarray, np.ndarray]:
    """``(delta, z)`` for each group (row) against the sum of the other rows, per word (column)."""
    counts = np.asarray(counts, dtype=float)
    total_by_word = counts.sum(axis=0)
    corpus = total_by_word.sum()
    if corpus == 0:
        zeros = np.zeros_like(counts)
        return zeros, zeros
    alpha = min(prior_mass, corpus) * total_by_word / corpus
    alpha0 = alpha.sum()
    n = counts.sum(axis=1, keepdims=True)
    rest = total_by_word[None, :] - counts
    n_rest = corpus - n
    with np.errstate(divide="ignore", invalid="ignore"):
        own = np.log((counts + alpha) / (n + alpha0 - counts - alpha))
        other = np.log((rest + alpha) / (n_rest + alpha0 - rest - alpha))
        delta = own - other
        variance = 1.0 / (counts + alpha) + 1.0 / (rest + alpha)
        z = delta / np.sqrt(variance)
    return np.nan_to_num(delta), np.nan_to_num(z)


class WordCounts:
    """Content-word counts per outlet, added article by article (or merged from another count).

    A class so a corpus comparison can count story by story, in worker processes, and
    keep only the counts: no article needs to stay in memory for this table.
    """

    def __init__(self, folder: WordFolder) -> None:
        self.folder = folder
        self.words: dict[str, int] = {}  # outlet → words, outlets in order of first appearance
        self.cells: dict[tuple[str, str], int] = defaultdict(int)  # (outlet, term) → count
        self.uses: dict[tuple[str, str], list[str]] = defaultdict(list)

    def add(self, analysis: ArticleAnalysis) -> None:
        outlet = outlet_of(analysis)
        doc = analysis.document
        folder = self.folder
        words = self.words.get(outlet, 0)
        for token, folded in zip(doc.tokens, folder.folded_tokens(doc), strict=True):
            if not token.is_word:
                continue
            words += 1
            if token.norm in folder.stop_words or len(token.norm) < 2 or not token.norm[0].isalpha():
                continue
            key = (outlet, folded)
            self.cells[key] += 1
            if len(self.uses[key]) < MAX_EVIDENCE:
                self.uses[key].append(evidence(doc.id, token.start, token.end))
        self.words[outlet] = words

    def merge(self, other: WordCounts) -> None:
        for outlet, words in other.words.items():
            self.words[outlet] = self.words.get(outlet, 0) + words
        for key, count in other.cells.items():
            self.cells[key] += count
        for key, uses in other.uses.items():
            mine = self.uses[key]
            mine.extend(uses[: MAX_EVIDENCE - len(mine)])

    def __getstate__(self) -> dict:
        return {"folder": WordFolder(self.folder.stop_words), "words": self.words, "cells": dict(self.cells),
                "uses": dict(self.uses)}

    def __setstate__(self, state: dict) -> None:
        self.folder, self.words = state["folder"], state["words"]
        self.cells = defaultdict(int, state["cells"])
        self.uses = defaultdict(list, state["uses"])

    def table(self, top_n: int = TOP_N) -> pd.DataFrame:
        """The ``distinctive`` table of the counts so far."""
        outlets = list(self.words)
        if len(outlets) < 2:
            return pd.DataFrame(columns=COLUMNS)
        row_of = {outlet: i for i, outlet in enumerate(outlets)}
        vocabulary: dict[str, int] = {}
        for _, term in self.cells:
            vocabulary.setdefault(term, len(vocabulary))
        counts = np.zeros((len(outlets), len(vocabulary)))
        for (outlet, term), value in self.cells.items():
            counts[row_of[outlet], vocabulary[term]] = value
        words = np.array([self.words[outlet] for outlet in outlets], dtype=float)
        delta, z = log_odds(counts)
        terms = np.array(list(vocabulary), dtype=object)
        rest_counts = counts.sum(axis=0)[None, :] - counts
        rest_words = words.sum() - words
        rows = []
        for row, outlet in enumerate(outlets):
            present = np.nonzero(counts[row] > 0)[0]
            order = present[np.lexsort((terms[present].astype(str), -z[row, present]))][:top_n]
            for rank, column in enumerate(order, start=1):
                rows.append({
                    "outlet": outlet,
                    "term": terms[column],
                    "count": int(counts[row, column]),
                    "rate_per_1k": per_thousand(counts[row, column], words[row]),
                    "rest_count": int(rest_counts[row, column]),
                    "rest_rate_per_1k": per_thousand(rest_counts[row, column], rest_words[row]),
                    "delta": round(float(delta[row, column]), 4),
                    "z": round(float(z[row, column]), 3),
                    "within_noise": bool(abs(z[row, column]) < Z_NOISE),
                    "rank": rank,
                    "evidence": self.uses[(outlet, terms[column])],
                })
        return pd.DataFrame(rows, columns=COLUMNS)


def build_distinctive(analyses: Sequence[ArticleAnalysis], folder: WordFolder, top_n: int = TOP_N) -> pd.DataFrame:
    counts = WordCounts(folder)
    for analysis in analyses:
        counts.add(analysis)
    return counts.table(top_n)
