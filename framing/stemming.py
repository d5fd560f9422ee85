"""The one stemmer: Porter2 (snowballstemmer), shared by every part that compares forms of a word.

Why one: the comparison tables, the learned loaded-language model and the lesson's hedge key each compare
inflections ("expected", "expects", "expect"); with two stemmers a word could match in one part and not in
another. Porter2 needs no downloaded data, and snowballstemmer is pure Python, cheaper to import than NLTK.
"""

from __future__ import annotations

from functools import lru_cache

import snowballstemmer

_PORTER2 = snowballstemmer.stemmer("english")  # a stateless stemmer object, built once at import


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Porter2 stem of ``word`` as given ("reneged" → "reneg", "threatening" → "threaten"); callers fold
    or lower-case first, so the cache holds one entry per distinct form."""
    return _PORTER2.stemWord(word)
