"""Fact groups: a sentence that states two facts sits in both (framing.compare.fact_groups)."""

from __future__ import annotations

import numpy as np

from framing.analysis import ArticleAnalysis
from framing.compare import build_comparison
from framing.compare.confidence import CONFIDENT_AT
from framing.compare.fact_groups import GROUP_THRESHOLD, also_states
from framing.corpus import parse_text

# Outlet A runs the first quotation over a sentence break and starts the second in the same
# sentence; outlet B gives each quotation its own sentence.
JIBES = {
    "A": (
        '"The mayor says he wants to run the city like a lottery? '
        'Heaven help us," said Jones, who added that "the only thing rising in this town is the water." '
        "The council meets again next month to vote on the new harbour budget."
    ),
    "B": (
        '"The mayor says he wants to run the city like a lottery," Jones said on Friday. '
        'Later she said: "The only thing rising in this town is the water." '
        "Volunteers cleaned the beach near the old lighthouse over the weekend."
    ),
}


def facts_of(lexicons, texts):
    analyses = [ArticleAnalysis(parse_text(text, lexicons, id=f"a{i}", outlet=outlet), {}, ())
                for i, (outlet, text) in enumerate(texts.items())]
    return build_comparison(analyses, lexicons=lexicons)["facts"]


def test_a_sentence_that_ends_one_quotation_and_starts_another_sits_in_both_facts(lexicons):
    facts = facts_of(lexicons, JIBES)
    rows = facts[facts.text.str.contains("Heaven help us", regex=False)]
    assert len(rows) == 2, "the sentence states both quotations"
    for fact_id in rows.fact_id:
        fact = facts[facts.fact_id == fact_id]
        partner = fact[fact.outlet == "B"]
        assert len(partner) == 1 and (fact.confidence >= CONFIDENT_AT).all()
    partners = set(facts[facts.fact_id.isin(rows.fact_id) & (facts.outlet == "B")].text)
    assert any("lottery" in text for text in partners) and any("rising" in text for text in partners)


def test_unrelated_sentences_stay_in_one_fact_each(lexicons):
    facts = facts_of(lexicons, JIBES)
    for words in ("harbour budget", "old lighthouse", "Later she said"):
        assert len(facts[facts.text.str.contains(words, regex=False)]) == 1


def test_a_sentence_joins_another_group_only_when_every_other_outlets_member_clears_the_floor():
    outlets = np.array(["A", "B", "C", "A"], dtype=object)
    scores = np.zeros((4, 4))
    for i, j, value in [(0, 1, 0.9), (0, 2, 0.9), (1, 2, 0.9), (3, 1, 0.8), (3, 2, GROUP_THRESHOLD)]:
        scores[i, j] = scores[j, i] = value
    groups = also_states([[0, 1, 2], [3]], outlets, scores)
    assert groups == [[0, 1, 2, 3], [3]]
    scores[3, 2] = scores[2, 3] = GROUP_THRESHOLD - 0.01
    assert also_states([[0, 1, 2], [3]], outlets, scores) == [[0, 1, 2], [3]]


def test_a_weak_link_adds_no_second_fact():
    outlets = np.array(["A", "B", "A"], dtype=object)
    scores = np.zeros((3, 3))
    scores[0, 1] = scores[1, 0] = 0.9
    scores[2, 1] = scores[1, 2] = CONFIDENT_AT - 0.05
    assert also_states([[0, 1], [2]], outlets, scores) == [[0, 1], [2]]
