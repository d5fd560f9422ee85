"""Loaded spans against the hand-made gold of three BASIL events (stories/gold_dev.jsonl).

Scored as the datasets README says: a tool span matches a gold loaded span when their
character ranges overlap in the same article; precision is the share of tool spans that
overlap a gold span (tool spans overlapping only an optional gold span are excused, left
out of the count); recall is the share of required gold spans a tool span overlaps. Every
voice counts (the gold marks loaded words in quotations too). The learned lexicon is scored
from held-out predictions (:mod:`benchmarks.evaluation.learned`): these three events are in
BASIL's development half, on which it was trained. Small development data: read it as a
check on real articles, never as a held-out score of the lexicon, whose rows were not
written from it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from .datasets import dataset_file
from .metrics import overlaps

GOLD = "stories/gold_dev.jsonl"


def read_gold_loaded(data_dir: str | Path) -> dict[str, list[tuple[int, int, bool]]]:
    """``{article_id: [(start, end, optional), ...]}`` of the gold loaded spans."""
    path = Path(data_dir) / GOLD
    gold: dict[str, list[tuple[int, int, bool]]] = {}
    if not path.is_file():
        return gold
    for line in dataset_file(data_dir, GOLD).read_text(encoding="utf-8").splitlines():
        event = json.loads(line) if line.strip() else {}
        for article in event.get("articles", []):
            gold.setdefault(article["id"], [])
        for span in event.get("spans", []):
            if span["type"] == "loaded":
                gold[span["article_id"]].append((span["start"], span["end"], bool(span.get("optional"))))
    return gold


def score_gold(gold: Mapping[str, list[tuple[int, int, bool]]],
               predicted: Mapping[str, Sequence[tuple[int, int]]]) -> dict[str, Any]:
    """Precision (optional gold excuses) and recall of required gold spans, over the gold's articles."""
    hits = counted = found = required = 0
    for article, spans in gold.items():
        tool = predicted.get(article, [])
        needed = [(s, e) for s, e, optional in spans if not optional]
        every = [(s, e) for s, e, _ in spans]
        for start, end in tool:
            if overlaps(start, end, needed):
                hits += 1
                counted += 1
            elif not overlaps(start, end, every):
                counted += 1
        required += len(needed)
        found += sum(1 for s, e in needed if overlaps(s, e, list(tool)))
    precision = hits / counted if counted else 0.0
    recall = found / required if required else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "tool_spans": counted,
            "required_gold": required, "articles": len(gold)}
