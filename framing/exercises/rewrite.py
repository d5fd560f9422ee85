"""The key's model rewrite: a loaded term swapped for the lexicon's neutral alternative only where it fits.

A teacher once got "model rewrites" identical to the original, and swaps that broke
the grammar (an adjective's alternative put in place of a verb). A swap is made
only when the alternative has the same word shape as the term at its first or
last word (both end in -ly, -ing, -ed, -est, a plural -s, or none of these), so a
past-tense verb is replaced by a past-tense verb; "(omit)" only drops a lone -ly adverb; "a"/"an" is fixed for the
new word. A sentence where no term can be swapped gets no model rewrite (the key
says so) rather than an ungrammatical one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_SHAPES = (("ly", re.compile(r"ly$")), ("ing", re.compile(r"ing$")), ("ed", re.compile(r"ed$")),
           ("est", re.compile(r"..est$")),
           ("s", re.compile(r"[^su's]s$")))


def word_shape(word: str) -> str:
    """The inflection a word's ending shows: ``ly``, ``ing``, ``ed``, ``est``, ``s`` or ``base``."""
    word = word.lower().strip(".,;:!?\"'”’")
    return next((name for name, pattern in _SHAPES if pattern.search(word)), "base")


def fitting_alternative(term: str, alternative: str) -> str | None:
    """The alternative that can stand where ``term`` stands, or None (see the module's rules)."""
    first = (alternative or "").split(";")[0].strip()
    words = term.split()
    if not first or not words:
        return None
    if first == "(omit)":
        return "" if len(words) == 1 and word_shape(words[0]) == "ly" else None
    if "(" in first or first.lower() == term.lower():  # "without trial (attribute …)": an instruction, no word
        return None
    swapped = first.split()
    if word_shape(words[-1]) != word_shape(swapped[-1]) and word_shape(words[0]) != word_shape(swapped[0]):
        return None  # neither the head nor the ending agree ("rammed through" → "passed" agrees at the head)
    return first[0].upper() + first[1:] if term[:1].isupper() and not first[:1].isupper() else first


def model_rewrite(text: str, offset: int, spans: Sequence[Any]) -> str | None:
    """``text`` (a sentence starting at ``offset``) with every fitting term swapped; None if none fits."""
    out, position, swapped = [], 0, False
    for span in sorted(spans, key=lambda s: s.start):
        replacement = fitting_alternative(span.text, span.alternative)
        if replacement is None or span.start - offset < position:
            continue
        out += [fix_article(text[position:span.start - offset], replacement), replacement]
        position = span.end - offset
        swapped = True
    if not swapped:
        return None
    out.append(text[position:])
    rewritten = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"[ \t]{2,}", " ", "".join(out))).strip()
    return rewritten if " ".join(rewritten.split()) != " ".join(text.split()) else None


def fix_article(before: str, word: str) -> str:
    """``before`` with a closing "a"/"an" made to fit ``word`` (a simple vowel rule, as in most news copy)."""
    match = re.search(r"\b([Aa])n? $", before)
    if not match or not word:
        return before
    return before[:match.start()] + match.group(1) + ("n" if word[0].lower() in "aeiou" else "") + " "
