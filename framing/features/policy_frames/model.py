"""The learned frame model: one logistic model per frame over words and the cue lexicon's sums.

Shipped as data (``frame_model.json``, ``format: framing-frame-model/1``), written by
``scripts/train_frames.py``. An article's features are its words as TF-IDF (sublinear term
frequency × the model's ``idf``, L2-normalised over the words the model knows) and, per
frame, ``cue:<frame>`` = log(1 + the frame's cue weight). Every score decomposes exactly
into named contributions (weight × value); a word's contribution is split over the
sentences it occurs in, a cue sum's over the sentences holding its cues, so each
frame's evidence sentences are the ones that added most to its score.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...document import Document
from ...errors import FramingInputError
from ...linear_model import read_model_data
from .cues import CueHit, weight_by_frame
from .evidence import FrameDecision, WordWeight

FORMAT = "framing-frame-model/1"
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


def article_features(norms: Sequence[str], hits: Sequence[CueHit], idf: Mapping[str, float]) -> dict[str, float]:
    """The named features of one article (``w:<word>`` and ``cue:<frame>``), as training and scoring see them."""
    counts = Counter(norm for norm in norms if norm in idf)
    values = {word: (1.0 + math.log(count)) * idf[word] for word, count in counts.items()}
    norm = math.sqrt(sum(v * v for v in values.values())) or 1.0
    features = {f"w:{word}": value / norm for word, value in values.items()}
    features.update({f"cue:{frame}": math.log1p(weight) for frame, weight in weight_by_frame(list(hits)).items()})
    return features


def model_decisions(doc: Document, hits: Sequence[CueHit], model: FrameModel) -> list[FrameDecision]:
    """The frames whose probability reaches their threshold, with each sentence's share of the score."""
    columns = doc.token_columns()
    words = [i for i, is_word in enumerate(columns.is_word) if is_word]
    norms = [columns.norms[i] for i in words]
    features = article_features(norms, hits, model.idf)
    occurrences: dict[str, list[int]] = defaultdict(list)  # word → token indexes
    for index, norm in zip(words, norms, strict=True):
        if norm in model.idf:
            occurrences[norm].append(index)
    decisions = []
    for frame, weights in model.frames.items():
        logit = weights.intercept + sum(weights.weights.get(n, 0.0) * v for n, v in features.items())
        probability = 1.0 / (1.0 + math.exp(-logit))
        if probability < weights.threshold:
            continue
        parts: dict[int, list[WordWeight]] = defaultdict(list)
        for name, value in features.items():
            weight = weights.weights.get(name, 0.0)
            if not weight:
                continue
            if name.startswith("w:"):
                places = occurrences[name[2:]]
                for index in places:
                    share = weight * value / len(places)
                    parts[columns.sentences[index]].append(
                        WordWeight(columns.texts[index], columns.starts[index], columns.ends[index], share))
            else:
                cue_frame = name[4:]
                own = [hit for hit in hits if hit.frame == cue_frame]
                total = sum(hit.weight for hit in own) or 1.0
                for hit in own:
                    share = weight * value * hit.weight / total
                    parts[hit.sentence].append(WordWeight(hit.text, hit.start, hit.end, share))
        decisions.append(FrameDecision(frame, probability, RULE, dict(parts)))
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
