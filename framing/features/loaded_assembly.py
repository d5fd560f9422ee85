"""From loaded-term candidates to findings: one finding per scare quote, voices, learned words, slant.

:func:`framing.features.loaded.candidates` lists what the curated lexicon, its context
rules and the quote parser found. This module decides what the reader sees:

1. A lexicon term inside a scare quote and the scare quote are **one finding**: the scare
   quote, which names the term (``quoted_term``) and keeps its category as
   ``term_category``; counting both counted the same words twice.
2. The learned models (both optional, off in the MIT default) may **demote** a curated
   candidate to ``confidence: possible`` with a ``reason``, never remove it: the context
   scorer (``loaded_scorer.json``) when the candidate is under its threshold, the learned
   lexicon when it is sure the word is not loaded here. Possible findings are shown but
   not counted in the rates.
3. The learned lexicon adds the words it scores as loaded that no curated span covers
   (``rule=learned_lexicon``, :mod:`framing.features.learned_loaded`): confident ones at its
   threshold, and in an article a "possible" tier under it (shown with the reason, not counted).
4. Every finding gets its ``voice`` (own, quoted, paraphrase) and ``voice_reason``
   (:mod:`framing.features.loaded_voice`), and the values count them apart.
5. With the sentence slant model (:mod:`framing.slant`), the article's ``slant_score``
   and ``slant_n_sentences``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..document import POSSIBLE, Document, Span
from ..lexicons import Lexicons
from ..slant import article_slant, score_sentences
from . import Extraction
from .learned_loaded import learned_spans
from .loaded_voice import VOICES, VoiceReader, with_voices

SCARE_LABEL = "scare quote"


def assemble(doc: Document, lexicons: Lexicons, found: Sequence) -> Extraction:
    """The loaded extractor's result from its candidates (see the module docstring)."""
    merged = merge_scare_quotes(found)
    spans: list[Span] = []
    below = 0
    scorer = lexicons.loaded_scorer
    for span, features in merged:
        if scorer is None or span.label == SCARE_LABEL:
            spans.append(span)
            continue
        probability = scorer.probability(features)
        why = scorer.explain(features, labels=_feature_labels())
        attrs = {**span.attrs, "score": round(probability, 3), "why": why}
        if probability < scorer.threshold:
            below += 1
            attrs.update(confidence=POSSIBLE, reason=f"the context scorer gives it {probability:.2f} "
                         f"(< {scorer.threshold:.2f}): {why}")
        spans.append(replace(span, attrs=attrs))
    values: dict[str, float] = {"scare_quote_count": sum(1 for span in spans if span.label == SCARE_LABEL),
                                "loaded_below_threshold_count": below}
    slant = score_sentences(doc, lexicons.slant_model) if lexicons.slant_model else None
    voices = VoiceReader(doc, lexicons.reporting_cues)  # (shared: the learned lexicon reads voices too)
    added: list[Span] = []  # (the learned lexicon's spans carry their voice: it was read for their features)
    if lexicons.learned_loaded is not None:
        probabilities = [s.probability for s in slant] if slant is not None else []
        added, demoted = learned_spans(doc, lexicons, lexicons.learned_loaded, spans, probabilities, voices)
        for position, reason in demoted.items():
            if spans[position].attrs.get("confidence") != POSSIBLE:
                spans[position] = replace(spans[position], attrs={**spans[position].attrs,
                                                                  "confidence": POSSIBLE, "reason": reason})
        values["loaded_learned_count"] = sum(1 for span in added if span.counted)  # (the possible tier: not counted)
    spans = with_voices(doc, lexicons.reporting_cues, spans, reader=voices)
    if lexicons.learned_loaded is not None:
        spans = sorted(spans + added, key=lambda span: (span.start, span.end))
    values.update(voice_counts(spans))
    if slant is not None and lexicons.slant_model is not None:
        result = article_slant(slant, lexicons.slant_model.threshold)
        values["slant_score"], values["slant_n_sentences"] = result["score"], result["n_sentences"]
    return Extraction(values=values, spans=spans)


def _feature_labels() -> dict[str, str]:
    from .loaded import FEATURE_LABELS

    return FEATURE_LABELS


def merge_scare_quotes(found: Sequence) -> list[tuple[Span, dict[str, float]]]:
    """Candidates as ``(span, features)``, each lexicon term inside a scare quote folded into it."""
    scare = [c.span for c in found if c.span.label == SCARE_LABEL]
    inner: dict[int, list[Span]] = {}
    kept = []
    for candidate in found:
        span = candidate.span
        holder = next((i for i, q in enumerate(scare) if span.label != SCARE_LABEL
                       and q.start < span.start and span.end < q.end), None)
        if holder is None:
            kept.append((span, candidate.features))
        else:
            inner.setdefault(holder, []).append(span)
    result = []
    for span, features in kept:
        if span.label == SCARE_LABEL:
            terms = inner.get(scare.index(span), [])
            if terms:
                span = replace(span, attrs={**span.attrs, "quoted_term": "; ".join(t.label for t in terms),
                                            "term_category": terms[0].category, "term_note": terms[0].note,
                                            "term_spans": [[t.start, t.end] for t in terms]})
        result.append((span, features))
    return result


def voice_counts(spans: Sequence[Span]) -> dict[str, float]:
    """Counted findings by voice, and how many are only possible."""
    counted = Counter(span.attrs.get("voice", "own") for span in spans if span.counted)
    values: dict[str, float] = {f"loaded_{voice}_voice_count": counted[voice] for voice in VOICES}
    values["loaded_possible_count"] = sum(1 for span in spans if not span.counted)
    return values
