"""Score students' marking sheets against framing: Cohen's kappa, precision and recall per type, at token level.

Every word of every numbered sentence is one decision per type: marked or not.
An *attribution* mark is the source and its reporting verb together, one box
around "officials said", as the worksheet asks; framing's attribution words are
both halves too. So kappa, precision and recall for attributions count the two
together, and two more figures split them: ``source_recall`` and ``verb_recall``,
the share of framing's source words and of its reporting-verb words that the
student's attribution marks cover. A student who boxes only "said" scores a
verb recall of 1 and a source recall of 0, instead of a puzzling recall of 0.5.
A student's marks and framing's spans both become such labels, and agreement is
Cohen's kappa (agreement beyond chance), with precision and recall taking framing
as the reference. That is a convenience, not a verdict: the disagreements listed
(framing marked it and no student did; most students marked it and framing did
not) are the ones worth discussing, and either side can be wrong.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..errors import FramingInputError
from ..fileio import csv_text, output_path, write_atomically
from .annotate import ATTRIBUTION_PARTS, LESSON_FORMAT, MARK_COLUMNS, MARK_TYPES

_TOKEN = re.compile(r"\w+(?:['’.-]\w+)*")
PART_NAMES = tuple(dict.fromkeys(ATTRIBUTION_PARTS.values()))  # ("source", "verb")
RATES = ("kappa", "precision", "recall", *(f"{name}_recall" for name in PART_NAMES))


def cohen_kappa(first: Sequence[int], second: Sequence[int]) -> float | None:
    """Cohen's kappa of two binary labelings; None when chance agreement is total (both constant and equal)."""
    n = len(first)
    if n == 0:
        return None
    observed = sum(a == b for a, b in zip(first, second, strict=True)) / n
    p_first, p_second = sum(first) / n, sum(second) / n
    expected = p_first * p_second + (1 - p_first) * (1 - p_second)
    return None if expected >= 1 else (observed - expected) / (1 - expected)


def tokens(text: str) -> list[tuple[int, int]]:
    return [(t.start(), t.end()) for t in _TOKEN.finditer(text)]


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')).lower()


def read_lesson(path: Path) -> dict[str, Any]:
    try:
        lesson = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FramingInputError(path, "no lesson.json here", "Pass --lesson with the lesson.json written by "
                                "'framing exercises --annotate'") from None
    except (OSError, ValueError) as error:
        raise FramingInputError(path, f"cannot read the lesson ({error})", "Use the lesson.json written with the "
                                "marking sheet") from None
    if not isinstance(lesson, dict) or lesson.get("format") != LESSON_FORMAT:
        raise FramingInputError(path, "is not a framing lesson", "Use the lesson.json written with the marking sheet")
    return lesson


def read_marks(path: Path, lesson: dict[str, Any]) -> list[dict[str, Any]]:
    """Each row of one marking sheet, checked: known columns, a sentence in range, a phrase found in it."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise FramingInputError(path, f"cannot read the marking sheet ({error})", "Save it as UTF-8 CSV") from None
    if not text.strip():
        raise FramingInputError(path, "is empty", f"Fill in the template with the columns {', '.join(MARK_COLUMNS)}")
    reader = csv.DictReader(io.StringIO(text))
    columns = [c.strip().lower() for c in reader.fieldnames or []]
    unknown, missing = sorted(set(columns) - set(MARK_COLUMNS)), sorted(set(MARK_COLUMNS) - set(columns))
    if unknown or missing:
        problem = f"unknown column {', '.join(unknown)}" if unknown else f"missing column {', '.join(missing)}"
        raise FramingInputError(f"{path}: line 1", problem, f"Use exactly the columns {', '.join(MARK_COLUMNS)}")
    sentences = {s["n"]: s for s in lesson["sentences"]}
    marks = []
    for line, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        where = f"{path}: line {line}"
        number = int(row["sentence"]) if row["sentence"].isdigit() else -1
        if number not in sentences:
            raise FramingInputError(where, f"sentence {row['sentence'] or '(empty)'} is out of range",
                                    f"Use a sentence number from 1 to {len(sentences)}")
        kind = row["type"].lower().rstrip("s")
        kind = {"loaded term": "loaded", "loaded word": "loaded"}.get(kind, kind)
        if kind not in MARK_TYPES:
            raise FramingInputError(where, f"unknown type '{row['type']}'", f"Use one of {', '.join(MARK_TYPES)}")
        at = fold(sentences[number]["text"]).find(fold(row["phrase"])) if row["phrase"] else -1
        if at < 0:
            raise FramingInputError(where, f"'{row['phrase']}' is not in sentence {number}",
                                    f"Copy the words exactly as printed in sentence {number}")
        marks.append({"student": row["student"] or path.stem, "sentence": number, "type": kind, "start": at,
                      "end": at + len(fold(row["phrase"])), "text": row["phrase"]})
    return marks


def labels(lesson: dict[str, Any], marks: Sequence[dict[str, Any]], kind: str, part: str | None = None
           ) -> list[int]:
    """One 0/1 per token of the lesson's sentences, in order: does a mark of ``kind`` (and ``part``) cover it?"""
    by_sentence = defaultdict(list)
    for mark in marks:
        if mark["type"] == kind and (part is None or mark.get("part") == part):
            by_sentence[mark["sentence"]].append((mark["start"], mark["end"]))
    return [int(any(s < te and ts < e for s, e in by_sentence[sentence["n"]]))
            for sentence in lesson["sentences"] for ts, te in tokens(sentence["text"])]


def recall(truth: Sequence[int], guess: Sequence[int]) -> float | None:
    """The share of ``truth``'s marked tokens that ``guess`` marks too; None when truth marks none."""
    return sum(a and b for a, b in zip(truth, guess, strict=True)) / sum(truth) if sum(truth) else None


def agreement(truth: Sequence[int], guess: Sequence[int], parts: dict[str, Sequence[int]] | None = None
              ) -> dict[str, Any]:
    """Kappa, precision, recall and token counts; with ``parts`` (attributions), the recall of each part too."""
    both = sum(a and b for a, b in zip(truth, guess, strict=True))
    split = {f"{name}_recall": recall(part, guess) for name, part in (parts or {}).items()}
    return {"kappa": cohen_kappa(truth, guess), "precision": both / sum(guess) if sum(guess) else None,
            "recall": recall(truth, guess), **{f"{name}_recall": None for name in PART_NAMES}, **split,
            "student_tokens": sum(guess), "framing_tokens": sum(truth), "agreed_tokens": both}



def part_labels(lesson: dict[str, Any], kind: str) -> dict[str, list[int]] | None:
    """framing's tokens of each part of an attribution; None for other types and lessons written before parts."""
    if kind != "attribution" or not any("part" in m for m in lesson["marks"] if m["type"] == kind):
        return None
    return {name: labels(lesson, lesson["marks"], kind, name) for name in PART_NAMES}


def score(lesson: dict[str, Any], marks: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Per student and for the class (all students pooled), per type; and the disagreements worth discussing."""
    students = sorted({m["student"] for m in marks})
    rows = []
    for kind in MARK_TYPES:
        truth, parts = labels(lesson, lesson["marks"], kind), part_labels(lesson, kind)
        pooled_truth, pooled_guess = [], []
        for student in students:
            guess = labels(lesson, [m for m in marks if m["student"] == student], kind)
            rows.append({"student": student, "type": kind, **agreement(truth, guess, parts)})
            pooled_truth += truth
            pooled_guess += guess
        pooled_parts = {name: part * len(students) for name, part in parts.items()} if parts else None
        rows.append({"student": "(class)", "type": kind, **agreement(pooled_truth, pooled_guess, pooled_parts)})
    return {"students": students, "rows": rows, "disagreements": disagreements(lesson, marks, students)}


def disagreements(lesson: dict[str, Any], marks: Sequence[dict[str, Any]], students: Sequence[str]
                  ) -> list[dict[str, Any]]:
    found = []
    sentences = {s["n"]: s for s in lesson["sentences"]}
    for span in lesson["marks"]:
        markers = {m["student"] for m in marks if m["type"] == span["type"] and m["sentence"] == span["sentence"]
                   and m["start"] < span["end"] and span["start"] < m["end"]}
        if not markers:
            found.append({"sentence": span["sentence"], "type": span["type"], "words": span["text"],
                          "framing": "marked", "students": 0, "of": len(students),
                          "why": "framing marked it and no student did"})
    for kind in MARK_TYPES:
        for number, sentence in sentences.items():
            spans = [(s["start"], s["end"]) for s in lesson["marks"] if s["type"] == kind and s["sentence"] == number]
            run: list[tuple[int, int]] = []
            for ts, te in [*tokens(sentence["text"]), (-1, -1)]:
                voters = {m["student"] for m in marks if m["type"] == kind and m["sentence"] == number
                          and m["start"] < te and ts < m["end"]}
                framed = any(s < te and ts < e for s, e in spans)
                if ts >= 0 and len(voters) * 2 > len(students) and not framed:
                    run.append((ts, te))
                    continue
                if run:
                    found.append({"sentence": number, "type": kind, "words": sentence["text"][run[0][0]:run[-1][1]],
                                  "framing": "not marked", "students": len(voters_of(marks, kind, number, run)),
                                  "of": len(students), "why": "most students marked it and framing did not"})
                    run = []
    return sorted(found, key=lambda d: (d["sentence"], d["type"], d["words"]))


def voters_of(marks: Sequence[dict[str, Any]], kind: str, number: int, run: Sequence[tuple[int, int]]) -> set[str]:
    return {m["student"] for m in marks if m["type"] == kind and m["sentence"] == number
            and m["start"] < run[-1][1] and run[0][0] < m["end"]}


def number(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def write_scores(paths: Sequence[Path], *, lesson: str | Path | None = None, out_dir: Path | None = None
                 ) -> list[Path]:
    """Read every marking sheet, score them, and write ``scores.html``, ``scores.csv`` and ``disagreements.csv``."""
    from . import render_html

    lesson_path = Path(lesson) if lesson else Path(paths[0]).parent / "lesson.json"
    lesson_data = read_lesson(lesson_path)
    marks = [mark for path in paths for mark in read_marks(Path(path), lesson_data)]
    if not marks:
        raise FramingInputError(paths[0], "holds no marks", "Fill in one row per mark below the header")
    result = score(lesson_data, marks)
    shown = [{**r, **{k: number(r[k]) for k in RATES}} for r in result["rows"]]
    scores_csv = to_csv(["student", "type", *RATES, "student_tokens", "framing_tokens", "agreed_tokens"], shown)
    disagreements_csv = to_csv(["sentence", "type", "words", "framing", "students", "of", "why"],
                               result["disagreements"])
    model = {"title": f"{lesson_data.get('title', 'Lesson')}: marking scores", "result": result,
             "rows": shown,
             "sentences": lesson_data["sentences"]}
    page = render_html(model, "scores", template="exercises_scores.html.j2")
    target = Path(out_dir) if out_dir else lesson_path.parent
    return [write_atomically(output_path(target, name), data) for name, data in
            (("scores.html", page), ("scores.csv", scores_csv), ("disagreements.csv", disagreements_csv))]


def to_csv(columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> str:
    """Students' names and marked words are untrusted: cells are neutralised against CSV injection."""
    return csv_text(columns, rows)
