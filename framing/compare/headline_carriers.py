"""What a text offers when a headline element is looked up in it (:mod:`.headlines`).

A :class:`Carrier` holds a text's elements by kind and key, and where each of its words is
first used, so that "does this headline or body carry that element, and where?" is one
lookup: an actor by its key, a related word ("Israeli" for Israel) or the initials of a
spelled-out name ("DNC" in "the Democratic National Convention"); a loaded word in a body
by its own words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..analysis import ArticleAnalysis
from ..document import Token
from ..lexicons import Lexicons
from .common import WordFolder, fold
from .headline_elements import Element, cue_elements
from .headline_names import MIN_SHARED_PREFIX, actor_key, related
from .labels import LabelUse

_CONNECTORS = frozenset({"of", "for", "and", "the", "on"})
_WORD = re.compile(r"\w+(?:[.'’-]\w+)*")


@dataclass(slots=True)
class Carrier:
    """What one text (a headline or a body) offers, to look elements up in it."""

    offers: dict[str, dict[str, tuple[int, int]]]  # kind → key → offsets of its first carrier
    words: dict[str, tuple[int, int]]  # folded word → offsets of its first use
    is_body: bool = False
    stem: Callable[[str], str] | None = None

    def find(self, element: Element) -> tuple[list[str], tuple[int, int] | None]:
        """The element's keys this text lacks, and where it carries the first of the others.

        In a body, a loaded word is carried when the body uses the same words (quoted or
        not): every body has some loaded word, so the kind alone would say nothing.
        """
        offered = self.offers.get(element.kind, {})
        if element.kind == "loaded" and self.is_body:
            words = ["~" + self.stem(w) if self.stem else fold(w) for w in _WORD.findall(element.text)]
            found = [self.words[w] for w in words if w in self.words]
            return ([element.text] if len(found) < len(words) or not words else []), (found[0] if found else None)
        if element.kind == "actor":
            key = element.keys[0]
            if key in offered:
                return [], offered[key]
            near = self.words.get("^" + key) if 2 <= len(key) <= 6 else None  # an acronym spelled out
            # A related word starts with the key's first MIN_SHARED_PREFIX letters (or is the key): test that first.
            opening = key[:MIN_SHARED_PREFIX]
            near = near or next((self.words[w] for w in self.words if w.startswith(opening) and related(key, (w,))),
                                None)
            return ([], near) if near else ([key], None)
        missing = [key for key in element.keys if key not in offered]
        found = next((offered[key] for key in element.keys if key in offered), None)
        return missing, found


def carrier(
    elements: Sequence[Element], words: dict[str, tuple[int, int]], stem: Callable[[str], str] | None = None
) -> Carrier:
    offers: dict[str, dict[str, tuple[int, int]]] = {}
    for element in elements:
        for key in element.offers:
            offers.setdefault(element.kind, {}).setdefault(key, (element.start, element.end))
    return Carrier(offers, words, stem is not None, stem)


def word_offsets(analysis: ArticleAnalysis, folder: WordFolder, stems: bool = False) -> dict[str, tuple[int, int]]:
    """Where each word (folded, as an actor key; with ``stems``, also "~stem") is first used."""
    found: dict[str, tuple[int, int]] = {}
    seen: set[str] = set()
    for token in analysis.document.tokens:
        # Every key below depends on the norm alone and the first use wins: a repeated norm adds nothing.
        if not token.is_word or token.norm in seen:
            continue
        seen.add(token.norm)
        word = folder.fold(token.norm)
        found.setdefault(actor_key(word), (token.start, token.end))
        if stems:
            found.setdefault("~" + folder.stem(token.norm), (token.start, token.end))
        if "-" in word:  # "U.S.-Israel" carries both names
            offset = token.start
            for part in token.text.split("-"):
                if part:
                    found.setdefault(actor_key(folder.fold(part)), (offset, offset + len(part)))
                offset += len(part) + 1
    if stems:
        for start, end, initials in _initials(analysis.document.tokens):
            found.setdefault("^" + initials, (start, end))
    return found


def _initials(tokens: Sequence[Token]) -> list[tuple[int, int, str]]:
    """Initials of the runs of capitalized words and their parts ("The Democratic National
    Convention" → dnc, "Department of Justice" → doj and dj), so that a headline's acronym is
    found in a body that spells the name out."""
    found = []
    run: list[Token] = []
    for token in [*tokens, None]:
        if token is not None and token.is_word and (token.text[0].isupper() or (run and token.norm in _CONNECTORS)):
            run.append(token)
            continue
        for first in range(len(run)):
            for end in range(first + 2, len(run) + 1):
                part = run[first:end]
                if part[0].norm in _CONNECTORS or part[-1].norm in _CONNECTORS:
                    continue
                found.append((part[0].start, part[-1].end, "".join(t.text[0].lower() for t in part)))
                letters = "".join(t.text[0].lower() for t in part if t.norm not in _CONNECTORS)
                found.append((part[0].start, part[-1].end, letters))
        run = []
    return found


def body_carrier(
    analysis: ArticleAnalysis, mentions: Sequence[LabelUse], lexicons: Lexicons, folder: WordFolder
) -> Carrier:
    """Everything an article's text offers: its cues, loaded spans, and the names it mentions."""
    doc = analysis.document
    elements = cue_elements(doc, lexicons, folder)
    elements += [Element("loaded", s.text, s.start, s.end, (s.category or "loaded",)) for s in analysis.spans
                 if s.type == "loaded"]
    elements += [
        Element("actor", m.text, m.start_char, m.end_char,
                (actor_key(m.entity if m.source == "auto" else folder.fold(m.entity)),))
        for m in mentions if m.article_id == doc.id
    ]
    return carrier(elements, word_offsets(analysis, folder, stems=True), folder.stem)
