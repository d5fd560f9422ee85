"""Fact groups from event scores (framing.compare.fact_groups): one event per group, no chains."""

from __future__ import annotations

import numpy as np

from framing.compare.common import Sentence
from framing.compare.confidence import CONFIDENT_AT, Evidence
from framing.compare.fact_groups import GROUP_THRESHOLD, LINK_THRESHOLD, align, carried_by, row_confidence


def sentences_of(*outlets: str) -> list[Sentence]:
    """Placeholder sentences: only the outlet matters to the grouping."""
    return [Sentence(outlet, f"{outlet}-doc", k, 0, 10, f"sentence {k}", 6, (), ()) for k, outlet in enumerate(outlets)]


def scored(count: int, links: list[tuple[int, int, float]]) -> np.ndarray:
    scores = np.zeros((count, count))
    for i, j, value in links:
        scores[i, j] = scores[j, i] = value
    return scores


def test_every_sentence_sits_in_exactly_one_fact():
    sentences = sentences_of("A", "B", "C", "A", "B")
    scores = scored(5, [(0, 1, 0.9), (1, 2, 0.8), (0, 2, 0.7), (3, 4, 0.6), (3, 1, 0.55)])
    groups = align(sentences, scores)
    assert sorted(k for group in groups for k in group) == list(range(5))


def test_two_strong_links_do_not_chain_a_third_sentence_below_the_floor():
    # A–B and B–C are sure, but A and C share nothing: C is a different event.
    sentences = sentences_of("A", "B", "C")
    scores = scored(3, [(0, 1, 0.9), (1, 2, 0.8), (0, 2, GROUP_THRESHOLD - 0.05)])
    groups = align(sentences, scores)
    assert [0, 1] in groups and [2] in groups
    scores = scored(3, [(0, 1, 0.9), (1, 2, 0.8), (0, 2, GROUP_THRESHOLD)])
    assert align(sentences, scores) == [[0, 1, 2]]


def test_an_outlet_that_states_a_fact_twice_has_both_sentences_in_it():
    sentences = sentences_of("A", "B", "A")
    scores = scored(3, [(0, 1, 0.9), (2, 1, LINK_THRESHOLD)])
    assert align(sentences, scores) == [[0, 1, 2]]
    scores = scored(3, [(0, 1, 0.9), (2, 1, LINK_THRESHOLD - 0.01)])
    assert sorted(align(sentences, scores)) == [[0, 1], [2]]


def test_a_row_is_as_sure_as_its_surest_link_and_a_guess_does_not_count_its_outlet():
    sentences = sentences_of("A", "B", "C")
    scores = scored(3, [(0, 1, 0.9), (0, 2, 0.5), (1, 2, 0.4)])
    reasons = {(i, j): Evidence() for i in range(3) for j in range(3)}
    sureness = {i: row_confidence(i, [0, 1, 2], sentences, scores, reasons) for i in range(3)}
    assert [round(sureness[i][0], 2) for i in range(3)] == [0.9, 0.9, 0.5]
    assert sureness[2][0] < CONFIDENT_AT
    assert carried_by([0, 1, 2], sentences, sureness, ["A", "B", "C"]) == ["A", "B"]
