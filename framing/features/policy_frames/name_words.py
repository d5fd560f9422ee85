"""Words inside names and titles, as the learned frame model reads them: not frame words, but name words.

"Defense" in "Defense Secretary Pete Hegseth", "Rights" in "Human Rights Campaign", "Attorney" in "Attorney
General Eric Holder" say which office or which group, not that the article is about security, equality or the
law. Counted as ordinary words they raised those frames' scores and led articles about something else (blind
reading, docs/notes/frames-reading-2026-12-07.md). The document's mention layer (:mod:`framing.corpus.mentions`,
found once per parse) marks organisation names and the titles before persons' names; the words before the
head of each (:func:`name_word_ranges`) are read as ``n:<word>``, a feature of their own beside ``<word>``,
so the model learns what a word inside a name says apart from what the same word says in running text. The
head stays an ordinary word: "Court" in "Supreme Court", "Secretary", "Campaign" say what the thing is.

The model's cue shares (``c:<frame>``) leave out, likewise, a cue that only names the office or the body
(:func:`cues_outside_names`). Training (:func:`model_norms`, :func:`cues_outside_names`) and scoring
(:func:`name_word_tokens` and :func:`cues_outside_names`, in :mod:`.model`) read the same ranges from the same
mention layer, so a model is scored on exactly the features it was trained on, and nothing is parsed again.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ...document import Document
from ...grammar import DETERMINERS, POSSESSIVE_DETERMINERS

if TYPE_CHECKING:  # cues.py reads name stretches through clauses.py: no import cycle at run time
    from .cues import CueHit

_LEADING = DETERMINERS | POSSESSIVE_DETERMINERS  # words a mention may open with that are no part of the name
NAME_PREFIX = "n:"  # a word before the head of a name or title; never a token's own norm (tokens split at ':')


def name_word_ranges(doc: Document) -> list[tuple[int, int]]:
    """Token ranges ``[first, head)``: the words before the head of an organisation's name or a person's title.

    A leading article or possessive ("the" of "the campaign", "the White House") is no part of the name.

    The head, the last word, stays out: it says what the thing is ("Court" in "Supreme Court", "Agency",
    "Secretary", "President"); the words before it only tell which one ("Supreme", "National Security",
    "Defense").
    """
    norms = doc.token_columns().norms
    ranges = []
    for mention in doc.mentions:
        if mention.kind == "organisation":
            first, head = mention.first, mention.end_token - 1
        elif mention.how == "title_name":  # "Defense Secretary" Pete Hegseth: the title ends before the name
            first, head = mention.first, mention.name_first - 1
        else:
            continue
        while first < head and norms[first] in _LEADING:  # "the" of "the campaign" names nothing
            first += 1
        if head > first:
            ranges.append((first, head))
    return ranges


def name_word_tokens(doc: Document, ranges: Sequence[tuple[int, int]] | None = None) -> list[int]:
    """The token indexes of :func:`name_word_ranges` (``ranges``, when the caller has them), in text order, once."""
    ranges = name_word_ranges(doc) if ranges is None else ranges
    return sorted({token for first, head in ranges for token in range(first, head)})


def as_name(norm: str) -> str:
    """How the model names a word that sits inside a name or title."""
    return NAME_PREFIX + norm


def model_norms(doc: Document) -> tuple[str, ...]:
    """The article's word norms as the frame model reads them: a word inside a name as ``n:<word>``."""
    columns = doc.token_columns()
    norms = list(columns.norms)
    for token in name_word_tokens(doc):
        norms[token] = as_name(norms[token])
    return tuple(norm for norm, word in zip(norms, columns.is_word, strict=True) if word)


def cues_outside_names(doc: Document, hits: Sequence[CueHit],
                       ranges: Sequence[tuple[int, int]] | None = None) -> list[CueHit]:
    """The cue hits the model's cue shares count: inside a name or title of several words, only the name's own cue.

    A cue inside such a name counts when it ends on the head and takes in at least one word before it: "Supreme
    Court" in "U.S. Supreme Court", "White House" are what the thing is. A cue before the head ("attorney" in
    "Attorney General Eric Holder", "health" in "World Health Organization") names the office or the body, as a
    name word does, and so does a cue that is only the head of a longer name ("campaign" in "Human Rights
    Campaign"). A name of one word ("FBI", "Congress") counts as written. ``ranges``: :func:`name_word_ranges`,
    when the caller has them.
    """
    ranges = name_word_ranges(doc) if ranges is None else ranges
    if not ranges or not hits:
        return list(hits)
    columns = doc.token_columns()
    names = sorted((columns.starts[first], columns.ends[head], columns.starts[head]) for first, head in ranges)
    kept = []
    for hit in hits:
        at = bisect_right(names, (hit.start, math.inf, math.inf)) - 1
        inside = at >= 0 and hit.end <= names[at][1]
        if not inside or (hit.end == names[at][1] and hit.start < names[at][2]):
            kept.append(hit)
    return kept
