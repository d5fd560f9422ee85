"""Time ``build_comparison`` on 50 articles (target: under 5 s), and ``framing compare`` on 5,000.

Usage::

    python benchmarks/compare_speed.py                       # 50 articles made from the seeds
    python benchmarks/compare_speed.py PATH/bbc_news.jsonl   # the first 50 BBC articles, one outlet each
    python benchmarks/compare_speed.py PATH/bbc_news.jsonl --corpus [--jobs 1 2] [--stories cluster|column]

``--corpus`` builds the synthetic many-story corpus of ``benchmarks/story_corpus.py``
(200 stories × 25 versions over 20 outlets: 5,000 articles) and runs ``framing compare``
on it in a fresh process, stories found by clustering (or, with ``--stories column``,
given), and prints wall time and peak RSS of the process tree (target: < 60 s and
< 2 GB), the same for ``framing extract`` of that corpus (the part of the time that is
extraction), and how well the clustering found the true stories (adjusted Rand index).

Without a path, the five seeds are repeated ten times as 50 outlets, each copy with its
sentences rotated, so the aligner sees 50 versions of the same story (the hardest case:
every fact is shared). Extraction runs first and is not timed; only the comparison is.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the benchmarks package

from framing.analysis import ArticleAnalysis, analyze_document
from framing.compare import build_comparison
from framing.corpus import bundled_seed_dir, load_articles, parse_document, parse_text
from framing.lexicons import load_lexicons

N_ARTICLES = 50
TARGET_SECONDS = 5.0


def seed_corpus(lexicons) -> list[ArticleAnalysis]:
    docs = [parse_document(article, lexicons) for article in load_articles([bundled_seed_dir()])]
    analyses = []
    for copy in range(N_ARTICLES):
        doc = docs[copy % len(docs)]
        paragraphs = doc.text.split("\n")
        shift = copy // len(docs)
        text = "\n".join(paragraphs[shift % len(paragraphs):] + paragraphs[:shift % len(paragraphs)])
        parsed = parse_text(text, lexicons, id=f"copy-{copy:02d}", outlet=f"Outlet {copy:02d}", title=doc.title)
        analyses.append(analyze_document(parsed, lexicons))
    return analyses


def bbc_corpus(path: Path, lexicons) -> list[ArticleAnalysis]:
    analyses = []
    with path.open(encoding="utf-8") as stream:
        for line in stream:
            row = json.loads(line)
            doc = parse_text(row["text"], lexicons, id=str(row["id"]), outlet=f"BBC {row['id']}", title=row["title"])
            analyses.append(analyze_document(doc, lexicons))
            if len(analyses) == N_ARTICLES:
                break
    return analyses


def corpus_benchmark(path: Path, jobs: list[int], stories: str, repeat: int) -> int:
    """``framing compare`` on the synthetic 5,000-article corpus, per job count."""
    import os
    import tempfile

    import pandas as pd

    from benchmarks.measure import run
    from benchmarks.story_corpus import story_corpus

    rows = story_corpus(path)
    if stories == "column":
        rows = [{**row, "story": row["true_story"]} for row in rows]
    print(f"load: {' '.join(f'{x:.2f}' for x in os.getloadavg())}  articles: {len(rows)}  "
          f"outlets: {len({r['outlet'] for r in rows})}  true stories: {len({r['true_story'] for r in rows})}  "
          f"words: {sum(len(r['text'].split()) for r in rows):,}")
    with tempfile.TemporaryDirectory(prefix="framing-compare-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        corpus.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
        for n in jobs:
            out = Path(tmp) / f"out-{n}"
            compare = [sys.executable, "-m", "framing", "compare", str(corpus), "-o", str(out), "--stories", stories,
                       "--jobs", str(n), "-q"]
            extract = [sys.executable, "-m", "framing", "extract", str(corpus), "-o", str(Path(tmp) / "x"),
                       "--format", "parquet", "--jobs", str(n), "-q"]
            for label, command in (("compare", compare), ("extract only", extract)):
                runs = [run(command) for _ in range(repeat)]
                seconds = statistics.median(r[0] for r in runs)
                peak = statistics.median(r[1] for r in runs)
                cpu = statistics.median(r[2] for r in runs)
                print(f"jobs {n}  {label:<12} median {seconds:6.1f} s  cpu {cpu:6.1f} s  "
                      f"peak RSS {peak / 2**20:6.0f} MiB  load {os.getloadavg()[0]:.1f}  "
                      f"(runs: {', '.join(f'{r[0]:.1f}s/{r[1] / 2**20:.0f}MiB' for r in runs)})", flush=True)
            grouping = pd.read_csv(out / "stories.csv")
            truth = {r["id"]: r["true_story"] for r in rows}
            print(f"stories found: {grouping['story'].nunique()}  adjusted Rand index against the truth: "
                  f"{adjusted_rand(grouping['article_id'].map(truth).tolist(), grouping['story'].tolist()):.3f}  "
                  f"rows: " + ", ".join(f"{name} {len(pd.read_csv(out / f'{name}.csv'))}"
                                         for name in ("facts", "omissions", "rates")))
    return 0


def adjusted_rand(truth: list[str], found: list[str]) -> float:
    """Hubert and Arabie's adjusted Rand index of two labelings (1 = the same partition)."""
    from collections import Counter
    from math import comb

    pairs = sum(comb(n, 2) for n in Counter(zip(truth, found, strict=True)).values())
    rows = sum(comb(n, 2) for n in Counter(truth).values())
    columns = sum(comb(n, 2) for n in Counter(found).values())
    expected = rows * columns / comb(len(truth), 2)
    top = (rows + columns) / 2
    return (pairs - expected) / (top - expected) if top != expected else 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="bbc_news.jsonl (optional)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (default 3)")
    parser.add_argument("--corpus", action="store_true", help="framing compare on 5,000 synthetic articles")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="with --corpus: job counts")
    parser.add_argument("--stories", default="cluster", choices=("cluster", "column"), help="with --corpus")
    args = parser.parse_args()
    if args.corpus:
        if not args.path:
            parser.error("--corpus needs the path of bbc_news.jsonl")
        return corpus_benchmark(args.path, args.jobs, args.stories, args.repeat)
    lexicons = load_lexicons()
    analyses = bbc_corpus(args.path, lexicons) if args.path else seed_corpus(lexicons)
    words = sum(a.document.n_words for a in analyses)
    sentences = sum(len(a.document.sentences) for a in analyses)
    build_comparison(analyses[:2], lexicons=lexicons)  # warm imports
    timings = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        tables = build_comparison(analyses, lexicons=lexicons)
        timings.append(time.perf_counter() - start)
    median = statistics.median(timings)
    print(f"articles: {len(analyses)}  outlets: {len({a.document.outlet for a in analyses})}  "
          f"words: {words}  sentences: {sentences}")
    print("rows: " + ", ".join(f"{name} {len(frame)}" for name, frame in tables.items()))
    print(f"build_comparison: median {median:.2f} s over {args.repeat} runs "
          f"(min {min(timings):.2f}, max {max(timings):.2f}); target < {TARGET_SECONDS:.0f} s: "
          f"{'met' if median < TARGET_SECONDS else 'MISSED'}")
    return 0 if median < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
