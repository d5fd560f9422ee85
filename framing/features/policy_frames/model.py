"""The learned frame model: one calibrated logistic model per frame over words, beside the cue rule.

Shipped as data (``frame_model.json``, ``format: framing-frame-model/2``), written by
``scripts/train_frames.py``. An article's features are its words as TF-IDF (sublinear term
frequency × the model's ``idf``, L2-normalised over the words the model knows), named
``w:<word>``. Each frame's weights are already calibrated (Platt scaling on cross-validated
scores folded into weights and intercept), so its probability compares across frames and
one threshold serves them all. Every score decomposes exactly into named contributions
(weight × value); a word's contribution is split over the sentences it occurs in, so each
frame's evidence sentences are the ones that added most to its score.

A frame is assigned when the model's probability reaches the threshold, or when the cue
rule (:mod:`.rule`, precise, from the cue lexicon) assigns it; such a frame keeps the
rule's name and its cues as evidence, and the model's probability as its score.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ...document import Document
from ...errors import FramingInputError
from ...linear_model import read_model_data
from .cues import CueHit
from .evidence import MAX_EVIDENCE, FrameDecision, WordWeight
from .rule import cue_rule_decisions

FORMAT = "framing-frame-model/2"  # /1 had cue-sum features and uncalibrated weights
MODEL_FILE = "frame_model.json"
RULE = "frame_model"
RETRAIN = ("Restore it from the repository, or retrain it with: python scripts/train_frames.py "
           "--data DATASETS/frames -o lexicons/optional/frames-research-use/frame_model.json")


@dataclass(frozen=True, slots=True)
class FrameWeights:
    """One frame's logistic model: intercept, the probability to reach, and feature weights."""

    intercept: float
    threshold: float
    weights: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class FrameModel:
    """The per-frame models, the shared word IDF, and the provenance of the training."""

    idf: Mapping[str, float]
    frames: Mapping[str, FrameWeights]
    provenance: Mapping[str, Any]
    path: str
    # The same weights as arrays for scoring (word → row; rows × frames), built once by :meth:`of`.
    rows: Mapping[str, int] = field(default_factory=dict, repr=False, compare=False)
    arrays: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, idf: Mapping[str, float], frames: Mapping[str, FrameWeights], provenance: Mapping[str, Any],
           path: str) -> FrameModel:
        """A model with its weight matrix built: scoring an article is then one product, not a dict walk per frame."""
        import numpy as np

        rows = {word: row for row, word in enumerate(idf)}
        matrix = np.zeros((len(rows), len(frames)))
        for column, weights in enumerate(frames.values()):
            for name, weight in weights.weights.items():
                if name.startswith("w:") and name[2:] in rows:
                    matrix[rows[name[2:]], column] = weight
        arrays = (np.array(list(idf.values()), dtype=float), matrix,
                  np.array([w.intercept for w in frames.values()]), np.array([w.threshold for w in frames.values()]))
        return cls(idf, frames, provenance, path, rows, arrays)


def article_features(norms: Sequence[str], idf: Mapping[str, float]) -> dict[str, float]:
    """The named features of one article (``w:<word>``), as training and scoring see them."""
    counts = Counter(norm for norm in norms if norm in idf)
    values = {word: (1.0 + math.log(count)) * idf[word] for word, count in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {f"w:{word}": value / norm for word, value in values.items()}


def model_decisions(doc: Document, hits: Sequence[CueHit], model: FrameModel) -> list[FrameDecision]:
    """The frames the model assigns (probability ≥ threshold) and those the cue rule adds, best first.

    Each model decision carries every sentence's share of the score (its words' weight × value, a
    word's split evenly over its occurrences) and the words of its best sentences; a frame only the
    cue rule assigns keeps the rule's cues as evidence and the model's probability as its score.
    """
    import numpy as np

    columns = doc.token_columns()
    places = [(i, model.rows[norm]) for i, (norm, is_word) in enumerate(zip(columns.norms, columns.is_word,
                                                                               strict=True))
              if is_word and norm in model.rows]
    counts = Counter(row for _, row in places)
    unique = list(counts)
    idf, matrix, intercepts, thresholds = model.arrays
    values = (1.0 + np.log(np.array([counts[row] for row in unique], dtype=float))) * idf[unique]
    values /= float(np.sqrt((values * values).sum())) or 1.0
    contributions = values[:, None] * matrix[unique]  # unique words × frames
    probabilities = 1.0 / (1.0 + np.exp(-(intercepts + contributions.sum(axis=0))))
    position = {row: j for j, row in enumerate(unique)}
    assigned = [column for column in range(len(model.frames)) if probabilities[column] >= thresholds[column]]
    names = list(model.frames)
    shares = contributions[[position[row] for _, row in places]][:, assigned] / np.array(
        [counts[row] for _, row in places], dtype=float)[:, None]  # each occurrence's part, per assigned frame
    decisions = _word_decisions(doc, [(names[c], float(probabilities[c])) for c in assigned],
                                [i for i, _ in places], shares)
    scores = dict(zip(names, map(float, probabilities), strict=True))
    decisions += [replace(decision, score=scores.get(decision.frame, 0.0))
                  for decision in cue_rule_decisions(list(hits)) if decision.frame not in {names[c] for c in assigned}]
    decisions.sort(key=lambda decision: (-decision.score, decision.frame))
    return decisions


def _word_decisions(
    doc: Document, frames: Sequence[tuple[str, float]], tokens: Sequence[int], shares: Any
) -> list[FrameDecision]:
    """The model's decisions: every sentence's total, and the word contributions of the best sentences only.

    ``tokens`` are the known words' token indexes; ``shares`` their parts, one column per frame in ``frames``
    (all frames at once: a few array operations per article rather than per frame).
    """
    import numpy as np

    if not frames:
        return []
    columns = doc.token_columns()
    n_sentences, n_frames = max(len(doc.sentences), 1), len(frames)
    sentences = np.array([columns.sentences[i] for i in tokens], dtype=int)
    cells = (sentences[:, None] * n_frames + np.arange(n_frames)).ravel()
    totals = np.bincount(cells, weights=shares.ravel(), minlength=n_sentences * n_frames).reshape(-1, n_frames)
    best = np.argsort(-totals, axis=0, kind="stable")[:MAX_EVIDENCE]  # sentence indexes, per frame
    in_best = np.zeros(totals.shape, dtype=bool)
    in_best[best, np.arange(n_frames)] = True
    in_best &= totals > 0
    parts: list[dict[int, list[WordWeight]]] = [defaultdict(list) for _ in frames]
    for place, column in zip(*(a.tolist() for a in np.nonzero(in_best[sentences] & (shares > 0))), strict=True):
        index = tokens[place]
        parts[column][columns.sentences[index]].append(
            WordWeight(columns.texts[index], columns.starts[index], columns.ends[index], float(shares[place, column])))
    return [FrameDecision(frame, score, RULE, dict(parts[column]), dict(enumerate(totals[:, column].tolist())))
            for column, (frame, score) in enumerate(frames)]


def load_frame_model(path: str | Path) -> FrameModel:
    """Read and check a frame model file; any fault is a one-line input error with the retrain command."""
    path = Path(path)
    data = read_model_data(path, FORMAT, RETRAIN)
    from ...lexicon_schema import POLICY_FRAMES

    try:
        idf = {str(word): float(value) for word, value in data["idf"].items()}
        frames = {
            str(name): FrameWeights(float(spec["intercept"]), float(spec["threshold"]),
                                    {str(k): float(v) for k, v in spec["weights"].items()})
            for name, spec in data["frames"].items()
        }
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise FramingInputError(path, f"frame model lacks or garbles {error}", RETRAIN) from None
    unknown = sorted(set(frames) - set(POLICY_FRAMES))
    if unknown:
        raise FramingInputError(path, f"frame model names unknown frame(s) {', '.join(unknown)}", RETRAIN)
    return FrameModel.of(idf, frames, dict(data.get("provenance", {})), str(path))
