"""The learned model's evidence: each assigned frame's sentence parts, candidates and (lazily) their words.

Split from :mod:`.model` (which scores the article): every sentence's part and main-clause part of every
assigned frame comes from two ``bincount`` calls and the candidate sentences from one sort of all frames at
once; a candidate's words are ranked, in plain Python over the dozen or two items of its sentence, only when
:func:`.evidence.chosen_evidence` reaches it, so most candidates' words are never looked at.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Mapping, Sequence
from itertools import compress
from operator import ge
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
    main_contributions = parts.contributions * ~parts.side[:, None]
    # Two bincounts sum every sentence's whole part and main-clause part of every frame, frame by frame: rows
    # 0..n_frames-1 of ``sums`` the whole parts, n_frames.. the main-clause parts (side-clause items count 0 there).
    cells = (parts.sentences[:, None] + np.arange(0, n_frames * n_sentences, n_sentences)).ravel()
    sums = [row for weights in (parts.contributions, main_contributions)
            for row in np.bincount(cells, weights=weights.ravel(), minlength=n_frames * n_sentences)
            .reshape(n_frames, n_sentences).tolist()]
    # From here plain lists over the sentences × frames cells (a few dozen in a news article), walked by C-level
    # ``map`` and ``sorted``: an array step costs as much as a hundred of those cells.
    totals_by_frame, main_by_frame = sums[:n_frames], sums[n_frames:]
    tops = list(map(max, *main_by_frame)) if n_frames > 1 else main_by_frame[0]  # each sentence's leading main part
    cues = _cue_terms(parts.hits, {frame: column for column, (frame, _, _) in enumerate(frames)})
    cue_sentences: list[list[int]] = [[] for _ in frames]
    for sentence, column in cues:
        cue_sentences[column].append(sentence)
    words = _SentenceWords(doc, parts, main_contributions, n_sentences)
    decisions = []
    for column, ((frame, score, lift), column_totals, column_main) in enumerate(
            zip(frames, totals_by_frame, main_by_frame, strict=True)):
        leads = list(map(ge, column_main, tops))
        candidates = [Candidate(s, column_totals[s], column_main[s], leads[s], cues.get((s, column), 0))
                      for s in _best_sentences(column_main, leads, cue_sentences[column])]
        decisions.append(FrameDecision(frame, score, RULE, _CandidateWords(words, column, candidates),
                                       dict(enumerate(column_totals)), lift, candidates, bar,
                                       sum(map(_POSITIVE, column_totals)), words_ranked=True))
    return decisions


_POSITIVE = (0.0).__lt__  # ``_POSITIVE(x)``: x > 0, as a C-level callable for ``map``


def _best_sentences(main: Sequence[float], leads: Sequence[bool], cue_sentences: Sequence[int]) -> list[int]:
    """A frame's ``CANDIDATES`` sentences with a positive main part, in :meth:`Candidate.order`'s tiers as one
    number (main part, + ``CUE_TIER`` with a cue of the frame, + ``LEAD_TIER`` where the frame leads), highest first,
    ties in text order (``sorted`` is stable, in reverse too)."""
    tiers = list(main)
    for sentence in cue_sentences:
        tiers[sentence] += CUE_TIER
    for sentence in compress(range(len(main)), leads):
        tiers[sentence] += LEAD_TIER
    return sorted(compress(range(len(main)), map(_POSITIVE, main)), key=tiers.__getitem__, reverse=True)[:CANDIDATES]


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
        extra = []  # the cues at no positive word's place
        for cue, weight in zip(cues, cue_weights, strict=True):
            if weight > 0:
                start = self.cue_starts[cue]
                place = bisect_left(starts, start)
                if place < len(starts) and starts[place] == start and weights[place] > 0:
                    summed[place] += weight  # the word and every cue that starts with it, summed
                    shown[place] = cue
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
