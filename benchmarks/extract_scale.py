"""Streaming extraction at scale: words/s and peak memory of ``framing extract`` per job count.

    python benchmarks/extract_scale.py /work/shared/datasets/news/bbc_news.jsonl --words 1000000 5000000 \\
        [--jobs 1 2] [--format parquet] [--repeat N] [--engine local|dask --scheduler ADDRESS]

For each size the BBC articles are replicated (copy ``k`` of article ``id`` gets id
``id#k``) into a temporary JSON Lines corpus of at least that many words
(``len(text.split())``), and ``python -m framing extract CORPUS -o DIR --format F --jobs N -q``
runs in a fresh process. Peak memory is the largest sum of the resident set sizes of the
process and its workers, sampled every 0.1 s with psutil (workers are separate processes,
so the parent's own ``ru_maxrss`` would miss them). The targets: ``--jobs 2`` at least
1.7× ``--jobs 1``; peak RSS at most 1 GB at 5M words and about the same at 1M and 5M.
Times include start-up (about 2 s: imports and lexicons); the rate is over the whole run.
CPU seconds of the whole tree are printed too: on a shared machine words per CPU second
varies much less than words per second.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the benchmarks package

from benchmarks.measure import run


def build_corpus(source: Path, words: int, target: Path) -> tuple[int, int]:
    """Replicate ``source``'s articles into ``target`` until it holds ``words`` words."""
    rows = [json.loads(line) for line in source.open(encoding="utf-8") if line.strip()]
    total = articles = copy = 0
    with target.open("w", encoding="utf-8") as out:
        while total < words:
            for row in rows:
                out.write(json.dumps({**row, "id": f"{row['id']}#{copy}", "outlet": row.get("category", "")}) + "\n")
                total += len(row["text"].split())
                articles += 1
                if total >= words:
                    break
            copy += 1
    return articles, total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path, help="bbc_news.jsonl")
    parser.add_argument("--words", type=int, nargs="+", default=[1_000_000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--format", default="parquet", choices=("parquet", "jsonl"))
    parser.add_argument("--repeat", type=int, default=1, help="runs per setting; the median is reported")
    parser.add_argument("--engine", default="local", choices=("local", "dask"))
    parser.add_argument("--scheduler", help="Dask scheduler address (with --engine dask)")
    args = parser.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f}  cores: {os.cpu_count()}")
    with tempfile.TemporaryDirectory(prefix="framing-scale-") as tmp:
        for words in args.words:
            corpus = Path(tmp) / f"corpus-{words}.jsonl"
            n_articles, n_words = build_corpus(args.path, words, corpus)
            for jobs in args.jobs:
                command = [sys.executable, "-m", "framing", "extract", str(corpus), "-o", str(Path(tmp) / "out"),
                           "--format", args.format, "--jobs", str(jobs), "-q", "--engine", args.engine]
                if args.scheduler:
                    command += ["--scheduler", args.scheduler]
                results = [run(command) for _ in range(args.repeat)]
                seconds = statistics.median(r[0] for r in results)
                peak = statistics.median(r[1] for r in results)
                cpu = statistics.median(r[2] for r in results)
                print(f"words {n_words:>9,}  articles {n_articles:>6,}  engine {args.engine}  jobs {jobs}  "
                      f"{seconds:7.1f} s  {n_words / seconds:>8,.0f} words/s  cpu {cpu:7.1f} s "
                      f"({n_words / cpu:,.0f} words/cpu-s)  peak RSS {peak / 2**20:6.0f} MiB  "
                      f"load {os.getloadavg()[0]:.1f}  "
                      f"(runs: {', '.join(f'{r[0]:.1f}s/{r[1] / 2**20:.0f}MiB' for r in results)})", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
