"""Precision, recall and F1 over character spans.

A predicted span matches a gold span when they *overlap* (share at least one
character) or, in ``exact`` mode, have identical offsets. Matching is one-to-one
and greedy in document order, so a long predicted span cannot claim two gold cues.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

SpanKey = tuple[str, int, int]  # (document id, start, end)
MatchMode = Literal["overlap", "exact"]


@dataclass(frozen=True, slots=True)
class Scores:
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 0.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Scores) -> Scores:
        return Scores(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )

    def as_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "tp": self.true_positives,
            "fp": self.false_positives,
            "fn": self.false_negatives,
        }


def match_spans(
    predicted: Iterable[SpanKey], gold: Iterable[SpanKey], *, mode: MatchMode = "overlap"
) -> tuple[Scores, list[tuple[SpanKey, SpanKey]], list[SpanKey], list[SpanKey]]:
    """Scores plus the matched pairs, the false positives and the false negatives."""
    gold_left = sorted(set(gold))
    pairs: list[tuple[SpanKey, SpanKey]] = []
    unmatched: list[SpanKey] = []
    for pred in sorted(set(predicted)):
        hit = next((g for g in gold_left if _matches(pred, g, mode)), None)
        if hit is None:
            unmatched.append(pred)
        else:
            gold_left.remove(hit)
            pairs.append((pred, hit))
    return Scores(len(pairs), len(unmatched), len(gold_left)), pairs, unmatched, gold_left


def _matches(pred: SpanKey, gold: SpanKey, mode: MatchMode) -> bool:
    if pred[0] != gold[0]:
        return False
    if mode == "exact":
        return pred[1:] == gold[1:]
    return pred[1] < gold[2] and gold[1] < pred[2]


def binary_f1(predicted: Sequence[bool], expected: Sequence[bool]) -> Scores:
    """Scores for a yes/no decision per item (e.g. 'this sentence is uncertain')."""
    tp = sum(1 for p, e in zip(predicted, expected, strict=True) if p and e)
    fp = sum(1 for p, e in zip(predicted, expected, strict=True) if p and not e)
    fn = sum(1 for p, e in zip(predicted, expected, strict=True) if e and not p)
    return Scores(tp, fp, fn)
