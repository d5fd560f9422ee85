"""Labels are whole noun phrases; weekdays, months, lone titles and nationality nouns are not labels."""

from __future__ import annotations

import pytest

from framing.analysis import ArticleAnalysis
from framing.compare import build_comparison
from framing.corpus import parse_text

TEXTS = {
    "A": ("On Monday, Senator Jane Roe criticized Strzok in a hearing. Mr. Strzok replied in June. "
          "Americans watched the FBI’s Hillary Clinton inquiry closely, and Roe often called Dreamers brave."),
    "B": ("Senator Jane Roe, who criticized Strzok on Monday, spoke again in June. Mr. Strzok answered. "
          "Americans followed the FBI’s Hillary Clinton inquiry, and Roe called Dreamers brave."),
}


@pytest.fixture(scope="module")
def labels(lexicons):
    analyses = [ArticleAnalysis(parse_text(text, lexicons, id=f"a{i}", outlet=outlet), {}, ())
                for i, (outlet, text) in enumerate(TEXTS.items())]
    return build_comparison(analyses, lexicons=lexicons)["labels"]


def test_no_label_starts_with_a_verb_or_is_a_lone_title(labels):
    for label in labels.label:
        first = label.split()[0]
        assert not first.endswith("ed"), label
        assert label not in {"Mr", "Mr.", "D"}, label


def test_no_label_chains_a_possessive_into_another_name(labels):
    assert not labels.label.str.contains("FBI’s Hillary").any()
    assert "Hillary Clinton" in set(labels.label)


@pytest.mark.parametrize("trivial", ["Monday", "June", "Americans"])
def test_trivial_rows_are_left_out(labels, trivial):
    assert trivial not in set(labels.entity)
    assert not labels.label.str.fullmatch(trivial).any()


def test_every_label_row_says_how_sure_it_is(labels):
    assert labels.confidence.between(0, 1).all()
    assert (labels.reason.str.len() > 0).all()


@pytest.mark.parametrize(("words", "whole"), [
    ("Republican", False),  # an adjective on the senator's name
    ("Grassley", False),  # the first "Grassley": cut from the full name
    ("Charles E. Grassley", True),  # the name without its title
    ("Sen. Charles E. Grassley", True),
    ("Iowa", True),
])
def test_labels_must_end_a_whole_name_of_the_mention_layer(parse, words, whole):
    from framing.compare.labels import ends_a_whole_name

    doc = parse("Republican Sen. Charles E. Grassley of Iowa said the plan failed. Later, Grassley spoke again.")
    start = doc.text.index(words)
    assert ends_a_whole_name(doc, start, start + len(words)) is whole
