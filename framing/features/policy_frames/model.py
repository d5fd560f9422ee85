"""The learned frame model: one calibrated logistic model per frame over words and cues, beside the cue rule.

Shipped as data (``frame_model.json``, ``format: framing-frame-model/4``), written by
``scripts/train_frames.py``. An article's features are its words as TF-IDF (sublinear term
frequency × the model's ``idf``, L2-normalised over the words the model knows), named
``w:<word>`` (a word before the head of a name or title as ``w:n:<word>``, :mod:`.name_words`),
and each frame's share of the article's cue-lexicon weight, named ``c:<frame>`` (without the cues
that only name an office or a body).
Each frame's weights are already calibrated (Platt scaling on cross-validated scores folded
into weights and intercept), so its probability compares across frames and one threshold
serves them all. Every score decomposes exactly into named contributions (weight × value); a
word's contribution is split over its occurrences and a cue feature's over that frame's cues,
so each frame's evidence sentences are the ones that added most to its score.

A frame is assigned when the model's probability reaches the threshold, or when the cue
rule (:mod:`.rule`, precise, from the cue lexicon) assigns it; such a frame keeps the
rule's name and its cues as evidence, and the model's probability as its score. The article's
frames are ordered by lift (log-odds above the frame's training base rate, ``prior``), the
frames the model is sure of first (:meth:`.evidence.FrameDecision.order`).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from pathlib import Path
from typing import Any, NamedTuple

from ...corpus.segmentation import is_word
from ...document import Document
from ...errors import FramingInputError
from ...lexicon_schema import POLICY_FRAMES
from ...linear_model import read_model_data
from .clauses import Clauses, asides, in_side_clause
from .cues import CueHit, weight_by_frame
from .evidence import (
    CANDIDATES,
    CONFIDENT_PRECISION,
    MAX_WORDS,
    STRONG_WORD,
    Bar,
    Candidate,
    FrameDecision,
    WordWeight,
)
from .name_words import as_name, cues_outside_names, name_word_tokens
from .rule import cue_rule_decisions, cue_rule_frames

FORMAT = "framing-frame-model/4"  # /1: cue sums, uncalibrated; /2: words only; /3: name words read as words
WORD, CUE = "w:", "c:"  # feature name prefixes: a word's TF-IDF value; a frame's share of the cue weight
CUE_ROWS = {frame: row for row, frame in enumerate(POLICY_FRAMES)}
MODEL_FILE = "frame_model.json"
RULE = "frame_model"
# Tiers that put the candidate sentences in :meth:`.evidence.Candidate.key`'s order by one number: a sentence the
# frame leads comes before one it does not, then one with a cue of the frame; main parts (log-odds) stay far below.
CUE_TIER, LEAD_TIER = 1e3, 1e6
RETRAIN = ("Restore it from the repository, or retrain it with: python scripts/train_frames.py "
           "--data DATASETS/frames -o lexicons/optional/frames-research-use/frame_model.json")


@dataclass(frozen=True, slots=True)
class FrameWeights:
    """One frame's logistic model: intercept, the probability to reach, and feature weights."""

    intercept: float
    threshold: float
    weights: Mapping[str, float]
    prior: float = 0.5  # the share of training articles with the frame (0.5: no correction of the order)


@dataclass(frozen=True, slots=True)
class FrameModel:
    """The per-frame models, the shared word IDF, and the provenance of the training."""

    idf: Mapping[str, float]
    frames: Mapping[str, FrameWeights]
    provenance: Mapping[str, Any]
    path: str
    # The same weights as arrays for scoring, built once by :meth:`of`: word → row of ``arrays.words``
    # (words × frames); ``arrays.cues`` is the cue features' (the 14 frames × the model's frames).
    rows: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)
    arrays: Any = field(default=None, repr=False, compare=False)
    bar: Bar | None = None  # from ``provenance["confidence_bar"]``: the score from which a frame is "confident"

    @classmethod
    def of(cls, idf: Mapping[str, float], frames: Mapping[str, FrameWeights], provenance: Mapping[str, Any],
           path: str, bar: Bar | None = None) -> FrameModel:
        """A model with its weight matrices built: scoring an article is then one product, not a dict walk per frame."""
        import numpy as np

        # A vocabulary word is looked up among all the tokens, marks too: one that no word token can be ("$", "'s")
        # is left out, so a mark's norm never scores (training reads word tokens only).
        rows = {word: row for row, word in enumerate(idf) if is_word(word)}
        words = np.zeros((len(rows), len(frames)))
        cues = np.zeros((len(POLICY_FRAMES), len(frames)))
        for column, weights in enumerate(frames.values()):
            for name, weight in weights.weights.items():
                if name.startswith(WORD) and name[len(WORD):] in rows:
                    words[rows[name[len(WORD):]], column] = weight
                elif name.startswith(CUE) and name[len(CUE):] in CUE_ROWS:
                    cues[CUE_ROWS[name[len(CUE):]], column] = weight
        priors = np.clip(np.array([w.prior for w in frames.values()], dtype=float), 1e-3, 1 - 1e-3)
        arrays = ScoringArrays(np.array(list(idf.values()), dtype=float), words, cues,
                               np.array([w.intercept for w in frames.values()]),
                               np.array([w.threshold for w in frames.values()]), np.log(priors / (1 - priors)))
        return cls(idf, frames, provenance, path, rows, arrays, bar)


class ScoringArrays(NamedTuple):
    """A model's weights as arrays: word IDF, word weights, cue-feature weights, intercepts, thresholds."""

    idf: Any
    words: Any
    cues: Any
    intercepts: Any
    thresholds: Any
    prior_logits: Any  # log-odds of each frame's base rate: what a frame's lift is measured from


def cue_features(hits: Sequence[CueHit]) -> dict[str, float]:
    """Each frame's share of the article's cue weight (``c:<frame>``): the cue lexicon as model features.

    A share, not a sum, so it sits on the scale of the L2-normalised word values and does not grow
    with the article's length.
    """
    totals = weight_by_frame(list(hits))
    overall = sum(totals.values()) or 1.0
    return {f"{CUE}{frame}": weight / overall for frame, weight in totals.items()}


def article_features(norms: Sequence[str], idf: Mapping[str, float], hits: Sequence[CueHit] = ()) -> dict[str, float]:
    """The named features of one article (``w:<word>``, ``c:<frame>``), as training and scoring see them.

    ``norms``: the words as :func:`.name_words.model_norms` reads them; ``hits``: the cues it counts
    (:func:`.name_words.cues_outside_names`).
    """
    counts = Counter(norm for norm in norms if norm in idf)
    values = {word: (1.0 + math.log(count)) * idf[word] for word, count in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {**{f"{WORD}{word}": value / norm for word, value in values.items()}, **cue_features(hits)}


def _known_words(doc: Document, model: FrameModel) -> tuple[Any, Any]:
    """The article's words the model knows: their token indexes and their rows in the weight matrix.

    Words before the head of a name or title (the document's mention layer) are looked up as name words.

    One C-level dictionary lookup per token (``map``), no per-token Python loop: this runs for every article.
    """
    import numpy as np

    norms = doc.token_columns().norms
    names = name_word_tokens(doc)
    if names:  # a word inside a name or title is read as one (:mod:`.name_words`), as in training
        norms = list(norms)
        for token in names:
            norms[token] = as_name(norms[token])
    rows = np.fromiter(map(model.rows.get, norms, repeat(-1)), dtype=np.intp, count=len(norms))
    tokens = np.flatnonzero(rows >= 0)
    return tokens, rows[tokens]


class _Parts(NamedTuple):
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


def _parts(doc: Document, hits: Sequence[CueHit], model: FrameModel, clauses: Clauses | None) -> _Parts:
    """Each word occurrence's and each cue's part of every frame's log-odds (they sum to logit − intercept).

    A word's contribution (weight × its TF-IDF value) is split evenly over its occurrences; a cue
    feature's (weight × the frame's cue share) over the cues of that frame by their weights.
    """
    import numpy as np

    arrays = model.arrays
    hits = cues_outside_names(doc, hits)  # the cue shares as in training (:mod:`.name_words`)
    tokens, rows = _known_words(doc, model)
    counts = np.bincount(rows, minlength=len(arrays.idf))[rows]  # each occurrence: its word's count
    values = (1.0 + np.log(counts)) * arrays.idf[rows]  # a word's TF-IDF value, at each occurrence
    shares = values / (counts * (float(np.sqrt((values * values / counts).sum())) or 1.0))
    words = shares[:, None] * arrays.words[rows]
    overall = sum(hit.weight for hit in hits) or 1.0
    cues = (np.array([hit.weight / overall for hit in hits]).reshape(-1, 1)
            * arrays.cues[np.array([CUE_ROWS[hit.frame] for hit in hits], dtype=np.intp)])
    columns = doc.token_columns()
    count = len(columns.sentences)
    sentences = np.concatenate([np.fromiter(columns.sentences, dtype=np.intp, count=count)[tokens],
                                np.array([hit.sentence for hit in hits], dtype=np.intp)])
    starts = np.concatenate([np.fromiter(columns.starts, dtype=np.intp, count=count)[tokens],
                             np.array([hit.start for hit in hits], dtype=np.intp)])
    side = np.concatenate([in_side_clause(starts[:len(tokens)], clauses if clauses is not None else asides(doc)),
                           np.array([hit.side for hit in hits], dtype=bool)])
    return _Parts(sentences, starts, side, tokens.tolist(), hits, np.vstack([words, cues]))


def model_decisions(
    doc: Document, hits: Sequence[CueHit], model: FrameModel, clauses: Clauses | None = None
) -> list[FrameDecision]:
    """The frames the model assigns (probability ≥ threshold) and those the cue rule adds, best first.

    Scored once per article from the document's tokens and cue hits. Each model decision carries
    every sentence's share of the score and the words of its best sentences only; a frame only the
    cue rule assigns keeps the rule's cues as evidence and the model's probability as its score.
    """
    import numpy as np

    parts = _parts(doc, hits, model, clauses)
    logits = model.arrays.intercepts + parts.contributions.sum(axis=0)
    probabilities = 1.0 / (1.0 + np.exp(-logits))
    assigned = np.flatnonzero(probabilities >= model.arrays.thresholds)
    names = list(model.frames)
    lifts = (logits - model.arrays.prior_logits).tolist()
    decisions = _word_decisions(doc, [(names[c], float(probabilities[c]), lifts[c]) for c in assigned],
                                parts._replace(contributions=parts.contributions[:, assigned]))
    model_frames = {name: (score, lift) for name, score, lift in zip(names, probabilities.tolist(), lifts,
                                                                      strict=True)}
    taken = {names[c] for c in assigned}
    if not taken.issuperset(cue_rule_frames(list(hits))):  # the rule's evidence leads among all the rule's frames
        decisions += [replace(decision, score=model_frames.get(decision.frame, (0.0, -math.inf))[0],
                              salience=model_frames.get(decision.frame, (0.0, -math.inf))[1])
                      for decision in cue_rule_decisions(list(hits)) if decision.frame not in taken]
    decisions.sort(key=FrameDecision.order)
    return [replace(decision, bar=model.bar) for decision in decisions]


def _word_decisions(
    doc: Document, frames: Sequence[tuple[str, float, float]], parts: _Parts
) -> list[FrameDecision]:
    """The model's decisions: every sentence's total, and the candidate evidence sentences with their words.

    ``frames`` are ``(frame, probability, lift)``; ``parts.contributions`` has one column per frame:
    all frames' sentence totals and main-clause totals come from two ``bincount`` calls and the candidates
    from one sort, so the cost per article is a few array operations plus, in plain Python, the words of at
    most ``CANDIDATES`` sentences per frame.
    """
    import numpy as np

    if not frames:
        return []
    n_sentences, n_frames = max(len(doc.sentences), 1), len(frames)
    cells = (parts.sentences[:, None] * n_frames + np.arange(n_frames)).ravel()
    main_contributions = parts.contributions * ~parts.side[:, None]
    totals, main = (np.bincount(cells, weights=c.ravel(), minlength=n_sentences * n_frames).reshape(-1, n_frames)
                    for c in (parts.contributions, main_contributions))
    leads = main >= main.max(axis=1, keepdims=True)
    cues = _cue_terms(parts.hits, {frame: column for column, (frame, _, _) in enumerate(frames)})
    has_cue = np.zeros(main.shape, dtype=bool)
    if cues:
        has_cue[tuple(np.array(list(cues), dtype=np.intp).T)] = True
    # The candidates: by :meth:`Candidate.key`'s first three tiers (leads, a cue, main part), here in arrays
    # so that only the words of CANDIDATES sentences per frame are looked up.
    tiers = np.where(main > 0, main + CUE_TIER * has_cue + LEAD_TIER * leads, -np.inf)
    best = np.argsort(-tiers, axis=0, kind="stable")[:CANDIDATES].T.tolist()  # per frame, sentence indexes
    # Plain lists from here: indexing them per candidate is far cheaper than indexing arrays.
    totals_by_frame, main_by_frame, leads_by_frame = totals.T.tolist(), main.T.tolist(), leads.T.tolist()
    words = _SentenceWords(doc, parts, main_contributions.T.tolist())
    decisions = []
    for column, ((frame, score, lift), sentences) in enumerate(zip(frames, best, strict=True)):
        column_totals, column_main = totals_by_frame[column], main_by_frame[column]
        column_leads = leads_by_frame[column]
        shown = {s: words.heaviest(column, s) for s in sentences if column_main[s] > 0}
        candidates = [Candidate(s, column_totals[s], column_main[s], column_leads[s], listed, cues.get((s, column), 0))
                      for s, listed in shown.items()]
        decisions.append(FrameDecision(frame, score, RULE, shown, dict(enumerate(column_totals)), lift, candidates))
    return decisions


class _SentenceWords:
    """The words a candidate sentence lists for a frame, found from its items in plain Python.

    A sentence holds a dozen or two scored items; looping over those of the few candidate sentences costs
    less than the array operations that would rank every item of the article.
    """

    def __init__(self, doc: Document, parts: _Parts, main_by_frame: list[list[float]]) -> None:
        n_words = len(parts.tokens)
        self.word_sentences = parts.sentences[:n_words].tolist()  # in text order, so sorted
        self.cue_items: dict[int, list[int]] = {}
        for item, hit in enumerate(parts.hits, start=n_words):
            self.cue_items.setdefault(hit.sentence, []).append(item)
        self.starts, self.weights, self.place = parts.starts.tolist(), main_by_frame, parts.places(doc)

    def heaviest(self, column: int, sentence: int) -> list[WordWeight]:
        """The sentence's ``MAX_WORDS`` heaviest positive main-clause places, each ``STRONG_WORD`` of the heaviest.

        A word and a cue starting at the same place are one entry: their parts summed, shown as the cue.
        """
        weights, starts, words = self.weights[column], self.starts, self.word_sentences
        # (-weight, start, item): sorted heaviest first, ties in text order (no two words share a start)
        ranked = [(-weights[item], starts[item], item)
                  for item in range(bisect_left(words, sentence), bisect_right(words, sentence)) if weights[item] > 0]
        if sentence in self.cue_items:
            ranked = self._with_cues(ranked, weights, self.cue_items[sentence])
        ranked.sort()
        floor = -STRONG_WORD * ranked[0][0]
        place = self.place
        return [WordWeight(*place(item), -negative) for negative, _, item in ranked[:MAX_WORDS] if -negative >= floor]

    def _with_cues(self, ranked: list[tuple[float, int, int]], weights: list[float],
                   cues: list[int]) -> list[tuple[float, int, int]]:
        """``ranked`` with the sentence's positive cues: a cue at a listed word's place adds to it and is shown."""
        at = {start: place for place, (_, start, _) in enumerate(ranked)}
        for cue in cues:
            if weights[cue] > 0:
                start = self.starts[cue]
                if start in at:
                    word = ranked[at[start]][2]
                    ranked[at[start]] = (-(weights[word] + weights[cue]), start, cue)
                else:
                    ranked.append((-weights[cue], start, cue))
        return ranked


def _cue_terms(hits: Sequence[CueHit], columns: Mapping[str, int]) -> dict[tuple[int, int], int]:
    """``(sentence, frame column)`` → how many different cue terms of the frame sit in the sentence's main clause."""
    counts: dict[tuple[int, int], int] = {}
    for sentence, column, _ in {(hit.sentence, columns[hit.frame], hit.term.lower()) for hit in hits
                                if not hit.side and hit.frame in columns}:
        counts[sentence, column] = counts.get((sentence, column), 0) + 1
    return counts


def load_frame_model(path: str | Path) -> FrameModel:
    """Read and check a frame model file; any fault is a one-line input error with the retrain command."""
    path = Path(path)
    data = read_model_data(path, FORMAT, RETRAIN)
    try:
        idf = {str(word): float(value) for word, value in data["idf"].items()}
        frames = {
            str(name): FrameWeights(float(spec["intercept"]), float(spec["threshold"]),
                                    {str(k): float(v) for k, v in spec["weights"].items()}, float(spec["prior"]))
            for name, spec in data["frames"].items()
        }
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise FramingInputError(path, f"frame model lacks or garbles {error}", RETRAIN) from None
    unknown = sorted(set(frames) - set(POLICY_FRAMES))
    if unknown:
        raise FramingInputError(path, f"frame model names unknown frame(s) {', '.join(unknown)}", RETRAIN)
    provenance = dict(data.get("provenance", {}))
    return FrameModel.of(idf, frames, provenance, str(path), bar_of(provenance, path))


def bar_of(provenance: Mapping[str, Any], path: str | Path) -> Bar:
    """The model's confidence bar from its provenance, checked: on the score (0-1) or the lift, a finite value and
    a precision in 0-1, else a model error.

    Written by ``scripts/train_frames.py`` (:func:`.training.choose_bar`); a file without it is from before
    the bar, so it is retrained rather than guessed.
    """
    entry = provenance.get("confidence_bar")
    try:
        bar = Bar(float(entry["value"]), float(entry.get("precision", CONFIDENT_PRECISION)), str(entry["on"]))
    except (KeyError, TypeError, ValueError, AttributeError):
        raise FramingInputError(path, "frame model lacks a valid provenance confidence_bar (on, value, precision)",
                                RETRAIN) from None
    in_range = 0.0 <= bar.value <= 1.0 if bar.on == "score" else math.isfinite(bar.value)
    if bar.on not in ("score", "lift") or not in_range or not 0.0 < bar.precision <= 1.0:
        raise FramingInputError(path, f"frame model's confidence bar ({bar.on} {bar.value}, precision "
                                f"{bar.precision}) is not on the score (0-1) or a finite lift", RETRAIN)
    return bar
