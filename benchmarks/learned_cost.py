"""What the optional learned loaded-language models cost: extraction with and without them.

    python benchmarks/learned_cost.py /work/shared/datasets/news/bbc_news.jsonl [--limit 200] [--repeat 3]
        [--lexicons lexicons/optional/loaded-research-use] [--profile]

On the same texts it times framing's full extraction (``parse_text`` + ``analyze_document``) with
the lexicon set as given (the learned lexicon and the sentence slant model on) and with both
models off (the same set otherwise), as process CPU time, best of ``--repeat`` passes each,
alternating, so a busy machine slows both alike. The cost is (with − without) / without; the
target (issue 18) is at most 10%. ``--profile`` prints where the learned lexicon's time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from framing.analysis import analyze_document  # noqa: E402
from framing.corpus import parse_text  # noqa: E402
from framing.lexicons import Lexicons, load_lexicons  # noqa: E402


def read_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if len(texts) >= limit:
                break
            texts.append(json.loads(line)["text"])
    return texts


def extract_all(texts: list[str], lexicons: Lexicons) -> float:
    """CPU seconds to parse and analyse every text."""
    start = time.process_time()
    for text in texts:
        analyze_document(parse_text(text, lexicons), lexicons)
    return time.process_time() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="JSON Lines with a 'text' field (the BBC news corpus)")
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--lexicons", type=Path, default=ROOT / "lexicons" / "optional" / "loaded-research-use")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args(argv)
    texts = read_texts(args.corpus, args.limit)
    with_models = load_lexicons(args.lexicons)
    without = replace(with_models, learned_loaded=None, slant_model=None)
    extract_all(texts[:20], with_models)  # (warm the caches every run shares)
    times: dict[str, list[float]] = {"with": [], "without": []}
    for _ in range(args.repeat):
        times["without"].append(extract_all(texts, without))
        times["with"].append(extract_all(texts, with_models))
    best = {name: min(values) for name, values in times.items()}
    cost = (best["with"] - best["without"]) / best["without"]
    print(json.dumps({"texts": len(texts), "cpu_seconds_best": best, "cost": round(cost, 3), "target": 0.10}))
    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(extract_all, texts, with_models)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats("learned_loaded|slant|loaded_assembly", 25)
    return 0


if __name__ == "__main__":
    sys.exit(main())
