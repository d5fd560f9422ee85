"""The learned model's evidence: each assigned frame's sentence parts, candidates and (lazily) their words.

Split from :mod:`.model` (which scores the article): every sentence's part and main-clause part of every
assigned frame comes from two ``bincount`` calls and the candidate sentences from one sort of all frames at
once; a candidate's words are ranked, in plain Python over the dozen or two items of its sentence, only when
:func:`.evidence.chosen_evidence` reaches it, so most candidates' words are never looked at.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, NamedTuple

from ...document import Document
from .cues import CueHit
from .evidence import CANDIDATES, MAX_WORDS, STRONG_WORD, Bar, Candidate, FrameDecision, WordWeight

RULE = "frame_model"
# Tiers that put the candidate sentences in :meth:`.evidence.Candidate.order` by one number: a sentence the
# frame leads comes before one it does not, then one with a cue of the frame; main parts (log-odds) stay far below.
CUE_TIER, LEAD_TIER = 1e3, 1e6


class Parts(NamedTuple):
    """What each scored item (a known word occurrence, then a cue hit) adds to each frame's log-odds."""

    sentences: Any  # the item's sentence
    starts: Any  # the item's start in the text
    side: Any  # whether the item sits in a side clause (:mod:`.clauses`)
    tokens: list[int]  # the word items' token indexes
    hits: Sequence[CueHit]  # the cue items
    contributions: Any  # items × frames

    def places(self, doc: Document) -> Callable[[int], tuple[str, int, int]]:
        """An item's words and offsets, looked up only for the items an evidence sentence may list."""
        columns, tokens, hits = doc.token_columns(), self.tokens, self.hits
        texts, starts, ends, n_tokens = columns.texts, columns.starts, columns.ends, len(tokens)

        def place(item: int) -> tuple[str, int, int]:
            if item < n_tokens:
                token = tokens[item]
                return texts[token], starts[token], ends[token]
            hit = hits[item - n_tokens]
            return hit.text, hit.start, hit.end
        return place


def word_decisions(
    doc: Document, frames: Sequence[tuple[str, float, float]], parts: Parts, bar: Bar | None
) -> list[FrameDecision]:
    """The model's decisions: every sentence's total, the candidate evidence sentences, their words on demand.

    ``frames`` are ``(frame, probability, lift)``; ``parts.contributions`` has one column per frame.
    """
    import numpy as np

    if not frames:
        return []
    n_sentences, n_frames = max(len(doc.sentences), 1), len(frames)
    # One bincount sums every sentence's whole part and main-clause part of every frame: columns
    # 0..n_frames-1 the whole parts, n_frames.. the main-clause parts (side-clause items count 0 there).
    main_contributions = parts.contributions * ~parts.side[:, None]
    cells = parts.sentences[:, None] * (2 * n_frames) + np.arange(2 * n_frames)
    sums = np.bincount(cells.ravel(), weights=np.concatenate((parts.contributions, main_contributions), axis=1).ravel(),
                       minlength=n_sentences * 2 * n_frames).reshape(n_sentences, 2 * n_frames)
    totals, main = sums[:, :n_frames], sums[:, n_frames:]
    leads = main >= main.max(axis=1, keepdims=True)
    cues = _cue_terms(parts.hits, {frame: column for column, (frame, _, _) in enumerate(frames)})
    has_cue = np.zeros(main.shape, dtype=bool)
    if cues:
        has_cue[tuple(np.array(list(cues), dtype=np.intp).T)] = True
    # The candidates: by :meth:`Candidate.order`'s tiers (leads, a cue, main part), here in arrays.
    tiers = np.where(main > 0, main + CUE_TIER * has_cue + LEAD_TIER * leads, -np.inf)
    best = np.argsort(-tiers, axis=0, kind="stable")[:CANDIDATES].T.tolist()  # per frame, sentence indexes
    carrying = (totals > 0).sum(axis=0).tolist()
    # Plain lists from here: indexing them per candidate is far cheaper than indexing arrays.
    totals_by_frame, main_by_frame, leads_by_frame = totals.T.tolist(), main.T.tolist(), leads.T.tolist()
    words = _SentenceWords(doc, parts, main_contributions, n_sentences)
    decisions = []
    for column, ((frame, score, lift), sentences) in enumerate(zip(frames, best, strict=True)):
        column_totals, column_main, column_leads = (by_frame[column] for by_frame in (totals_by_frame, main_by_frame,
                                                                                     leads_by_frame))
        candidates = [Candidate(s, column_totals[s], column_main[s], column_leads[s], cues.get((s, column), 0))
                      for s in sentences if column_main[s] > 0]
        decisions.append(FrameDecision(frame, score, RULE, _CandidateWords(words, column, candidates),
                                       dict(enumerate(column_totals)), lift, candidates, bar, carrying[column],
                                       words_ranked=True))
    return decisions


class _CandidateWords(Mapping[int, list[WordWeight]]):
    """A frame's candidate sentences → their heaviest main-clause words, ranked when read (``sentence_parts``)."""

    __slots__ = ("_column", "_sentences", "_words")

    def __init__(self, words: _SentenceWords, column: int, candidates: Sequence[Candidate]) -> None:
        self._words, self._column = words, column
        self._sentences = tuple(candidate.sentence for candidate in candidates)

    def __getitem__(self, sentence: int) -> list[WordWeight]:
        if sentence not in self._sentences:
            raise KeyError(sentence)
        return self._words.heaviest(self._column, sentence)

    def __iter__(self) -> Iterator[int]:
        return iter(self._sentences)

    def __len__(self) -> int:
        return len(self._sentences)


class _SentenceWords:
    """The words a candidate sentence lists for a frame, found from its items in plain Python.

    A sentence holds a dozen or two scored items; looping over those of the few candidate sentences costs
    less than the array operations that would rank every item of the article. Only the read sentence's
    item weights become Python floats.
    """

    def __init__(self, doc: Document, parts: Parts, main_contributions: Any, n_sentences: int) -> None:
        import numpy as np

        n_words = len(parts.tokens)
        # Each sentence's word items are items bounds[s]:bounds[s + 1] (the words are in text order).
        self.bounds = np.searchsorted(parts.sentences[:n_words], np.arange(n_sentences + 1)).tolist()
        self.cue_items: dict[int, list[int]] = {}
        self.cue_starts: dict[int, int] = {}
        for item, hit in enumerate(parts.hits, start=n_words):
            self.cue_items.setdefault(hit.sentence, []).append(item)
            self.cue_starts[item] = hit.start
        self.starts, self.place, self.main_contributions = parts.starts, parts.places(doc), main_contributions

    def heaviest(self, column: int, sentence: int) -> list[WordWeight]:
        """The sentence's ``MAX_WORDS`` heaviest positive main-clause places, each ``STRONG_WORD`` of the heaviest.

        A word and a cue starting at the same place are one entry: their parts summed, shown as the cue.
        Heaviest first, ties in text order (no two words share a start).
        """
        first, end = self.bounds[sentence], self.bounds[sentence + 1]
        weights = self.main_contributions[first:end, column].tolist()  # word item first + i: weights[i]
        cues = self.cue_items.get(sentence)
        if cues is None:  # a stable sort keeps equal weights in text order
            heaviest = [(weights[i], first + i)
                        for i in sorted(range(end - first), key=weights.__getitem__, reverse=True)[:MAX_WORDS]]
        else:
            item = self.main_contributions.item
            heaviest = self._with_cues(first, weights, cues, [item(cue, column) for cue in cues])
        floor, place = STRONG_WORD * heaviest[0][0], self.place
        return [WordWeight(*place(item), weight) for weight, item in heaviest if weight >= floor and weight > 0]

    def _with_cues(self, first: int, weights: list[float], cues: list[int],
                   cue_weights: list[float]) -> list[tuple[float, int]]:
        """The heaviest ``(weight, item)`` of the sentence's positive words and cues: a cue at a listed word's
        place adds to it and is shown."""
        starts = self.starts[first:first + len(weights)].tolist()  # sorted: the words are in text order
        shown = list(range(first, first + len(weights)))  # the item shown at each word's place: the word, or its cue
        summed = list(weights)
        merged: dict[int, float] = {}  # a word place → the weight of the cue shown there
        extra = []  # the cues at no positive word's place
        for cue, weight in zip(cues, cue_weights, strict=True):
            if weight > 0:
                start = self.cue_starts[cue]
                place = bisect_left(starts, start)
                if place < len(starts) and starts[place] == start and weights[place] > 0:
                    summed[place] = merged.get(place, weights[place]) + weight
                    merged[place], shown[place] = weight, cue
                else:
                    extra.append((-weight, start, cue))
        ranked = [(-weight, starts[i], shown[i]) for i, weight in enumerate(summed) if weights[i] > 0] + extra
        ranked.sort()
        return [(-negative, item) for negative, _, item in ranked[:MAX_WORDS]]


def _cue_terms(hits: Sequence[CueHit], columns: Mapping[str, int]) -> dict[tuple[int, int], int]:
    """``(sentence, frame column)`` → how many different cue terms of the frame sit in the sentence's main clause."""
    counts: dict[tuple[int, int], int] = {}
    for sentence, column, _ in {(hit.sentence, columns[hit.frame], hit.term.lower()) for hit in hits
                                if not hit.side and hit.frame in columns}:
        counts[sentence, column] = counts.get((sentence, column), 0) + 1
    return counts
