"""Exercises built from the analysis: every kind from a second, invented story; no answers or names leak."""

from __future__ import annotations

import html
import re

import pytest
from exercises_story import COUNCIL_DIR, NAME_FORMS

from framing.analysis import analyze
from framing.compare import build_comparison
from framing.errors import FramingInputError
from framing.exercises import KINDS, LessonOptions, parse_kinds, render_html
from framing.exercises.lesson import TABLES_READ, build_lesson, needs_comparison
from framing.exercises.material import Material, name_variants


@pytest.fixture(scope="module")
def council(lexicons):
    analyses = analyze([COUNCIL_DIR], lexicons=lexicons)
    return analyses, build_comparison(analyses, lexicons=lexicons)


def lesson(council, lexicons, **options):
    analyses, tables = council
    return build_lesson(analyses, tables, lexicons, LessonOptions(**options))


def visible_text(page: str) -> str:
    """What a reader sees (and a screen reader reads): text and the attributes that are announced."""
    labels = " ".join(re.findall(r'(?:aria-label|title|alt)="([^"]*)"', page))
    return html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", " ", page, flags=re.S)) + labels)


def test_exercises_every_kind_builds_for_a_second_story(council, lexicons):
    model = lesson(council, lexicons, items=14)
    kinds = [item["kind"] for item in model["items"]]
    assert set(kinds) == set(KINDS)
    assert model["left_out"] == []
    assert len(kinds) == 14
    for item in model["items"]:
        assert item["passages"] and all(p["sentences"] for p in item["passages"])
        assert any(t["rows"] for t in item["key"]["tables"]), item["kind"]


def test_exercises_items_and_kinds_choose_what_is_built(council, lexicons):
    model = lesson(council, lexicons, kinds=("hedge_hunt", "rewrite_neutrally"), items=3)
    assert [item["kind"] for item in model["items"]] == ["hedge_hunt", "hedge_hunt", "rewrite_neutrally"]
    assert [item["number"] for item in model["items"]] == [1, 2, 3]


@pytest.mark.parametrize("kind", KINDS)
def test_exercises_each_kind_reads_only_the_tables_it_declares(council, lexicons, kind):
    """TABLES_READ lets a lesson skip the comparison: a kind given only its declared tables builds the same items."""
    analyses, tables = council
    declared = {name: tables[name] for name in TABLES_READ.get(kind, ())}
    options = LessonOptions(kinds=(kind,), items=2, blind=True)
    assert build_lesson(analyses, declared, lexicons, options) == build_lesson(analyses, tables, lexicons, options)
    assert needs_comparison((kind,)) == bool(declared)


def test_exercises_unknown_kind_is_a_one_line_error():
    with pytest.raises(FramingInputError) as error:
        parse_kinds("hedge_hunt,quizz")
    assert "quizz" in str(error.value) and "name_that_label" in str(error.value)
    assert parse_kinds("hedge-hunt") == ("hedge_hunt",)


def test_exercises_kind_without_material_is_left_out_and_the_key_says_why(lexicons, analyze_text):
    one = [analyze_text("The mayor may resign, officials said. It is about 40 days away. Critics could object.")]
    model = build_lesson(one, build_comparison(one, lexicons=lexicons), lexicons, LessonOptions())
    left_out = {gap["kind"]: gap["reason"] for gap in model["left_out"]}
    assert "name_that_label" in left_out and "same_fact" in left_out
    assert all(item["kind"] not in left_out for item in model["items"])
    key = visible_text(render_html(model, "key"))
    assert left_out["name_that_label"] in key
    assert "Name that label" not in visible_text(render_html(model, "worksheet"))


def test_exercises_no_answer_leaks_into_the_worksheet(council, lexicons):
    model = lesson(council, lexicons, items=14)
    page = render_html(model, "worksheet")
    text = visible_text(page).lower()
    assert "answer" not in text and "key" not in re.findall(r"\w+", text)
    assert "hl-" not in page and "data-span" not in page and "<mark" not in page  # no span marked
    for item in model["items"]:
        for table in item["key"]["tables"]:
            for row in table["rows"]:
                assert row[-1] not in page or not row[-1].count(":")  # no article_id:start-end
        for note in item["key"]["notes"]:
            assert note.lower() not in text
    # The labels' key (which label fills which gap) is not next to its gap.
    label_item = next(i for i in model["items"] if i["kind"] == "name_that_label")
    for row in label_item["key"]["tables"][0]["rows"]:
        assert f"[gap {row[0]}]" in text
        assert f"[gap {row[0]}] {row[2].split('. ', 1)[1].lower()}" not in text


def test_exercises_blind_masks_outlet_names_everywhere_but_cited_sources(council, lexicons):
    model = lesson(council, lexicons, items=14, blind=True)
    worksheet = visible_text(render_html(model, "worksheet"))
    cited = {g["sentence"] for g in model["giveaways"]}
    for sentence in re.split(r"(?<=[.!?”])\s+", worksheet):
        for name in NAME_FORMS:
            if re.search(re.escape(name), sentence, re.I):
                assert any(name.lower() in c.lower() and c in worksheet for c in cited), sentence
    assert "Source A" in worksheet
    key = visible_text(render_html(model, "key"))
    assert all(f"{row['letter']} {row['outlet']}" in re.sub(r"\s+", " ", key) for row in model["letters"])


def test_exercises_blind_keeps_a_cited_outlet_and_the_key_points_it_out(council, lexicons):
    analyses, tables = council
    m = Material(analyses, tables, lexicons, blind=True)
    gazette = next(a for a in analyses if a.document.outlet == "Riverside Gazette")
    text = gazette.document.text
    told = text.index("told the Riverside Gazette")
    sentence = m.sentence_at(gazette, told)["text"]
    assert "told the Riverside Gazette" in sentence
    assert m.giveaways and m.giveaways[0]["where"].startswith("council-1:")
    dateline = text.index("RIVERSIDE (")
    assert "Riverside Gazette" not in m.body_text(gazette, dateline, dateline + 40)
    sign_off = text.rindex("Follow the Riverside Gazette")
    assert "Riverside Gazette" not in m.body_text(gazette, sign_off, len(text))
    assert "Riverside Gazette" not in m.mask(gazette.document.title)
    assert set(name_variants("The Riverside Gazette")) >= {"Riverside Gazette", "theriversidegazette"}


def test_exercises_instructions_fit_the_grade_and_hard_passages_are_flagged(council, lexicons):
    young = lesson(council, lexicons, grade="6")
    older = lesson(council, lexicons, grade="college")
    words = [len(re.findall(r"\w+", i["instructions"])) / max(1, i["instructions"].count(".")) for i in young["items"]]
    old_words = [len(re.findall(r"\w+", i["instructions"])) / max(1, i["instructions"].count("."))
                 for i in older["items"]]
    assert sum(words) / len(words) < sum(old_words) / len(old_words)  # shorter sentences for grade 6
    flagged = [i["number"] for i in young["items"] if any(p["above_grade"] for p in i["passages"])]
    assert young["above_grade"] == flagged and flagged
    assert all(p["grade"] > 7 for n in flagged for p in young["items"][n - 1]["passages"] if p["above_grade"])
    assert "Flesch–Kincaid" in visible_text(render_html(young, "key"))


def test_exercises_same_seed_same_model_other_seed_other_order(council, lexicons):
    first = lesson(council, lexicons, seed=3, blind=True)
    assert render_html(first, "worksheet") == render_html(lesson(council, lexicons, seed=3, blind=True), "worksheet")
    others = [render_html(lesson(council, lexicons, seed=s, blind=True), "worksheet") for s in range(4, 9)]
    assert any(page != render_html(first, "worksheet") for page in others)


def test_exercises_rewrite_key_scores_the_suggested_rewrite(council, lexicons):
    item = next(i for i in lesson(council, lexicons)["items"] if i["kind"] == "rewrite_neutrally")
    scores = {row[0]: (int(row[1]), int(row[2])) for row in item["key"]["tables"][1]["rows"]}
    assert scores["Loaded terms"][0] >= 1
    assert scores["Loaded terms"][1] <= scores["Loaded terms"][0]


def test_exercises_blind_masks_an_outlet_given_by_id_where_its_text_spells_it_out(lexicons):
    """A corpus names outlets "fox" and "nyt"; their articles say "Fox News" and "The New York Times"."""
    from framing.analysis import analyze_document
    from framing.corpus import parse_text

    texts = {
        "fox": "Fox News obtained a letter from the mayor on Monday. The council may vote next week.",
        "nyt": "The New York Times reviewed the budget. Officials said the vote could slip to March.",
    }
    analyses = [analyze_document(parse_text(text, lexicons, id=f"{outlet}-1", outlet=outlet), lexicons)
                for outlet, text in texts.items()]
    m = Material(analyses, {}, lexicons, blind=True)
    fox, nyt = analyses
    fox_sentence = m.sentence_at(fox, 0)["text"]
    assert fox_sentence.startswith(f"{m.letters['fox']} obtained a letter"), fox_sentence
    nyt_sentence = m.sentence_at(nyt, 0)["text"]
    assert nyt_sentence.startswith(f"{m.letters['nyt']} reviewed"), nyt_sentence
    assert "News" not in fox_sentence and "Times" not in nyt_sentence
    assert name_variants("times", ["the new york times"]) == ["times"]  # another outlet's name is left alone


def test_exercises_key_tells_apart_one_source_cited_by_two_verbs(lexicons):
    from framing.analysis import analyze_document
    from framing.corpus import parse_text
    from framing.exercises.kinds_text import speaks_item

    text = ("Mayor Ruiz blamed the council for the delay, saying the budget arrived late, and on Monday she "
            "dismissed the audit, saying: “The numbers are fine.”")
    analysis = analyze_document(parse_text(text, lexicons, id="city-1", outlet="Ledger"), lexicons)
    item = speaks_item(Material([analysis], {}, lexicons), ("Ledger",))
    rows = next(t for t in item["key"]["tables"] if t["caption"] == "Each source cited")["rows"]
    saying = [row for row in rows if row[4] == "saying"]
    assert len(saying) == 2, rows
    assert len({row[5] for row in saying}) == 2
    assert all(re.fullmatch(r"city-1:\d+-\d+, verb \d+-\d+", row[5]) for row in saying)
