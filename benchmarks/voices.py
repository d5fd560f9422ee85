"""Voice roles on stories framing was not shaped on: the share of voices left as ``other``.

Usage::

    python benchmarks/voices.py --data /work/shared/datasets/stories [--event UUID] [--show N]

Reads ``basil_dev.jsonl`` (BASIL: events each covered by Fox News, the New York Times and
the Huffington Post). Each event (``triplet_uuid``) becomes one framing corpus: a JSON Lines
table in a temporary folder with ``id``, ``outlet``, ``title`` and ``text`` (sentences joined
with a space, paragraphs with a blank line), loaded by framing's own loader like any user's
table. The comparison's ``voices`` table is built per event, and the script prints the share
of voices whose role is ``other`` (target: at most 25%), the role distribution, and how
roles were decided (the first words of ``role_reason``). ``--event`` prints every voice of
one event with its role and reason. Nothing is written into the repository; the temporary
folder is removed on exit.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

from framing.analysis import analyze
from framing.compare.common import Folder
from framing.compare.labels import collect_mentions, load_pins
from framing.compare.voices import build_voices
from framing.lexicons import load_lexicons

DATA_FILE = "basil_dev.jsonl"
TARGET_OTHER = 0.25


def read_events(path: Path) -> dict[str, list[dict]]:
    """Articles grouped by event, in file order."""
    events: dict[str, list[dict]] = defaultdict(list)
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            events[row["triplet_uuid"]].append(row)
    return events


def write_corpus(rows: list[dict], folder: Path) -> Path:
    """One event as a framing JSON Lines table (``id``, ``outlet``, ``title``, ``text``)."""
    path = folder / f"{rows[0]['triplet_uuid']}.jsonl"
    with path.open("w", encoding="utf-8") as stream:
        for row in rows:
            text = "\n\n".join(" ".join(sentences) for sentences in row["paragraphs"])
            record = {"id": row["id"], "outlet": row["source"], "title": row["title"], "text": text}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def event_voices(path: Path, lexicons) -> pd.DataFrame:
    analyses = analyze([path], lexicons=lexicons)
    folder = Folder(lexicons.stop_words)
    mentions = collect_mentions(analyses, load_pins(lexicons), folder)
    return build_voices(analyses, lexicons, folder, mentions=mentions)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help=f"folder holding {DATA_FILE}")
    parser.add_argument("--event", help="print every voice of this event (a triplet_uuid or a word of its title)")
    parser.add_argument("--show", type=int, default=0, help="print N voices left as other")
    args = parser.parse_args()
    data = args.data / DATA_FILE if args.data.is_dir() else args.data
    if not data.is_file():
        print(f"{data}: not found; pass --data the folder holding {DATA_FILE}", file=sys.stderr)
        return 2
    events = read_events(data)
    lexicons = load_lexicons()
    frames = []
    with tempfile.TemporaryDirectory(prefix="framing-voices-") as tmp:
        for uuid, rows in events.items():
            frame = event_voices(write_corpus(rows, Path(tmp)), lexicons)
            frame.insert(0, "event", uuid)
            frame.insert(1, "main_event", rows[0].get("main_event", ""))
            frames.append(frame)
    voices = pd.concat(frames, ignore_index=True)
    total = len(voices)
    roles = Counter(voices.role)
    other = roles.get("other", 0) / total if total else 0.0
    print(f"{len(events)} events, {total} voices; other: {other:.1%} (target ≤ {TARGET_OTHER:.0%})")
    for role, count in roles.most_common():
        print(f"  {role:28s} {count:5d}  {count / total:6.1%}")
    if "role_reason" in voices:
        print("decided by:")
        ways = Counter(reason.split(" ")[0] if reason else "(none)" for reason in voices.role_reason)
        for way, count in ways.most_common():
            print(f"  {way:28s} {count:5d}")
    if args.show:
        others = voices[voices.role == "other"]
        for voice, count in Counter(others.voice).most_common(args.show):
            print(f"  other: {count:3d}  {voice}")
    if args.event:
        chosen = voices[(voices.event == args.event) | voices.main_event.str.contains(args.event, case=False)]
        for row in chosen.itertuples():
            print(f"{row.outlet:4s} {row.role:26s} {row.voice[:40]:40s} {getattr(row, 'role_reason', '')}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
