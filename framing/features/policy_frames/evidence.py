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
SURE = 0.5  # a learned frame's probability from which it may lead the article (below: "possible")


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
    # What orders the article's frames, lead first, when it is not the score: the learned model's lift,
    # its log-odds above the frame's base rate in training (so a frame common everywhere does not lead
    # an article just for being common). ``None``: the score orders.
    salience: float | None = None

    def order(self) -> tuple[bool, float, str]:
        """The sort key of the article's frames, lead frame first.

        By score; or, with a salience, the frames scored at least ``SURE`` first, each group by salience
        (a frame the model is unsure of never leads one it is sure of).
        """
        if self.salience is None:
            return (False, -self.score, self.frame)
        return (self.score < SURE, -self.salience, self.frame)


def _sentence_totals(decision: FrameDecision) -> Mapping[int, float]:
    """Each sentence's part of the decision's score (summed from its words when no totals are kept)."""
    if decision.sentence_totals is not None:
        return decision.sentence_totals
    return {sentence: sum(word.weight for word in words) for sentence, words in decision.sentence_parts.items()}


def _carrying(decision: FrameDecision) -> list[tuple[float, int]]:
    """``(-part, sentence)`` of every sentence with a positive part, largest part first (ties: text order)."""
    return sorted((-part, sentence) for sentence, part in _sentence_totals(decision).items() if part > 0)


def _with_words(decision: FrameDecision, ranked: list[tuple[float, int]]) -> list[tuple[int, float, list[WordWeight]]]:
    """``(sentence, part, words)`` for ``ranked`` sentences: their ``MAX_WORDS`` heaviest positive words."""
    return [(sentence, -negative, sorted((w for w in decision.sentence_parts.get(sentence, ()) if w.weight > 0),
                                         key=lambda w: (-w.weight, w.start))[:MAX_WORDS])
            for negative, sentence in ranked]


def carrying_sentences(decision: FrameDecision) -> int:
    """How many sentences carry the frame (a positive part of its score)."""
    return len(_carrying(decision))


def evidence_sentences(
    decision: FrameDecision, most: int | None = MAX_EVIDENCE
) -> list[tuple[int, float, list[WordWeight]]]:
    """The best sentences for a frame: ``(sentence, part, words)`` with a positive part, largest first.

    ``most`` sentences (``None``: every sentence that carries the frame); the words are ranked for
    those sentences only.
    """
    return _with_words(decision, _carrying(decision)[:most])


def frame_spans(doc: Document, decisions: Iterable[FrameDecision]) -> list[Span]:
    """One ``frame`` span per evidence sentence of each decision (frames without evidence are dropped).

    Each span records its frame's place in the article (``frame_rank``, 1 = the lead frame) in the
    decisions' order (:meth:`FrameDecision.order`).
    """
    spans = []
    ordered = ((decision, _carrying(decision)) for decision in sorted(decisions, key=FrameDecision.order))
    for frame_rank, (decision, carrying) in enumerate(((d, c) for d, c in ordered if c), start=1):
        for rank, (sentence, part, words) in enumerate(_with_words(decision, carrying[:MAX_EVIDENCE]), start=1):
            start, end = doc.sentences[sentence]
            listed = ", ".join(f"{w.text} {w.weight:+.2f}" for w in words)
            spans.append(Span(
                type="frame", start=start, end=end, text=doc.text[start:end], label=decision.frame,
                category=decision.frame,
                note=f"carries the frame {decision.frame.replace('_', ' ')} (score {decision.score:.2f}); "
                     f"words that weighed most: {listed}",
                attrs={"rule": decision.rule, "frame_score": round(decision.score, 3), "frame_rank": frame_rank,
                       "evidence_rank": rank,
                       "frame_sentences": len(carrying),
                       "sentence_weight": round(part, 3),
                       "words": [{"text": w.text, "start": w.start, "end": w.end, "weight": round(w.weight, 3)}
                                 for w in words]},
            ))
    return spans


def frame_records(spans: Iterable[Span]) -> list[dict[str, Any]]:
    """The record's ``frames``: each assigned frame with its score and evidence sentences, lead frame first."""
    frames: dict[str, dict[str, Any]] = {}
    for span in spans:
        if span.type != "frame":
            continue
        record = frames.setdefault(span.label, {
            "frame": span.label, "score": span.attrs.get("frame_score", 0.0), "rank": span.attrs.get("frame_rank", 0),
            "rule": span.attrs.get("rule", ""),
            "sentences": span.attrs.get("frame_sentences", 0), "evidence": [],
        })
        record["evidence"].append({"start": span.start, "end": span.end, "rank": span.attrs.get("evidence_rank", 0),
                                   "words": list(span.attrs.get("words", []))})
    for record in frames.values():
        record["evidence"].sort(key=lambda item: item["rank"])
    return sorted(frames.values(), key=lambda record: (record["rank"], -record["score"], record["frame"]))
