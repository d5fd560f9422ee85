"""Numbers are compared only when they measure the same quantity (made-up texts)."""

from __future__ import annotations

import pytest

from framing.analysis import ArticleAnalysis
from framing.compare import build_comparison
from framing.compare.common import WordFolder
from framing.compare.confidence import split_confident
from framing.compare.quantities import quantities
from framing.corpus import parse_text


def tables(lexicons, texts: dict[str, str]):
    analyses = [
        ArticleAnalysis(parse_text(text, lexicons, id=f"a{i}", outlet=outlet), {}, ())
        for i, (outlet, text) in enumerate(texts.items())
    ]
    return build_comparison(analyses, lexicons=lexicons)


def number_rows(lexicons, texts):
    frame = tables(lexicons, texts)["disagreements"]
    return frame[frame.kind == "number"]


def test_complementary_vote_figures_are_not_a_disagreement(lexicons):
    rows = number_rows(lexicons, {
        "A": "Senate Republicans needed 60 votes to break the filibuster by Senator Jane Roe on the budget bill.",
        "B": "Senator Jane Roe and her allies held 41 votes to block the budget bill with a filibuster.",
    })
    confident, _possible = split_confident(rows)
    assert confident.empty


def test_a_threshold_is_not_a_count_of_votes(lexicons):
    rows = number_rows(lexicons, {
        "A": "The budget bill from Senator Jane Roe failed to reach the 60-vote threshold in the Senate.",
        "B": "The budget bill from Senator Jane Roe won only 52 votes in the Senate.",
    })
    assert rows.empty


@pytest.mark.parametrize(("first", "second", "unit"), [
    ("$4.5 million", "$6 million", "dollars"),
    ("300 pages", "250 pages", "pages"),
])
def test_a_different_amount_for_the_same_thing_is_flagged(lexicons, first, second, unit):
    rows = number_rows(lexicons, {
        "A": f"The audit report by Inspector John Doe on the harbor contract ran to {first}, officials said.",
        "B": f"The audit report by Inspector John Doe on the harbor contract ran to {second}, officials said.",
    })
    confident, _possible = split_confident(rows)
    assert set(confident.outlet) == {"A", "B"}
    assert unit in confident.iloc[0].reason


def test_numbers_of_different_units_are_never_compared(lexicons):
    rows = number_rows(lexicons, {
        "A": "The flood in Springfield on Tuesday destroyed 12 homes, the mayor said.",
        "B": "The flood in Springfield on Tuesday destroyed 14 bridges, the mayor said.",
    })
    assert rows.empty


def test_quantities_read_units_dates_and_compounds(lexicons):
    text = ("They met on Feb. 8 and passed the 60-vote threshold with 41 votes, $4.5 million and 12 percent in 2018 "
            "for the 45th time.")
    doc = parse_text(text, lexicons)
    found = {text[q.start:q.end]: q.unit for q in quantities(doc, doc.tokens, WordFolder(lexicons.stop_words))}
    assert found == {"8": "date", "60": "threshold~", "41": "vote", "$4.5 million": "$", "12": "%", "2018": "year",
                     "45": "ordinal"}


def test_counts_that_share_only_the_storys_common_words_are_not_one_quantity(lexicons):
    senate = ("The Senate met on Monday. Senate leaders spoke at noon about the budget. The Senate clerk read the "
              "whole budget bill aloud. Senate aides handed out copies of the bill. ")
    rows = number_rows(lexicons, {
        "A": senate + "Afterwards 12 Senate Republicans gathered in the lobby to praise the budget deal.",
        "B": senate + "In the end 52 Senate Republicans voted for the budget deal on the floor.",
    })
    confident, _possible = split_confident(rows)
    assert confident.empty
    assert rows.empty or not rows.reason.str.contains("own words agree: senat").any()


@pytest.mark.parametrize("texts", [
    {"A": "The flood damaged more than 80 homes in Riverton on Sunday, the mayor said.",
     "B": "The flood damaged 86 homes in Riverton on Sunday, the mayor said."},
    {"A": "The flood damaged 40 homes in Riverton on Sunday, the mayor said.",
     "B": "The flood damaged 90 homes in Riverton on Sunday, the mayor said."},
    {"A": "The flood damaged 80 homes in Riverton, and 86 homes counting the farms, the mayor said.",
     "B": "The flood damaged 86 homes in Riverton on Sunday, the mayor said."},
])
def test_bounds_that_are_met_and_far_apart_figures_are_not_disagreements(lexicons, texts):
    assert number_rows(lexicons, texts).empty


def test_close_figures_for_one_count_are_a_disagreement(lexicons):
    rows = number_rows(lexicons, {
        "A": "The flood damaged 80 homes in Riverton on Sunday, the mayor said.",
        "B": "The flood damaged 86 homes in Riverton on Sunday, the mayor said.",
    })
    assert set(rows.value) == {"80", "86"}
