"""The articles as a handout: each one in full, with its headline, numbered paragraphs and numbered sentences.

Students never got the articles: they judged sentences cut out of them. The
handout gives them the whole text to read first, and the worksheet points into
it by the same sentence numbers (a passage's sentence *n* is the handout's
sentence *n* of that source). In blind mode each article is headed by its Source
letter and every self-reference is masked exactly as on the worksheet
(:meth:`.material.Material.body_text`): the same words, the same masking.
"""

from __future__ import annotations

import re
from typing import Any

from ..compare.common import outlet_of
from .material import Material, natural_key

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph begins: at the text's start and after every line break (a run of them counts once)."""
    return [0, *(match.end() for match in _PARAGRAPH_BREAK.finditer(text))]


def build_handout(m: Material) -> list[dict[str, Any]]:
    """One entry per article, in Source-letter order in blind mode (so the order does not reveal the input)."""
    articles = sorted(m.analyses, key=lambda a: (natural_key(m.name(outlet_of(a))), a.document.id)) if m.blind \
        else list(m.analyses)
    return [{**article_model(m, analysis), "anchor": f"article-{n}"} for n, analysis in enumerate(articles, start=1)]


def article_model(m: Material, analysis: Any) -> dict[str, Any]:
    """An article's heading, headline and paragraphs, each a list of its numbered sentences."""
    doc = analysis.document
    starts = paragraph_starts(doc.text)
    paragraphs: list[dict[str, Any]] = []
    for index, (start, end) in enumerate(doc.sentences):
        number = sum(1 for s in starts if s <= start)
        if not paragraphs or paragraphs[-1]["n"] != number:
            paragraphs.append({"n": number, "sentences": []})
        paragraphs[-1]["sentences"].append({"n": index + 1, "text": m.body_text(analysis, start, end)})
    for n, paragraph in enumerate(paragraphs, start=1):
        paragraph["n"] = n
    return {"heading": m.name(outlet_of(analysis)), "title": m.title(doc.title), "paragraphs": paragraphs,
            "n_sentences": len(doc.sentences)}
