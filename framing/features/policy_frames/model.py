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
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ...document import Document
from ...errors import FramingInputError
from ...linear_model import read_model_data
from .cues import CueHit
from .evidence import FrameDecision, WordWeight
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


def article_features(norms: Sequence[str], idf: Mapping[str, float]) -> dict[str, float]:
    """The named features of one article (``w:<word>``), as training and scoring see them."""
    counts = Counter(norm for norm in norms if norm in idf)
    values = {word: (1.0 + math.log(count)) * idf[word] for word, count in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    return {f"w:{word}": value / norm for word, value in values.items()}


def probability(weights: FrameWeights, features: Mapping[str, float]) -> float:
    """The frame's calibrated probability for an article's features."""
    logit = weights.intercept + sum(weights.weights.get(name, 0.0) * value for name, value in features.items())
    return 1.0 / (1.0 + math.exp(-logit))


def model_decisions(doc: Document, hits: Sequence[CueHit], model: FrameModel) -> list[FrameDecision]:
    """The frames the model assigns (probability ≥ threshold) and those the cue rule adds, best first.

    Each model decision carries every sentence's share of the score (its words' weight × value);
    a frame only the cue rule assigns keeps the rule's cues as evidence and the model's probability.
    """
    columns = doc.token_columns()
    words = [i for i, is_word in enumerate(columns.is_word) if is_word]
    norms = [columns.norms[i] for i in words]
    features = article_features(norms, model.idf)
    occurrences: dict[str, list[int]] = defaultdict(list)  # word → token indexes
    for index, norm in zip(words, norms, strict=True):
        if norm in model.idf:
            occurrences[norm].append(index)
    scores = {frame: probability(weights, features) for frame, weights in model.frames.items()}
    decisions = []
    for frame, weights in model.frames.items():
        if scores[frame] < weights.threshold:
            continue
        parts: dict[int, list[WordWeight]] = defaultdict(list)
        for name, value in features.items():
            weight = weights.weights.get(name, 0.0)
            places = occurrences[name[2:]]
            for index in places if weight else ():
                parts[columns.sentences[index]].append(WordWeight(
                    columns.texts[index], columns.starts[index], columns.ends[index], weight * value / len(places)))
        decisions.append(FrameDecision(frame, scores[frame], RULE, dict(parts)))
    assigned = {decision.frame for decision in decisions}
    decisions += [replace(decision, score=scores.get(decision.frame, 0.0))
                  for decision in cue_rule_decisions(list(hits)) if decision.frame not in assigned]
    decisions.sort(key=lambda decision: (-decision.score, decision.frame))
    return decisions


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
    return FrameModel(idf, frames, dict(data.get("provenance", {})), str(path))
