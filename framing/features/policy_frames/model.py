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
import struct
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple

from ...corpus.segmentation import is_word
from ...document import Document
from ...errors import FramingInputError
from ...lexicon_schema import POLICY_FRAMES
from ...linear_model import read_model_data
from ...term_matcher import TermMatcher
from .clauses import Clauses, asides, in_side_clause
from .cues import CueHit, weight_by_frame
from .evidence import CONFIDENT_PRECISION, Bar, FrameDecision
from .model_evidence import Parts, word_decisions
from .name_words import as_name, cues_outside_names, name_word_ranges, name_word_tokens
from .rule import cue_rule_decisions, cue_rule_frames

FORMAT = "framing-frame-model/4"  # /1: cue sums, uncalibrated; /2: words only; /3: name words read as words
WORD, CUE = "w:", "c:"  # feature name prefixes: a word's TF-IDF value; a frame's share of the cue weight
CUE_ROWS = {frame: row for row, frame in enumerate(POLICY_FRAMES)}
MODEL_FILE = "frame_model.json"
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
    # Memo of :meth:`token_codes`: id of a cue matcher (or None) → (that matcher, kept so the id stays its own; codes)
    codes: dict[int | None, tuple[Any, dict[str, int]]] = field(default_factory=dict, repr=False, compare=False)

    def token_codes(self, matcher: TermMatcher | None) -> dict[str, int]:
        """One dictionary for the two lookups every token needs: a norm (a name word's ``n:<norm>``) → twice its row
        in the weight matrix (-2 for none), plus one if a term of ``matcher`` (the cue lexicon's) starts with the
        word. So the model's words and the cue matcher's starting places come from one lookup per token.

        Built once per matcher (a name word's cue bit is its plain norm's: the matcher reads the plain norms).
        """
        key = None if matcher is None else id(matcher)
        memo = self.codes.get(key)
        if memo is None or memo[0] is not matcher:  # (a model unpickled elsewhere keeps ids that name other objects)
            codes = {word: 2 * row for word, row in self.rows.items()}
            for first in (matcher.first_tokens if matcher is not None else ()):
                for word in (first, as_name(first)):
                    codes[word] = codes.get(word, -2) + 1
            memo = self.codes[key] = (matcher, codes)
        return memo[1]

    @classmethod
    def of(cls, idf: Mapping[str, float], frames: Mapping[str, FrameWeights], provenance: Mapping[str, Any],
           path: str, bar: Bar | None = None) -> FrameModel:
        """A model with its weight matrices built: scoring an article is then one product, not a dict walk per frame."""
        import numpy as np

        # A vocabulary word is looked up among all the tokens, marks too: one that no word token can be ("$", "'s")
        # is left out, so a mark's norm never scores (training reads word tokens only).
        rows = {word: row for row, word in enumerate(idf) if is_word(word)}
        words = np.zeros((len(idf), len(frames)))  # by IDF position (a left-out word keeps an unread row)
        cues = np.zeros((len(POLICY_FRAMES), len(frames)))
        for column, weights in enumerate(frames.values()):
            for name, weight in weights.weights.items():
                if name.startswith(WORD) and name[len(WORD):] in rows:
                    words[rows[name[len(WORD):]], column] = weight
                elif name.startswith(CUE) and name[len(CUE):] in CUE_ROWS:
                    cues[CUE_ROWS[name[len(CUE):]], column] = weight
        priors = np.clip(np.array([w.prior for w in frames.values()], dtype=float), 1e-3, 1 - 1e-3)
        arrays = ScoringArrays(np.array(list(idf.values()), dtype=float), np.concatenate((words, cues)),
                               np.array([w.intercept for w in frames.values()]),
                               tuple(float(w.threshold) for w in frames.values()),
                               tuple(np.log(priors / (1 - priors)).tolist()), tuple(frames))
        return cls(idf, frames, provenance, path, rows, arrays, bar)


class ScoringArrays(NamedTuple):
    """A model's weights as arrays (word IDF, word and cue-feature weights, intercepts) and, per frame in column
    order, as plain tuples: an article's dozen per-frame numbers cost less in Python than in array calls."""

    idf: Any
    # The weights of every feature that becomes an item: the words' rows, then the cue features' (the 14 frames, in
    # :data:`CUE_ROWS` order, from row ``len(idf)``), so a word and a cue take their weights in one gather.
    items: Any
    intercepts: Any
    thresholds: tuple[float, ...]
    prior_logits: tuple[float, ...]  # log-odds of each frame's base rate: what a frame's lift is measured from
    frames: tuple[str, ...]  # the frames' names


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


def int_array(values: Sequence[int]) -> Any:
    """Python ints as a (read-only) integer array: ``struct`` packs them at about half the cost of ``np.fromiter``,
    which converts each element through numpy's generic scalar path."""
    import numpy as np

    return np.frombuffer(struct.pack(f"{len(values)}n", *values), dtype=np.intp)


def _picked(values: Sequence[int], indexes: list[int]) -> tuple[int, ...]:
    """``values`` at ``indexes`` as a tuple (``itemgetter`` gathers at C speed; it returns a bare value for one)."""
    return itemgetter(*indexes)(values) if len(indexes) > 1 else tuple(values[index] for index in indexes)


class KnownWords(NamedTuple):
    """The article's words the model knows (token indexes, rows in the weight matrix) and, when asked for, the
    tokens a cue term may start at (for :func:`.cues.cue_hits`)."""

    tokens: list[int]
    rows: Any
    cue_starts: list[int] | None = None


def known_words(doc: Document, model: FrameModel, names: Sequence[tuple[int, int]],
                matcher: TermMatcher | None = None) -> KnownWords:
    """The article's words the model knows, and the places where a term of ``matcher`` (the cue lexicon's) may start.

    Words before the head of a name or title (``names``: :func:`.name_words.name_word_ranges`) are looked up as
    name words.

    One C-level dictionary lookup per token (``map``) for both (:meth:`FrameModel.token_codes`), no per-token
    Python loop: this runs for every article.
    """
    import numpy as np

    norms = doc.token_columns().norms
    if names:  # a word inside a name or title is read as one (:mod:`.name_words`), as in training
        norms = list(norms)
        for token in name_word_tokens(doc, names):
            norms[token] = as_name(norms[token])
    codes = np.frombuffer(struct.pack(f"{len(norms)}n", *map(model.token_codes(matcher).get, norms, repeat(-2))),
                          dtype=np.intp)
    rows = codes >> 1
    tokens = np.flatnonzero(rows >= 0)
    return KnownWords(tokens.tolist(), rows[tokens], None if matcher is None else np.flatnonzero(codes & 1).tolist())


def _parts(doc: Document, hits: Sequence[CueHit], model: FrameModel, clauses: Clauses | None,
           names: Sequence[tuple[int, int]], known: KnownWords | None = None) -> Parts:
    """Each word occurrence's and each cue's part of every frame's log-odds (they sum to logit − intercept).

    A word's contribution (weight × its TF-IDF value) is split evenly over its occurrences; a cue
    feature's (weight × the frame's cue share) over the cues of that frame by their weights. About twenty
    array operations per article, whatever its length: their count, not the arithmetic, is the cost.
    """
    import numpy as np

    arrays = model.arrays
    hits = cues_outside_names(doc, hits, names)  # the cue shares as in training (:mod:`.name_words`)
    tokens, rows, _ = known_words(doc, model, names) if known is None else known
    # (``take`` gathers rows at a third of fancy indexing's cost; the counts as floats spare each step a cast)
    counts = np.bincount(rows).take(rows).astype(np.float64)  # each occurrence: its word's count
    values = (1.0 + np.log(counts)) * arrays.idf.take(rows)  # a word's TF-IDF value, at each occurrence
    shares = values / (counts * (math.sqrt((values * values / counts).sum()) or 1.0))
    if hits:  # the cue items' rows and shares follow the words': one gather and one product make every item's parts
        overall = sum(hit.weight for hit in hits) or 1.0
        rows = np.concatenate((rows, [len(arrays.idf) + CUE_ROWS[hit.frame] for hit in hits]))
        shares = np.concatenate((shares, [hit.weight / overall for hit in hits]))
    contributions = shares[:, None] * arrays.items.take(rows, axis=0)
    columns = doc.token_columns()
    # The items' starts and sentences, words then cues, packed at once (no per-column array of every token)
    starts, sentences = int_array(_picked(columns.starts, tokens) + tuple(hit.start for hit in hits)
                                  + _picked(columns.sentences, tokens) + tuple(hit.sentence for hit in hits)
                                  ).reshape(2, len(tokens) + len(hits))
    side = in_side_clause(starts, clauses if clauses is not None else asides(doc, names=names))
    if hits:  # a cue is aside by its last word (:func:`.cues.cue_hits`), not by its start
        side[len(tokens):] = [hit.side for hit in hits]
    return Parts(sentences, starts, side, tokens, hits, contributions)


def model_decisions(
    doc: Document, hits: Sequence[CueHit], model: FrameModel, clauses: Clauses | None = None,
    names: Sequence[tuple[int, int]] | None = None, known: KnownWords | None = None,
) -> list[FrameDecision]:
    """The frames the model assigns (probability ≥ threshold) and those the cue rule adds, best first.

    Scored once per article from the document's tokens and cue hits. Each model decision carries
    every sentence's share of the score and the words of its best sentences only; a frame only the
    cue rule assigns keeps the rule's cues as evidence and the model's probability as its score. ``clauses``,
    ``names`` and ``known`` (:func:`.clauses.asides`, :func:`.name_words.name_word_ranges`, :func:`known_words`):
    when the caller has them.
    """
    import numpy as np

    arrays = model.arrays
    parts = _parts(doc, hits, model, clauses, name_word_ranges(doc) if names is None else names, known)
    logits = arrays.intercepts + parts.contributions.sum(axis=0)
    # The fourteen probabilities and lifts in plain Python, the same IEEE operations as in arrays (exp stays numpy's)
    scores = [1.0 / (1.0 + exp) for exp in np.exp(-logits).tolist()]
    lifts = [logit - prior for logit, prior in zip(logits.tolist(), arrays.prior_logits, strict=True)]
    assigned = [column for column, (score, bar) in enumerate(zip(scores, arrays.thresholds, strict=True))
                if score >= bar]
    names = arrays.frames
    decisions = word_decisions(doc, [(names[c], scores[c], lifts[c]) for c in assigned],
                               parts._replace(contributions=parts.contributions.take(assigned, axis=1)), model.bar)
    taken = {decision.frame for decision in decisions}
    if not taken.issuperset(cue_rule_frames(list(hits))):  # the rule's evidence leads among all the rule's frames
        model_frames = dict(zip(names, zip(scores, lifts, strict=True), strict=True))
        decisions += [decision._replace(score=model_frames.get(decision.frame, (0.0, -math.inf))[0],
                                        salience=model_frames.get(decision.frame, (0.0, -math.inf))[1], bar=model.bar)
                      for decision in cue_rule_decisions(list(hits)) if decision.frame not in taken]
    decisions.sort(key=FrameDecision.order)
    return decisions


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
