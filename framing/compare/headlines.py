"""Headline versus body: a headline that asserts what the body hedges, or frames it differently.

The headline (``Document.title``) is parsed and run through the same extractors as the
body, so "hedged" means the same thing in both. The body's version of the headline's
claim is the sentence sharing most of the headline's content words (stemmed), plus the
lede (the first sentence that is not a heading). Flags:

* ``asserts_what_body_hedges``: the headline has no hedge and is not a question, but the
  matching body sentence hedges (a hedge span inside it);
* ``frame_differs``: the headline uses a loaded-term category the body never uses, or
  fewer than ``MIN_COVERAGE`` of its content words occur anywhere in the body.

``headlines`` table (one row per article with a title):
outlet, article_id, headline, headline_hedges, headline_question, headline_loaded,
body_sentence, body_start, body_end, body_hedges, overlap (share of headline words in
that sentence), coverage (share of headline words anywhere in the body),
headline_categories, body_categories, asserts_what_body_hedges, frame_differs, reason.
Offsets of ``headline_*`` spans index the headline; ``body_*`` offsets the article text.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pandas as pd

from ..analysis import ArticleAnalysis, analyze_document
from ..corpus import parse_text
from ..lexicons import Lexicons
from .common import Folder, outlet_of, sentence_tokens
from .labels import _heading_sentences

COLUMNS = [
    "outlet", "article_id", "headline", "headline_hedges", "headline_question", "headline_loaded",
    "body_sentence", "body_start", "body_end", "body_hedges", "overlap", "coverage",
    "headline_categories", "body_categories", "asserts_what_body_hedges", "frame_differs", "reason",
]
MIN_COVERAGE = 0.4
MIN_OVERLAP = 0.3

Analyzer = Callable[[str], ArticleAnalysis]


def build_headlines(
    analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, folder: Folder, analyze_title: Analyzer | None = None
) -> pd.DataFrame:
    if analyze_title is None:
        def analyze_title(title: str) -> ArticleAnalysis:
            return analyze_document(parse_text(title, lexicons, id="headline"), lexicons)

    rows = []
    for analysis in analyses:
        doc = analysis.document
        title = doc.title.strip()
        if not title:
            continue
        head = analyze_title(title)
        head_stems = set(folder.content_stems(head.document.tokens))
        groups = sentence_tokens(doc)
        headings = _heading_sentences(doc.tokens, [folder.fold(t.norm) for t in doc.tokens], folder.stop_words)
        body_stems = set()
        best, best_overlap = None, 0.0
        for index, tokens in enumerate(groups):
            stems = set(folder.content_stems(tokens))
            body_stems |= stems
            overlap = len(head_stems & stems) / len(head_stems) if head_stems else 0.0
            if overlap > best_overlap and index not in headings:
                best, best_overlap = index, overlap
        chosen = [best] if best is not None and best_overlap >= MIN_OVERLAP else []
        lede = next((index for index in range(len(groups)) if index not in headings), None)
        if lede is not None and lede not in chosen:
            chosen.append(lede)  # the lede (first sentence that is not a heading) states the main claim
        body_hedges = []
        for index in chosen:
            start, end = doc.sentences[index]
            body_hedges += [s.text for s in analysis.spans if s.type == "hedge" and start <= s.start and s.end <= end]
        head_hedges = [s.text for s in head.spans if s.type == "hedge"]
        question = title.endswith("?")
        head_categories = sorted({s.category for s in head.spans if s.type == "loaded" and s.category})
        body_categories = sorted({s.category for s in analysis.spans if s.type == "loaded" and s.category})
        coverage = len(head_stems & body_stems) / len(head_stems) if head_stems else 1.0
        asserts = not head_hedges and not question and bool(body_hedges)
        new_categories = [c for c in head_categories if c not in body_categories]
        reasons = []
        if asserts:
            reasons.append(f"the body hedges ({', '.join(dict.fromkeys(body_hedges))}); the headline does not")
        if new_categories:
            reasons.append(f"loaded-term categories only in the headline: {', '.join(new_categories)}")
        if coverage < MIN_COVERAGE:
            reasons.append(f"only {coverage:.0%} of the headline's words occur in the body")
        first = chosen[0] if chosen else None
        start, end = doc.sentences[first] if first is not None else (None, None)
        rows.append({
            "outlet": outlet_of(analysis),
            "article_id": doc.id,
            "headline": title,
            "headline_hedges": head_hedges,
            "headline_question": question,
            "headline_loaded": [s.text for s in head.spans if s.type == "loaded"],
            "body_sentence": doc.text[start:end] if start is not None else "",
            "body_start": start,
            "body_end": end,
            "body_hedges": body_hedges,
            "overlap": round(best_overlap, 3),
            "coverage": round(coverage, 3),
            "headline_categories": head_categories,
            "body_categories": body_categories,
            "asserts_what_body_hedges": asserts,
            "frame_differs": bool(new_categories) or coverage < MIN_COVERAGE,
            "reason": "; ".join(reasons),
        })
    return pd.DataFrame(rows, columns=COLUMNS)
