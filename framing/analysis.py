"""Run the whole extraction on a corpus and shape the results as the output contract.

``analyze`` is the one entry point the CLI, the Python API, the report and the
comparison layer share: load → clean → segment → extract, once per article.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import RawArticle, bundled_seed_dir, load_articles, parse_document, story_packs
from .corpus.language import warn_if_not_english
from .document import Document, Span
from .features import run_extractors
from .features.policy_frames import frame_records
from .lexicons import Lexicons, load_lexicons
from .schema import RECORD, ArticleRow


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """One article's parsed document, feature values and evidence spans."""

    document: Document
    features: dict[str, float]
    spans: tuple[Span, ...]

    def spans_of(self, span_type: str) -> list[Span]:
        return [span for span in self.spans if span.type == span_type]

    def _repr_html_(self) -> str:
        """In Jupyter: the text with its evidence highlighted (:func:`framing.show`)."""
        from .display import article_html

        return article_html(self)

    def __repr__(self) -> str:  # the dataclass's would print the whole parsed document
        doc = self.document
        return f"<ArticleAnalysis {doc.id!r} ({doc.outlet}): {doc.n_words} words, {len(self.spans)} evidence spans>"

    def row(self) -> ArticleRow:
        """The article's typed row (framing/schema.py), from which every article output is built."""
        return ArticleRow.of(self.document, self.features)

    def to_record(self, row: ArticleRow | None = None) -> dict[str, Any]:
        """The JSON Lines object documented in the README (the output contract); ``row``: ``self.row()``."""
        row = row or self.row()
        record = {
            **row.head(RECORD),
            "features": self.features,
            "spans": [span.to_dict() for span in self.spans],
            "quotes": [quote_record(span) for span in self.spans_of("quote")],
            "sources": [source_record(span) for span in self.spans_of("source")],
            "frames": frame_records(self.spans),
            "removed": list(row.removed),
            "slant": slant_record(self.features),
        }
        if row.story:
            record["story"] = row.story
        return record


def slant_record(features: dict[str, Any]) -> dict[str, Any]:
    """``{"score", "n_sentences"}`` (framing/slant.py); the score is None without the optional slant model."""
    return {"score": features.get("slant_score"), "n_sentences": int(features.get("slant_n_sentences", 0))}


def quote_record(span: Span) -> dict[str, Any]:
    attrs = span.attrs
    return {
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "speaker": attrs.get("speaker", ""),
        "speaker_start": attrs.get("speaker_start"),
        "speaker_end": attrs.get("speaker_end"),
        "speaker_kind": attrs.get("speaker_kind", ""),
    }


def source_record(span: Span) -> dict[str, Any]:
    attrs = span.attrs
    return {
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "kind": span.category,
        "verb": attrs.get("verb", ""),
        "stance": attrs.get("stance", ""),
    }


def analyze_document(doc: Document, lexicons: Lexicons) -> ArticleAnalysis:
    features, spans = run_extractors(doc, lexicons)
    return ArticleAnalysis(doc, features, tuple(spans))


def corpus_lexicons(paths: Iterable[str | Path] = (), lexicon_dir: str | Path | None = None) -> Lexicons:
    """The lexicons for a corpus: bundled < the corpus's story packs < ``lexicon_dir``.

    With no ``paths`` the corpus is the bundled seeds, so their pack (``seeds/lexicons/``)
    applies, exactly as it would for ``framing analyze seeds/``.
    """
    paths = list(paths) or [bundled_seed_dir()]
    return load_lexicons(lexicon_dir, packs=story_packs(paths))


def analyze(
    paths: Iterable[str | Path] = (),
    *,
    lexicons: Lexicons | None = None,
    lexicon_dir: str | Path | None = None,
    raw: bool = False,
) -> list[ArticleAnalysis]:
    """Analyze the articles at ``paths`` (the bundled seeds when empty).

    Without ``lexicons``, the corpus's story packs are layered in (see ``corpus_lexicons``).
    """
    paths = list(paths) or [bundled_seed_dir()]
    lexicons = lexicons or corpus_lexicons(paths, lexicon_dir)
    return [analyze_document(parsed_article(article, lexicons, raw), lexicons) for article in load_articles(paths)]


def parsed_article(article: RawArticle, lexicons: Lexicons, raw: bool) -> Document:
    """Parse one article, warning on stderr when it is not English (the lexicons are)."""
    document = parse_document(article, lexicons, raw=raw)
    warn_if_not_english(document, lexicons)
    return document
