"""Whole labels only: trim a mention's label to a noun phrase, leave out trivial ones, say how sure.

The labeling matrix is read as "what each outlet *calls* an entity", so a row must be a
whole noun phrase. :func:`trim_label` cuts what a capitalized-word finder sweeps in by
accident: a stray closing quote mark ("” Michael Bloomberg"), a weekday or month stuck to
a name ("Hillary Clinton Wednesday"), a lone initial left by the sentence splitter
("Paul D"). :func:`label_problem` names why a label is left out altogether: a weekday, a
month, a nationality noun alone ("Americans"), a lone title ("Mr"), a pronoun ("I’ve"),
a single letter. :func:`label_confidence` says how sure a kept label is and why.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet

from ..document import Token
from ..grammar import MONTHS, OPENING_QUOTE_MARKS, QUOTE_MARKS, SUBJECT_PRONOUNS, WEEKDAYS
from .quantities import month_of

_CLOSING_MARKS = QUOTE_MARKS - OPENING_QUOTE_MARKS
_TIME_WORDS = WEEKDAYS | MONTHS
_PARTY_STATE_TAG = re.compile(r"^[RDI] ?- ?[A-Z]")  # "R-Ky.", "D-N.Y."


def _is_time(word: str) -> bool:
    return word in _TIME_WORDS or bool(month_of(word))


def trim_label(
    tokens: Sequence[Token], folded: Sequence[str], first: int, end: int, stop_words: frozenset[str],
    *, found: bool = True,
) -> tuple[int, int]:
    """``(first, end)`` without stray quote marks, weekdays or months at either edge, or a trailing initial.

    ``found``: a capitalized name the finder found (a pinned description keeps its modifiers).
    """
    while first < end and (tokens[first].text in _CLOSING_MARKS or (not tokens[first].is_word
                           and tokens[first].text not in QUOTE_MARKS)):
        first += 1
    while first < end and _is_time(folded[first]) and tokens[first].text[:1].isupper():
        first += 1
        while first < end and not tokens[first].is_word:
            first += 1
    marks = [k for k in range(first, end) if tokens[k].text in QUOTE_MARKS]
    if len(marks) == 1 and marks[0] == first:
        first += 1  # "“God": the quotation's opening mark, not part of the name
    while end > first and (_is_time(folded[end - 1]) or tokens[end - 1].text in OPENING_QUOTE_MARKS
                           or (len(tokens[end - 1].text) == 1 and tokens[end - 1].text.isalpha() and end - first > 1)):
        end -= 1
    if found and end > first and modifies_a_noun(tokens, folded, end, stop_words):
        # "the Libya terror attack", "the leading Democratic voices": the name modifies a noun
        # the label does not hold, so only the name itself is a whole label.
        while first < end - 1 and not tokens[first].text[:1].isupper():
            first += 1
    return first, end


def modifies_a_noun(tokens: Sequence[Token], folded: Sequence[str], end: int, stop_words: frozenset[str]) -> bool:
    """Whether the capitalized label ending before ``end`` stands before a lower-case noun of its phrase."""
    following = tokens[end] if end < len(tokens) else None
    return (following is not None and following.is_word and following.text[0].islower()
            and not following.text.endswith("ed") and tokens[end - 1].text[:1].isupper()
            and following.sentence == tokens[end - 1].sentence and folded[end] not in stop_words)


def label_problem(
    tokens: Sequence[Token], folded: Sequence[str], first: int, end: int, titles: AbstractSet[str],
    nationalities: frozenset[str],
) -> str:
    """Why the label ``tokens[first:end]`` is no label at all, or "" when it is one."""
    words = [folded[k] for k in range(first, end) if tokens[k].is_word and folded[k] != "the"]
    if not words:
        return "no words"
    if len(words) == 1:
        word = words[0]
        if _is_time(word):
            return f"a weekday or month ({word})"
        if word in titles:
            return f"a title alone ({word})"
        if len(word) == 1:
            return "a single letter"
        if word.endswith("s") and word[:-1] in nationalities:
            return f"a nationality noun alone ({word})"
    text = " ".join(tokens[k].text for k in range(first, end))
    if _PARTY_STATE_TAG.match(text):
        return f"a party-state tag ({text}), not a name"
    if words[0] in SUBJECT_PRONOUNS or words[0].startswith(("i'", "i’")):
        return f"starts with a pronoun ({words[0]})"
    return ""


def label_confidence(
    tokens: Sequence[Token], first: int, end: int, source: str, n_outlets: int, head: int | None = None,
) -> tuple[float, str]:
    """How sure it is that the label names its entity as a whole noun phrase, and why.

    A pinned name is sure (0.9); a capitalized name found by the finder 0.8 when two or
    more outlets use it, 0.7 otherwise; a lower-case modifier ending in -ed or -ing may be
    a verb the finder swept in (0.55); a one-word label at a sentence start may be a
    capital that only the sentence gives (0.6).
    """
    if source == "pinned":
        confidence, reason = 0.9, "a name or description pinned in the entities lexicon"
    elif n_outlets >= 2:
        confidence, reason = 0.8, f"a capitalized name {n_outlets} outlets use"
    else:
        confidence, reason = 0.7, "a capitalized name one outlet uses"
    modifiers = [t.text for t in tokens[first:end] if t.is_word and t.text[0].islower()
                 and t.text.endswith(("ed", "ing")) and "-" not in t.text]
    if modifiers:
        confidence = min(confidence, 0.55)
        reason += f"; the modifier “{modifiers[0]}” may be a verb, not part of the name"
    words = [t for t in tokens[first:end] if t.is_word]
    starts = first == 0 or tokens[first - 1].sentence != tokens[first].sentence
    if len(words) == 1 and starts and source != "pinned":
        confidence = min(confidence, 0.6)
        reason += "; one word at a sentence start: its capital may come from the sentence"
    return confidence, reason
