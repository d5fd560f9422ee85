"""A frame decision and its evidence: the sentences that carry the frame and the words that weighed most.

Both scorers (the cue rule and the learned model) split an article's score for a frame
into parts per sentence, each part the sum of named word contributions. The sentences
with a positive part carry the frame; the largest ``MAX_EVIDENCE`` are its evidence; a frame with no such sentence
is not reported (right, or silent). Each evidence sentence becomes a span of type
``frame`` that carries the frame's name, the rule that decided and the words.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ...document import Document, Span

MAX_EVIDENCE = 3  # sentences shown per frame
MAX_WORDS = 4  # words shown per evidence sentence


@dataclass(frozen=True, slots=True)
class WordWeight:
    """A word or phrase (``text[start:end]``) and what it added to the frame's score."""

    text: str
    start: int
    end: int
    weight: float


@dataclass(frozen=True, slots=True)
class FrameDecision:
    """An assigned frame: its score, the rule that decided, and per-sentence contributions."""

    frame: str
    score: float
    rule: str
    sentence_parts: Mapping[int, Sequence[WordWeight]]  # sentence index → its words' contributions
    # Sentence index → its whole part of the score, when ``sentence_parts`` lists only the words worth
    # showing (the learned model sums every word of every sentence, but lists the best sentences' words).
    sentence_totals: Mapping[int, float] | None = None


def evidence_sentences(
    decision: FrameDecision, most: int | None = MAX_EVIDENCE
) -> list[tuple[int, float, list[WordWeight]]]:
    """The best sentences for a frame: ``(sentence, part, words)`` with a positive part, largest first.

    ``most`` sentences (``None``: every sentence that carries the frame).
    """
    ranked = []
    totals = decision.sentence_totals
    if totals is None:
        totals = {sentence: sum(word.weight for word in words) for sentence, words in decision.sentence_parts.items()}
    for sentence, part in totals.items():
        words = decision.sentence_parts.get(sentence, ())
        if part > 0:
            best = sorted((w for w in words if w.weight > 0), key=lambda w: (-w.weight, w.start))[:MAX_WORDS]
            ranked.append((sentence, part, best))
    ranked.sort(key=lambda item: (-item[1], item[0]))
    return ranked[:most]


def frame_spans(doc: Document, decisions: Iterable[FrameDecision]) -> list[Span]:
    """One ``frame`` span per evidence sentence of each decision (frames without evidence are dropped)."""
    spans = []
    for decision in decisions:
        carrying = evidence_sentences(decision, None)
        for rank, (sentence, part, words) in enumerate(carrying[:MAX_EVIDENCE], start=1):
            start, end = doc.sentences[sentence]
            listed = ", ".join(f"{w.text} {w.weight:+.2f}" for w in words)
            spans.append(Span(
                type="frame", start=start, end=end, text=doc.text[start:end], label=decision.frame,
                category=decision.frame,
                note=f"carries the frame {decision.frame.replace('_', ' ')} (score {decision.score:.2f}); "
                     f"words that weighed most: {listed}",
                attrs={"rule": decision.rule, "frame_score": round(decision.score, 3), "evidence_rank": rank,
                       "frame_sentences": len(carrying),
                       "sentence_weight": round(part, 3),
                       "words": [{"text": w.text, "start": w.start, "end": w.end, "weight": round(w.weight, 3)}
                                 for w in words]},
            ))
    return spans


def frame_records(spans: Iterable[Span]) -> list[dict[str, Any]]:
    """The record's ``frames``: each assigned frame with its score and evidence sentences, best first."""
    frames: dict[str, dict[str, Any]] = {}
    for span in spans:
        if span.type != "frame":
            continue
        record = frames.setdefault(span.label, {
            "frame": span.label, "score": span.attrs.get("frame_score", 0.0), "rule": span.attrs.get("rule", ""),
            "sentences": span.attrs.get("frame_sentences", 0), "evidence": [],
        })
        record["evidence"].append({"start": span.start, "end": span.end, "rank": span.attrs.get("evidence_rank", 0),
                                   "words": list(span.attrs.get("words", []))})
    for record in frames.values():
        record["evidence"].sort(key=lambda item: item["rank"])
    return sorted(frames.values(), key=lambda record: (-record["score"], record["frame"]))
