"""Mentions that point back: appositives, "the senator", "the bureau", group nouns, documents, pronouns.

Read after the names (:mod:`framing.corpus.mentions`), in one walk through the text so
each description or pronoun sees only what came before it. Rules (``how``):

* ``appositive``: "X, a Democrat from Ohio," or "X's lawyer, Y," gives a person a role
  word (and a gender when the noun has one: "spokeswoman Jane Roe");
* ``definite_role``: "the senator", "the lawyer", "the Democratic presidential candidate"
  joins the most recent person with that role, within :data:`DESCRIPTION_WINDOW`
  sentences; a staff role ("the aide") with no such person joins the one unnamed staff
  member introduced just before ("a spokesperson for X"); none, and nothing is claimed;
* ``indefinite_role``: "a spokesperson for Grassley" is an unnamed person whose name is
  the phrase itself;
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
  Otherwise the pronoun stays unresolved and says why. A name in a bare question
  ("Governor Christie? “Strong,” he said.") is the topic put to the speaker, never
  the antecedent of the answer's pronoun.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import replace
from itertools import compress
from typing import TYPE_CHECKING

from ..grammar import ARTICLES, DETERMINERS
from .descriptions import adjectives_only, bare_question, description_opener, introduces_someone, title_entry

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
_QUOTED_SENTENCES = 3
_RELATIVE_REACH = 10  # words from a possessor to the relative pronoun after its noun
_AFFILIATION_WORDS = frozenset(["for", "to", "of", "with"])
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
        self.bare: dict[int, bool] = {}  # sentence → whether it is a bare question

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

    def asked(self, sentence: int) -> bool:
        """Whether sentence ``sentence`` is a bare question (:func:`bare_question`), read once per sentence."""
        if sentence not in self.bare:
            self.bare[sentence] = bare_question(self.reader.text, self.reader.sentences[sentence])
        return self.bare[sentence]

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
    entry, noun_start = title_entry(reader, index)
    if entry is None or not reader.texts[index].islower():
        return None
    gender, role, kind = entry
    before = reader.norms[index - 1] if index else ""
    if kind == "group":
        return _make(reader, "group", index, "group:" + norm, "group")
    if kind == "document" and before in DETERMINERS:
        return _make(reader, "document", index, "document:" + norm, "document", first=index - 1)
    if kind == "org_head":
        if before != "the":
            return None
        entity = _latest(walk, index, lambda m: m.kind == "organisation" and norm in walk.org_words.get(m.entity, ()))
        return _make(reader, "organisation", index, entity, "org_alias", first=index - 1) if entity else None
    if kind not in ("title", "role"):
        return None
    opener = description_opener(reader, noun_start)
    if opener is None:
        return None
    wanted = role or norm
    if reader.norms[opener] in ("a", "an"):
        # Only staff nouns ("a spokesperson"), outside quotes: "a candidate" is no one in particular.
        if kind != "role" or reader.quoted[index] or not introduces_someone(reader, opener):
            return None
        return _indefinite_role(walk, opener, index, wanted, gender)
    entity = _latest(walk, index, lambda m: m.kind == "person" and wanted in walk.roles.get(m.entity, ()))
    if not entity and kind == "title" and noun_start - opener > 1 and adjectives_only(reader, opener + 1, noun_start):
        # "Vermont Sen. Bernie Sanders gave … While the Democratic presidential candidate declined":
        # a modified title with no holder yet is the one person named in the sentence before.
        entity = _only_person_before(walk, index)
    if not entity and kind == "role":
        # "A spokesperson for X … the aide said": staff introduced without a name, met again by another role word.
        unnamed = {m.entity for m in _recent(walk, index) if m.how == "indefinite_role"}
        entity = unnamed.pop() if len(unnamed) == 1 else ""
    if entity:
        return _make(reader, "person", index, entity, "definite_role", first=opener, role=wanted, gender=gender,
                     name=walk.names.get(entity, ""))
    return None








def _indefinite_role(walk: _Walk, opener: int, index: int, role: str, gender: str) -> Mention:
    """"a spokesperson for Grassley", "an aide to the senator": an unnamed person, named by the whole phrase.

    The phrase runs on through "for"/"to"/"of" and a name or a short noun phrase, so a
    later "the spokesperson" can stand for it and a reader sees whose staff spoke.
    """
    reader = walk.reader
    end = index + 1
    if end + 1 < reader.count and reader.norms[end] in _AFFILIATION_WORDS:
        stop = end + 1
        while stop < reader.count and stop - end <= 4 and (reader.cap[stop] or reader.norms[stop] in ARTICLES):
            stop += 1
        if stop > end + 1 and reader.cap[stop - 1]:
            end = stop
    mention = reader.make("person", opener, end, "", "indefinite_role", role=role, gender=gender)
    return replace(mention, entity=f"person:{role}@{mention.start}", name=mention.text)




def _only_person_before(walk: _Walk, index: int) -> str:
    """The one person named (outside quotes) in the sentence before token ``index``, or "".

    Sentences of quoted words are passed over ("“… I couldn’t believe it,” the presumptive
    nominee said" looks back past the quote's first sentence), up to :data:`_QUOTED_SENTENCES`.
    """
    reader = walk.reader
    sentence = reader.sentence_ids[index]
    for wanted in range(sentence - 1, max(sentence - 2 - _QUOTED_SENTENCES, -1), -1):
        people = {m.entity for m in walk.history if m.kind == "person" and m.how != "indefinite_role"
                  and reader.sentence_ids[m.first] == wanted and not reader.quoted[m.first]}
        if people:
            return people.pop() if len(people) == 1 else ""
        first = bisect_left(reader.starts, reader.sentences[wanted][0])
        if not any(reader.quoted[first : first + 3]):
            return ""  # a sentence of the writer's own without anyone in it
    return ""


def _recent(walk: _Walk, index: int) -> list[Mention]:
    """The resolved mentions within the description window before token ``index``."""
    lowest = walk.reader.sentence_ids[index] - DESCRIPTION_WINDOW
    return [m for m in walk.history if walk.reader.sentence_ids[m.first] >= lowest]


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




def _possessor_of_relative(walk: _Walk, index: int, fitting: list[Mention]) -> Mention | None:
    """"Romney's comments at a fundraiser in which he talked": the pronoun of a relative clause on a
    possessed noun is its possessor, when the possessor stands within a few words before the relative."""
    reader = walk.reader
    relative = index - 1
    if relative < 0 or reader.norms[relative] not in ("which", "where", "when"):
        return None
    possessive = [m for m in fitting if m.end_token <= relative and relative - m.end_token <= _RELATIVE_REACH
                  and reader.texts[m.end_token - 1].endswith(("'s", "’s"))]
    return possessive[0] if len(possessive) == 1 else None


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
        if walk.asked(mention_sentence):
            continue  # "Governor Christie? “Strong,” he said.": the one asked about, not the one answering
        if mention.how == "indefinite_role" and gender and mention.gender != gender:
            continue  # "a spokesperson" says nothing of gender: a he or she needs a named antecedent
        if mention.kind in wanted_kinds and walk.gender(mention.entity) in ("", gender or ""):
            by_sentence.setdefault(mention_sentence, []).append(mention)
    kind = "person" if gender else "group"
    possessor = _possessor_of_relative(walk, index, by_sentence.get(sentence, []))
    if possessor is not None:
        name = walk.names.get(possessor.entity, "")
        return _make(reader, kind, index, possessor.entity, "pronoun", gender=gender, name=name)
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
