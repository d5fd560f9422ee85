"""What follows a person's name and belongs to it: a party-state tag, or "of" and a place.

English news tags a legislator after the name: "(D-Conn.)", "(R)", "(Calif.)", ", R-Ky.",
", Republican of Arizona,", or names the place the person is of ("Sen. Susan Collins of Maine").
The mention layer reads this once per person mention (:attr:`.mention_model.Mention.tag` and
``tag_end``), so that a label of the person ("Sen. Richard Blumenthal (D-Conn.)") takes the whole
name-with-tag, and a reader of a name that is no mention (a voice row's words) uses the same
grammar through :func:`party_tag_at`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .mention_model import Mention

# A party-state tag right after a name; each alternative captures the tag's words.
PARTY_TAG = re.compile(
    r"\s*\(([RDI](?:-[A-Z][\w. ]{1,20})?|[A-Z][a-z]+\.(?:\s?[A-Z][a-z]*\.)?)\)"  # "(D-N.Y.)", "(R)", "(Calif.)"
    r"|,\s*([RDI]-[A-Z][\w.]*(?:\s[A-Z][a-z]+\.?)?)(?=[,.;)\s])"  # ", R-Ky.,"
    # written out: "Senator John McCain, Republican of Arizona,"
    r"|,\s*((?:Republican|Democrat|[Ii]ndependent)\s+(?:of|from)\s+[A-Z][\w.]*(?:\s[A-Z][a-z]+)?)(?=[,.;)])"
)
# "of" before a capitalized word: a place the person is of, when the mention layer found a place there.
OF_PLACE = re.compile(r"\s+of\s+(?=[A-Z])")


def party_tag_at(text: str, end: int) -> tuple[str, int]:
    """The party-state tag right after ``end`` ("D-Conn.", "Republican of Arizona") and where it ends,
    or ``("", end)``."""
    found = PARTY_TAG.match(text, end)
    if found is None:
        return "", end
    return next(words for words in found.groups() if words), found.end()


def with_name_tags(text: str, mentions: Sequence[Mention]) -> tuple[Mention, ...]:
    """The mentions, each person's with the tag after its name: a party-state tag, else "of" and a place
    mention ("of Maine"), whose end is then the tag's end."""
    places: dict[int, int] = {}
    for mention in mentions:
        if mention.kind == "place":
            places.setdefault(mention.start, mention.end)
    return tuple(_tagged(text, mention, places) if mention.kind == "person" else mention for mention in mentions)


def _tagged(text: str, mention: Mention, places: dict[int, int]) -> Mention:
    tag, end = party_tag_at(text, mention.end)
    if tag:
        return replace(mention, tag=tag, tag_end=end)
    of = OF_PLACE.match(text, mention.end)
    if of is not None and of.end() in places:
        return replace(mention, tag_end=places[of.end()])
    return mention
