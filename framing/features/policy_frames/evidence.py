"""A frame decision and its evidence: the sentences that carry the frame and the words that weighed most.

Both scorers (the cue rule and the learned model) split an article's score for a frame
into parts per sentence, each part the sum of named word contributions. The sentences
with a positive part carry the frame; a frame with no such sentence is not reported (right, or silent).

Which carrying sentences are *shown* follows a strict reader's test, "is the frame this sentence's point?"
(:func:`chosen_evidence`): a sentence's *main part* counts only the words outside side clauses
(:mod:`.clauses`: conditions, concessions, relative clauses); a sentence ranks first when the frame has
its largest main part among the article's frames of the same scorer (it *leads* there) and when at least
``MIN_WORDS`` different words of the frame meet in its main clause; then by main part. The best one is
always shown; up to ``MAX_EVIDENCE`` - 1 more only when they lead, have the words, and reach
``RELATIVE_BAR`` of the best one's main part: fewer sentences rather than weak ones. Each shown sentence
becomes a span of type ``frame`` that carries the frame's name, the rule that decided and the words.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, NamedTuple

from ...document import POSSIBLE, Document, Span

if TYPE_CHECKING:  # evidence_confidence.py reads this module's types: no import cycle at run time
    from .evidence_confidence import WhoWords

MAX_EVIDENCE = 3  # sentences shown per frame, at most
MAX_WORDS = 4  # words shown per evidence sentence
MIN_WORDS = 2  # different words of the frame in a sentence's main clause for it to count as about the frame
RELATIVE_BAR = 0.5  # a further evidence sentence's main part, at least this share of the best one's
CANDIDATES = 3  # sentences per frame that the choice looks at: the best by the key's first tiers, then main part
STRONG_WORD = 0.25  # a word is listed (and counts toward MIN_WORDS) from this share of its sentence's heaviest
SURE = 0.5  # a learned frame's probability from which it may lead the article
CONFIDENT_PRECISION = 0.80  # a frame is "confident" from the score where held-out frames are right this often


class Bar(NamedTuple):
    """The value (of the score or of the lift) from which a frame is "confident", and the precision it reaches."""

    value: float
    precision: float
    on: str = "score"  # "score" (the calibrated probability) or "lift" (log-odds above the frame's base rate)


class WordWeight(NamedTuple):
    """A word or phrase (``text[start:end]``) and what it added to the frame's score.

    A named tuple, not a frozen dataclass: the learned model makes a dozen per article, at a third of the cost.
    """

    text: str
    start: int
    end: int
    weight: float
    side: bool = False  # in a side clause: part of the sentence's part, not of its main part


class Candidate(NamedTuple):
    """A sentence that may show a frame: its parts of the score, whether the frame leads there, its cues.

    Its words are looked up only when the choice needs them (:func:`chosen_evidence`): most candidates
    are settled by the first tiers of the order, so their words are never ranked.
    """

    sentence: int
    part: float  # the sentence's whole part of the frame's score
    main_part: float  # the part of its words outside side clauses
    leads: bool  # the frame has the sentence's largest main part among the article's frames of this scorer
    cues: int  # different cue terms of this frame (``frame_cues.tsv``, written from the codebook) in its main clause

    def tier(self) -> tuple[bool, bool]:
        """The first tiers of the choice's order: leading sentences first, then those with a cue of the frame."""
        return (not self.leads, self.cues == 0)

    def order(self) -> tuple[bool, bool, float, int]:
        """The choice's order without its words tier: the tiers, then main part (ties: text order)."""
        return (not self.leads, self.cues == 0, -self.main_part, self.sentence)


class Evidence(NamedTuple):
    """A shown evidence sentence: a chosen candidate with its heaviest main-clause words, heaviest first."""

    sentence: int
    part: float
    main_part: float
    leads: bool
    words: Sequence[WordWeight]  # at most ``MAX_WORDS``, each at least ``STRONG_WORD`` of the heaviest


def distinct_words(words: Iterable[WordWeight]) -> int:
    """How many different words (case aside) of the frame a sentence's listed main-clause words hold."""
    return len({word.text.lower() for word in words})


class FrameDecision(NamedTuple):
    """An assigned frame: its score, the rule that decided, and per-sentence contributions.

    A named tuple, not a frozen dataclass: the learned model makes five or so per article, at a third of the cost.
    """

    frame: str
    score: float
    rule: str
    # Sentence index → its words' contributions. The learned model lists only its candidate sentences'
    # heaviest main-clause words, ranked when first read (most are never read).
    sentence_parts: Mapping[int, Sequence[WordWeight]]
    # Sentence index → its whole part of the score, when ``sentence_parts`` lists only the words worth
    # showing (the learned model sums every word of every sentence, but lists the best sentences' words), or
    # once :func:`with_candidates` has summed them; ``None``: summed from ``sentence_parts`` when read.
    sentence_totals: Mapping[int, float] | None = None
    # What orders the article's frames, lead first, when it is not the score: the learned model's lift,
    # its log-odds above the frame's base rate in training (so a frame common everywhere does not lead
    # an article just for being common). ``None``: the score orders.
    salience: float | None = None
    # The sentences the evidence is chosen from (:func:`chosen_evidence`), when the scorer ranks them itself
    # (the learned model, in arrays); ``None``: derived from ``sentence_parts`` (:func:`with_candidates`).
    candidates: Sequence[Candidate] | None = None
    # The model's confidence bar (from its file's provenance); ``None``: the scorer has no calibrated bar (the
    # cue rule's score is a share of the cue weight, not a probability), so its frames stand as assigned.
    bar: Bar | None = None
    # How many sentences carry the frame, when the scorer counted them (the learned model, in arrays);
    # ``None``: counted from ``sentence_totals`` (:func:`carrying_sentences`).
    carrying: int | None = None
    # Whether ``sentence_parts`` already lists each sentence's shown words, heaviest first (the learned model's
    # candidates); else they are ranked from all its words (:func:`_heaviest_words`).
    words_ranked: bool = False

    def _barred(self) -> float:
        """The number the bar is on: the score, or the lift (none: never confident)."""
        if self.bar is not None and self.bar.on == "lift":
            return -math.inf if self.salience is None else self.salience
        return self.score

    def in_writers_voice(self) -> bool:
        """Whether some sentence's main part carries the frame (a candidate): not only quoted sources' words,
        side clauses or names. The article's frame is the writer's choice; a source's quoted words carry the
        source's frame."""
        candidates = self.candidates if self.candidates is not None else with_candidates([self])[0].candidates
        return bool(candidates)

    def confident(self) -> bool:
        """Whether the frame is a finding ("confident") rather than "possible": its score (or lift) reaches the bar
        and the writer's own words carry it (:meth:`in_writers_voice`)."""
        return self.verdict()[0]

    def reason(self) -> str:
        """Why the frame is confident or possible, in words."""
        return self.verdict()[1]

    def verdict(self) -> tuple[bool, str]:
        """:meth:`confident` and :meth:`reason` together, each test made once."""
        if not self.in_writers_voice():
            return False, ("carried only by quoted sources' words, side clauses or names, never by a main statement "
                           "in the writer's voice")
        if self.bar is None:
            return True, ("the cue rule has no calibrated bar (its score is a share of the cue weight, not a "
                          "probability)")
        barred = self._barred()
        reaches = barred >= self.bar.value
        return reaches, (f"{self.bar.on} {_bar_number(self.bar, barred)} {'at or above' if reaches else 'under'} "
                         f"{_bar_words(self.bar)}")

    def order(self) -> tuple[bool, float, str]:
        """The sort key of the article's frames, lead frame first.

        By score; or, with a salience, the frames scored at least ``SURE`` first, each group by salience
        (a frame the model is unsure of never leads one it is sure of).
        """
        if self.salience is None:
            return (False, -self.score, self.frame)
        return (self.score < SURE, -self.salience, self.frame)


def _bar_number(bar: Bar, value: float) -> str:
    """A score or lift as a reason shows it beside ``bar``: 3 decimals, so a score never reads as its bar."""
    return f"{value:.3f}" if bar.on == "score" else f"{value:+.3f}"


@lru_cache(maxsize=8)
def _bar_words(bar: Bar) -> str:
    """Where a model's bar lies, in words; the same for every frame of the model, so written once per bar."""
    return f"the bar {_bar_number(bar, bar.value)} chosen where held-out precision reaches {bar.precision:.2f}"


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
    if decision.carrying is not None:
        return decision.carrying
    return sum(part > 0 for part in _sentence_totals(decision).values())


def evidence_sentences(
    decision: FrameDecision, most: int | None = MAX_EVIDENCE
) -> list[tuple[int, float, list[WordWeight]]]:
    """The sentences that carry a frame: ``(sentence, part, words)`` with a positive part, largest first.

    ``most`` sentences (``None``: every sentence that carries the frame); the words are ranked for
    those sentences only. Whether a frame has any decides whether it is reported; which are shown is
    :func:`chosen_evidence`'s stricter choice.
    """
    return _with_words(decision, _carrying(decision)[:most])


def with_candidates(decisions: Sequence[FrameDecision]) -> list[FrameDecision]:
    """The decisions with their candidate evidence sentences, from their per-sentence words.

    A sentence's main part sums its words outside side clauses; it *leads* for the frame whose main part
    there is the largest among ``decisions`` (one scorer's, so the parts share a scale).
    """
    mains = [{sentence: sum(w.weight for w in words if not w.side) for sentence, words in d.sentence_parts.items()}
             for d in decisions]
    best: dict[int, float] = {}
    for main in mains:
        for sentence, part in main.items():
            best[sentence] = max(best.get(sentence, part), part)
    updated = []
    for decision, main in zip(decisions, mains, strict=True):
        totals = _sentence_totals(decision)
        ranked = sorted((sentence for sentence, part in main.items() if part > 0),
                        key=lambda sentence: (-main[sentence], sentence))[:CANDIDATES]
        updated.append(decision._replace(sentence_totals=totals, candidates=[  # totals kept: summed once
            Candidate(sentence, totals[sentence], main[sentence], main[sentence] >= best[sentence],
                      len({w.text.lower() for w in decision.sentence_parts[sentence] if not w.side}))
            for sentence in ranked]))
    return updated


def _heaviest_words(words: Iterable[WordWeight]) -> list[WordWeight]:
    """A sentence's ``MAX_WORDS`` heaviest positive main-clause words, heaviest first (ties: text order)."""
    return strong_words(sorted((w for w in words if w.weight > 0 and not w.side), key=lambda w: (-w.weight, w.start)))


def strong_words(heaviest_first: Sequence[WordWeight]) -> list[WordWeight]:
    """The words worth listing: at most ``MAX_WORDS``, each at least ``STRONG_WORD`` of the heaviest one.

    A word that adds a hundredth of what the sentence's main word adds ("has +0.00") explains nothing
    and would let any long sentence pass for one where several words of the frame meet.
    """
    if not heaviest_first:
        return []
    floor = STRONG_WORD * heaviest_first[0].weight
    return [word for word in heaviest_first[:MAX_WORDS] if word.weight >= floor]


def chosen_evidence(decision: FrameDecision) -> list[Evidence]:
    """The sentences shown for a frame, best first: the best candidate, and others only if they are as good.

    Ranked by the candidates' tiers (:meth:`Candidate.tier`: leading, a cue of the frame), then by whether
    ``MIN_WORDS`` different words of the frame meet in the main clause, then main part. The first is always
    shown (so a reported frame keeps its evidence); each further one only if it leads, has a cue and
    ``MIN_WORDS`` different words and reaches ``RELATIVE_BAR`` of the first's main part. A frame whose words
    all sit in side clauses shows its best carrying sentence. A candidate's words are ranked only when the
    choice reaches it: for the first tier's candidates in order until one has the words, for the others
    only once their tiers and main part pass.
    """
    candidates = decision.candidates if decision.candidates is not None else with_candidates([decision])[0].candidates
    ordered = sorted(candidates or (), key=Candidate.order)
    if not ordered:
        return [Evidence(sentence, part, part, False, words)
                for sentence, part, words in evidence_sentences(decision, 1)]
    listed: dict[int, Sequence[WordWeight]] = {}
    parts, ranked = decision.sentence_parts, decision.words_ranked

    def words(candidate: Candidate) -> Sequence[WordWeight]:
        sentence = candidate.sentence
        if sentence not in listed:
            listed[sentence] = parts[sentence] if ranked else _heaviest_words(parts.get(sentence, ()))
        return listed[sentence]

    first, tier = ordered[0], ordered[0].tier()
    for candidate in ordered:
        if candidate.tier() != tier:
            break
        if distinct_words(words(candidate)) >= MIN_WORDS:
            first = candidate
            break
    chosen, bar = [first], RELATIVE_BAR * first.main_part
    for candidate in ordered:
        if len(chosen) == MAX_EVIDENCE:
            break
        if (candidate is not first and candidate.leads and candidate.cues > 0 and candidate.main_part >= bar
                and distinct_words(words(candidate)) >= MIN_WORDS):
            chosen.append(candidate)
    return [Evidence(c.sentence, c.part, c.main_part, c.leads, words(c)) for c in chosen]


def frame_spans(doc: Document, decisions: Iterable[FrameDecision], who: WhoWords | None = None) -> list[Span]:
    """One ``frame`` span per evidence sentence of each decision (frames without evidence are dropped).

    Each span records its frame's place in the article (``frame_rank``, 1 = the lead frame) in the
    decisions' order (:meth:`FrameDecision.order`), each sentence's ``describing_share`` (the part of its listed
    words' weight carried by words that describe a person) and ``actor_share`` (by words naming who acts, where
    ``who`` says), and on the lead frame the
    second frame that nearly ties it (``close_to``). A frame whose best sentence weighs on such words is
    "possible", and so is one whose best sentence names who acts and says little else
    (:func:`.evidence_confidence.frame_sureness`).
    """
    from .evidence_confidence import close_second, frame_sureness

    spans = []
    ordered = [(d, c) for d in sorted(decisions, key=FrameDecision.order) if (c := carrying_sentences(d))]
    shown = [chosen_evidence(decision) for decision, _ in ordered]
    # each shown sentence's describing and actor shares, once: its attributes, and the best one's verdict
    shares = [[None if who is None else who.shares(chosen.words) for chosen in chosen_list] for chosen_list in shown]
    sureness = [frame_sureness(decision, chosen, chosen_shares[0] if chosen_shares else None, who)
                for (decision, _), chosen, chosen_shares in zip(ordered, shown, shares, strict=True)]
    for frame_rank, ((decision, carrying), chosen_list, chosen_shares, (confident, reason)) in enumerate(
            zip(ordered, shown, shares, sureness, strict=True), start=1):
        # a near tie is named on the lead frame, when the second frame is itself confident
        close_to = (ordered[1][0].frame if frame_rank == 1 and len(ordered) > 1 and sureness[1][0]
                    and close_second(decision, ordered[1][0]) else None)
        carries = f"carries the frame {decision.frame.replace('_', ' ')} ({_ordered_by(decision)}); "
        if close_to:
            carries += f"close to {close_to.replace('_', ' ')}, the second frame; "
        if not confident:  # its evidence is shown only with that label
            carries = f"Possible frame ({reason}): {carries}"
        shared = {"rule": decision.rule, "frame_score": round(decision.score, 3), "frame_rank": frame_rank,
                  "confidence": "confident" if confident else POSSIBLE, "reason": reason, "close_to": close_to,
                  "frame_lift": None if decision.salience is None else round(decision.salience, 3)}
        for rank, (chosen, sentence_shares) in enumerate(zip(chosen_list, chosen_shares, strict=True), start=1):
            start, end = doc.sentences[chosen.sentence]
            words = chosen.words
            listed = ", ".join([f"{text} {weight:+.2f}" for text, _, _, weight, _ in words])
            describing, actor = (None, None) if sentence_shares is None else (
                round(sentence_shares.describing, 3), round(sentence_shares.actor, 3))
            spans.append(Span(
                type="frame", start=start, end=end, text=doc.text[start:end], label=decision.frame,
                category=decision.frame, note=f"{carries}words that weighed most: {listed}",
                attrs={**shared, "evidence_rank": rank, "frame_sentences": carrying,
                       "sentence_weight": round(chosen.part, 3), "main_clause_weight": round(chosen.main_part, 3),
                       "leads_sentence": chosen.leads, "describing_share": describing, "actor_share": actor,
                       "words": [{"text": text, "start": word_start, "end": word_end, "weight": round(weight, 3)}
                                 for text, word_start, word_end, weight, _ in words]},
            ))
    return spans


def _ordered_by(decision: FrameDecision) -> str:
    """The score, and what orders the frames when it is not the score (the lift), in words."""
    if decision.salience is None:
        return f"score {decision.score:.2f}, which orders the frames"
    sure = "" if decision.score >= SURE else f"; below {SURE}, so after the frames the model is sure of"
    return (f"score {decision.score:.2f}; ordered by lift {decision.salience:+.2f}, how far the article raises the "
            f"frame's log-odds above its base rate{sure}")


def frame_records(spans: Iterable[Span]) -> list[dict[str, Any]]:
    """The record's ``frames``: each assigned frame with its score and evidence sentences, lead frame first."""
    frames: dict[str, dict[str, Any]] = {}
    for span in spans:
        if span.type != "frame":
            continue
        record = frames.setdefault(span.label, {
            "frame": span.label, "score": span.attrs.get("frame_score", 0.0), "rank": span.attrs.get("frame_rank", 0),
            "lift": span.attrs.get("frame_lift"),
            "rule": span.attrs.get("rule", ""),
            "confidence": span.attrs.get("confidence", "confident"), "reason": span.attrs.get("reason", ""),
            "close_to": span.attrs.get("close_to"),
            "sentences": span.attrs.get("frame_sentences", 0), "evidence": [],
        })
        record["evidence"].append({"start": span.start, "end": span.end, "rank": span.attrs.get("evidence_rank", 0),
                                   "words": list(span.attrs.get("words", []))})
    for record in frames.values():
        record["evidence"].sort(key=lambda item: item["rank"])
    return sorted(frames.values(), key=lambda record: (record["rank"], -record["score"], record["frame"]))
