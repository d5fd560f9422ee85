"""Source phrases read from sentence structure, for the source rules (:mod:`.source_rules`).

Each turns what the parse sees around a cue into a :class:`~.model.Unit`: an earlier report's
source lent to a verb that continues it, the name in an aside that holds a role ("the
coalition's executive director, Matt Brooks, said"), the head before a preposition ("the Code
of Conduct for U.S. judges says"); and whether a report sits inside a closed aside.
"""

from __future__ import annotations

from bisect import bisect_left

from .clauses import in_closed_aside
from .model import Attribution, Unit
from .phrases import Context


def in_closed_report_aside(context: Context, attribution: Attribution, before: int) -> bool:
    """Whether ``attribution`` sits between dashes or parentheses that both stand before token ``before``."""
    text = context.doc.text
    sentence_start = context.doc.sentences[attribution.sentence][0]
    return in_closed_aside(text, sentence_start, attribution.start, attribution.end, context.tokens[before].start)


def source_unit(context: Context, attribution: Attribution) -> Unit:
    """An earlier attribution's source as a unit of this parse, to lend to a verb that continues it."""
    source = attribution.source
    assert source is not None
    first_token = bisect_left(context.starts, source.start)
    last_token = bisect_left(context.ends, source.end)
    return Unit(first_token, last_token, source.kind, source.label, source.name)


def named_in_aside(context: Context, comma: int) -> Unit | None:
    """"the coalition's executive director, Matt Brooks, said": the aside names the role's holder.

    Only when the whole aside is one person's name and the phrase before it ends in a
    role noun ("director", "spokesman"): "Critics, including Jane Roe, said" keeps the critics.
    """
    unit = context.unit_ending_at(comma - 1)
    if unit is None or unit.kind != "named_person" or unit.first < 2 or context.norms[unit.first - 1] != ",":
        return None
    role = context.titles_lexicon.get(context.norms[unit.first - 2])
    return unit if role is not None and role[2] in ("role", "title") else None


def head_before_preposition(context: Context, unit: Unit, *, loose: bool) -> Unit:
    """"the Code of Conduct for U.S. judges says": a phrase after a preposition is its object, not the
    subject; the subject is the phrase before the preposition, with it ("a spokesman for the senators").
    When no phrase can be read there, the object stands, as before."""
    head = context.left_phrase(unit.first - 2) or context.generic_left(unit.first - 2, loose=loose)
    if head is None or context.tokens[head.first].sentence != context.tokens[unit.last].sentence:
        return unit
    return Unit(head.first, unit.last, head.kind, head.label, context.text_of(head.first, unit.last))
