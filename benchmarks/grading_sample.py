"""Write a random sample of framing's rows from two BASIL events for blind graders.

Usage::

    python benchmarks/grading_sample.py --data /work/shared/datasets/stories/basil_dev.jsonl \\
        --events 5,20 --rows 40 --seed 7 --out /tmp/grading

For each chosen event (1-based position by first appearance of ``triplet_uuid``; the hand
gold's events, 3, 12 and 33, are refused so the grades measure something the gold does not)
it analyzes the three articles exactly as the gold task does and builds the comparison
tables, then writes, per table and evidence type, up to ``--rows`` randomly sampled rows as
``<table>.jsonl`` and ``<table>.md``: each row's id, words, offsets, sentence and the fields to
judge, without the rule that made it. ``definitions.md`` says what counts as correct;
``key_not_for_graders.jsonl`` maps each row id to the rule, score, reason and confidence, to
split the grades afterwards. The files hold article text, so ``--out`` may not be inside the
repository; grades come back as notes with offsets and short phrases only.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the benchmarks package

from benchmarks.evaluation.gold_task import build_article, event_positions
from benchmarks.evaluation.grading import QUESTIONS, Event, Sampled, pooled_rows
from framing.compare import story_tables
from framing.compare.common import WordFolder
from framing.errors import FramingInputError
from framing.lexicons import Lexicons, load_lexicons

REPOSITORY = Path(__file__).resolve().parent.parent
DEFINITIONS = REPOSITORY / "benchmarks" / "data" / "grading_definitions.md"
GOLD_POSITIONS = frozenset({3, 12, 33})  # the hand gold's events (datasets README, stories/gold_dev.jsonl)
KEY_FILE = "key_not_for_graders.jsonl"


def parse_events(value: str) -> list[int]:
    try:
        events = [int(part) for part in value.split(",") if part.strip()]
    except ValueError:
        raise FramingInputError("--events", f"{value!r} is not a list of numbers", "Pass e.g. --events 5,20") from None
    gold = sorted(set(events) & GOLD_POSITIONS)
    if not events or gold:
        raise FramingInputError("--events", f"events {gold or events} are not allowed here",
                                "Choose development events outside the hand gold (3, 12, 33), e.g. 5,20")
    return events


def check_out(out: Path) -> Path:
    """The output folder, refused inside the repository (the files hold publishers' text)."""
    resolved = out.resolve()
    if resolved == REPOSITORY or REPOSITORY in resolved.parents:
        raise FramingInputError(out, "is inside the repository, and the samples hold article text",
                                "Pass --out a folder outside it, e.g. /tmp/grading")
    if resolved.exists() and not resolved.is_dir():
        raise FramingInputError(out, "is a file, not a folder", "Pass --out a folder")
    return resolved


def load_events(data: Path, positions: list[int], lexicons: Lexicons) -> list[Event]:
    """The chosen events' analyses and comparison tables, articles assembled as the gold task does."""
    if not data.is_file():
        raise FramingInputError(data, "dataset file not found", "Pass --data stories/basil_dev.jsonl")
    order, rows = event_positions(data)
    uuid_at = {position: uuid for uuid, position in order.items()}
    events = []
    for position in positions:
        if position not in uuid_at:
            raise FramingInputError("--events", f"there is no event {position} (the file has {len(order)})",
                                    f"Choose positions from 1 to {len(order)}")
        articles = [r for r in rows.values() if r["triplet_uuid"] == uuid_at[position]]
        analyses = tuple(build_article(r, r["source"], lexicons) for r in articles)
        events.append(Event(position, analyses, story_tables(analyses, lexicons, WordFolder(lexicons.stop_words))))
    return events


def sample(rows: list[Sampled], size: int, seed: int, table: str) -> list[Sampled]:
    """Up to ``size`` rows in random order, each given an id that says nothing of how it was made."""
    chosen = random.Random(f"{seed}:{table}").sample(rows, min(size, len(rows)))
    return [Sampled({"id": f"{table}-{n:03d}", **row.shown, "grade": None, "correct": None, "note": ""},
                    {"id": f"{table}-{n:03d}", "table": table, **row.key}) for n, row in enumerate(chosen, 1)]


def markdown(table: str, rows: list[Sampled]) -> str:
    """A grader's sheet: the question, then each row with its context and fields."""
    lines = [f"# {table}", "", f"**Question:** {QUESTIONS[table]}", "",
             "Write per row: grade (right / wrong / unsure), correct (the right value of a wrong field), note.", ""]
    for row in rows:
        shown = row.shown
        lines += [f"## {shown['id']}", ""]
        if "context" not in shown and "article_id" in shown:
            lines.append(f"- {shown['outlet']} {shown['article_id']}")
        for where in shown.get("pair") or shown.get("values") or [shown]:
            if "context" in where:
                lines.append(f"- {where['outlet']} {where['article_id']} {where['start']}-{where['end']}: "
                             f"{where['context']}" + (f" (value {where['value']})" if "value" in where else ""))
        if shown.get("body_sentence"):
            lines.append(f"- body sentence: {shown['body_sentence']}")
        lines += [f"- {name}: {json.dumps(value, ensure_ascii=False)}" for name, value in shown["judge"].items()]
        lines += ["- grade: ____  correct: ____  note: ____", ""]
    return "\n".join(lines)


def jsonl(items: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(item, ensure_ascii=False, default=str) + "\n" for item in items)


def write_samples(events: list[Event], out: Path, size: int, seed: int) -> dict[str, int]:
    """Every table's sample (JSONL and Markdown), the definitions and the key; returns rows per table."""
    pooled = pooled_rows(events)
    out.mkdir(parents=True, exist_ok=True)
    counts, keys = {}, []
    for table in QUESTIONS:
        rows = sample(pooled[table], size, seed, table)
        (out / f"{table}.jsonl").write_text(jsonl([row.shown for row in rows]), encoding="utf-8")
        (out / f"{table}.md").write_text(markdown(table, rows), encoding="utf-8")
        keys += [row.key for row in rows]
        counts[table] = len(rows)
        counts[f"{table}_available"] = len(pooled[table])
    shutil.copyfile(DEFINITIONS, out / "definitions.md")
    (out / KEY_FILE).write_text(jsonl(keys), encoding="utf-8")
    summary = {"events": [e.position for e in events], "seed": seed, "rows_per_table": size, "counts": counts}
    (out / "manifest.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True, type=Path, help="stories/basil_dev.jsonl of the datasets folder")
    parser.add_argument("--events", default="5,20", help="1-based event positions, comma-separated (not 3, 12, 33)")
    parser.add_argument("--rows", type=int, default=40, help="rows sampled per table (at most)")
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--out", required=True, type=Path, help="output folder, outside the repository")
    args = parser.parse_args(argv)
    try:
        out = check_out(args.out)
        events = load_events(args.data, parse_events(args.events), load_lexicons())
        counts = write_samples(events, out, args.rows, args.seed)
    except FramingInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for table in QUESTIONS:
        print(f"{table:14} {counts[table]:3} rows of {counts[f'{table}_available']:4}  {out / (table + '.jsonl')}")
    print(f"definitions: {out / 'definitions.md'}; key (not for graders): {out / KEY_FILE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
