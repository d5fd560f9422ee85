"""Features layer: one module per extractor, each ``extract(doc, lexicons) -> Extraction``.

Extractors return raw counts/values and evidence spans. Rates (per 1,000 words,
split into the journalist's own words and quoted material) are computed here, once,
for every span type, so no extractor re-implements them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from ..document import SPAN_TYPES, Document, Span
from ..lexicons import Lexicons
from ..rates import per_thousand

__all__ = ["Extraction", "Extractor", "extractors", "per_thousand", "rate_features", "run_extractors"]


@dataclass(frozen=True, slots=True)
class Extraction:
    """What one extractor found: named values and the spans behind them."""

    values: dict[str, float] = field(default_factory=dict)
    spans: list[Span] = field(default_factory=list)


Extractor = Callable[[Document, Lexicons], Extraction]


def extractors() -> dict[str, Extractor]:
    """The extractors in run order. Quotes and attribution run as one step that shares its parse."""
    from . import hedging, loaded, policy_frames, readability, reported_speech

    return {
        "hedging": hedging.extract,
        "reported_speech": reported_speech.extract,
        "loaded": loaded.extract,
        "readability": readability.extract,
        "policy_frames": policy_frames.extract,
    }


def run_extractors(doc: Document, lexicons: Lexicons) -> tuple[dict[str, float], list[Span]]:
    """All features and all spans for one document, spans sorted by position."""
    values: dict[str, float] = {}
    spans: list[Span] = []
    for extract in extractors().values():
        extraction = extract(doc, lexicons)
        values.update(extraction.values)
        spans.extend(extraction.spans)
    spans.sort(key=lambda span: (span.start, span.end, span.type))
    values.update(rate_features(doc, spans))
    return values, spans


def rate_features(doc: Document, spans: Iterable[Span]) -> dict[str, float]:
    """Counts and per-1,000-word rates for each span type and category.

    ``<type>_own_per_1k`` counts spans outside speech quotes per 1,000 of the
    journalist's own words; ``<type>_quoted_per_1k`` those inside quotes per 1,000
    quoted words. Categories (a hedge's kind, a source's kind, a verb's stance)
    get ``<type>.<category>_count`` and ``_per_1k``.
    """
    n_words = doc.n_words
    n_quoted = doc.n_quoted_words
    n_own = n_words - n_quoted
    total: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    speech = [(q.inner_start, q.inner_end) for q in doc.quotes if q.kind == "speech"]
    for span in spans:
        if not span.counted:  # a "possible" finding: shown as evidence, not counted
            continue
        total[span.type] += 1
        # doc.is_quoted, with the speech quotes listed once per document rather than per span.
        if span.type != "quote" and any(start <= span.start and span.end <= end for start, end in speech):
            quoted[span.type] += 1
        if span.category:
            by_category[f"{span.type}.{span.category}"] += 1
    values: dict[str, float] = {"n_words": n_words, "n_sentences": len(doc.sentences), "n_quoted_words": n_quoted}
    for span_type in SPAN_TYPES:
        count = total[span_type]
        values[f"{span_type}_count"] = count
        values[f"{span_type}_per_1k"] = per_thousand(count, n_words)
        values[f"{span_type}_own_per_1k"] = per_thousand(count - quoted[span_type], n_own)
        values[f"{span_type}_quoted_per_1k"] = per_thousand(quoted[span_type], n_quoted)
    for key, count in sorted(by_category.items()):
        values[f"{key}_count"] = count
        values[f"{key}_per_1k"] = per_thousand(count, n_words)
    return values
