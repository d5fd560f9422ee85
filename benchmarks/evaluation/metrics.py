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
FragmentKey = tuple[str, tuple[tuple[int, int], ...]]  # (document id, pieces)
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
    scores, pairs, unmatched, missed = match_fragments(
        predicted, [(doc, ((start, end),)) for doc, start, end in gold], mode=mode
    )
    return scores, [(pred, _hull(g)) for pred, g in pairs], unmatched, [_hull(g) for g in missed]


def match_fragments(
    predicted: Iterable[SpanKey], gold: Iterable[FragmentKey], *, mode: MatchMode = "overlap"
) -> tuple[Scores, list[tuple[SpanKey, FragmentKey]], list[SpanKey], list[FragmentKey]]:
    """Like :func:`match_spans`, for gold items made of several pieces (PolNeAR's fragments).

    A prediction overlaps a gold item when it shares a character with any of its pieces;
    in ``exact`` mode it must equal one piece. Gold is indexed by document so that scoring
    20,000 sentences stays linear in the number of documents.
    """
    by_doc: dict[str, list[FragmentKey]] = {}
    for item in sorted(set(gold)):
        by_doc.setdefault(item[0], []).append(item)
    pairs: list[tuple[SpanKey, FragmentKey]] = []
    unmatched: list[SpanKey] = []
    for pred in sorted(set(predicted)):
        candidates = by_doc.get(pred[0], [])
        hit = next((g for g in candidates if _matches(pred, g, mode)), None)
        if hit is None:
            unmatched.append(pred)
        else:
            candidates.remove(hit)
            pairs.append((pred, hit))
    missed = [item for items in by_doc.values() for item in items]
    return Scores(len(pairs), len(unmatched), len(missed)), pairs, unmatched, missed


def overlaps(start: int, end: int, pieces: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[start, end)`` shares at least one character with any piece."""
    return any(start < piece_end and piece_start < end for piece_start, piece_end in pieces)


def _hull(item: FragmentKey) -> SpanKey:
    return (item[0], item[1][0][0], item[1][-1][1])


def _matches(pred: SpanKey, gold: FragmentKey, mode: MatchMode) -> bool:
    if mode == "exact":
        return any(pred[1:] == piece for piece in gold[1])
    return overlaps(pred[1], pred[2], gold[1])


def binary_f1(predicted: Sequence[bool], expected: Sequence[bool]) -> Scores:
    """Scores for a yes/no decision per item (e.g. 'this sentence is uncertain')."""
    tp = sum(1 for p, e in zip(predicted, expected, strict=True) if p and e)
    fp = sum(1 for p, e in zip(predicted, expected, strict=True) if p and not e)
    fn = sum(1 for p, e in zip(predicted, expected, strict=True) if e and not p)
    return Scores(tp, fp, fn)


def bag_scores(predicted: Iterable[str], expected: Iterable[str]) -> Scores:
    """Scores for two sets of items from one unit (e.g. the biased words of one sentence)."""
    found, wanted = set(predicted), set(expected)
    return Scores(len(found & wanted), len(found - wanted), len(wanted - found))


def ordering_accuracy(scores_by_group: dict[str, list[tuple[int, float]]]) -> dict[str, float]:
    """How often scores rise with the level inside each group (a topic's rewrites).

    ``scores_by_group`` maps a group to ``(level, score)`` pairs. A group counts as
    ordered when every pair of different levels has strictly increasing scores;
    ``pairwise`` is the share of such pairs ordered correctly (ties count as wrong).
    """
    groups = ordered = pairs = right = 0
    for items in scores_by_group.values():
        comparisons = [(a, b) for a in items for b in items if a[0] < b[0]]
        if not comparisons:
            continue
        correct = sum(1 for a, b in comparisons if a[1] < b[1])
        groups += 1
        ordered += correct == len(comparisons)
        pairs += len(comparisons)
        right += correct
    return {
        "ordered": ordered / groups if groups else 0.0,
        "pairwise": right / pairs if pairs else 0.0,
        "groups": groups,
        "pairs": pairs,
    }
