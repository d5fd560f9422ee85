"""The frames stage alone, on parsed texts: its CPU seconds, or a fixed workload for an instruction count.

    python benchmarks/frames_cost.py /work/shared/datasets/news/bbc_news.jsonl [--limit 100] [--passes 3]
        [--lexicons lexicons/optional/frames-research-use]

Parses the texts first (untimed), runs ``policy_frames.extract`` once on the first (warm-up), then
``--passes`` times over all of them and prints the fastest pass in CPU seconds. On a shared machine
CPU seconds move with the load; an instruction count does not. Run the script under valgrind twice,
with ``--passes 0`` and ``--passes 2``: half the difference of the two "Collected" totals is the
stage's instructions per pass (parsing and start-up cancel out). Fix the hash seed: with a random one the
same code moves by about ±1.5 M instructions per pass between runs (dictionary and set layouts)::

    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python benchmarks/frames_cost.py DATA --passes 0
    PYTHONHASHSEED=0 valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        python benchmarks/frames_cost.py DATA --passes 2

Instructions are not time (cache misses, which ``throughput.py``'s breakdown includes, are not counted),
but they compare two versions of the code without the load's noise.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's framing, not an installed one

from benchmarks.extraction_cost import fastest_pass
from benchmarks.throughput import load_texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="JSON Lines file with a 'text' field per line")
    parser.add_argument("--limit", type=int, default=100, help="use only the first N texts")
    parser.add_argument("--passes", type=int, default=3, help="passes over the texts (0: parse only)")
    parser.add_argument("--lexicons", type=Path, default=None, help="a lexicon folder layered over the bundled one")
    args = parser.parse_args(argv)

    from framing.corpus import parse_text
    from framing.features import policy_frames
    from framing.lexicons import load_lexicons

    lexicons = load_lexicons(args.lexicons)
    docs = [parse_text(text, lexicons) for text in load_texts(args.path, args.limit)]
    policy_frames.extract(docs[0], lexicons)
    best = fastest_pass(lambda: [policy_frames.extract(doc, lexicons) for doc in docs], args.passes)
    if args.passes:
        print(f"frames stage, {len(docs)} texts, fastest of {args.passes} passes: {best:.4f} CPU s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
