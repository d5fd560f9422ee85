"""Check that a change left the extraction's outputs unchanged: dump, then diff two dumps.

    PYTHONPATH=/work/main python benchmarks/same_outputs.py dump bbc_news.jsonl --limit 400 -o /tmp/before.json
    PYTHONPATH=.          python benchmarks/same_outputs.py dump bbc_news.jsonl --limit 400 -o /tmp/after.json
    python benchmarks/same_outputs.py diff /tmp/before.json /tmp/after.json

Add ``--lexicons lexicons/optional/loaded-research-use`` to both dumps to check the optional models too.

``dump`` writes, per text, the JSON record of ``parse_text`` + ``analyze_document`` without the
text itself (every span with its offsets and attributes, every feature value), so the dump holds
offsets and short span texts, never whole articles; keep it in /tmp. ``diff`` prints the first
differing records and exits 1 when any differ. Run ``dump`` with PYTHONPATH pointing at the code
under test (the two checkouts), ``diff`` with either.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any


def dump(path: Path, limit: int | None, out: Path, lexicon_dir: Path | None = None) -> int:
    """Write the record (minus the text) of each text of a JSON Lines file (``lexicon_dir``: a folder
    layered over the bundled lexicons, e.g. the optional set)."""
    from benchmarks.throughput import load_texts
    from framing.analysis import analyze_document
    from framing.corpus import parse_text
    from framing.lexicons import load_lexicons

    lexicons = load_lexicons(lexicon_dir)
    records = []
    for text in load_texts(path, limit):
        record = analyze_document(parse_text(text, lexicons), lexicons).to_record()
        record.pop("text")
        records.append(record)
    out.write_text(json.dumps(records, sort_keys=True, default=str), encoding="utf-8")
    print(f"{out}: {len(records)} records, {sum(len(r['spans']) for r in records)} spans")
    return 0


def first_difference(before: Any, after: Any, where: str = "") -> str | None:
    """A path to the first place two JSON values differ, with both values there."""
    if type(before) is not type(after):
        return f"{where}: {before!r} != {after!r}"
    if isinstance(before, dict):
        for key in sorted(set(before) | set(after)):
            found = first_difference(before.get(key), after.get(key), f"{where}.{key}")
            if found:
                return found
        return None
    if isinstance(before, list):
        for index, (one, two) in enumerate(zip(before, after, strict=False)):
            found = first_difference(one, two, f"{where}[{index}]")
            if found:
                return found
        return None if len(before) == len(after) else f"{where}: length {len(before)} != {len(after)}"
    return None if before == after else f"{where}: {before!r} != {after!r}"


def diff(before_path: Path, after_path: Path, show: int = 10) -> int:
    """Print the first differences between two dumps; 0 when they are identical."""
    before = json.loads(before_path.read_text(encoding="utf-8"))
    after = json.loads(after_path.read_text(encoding="utf-8"))
    if len(before) != len(after):
        print(f"{len(before)} records before, {len(after)} after")
        return 1
    differing = [(n, first_difference(one, two)) for n, (one, two) in enumerate(zip(before, after, strict=False))]
    differing = [(n, found) for n, found in differing if found]
    for number, found in differing[:show]:
        print(f"text {number}{found}")
    spans = sum(len(record["spans"]) for record in before)
    print(f"{len(before)} texts, {spans} spans before: {len(differing)} texts differ")
    return 1 if differing else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write the records of a JSON Lines file's texts")
    dumping.add_argument("path", type=Path)
    dumping.add_argument("--limit", type=int, default=400)
    dumping.add_argument("-o", "--out", type=Path, required=True)
    dumping.add_argument("--lexicons", type=Path, help="a lexicon folder layered over the bundled ones")
    diffing = commands.add_parser("diff", help="compare two dumps")
    diffing.add_argument("before", type=Path)
    diffing.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.path, args.limit, args.out, args.lexicons)
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())
