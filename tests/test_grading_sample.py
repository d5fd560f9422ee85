"""Blind-grading samples (benchmarks/grading_sample.py) on a made-up three-outlet event.

The articles are short texts written for this test; no dataset is read.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks.evaluation.grading import HIDDEN_ROW_KEYS, HIDDEN_SPAN_KEYS, QUESTIONS, context
from benchmarks.grading_sample import KEY_FILE, REPOSITORY, check_out, load_events, main, parse_events, write_samples
from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.lexicons import load_lexicons

PARAGRAPHS = {
    "fox": [["Senator Jane Roe slammed the budget deal on Monday, calling it a disaster for 40 million families."],
            ["\"This deal will hurt working people for years,\" Roe said.", "Critics may disagree."]],
    "nyt": [["Senator Jane Roe criticized the budget deal on Monday, saying it would hurt 45 million families."],
            ["The deal probably passes next week, analysts said."]],
    "hpo": [["The budget deal drew fire from Senator Jane Roe on Monday."],
            ["\"We will fight this deal with everything we have,\" Roe told reporters."]],
}


def write_basil(folder: Path, events: int = 5) -> Path:
    """``events`` copies of the made-up event (so positions 1..events exist), BASIL's fields only."""
    rows = [{"id": f"ev{e}_{n}", "source": outlet, "title": f"Budget deal {outlet}", "triplet_uuid": f"ev{e}",
             "paragraphs": paragraphs} for e in range(1, events + 1)
            for n, (outlet, paragraphs) in enumerate(PARAGRAPHS.items(), 1)]
    path = folder / "basil_dev.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_events_of_the_gold_and_outputs_inside_the_repository_are_refused(tmp_path: Path) -> None:
    assert parse_events("5,20") == [5, 20]
    with pytest.raises(FramingInputError, match="not allowed"):
        parse_events("5,12")
    with pytest.raises(FramingInputError, match="inside the repository"):
        check_out(REPOSITORY / "benchmarks" / "grading")
    assert check_out(tmp_path / "out") == (tmp_path / "out").resolve()


def test_context_marks_the_words_and_the_source() -> None:
    text = "Roe said the deal fails. Nobody else spoke."
    doc = parse_text(text, load_lexicons())
    shown = context(doc, 4, 8, (0, 3))
    assert shown == "⟪Roe⟫ ⟦said⟧ the deal fails."


def test_samples_hide_how_each_row_was_made_and_key_keeps_it(tmp_path: Path) -> None:
    data = write_basil(tmp_path)
    events = load_events(data, [2, 4], load_lexicons())
    counts = write_samples(events, tmp_path / "out", 3, seed=1)
    out = tmp_path / "out"
    # "note" is the grader's (left empty) and a label row's "label" is what the grader judges.
    hidden = (set(HIDDEN_SPAN_KEYS) | set(HIDDEN_ROW_KEYS)) - {"note", "label"}
    shown_ids = []
    for table in QUESTIONS:
        rows = [json.loads(line) for line in (out / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()]
        assert len(rows) == counts[table] == min(3, counts[f"{table}_available"])
        for row in rows:
            assert not hidden & (set(row) | set(row["judge"])), row
            assert row["grade"] is None and row["note"] == ""
            if "context" in row:
                marked = row["context"].split("⟦", 1)[1].split("⟧", 1)[0]
                assert " ".join(row["text"].split()) == marked
            shown_ids.append(row["id"])
    assert counts["hedges"] and counts["quotes"] and counts["attribution"]
    keys = [json.loads(line) for line in (out / KEY_FILE).read_text(encoding="utf-8").splitlines()]
    assert [k["id"] for k in keys] == shown_ids
    assert (out / "definitions.md").read_text(encoding="utf-8").startswith("# Grading")


def test_the_script_exits_2_with_one_line_on_a_missing_file(tmp_path: Path, capsys) -> None:
    assert main(["--data", str(tmp_path / "none.jsonl"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err.count("\n") == 1


def test_a_label_row_shows_a_use_written_as_its_label(tmp_path: Path) -> None:
    from benchmarks.evaluation.grading import label_rows

    paragraphs = [["Roe’s plan failed on Monday.", "Roe said it would return.", "Roe spoke again."]]
    rows = [{"id": f"ev1_{n}", "source": outlet, "title": "Plan", "triplet_uuid": "ev1", "paragraphs": paragraphs}
            for n, outlet in enumerate(("fox", "nyt", "hpo"), 1)]
    data = tmp_path / "basil_dev.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    sampled = label_rows(load_events(data, [1], load_lexicons())[0])
    roe = [row.shown for row in sampled if row.shown["judge"]["label"] == "Roe"]
    assert roe and all(row["text"] == "Roe" for row in roe)
