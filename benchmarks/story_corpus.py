"""A many-story, many-outlet corpus made from the BBC articles, with the true stories known.

BBC News has one outlet and no two articles on the same story, so ``framing compare``'s
corpus mode is measured on synthetic coverage: each story starts from one BBC article,
and each outlet's version of it keeps a random three quarters of its paragraphs (the
first kept paragraph stays first, the rest are shuffled), adds one paragraph from another
article of the same BBC category (what only that outlet reports), and keeps the title or
drops one word of it. Stories are dated a few days apart over months; a version is
dated up to two days after its story. 200 stories × 25 versions over 20 outlets (every
outlet covers every story, five outlets twice) is the 5,000-article benchmark corpus.
The true story is written as ``true_story``, never as ``story``, so clustering can be
scored against it (adjusted Rand index).
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path


def story_corpus(
    bbc: Path, *, stories: int = 200, outlets: int = 20, per_story: int = 25, seed: int = 0
) -> list[dict[str, str]]:
    rows = [json.loads(line) for line in bbc.open(encoding="utf-8") if line.strip()]
    rng = random.Random(seed)
    by_category: dict[str, list[dict]] = {}
    for row in rows:
        by_category.setdefault(row["category"], []).append(row)
    seeds = rng.sample(rows, stories)
    start = date(2026, 1, 1)
    corpus = []
    for number, source in enumerate(seeds, start=1):
        paragraphs = [p for p in source["text"].split("\n") if p.strip()]
        day = start + timedelta(days=number // 2)
        for version in range(per_story):
            kept = [p for p in paragraphs if rng.random() < 0.75] or paragraphs[:3]
            body = kept[1:]
            rng.shuffle(body)
            other = rng.choice(by_category[source["category"]])
            extra = [p for p in other["text"].split("\n") if p.strip()]
            body.insert(rng.randrange(len(body) + 1), rng.choice(extra))
            title_words = source["title"].split()
            if len(title_words) > 3 and rng.random() < 0.5:
                del title_words[rng.randrange(len(title_words))]
            corpus.append({
                "id": f"s{number:03d}-v{version:02d}",
                "outlet": f"Outlet {version % outlets:02d}",
                "title": " ".join(title_words),
                "date": (day + timedelta(days=rng.randrange(3))).isoformat(),
                "true_story": f"T{number:03d}",
                "text": "\n".join([kept[0], *body]),
            })
    rng.shuffle(corpus)
    return corpus
