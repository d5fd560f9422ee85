"""Leak statements that claim only what framing checked: the key lists other outlets the handout names (a dateline,
a credit, an e-mail domain, a news site quoted as a source), and a page title's outlet suffix is cut. Texts made up."""

from __future__ import annotations

import re

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.exercises import LessonOptions, render_html
from framing.exercises.lesson import build_lesson
from framing.exercises.material import Material
from framing.exercises.outlet_hints import other_outlets
from framing.exercises.outlet_names import title_without_outlet


def article(lexicons, text, *, id, outlet, title=""):
    return analyze_document(parse_text(text, lexicons, id=id, outlet=outlet, title=title), lexicons)


def key_text(model):
    page = re.sub(r"<style>.*?</style>", " ", render_html(model, "key"), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


def test_other_outlets_in_the_handout_are_listed_with_their_sentences(lexicons):
    post = article(lexicons, "WASHINGTON (Reuters) - The council met on Monday. The vote may come soon. "
                             "Reuters contributed to this report.", id="p-1", outlet="Some Post")
    ledger = article(lexicons, "The council met on Monday. Politico reported the vote would slip. "
                               "Write to jane@cnn.com with tips. Newspaper editors met too. "
                               "The mayor told the Washington Post she would run. Former mayor Michael Bloomberg "
                               "spoke.", id="l-1", outlet="Ledger")
    m = Material([post, ledger], {}, lexicons, blind=True)
    found = {o["name"]: o["places"] for o in other_outlets(m)}
    assert found["Reuters"] == [f"{m.letters['Some Post']}, sentences 1, 3"]
    assert found["Politico"] == [f"{m.letters['Ledger']}, sentence 2"]
    assert found["CNN"] == [f"{m.letters['Ledger']}, sentence 3"]
    assert found["The Washington Post"] == [f"{m.letters['Ledger']}, sentence 5"]  # "the" lower-cased mid-sentence
    assert not any(name.lower() == "newspaper" for name in found)  # a common noun at a sentence's start
    assert "Bloomberg" not in found  # a person's name, not the outlet
    model = build_lesson([post, ledger], {}, lexicons, LessonOptions(kinds=("hedge_hunt",), blind=True))
    key = key_text(model)
    assert "The handout also names these news outlets" in key and "Reuters (" in key
    assert "No sentence shown cites an outlet" not in key  # it did: another outlet, quoted as a source


def test_a_key_without_giveaways_says_only_what_framing_checked(lexicons):
    a = article(lexicons, "The council met on Monday. The vote may come soon.", id="a-1", outlet="Ledger")
    b = article(lexicons, "The council met on Tuesday. The vote might slip.", id="b-1", outlet="Herald")
    key = key_text(build_lesson([a, b], {}, lexicons, LessonOptions(kinds=("hedge_hunt",), blind=True)))
    assert "outlet names given in the manifest" in key and "news outlets;" not in key


def test_a_page_titles_outlet_suffix_is_cut_from_the_headline(lexicons):
    assert title_without_outlet("Senate passes bill | Some Post: news", ["some post"]) == "Senate passes bill"
    assert title_without_outlet("Senate passes bill - Reuters", ["reuters"]) == "Senate passes bill"
    assert title_without_outlet("Senate passes bill - report", ["reuters"]) == "Senate passes bill - report"
    post = article(lexicons, "The council met on Monday.", id="p-1", outlet="Some Post",
                   title="Council meets | Some Post: news")
    other = article(lexicons, "The council met on Monday.", id="o-1", outlet="Ledger",
                    title="Council meets on Monday - Reuters")
    m = Material([post, other], {}, lexicons, blind=True)
    assert m.title(post.document.title) == "Council meets"
    assert m.title(other.document.title) == "Council meets on Monday"
    assert m.title("Tax bill - Host of problems remain") == "Tax bill - Host of problems remain"  # no outlet named
