"""Hand-made gold annotations of the bundled seeds, resolved to offsets at test time.

Gold files live in tests/gold/<name>.jsonl, one annotation per line::

    {"doc": "seed-002", "context": "is reportedly planning direct talks", "text": "reportedly", ...}

``context`` is a substring that occurs exactly once in the document's cleaned text
and contains ``text``; anchoring on context instead of raw offsets keeps the gold
valid when cleaning changes elsewhere in the article. Any other fields (category,
speaker, kind, stance) are kept as they are.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from framing.document import Document

GOLD_DIR = Path(__file__).resolve().parent / "gold"


def load_gold(name: str, docs: dict[str, Document]) -> list[dict[str, Any]]:
    """Gold rows of ``tests/gold/<name>.jsonl`` with ``start``/``end`` into the cleaned text."""
    rows = []
    path = GOLD_DIR / f"{name}.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        text = docs[row["doc"]].text
        context = row.get("context") or row["text"]
        at = text.find(context)
        if at < 0 or text.find(context, at + 1) >= 0:
            raise AssertionError(f"{path.name}:{number}: context {context!r} must occur exactly once in {row['doc']}")
        inner = context.find(row["text"])
        if inner < 0:
            raise AssertionError(f"{path.name}:{number}: {row['text']!r} is not inside its context")
        row["start"] = at + inner
        row["end"] = row["start"] + len(row["text"])
        rows.append(row)
    return rows
