"""The exercise files from the command line: byte-identical rebuilds, extractable PDFs, bad input, check and score."""

from __future__ import annotations

import io
import json
import re

import pytest
from exercises_story import COUNCIL_DIR

from framing.cli import main
from framing.exercises.score import cohen_kappa, read_lesson, read_marks, score

FILES = ("handout.html", "handout.pdf", "worksheet.html", "answer-key.html", "worksheet.pdf", "answer-key.pdf")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The council story built twice with the same seed (HTML and PDF), and once as an annotate-first lesson."""
    runs = []
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", "1767225600")
        for name in ("first", "second"):
            out = tmp_path_factory.mktemp(name)
            assert main(["exercises", str(COUNCIL_DIR), "-o", str(out), "--blind", "--seed", "7",
                         "--paper", "letter"]) == 0
            runs.append(out)
    annotated = tmp_path_factory.mktemp("annotate")
    assert main(["exercises", str(COUNCIL_DIR), "--annotate", "--format", "html", "-o", str(annotated)]) == 0
    return runs, annotated


def test_exercises_same_seed_gives_byte_identical_files(built):
    (first, second), _ = built
    for name in FILES:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


def test_exercises_pdf_text_is_extractable_and_holds_no_answers(built):
    import pypdf

    first = built[0][0]
    worksheet = pypdf.PdfReader(io.BytesIO((first / "worksheet.pdf").read_bytes()))
    key = pypdf.PdfReader(io.BytesIO((first / "answer-key.pdf").read_bytes()))
    sheet_text = " ".join(page.extract_text() for page in worksheet.pages)
    key_text = " ".join(page.extract_text() for page in key.pages)
    titles = re.findall(r'<h2 id="item-\d+-h">\d+\. ([^<]+?) <span', (first / "worksheet.html").read_text("utf-8"))
    assert titles and all(title.replace("&#39;", "'") in sheet_text for title in titles)
    assert "answer" not in sheet_text.lower() and "Riverside Gazette" not in sheet_text
    assert "Teacher's guide" in key_text and "Riverside Gazette" in key_text
    assert float(worksheet.pages[0].mediabox.height) == pytest.approx(792, abs=1)  # Letter, as asked
    first, second = (key.pages[n].extract_text() for n in (0, 1))
    assert "innocent use of a word" in first and "Points and rubric" in second  # the guide fits page 1 on Letter
    assert len(worksheet.pages) <= 4 and len(key.pages) <= 6  # items flow on; the key stays short


def test_exercises_letter_footer_sheet_is_letter_sized(built):
    """The running footer is a sheet drawn under each page: it must be the page's size, not A4's."""
    import pypdf

    for name in ("handout.pdf", "worksheet.pdf", "answer-key.pdf"):
        page = pypdf.PdfReader(built[0][0] / name).pages[0]
        form = page["/Resources"]["/XObject"]["/FramingFooter1"].get_object()
        assert [float(v) for v in form["/BBox"]] == pytest.approx([float(v) for v in page.mediabox], abs=0.01)


def test_exercises_letter_footer_is_centred_on_the_page(built, footer_centres):
    """On Letter the page number sat 3 mm left of centre when the footer was laid out for A4."""
    import pypdf

    for name in ("handout.pdf", "worksheet.pdf", "answer-key.pdf"):
        centres = footer_centres(built[0][0] / name)
        assert len(centres) == len(pypdf.PdfReader(built[0][0] / name).pages), name  # one per page
        for width, centre in centres:
            assert width == pytest.approx(612, abs=0.5)  # Letter: 8.5 in
            assert centre == pytest.approx(width / 2, abs=1.0), name  # 1 pt = 0.35 mm


@pytest.mark.parametrize(("argv", "message"), [
    (["--kinds", "hedge_hunt,spelling"], "--kinds: unknown kind spelling"),
    (["--grade", "3"], "--grade: unknown grade 3"),
    (["--paper", "a3"], "--paper: unknown paper size a3"),
    (["--format", "docx"], "--format: unknown format docx"),
])
def test_exercises_bad_options_are_one_line_errors_and_write_nothing(tmp_path, capsys, argv, message):
    out = tmp_path / "out"
    assert main(["exercises", str(COUNCIL_DIR), "-o", str(out), *argv]) == 2
    error = capsys.readouterr().err
    assert error.startswith("framing: error: ") and message in error and error.count("\n") == 1
    assert not out.exists()


def test_exercises_check_reports_loaded_terms_hedges_and_attributions(capsys):
    original = "The regime may have slammed the critics, officials said."
    assert main(["exercises", "check", original, "The government may have criticised the critics."]) == 0
    report = capsys.readouterr().out
    assert "Loaded terms: 2 before, 0 after" in report
    assert "Hedges kept: may; dropped: none" in report
    assert "Attributions kept: none; dropped: said" in report
    assert "no longer learns who said it" in report


@pytest.mark.parametrize(("original", "rewrite", "changed", "verdict"), [
    ("Officials said the strike killed 80 people.", "Officials claimed the strike killed 80 people.",
     "said → claimed (officials; stance neutral → distancing)", "now casts doubt on what the source says"),
    ("The minister admitted the plan failed.", "The minister said the plan failed.",
     "admitted → said (the minister; stance concessive → neutral)", "attributions kept"),
    ("Officials said the strike killed 80 people.", "Officials criticised the strike, which killed 80 people.",
     "said → criticised (officials; stance neutral → accusatory)", "now presents it as an attack on someone"),
    ("Officials said the plan failed.", "Critics claimed the plan failed.",
     "said → claimed (officials → critics; stance neutral → distancing)", "casts doubt"),
])
def test_exercises_check_reports_a_swapped_reporting_verb_as_changed(capsys, original, rewrite, changed, verdict):
    """A verb replaced by another is one changed attribution with its stances, not one dropped and one added."""
    assert main(["exercises", "check", original, rewrite]) == 0
    report = capsys.readouterr().out
    assert f"Attributions changed: {changed}\n" in report
    assert "Attributions kept: none; dropped: none; added: none" in report
    assert "no longer learns who said it" not in report
    assert verdict in report.rsplit("Verdict:", 1)[1]


def test_exercises_check_keeps_a_dropped_attribution_dropped(lexicons):
    from framing.exercises.check import check_rewrite

    result = check_rewrite("Officials said the plan failed.", "The plan failed.", lexicons)["attribution"]
    assert (result["dropped"], result["added"], result["changed"]) == (["said"], [], [])
    same = check_rewrite("Officials said the plan failed.", "The plan failed, officials said.", lexicons)
    assert (same["attribution"]["kept"], same["attribution"]["changed"]) == (["said"], [])


def test_exercises_score_splits_attribution_recall_into_source_and_verb():
    """One attribution mark covers "officials said"; a student who boxes only the verb found the verb only."""
    sentence = "Officials said the plan failed."
    mark = {"sentence": 1, "type": "attribution"}
    framing_marks = [{**mark, "start": 0, "end": 9, "text": "Officials", "part": "source"},
                     {**mark, "start": 10, "end": 14, "text": "said", "part": "verb"}]
    lesson = {"sentences": [{"n": 1, "text": sentence}], "marks": framing_marks}
    student = [{**mark, "student": "ana", "start": 10, "end": 14, "text": "said"},
               {**mark, "student": "ben", "start": 0, "end": 14, "text": "Officials said"}]
    rows = {(r["student"], r["type"]): r for r in score(lesson, student)["rows"]}
    ana, ben, both = rows["ana", "attribution"], rows["ben", "attribution"], rows["(class)", "attribution"]
    assert (ana["recall"], ana["source_recall"], ana["verb_recall"]) == (0.5, 0.0, 1.0)
    assert (ben["recall"], ben["source_recall"], ben["verb_recall"]) == (1.0, 1.0, 1.0)
    assert (both["source_recall"], both["verb_recall"]) == (0.5, 1.0)
    assert rows["ana", "hedge"]["source_recall"] is None  # only attributions have parts
    old_lesson = {**lesson, "marks": [{k: v for k, v in m.items() if k != "part"} for m in framing_marks]}
    assert next(r for r in score(old_lesson, student)["rows"] if r["type"] == "attribution")["verb_recall"] is None


def test_exercises_kappa_equals_sklearn_on_hand_made_marks():
    from sklearn.metrics import cohen_kappa_score

    cases = [([1, 0, 0, 1, 1, 0, 0, 0], [1, 0, 1, 1, 0, 0, 0, 0]), ([0, 0, 1, 1], [1, 1, 0, 0]),
             ([1, 1, 1, 0, 0, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0, 0, 0, 0, 1])]
    for first, second in cases:
        assert cohen_kappa(first, second) == pytest.approx(cohen_kappa_score(first, second))
    assert cohen_kappa([0, 0, 0], [0, 0, 0]) is None  # chance agreement is total: kappa is undefined


def marks_file(folder, rows, header="student,sentence,phrase,type"):
    path = folder / "marks.csv"
    path.write_text(header + "\n" + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_exercises_score_agreement_per_student_and_class(built, tmp_path):
    from sklearn.metrics import cohen_kappa_score

    from framing.exercises.score import labels

    annotated = built[1]
    lesson = read_lesson(annotated / "lesson.json")
    hedge = next(m for m in lesson["marks"] if m["type"] == "hedge")
    loaded = next(m for m in lesson["marks"] if m["type"] == "loaded")
    sentence = lesson["sentences"][hedge["sentence"] - 1]["text"]
    extra = next(w for w in sentence.split() if w.isalpha() and w not in hedge["text"] and len(w) > 3)
    path = marks_file(tmp_path, [f"ana,{hedge['sentence']},{hedge['text']},hedge",
                                 f"ana,{hedge['sentence']},{extra},hedge",
                                 f"ben,{loaded['sentence']},{loaded['text']},loaded",
                                 f"cem,{hedge['sentence']},{extra},hedge"])
    marks = read_marks(path, lesson)
    result = score(lesson, marks)
    row = next(r for r in result["rows"] if r["student"] == "ana" and r["type"] == "hedge")
    truth = labels(lesson, lesson["marks"], "hedge")
    guess = labels(lesson, [m for m in marks if m["student"] == "ana"], "hedge")
    assert row["kappa"] == pytest.approx(cohen_kappa_score(truth, guess))
    assert row["precision"] == pytest.approx(row["agreed_tokens"] / row["student_tokens"])
    class_row = next(r for r in result["rows"] if r["student"] == "(class)" and r["type"] == "hedge")
    assert class_row["framing_tokens"] == 3 * row["framing_tokens"]
    words = {(d["words"], d["why"]) for d in result["disagreements"]}
    assert (extra, "most students marked it and framing did not") in words
    unmarked = next(m for m in lesson["marks"] if m["type"] == "attribution")
    assert (unmarked["text"], "framing marked it and no student did") in words
    assert main(["exercises", "score", str(path), "--lesson", str(annotated / "lesson.json"),
                 "-o", str(tmp_path / "scores")]) == 0
    assert (tmp_path / "scores" / "scores.csv").read_text().startswith("student,type,kappa")
    assert "Worth discussing" in (tmp_path / "scores" / "scores.html").read_text()


@pytest.mark.parametrize(("rows", "header", "message"), [
    ([], "", "is empty"),
    (["ana,1,x,hedge"], "student,sentence,phrase,type,grade", "line 1: unknown column grade"),
    (["ana,999,may,hedge"], "student,sentence,phrase,type", "line 2: sentence 999 is out of range"),
    (["ana,1,zzzz qqqq,hedge"], "student,sentence,phrase,type", "line 2: 'zzzz qqqq' is not in sentence 1"),
    (["ana,1,the,spin"], "student,sentence,phrase,type", "line 2: unknown type 'spin'"),
])
def test_exercises_bad_marking_sheets_are_one_line_errors(built, tmp_path, capsys, rows, header, message):
    path = tmp_path / "marks.csv"
    path.write_text((header + "\n" if header else "") + "".join(r + "\n" for r in rows), encoding="utf-8")
    assert main(["exercises", "score", str(path), "--lesson", str(built[1] / "lesson.json"),
                 "-o", str(tmp_path / "out")]) == 2
    error = capsys.readouterr().err
    assert f"{path}" in error and message in error and error.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_exercises_annotate_writes_a_marking_template_and_the_lesson(built):
    annotated = built[1]
    assert (annotated / "marking-sheet.csv").read_text() == "student,sentence,phrase,type\n"
    lesson = json.loads((annotated / "lesson.json").read_text())
    texts = {s["n"]: s["text"] for s in lesson["sentences"]}
    assert lesson["marks"] and all(texts[m["sentence"]][m["start"]:m["end"]] == m["text"] for m in lesson["marks"])
    attributions = [m for m in lesson["marks"] if m["type"] == "attribution"]
    assert attributions and {m["part"] for m in attributions} == {"source", "verb"}
    worksheet = (annotated / "worksheet.html").read_text()
    assert "marking sheet" in worksheet and "answer" not in worksheet.lower()


def test_exercises_use_the_corpus_story_pack(tmp_path, monkeypatch):
    """With no PATH the lesson is built on the seeds with their story pack, as analyze and compare are."""
    import framing.exercises as exercises_module

    seen = {}

    def capture(paths, lexicons, output_dir, **kwargs):
        seen["files"] = lexicons["voice_roles"].files
        return []

    monkeypatch.setattr(exercises_module, "write_exercises", capture)
    assert main(["exercises", "-o", str(tmp_path), "--format", "html"]) == 0
    assert any("seeds" in file and "lexicons" in file for file in seen["files"])


@pytest.mark.parametrize(
    ("original", "rewrite", "line", "expected"),
    [
        pytest.param("Sen. Ana Ruiz of Ohio said the mill closed in 2016.", "Ruiz talked about a mill.",
                     "Facts dropped", "2016 (date), ohio (name)", id="dropped-name-and-year"),
        pytest.param("Officials said 40 people died on Monday.", "Officials said 45 people died on Monday.",
                     "Facts changed", "40 → 45", id="changed-number"),
        pytest.param("The council did not approve the plan.", "The council approved the plan.",
                     "Facts dropped", "not (negation)", id="dropped-negation"),
        pytest.param("The council approved the plan.", "The council approved the plan on Friday in Leeds.",
                     "Facts added", "friday (date), leeds (name)", id="added-claim"),
        pytest.param("Sen. Ana Ruiz said the mill closed.", "Ruiz said the mill closed.",
                     "Facts dropped", "none", id="surname-keeps-the-person"),
    ],
)
def test_exercises_check_says_which_facts_a_rewrite_dropped_changed_or_added(capsys, original, rewrite, line,
                                                                             expected):
    assert main(["exercises", "check", original, rewrite]) == 0
    out = capsys.readouterr().out
    assert f"{line}: {expected}\n" in out
    assert ("a fact was dropped or changed" in out) == (line in ("Facts dropped", "Facts changed")
                                                        and expected != "none")


def test_exercises_check_catches_loaded_words_of_the_full_lexicon(capsys):
    """"infamous" is only in the research-use set, which the default lexicons leave out; the checker reads it."""
    assert main(["exercises", "check", "The infamous plan failed.", "The plan failed."]) == 0
    assert "Loaded terms removed: infamous\n" in capsys.readouterr().out


def test_exercises_check_does_not_count_a_hedge_in_a_commentary_aside(parse):
    from framing.exercises.check_facts import commentary_hedges

    doc = parse("The bill, as many have come to expect, will probably fail. Analysts expect it to fail.")
    aside = doc.text.index("expect")
    outside = doc.text.index("probably")
    named = doc.text.index("expect it")
    assert commentary_hedges(doc, [aside, outside, named]) == {aside}


def test_exercises_with_no_sound_item_say_so_on_the_worksheet_and_stderr(tmp_path, capsys):
    """Two plain one-line articles give no item: the worksheet says it has none, and the teacher is told."""
    story = tmp_path / "story"
    story.mkdir()
    (story / "a.txt").write_text("The council met on Monday.\n\nIt adjourned at noon.\n", encoding="utf-8")
    (story / "b.txt").write_text("The library opened a wing.\n\nVisitors came in the afternoon.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["exercises", str(story), "-o", str(out), "--format", "html"]) == 0
    worksheet = (out / "worksheet.html").read_text(encoding="utf-8")
    key = (out / "answer-key.html").read_text(encoding="utf-8")
    assert "points in all" not in worksheet
    # the key says so plainly with the reasons; the students' worksheet in plain words, with no tool talk
    assert "Nothing to print for this event" in key and "framing is sure who speaks in fewer than three" in key
    assert "This worksheet has no exercises" in worksheet
    for jargon in ("framing", "--kinds", "manifest", "lexicon"):
        assert jargon not in worksheet.split("<body", 1)[1], jargon
    for page in (worksheet, key):  # nothing about items that do not exist
        for boilerplate in ("first item", "items in order", "Check answers", " min ", "Rubric", "Timing ("):
            assert boilerplate not in page, boilerplate
    assert "no exercise item passed the checks" in capsys.readouterr().err
