"""Transparent learned scores, shipped as data: a logistic model over named features.

Where a rule finds candidates but context decides whether they count (a loaded word in
the writer's voice or in a quoted speaker's), a small linear model over **named
features** makes the call. Its weights are a JSON data file with provenance (datasets,
split, date, licence, cross-validated scores), written by a committed training script
that anyone can rerun on their own annotations. A model is read once, with the
lexicons; every score it gives can be explained as the features that moved it.

File format (``format: framing-linear-model/1``): ``weights`` (feature name → weight),
``intercept``, ``threshold`` (the probability a candidate must reach), ``provenance``.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import mul
from pathlib import Path
from typing import Any

from .errors import FramingInputError

FORMAT = "framing-linear-model/1"
RETRAIN = "Restore it from the repository, or retrain it with: python scripts/train_loaded_scorer.py --data DATASETS"
RETRAIN_ATTRIBUTION = (
    "Restore it from the repository, or retrain it with: python scripts/train_attribution_scorer.py --data DATASETS"
)


@dataclass(frozen=True, slots=True, eq=False)
class LinearScorer:
    """A logistic model over named features, with the threshold a candidate must reach.

    Compared and hashed by identity (a model is loaded once), so views derived from its weights can be
    built once per model (``slant.word_weights``).
    """

    weights: Mapping[str, float]
    intercept: float
    threshold: float
    provenance: Mapping[str, Any]
    path: str

    def contributions(self, features: Mapping[str, float]) -> dict[str, float]:
        """Each feature's share of the log-odds (weight × value), for the features present."""
        return {name: self.weights[name] * value for name, value in features.items()
                if value and name in self.weights}

    def probability(self, features: Mapping[str, float]) -> float:
        # Scored for every candidate of every document: the products are summed in C (``map``), in the
        # features' order, so the float result is the one a generator expression over the items gives.
        products = map(mul, map(self.weights.get, features.keys(), repeat(0.0)), features.values())
        return _logistic(self.intercept + sum(products))

    def probability_of_names(self, common: tuple[str, ...], more: Iterable[str]) -> float:
        """``probability`` of features that all have the value 1.0, named by ``common`` then ``more``.

        For candidates scored by the thousand and mostly dropped: no dict is built, and the sum of a
        ``common`` combination (one that repeats across candidates) is cached per model. The weights
        are added one by one in the same order as ``probability`` adds them, so the float is the same.
        """
        total = _weight_sum(self, common)
        weight = self.weights.get
        for name in more:
            total += weight(name, 0.0)
        return _logistic(self.intercept + total)

    def explain(
        self, features: Mapping[str, float], *, most: int = 4, labels: Mapping[str, str] | None = None
    ) -> str:
        """The features that moved the score most, signed: "in the lede +0.65; evaluative word +0.45".

        ``labels`` gives a reader's words for feature names; a name without a label is shown as it is.
        """
        # Largest share first, ties by name (names are unique, so the values are never compared); the
        # shares as ``contributions`` gives them, built in one pass (it runs for every kept candidate).
        weights = self.weights
        ranked = sorted((-abs(share), name, share) for name, value in features.items()
                        if value and name in weights for share in (weights[name] * value,))
        words = labels or {}
        return "; ".join(f"{words.get(name, name)} {value:+.2f}" for _, name, value in ranked[:most])

    def explain_names(self, common: tuple[str, ...], more: Iterable[str], *, most: int = 4) -> str:
        """``explain`` of features that all have the value 1.0, named as in ``probability_of_names``.

        The ranking of a ``common`` combination is cached per model; only its first ``most`` can
        be among the features shown, so just those are ranked with ``more``'s."""
        weights = self.weights
        extra = [(-abs(weight), name, weight) for name in more if (weight := weights.get(name)) is not None]
        ranked = sorted(_ranked(self, common, most) + extra) if extra else _ranked(self, common, most)
        return "; ".join(f"{name} {value:+.2f}" for _, name, value in ranked[:most])


def _logistic(logit: float) -> float:
    return 1.0 / (1.0 + math.exp(-logit))


@lru_cache(maxsize=8192)
def _ranked(scorer: LinearScorer, names: tuple[str, ...], most: int) -> list[tuple[float, str, float]]:
    """The ``most`` largest shares among ``names`` (all valued 1.0), ranked as ``explain`` ranks them."""
    weights = scorer.weights
    return sorted((-abs(weights[name]), name, weights[name]) for name in names if name in weights)[:most]


@lru_cache(maxsize=8192)
def _weight_sum(scorer: LinearScorer, names: tuple[str, ...]) -> float:
    """The weights of ``names`` summed in order (0.0 for a name the model lacks), as ``sum`` adds them."""
    return sum(map(scorer.weights.get, names, repeat(0.0)))


def read_model_data(path: Path, expected: str, retrain: str) -> dict[str, Any]:
    """A model file's JSON object, checked to be of format ``expected``; else a one-line error with ``retrain``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FramingInputError(path, "model file is missing", retrain) from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise FramingInputError(path, f"model file is corrupt ({type(error).__name__})", retrain) from None
    if not isinstance(data, dict) or data.get("format") != expected:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise FramingInputError(path, f"model format {found!r} is not {expected!r} (another version?)", retrain)
    return data


def load_scorer(path: str | Path, retrain: str = RETRAIN) -> LinearScorer:
    """Read and check a model file; any fault is a one-line input error that says how to retrain (``retrain``)."""
    path = Path(path)
    data = read_model_data(path, FORMAT, retrain)
    try:
        weights = {str(name): float(value) for name, value in data["weights"].items()}
        intercept = float(data["intercept"])
        threshold = float(data["threshold"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise FramingInputError(path, f"model file lacks or garbles {error}", retrain) from None
    if not 0.0 <= threshold <= 1.0 or not all(math.isfinite(w) for w in [*weights.values(), intercept]):
        raise FramingInputError(path, "model has a threshold outside 0–1 or a non-finite weight", retrain)
    return LinearScorer(weights, intercept, threshold, dict(data.get("provenance", {})), str(path))
