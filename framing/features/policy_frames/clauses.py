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
the titles before persons' names; :func:`asides` adds those stretches to the side clauses. Either way the word
still counts for the article's score, only not as main-clause evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ...document import Document
from ...grammar import DASHES, SIDE_CLAUSE_OPENERS
from .name_words import name_word_ranges

Clauses = tuple[Any, Any]  # the side clauses' sorted start and end offsets, as integer arrays

# The character before the opener is matched (not looked behind at): a pattern that opens with a character class
# lets the regular-expression engine skip ahead at C speed, a third faster. The text is searched with a space in
# front (so an opener at offset 0 has its character), and a match at ``m.start()`` is the clause at that offset.
_PATTERN = (r"[^\w'’-](?:" + "|".join(sorted(SIDE_CLAUSE_OPENERS)) + r")\b[^,;:()\[\]" + "".join(DASHES)
            + r".?!\n]*")
_SIDE_CLAUSE = re.compile(_PATTERN)  # over lower-cased text: twice as fast as IGNORECASE
_SIDE_CLAUSE_ANY_CASE = re.compile(_PATTERN, re.IGNORECASE)


def side_clauses(text: str, within: Sequence[tuple[int, int]] | None = None) -> Clauses:
    """The side clauses of ``text`` as sorted ``(starts, ends)`` arrays of character offsets.

    ``within``: only those sorted ``(start, end)`` stretches (the sentences that hold frame cues), which
    spares the cue rule a pass over sentences that cannot matter to it.
    """
    import numpy as np

    lowered = text.lower()
    # Lower-casing keeps offsets unless a character lower-cases to two ("İ"): then match the text as written.
    pattern, searched = (_SIDE_CLAUSE, lowered) if len(lowered) == len(text) else (_SIDE_CLAUSE_ANY_CASE, text)
    searched = " " + searched
    stretches = [(0, len(text))] if within is None else within
    # In " " + text, offset i of the text is i + 1: a stretch's search opens on the character before it.
    spans = np.array([(match.start(), match.end() - 1) for start, end in stretches
                      for match in pattern.finditer(searched, start, end + 1)], dtype=np.intp).reshape(-1, 2)
    return spans[:, 0], spans[:, 1]


def asides(doc: Document, within: Sequence[tuple[int, int]] | None = None) -> Clauses:
    """Where a frame word is background: the side clauses (of the ``within`` stretches) and the names.

    Sorted, non-overlapping ``(starts, ends)`` arrays, as :func:`in_side_clause` reads them.
    """
    import numpy as np

    starts, ends = side_clauses(doc.text, within)
    names = name_stretches(doc)
    if not names:
        return starts, ends
    merged: list[list[int]] = []
    for start, end in sorted([*zip(starts.tolist(), ends.tolist(), strict=True), *names]):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    spans = np.array(merged, dtype=np.intp)
    return spans[:, 0], spans[:, 1]


def name_stretches(doc: Document) -> list[tuple[int, int]]:
    """The character stretches of :func:`.name_words.name_word_ranges`: the words before a name's or title's head."""
    starts = doc.token_columns().starts
    return [(starts[first], starts[head]) for first, head in name_word_ranges(doc)]


def in_side_clause(offsets: Any, clauses: Clauses) -> Any:
    """A boolean array: whether each character offset (an array or list) falls inside one of ``clauses``."""
    import numpy as np

    offsets = np.asarray(offsets, dtype=np.intp)
    starts, ends = clauses
    if not len(starts):
        return np.zeros(len(offsets), dtype=bool)
    last = np.searchsorted(starts, offsets, side="right") - 1  # the last clause opening at or before each offset
    return (last >= 0) & (offsets < ends[np.maximum(last, 0)])
