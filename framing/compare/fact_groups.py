"""Which sentences form one fact: groups of cross-outlet sentences from their event scores.

The pairs' event scores come from :func:`.fact_pairs.score_pair`; this module turns them
into facts (:func:`align`), says how sure each row of a fact is (:func:`row_confidence`)
and which outlets carry it (:func:`carried_by`). Each sentence sits in one fact: letting a
sentence join a second fact it links to surely was tried (notes/fact-pairs-2026-12-07.md)
and chained the sentences of long quotations together on stories outside the gold.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .common import Sentence
from .confidence import CONFIDENT_AT
from .fact_pairs import PairReasons

# Event scores (fact_pairs.score_pair): a pair links at LINK_THRESHOLD, and every cross-outlet
# pair of a group stays at or above GROUP_THRESHOLD.
LINK_THRESHOLD = 0.5
GROUP_THRESHOLD = 0.35


def align(sentences: Sequence[Sentence], scores: np.ndarray) -> list[list[int]]:
    """Groups of sentence indices (facts), from the pairs' event scores.

    Phase one links sentences from different outlets, surest pair first, keeping at most
    one sentence per outlet in a group and every cross-outlet pair of the group at or
    above ``GROUP_THRESHOLD`` (a group is one event, not a chain of look-alikes). Phase
    two attaches a sentence left alone to the group it links to best, when that link
    reaches ``LINK_THRESHOLD`` (an outlet that states the fact twice, or one more outlet)
    and its links to the group's other outlets' sentences all stay at or above
    ``GROUP_THRESHOLD``, the same floor as phase one: one link alone does not chain a
    sentence onto a fact whose other sentences it shares nothing with.
    """
    count = len(sentences)
    outlets = np.array([s.outlet for s in sentences], dtype=object)
    group_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    carried: dict[int, set[str]] = {i: {sentences[i].outlet} for i in range(count)}
    upper = np.triu(scores >= LINK_THRESHOLD, k=1) & (outlets[:, None] != outlets[None, :])
    rows, cols = np.nonzero(upper)
    order = np.argsort(-scores[rows, cols], kind="stable")
    for i, j in zip(rows[order], cols[order], strict=False):
        a, b = group_of[int(i)], group_of[int(j)]
        if a == b or carried[a] & carried[b]:
            continue
        left, right = members[a], members[b]
        if scores[np.ix_(left, right)].min() < GROUP_THRESHOLD:
            continue
        for k in right:
            group_of[k] = a
        members[a] = left + right
        carried[a] |= carried.pop(b)
        del members[b]
    singles = [key for key, group in members.items() if len(group) == 1]
    shared = [key for key, group in members.items() if len(group) > 1]
    for key in singles:
        i = members[key][0]
        best, best_score = None, LINK_THRESHOLD
        for other in shared:
            others = [k for k in members[other] if outlets[k] != outlets[i]]
            value = float(scores[i, others].max())
            if value >= best_score and scores[i, others].min() >= GROUP_THRESHOLD:
                best, best_score = other, value
        if best is not None:
            members[best].append(i)
            del members[key]
    return [sorted(group) for group in members.values()]


def row_confidence(
    i: int, group: Sequence[int], sentences: Sequence[Sentence], scores: np.ndarray,
    reasons: PairReasons,
) -> tuple[float, str]:
    """A fact row's ``confidence`` and ``reason``.

    In a shared fact: its surest link to another outlet's sentence of the fact. In a fact
    only its outlet carries: how sure it is that no other outlet states it (one minus the
    best event score any other outlet's sentence reaches).
    """
    others = [j for j in group if sentences[j].outlet != sentences[i].outlet]
    if others:
        j = max(others, key=lambda k: scores[i, k])
        where = f"{sentences[j].outlet} sentence {sentences[j].index + 1}"
        return float(scores[i, j]), f"matches {where}: {reasons[(i, j)].reason}"
    rivals = [j for j in range(len(sentences)) if sentences[j].outlet != sentences[i].outlet]
    if not rivals:
        return 1.0, "no other outlet in the comparison"
    j = max(rivals, key=lambda k: scores[i, k])
    best = float(scores[i, j])
    if best <= 0.0:
        blocked = [k for k in rivals if reasons.blocked(i, k)]
        if blocked:
            k = blocked[0]
            where = f"{sentences[k].outlet} sentence {sentences[k].index + 1}"
            return 0.8, f"{where} reads alike but is {reasons[(i, k)].reason}"
        return 1.0, "no other outlet's sentence shares its event"
    where = f"{sentences[j].outlet} sentence {sentences[j].index + 1}"
    return round(1.0 - best, 2), f"closest other outlet: {where} ({best:.2f}: {reasons[(i, j)].reason})"


def carried_by(
    group: Sequence[int], sentences: Sequence[Sentence], sureness: dict[int, tuple[float, str]],
    all_outlets: Sequence[str],
) -> list[str]:
    """The outlets that carry a fact: those with a confident sentence in it.

    A sentence linked below ``CONFIDENT_AT`` *may* state the fact; counting its outlet
    would make "four outlets report it" out of one sure pair and two guesses. When no
    link is sure, the group's outlets are given (every row of it is then only possible).
    """
    sure = {sentences[i].outlet for i in group if sureness[i][0] >= CONFIDENT_AT}
    if len(sure) < 2:  # one outlet's fact, or a group of guesses only
        sure = {sentences[i].outlet for i in group}
    return [outlet for outlet in all_outlets if outlet in sure]
