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
* ``pronoun``: he/she/they get an antecedent only when one candidate fits: of the people
  (or, for "they", groups and organisations) named in the pronoun's sentence before it and
  the :data:`PRONOUN_WINDOW` sentences before, outside quotes, and not of the other gender
  (by title, gendered noun or an earlier pronoun), one entity; or, when several fit, the
  one best subject of the nearest sentence that has one: a main clause's subject over a
  relative or adverbial clause's ("when X kept interrupting") over a complement's ("argued
  that X was"); a possessive is no subject.
  Otherwise the pronoun stays unresolved and says why.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import compress
from typing import TYPE_CHECKING

from ..grammar import ARTICLES, DETERMINERS

if TYPE_CHECKING:
    from .mention_model import Mention
    from .mention_tokens import TokenReader

PRONOUN_WINDOW = 2
DESCRIPTION_WINDOW = 5
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_APPOSITIVE_OPENERS = ARTICLES | frozenset(["who", "whose", "now", "then", "former"])
_APPOSITIVE_REACH = 10
# Words that open a clause inside another: a complement ("said that X …") or an adverbial or relative one.
_COMPLEMENTIZERS = frozenset(["that", "whether", "if"])
_SUBORDINATORS = frozenset(["when", "while", "as", "because", "although", "though", "since", "after", "before",
                            "until", "unless", "once", "where", "who", "whom", "which"])


class _Walk:
    """The state of one walk: who has which role and gender, and what came last."""

    def __init__(self, reader: TokenReader) -> None:
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


# Pronouns that can start a mention (with "they", which has no gender).
_PRONOUN_STARTS = frozenset(_PRONOUN_GENDER) | {"they"}


def resolve(names: list[Mention], reader: TokenReader) -> tuple[Mention, ...]:
    """Names plus every description and pronoun, each resolved where the text allows, in text order."""
    walk = _Walk(reader)
    by_first = {m.first: m for m in names}
    # Only names, pronouns and lexicon words can start a mention: visit those tokens alone.
    # Two C-level passes over the norms, not one over a union of the title words built per document.
    titled = compress(range(reader.count), map(reader.lex.title_words.__contains__, reader.norms))
    pronouns = compress(range(reader.count), map(_PRONOUN_STARTS.__contains__, reader.norms))
    visits = sorted(by_first.keys() | set(titled) | set(pronouns))
    resume = 0
    for index in visits:
        if index < resume:
            continue
        mention = by_first.get(index)
        if mention is not None:
            mention = _with_role_before(reader, mention)
            walk.note(mention)
            resume = max(mention.end_token, _appositive(walk, mention))
            continue
        found = _lower_case_mention(walk, index)
        if found is not None:
            walk.note(found) if found.resolved else walk.out.append(found)
    return tuple(sorted(walk.out, key=lambda m: (m.start, -m.end)))


def _with_role_before(reader: TokenReader, mention: Mention) -> Mention:
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


def _appositive(walk: _Walk, mention: Mention) -> int:
    """"X, a Democrat from Ohio," : the role words of the aside after a person's name; returns where it ends."""
    reader = walk.reader
    comma = mention.end_token
    if mention.kind != "person" or comma + 1 >= reader.count or reader.texts[comma] != ",":
        return 0
    if reader.norms[comma + 1] not in _APPOSITIVE_OPENERS:
        return 0
    position = comma + 1
    while position < min(reader.count, comma + _APPOSITIVE_REACH) and reader.texts[position] not in ",.;:":
        entry = reader.lex.title_words.get(reader.norms[position])
        if entry is not None and entry[2] in ("role", "title"):
            found = reader.make(
                "person", comma + 1, position + 1, mention.entity, "appositive",
                role=entry[1] or reader.norms[position], gender=entry[0], name=mention.name,
                name_first=mention.name_first,
            )
            walk.note(found)
            return position + 1
        position += 1
    return 0


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


def _make(reader: TokenReader, kind: str, index: int, entity: str, how: str, first: int | None = None,
          **extra) -> Mention:
    """A description or pronoun ending at token ``index`` (starting at ``first``, its determiner)."""
    return reader.make(kind, index if first is None else first, index + 1, entity, how, **extra)


def _subject_rank(walk: _Walk, mention: Mention) -> int:
    """How strongly a mention is a sentence's subject: main clause 3, relative or adverbial clause 2,
    complement clause ("argued that Trump was") 1, no subject 0. A name after "and"/"or" ranks as the
    person just before it in the sentence ("Romney and Ryan would")."""
    if not mention.subject:
        return 0
    reader = walk.reader
    before = mention.first - 1
    while before >= 0 and reader.cap[before]:
        before -= 1
    if before < 0 or reader.sentence_ids[before] != reader.sentence_ids[mention.first]:
        return 3
    word = reader.norms[before]
    if word in ("and", "or"):
        # "Sens. Dick Durbin, of Illinois, and Dianne Feinstein": the person joined ranks alike.
        sentence = reader.sentence_ids[mention.first]
        joined = next((m for m in reversed(walk.history) if m.end_token <= before and m.kind == "person"
                       and reader.sentence_ids[m.first] == sentence and before - m.end_token < 6), None)
        if joined is not None:
            return _subject_rank(walk, joined)
    if word in _COMPLEMENTIZERS:
        return 1
    return 2 if word in _SUBORDINATORS else 3


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
        if reader.quoted[mention.first] or mention.first in reader.in_quote:
            continue  # a name inside quoted words is the speaker's, not the writer's antecedent
        if mention.kind in wanted_kinds and walk.gender(mention.entity) in ("", gender or ""):
            by_sentence.setdefault(mention_sentence, []).append(mention)
    kind = "person" if gender else "group"
    entities = list(dict.fromkeys(m.entity for found in by_sentence.values() for m in found))
    if len(entities) > 1:
        # Several fit: the highest-ranked subject of the nearest sentence that has one, if only one entity.
        for nearest in sorted(by_sentence, reverse=True):
            ranked = [(_subject_rank(walk, m), m.entity) for m in by_sentence[nearest]]
            best = max(rank for rank, _ in ranked)
            if best:
                subjects = list(dict.fromkeys(entity for rank, entity in ranked if rank == best))
                entities = subjects if len(subjects) == 1 else entities
                break
    if len(entities) == 1:
        entity = entities[0]
        return _make(reader, kind, index, entity, "pronoun", gender=gender, name=walk.names.get(entity, ""))
    if entities:
        names = ", ".join(sorted({e.partition(":")[2] for e in entities}))
        return _make(reader, kind, index, "", "pronoun", resolved=False, reason=f"ambiguous: {names}", gender=gender)
    reason = f"no {'person' if gender else 'group or organisation'} fits within {PRONOUN_WINDOW} sentences"
    return _make(reader, kind, index, "", "pronoun", resolved=False, reason=reason, gender=gender)
