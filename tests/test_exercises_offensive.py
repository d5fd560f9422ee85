"""A handout warning where an article prints an offensive word uncensored (``lexicons/offensive.tsv``).

Short texts of our own. A teacher asked to be warned before handing a class an article with a slur in full.
"""

from __future__ import annotations

import re

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.exercises import LessonOptions, render_html
from framing.exercises.lesson import build_lesson
from framing.exercises.material import Material
from framing.exercises.offensive import offensive_notes, offensive_places

SWEARING = ("The mayor spoke on Monday about the park plan.\n\n"
            "A resident shouted that the plan was bullshit, witnesses said. The council voted anyway.\n\n"
            "Sen. Dick Lane said the vote was fair.")
CLEAN = "The council approved the park plan on Monday.\n\nThe mayor said the vote was close and fair."


def article(lexicons, text, *, id, outlet, title=""):
    return analyze_document(parse_text(text, lexicons, id=id, outlet=outlet, title=title), lexicons)


def visible(page: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", " ", page, flags=re.S)))


def test_only_words_printed_in_full_are_found(lexicons):
    assert [kind for _, kind in offensive_places(lexicons, SWEARING)] == ["profanity"]
    assert offensive_places(lexicons, "He called it b*******, and worse: s---.") == []  # censored spellings
    assert offensive_places(lexicons, "Dick Lane and Sen. Dick Durbin spoke.") == []  # a name, not the word
    assert offensive_places(lexicons, "The shitake mushrooms sold out.") == []  # whole words only
    assert [k for _, k in offensive_places(lexicons, "He called him a son-of-a-bitch.")] == ["profanity"]


def test_the_note_names_source_and_paragraph_and_never_the_word(lexicons):
    m = Material([article(lexicons, CLEAN, id="b", outlet="Gazette"),
                  article(lexicons, SWEARING, id="a", outlet="Ledger")], {}, lexicons, blind=True)
    [note] = offensive_notes(m)
    assert note == f"{m.name('Ledger')}, paragraph 2, prints profanity uncensored"
    assert "bullshit" not in note


def test_handout_and_key_carry_the_note(lexicons):
    articles = [article(lexicons, SWEARING, id="a", outlet="Ledger"),
                article(lexicons, CLEAN, id="b", outlet="Gazette")]
    model = build_lesson(articles, {}, lexicons, LessonOptions(kinds=("hedge_hunt",), blind=True))
    assert model["content_notes"] == ["Source A, paragraph 2, prints profanity uncensored"]
    assert "Source A, paragraph 2, prints profanity uncensored" in visible(render_html(model, "handout"))
    assert "Source A, paragraph 2, prints profanity uncensored" in visible(render_html(model, "key"))
    assert "uncensored" not in visible(render_html(model, "worksheet"))
    clean = build_lesson([articles[1]], {}, lexicons, LessonOptions(kinds=("hedge_hunt",), blind=True))
    assert clean["content_notes"] == [] and "uncensored" not in visible(render_html(clean, "handout"))
