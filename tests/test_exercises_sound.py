"""A lesson a teacher can print unchecked: only sound material, passages that stand alone, a handout, a period's
length, points and a rubric, readable names, whole-number offsets, a blind mode that holds, preview and swap,
and the paper of the teacher's country. Every text here is made up for the test."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from framing.analysis import analyze_document
from framing.compare.confidence import CONFIDENT_AT
from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.exercises import LessonOptions, default_paper, parse_picks, render_html
from framing.exercises.kinds_compare import name_that_label, option_form, same_fact
from framing.exercises.kinds_text import offsets
from framing.exercises.lesson import build_lesson
from framing.exercises.material import Material, name_variants
from framing.exercises.preview import preview_model
from framing.exercises.rewrite import fitting_alternative, model_rewrite
from framing.exercises.sound import is_confident, is_whole, standing


def article(lexicons, text, *, id="a-1", outlet="Ledger", title=""):
    return analyze_document(parse_text(text, lexicons, id=id, outlet=outlet, title=title), lexicons)


def lesson_text(model, audience):
    page = render_html(model, audience)
    page = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page))


# --- whole sentences and context ------------------------------------------------------------


@pytest.mark.parametrize(("text", "whole"), [
    ("The council voted on Tuesday.", True),
    ("“We will appeal,” the mayor said.", True),
    ("Gore decision on the recount was final.", True),
    ("the vote was close.", False),  # starts inside a sentence
    ("The case was known as Bush v.", False),  # a split at an abbreviation
    ("The mayor said “we will appeal.", False),  # an unbalanced quote
    ("Budget talks continue", False),  # no closing punctuation
    ("Netanyahu told Sens.", False),  # too short to say anything: a split at an unlisted title
])
def test_exercises_a_shown_sentence_must_be_whole(lexicons, text, whole):
    assert is_whole(text, lexicons.abbreviations) is whole


def test_exercises_a_sentence_that_leans_back_brings_the_one_before(lexicons):
    analysis = article(lexicons, "Mayor Ana Ruiz met the council on Monday. She said the plan would pass. "
                                 "The vote is set for May.")
    assert standing(analysis, [1], lexicons.abbreviations) == [0, 1]  # "She" needs sentence 1
    assert standing(analysis, [2], lexicons.abbreviations) == [2]


def test_exercises_a_passage_with_a_fragment_is_not_shown(lexicons):
    analysis = article(lexicons, "The court heard the case known as Bush v. Gore decision on the recount was read "
                                 "aloud. Lawyers left.")
    fragments = [n for n in range(len(analysis.document.sentences))
                 if standing(analysis, [n], lexicons.abbreviations) is None]
    assert fragments  # the split at "v." makes a sentence that cannot be shown


# --- confident rows only ----------------------------------------------------------------------


def test_exercises_a_row_without_confidence_is_not_confident():
    assert not is_confident({"fact": "x"})
    assert not is_confident({"confidence": float("nan")})
    assert not is_confident({"confidence": CONFIDENT_AT - 0.01})
    assert is_confident({"confidence": CONFIDENT_AT})


def fact_rows(a, b, confidence):
    rows = []
    for analysis, hedge in ((a, "may"), (b, "")):
        start, end = analysis.document.sentences[0]
        rows.append({"fact_id": "F1", "n_outlets": 2, "outlet": analysis.document.outlet,
                     "article_id": analysis.document.id, "start": float(start), "end": float(end),
                     "text": analysis.document.text[start:end], "similarity": 0.9, "hedges": hedge,
                     "attributed_to": "", "loaded": "", "confidence": confidence})
    return pd.DataFrame(rows)


def test_exercises_same_fact_takes_only_confident_rows_and_prints_whole_offsets(lexicons):
    a = article(lexicons, "The council may approve the budget on Monday. Members met.", id="a-1", outlet="Ledger")
    b = article(lexicons, "The council will approve the budget on Monday. Members met.", id="b-1", outlet="Herald")
    weak = Material([a, b], {"facts": fact_rows(a, b, CONFIDENT_AT - 0.2)}, lexicons)
    assert same_fact(weak) == []
    sure = Material([a, b], {"facts": fact_rows(a, b, CONFIDENT_AT)}, lexicons)
    [candidate] = same_fact(sure)
    item = candidate.make()
    assert [row[-1] for row in item["key"]["tables"][0]["rows"]] == ["0-45", "0-46"]
    assert offsets("193.0", "219.0") == "193-219"
    c = article(lexicons, "The council may approve the budget on Monday. Members met.", id="c-1", outlet="Herald")
    assert same_fact(Material([a, c], {"facts": fact_rows(a, c, 1.0)}, lexicons)) == []  # the same words twice


def test_same_fact_is_built_only_on_request_and_a_default_key_says_why(lexicons):
    """Blind readers found its pairs wrong or weak in nearly every reading (a shared topic or figure, not a claim)."""
    a = article(lexicons, "The council may approve the budget on Monday. Members met.", id="a-1", outlet="Ledger")
    b = article(lexicons, "The council will approve the budget on Monday. Members met.", id="b-1", outlet="Herald")
    tables = {"facts": fact_rows(a, b, 1.0)}
    default = build_lesson([a, b], tables, lexicons, LessonOptions())
    assert "same_fact" not in [item["kind"] for item in default["items"]]
    assert "not sure enough to print unchecked" in lesson_text(default, "key")
    assert "--kinds same-fact" in lesson_text(default, "key")
    asked = build_lesson([a, b], tables, lexicons, LessonOptions(kinds=("same_fact",)))
    assert [item["kind"] for item in asked["items"]] == ["same_fact"]


def test_exercises_kinds_without_confident_rows_are_left_out_and_the_key_says_why(lexicons):
    a = article(lexicons, "The council may approve the budget on Monday. Members met.", id="a-1", outlet="Ledger")
    b = article(lexicons, "The council will approve the budget on Monday. Members met.", id="b-1", outlet="Herald")
    frame = fact_rows(a, b, 1.0).drop(columns="confidence")  # an older comparison: no confidence column
    model = build_lesson([a, b], {"facts": frame}, lexicons, LessonOptions(kinds=("same_fact", "hedge_hunt")))
    assert "same_fact" in [gap["kind"] for gap in model["left_out"]]
    assert "surely enough" in lesson_text(model, "key")


# --- name that label --------------------------------------------------------------------------


def label_rows(analyses, labels, confidence=1.0):
    rows = []
    for analysis, (label, loaded) in zip(analyses, labels, strict=True):
        start = analysis.document.text.index(label)
        rows.append({"entity": "Government of Norland", "outlet": analysis.document.outlet, "label": label,
                     "label_key": label.lower(), "count": 1, "loaded_terms": loaded,
                     "evidence": f"{analysis.document.id}:{start}-{start + len(label)}", "confidence": confidence})
    return pd.DataFrame(rows)


def test_exercises_name_that_label_needs_a_loaded_name_and_hides_grammar_clues(lexicons):
    a = article(lexicons, "The regime's army moved north on Monday. Talks stalled.", id="a-1", outlet="Ledger")
    b = article(lexicons, "The government's army moved north on Monday. Talks stalled.", id="b-1", outlet="Herald")
    c = article(lexicons, "The government's army moved north on Monday. Talks stalled.", id="c-1", outlet="Courier")
    d = article(lexicons, "The cabinet's army moved north on Monday. Talks stalled.", id="d-1", outlet="Courier")
    plain = Material([c, b], {"labels": label_rows([c, b], [("government's", ""), ("government's", "")])}, lexicons)
    assert name_that_label(plain) == []  # the same name twice: nothing to compare
    unloaded = label_rows([a, b, d], [("regime's", ""), ("government's", ""), ("cabinet's", "")])
    assert name_that_label(Material([a, b, d], {"labels": unloaded}, lexicons)) == []  # no loaded mark
    loaded = label_rows([a, b, d], [("regime's", "regime"), ("government's", ""), ("cabinet's", "")])
    [candidate] = name_that_label(Material([a, b, d], {"labels": loaded}, lexicons))
    item = candidate.make()
    options = [option.split(". ", 1)[1] for option in item["options"]["items"]]
    assert sorted(options) == ["cabinet", "government", "regime"]  # possessives stripped: "'s" gives nothing away
    assert all("'s" in s["text"] for s in item["passages"][0]["sentences"])
    assert option_form("President Trump’s") == "President Trump"


def test_name_that_label_needs_three_labels(lexicons):
    """Two labels, one loaded, give the match away: a blind reader found such an item trivial."""
    a = article(lexicons, "The regime's army moved north on Monday. Talks stalled.", id="a-1", outlet="Ledger")
    b = article(lexicons, "The government's army moved north on Monday. Talks stalled.", id="b-1", outlet="Herald")
    loaded = label_rows([a, b], [("regime's", "regime"), ("government's", "")])
    assert name_that_label(Material([a, b], {"labels": loaded}, lexicons)) == []


def test_a_name_that_modifies_a_noun_has_no_label_before_it(lexicons):
    """"the vitriolic BDS campaign": "vitriolic" describes the campaign, so "The vitriolic BDS" is no label of BDS."""
    from framing.exercises.sound import modifies_a_noun

    for text, label, compound in (("The vitriolic BDS campaign grew last year.", "The vitriolic BDS", True),
                                  ("The vitriolic BDS won support last year.", "The vitriolic BDS", False),
                                  ("The vitriolic BDS has grown.", "The vitriolic BDS", False),
                                  ("The regime's army moved north.", "The regime's", False)):
        analysis = article(lexicons, text)
        assert modifies_a_noun(lexicons, analysis, text.index(label) + len(label)) is compound, text
    for first, expected in (("The vitriolic BDS campaign grew last year.", 0), ("The vitriolic BDS won support.", 1)):
        versions = ((first, "Ledger"), ("The ruthless BDS won support.", "Herald"),
                    ("The peaceful BDS won support.", "Courier"))
        analyses = [article(lexicons, text, id=f"{n}-1", outlet=outlet) for n, (text, outlet) in enumerate(versions)]
        rows = label_rows(analyses, [("The vitriolic BDS", "vitriolic"), ("The ruthless BDS", "ruthless"),
                                     ("The peaceful BDS", "")])
        assert len(name_that_label(Material(analyses, {"labels": rows}, lexicons))) == expected, first


# --- model rewrite ----------------------------------------------------------------------------


def test_exercises_model_rewrite_only_swaps_what_fits_and_differs(lexicons):
    assert fitting_alternative("slammed", "criticised") == "criticised"
    assert fitting_alternative("slammed", "(attribute the judgement)") is None
    assert fitting_alternative("bitterly", "(omit)") == ""
    assert fitting_alternative("furious", "(omit)") is None  # dropping an adjective can break the sentence
    assert fitting_alternative("slammed", "criticism") is None  # a noun for a verb
    assert fitting_alternative("harshest", "strong; strict") is None  # a superlative for a plain adjective
    text = "The mayor slammed the plan on Monday."
    analysis = article(lexicons, text)
    spans = [s for s in analysis.spans_of("loaded") if s.text == "slammed"]
    assert spans
    rewrite = model_rewrite(text, 0, spans)
    assert rewrite == "The mayor criticised the plan on Monday."
    assert model_rewrite(text, 0, []) is None  # nothing swapped: no rewrite, never the original


# --- handout, timing, points, rubric ----------------------------------------------------------


def test_exercises_handout_numbers_every_sentence_and_the_worksheet_uses_those_numbers(lexicons):
    text = ("The council met on Monday. Members may vote soon.\n\nThe mayor could resign, aides said. "
            "It is unclear when. Critics might object, reportedly.")
    a = article(lexicons, text, title="Council meets")
    model = build_lesson([a], {}, lexicons, LessonOptions(kinds=("hedge_hunt",)))
    [entry] = model["handout"]
    assert [p["n"] for p in entry["paragraphs"]] == [1, 2]
    assert [s["n"] for p in entry["paragraphs"] for s in p["sentences"]] == [1, 2, 3, 4, 5]
    assert entry["title"] == "Council meets"
    shown = [s["n"] for item in model["items"] for p in item["passages"] for s in p["sentences"]]
    assert shown and set(shown) <= {1, 2, 3, 4, 5}
    handout = lesson_text(model, "handout")
    assert "¶2" in handout and "Critics might object" in handout


@pytest.mark.parametrize("minutes", [30, 45, 60])
def test_exercises_timings_add_up_to_the_period_and_items_have_points(council_like, lexicons, minutes):
    model = build_lesson(*council_like, lexicons, LessonOptions(minutes=minutes))
    assert sum(step["minutes"] for step in model["timetable"]) == minutes == model["minutes"]
    assert model["items"] and all(item["points"] > 0 for item in model["items"])
    assert model["points"] == sum(item["points"] for item in model["items"])
    assert [row["number"] for row in model["rubric"]] == [item["number"] for item in model["items"]]
    key = lesson_text(model, "key")
    assert "Points and rubric" in key and f"Timing ({minutes} minutes)" in key


def test_exercises_too_short_a_period_is_a_one_line_error(council_like, lexicons):
    with pytest.raises(FramingInputError, match="--minutes"):
        build_lesson(*council_like, lexicons, LessonOptions(minutes=5))


@pytest.fixture(scope="module")
def council_like(lexicons):
    texts = {
        "Ledger": "The mayor may resign soon, aides said. The council could vote on Monday. The plan is about "
                  "$4 million. Critics slammed the plan on Monday. Officials said the vote might slip.",
        "Herald": "The mayor will resign, officials said. The council might vote next week. Reports suggest the "
                  "plan is nearly $5 million. The mayor slammed critics on Monday. The vote could slip again.",
    }
    analyses = [article(lexicons, text, id=f"{outlet.lower()}-1", outlet=outlet) for outlet, text in texts.items()]
    return analyses, {}


def test_exercises_the_worksheet_defines_the_categories_students_use(council_like, lexicons):
    model = build_lesson(*council_like, lexicons, LessonOptions(kinds=("hedge_hunt",)))
    sheet = lesson_text(model, "worksheet")
    assert "Kinds of hedge" in sheet and "second-hand claim" in sheet
    assert not re.findall(r"\b[a-z]+_[a-z_]+\b", sheet + lesson_text(model, "key"))  # no internal names


# --- blind mode -------------------------------------------------------------------------------


def test_exercises_blind_masks_self_references_and_lists_outlets_cited_as_sources(lexicons):
    huff = article(lexicons, "The Huffington Post's podcast covered the vote. HuffPost's editors met on Monday. "
                             "The senator told Fox News' Kim Ross that he would stay.", id="h-1", outlet="HuffPost")
    fox = article(lexicons, "The mayor spoke to Fox News on Monday. Fox affiliate KTVI aired it.", id="f-1",
                  outlet="Fox News")
    m = Material([huff, fox], {}, lexicons, blind=True)
    first, second, third = (m.sentence(huff, n)["text"] for n in range(3))
    huff_letter, fox_letter = m.letters["HuffPost"], m.letters["Fox News"]
    assert first.startswith(f"{huff_letter}'s podcast") and second.startswith(f"{huff_letter}'s editors")
    assert "told Fox News' Kim Ross" in third  # another outlet cited as a source stays ...
    assert [g["text"] for g in m.giveaways if not g["masked"]] == ["Fox News"]  # ... and the key lists it
    own = " ".join(m.sentence(fox, n)["text"] for n in range(2))
    assert "Fox" not in own and own.count(fox_letter) == 2  # the outlet's own mentions are masked
    assert "huffington post" in {v.lower() for v in name_variants("HuffPost", ["huffington post"])}


def test_exercises_blind_masks_an_outlet_calling_itself_by_its_masthead_word(lexicons):
    times = article(lexicons, "The senator told The Times on Monday that he would stay. Aides agreed.", id="t-1",
                    outlet="New York Times")
    post = article(lexicons, "The senator told The Times on Monday that he would stay. Aides agreed.", id="p-1",
                   outlet="Daily Post")
    m = Material([times, post], {}, lexicons, blind=True)
    letter = m.letters["New York Times"]
    assert m.sentence(times, 0)["text"] == f"The senator told {letter} on Monday that he would stay."
    assert "told The Times" in m.sentence(post, 0)["text"]  # in another paper's story it may be another Times


# --- preview and pick -------------------------------------------------------------------------


def test_exercises_preview_lists_candidates_and_pick_builds_from_them(council_like, lexicons):
    options = LessonOptions(kinds=("hedge_hunt", "rewrite_neutrally"), seed=4)
    preview = preview_model(*council_like, lexicons, options)
    hedges = next(k for k in preview["kinds"] if k["kind"] == "hedge_hunt")["candidates"]
    assert hedges and all(c["id"] for c in hedges)
    assert preview == preview_model(*council_like, lexicons, options)  # the same seed, the same candidates
    last = hedges[-1]["id"]
    picked = build_lesson(*council_like, lexicons, LessonOptions(kinds=options.kinds, seed=4,
                                                                 picks=parse_picks([f"hedge_hunt={last}"])))
    hunts = [i for i in picked["items"] if i["kind"] == "hedge_hunt"]
    assert len(hunts) == 1 and hunts[0]["passages"][0]["sentences"]
    with pytest.raises(FramingInputError, match="--pick"):
        build_lesson(*council_like, lexicons, LessonOptions(picks=parse_picks(["hedge_hunt=nope"])))
    with pytest.raises(FramingInputError, match="KIND=ID"):
        parse_picks(["hedge_hunt"])


def test_exercises_picks_that_overrun_the_period_are_a_one_line_error():
    from framing.exercises import timing

    picked = {"hedge_hunt": ["a", "b", "c", "d", "e"]}  # five hedge hunts: 40 minutes of items
    with pytest.raises(FramingInputError, match="more than a 45-minute period"):
        timing.choose({"hedge_hunt": picked["hedge_hunt"]}, ["hedge_hunt"], picked, 45, None)
    assert len(timing.choose({"hedge_hunt": picked["hedge_hunt"]}, ["hedge_hunt"], picked, 60, None)) == 5


# --- paper ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("environ", "paper"), [
    ({"LANG": "en_US.UTF-8"}, "letter"),
    ({"LANG": "fr_CA.UTF-8"}, "letter"),
    ({"LC_PAPER": "es_US.UTF-8", "LANG": "de_DE.UTF-8"}, "letter"),
    ({"LC_ALL": "en_GB.UTF-8", "LC_PAPER": "en_US.UTF-8"}, "a4"),  # LC_ALL wins, as in the C library
    ({"LANG": "en_GB.UTF-8"}, "a4"),
    ({"LANG": "C.UTF-8"}, "a4"),
    ({}, "a4"),
])
def test_exercises_paper_follows_the_locale(environ, paper):
    assert default_paper(environ) == paper


def test_exercises_cli_paper_from_locale_and_overridden_by_the_option(tmp_path, monkeypatch):
    from exercises_story import COUNCIL_DIR

    from framing.cli import main

    for name in ("LC_ALL", "LC_PAPER", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_CA.UTF-8")
    assert main(["exercises", str(COUNCIL_DIR), "-o", str(tmp_path / "ca"), "--format", "html"]) == 0
    assert "size: letter" in (tmp_path / "ca" / "worksheet.html").read_text(encoding="utf-8")
    assert main(["exercises", str(COUNCIL_DIR), "-o", str(tmp_path / "a4"), "--format", "html",
                 "--paper", "a4"]) == 0
    assert "size: A4" in (tmp_path / "a4" / "worksheet.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(("row", "doubts", "verdict"), [
    ({}, ([], ["reportedly"]), "more sure"),
    ({}, (["may"], []), "less sure"),
    ({"headline_question": True}, ([], []), "less sure"),
    ({"frame_differs": True}, (["accuses"], ["claim"]), "the same"),
])
def test_headline_key_answers_in_the_students_options(row, doubts, verdict):
    """The key's verdict is one of the options the worksheet asks students to circle."""
    from framing.exercises.kinds_headline import headline_verdict
    from framing.exercises.wording import PROMPTS

    assert headline_verdict(row, doubts) == verdict
    assert verdict in PROMPTS["headline_check"][1]["prompt"]


def test_spot_the_frame_pairs_outlets_that_lead_with_different_frames(lexicons):
    """Money against crime: two outlets' clear top frames differ, so the item builds; the key names each frame."""
    from framing.exercises.lesson import build_lesson

    money = ("The new stadium will cost the city $2 billion, and the budget office warned that taxes and fees "
             "would rise. The mayor said the economy would gain jobs from the project.")
    crime = ("Police arrested two officials in the stadium deal, and prosecutors charged them with fraud. "
             "The suspects face prison if a jury convicts them of the crimes.")
    analyses = [analyze_document(parse_text(text, lexicons, id=name, outlet=name), lexicons)
                for name, text in (("Daily A", money), ("Daily B", crime))]
    model = build_lesson(analyses, {}, lexicons, LessonOptions(kinds=("spot_the_frame",), minutes=45))
    (item,) = model["items"]
    assert item["kind"] == "spot_the_frame"
    frames = [row[2] for row in item["key"]["tables"][0]["rows"]]
    assert sorted(frames) == ["crime and punishment", "money and the economy"]
    assert {term["name"] for term in model["categories"][0]["terms"]} >= set(frames)


def test_spot_the_frame_is_left_out_when_every_outlet_leads_with_one_frame(lexicons):
    from framing.exercises.lesson import build_lesson

    texts = {"Daily A": "Police arrested the mayor, and prosecutors charged him with fraud and other crimes.",
             "Daily B": "Prosecutors charged the mayor with crimes after police arrested him on Friday."}
    analyses = [analyze_document(parse_text(t, lexicons, id=n, outlet=n), lexicons) for n, t in texts.items()]
    model = build_lesson(analyses, {}, lexicons, LessonOptions(kinds=("spot_the_frame",), minutes=45))
    assert model["items"] == [] and [gap["kind"] for gap in model["left_out"]] == ["spot_the_frame"]


def test_exercises_blind_lists_every_masked_mention_and_says_whose_text_names_whose_outlet(lexicons):
    """A teacher found "now a [C's outlet] contributor" in Source B's text described as an outlet citing itself, and
    "confirmed to [outlet]" (the Times' masthead word in its own story) masked but not listed."""
    huff = article(lexicons, "The senator quit on Monday. Jo Roe, now a Fox News contributor, praised him.",
                   id="h-1", outlet="HuffPost")
    times = article(lexicons, "The senator quit on Monday. An aide confirmed to The Times that he left. "
                              "Jo Roe later confirmed to The New York Times that she had called him.",
                    id="t-1", outlet="The New York Times")
    fox = article(lexicons, "The senator quit on Monday. His aide spoke.", id="f-1", outlet="Fox News")
    m = Material([huff, times, fox], {}, lexicons, blind=True)
    shown = [m.body_text(a, *span) for a in (huff, times, fox) for span in a.document.sentences]
    masked = [g for g in m.giveaways if g["masked"]]
    assert len(masked) == sum(text.count("Source ") for text in shown)  # every letter in the text is listed
    assert {(g["article"], g["letter"], g["own"]) for g in masked} == {
        (m.letters["HuffPost"], m.letters["Fox News"], False),
        (m.letters["The New York Times"], m.letters["The New York Times"], True)}
    model = build_lesson([huff, times, fox], {}, lexicons, LessonOptions(kinds=("hedge_hunt",), blind=True))
    key = lesson_text(model, "key")
    assert f"{m.letters['HuffPost']}'s text names the outlet behind {m.letters['Fox News']}" in key
    assert f"{m.letters['The New York Times']} names its own outlet" in key and "cites itself" not in key
