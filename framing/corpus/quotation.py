"""Find quoted passages and tell reported speech from scare quotes.

Quotes are found once, at parse time, because every extractor needs to know which
words are the journalist's own and which are quoted (counts are reported for both).

Pairing rules: curly marks pair by direction; straight double quotes alternate;
a single mark opens only after white space or an opening bracket and closes only
before white space or punctuation, so apostrophes ("Trump’s", "’90s") never pair.
A quote may run across sentences but not across paragraphs.

A quoted passage is *speech* when it is long (four words or more) or a sentence
that reports speech surrounds it; otherwise it is a *scare* quote: a term held at a
distance (‘narcoterrorism’), or a name quoted the same way (‘Cartel of the Suns’).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from ..document import QuoteRegion
from .segmentation import token_norm, tokenize

_PAIRS = {"“": "”", "‘": "’", '"': '"', "'": "'", "«": "»"}
SPEECH_MIN_WORDS = 4


def find_quotes(
    text: str,
    sentences: list[tuple[int, int]],
    reporting_cues: Collection[str],
) -> list[QuoteRegion]:
    """Quoted regions in ``text``; ``reporting_cues`` are normalized cue words (said, told)."""
    regions: list[QuoteRegion] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        for start, end in _pair_marks(text, paragraph.start(), paragraph.end()):
            inner_start, inner_end = start + 1, end - 1
            kind = _classify(text, inner_start, inner_end, sentences, reporting_cues)
            regions.append(QuoteRegion(start, end, inner_start, inner_end, kind))
    return regions


def _pair_marks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pairs: list[tuple[int, int]] = []
    open_mark: str | None = None
    open_at = 0
    for position in range(start, end):
        char = text[position]
        if char not in "“”‘’\"'«»":
            continue
        before = text[position - 1] if position > start else " "
        after = text[position + 1] if position + 1 < end else " "
        if open_mark is None:
            if char in "“«" or (char in "\"‘'" and _can_open(before, after)):
                open_mark, open_at = char, position
        elif char == _PAIRS[open_mark] and _can_close(char, before, after):
            if position - open_at > 1:
                pairs.append((open_at, position + 1))
            open_mark = None
    return pairs


def _can_open(before: str, after: str) -> bool:
    return (before.isspace() or before in "([—–-/") and not after.isspace()


def _can_close(mark: str, before: str, after: str) -> bool:
    if mark in '”»"':
        return True
    # A single mark between letters is an apostrophe (Trump’s), not a closing quote.
    return not (before.isalnum() and after.isalnum())


def _classify(
    text: str,
    inner_start: int,
    inner_end: int,
    sentences: list[tuple[int, int]],
    reporting_cues: Collection[str],
) -> str:
    inner_words = [t for t in tokenize(text, inner_start, inner_end) if t[2][0].isalnum()]
    if len(inner_words) >= SPEECH_MIN_WORDS:
        return "speech"
    for sentence_start, sentence_end in sentences:
        if sentence_start <= inner_start < sentence_end:
            outside = tokenize(text, sentence_start, inner_start - 1) + tokenize(text, inner_end + 1, sentence_end)
            if any(token_norm(token[2]) in reporting_cues for token in outside):
                return "speech"
            break
    return "scare"
