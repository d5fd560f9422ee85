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
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the benchmarks package

from benchmarks.evaluation.stories import all_event_voices
from framing.lexicons import load_lexicons

DATA_FILE = "basil_dev.jsonl"
TARGET_OTHER = 0.25


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
    lexicons = load_lexicons()
    voices = all_event_voices(data, lexicons)
    main_events = {row["triplet_uuid"]: row.get("main_event", "") for row in map(json.loads, data.open())}
    voices.insert(1, "main_event", voices.event.map(main_events))
    events = main_events
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
