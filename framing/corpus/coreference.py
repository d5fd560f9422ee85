"""Mentions that point back: appositives, "the senator", "the bureau", group nouns, documents, pronouns.

Read after the names (:mod:`framing.corpus.mentions`), in one walk through the text so
each description or pronoun sees only what came before it. Rules (``how``):

* ``appositive``: "X, a Democrat from Ohio," or "X's lawyer, Y," gives a person a role
  word (and a gender when the noun has one: "spokeswoman Jane Roe");
* ``definite_role``: "the senator", "the lawyer" joins the most recent person with that
  role, within :data:`DESCRIPTION_WINDOW` sentences; none, and nothing is claimed;
* ``org_alias``: "the bureau", "the department" joins the most recent organisation whose
  name holds that head noun;
* ``group`` and ``document``: "critics", "officials"; "the statement", "a report";
* ``pronoun``: he/she/they get an antecedent only when one candidate fits. The nearest
  sentence (of the pronoun's own, before it, and the :data:`PRONOUN_WINDOW` before) that
  has any candidate of the right gender decides: one entity there, or one that is a
  clause subject, wins; otherwise the pronoun stays unresolved with the reason.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..grammar import ARTICLES, DETERMINERS

if TYPE_CHECKING:
    from .mentions import Mention, _Reader

PRONOUN_WINDOW = 2
DESCRIPTION_WINDOW = 5
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_APPOSITIVE_OPENERS = ARTICLES | frozenset(["who", "whose", "now", "then", "former"])
_APPOSITIVE_REACH = 10


class _Walk:
    """The state of one walk: who has which role and gender, and what came last."""

    def __init__(self, reader: _Reader) -> None:
        self.reader = reader
        self.roles: dict[str, set[str]] = {}
        self.genders: dict[str, set[str]] = {}
        self.org_words: dict[str, set[str]] = {}
        self.names: dict[str, str] = {}  # person entity → its fullest name so far
        self.history: list[Mention] = []  # resolved mentions so far, in text order
        self.out: list[Mention] = []

    def note(self, mention: Mention) -> None:
        if len(mention.name) > len(self.names.get(mention.entity, "")):
            self.names[mention.entity] = mention.name
        if mention.role:
            self.roles.setdefault(mention.entity, set()).add(mention.role)
        if mention.gender:
            self.genders.setdefault(mention.entity, set()).add(mention.gender)
        if mention.kind == "organisation":
            words = self.org_words.setdefault(mention.entity, set())
            words.update(word.lower().strip(".") for word in mention.entity.partition(":")[2].split())
        self.history.append(mention)
        self.out.append(mention)

    def gender(self, entity: str) -> str:
        found = self.genders.get(entity, set())
        return next(iter(found)) if len(found) == 1 else ""


def resolve(names: list[Mention], reader: _Reader) -> tuple[Mention, ...]:
    """Names plus every description and pronoun, each resolved where the text allows, in text order."""
    walk = _Walk(reader)
    by_first = {m.first: m for m in names}
    index = 0
    while index < reader.count:
        mention = by_first.get(index)
        if mention is not None:
            mention = _with_role_before(reader, mention)
            walk.note(mention)
            _appositive(walk, mention)
            index = mention.end_token
            continue
        found = _lower_case_mention(walk, index)
        if found is not None:
            walk.note(found) if found.resolved else walk.out.append(found)
        index += 1
    return tuple(sorted(walk.out, key=lambda m: (m.start, -m.end)))


def _with_role_before(reader: _Reader, mention: Mention) -> Mention:
    """"spokeswoman Jane Roe", "her lawyer, Al Smith": a role noun just before a name gives it a role."""
    if mention.kind != "person" or mention.role:
        return mention
    before = mention.first - 1
    if before > 0 and reader.texts[before] == ",":
        before -= 1
    entry = reader.lex.title_words.get(reader.norms[before]) if before >= 0 else None
    if entry is None or entry[2] not in ("role", "title") or not reader.texts[before].islower():
        return mention
    return replace(mention, role=entry[1] or reader.norms[before], gender=mention.gender or entry[0])


def _appositive(walk: _Walk, mention: Mention) -> None:
    """"X, a Democrat from Ohio," : the role words of the aside after a person's name."""
    reader = walk.reader
    comma = mention.end_token
    if mention.kind != "person" or comma + 1 >= reader.count or reader.texts[comma] != ",":
        return
    if reader.norms[comma + 1] not in _APPOSITIVE_OPENERS:
        return
    position = comma + 1
    while position < min(reader.count, comma + _APPOSITIVE_REACH) and reader.texts[position] not in ",.;:":
        entry = reader.lex.title_words.get(reader.norms[position])
        if entry is not None and entry[2] in ("role", "title"):
            first = comma + 1
            start, stop, text = reader.span(first, position + 1)
            found = type(mention)(
                "person", start, stop, text, mention.entity, "appositive", first, position + 1,
                role=entry[1] or reader.norms[position], gender=entry[0], name=mention.name,
                name_first=mention.name_first,
            )
            walk.note(found)
            return
        position += 1


def _lower_case_mention(walk: _Walk, index: int) -> Mention | None:
    reader = walk.reader
    norm = reader.norms[index]
    if norm in _PRONOUN_GENDER or norm == "they":
        return None if reader.quoted[index] else _pronoun(walk, index)
    entry = reader.lex.title_words.get(norm)
    if entry is None or not reader.texts[index].islower():
        return None
    gender, role, kind = entry
    before = reader.norms[index - 1] if index else ""
    if kind == "group":
        return _make(reader, "group", index, "group:" + norm, "group")
    if kind == "document" and before in DETERMINERS:
        return _make(reader, "document", index, "document:" + norm, "document", first=index - 1)
    if before != "the":
        return None
    if kind == "org_head":
        entity = _latest(walk, index, lambda m: m.kind == "organisation" and norm in walk.org_words.get(m.entity, ()))
        return _make(reader, "organisation", index, entity, "org_alias", first=index - 1) if entity else None
    if kind in ("title", "role"):
        wanted = role or norm
        entity = _latest(walk, index, lambda m: m.kind == "person" and wanted in walk.roles.get(m.entity, ()))
        if entity:
            return _make(reader, "person", index, entity, "definite_role", first=index - 1, role=wanted, gender=gender,
                         name=walk.names.get(entity, ""))
    return None


def _latest(walk: _Walk, index: int, fits) -> str:
    """The entity of the most recent fitting mention within the description window."""
    lowest = walk.reader.sentence_ids[index] - DESCRIPTION_WINDOW
    for mention in reversed(walk.history):
        if walk.reader.sentence_ids[mention.first] < lowest:
            break
        if fits(mention):
            return mention.entity
    return ""


def _make(reader: _Reader, kind: str, index: int, entity: str, how: str, first: int | None = None, **extra) -> Mention:
    from .mentions import Mention

    first = index if first is None else first
    start, stop, text = reader.span(first, index + 1)
    return Mention(kind, start, stop, text, entity, how, first, index + 1, subject=reader._subject(first, index + 1),
                   **extra)


def _pronoun(walk: _Walk, index: int) -> Mention:
    """he/she/they: resolved when one candidate fits (see the module docstring), else unresolved with why."""
    reader = walk.reader
    norm = reader.norms[index]
    gender = _PRONOUN_GENDER.get(norm, "")
    wanted_kinds = ("person",) if gender else ("group", "organisation")
    sentence = reader.sentence_ids[index]
    by_sentence: dict[int, list[Mention]] = {}
    for mention in reversed(walk.history):
        mention_sentence = reader.sentence_ids[mention.first]
        if mention_sentence < sentence - PRONOUN_WINDOW:
            break
        if mention.kind in wanted_kinds and walk.gender(mention.entity) in ("", gender or ""):
            by_sentence.setdefault(mention_sentence, []).append(mention)
    kind = "person" if gender else "group"
    for nearest in sorted(by_sentence, reverse=True):
        candidates = by_sentence[nearest]
        entities = list(dict.fromkeys(m.entity for m in candidates))
        if len(entities) > 1:
            subjects = list(dict.fromkeys(m.entity for m in candidates if m.subject))
            known = [e for e in entities if gender and walk.gender(e) == gender]
            entities = subjects if len(subjects) == 1 else known if len(known) == 1 else entities
        if len(entities) == 1:
            entity = entities[0]
            return _make(reader, kind, index, entity, "pronoun", gender=gender, name=walk.names.get(entity, ""))
        names = ", ".join(sorted({e.partition(":")[2] for e in entities}))
        return _make(reader, kind, index, "", "pronoun", resolved=False, reason=f"ambiguous: {names}", gender=gender)
    reason = f"no {'person' if gender else 'group or organisation'} fits within {PRONOUN_WINDOW} sentences"
    return _make(reader, kind, index, "", "pronoun", resolved=False, reason=reason, gender=gender)
