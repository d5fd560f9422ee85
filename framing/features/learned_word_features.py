"""The learned lexicon's word-level features: which words it scores and the features of a word alone.

Shared by the feature reader (:mod:`framing.features.learned_loaded`) and the bound that picks the
words worth reading in full (:mod:`framing.features.learned_bound`), which memoises each word's own
weight from these names.
"""

from __future__ import annotations

import math
from collections.abc import Container, Mapping
from functools import lru_cache

from ..stemming import stem

MIN_LENGTH = 3
NOT_SCORED = -math.inf  # the memoised weight of a word the model does not score (short, or a stop word)


def is_content(norm: str, stop_words: Container[str]) -> bool:
    """A word the model scores: MIN_LENGTH characters or more, starting with a letter, not a stop word."""
    return len(norm) >= MIN_LENGTH and norm[0].isalpha() and norm not in stop_words


@lru_cache(maxsize=65536)
def word_features(norm: str) -> tuple[str, ...]:
    """The word's own feature names (a corpus repeats its vocabulary, so they are built once per word):
    the word, its stem, its last three and four letters and its first three ("-ous", "-ness", "dis-"),
    so that an unseen word of a known make carries some weight."""
    return f"word={norm}", f"stem={stem(norm)}", f"suffix={norm[-3:]}", f"suffix4={norm[-4:]}", f"prefix={norm[:3]}"


def own_features(norm: str, lists: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The feature names of the word alone: :func:`word_features` and the word lists holding it or its stem."""
    held = lists.get(norm, ()) + lists.get(stem(norm), ()) if lists else ()
    if not held:  # (most words are on no list)
        return word_features(norm)
    return word_features(norm) + tuple(f"list={name}" for name in dict.fromkeys(held))
