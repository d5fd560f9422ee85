"""A scikit-learn transformer: raw texts in, framing's numeric features out.

So researchers can put hedging, attribution and loaded-language rates and
readability next to their own features in a ``Pipeline``, with the very extractors
the CLI and the reports use (``parse_text`` + ``analyze_document``), not a
re-implementation that could drift from them.

    >>> from sklearn.pipeline import make_pipeline
    >>> from sklearn.linear_model import LogisticRegression
    >>> model = make_pipeline(FramingFeatures(features="rates"), LogisticRegression())

Like scikit-learn's text vectorizers it takes an iterable of ``str`` (one document
each), keyword-only parameters that are validated in ``fit``, and learns its
output columns in ``fit`` (``feature_names_``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin
from sklearn.utils.validation import check_is_fitted

from .analysis import analyze_document
from .corpus import parse_text
from .corpus.cleaning import clean_text
from .document import SPAN_TYPES
from .features.readability import SCORES
from .lexicons import Lexicons, load_lexicons

# Readability evidence that is a ratio (comparable across texts of any length).
READABILITY_RATIOS = ("words_per_sentence", "syllables_per_word", "complex_word_share", "difficult_word_share")
RATE_SUFFIXES = ("_per_1k", "_own_per_1k", "_quoted_per_1k")
FEATURE_GROUPS = ("all", "rates", "readability")
# A count or rate missing from one document's features means nothing was found: zero.
ZERO_WHEN_ABSENT = ("_count", "_per_1k")


def base_rate_names() -> list[str]:
    """Rates every analysis has, whatever the text: per span type, total / own / quoted words."""
    return [f"{span_type}{suffix}" for span_type in SPAN_TYPES for suffix in RATE_SUFFIXES]


def readability_names() -> list[str]:
    return [*SCORES, *READABILITY_RATIOS]


class FramingFeatures(TransformerMixin, BaseEstimator):
    """Turn raw texts into framing's rates per 1,000 words and readability scores.

    Parameters
    ----------
    features : None, "all", "rates", "readability" or a list of feature names
        Which columns to output. ``None`` and ``"all"`` mean every rate per 1,000
        words (per span type and, for categories seen in ``fit``, per category) and
        the readability scores and ratios; ``"rates"`` and ``"readability"`` one of
        the two groups. A list names columns from ``framing``'s feature dictionary
        (``framing extract`` shows them), e.g. ``["hedge_per_1k", "gunning_fog"]``.
    lexicon_dir : None or path
        A folder of lexicon files layered over the bundled ones (``--lexicons``).
    clean : bool
        Run framing's boilerplate cleaning on each text first (for scraped pages).
        Off by default: texts are analyzed as given, like ``framing extract --raw``.

    Attributes
    ----------
    lexicons_ : framing.lexicons.Lexicons
        The lexicons loaded in ``fit``.
    feature_names_ : ndarray of str
        The output columns, in order.
    """

    def __init__(
        self,
        *,
        features: str | Sequence[str] | None = None,
        lexicon_dir: str | Path | None = None,
        clean: bool = False,
    ) -> None:
        self.features = features
        self.lexicon_dir = lexicon_dir
        self.clean = clean

    def fit(self, X: Iterable[str], y: Any = None) -> FramingFeatures:
        """Load the lexicons and learn the output columns from ``X``."""
        self._fit(_texts(X))
        return self

    def fit_transform(self, X: Iterable[str], y: Any = None, **fit_params: Any) -> np.ndarray:
        """``fit`` then ``transform``, extracting each text once."""
        records = self._fit(_texts(X))
        return self._matrix(records)

    def transform(self, X: Iterable[str]) -> np.ndarray:
        """One row per text, one column per name in ``feature_names_``."""
        check_is_fitted(self, "feature_names_")
        return self._matrix([self._extract(text) for text in _texts(X)])

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        """The output column names (``input_features`` is ignored: the input is raw text)."""
        check_is_fitted(self, "feature_names_")
        return self.feature_names_.copy()

    def _fit(self, texts: list[str]) -> list[Mapping[str, float]]:
        features = _check_features(self.features)
        if not isinstance(self.clean, (bool, np.bool_)):
            raise ValueError(f"clean must be True or False, got {self.clean!r}")
        if self.lexicon_dir is not None and not isinstance(self.lexicon_dir, (str, Path)):
            raise ValueError(f"lexicon_dir must be None or a path to a folder, got {self.lexicon_dir!r}")
        self.lexicons_: Lexicons = load_lexicons(self.lexicon_dir)
        records = [self._extract(text) for text in texts]
        seen: set[str] = set()
        for record in records:
            seen.update(record)
        self.feature_names_ = np.asarray(_select(features, seen), dtype=object)
        return records

    def _extract(self, text: str) -> Mapping[str, float]:
        if self.clean:
            text = clean_text(text, self.lexicons_.cleaning_rules).text
        return analyze_document(parse_text(text, self.lexicons_), self.lexicons_).features

    def _matrix(self, records: list[Mapping[str, float]]) -> np.ndarray:
        names = list(self.feature_names_)
        defaults = [0.0 if name.endswith(ZERO_WHEN_ABSENT) else np.nan for name in names]
        matrix = np.empty((len(records), len(names)), dtype=np.float64)
        for row, record in enumerate(records):
            matrix[row] = [record.get(name, default) for name, default in zip(names, defaults, strict=True)]
        return matrix

    def __sklearn_tags__(self):  # scikit-learn >= 1.6: the input is raw text, not a 2-D array
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags

    def _more_tags(self) -> dict[str, Any]:  # scikit-learn < 1.6
        return {"X_types": ["string"]}


def _texts(X: Iterable[str]) -> list[str]:
    """The documents as a list of str, or an error that names what is wrong."""
    if isinstance(X, (str, bytes)):
        raise ValueError("Iterable over raw text documents expected, string object received.")
    if hasattr(X, "ndim") and X.ndim != 1:
        raise ValueError(f"Expected a 1-D sequence of texts, got an array of shape {X.shape}")
    texts = list(X)
    for index, text in enumerate(texts):
        if not isinstance(text, str):
            raise ValueError(f"Document {index} is {type(text).__name__} {text!r:.60}, not a str")
    return texts


def _check_features(features: Any) -> str | list[str]:
    if features is None:
        return "all"
    if isinstance(features, str):
        if features not in FEATURE_GROUPS:
            raise ValueError(
                f"features={features!r} is not a feature group; use one of {', '.join(FEATURE_GROUPS)}, "
                "None, or a list of feature names"
            )
        return features
    if not isinstance(features, Iterable):
        raise ValueError(f"features must be None, a group name or a list of feature names, got {features!r}")
    names = list(features)
    if not names:
        raise ValueError("features is an empty list; name at least one feature or pass None")
    bad = [name for name in names if not isinstance(name, str)]
    if bad:
        raise ValueError(f"feature names must be str, got {bad[0]!r}")
    duplicated = sorted({name for name in names if names.count(name) > 1})
    if duplicated:
        raise ValueError(f"features lists {', '.join(duplicated)} more than once")
    return names


def _select(features: str | list[str], seen: set[str]) -> list[str]:
    """Output columns in a stable order: span-type rates, category rates, readability."""
    category_rates = sorted(name for name in seen if name.endswith("_per_1k") and "." in name)
    rates = base_rate_names() + category_rates
    if features == "rates":
        return rates
    if features == "readability":
        return readability_names()
    if features == "all":
        return rates + readability_names()
    valid = set(rates) | set(readability_names()) | seen
    unknown = [name for name in features if name not in valid and not _is_category_feature(name)]
    if unknown:
        raise ValueError(
            f"Unknown feature name {unknown[0]!r}. Valid names: {', '.join(sorted(valid))}"
            " (and <type>.<category>_count / _per_1k for any category)"
        )
    return list(features)


def _is_category_feature(name: str) -> bool:
    """``hedge.modal_per_1k``: a category the fitted texts may not happen to contain."""
    span_type, dot, rest = name.partition(".")
    return bool(dot) and span_type in SPAN_TYPES and rest.endswith(ZERO_WHEN_ABSENT) and len(rest) > len("_count")
