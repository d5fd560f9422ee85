"""A label's name, read from the mention layer (``Document.mentions``), so a label is a whole noun phrase.

The capitalized-word finder of :mod:`.labels` sweeps in whatever capitals stand together: "PAC
America Rising" (an acronym, then a name), "Republican of Iowa" (a description of a senator, then
a place), "Justice Ruth Bader Ginsburg of the Supreme Court" (a person, then a court). The mention
layer knows where each name starts and ends, so:

* :func:`ends_a_whole_name`: a label must end where a name ends and start inside none;
* :func:`head_name_first`: a label that joins another name or a description to the name it ends
  with, side by side or through "of", is cut to that last name ("America Rising", "Iowa",
  "the Supreme Court"); a name after its title keeps the words before the title ("Supreme Court
  Justice Ruth Bader Ginsburg": the court says whose justice);
* :func:`person_before`: the person a cut label leaves before its last name keeps a label of their own;
* :func:`name_end_token`: a run the sentence splitter cut after an initial runs to the name's end,
  and :func:`name_start_token` back to its start ("Bill Moe": "Bill" is a stop word, yet a name here);
* :func:`head_word`: the word a label's entity is grouped by: the last word of the name, but an
  organisation "X of Y" by its whole name ("University of Iowa" is no mention of Iowa).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..corpus.mention_model import Mention
from ..document import Document, Token
from ..grammar import ARTICLES

NAME_KINDS = frozenset({"person", "organisation", "place", "group", "document"})
# Rules of the mention layer that point back to a name rather than write one (framing/corpus/coreference.py).
_POINTING_RULES = frozenset({"appositive", "definite_role", "org_alias", "pronoun", "document"})
# Words that join an organisation's head to what it is of ("University of Iowa", "Committee on Finance").
_NAME_LINKS = frozenset({"of", "for", "on"})


def names_in(doc: Document, start: int, end: int) -> list[Mention]:
    """The names of the mention layer that overlap ``[start, end)``, in text order."""
    return [m for m in doc.mentions if m.kind in NAME_KINDS and m.how not in _POINTING_RULES
            and m.start < end and start < m.end]


def head_name(doc: Document, start: int, end: int) -> Mention | None:
    """The name of the mention layer that ends where ``[start, end)`` ends (the last one if several)."""
    return next((m for m in reversed(names_in(doc, start, end)) if m.end == end), None)


def ends_a_whole_name(doc: Document, start: int, end: int) -> bool:
    """Whether ``[start, end)`` ends where a name of the mention layer ends and starts inside none.

    A label may carry words before the name ("the leftist regime of" … "Maduro") and may leave out
    a title ("Charles E. Grassley" of "Sen. Charles E. Grassley"), but must not begin in the middle
    of a name, nor stop short of its end.
    """
    names = names_in(doc, start, end)
    if any(m.start < start < m.end and doc.text[start:m.end] != m.name for m in names):  # a title may go
        return False
    return any(m.end == end for m in names)


def head_name_first(doc: Document, tokens: Sequence[Token], first: int, end: int) -> int:
    """The label's first token once another name or an "of" phrase before its last name is cut off.

    "PAC America Rising" → "America Rising"; "Republican of Iowa" → "Iowa"; "Justice Ann Roe of
    the Supreme Court" → "the Supreme Court" (a leading "the" stays with the name). A label whose
    last name starts with a title ("Supreme Court Justice Ann Roe"), whose last name is a body
    another name qualifies ("Senate Judiciary Committee"), or that holds no other name is kept as it is.
    """
    start, stop = tokens[first].start, tokens[end - 1].end
    names = names_in(doc, start, stop)
    head = head_name(doc, start, stop)
    if head is None or head.start <= start:
        return first
    head_first = next((k for k in range(first, end) if tokens[k].start >= head.start), first)
    linked = any(tokens[k].norm in _NAME_LINKS for k in range(first, head_first))
    beside = any(m.end <= head.start for m in names)
    if not linked and (not beside or head.how == "title_name" or head.kind == "organisation"):
        return first
    if head_first > first and tokens[head_first - 1].norm in ARTICLES:
        return head_first - 1
    return head_first


def head_word(doc: Document, tokens: Sequence[Token], folded: Sequence[str], first: int, end: int) -> str:
    """The folded word an automatic label's entity is grouped by (see the module docstring)."""
    stop = tokens[end - 1].end
    head = head_name(doc, tokens[first].start, stop)
    if head is not None and head.kind == "organisation":
        words = [k for k in range(first, end) if tokens[k].start >= head.start and tokens[k].is_word]
        if any(tokens[k].norm in _NAME_LINKS or tokens[k].norm == "the" for k in words[1:]):
            return " ".join(folded[k] for k in words if folded[k] not in ARTICLES)
    return folded[end - 1]


def starts_a_name(doc: Document, start: int) -> bool:
    """Whether a name of the mention layer starts at offset ``start`` (a sentence's first word may be one)."""
    return any(m.start == start for m in names_in(doc, start, start + 1))


def name_start_token(doc: Document, tokens: Sequence[Token], first: int, end: int) -> int:
    """``first``, or back to where the name ending the run starts ("Bill" of "Bill Moe", a stop word as a name)."""
    head = head_name(doc, tokens[first].start, tokens[end - 1].end)
    if head is None or head.start >= tokens[first].start:
        return first
    while first > 0 and tokens[first - 1].start >= head.start and tokens[first - 1].sentence == tokens[first].sentence:
        first -= 1
    return first


def name_end_token(doc: Document, tokens: Sequence[Token], first: int, end: int) -> int:
    """``end``, or past it to where a name of the run ends when the sentence splitter cut it.

    "Senator John Q. Smith": a splitter that ends a sentence at "Q." leaves the run "Senator
    John Q"; the mention layer keeps the initial's full stop in the name, and so does the label.
    """
    stop = tokens[end - 1].end
    beyond = max((m.end for m in names_in(doc, tokens[first].start, stop) if m.end > stop), default=stop)
    while end < len(tokens) and tokens[end].end <= beyond:
        end += 1
    return end


def person_before(doc: Document, tokens: Sequence[Token], first: int, cut: int) -> tuple[int, int] | None:
    """``(first, end)`` of a person's whole name that a cut label leaves before its last name, or None.

    "Justice Ann Roe of the Supreme Court" is cut to "the Supreme Court"; "Justice Ann Roe" is a
    label of its own. What is left of "Republican of Iowa" or "PAC America Rising" names no person.
    """
    end = cut
    while end > first and (not tokens[end - 1].is_word or tokens[end - 1].norm in _NAME_LINKS | ARTICLES):
        end -= 1
    if end <= first:
        return None
    head = head_name(doc, tokens[first].start, tokens[end - 1].end)
    if head is None or head.kind != "person" or not ends_a_whole_name(doc, tokens[first].start, tokens[end - 1].end):
        return None
    return first, end
