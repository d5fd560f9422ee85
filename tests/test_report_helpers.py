"""Hand-made analyses shared by the report tests (no tests here): real parsed text, spans placed by substring."""

from __future__ import annotations

from dataclasses import replace

from framing.analysis import ArticleAnalysis
from framing.document import Document, Span

NESTED_TEXT = (
    "Officials said “the regime may fall soon” on Monday.\n\n"
    "Experts reportedly doubt it. Critics claimed the notorious plan failed."
)


def span_at(doc: Document, span_type: str, words: str, *, occurrence: int = 0, **fields) -> Span:
    """A span over the ``occurrence``-th place ``words`` appear in ``doc.text``."""
    start = -1
    for _ in range(occurrence + 1):
        start = doc.text.index(words, start + 1)
    end = start + len(words)
    label = fields.pop("label", words.lower())
    return Span(span_type, start, end, doc.text[start:end], label, **fields)


def with_spans(doc: Document, spans: list[Span], *, outlet: str = "Outlet X", doc_id: str = "x") -> ArticleAnalysis:
    doc = replace(doc, outlet=outlet, id=doc_id)
    spans = sorted(spans, key=lambda s: (s.start, s.end, s.type))
    return ArticleAnalysis(doc, {"n_words": doc.n_words}, tuple(spans))


def nested_analysis(doc: Document, **kwargs) -> ArticleAnalysis:
    """Quote containing a loaded term and a hedge; a source with a hedge inside; an attribution."""
    spans = [
        span_at(doc, "source", "Officials", category="vague", attrs={"verb": "said", "stance": "neutral"}),
        span_at(doc, "attribution", "said", category="neutral", note="neutral speech verb"),
        span_at(doc, "quote", "“the regime may fall soon”", label="speech_quote",
                attrs={"speaker": "Officials", "speaker_kind": "vague"}),
        span_at(doc, "loaded", "regime", category="pejorative_label", alternative="government",
                note="delegitimizing label"),
        span_at(doc, "hedge", "may", category="modal", note="epistemic possibility"),
        span_at(doc, "source", "Experts reportedly", label="experts", category="vague"),
        span_at(doc, "hedge", "reportedly", category="evidential"),
        span_at(doc, "attribution", "claimed", category="distancing"),
        span_at(doc, "loaded", "notorious", category="intensifier"),
    ]
    return with_spans(doc, spans, **kwargs)
