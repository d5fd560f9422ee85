"""Headline framing on real story triplets: how many headlines differ, and by which elements.

Usage::

    python benchmarks/headlines.py --data /work/shared/datasets/stories [--split dev] [--event N] [--all-tables]

Reads ``basil_<split>.jsonl`` (BASIL, Fan et al. 2019: one story covered by Fox News, the New
York Times and HuffPost per ``triplet_uuid``), builds one framing corpus per story in memory
(text = sentences joined with spaces, paragraphs with blank lines; outlet = source) and runs
the headline comparison (:func:`framing.compare.headlines.build_headlines`) on each story's
three articles. It prints how many headlines and stories are flagged ``frame_differs``, how
often each element kind is added or omitted against the other headlines or added against
the body, and the table of one story (``--event``) as short phrases. The data is never
copied into the repository, and the tests never run this.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from framing.analysis import ArticleAnalysis, analyze_document
from framing.compare.common import WordFolder
from framing.compare.headlines import build_headlines
from framing.corpus import RawArticle, parse_document
from framing.lexicons import Lexicons, load_lexicons


def load_events(path: Path) -> dict[str, list[dict]]:
    events: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                row = json.loads(line)
                events[row["triplet_uuid"]].append(row)
    return dict(events)


def analyze_event(rows: list[dict], lexicons: Lexicons) -> list[ArticleAnalysis]:
    analyses = []
    for row in sorted(rows, key=lambda r: r["source"].lower()):
        text = "\n\n".join(" ".join(sentences) for sentences in row["paragraphs"])
        article = RawArticle(id=str(row["id"]), text=text, path="", outlet=row["source"].lower(), title=row["title"])
        analyses.append(analyze_document(parse_document(article, lexicons), lexicons))
    return analyses


def short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_table(frame, out=sys.stdout) -> None:
    for row in frame.itertuples():
        print(f"- {row.outlet}: {short(row.headline, 90)}", file=out)
        elements = ", ".join(f"{e['kind']}:{e['text']}" for e in row.elements)
        print(f"    elements: {elements}", file=out)
        print(f"    frame differs: {'yes' if row.frame_differs else 'no'}; {short(row.reason, 400)}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="folder holding basil_<split>.jsonl")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--event", type=int, default=0, help="index of the story whose table is printed")
    parser.add_argument("--all-tables", action="store_true", help="print every story's table")
    args = parser.parse_args(argv)
    path = args.data / f"basil_{args.split}.jsonl"
    if not path.is_file():
        print(f"{path}: no such file; pass --data the folder that holds it", file=sys.stderr)
        return 2
    lexicons = load_lexicons()
    events = load_events(path)
    columns = ("adds_vs_others", "omits_vs_others", "adds_vs_body")
    kinds: dict[str, Counter[str]] = {column: Counter() for column in columns}
    flagged = headlines = events_flagged = asserts = 0
    for index, rows in enumerate(events.values()):
        analyses = analyze_event(rows, lexicons)
        frame = build_headlines(analyses, lexicons, WordFolder(lexicons.stop_words))
        headlines += len(frame)
        flagged += int(frame["frame_differs"].sum())
        asserts += int(frame["asserts_what_body_hedges"].sum())
        events_flagged += bool(frame["frame_differs"].any())
        for column, counter in kinds.items():
            for cells in frame[column]:
                counter.update({cell["kind"] for cell in cells})
        if args.all_tables or index == args.event:
            print(f"\n## story {index} ({len(frame)} headlines)")
            print_table(frame)
    print(f"\n{len(events)} stories, {headlines} headlines")
    print(f"headlines flagged frame_differs: {flagged} ({flagged / max(headlines, 1):.0%})")
    print(f"stories with at least one flagged headline: {events_flagged} ({events_flagged / max(len(events), 1):.0%})")
    print(f"headlines asserting what the body hedges: {asserts}")
    for column, counter in kinds.items():
        print(f"{column} (headlines with at least one element of the kind): "
              + ", ".join(f"{kind} {count}" for kind, count in counter.most_common()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
