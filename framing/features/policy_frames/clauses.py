"""Side clauses: the stretches of a sentence beside its main statement, where a frame word is background.

A reader who judges a frame's evidence sentence asks whether the frame is the sentence's point; a frame word
in a condition ("if a state of war had been declared"), a concession ("despite the designation") or a relative
clause ("who argue that ...") is not. Without a parser, a side clause is read from its opening word
(:data:`framing.grammar.SIDE_CLAUSE_OPENERS`, not inside a word) to the next comma, semicolon, colon, dash,
bracket or the end of the sentence: one regular-expression pass over the text per article, then one sorted
search per word.

A frame word inside a name is background too: "security" in "National Security Agency" or "defense" in "Defense
Secretary Pete Hegseth" names an agency or an office, it does not say the sentence is about security. The
document's mention layer (:mod:`framing.corpus.mentions`, found once per document) marks organisation names and
the titles before persons' names; :func:`asides` adds those stretches to the side clauses. So does a source's
direct speech (the document's quote layer, :func:`quoted_stretches`): in framing research the article's frame is
the writer's choice, and a quoted politician's "I trust in God" carries the source's frame, not the article's;
a sentence that is mostly quotation is the source's whole, its attribution included.
Either way the word still counts for the article's score, only not as main-clause evidence.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

from ...document import Document
from ...grammar import DASHES, SIDE_CLAUSE_OPENERS
from .name_words import name_word_ranges

QUOTED_SENTENCE = 0.5  # a speech quote filling this share of its sentences makes them the source's, attribution too
Clauses = tuple[Any, Any]  # the side clauses' sorted start and end offsets, as integer arrays

# The rule, as a regular expression: an opener after a character that is no word character, apostrophe or hyphen,
# ending on a word boundary, runs to the next stop character. :func:`side_clauses` finds the same stretches with one
# ``str.find`` scan per opener (the expression tried the openers after every space); the expression itself still
# serves a text whose lower case changes its length ("İ"), with IGNORECASE.
_STOPS = ",;:()[]" + "".join(DASHES) + ".?!\n"
_PATTERN = (r"[^\w'’-](?:" + "|".join(sorted(SIDE_CLAUSE_OPENERS)) + r")\b[^" + re.escape(_STOPS) + "]*")
_SIDE_CLAUSE_ANY_CASE = re.compile(_PATTERN, re.IGNORECASE)
_STOP = re.compile("[" + re.escape(_STOPS) + "]")
_JOINERS = "_'’-"  # with letters and digits: the characters an opener may not follow


def _opener_groups(openers: frozenset[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``(needle, openers)``: the openers sharing their first two letters found by one scan for those letters
    ("wh" for the nine of "who", "which", "when" ...), an opener alone by a scan for itself. Each scan of the text
    costs about as much as the next (it is the text's length, not the hits, that counts)."""
    groups: dict[str, list[str]] = {}
    for opener in sorted(openers):
        groups.setdefault(opener[:2], []).append(opener)
    return tuple((prefix if len(members) > 1 else members[0], tuple(members)) for prefix, members in groups.items())


_OPENER_GROUPS = _opener_groups(SIDE_CLAUSE_OPENERS)


def side_clauses(text: str, within: Sequence[tuple[int, int]] | None = None) -> Clauses:
    """The side clauses of ``text`` as sorted ``(starts, ends)`` arrays of character offsets.

    ``within``: only those sorted ``(start, end)`` stretches (the sentences that hold frame cues), which
    spares the cue rule a pass over sentences that cannot matter to it. A clause ends at the stretch's end.
    """
    return _as_clauses(side_clause_list(text, within))


def _as_clauses(stretches: Sequence[Sequence[int]]) -> Clauses:
    """Sorted ``(start, end)`` stretches as the ``(starts, ends)`` arrays :func:`in_side_clause` reads."""
    import numpy as np

    spans = np.array(stretches, dtype=np.intp).reshape(-1, 2)
    return spans[:, 0], spans[:, 1]


def side_clause_list(text: str, within: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """:func:`side_clauses` as a sorted list of ``(start, end)``: what :func:`asides` merges with the names and
    quotes (no arrays made and read back)."""
    lowered = text.lower()
    stretches = [(0, len(text))] if within is None else within
    if len(lowered) == len(text):
        found = _found_clauses(lowered, _opener_places(lowered), stretches)
    else:  # lower-casing moved offsets ("İ" lower-cases to two characters): match the text as written
        searched = " " + text  # offset i of the text is i + 1: a stretch's search opens on the character before it
        found = [(match.start(), match.end() - 1) for start, end in stretches
                 for match in _SIDE_CLAUSE_ANY_CASE.finditer(searched, start, end + 1)]
    return found


def _opener_places(lowered: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every opener in the lower-cased text that follows no word character, apostrophe or hyphen."""
    places = []
    for needle, openers in _OPENER_GROUPS:
        at = lowered.find(needle)
        while at >= 0:
            before = lowered[at - 1] if at else " "
            if not (before.isalnum() or before in _JOINERS):
                places += [(at, at + len(opener)) for opener in openers if lowered.startswith(opener, at)]
            at = lowered.find(needle, at + 1)
    places.sort()
    return places


def _found_clauses(lowered: str, places: list[tuple[int, int]],
                   stretches: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The clauses the openers at ``places`` open within each stretch, left to right, none inside another.

    An opener must fit in its stretch and end on a word boundary (the stretch's end is one); its clause runs
    to the next stop character or the stretch's end. An opener inside an earlier clause opens none.
    """
    clauses: list[tuple[int, int]] = []
    for start, end in stretches:
        last = -1
        for at, after in places[bisect_left(places, (start, 0)):]:
            if at >= end:
                break
            if at <= last or after > end or (after < end and (lowered[after].isalnum() or lowered[after] == "_")):
                continue
            stop = _STOP.search(lowered, after, end)
            last = stop.start() if stop is not None else end
            clauses.append((at, last))
    return clauses


def asides(doc: Document, within: Sequence[tuple[int, int]] | None = None,
           names: Sequence[tuple[int, int]] | None = None) -> Clauses:
    """Where a frame word is background: the side clauses (of the ``within`` stretches), the names and the
    sources' direct speech.

    ``names``: :func:`.name_words.name_word_ranges`, when the caller has them (the learned model reads them too).

    Sorted, non-overlapping ``(starts, ends)`` arrays, as :func:`in_side_clause` reads them.
    """
    found = side_clause_list(doc.text, within)
    others = [*name_stretches(doc, names), *quoted_stretches(doc)]
    if not others:
        return _as_clauses(found)
    merged: list[list[int]] = []
    for start, end in sorted([*found, *others]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return _as_clauses(merged)


def name_stretches(doc: Document, ranges: Sequence[tuple[int, int]] | None = None) -> list[tuple[int, int]]:
    """The character stretches of :func:`.name_words.name_word_ranges` (``ranges``, when the caller has them):
    the words before a name's or title's head."""
    starts = doc.token_columns().starts
    return [(starts[first], starts[head]) for first, head in (name_word_ranges(doc) if ranges is None else ranges)]


def quoted_stretches(doc: Document) -> list[tuple[int, int]]:
    """The sources' words: the insides of the document's speech quotes (not scare quotes or titles).

    A quotation that fills at least ``QUOTED_SENTENCE`` of its sentences takes them whole: what the writer adds
    there is the attribution ("said Jane Roe, chief economist at the bank", "the firm said in a statement"), which
    names the source rather than framing the story.
    """
    stretches: list[tuple[int, int]] = []
    if not doc.quotes:
        return stretches
    sentences = doc.sentences
    for quote in doc.quotes:
        if quote.kind != "speech":
            continue
        # The sentences that hold the quote's first and last character (as :meth:`Document.sentence_of`, by bisection).
        first = max(bisect_right(sentences, (quote.inner_start, math.inf)) - 1, 0)
        last = max(bisect_right(sentences, (max(quote.inner_end - 1, quote.inner_start), math.inf)) - 1, 0)
        start, end = sentences[first][0], sentences[last][1]
        quoted = quote.inner_end - quote.inner_start >= QUOTED_SENTENCE * (end - start)
        stretches.append((start, end) if quoted else (quote.inner_start, quote.inner_end))
    return stretches


def in_side_clause(offsets: Any, clauses: Clauses) -> Any:
    """A boolean array: whether each character offset (an array or list) falls inside one of ``clauses``."""
    import numpy as np

    offsets = np.asarray(offsets, dtype=np.intp)
    starts, ends = clauses
    if not len(starts):
        return np.zeros(len(offsets), dtype=bool)
    # How many clauses open at or before each offset; the last of them holds it if it ends after it. The ends
    # behind a floor no offset is below, for the offsets before every clause: three array steps, not six.
    opened = np.searchsorted(starts, offsets, side="right")
    return offsets < np.concatenate(((np.iinfo(np.intp).min,), ends)).take(opened)
