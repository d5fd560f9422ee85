"""What a number in a sentence measures: its value, its unit and whether it is a date.

Two outlets' numbers can only disagree when they measure the same quantity, and two
sentences can only state one fact when their days and counts are compatible. Both
questions need the same reading of a number phrase, which lives here:

- ``$4.5 million`` is 4.5e6 *dollars*; ``12%`` and ``12 percent`` are *percent*;
- ``33 Democrats`` counts *Democrats* (the stem of the noun after the number, skipping a
  few modifiers: "33 Senate Democrats");
- ``the 60-vote threshold`` measures a *threshold* (a number joined by a hyphen to a noun
  modifies the noun after it), not a count of votes;
- ``45th`` is a rank (an ordinal), never compared as an amount;
- ``Feb. 8`` and ``8 February`` are dates, a lone 1900–2100 is a year, and weekdays
  (``Friday``) are kept apart as the sentence's days.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..document import Document, Token
from ..grammar import LOWER_BOUND_PHRASES, MONTHS, UPPER_BOUND_PHRASES, WEEKDAYS
from .common import WordFolder, numbers_in

# Month abbreviations as folded tokens ("Feb" of "Feb."), read as their month.
_MONTH_PREFIXES = {month[:3]: month for month in MONTHS} | {"sept": "september"}
_PERCENT_WORDS = frozenset({"percent", "per", "pct"})
_ORDINAL_SUFFIXES = frozenset({"st", "nd", "rd", "th"})
# Written just before a number, "No." makes it a rank ("the No. 2 position"), not an amount.
_RANK_BEFORE = re.compile(r"\bNos?\.\s?$")
# How far before a number a bound phrase is looked for (characters).
_BOUND_REACH = 24
# Words after a number that are not what it counts ("33 of the senators", "5 more").
_SKIP_BEFORE_UNIT = 2


@dataclass(frozen=True, slots=True)
class Quantity:
    """One number phrase of a sentence: its value, what it measures and its character offsets."""

    value: float
    unit: str  # a stem ("vote", "page"), "$", "%", "date", "year" or "ordinal"; "" when nothing says
    start: int
    end: int
    unit_text: str  # the words that gave the unit, for the reason a row prints
    bound: str = ""  # "lower" ("more than 80"), "upper" ("nearly 60") or "" (a value)

    def admits(self, value: float) -> bool:
        """Whether ``value`` is consistent with this figure: equal, or within its bound."""
        if self.bound == "lower":
            return value >= self.value
        if self.bound == "upper":
            return value <= self.value
        return value == self.value

    @property
    def is_count(self) -> bool:
        """A measured amount (not a date or a year, and the unit is known)."""
        return self.unit not in ("", "date", "year", "ordinal")


def month_of(word: str) -> str:
    """The month a folded word names ("feb" → "february"), or ""."""
    if word in MONTHS:
        return word
    return _MONTH_PREFIXES.get(word, "")


def quantities(doc: Document, tokens: Sequence[Token], folder: WordFolder) -> list[Quantity]:
    """Every number phrase in ``tokens`` (one sentence) with what it measures."""
    found = []
    position_of = {token.start: k for k, token in enumerate(tokens)}
    for value, start, end in numbers_in(doc, tokens):
        k = position_of[start]
        measured = _measure(doc, tokens, k, value, start, end, folder)
        found.append(replace(measured, bound=_bound(doc.text, start)))
    return found


def _bound(text: str, start: int) -> str:
    """"lower" or "upper" when a bound phrase ("more than", "nearly") is written just before ``start``."""
    before = " ".join(text[max(0, start - _BOUND_REACH):start].lower().split()[-3:])
    for phrases, bound in ((LOWER_BOUND_PHRASES, "lower"), (UPPER_BOUND_PHRASES, "upper")):
        if any(before == phrase or before.endswith(" " + phrase) for phrase in phrases):
            return bound
    return ""


def _measure(
    doc: Document, tokens: Sequence[Token], k: int, value: float, start: int, end: int, folder: WordFolder
) -> Quantity:
    text = tokens[k].text
    previous = next((tokens[j] for j in range(k - 1, max(-1, k - 3), -1) if tokens[j].is_word), None)
    before = folder.fold(previous.norm) if previous is not None else ""
    after_k = next((j for j in range(k + 1, len(tokens)) if tokens[j].end > end), len(tokens))
    after = tokens[after_k] if after_k < len(tokens) else None
    if after is not None and after.start == end and folder.fold(after.norm) in _ORDINAL_SUFFIXES:
        return Quantity(value, "ordinal", start, end, "an ordinal")  # "45th president": a rank, not an amount
    if _RANK_BEFORE.search(doc.text, max(0, start - 5), start):
        return Quantity(value, "ordinal", start, end, "a rank")  # "the No. 2 position"
    if month_of(before) or (after is not None and month_of(folder.fold(after.norm)) and value <= 31):
        return Quantity(value, "date", start, end, "a date")
    if len(text) == 4 and text.isdigit() and 1900 <= value <= 2100:
        return Quantity(value, "year", start, end, "a year")  # "the 2016 presidential campaign"
    if text.startswith("$"):
        return Quantity(value, "$", start, end, "dollars")
    if text.endswith("%") or (after is not None and folder.fold(after.norm) in _PERCENT_WORDS):
        return Quantity(value, "%", start, end, "percent")
    if after is not None and after.text == "-" and after.start == tokens[after_k - 1].end:
        # "the 60-vote threshold": the number modifies the noun after the compound.
        j = after_k + 1
        while j + 1 < len(tokens) and _is_content(tokens[j + 1], folder) and tokens[j + 1].text[0].islower():
            j += 1
        head = tokens[j] if j < len(tokens) and j > after_k + 1 else None
        if head is not None and head.is_word:
            words = doc.text[tokens[after_k + 1].start:head.end]
            return Quantity(value, folder.stem(head.norm) + "~", start, end, words)
    unit_token = _unit_token(tokens, after_k, folder)
    if unit_token is None:
        year = value.is_integer() and 1900 <= value <= 2100
        return Quantity(value, "year" if year else "", start, end, "a year" if year else "")
    return Quantity(value, folder.stem(unit_token.norm), start, end, unit_token.text)


def _unit_token(tokens: Sequence[Token], k: int, folder: WordFolder) -> Token | None:
    """The noun a number counts: the first content word after it, past a few modifiers."""
    for j in range(k, min(len(tokens), k + _SKIP_BEFORE_UNIT + 1)):
        token = tokens[j]
        if not token.is_word or token.text[0].isdigit():
            return None
        if folder.fold(token.norm) in folder.stop_words:
            if j == k:
                return None  # "33 of the senators", "5 more": not a counted noun directly
            continue
        following = tokens[j + 1] if j + 1 < len(tokens) else None
        if following is not None and following.is_word and token.text[0].isupper() and following.text[0].isupper():
            continue  # "33 Senate Democrats": the last capitalized word is the noun
        if token.norm.endswith(("al", "ive", "ic")) and j + 1 < len(tokens) and tokens[j + 1].is_word:
            continue  # "12 additional years"
        return token
    return None


def _is_content(token: Token, folder: WordFolder) -> bool:
    return token.is_word and folder.fold(token.norm) not in folder.stop_words and not token.text[0].isdigit()


def weekdays(tokens: Sequence[Token], folder: WordFolder) -> frozenset[str]:
    """The weekdays a sentence names (capitalized: "Friday", not a lower-case word)."""
    return frozenset(
        folder.fold(token.norm) for token in tokens
        if token.is_word and token.text[0].isupper() and folder.fold(token.norm) in WEEKDAYS
    )
