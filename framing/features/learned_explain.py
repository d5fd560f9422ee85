"""How the learned lexicon explains itself: named contributions in a reader's words, and its spans.

A learned word is evidence like any other: its span carries ``rule=learned_lexicon``, its ``score``
and ``why``, the contributions that moved it most ("'reneged' as a word +1.60; writer's voice
+0.40"), and a note with the model's held-out precision (:mod:`framing.features.learned_loaded`).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from ..document import POSSIBLE, Document, Span
from ..lexicons import LearnedLexicon
from ..linear_model import LinearScorer
from .loaded_voice import Voice

RULE = "learned_lexicon"
CONTEXT_LABELS = {
    "voice=own": "writer's voice",
    "voice=quoted": "inside a quotation",
    "voice=paraphrase": "in a paraphrase or denial",
    "in_scare_quote": "inside scare quotes",
    "capitalized": "capitalised",
    "first_sentence": "first sentence",
    "position": "position in the article",
    "sentence_slant": "slanted sentence",
}
PREFIX_LABELS = {"word=": "'{}' as a word", "stem=": "stem '{}'", "suffix=": "ending '-{}'",
                 "suffix4=": "ending '-{}'", "prefix=": "beginning '{}-'",
                 "prev=": "after '{}'", "next=": "before '{}'", "lexicon=": "in lexicon {}",
                 "list=": "in word list {}"}


@lru_cache(maxsize=65536)
def feature_label(name: str) -> str:
    """A reader's words for a feature name (a corpus repeats its features: each is put in words once)."""
    if name in CONTEXT_LABELS:
        return CONTEXT_LABELS[name]
    prefix, _, value = name.partition("=")
    template = PREFIX_LABELS.get(prefix + "=")
    return template.format(value) if template else name


WORD_PARTS = ("word=", "stem=", "suffix=", "suffix4=", "prefix=")
EXPLAINED = 4  # contributions a ``why`` shows


def explain(scorer: LinearScorer, features: Mapping[str, float]) -> str:
    """The contributions that moved the word's score most, the word's own parts (word, stem,
    beginning, endings) summed as one: "'reneged' as a word +1.60; writer's voice +0.28".
    (Every shown word is explained, so it is one pass over the features and one sort of the shares by
    size, then name: feature labels are unique, so the order is the one any ranking by those keys gives.)"""
    weights = scorer.weights
    word, own, has_own = None, 0.0, False
    ranked = []
    for name, value in features.items():
        weight = weights.get(name) if value else None
        if name.startswith(WORD_PARTS):
            if word is None and name.startswith("word="):
                word = name
            if weight is not None:
                own, has_own = own + weight * value, True
        elif weight is not None:
            share = weight * value
            ranked.append((-abs(share), feature_label(name), share))
    if has_own and word is not None:
        ranked.append((-abs(own), feature_label(word), own))
    ranked.sort()
    return "; ".join(f"{label} {share:+.2f}" for _, label, share in ranked[:EXPLAINED])


def learned_span(doc: Document, index: int, features: Mapping[str, float], probability: float,
                 model: LearnedLexicon, confident: float, note: str, voice: Voice) -> Span:
    """The loaded span of the word at token ``index``, with its rule, score, why and ``note`` (the
    model's :func:`learned_note`, built once per document); under the ``confident`` bar (the possible
    tier) it is ``confidence: possible`` with the reason in words. Its ``voice`` (read for its features)
    comes last, as :func:`framing.features.loaded_voice.with_voices` gives every other loaded span its own."""
    columns = doc.token_columns()
    start, end = columns.starts[index], columns.ends[index]
    why = explain(model.scorer, features)
    attrs = {"rule": RULE, "score": round(probability, 3), "why": why}
    if probability < confident:
        attrs.update(confidence=POSSIBLE, reason=f"learned score {probability:.2f}, under the confident bar "
                                                 f"{confident:.2f} (shown from {model.shown_from(2):.2f}): {why}")
    attrs.update(voice=voice.voice, voice_reason=voice.reason)
    return Span("loaded", start, end, doc.text[start:end], columns.norms[index], "learned",
                note, "(a plainer word)", attrs)


@lru_cache(maxsize=8)
def learned_note(model: LearnedLexicon) -> str:
    """The span note: what found the word and how often such a word is right (held-out precision); the same
    for every span of a model, so built once per model."""
    figures = model.scorer.provenance.get("cross_validated", {})
    precisions = [f"{name} {value['precision']:.2f}" for name, value in sorted(figures.items())
                  if isinstance(value, dict) and "precision" in value and not name.endswith("_reported")]
    held_out = f"; held-out precision {', '.join(precisions)}: read it in context" if precisions else ""
    return f"a word the learned lexicon scores as loaded (trained on expert annotation of news{held_out})"
