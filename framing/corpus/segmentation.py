"""Sentences and tokens with character offsets, offline and rule-based.

Why rules and not NLTK's punkt: punkt's model is downloadable data that cannot be
fetched here, and news text needs a few specific behaviours anyway:

* a line break always ends a sentence, so headings without a final period stand alone;
* abbreviations (U.S., Gen., Mr.) do not end a sentence;
* a missing space after a full stop ("Latin America.Approximately") still ends one;
* closing quotation marks stay with the sentence they close.

The abbreviation list is data (lexicons/abbreviations.tsv), passed in by the caller.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from itertools import accumulate

TOKEN_RE = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?![A-Za-z])          # initialisms: U.S., U.N.
  | \$?\d+(?:[.,:]\d+)*%?                    # numbers: 15,000  $50  2.5%  10:30
  | \w+(?:[-'’]\w+)*                        # words, hyphenated words, contractions
  | [^\w\s]                                  # any other single mark
    """,
    re.VERBOSE,
)

# The tokenizer as one capturing group, for re.split (see token_columns).
_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})", re.VERBOSE)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})

# A sentence may end at . ! ? or … followed by closing quotes or brackets.
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*")
_OPENERS = "\"'“‘(["


def token_norm(text: str) -> str:
    """Lookup key for a token: lower case, straight apostrophes, no possessive 's."""
    norm = text.lower()
    if "'" not in norm and "’" not in norm and "‘" not in norm and "`" not in norm:
        return norm
    norm = norm.translate(_APOSTROPHES)
    if norm.endswith("'s") and len(norm) > 2:
        norm = norm[:-2]
    return norm


def norms_and_words(texts: Collection[str]) -> tuple[dict[str, str], set[str]]:
    """:func:`token_norm` of each distinct token text, and the texts :func:`is_word` accepts.

    Done for a whole document's distinct texts at once, at parse time. Most texts are
    letters and digits only (``str.isalnum``, tested at C speed): such a text is a word
    and its norm is its lower case, so only the rest (marks, hyphenated words,
    contractions) go through the per-text functions.
    """
    distinct = set(texts)
    plain = set(filter(str.isalnum, distinct))
    norms = dict(zip(distinct, map(str.lower, distinct), strict=True))
    words = plain.copy()
    for text in distinct - plain:
        norms[text] = token_norm(text)
        if is_word(text):
            words.add(text)
    return norms, words


def token_columns(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and texts of every token in ``text``: what :func:`tokenize` finds, as columns.

    ``re.split`` with the token pattern as its one group returns gap, token, gap, …,
    gap; each piece starts where the ones before it end, so the offsets are running
    sums of the piece lengths. That avoids building a match object per token, which
    is the bulk of tokenizing at parse time.
    """
    pieces = _TOKEN_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return offsets[1:-1:2], offsets[2::2], pieces[1::2]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` for every token in ``text[start:end]``."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, stop)]


def is_word(token_text: str) -> bool:
    return token_text[0].isalnum() or (token_text[0] == "$" and len(token_text) > 1)


def split_sentences(text: str, abbreviations: Collection[str]) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, trimmed of surrounding white space."""
    sentences: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        line_start = line.start()
        cursor = line_start
        for stop in _sentence_stops(text, line_start, line.end(), abbreviations):
            _append_trimmed(sentences, text, cursor, stop)
            cursor = stop
        _append_trimmed(sentences, text, cursor, line.end())
    return sentences


_LINE_RE = re.compile(r"[^\n]+")
# The first non-space character from a position on.
_NEXT_CHAR_RE = re.compile(r"\s*(\S)")
_CAPITALIZED_RE = re.compile(r"[A-Z][a-z]")
_NEXT_WORD_RE = re.compile(r"\s*[\"“‘']?([A-Za-z]+)")


def _append_trimmed(sentences: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append((start, end))


def _sentence_stops(text: str, line_start: int, line_end: int, abbreviations: Collection[str]) -> list[int]:
    """Offsets just after each sentence-final mark inside one line.

    What follows a mark is read in place (patterns matched from ``stop`` up to
    ``line_end``), not by slicing off the rest of the line, which made long
    paragraphs cost time quadratic in their length.
    """
    stops = []
    for match in _END_RE.finditer(text, line_start, line_end):
        stop = match.end()
        next_match = _NEXT_CHAR_RE.match(text, stop, line_end)
        if next_match is None:
            continue
        next_char = next_match.group(1)
        glued = stop < line_end and not text[stop].isspace()
        if glued and not (match.group()[0] == "." and _CAPITALIZED_RE.match(text, stop, line_end)):
            continue  # "nytimes.com", "3.5", "U.S.-led": no boundary
        if not (next_char.isupper() or next_char.isdigit() or next_char in _OPENERS):
            continue  # "what happened... can only be": the sentence goes on
        if match.group()[0] == "." and _ends_with_abbreviation(
            text, line_start, match.start(), stop, line_end, abbreviations
        ):
            continue
        stops.append(stop)
    return stops


_WORD_BEFORE_DOT = re.compile(r"((?:[A-Za-z]\.)*[A-Za-z]+)$")
_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_SENTENCE_STARTERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "that",
        "these",
        "those",
        "it",
        "he",
        "she",
        "they",
        "we",
        "i",
        "in",
        "on",
        "at",
        "but",
        "and",
        "so",
        "yet",
        "however",
        "meanwhile",
        "moreover",
        "despite",
        "after",
        "before",
        "while",
        "when",
        "if",
        "as",
        "there",
    ]
)


def _ends_with_abbreviation(
    text: str, line_start: int, dot: int, stop: int, line_end: int, abbreviations: Collection[str]
) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation; ``text[stop:line_end]`` follows the mark."""
    # The word is letters and dots, so it starts after the last space: searching from there
    # finds the same match without trying every position of the 40-character window.
    window_start = max(line_start, dot - 40)
    word_match = _WORD_BEFORE_DOT.search(text, max(window_start, text.rfind(" ", window_start, dot) + 1), dot)
    if not word_match:
        return False
    word = word_match.group(1)
    if _INITIALISM_RE.fullmatch(word):
        # An initialism such as "U.S." ends a sentence only before a typical opener.
        next_word = _NEXT_WORD_RE.match(text, stop, line_end)
        return not (next_word and next_word.group(1).lower() in _SENTENCE_STARTERS)
    if len(word) == 1 and word.isupper():
        return True  # a middle initial: "John F. Kennedy"
    return word.lower() in abbreviations
