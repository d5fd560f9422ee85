"""Time ``build_comparison`` on 50 articles (target: under 5 s on a laptop).

Usage::

    python benchmarks/compare_speed.py                       # 50 articles made from the seeds
    python benchmarks/compare_speed.py PATH/bbc_news.jsonl   # the first 50 BBC articles, one outlet each

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, help="bbc_news.jsonl (optional)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (default 3)")
    args = parser.parse_args()
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
