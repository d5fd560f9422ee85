"""What a teacher's reading of real lessons asked for: every name of an outlet masked, reading time in the
period, doubt words read one way on both sides of a comparison, clear speakers, real disagreements, and a key
whose main text holds no ids or offsets. Short texts written for the tests."""

from __future__ import annotations

from typing import Any

import pytest

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.exercises.doubt import passage_doubts, uncounted, who_says
from framing.exercises.kinds_compare import real_disagreement
from framing.exercises.lesson import checking_notes
from framing.exercises.material import Material, display_name, name_variants, outlet_groups
from framing.exercises.timing import choose, in_class_reading, reading_minutes, schedule


def article(lexicons, text, *, id="a-1", outlet="Ledger", title=""):
    return analyze_document(parse_text(text, lexicons, id=id, outlet=outlet, title=title), lexicons)


def headline_words(lexicons, headline):
    """A headline's doubt words as the headline check reads them (against a plain sentence with none)."""
    from framing.exercises.kinds_headline import headline_doubts

    m = Material([article(lexicons, "The council met on Monday to vote on the bridge.")], {}, lexicons)
    return headline_doubts(m, {"article_id": "a-1", "headline": headline, "body_start": 0})[0]


def test_an_outlet_given_by_its_code_is_masked_by_every_name_media_names_knows(lexicons):
    groups = outlet_groups(lexicons)
    assert "the huffington post" in {v.lower() for v in name_variants("hpo", (), groups)}
    assert display_name("hpo", groups) == "HuffPost"
    assert display_name("Riverside Gazette", groups) == "Riverside Gazette"
    text = "The mayor said in an email to The Huffington Post that the bridge would open. HuffPost asked again."
    huff = article(lexicons, text, id="h-1", outlet="hpo")
    other = article(lexicons, "The council met on Monday to vote on the bridge.", id="o-1", outlet="Ledger")
    m = Material([huff, other], {}, lexicons, blind=True)
    shown = m.body_text(huff, 0, len(text))
    assert "Huff" not in shown and shown.count(m.letters["hpo"]) == 2


def test_the_period_holds_the_handout_reading_time_or_sets_it_as_homework():
    assert reading_minutes(1800, "10") == 10 and reading_minutes(1, "7") == 1 and reading_minutes(0, "10") == 0
    assert in_class_reading(1800, "10", 45) == 10
    assert in_class_reading(6000, "10", 45) == 0  # 34 minutes of reading would leave no item: homework
    pools = {"hedge_hunt": ["a", "b", "c"]}
    assert len(choose(pools, ["hedge_hunt"], {}, 45, None)) == 3  # all three fit a period without reading
    assert len(choose(pools, ["hedge_hunt"], {}, 45, None, reading=10)) == 2
    items = [{"number": 1, "title": "Hedge hunt", "minutes": 8, "points": 6}]
    plan = schedule(items, 45, reading=10)
    assert plan["minutes"] == 45 and {"what": "Read the handout", "minutes": 10} in plan["timetable"]


def test_doubt_words_include_second_hand_markers_and_list_uncounted_hedge_words(lexicons):
    text = ("The mayor says the plan saves money, as the council claims. "
            "The bridge would open in May, according to the city engineer.")
    a = article(lexicons, text)
    found = passage_doubts(lexicons, a, 0, len(text))
    words = {d.text.lower(): d.category for d in found}
    assert words.get("claims") == "evidential" and words.get("according to") == "evidential"
    assert "may" not in words  # the month
    extra = uncounted(lexicons, a, 0, len(text), found)
    assert all(not any(d.start < f.end and f.start < d.end for f in found) for d in extra)
    # the claim family is never a sure answer ("claims the title", "claimed 12 lives"), in a headline neither
    assert headline_words(lexicons, "Mayor claims council wasted money") == []
    assert headline_words(lexicons, "Mayor accuses council of wasting money") == ["accuses"]
    assert headline_words(lexicons, "Mayor pushes back on claim about bridge") == []  # a noun, not a verb


def test_headline_doubt_words_come_from_the_clause_that_makes_its_claim(lexicons):
    from framing.exercises.kinds_headline import headline_doubts

    text = ("The council closed the bridge on Monday, but do not expect the repairs to end soon. "
            "The mayor, a man who is seen as cautious, said the council would reopen it.")
    a = article(lexicons, text)
    m = Material([a], {}, lexicons)
    closed = {"article_id": "a-1", "headline": "Council closes bridge", "body_start": 0.0, "headline_hedges": []}
    assert headline_doubts(m, closed) == ([], [])  # "expect" hedges the repairs, not the closing
    second = text.index("The mayor")
    reopen = {**closed, "headline": "Council may reopen bridge", "body_start": float(second),
              "headline_hedges": ["may"]}
    head, body = headline_doubts(m, reopen)
    assert head == ["may"] and "seen" not in body  # "seen as" is about the mayor, an aside


def test_who_says_is_clear_only_when_the_sentence_names_its_source(lexicons):
    said = "The mayor said the bridge would open next week."
    a = article(lexicons, said)
    assert who_says(a, 0, len(said)) == ["The mayor"]
    plain = "The bridge opened on Monday after two years of work."
    assert who_says(article(lexicons, plain), 0, len(plain)) == []  # the writer states it
    act = "Two council members agreed to attend the opening."
    assert who_says(article(lexicons, act), 0, len(act)) in ([], None)  # an act, never "who says so"
    assert who_says(article(lexicons, act), 0, len(act)) != ["Two council members"]


def test_numbers_differ_only_for_one_fact_beyond_a_stated_approximation(lexicons):
    text = "The city spent more than $700 million on the bridge. The bridge cost $716 million in all."
    a = article(lexicons, text, outlet="Ledger")
    m = Material([a], {}, lexicons)

    def row(phrase, value, fact="F1"):
        return {"article_id": "a-1", "fact_id": fact, "value": value, "start": float(text.index(phrase))}

    assert not real_disagreement(m, [row("$700", 7e8), row("$716", 7.16e8)])  # "more than $700" agrees
    assert not real_disagreement(m, [row("$700", 7e8), row("$716", 9e8, fact="F2")])  # two facts
    assert real_disagreement(m, [row("$716", 7.16e8), row("$700", 9e8)])


def test_the_key_main_text_holds_no_ids_or_offsets_only_its_closing_note(lexicons):
    text = "The mayor said the bridge would open next week. Officials may delay it."
    a = article(lexicons, text, id="doc-xyz-1", outlet="nyt")
    m = Material([a], {}, lexicons, blind=True)
    items = [{"number": 1, "passages": [{"article": "doc-xyz-1"}], "key": {"tables": [
        {"caption": "Hedges", "columns": ["Sentence", "Hedge", "Where"], "rows": [["1", "would", "29-34"]]}]}}]
    notes = checking_notes(m, items)
    assert items[0]["key"]["tables"][0]["columns"] == ["Sentence", "Hedge"]
    assert any("doc-xyz-1" in n and "1, would: 29-34" in n for n in notes)
    assert any("The New York Times" in n for n in notes)




def test_accuses_is_a_second_hand_word_on_both_sides_but_slams_is_not(lexicons):
    """A teacher found "accuses" named as second-hand on the worksheet but missing from the headline's answer."""
    assert headline_words(lexicons, "Mayor accuses council of hiding the budget") == ["accuses"]
    assert headline_words(lexicons, "Mayor slams council over the budget") == []


def test_an_outlet_citing_itself_is_masked_and_listed_as_a_hint(lexicons):
    """"He said later on the Ledger that …" in the Ledger's own story: hidden, yet "on Source A" may hint."""
    text = "Mayor Ann Cole left the race. She said later on the Ledger that she might run again."
    ledger = article(lexicons, text, id="l-1", outlet="Ledger")
    other = article(lexicons, "The council met on Monday to vote on the bridge.", id="o-1", outlet="Herald")
    m = Material([ledger, other], {}, lexicons, blind=True)
    shown = m.body_text(ledger, 0, len(text))
    assert "Ledger" not in shown and f"on {m.letters['Ledger']} that" in shown
    assert [g["masked"] for g in m.giveaways] == [True] and "Ledger" not in m.giveaways[0]["sentence"]


def test_only_claim_words_are_second_hand_and_an_outlets_show_is_its_name(lexicons):
    assert headline_words(lexicons, "Mayor insists council must act and argues the case") == []
    assert headline_words(lexicons, "Mayor accuses council of hiding the budget") == ["accuses"]
    text = "Mayor Ann Cole spoke on Tucker Carlson Tonight on Monday about the bridge."
    fox = article(lexicons, text, id="f-1", outlet="fox")
    other = article(lexicons, "The council met on Monday to vote on the bridge.", id="o-3", outlet="nyt")
    m = Material([fox, other], {}, lexicons, blind=True)
    assert "Tucker" not in m.body_text(fox, 0, len(text))


def test_a_masthead_word_in_another_outlets_story_is_listed_as_a_giveaway(lexicons):
    text = "The mayor resigned on Monday, the Times reported, after weeks of pressure."
    ledger = article(lexicons, text, id="l-4", outlet="Ledger")
    times = article(lexicons, "The council met on Monday to vote on the bridge.", id="t-4", outlet="nyt")
    m = Material([ledger, times], {}, lexicons, blind=True)
    assert "the Times" in m.body_text(ledger, 0, len(text))  # another paper may be meant: it stays
    assert [(g["letter"], g["masked"]) for g in m.giveaways] == [(m.letters["nyt"], False)]


def test_an_outlet_named_as_the_source_of_a_report_stays_and_is_listed(lexicons):
    text = "Ledger report: the mayor hid the budget for months, the paper found."
    herald = article(lexicons, text, id="h-5", outlet="Herald")
    ledger = article(lexicons, "The council met on Monday to vote on the bridge.", id="l-5", outlet="Ledger")
    m = Material([herald, ledger], {}, lexicons, blind=True)
    assert m.body_text(herald, 0, len(text)).startswith("Ledger report")
    assert [g["letter"] for g in m.giveaways] == [m.letters["Ledger"]]


@pytest.mark.parametrize("text", [
    "The mayor said in an email to the Ledger that the bridge would open in May.",
    "Cole will appear on the Ledger on Friday at 8 p.m. to defend the budget.",
])
def test_an_outlet_citing_itself_is_masked_and_listed(lexicons, text):
    """"in an email to HuffPost", "will appear on Fox News" in the outlet's own story: hidden, listed as a hint."""
    ledger = article(lexicons, text, id="l-2", outlet="Ledger")
    other = article(lexicons, "The council met on Monday to vote on the bridge.", id="o-2", outlet="Herald")
    m = Material([ledger, other], {}, lexicons, blind=True)
    assert "Ledger" not in m.body_text(ledger, 0, len(text))
    assert [g["masked"] for g in m.giveaways] == [True]



def blind_story(lexicons, text: str, outlet: str, other: str) -> tuple[Material, Any]:
    """A blind lesson's material over one story ``text`` from ``outlet`` and a plain one from ``other``."""
    story = article(lexicons, text, id=f"{outlet}-story", outlet=outlet)
    plain = article(lexicons, "The council met on Monday to vote on the bridge.", id=f"{other}-plain", outlet=other)
    return Material([story, plain], {}, lexicons, blind=True), story


def test_another_outlets_name_masked_in_a_story_is_listed_as_a_hint(lexicons):
    """"a Denver Ledger affiliate" in the Herald's story becomes "Source A affiliate": the key must say so."""
    text = "The couple spoke to a Denver Ledger affiliate about the ruling on Monday."
    m, herald = blind_story(lexicons, text, "Herald", "Ledger")
    shown = m.body_text(herald, 0, len(text))
    assert "Ledger" not in shown and f"{m.letters['Ledger']} affiliate" in shown
    assert [(g["letter"], g["masked"]) for g in m.giveaways] == [(m.letters["Ledger"], True)]


def test_an_outlet_its_own_story_says_sources_told_is_listed(lexicons):
    """"two aides tell the Ledger" in the Ledger's own story: masked, and listed as a hint."""
    text = "Two aides tell the Ledger that the mayor will not run again."
    m, ledger = blind_story(lexicons, text, "Ledger", "Herald")
    assert "Ledger" not in m.body_text(ledger, 0, len(text))
    assert [g["masked"] for g in m.giveaways] == [True]


@pytest.mark.parametrize("text", [
    "The senator said on the Ledger's “Morning Round with Jo Park” that he would vote no.",
    "The senator said Tuesday night on the Ledger' 'Evening Desk with Jo Park.' He would vote no.",
])
def test_an_outlets_possessive_show_is_hidden_whole_and_listed(lexicons, text):
    """"on Fox News' 'On the Record with …'": the show names the outlet; it is hidden with its owner."""
    m, ledger = blind_story(lexicons, text, "Ledger", "Herald")
    shown = m.body_text(ledger, 0, len(text))
    assert "Ledger" not in shown and "Jo Park" not in shown and "[programme name hidden]" in shown
    assert [g["programme"] for g in m.giveaways] == [True]
