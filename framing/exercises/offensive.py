"""A teacher's note where an article prints an offensive word uncensored: which article, which paragraph.

A teacher reading a handout found a slur printed in full and asked to be warned
before handing it to a class. The words are data (``lexicons/offensive.tsv``: kind
``slur`` or ``profanity``, and whether a capitalized spelling counts); a censored
spelling ("f---") never matches. The note names the Source and the handout's
paragraph number and never prints the word itself: "Source B, paragraph 4, prints a
slur uncensored."
"""

from __future__ import annotations

import re
from functools import cache

from ..compare.common import outlet_of
from ..lexicons import Lexicons
from .handout import paragraph_starts
from .material import Material, natural_key

WHAT = {"slur": "a slur", "profanity": "profanity"}


@cache
def _patterns(lexicons: Lexicons) -> tuple[tuple[re.Pattern[str], str], ...]:
    """One whole-word pattern per kind and case rule: ``(pattern, kind)``."""
    groups: dict[tuple[str, str], list[str]] = {}
    for entry in lexicons["offensive"]:
        groups.setdefault((entry["kind"], entry["case"] or "any"), []).append(re.escape(entry.key))
    # a hyphen joins, it does not hide: "son-of-a-…" prints the word in full
    return tuple((re.compile(rf"(?<!\w)(?:{'|'.join(sorted(words, key=len, reverse=True))})(?!\w)",
                             0 if case == "lower" else re.IGNORECASE), kind)
                 for (kind, case), words in sorted(groups.items()))


def offensive_places(lexicons: Lexicons, text: str) -> list[tuple[int, str]]:
    """``(offset, kind)`` of each offensive word ``text`` prints in full, in text order."""
    return sorted((found.start(), kind) for pattern, kind in _patterns(lexicons) for found in pattern.finditer(text))


def paragraph_of(text: str, offset: int, sentences: list[tuple[int, int]]) -> int:
    """The handout's number of the paragraph holding ``offset`` (:func:`.handout.article_model` numbers
    paragraphs that hold a sentence, from 1)."""
    starts = paragraph_starts(text)
    numbers = sorted({sum(1 for s in starts if s <= start) for start, _ in sentences})
    here = sum(1 for s in starts if s <= offset)
    return numbers.index(here) + 1 if here in numbers else here


def offensive_notes(m: Material) -> list[str]:
    """One line per article paragraph and kind: "Source B, paragraph 4, prints a slur uncensored"."""
    notes: list[str] = []
    for analysis in sorted(m.analyses, key=lambda a: (natural_key(m.name(outlet_of(a))), a.document.id)):
        doc = analysis.document
        seen: dict[int, list[str]] = {}
        for offset, kind in offensive_places(m.lexicons, doc.text):
            kinds = seen.setdefault(paragraph_of(doc.text, offset, list(doc.sentences)), [])
            if kind not in kinds:
                kinds.append(kind)
        name = m.name(outlet_of(analysis))
        in_title = sorted({kind for _, kind in offensive_places(m.lexicons, doc.title or "")}, reverse=True)
        notes += [f"{name}'s headline prints {' and '.join(WHAT[k] for k in in_title)} uncensored"] if in_title else []
        notes += [f"{name}, paragraph {n}, prints {' and '.join(WHAT[k] for k in sorted(kinds, reverse=True))} "
                  "uncensored" for n, kinds in seen.items()]
    return notes

