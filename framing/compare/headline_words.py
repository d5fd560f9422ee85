"""Which words of a headline or its body count for the comparison: places as settings, the writer's hedges.

A place is an actor when it acts ("Ohio sues"), not when it is where something happens ("in Iowa")
or whose office a title names ("Iowa Senator"): :func:`place_settings`. A body hedges a claim only
with its writer's own hedges, not a quoted speaker's "could" nor a source's reporting verb
("suggesting that"): :func:`writer_hedges`.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..analysis import ArticleAnalysis
from ..corpus.mention_model import mention_lexicon
from ..document import Token
from ..grammar import LOCATIVE_PREPOSITIONS
from ..lexicons import Lexicons


def place_settings(tokens: Sequence[Token], lexicons: Lexicons) -> set[tuple[int, int]]:
    """Token ranges of places (``places.tsv``) a headline names as a setting or a modifier, never as an actor.

    After a locative preposition ("Dem running for Senate in Iowa") or before a title, role or
    group word of ``titles.tsv`` ("Criticizing Iowa Senator", "Ohio Farmers"). A place that acts
    ("China Warns Ohio") stays an actor.
    """
    words = mention_lexicon(lexicons).title_words
    norms = [token.norm for token in tokens]
    settings = set()
    for first, end, _ in mention_lexicon(lexicons).places.match(norms):
        before = norms[first - 1] if first > 0 else ""
        after = norms[end] if end < len(norms) else ""
        after_kind = words.get(after.rstrip("."), ("", "", ""))[2]
        if before in LOCATIVE_PREPOSITIONS or after_kind in ("title", "role", "group"):
            settings.add((first, end))
    return settings


def writer_hedges(analysis: ArticleAnalysis, start: int, end: int) -> list[str]:
    """The hedges in ``[start, end)`` that are the writer's own, not a source's words.

    A quoted speaker's "could" is the speaker's; so is a hedge that is the cue of an attribution
    with a source ("Trump … suggesting that she owed an apology": Trump suggests, the writer states it).
    """
    doc = analysis.document
    reported = {(s.start, s.end) for s in analysis.spans
                if s.type == "attribution" and s.attrs.get("source_start") is not None}
    return [s.text for s in analysis.spans if s.type == "hedge" and start <= s.start and s.end <= end
            and s.counted and not doc.is_quoted(s.start, s.end) and (s.start, s.end) not in reported]
