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


def labels_table(lexicons, texts: dict[str, str]):
    """The labels table of one made-up article per outlet."""
    analyses = [ArticleAnalysis(parse_text(text, lexicons, id=f"a{i}", outlet=outlet), {}, ())
                for i, (outlet, text) in enumerate(texts.items())]
    return build_comparison(analyses, lexicons=lexicons)["labels"]


@pytest.fixture(scope="module")
def labels(lexicons):
    return labels_table(lexicons, TEXTS)


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


WHOLE_PHRASES = {
    "A": ("The clip was posted by the conservative super PAC Ohio Forward on Monday. Jim Moe studied at the "
          "University of Ohio's law school. Moe apologized to Senator John Q. Smith, Republican of Ohio, and "
          "said he “admires” Smith. Mr. Smith spoke. Mr. Smith left. Moe wrote to Justice Ann Roe of the Supreme "
          "Court. Pat Doe is a candidate in the Republican Senate primary. Roe’s aides and Roe’s clerks "
          "listened. Roe spoke."),
    "B": ("Ohio Forward posted it. Smith spoke in Ohio. Moe and Roe met at the Supreme Court in the Senate. "
          "The Ohio Senate votes soon."),
}


@pytest.fixture(scope="module")
def whole_labels(lexicons):
    return labels_table(lexicons, WHOLE_PHRASES)


@pytest.mark.parametrize("fragment", ["PAC Ohio Forward", "Republican of Ohio", "“admires” Smith",
                                      "Roe of the Supreme Court", "Ann Roe of"])
def test_a_label_is_one_whole_name_not_two_joined(whole_labels, fragment):
    outlet_a = whole_labels[whole_labels.outlet == "A"]
    assert not outlet_a.label.str.contains(fragment, regex=False).any(), list(outlet_a.label)
    assert not outlet_a.variants.map(lambda variants: any(fragment in v for v in variants)).any()


def test_a_body_of_a_place_is_no_label_of_the_place(whole_labels):
    ohio = whole_labels[whole_labels.entity == "Ohio"]
    assert len(ohio) and not ohio.variants.map(lambda variants: any("University" in v for v in variants)).any()


def test_a_cut_label_keeps_the_name_it_ends_with(whole_labels):
    outlet_a = whole_labels[whole_labels.outlet == "A"]
    assert {"Ohio Forward", "Ohio", "Smith", "the Supreme Court", "Justice Ann Roe"} <= set(outlet_a.label)
    ohio = outlet_a[outlet_a.label_key == "ohio"]
    assert [evidence.split(":")[1] for evidence in ohio.iloc[0].evidence] == [
        f"{WHOLE_PHRASES['A'].index('Ohio,')}-{WHOLE_PHRASES['A'].index('Ohio,') + 4}"]


def test_a_body_name_before_a_noun_is_only_possible(whole_labels):
    senate = whole_labels[whole_labels.label.str.contains("Republican Senate")]
    assert len(senate) == 0 or (senate.confidence < 0.7).all()


def test_labels_show_names_without_possessive_or_title(whole_labels):
    roe = whole_labels[(whole_labels.outlet == "A") & (whole_labels.label_key == "roe")]
    assert list(roe.label) == ["Roe"]  # written "Roe’s" twice and "Roe" once
    assert "Smith" in set(whole_labels.entity) and not whole_labels.entity.str.startswith("Mr").any()


def test_a_name_opened_by_a_common_word_is_not_cut_out_of_a_title(lexicons):
    table = labels_table(lexicons, {"A": "Campaign Director of Outreach Jim Moe said the outreach plan failed.",
                                    "B": "Jim Moe spoke about outreach."})
    assert "Outreach Jim Moe" not in set(table.label), list(table.label)


def test_a_given_name_that_is_a_stop_word_stays_in_the_label(lexicons):
    table = labels_table(lexicons, {"A": "Bill Moe said the plan was fine.", "B": "Bill Moe spoke later."})
    assert set(table.label) == {"Bill Moe"}, list(table.label)
