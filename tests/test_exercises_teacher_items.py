"""A strict teacher's reading of blind lessons: programme names hidden whole, hedge keys with only clear-cut
answers, "same fact" word lists of loaded words. Short texts written for the tests."""

from __future__ import annotations

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.exercises.material import Material
from framing.exercises.outlet_names import PROGRAMME_HIDDEN


def article(lexicons, text, *, id="a-1", outlet="Ledger", title=""):
    return analyze_document(parse_text(text, lexicons, id=id, outlet=outlet, title=title), lexicons)


def test_a_programme_named_after_an_outlet_is_hidden_whole_and_listed(lexicons):
    """"on the Fox News program “Fox and Friends.”" once read "program “Source A.”": garbled, and a giveaway."""
    text = "The mayor spoke on Monday. Ms. Cole said on the Fox News program “Fox and Friends.” She left."
    times = article(lexicons, text, id="t-1", outlet="nyt")
    fox = article(lexicons, "The council met on Monday to vote on the bridge.", id="f-1", outlet="fox")
    m = Material([times, fox], {}, lexicons, blind=True)
    shown = m.body_text(times, 0, len(text))
    assert f"program {PROGRAMME_HIDDEN}. She left" in shown
    assert "Friends" not in shown and m.letters["fox"] + "." not in shown
    shows = [g for g in m.giveaways if g["programme"]]
    assert [(g["text"], g["letter"]) for g in shows] == [("Fox and Friends", m.letters["fox"])]
    assert "Friends" not in shows[0]["sentence"]
