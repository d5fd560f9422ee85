"""How an article's bodies write names, to read the names of a title-case headline (:mod:`.headline_elements`).

A capital in a title-case headline ("Trump Pulling Out Of Debate") says nothing, so the
bodies decide: a word is a name when they capitalize it mid-sentence more often than not.
They also say which capitalized words go together ("White House"), and which surname a
first name alone stands for ("Mitt" → romney). Actor keys are folded surnames, compared
with :func:`related` so that Congress and Congressman, or Israel and Israeli, agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..analysis import ArticleAnalysis
from ..document import Token
from .common import WordFolder
from .labels import LabelUse

# Related words share a stem-like prefix: Congress/Congressman, Israel/Israeli, Mexico/Mexican.
MIN_SHARED_PREFIX = 5


@dataclass(frozen=True, slots=True)
class NameVocabulary:
    """How the bodies write each word, to tell names from common words in title case.

    ``capitalized`` counts capitals that are not sentence-initial; ``lower`` lower-case
    uses; ``pairs`` adjacent capitalized words (so "Obama Medicare" in a title-case
    headline can be split where no body writes the two together); ``first_names`` maps
    a first name to the surname the bodies pair it with (Mitt → romney).
    """

    capitalized: Counter[str]
    lower: Counter[str]
    pairs: frozenset[tuple[str, str]]
    heads: Counter[str]  # surname keys of the bodies' mentions, with how often each is one
    first_names: dict[str, tuple[str, int]]  # first name → (surname, how often paired)

    def is_name(self, word: str, token: Token) -> bool:
        if "-" in word.strip("-"):  # "Biden-Ryan", "U.S.-Mexico": a name if every part is one
            return all(self._is_name_word(part, part) for part in word.split("-") if part)
        return self._is_name_word(word, token.text)

    def _is_name_word(self, word: str, text: str) -> bool:
        if len(text) > 1 and (text.isupper() or "." in text.rstrip(".")):
            return True  # an acronym: GOP, FBI, U.S. (in a hyphenated word, parts are folded: lower)
        return self.capitalized[word] > self.lower[word]

    def surname_of(self, key: str) -> str:
        """The surname a first name alone stands for ("Mitt" → romney), when the bodies say so."""
        surname, paired = self.first_names.get(key, (key, 0))
        return surname if paired >= max(1, self.heads[key]) else key


def name_vocabulary(
    analyses: Sequence[ArticleAnalysis], mentions: Sequence[LabelUse], folder: WordFolder
) -> NameVocabulary:
    """Case counts and name pairs over every body (and the mentions the labeling matrix found)."""
    capitalized: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    pairs: set[tuple[str, str]] = set()
    for analysis in analyses:
        tokens = analysis.document.tokens
        previous: Token | None = None
        previous_word = ""
        for token, word in zip(tokens, folder.folded_tokens(analysis.document), strict=True):
            if not token.is_word:
                previous = None
                continue
            starts = previous is None or previous.sentence != token.sentence
            if token.text[0].isupper():
                if not starts:
                    capitalized[word] += 1
                if previous is not None and previous.text[0].isupper():
                    pairs.add((previous_word, word))
            elif token.text[0].islower():
                lower[word] += 1
            previous, previous_word = token, word
    first_names: Counter[tuple[str, str]] = Counter()
    for mention in mentions:
        words = mention.text.split()
        # Only a bare "First Last" pairs a first name with a surname ("Texas Republican Blake
        # Farenthold" would pair the state).
        if len(words) == 2 and mention.source == "auto" and all(word[:1].isupper() for word in words):
            first_names[(actor_key(folder.fold(words[0])), mention.entity)] += 1
    best: dict[str, tuple[str, int]] = {}
    for (first, surname), count in first_names.most_common():
        best.setdefault(first, (surname, count))
    heads = Counter(actor_key(m.entity) for m in mentions if m.source == "auto")
    return NameVocabulary(capitalized, lower, frozenset(pairs), heads, best)


def actor_key(word: str) -> str:
    """The folded surname as a key: dots dropped so "U.S." and "US" agree."""
    return word.replace(".", "").replace("’", "'").removesuffix("'s")


def related(key: str, words: Iterable[str]) -> bool:
    """Whether ``key`` or a word sharing its stem-like prefix is among ``words``."""
    for word in words:
        if word == key:
            return True
        shared = len(_common_prefix(key, word))
        if shared >= MIN_SHARED_PREFIX and shared >= min(len(key), len(word)) - 1:
            return True
    return False


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
