"""Mentions of people, organisations, places, dates, documents and groups, found once per parse.

Like spaCy's ``Doc.ents``, :func:`find_mentions` runs in the parser and its result is
``Document.mentions``, so every extractor reads the same names instead of finding its own.
Each :class:`Mention` names the rule that found it (``how``) and an ``entity`` key shared
by every mention of one entity: "Vice President Joseph R. Biden", "Mr. Biden" and a
resolved "he" all carry ``person:biden``; "F.B.I.", "FBI" and "the bureau" all carry
``organisation:Federal Bureau of Investigation``.

Rules (``how``), in the order a capitalized run is read from the left:

* ``org_lexicon`` / ``acronym`` / ``org_name``: a spelling in ``organisations.tsv``, an
  acronym (FBI, F.B.I., joined by their letters), or capitalized words up to an
  organisation head noun ("Texas Department of Public Safety");
* ``place``: a spelling in ``places.tsv`` ("Texas", "N.C."), so "Sen. X of Texas" is
  never a person named Texas;
* ``title_name``: a title then a name ("Vice President Joseph R. Biden", "Ms. Roe"); an
  initial's full stop belongs to the name even where the sentence splitter cut there;
* ``date``: a weekday, or a month that is not a sentence's first word ("Jan. 5");
* ``group``: a group noun ("Democrats", "critics");
* ``full_name``: two or more capitalized words that are none of the above;
* ``surname_later``: one capitalized word that is the surname of a person named before.

Ranks cut from a longer title ("general" in "inspector general") are never names: the
title lexicon matches the longest title, and a title with no capitalized name after it
makes no person. Descriptions, appositives and pronouns are read by
:mod:`framing.corpus.coreference`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ..grammar import CLAUSE_OPENERS, DETERMINERS, MONTH_ABBREVIATIONS, MONTHS, PREPOSITIONS, WEEKDAYS

if TYPE_CHECKING:
    from ..document import TokenColumns
    from ..lexicons import Lexicons, TermMatcher

# Capitalized function words that never start or continue a name.
_NOT_NAME_WORDS = DETERMINERS | PREPOSITIONS | CLAUSE_OPENERS | frozenset(["he", "she", "they", "i", "we", "it"])
# Lower-case words allowed inside an organisation's name ("Department of Justice", "Bank of America").
_ORG_CONNECTORS = frozenset(["of", "for", "and", "the", "on"])


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention: ``text == Document.text[start:end]``, tokens ``first`` .. ``end_token - 1``.

    ``entity`` is shared by every mention of one entity (``kind:canonical``); ``how`` is the
    rule that found it. A pronoun or description that could not be tied to one entity has
    ``resolved`` False, an empty ``entity`` and a ``reason``. ``role`` is the office or role
    word a title or appositive gives ("senator", "lawyer"); ``gender`` "m"/"f" where a title,
    role noun or resolved pronoun shows it.
    """

    kind: str
    start: int
    end: int
    text: str
    entity: str
    how: str
    first: int = 0
    end_token: int = 0
    resolved: bool = True
    reason: str = ""
    role: str = ""
    gender: str = ""
    subject: bool = False
    name: str = ""
    name_first: int = 0


@dataclass(frozen=True, slots=True)
class MentionLexicon:
    """The title, place and organisation lexicons as the finder reads them, built once per lexicon set."""

    titles: TermMatcher
    places: TermMatcher
    organisations: TermMatcher
    title_words: dict[str, tuple[str, str, str]]  # single-word norm → (gender, role, kind)


@lru_cache(maxsize=8)
def mention_lexicon(lexicons: Lexicons) -> MentionLexicon:
    """Matchers over the three lexicons (cached per :class:`Lexicons`, which is immutable)."""
    from ..lexicons import TermMatcher

    titles = lexicons["titles"].entries
    words = {e.key.lower(): (e["gender"], e["role"], e["kind"]) for e in titles if " " not in e.key}
    return MentionLexicon(
        TermMatcher(titles), TermMatcher(lexicons["places"].entries), TermMatcher(lexicons["organisations"].entries),
        words,
    )


class _Reader:
    """One pass over a document's tokens; ``mentions`` holds what it found, in text order."""

    def __init__(self, text: str, columns: TokenColumns, sentences: Sequence[tuple[int, int]], lex: MentionLexicon):
        self.text = text
        self.starts, self.ends, self.texts, self.norms, self.sentence_ids, self.is_word, self.quoted = columns
        self.sentences = sentences
        self.lex = lex
        self.count = len(self.texts)
        self.mentions: list[Mention] = []
        self.surnames: dict[str, Mention] = {}  # surname norm → the first full mention
        self.acronyms: dict[str, str] = {}  # letters → entity, where the text or lexicon defines it
        lowered = {n for t, n in zip(self.texts, self.norms, strict=True) if t.islower()}
        self.titles = {m[0]: m for m in _matches(lex.titles, self.norms)}
        self.places = {m[0]: m for m in _matches(lex.places, self.norms) if self._capitalized(m[0])}
        self.orgs = {m[0]: m for m in _matches(lex.organisations, self.norms) if self._org_spelling(m[0], m[1])}
        known = lex.title_words
        self.cap = [
            w and t[:1].isupper() and "-" not in t and (n not in lowered or n in known) and n not in _NOT_NAME_WORDS
            for t, n, w in zip(self.texts, self.norms, self.is_word, strict=True)
        ]

    def _capitalized(self, index: int) -> bool:
        return self.texts[index][:1].isupper()

    def _org_spelling(self, first: int, end: int) -> bool:
        """Acronyms of up to three letters only in capitals ("who" is not the WHO)."""
        text = self.texts[first]
        if end - first == 1 and len(text.replace(".", "")) <= 4:
            return text.isupper()
        return text[:1].isupper()

    def span(self, first: int, end: int) -> tuple[int, int, str]:
        start, stop = self.starts[first], self.ends[end - 1]
        return start, stop, self.text[start:stop]

    def add(self, kind: str, first: int, end: int, entity: str, how: str, **extra) -> Mention:
        start, stop, text = self.span(first, end)
        mention = Mention(kind, start, stop, text, entity, how, first, end, subject=self._subject(first, end), **extra)
        self.mentions.append(mention)
        return mention

    def _subject(self, first: int, end: int) -> bool:
        """Opens a clause (not after a preposition, verb or noun) and is not a possessive."""
        if self.texts[end - 1].endswith(("'s", "’s")):
            return False
        previous = first - 1
        if previous < 0 or self.sentence_ids[previous] != self.sentence_ids[first]:
            return True
        before = self.texts[previous]
        return not before[:1].isalnum() or self.norms[previous] in CLAUSE_OPENERS - {"with"}

    # --- runs --------------------------------------------------------------------------

    def run(self) -> list[Mention]:
        index = 0
        while index < self.count:
            if self.cap[index] or index in self.orgs or index in self.places:
                index = self._read_run(index, self._run_end(index))
            else:
                index += 1
        return self.mentions

    def _run_end(self, first: int) -> int:
        """End of the capitalized run from ``first``: names, initials with their stop, connectors."""
        end = first
        while end < self.count:
            if self.cap[end] or end in self.orgs or end in self.places:
                if self.texts[end].endswith(("'s", "’s")):
                    return end + 1
                end += 1
            elif end + 1 < self.count and self._joins_run(end, first):
                end += 1
            else:
                break
        while end > first and not self.is_word[end - 1]:
            end -= 1
        while end > first and self.norms[end - 1] in _ORG_CONNECTORS:
            end -= 1
        return end

    def _joins_run(self, index: int, first: int) -> bool:
        """A full stop inside a name, or a connector between capitalized words ("Bank of America")."""
        if self.texts[index] == ".":
            return self._stop_inside_name(index)
        return self.norms[index] in _ORG_CONNECTORS and self.cap[index + 1] and index > first

    def _after_title(self, stop: int) -> int:
        """Where a title ending before ``stop`` is over: its abbreviation's full stop belongs to it."""
        return stop + (stop < self.count and self.texts[stop] == ".")

    def _stop_inside_name(self, stop: int) -> bool:
        """The full stop of an initial ("Joseph R. Biden") or an abbreviated title ("Sen. Roe")."""
        before = self.texts[stop - 1]
        initial = len(before) == 1 and before.isupper()
        title = self.lex.title_words.get(self.norms[stop - 1], ("", "", ""))[2] == "title"
        return (initial or title) and self.cap[stop + 1] if stop + 1 < self.count else False

    def _read_run(self, index: int, end: int) -> int:
        """Mentions in the run ``[index, end)``, read from the left; returns where to go on."""
        if end <= index:
            return index + 1
        while index < end:
            index = self._read_segment(index, end)
        return end

    def _read_segment(self, index: int, end: int) -> int:
        if index in self.orgs:
            return self._organisation_from_lexicon(index)
        org_end = self._org_name_end(index, end)
        if org_end:
            return self._organisation(index, org_end, "org_name")
        if index in self.places and not self._titled_name_at(index):
            first, stop, entry = self.places[index]
            self.add("place", first, stop, "place:" + entry["place"], "place")
            return stop
        if self._titled_name_at(index):
            return self._titled_person(index, end)
        norm = self.norms[index]
        if norm in WEEKDAYS or (norm in MONTHS | MONTH_ABBREVIATIONS and self._month_here(index)):
            return self._date(index)
        text = self.texts[index].rstrip("'s’")
        if len(text.replace(".", "")) >= 2 and text.replace(".", "").isalpha() and text.isupper():
            letters = text.replace(".", "")
            entity = self.acronyms.get(letters) or "organisation:" + letters
            self.add("organisation", index, index + 1, entity, "acronym")
            return index + 1
        if self.lex.title_words.get(norm, ("", "", ""))[2] == "group":
            self.add("group", index, index + 1, "group:" + norm, "group")
            return index + 1
        return self._plain_name(index, end)

    def _organisation_from_lexicon(self, index: int) -> int:
        first, stop, entry = self.orgs[index]
        entity = "organisation:" + entry["entity"]
        letters = self.texts[first].replace(".", "")
        if letters.isupper():
            self.acronyms.setdefault(letters, entity)
        self.add("organisation", first, stop, entity, "org_lexicon")
        return stop

    def _org_name_end(self, index: int, end: int) -> int:
        """End of an organisation name from ``index``: up to its last head noun, with an "of …" tail."""
        head = 0
        position = index
        while position < end and not self._titled_name_at(position):
            if self.lex.title_words.get(self.norms[position], ("", "", ""))[2] == "org_head" and self.cap[position]:
                head = position + 1
            position += 1
        if not head:
            return 0
        tail = head
        while tail < position and (self.norms[tail] in _ORG_CONNECTORS or self.cap[tail]) and tail not in self.places:
            tail += 1
        return tail if tail > head and self.norms[head] in _ORG_CONNECTORS else head

    def _organisation(self, first: int, end: int, how: str) -> int:
        _, _, text = self.span(first, end)
        entity = "organisation:" + text.removesuffix("'s").removesuffix("’s")
        self.add("organisation", first, end, entity, how)
        # "the Federal Bureau of Investigation (F.B.I.)": the text defines the acronym.
        if end + 2 < self.count and self.texts[end] == "(" and self.texts[end + 2] == ")":
            letters = self.texts[end + 1].replace(".", "")
            if letters.isupper() and letters.isalpha():
                self.acronyms[letters] = entity
        return end

    def _titled_name_at(self, index: int) -> bool:
        """A title here with a capitalized name after it (the longest title: "attorney general")."""
        match = self.titles.get(index)
        if match is None or match[2]["kind"] != "title" or not self.cap[index]:
            return False
        after = self._after_title(match[1])
        while after < self.count and after in self.titles and self.titles[after][2]["kind"] == "title":
            after = self._after_title(self.titles[after][1])
        return after < self.count and self.cap[after] and after not in self.places and after not in self.orgs

    def _titled_person(self, index: int, end: int) -> int:
        gender, role = "", ""
        position = index
        while position in self.titles and self.titles[position][2]["kind"] == "title":
            _, stop, entry = self.titles[position]
            gender = entry["gender"] or gender
            role = entry["role"] or role
            position = self._after_title(stop)
        name_end = self._name_end(position, end)
        if name_end <= position:
            return max(position, index + 1)
        self._person(index, position, name_end, "title_name", role=role, gender=gender)
        return name_end

    def _name_end(self, first: int, end: int) -> int:
        """A name runs over capitalized words and initials, and stops at a connector, place or organisation."""
        position = first
        while position < end and self.norms[position] not in _ORG_CONNECTORS and (
            position == first
            or (position not in self.orgs and position not in self.places and not self._titled_name_at(position))
        ):
            position += 1
            if self.texts[position - 1].endswith(("'s", "’s")):
                break
        while position > first and not self.is_word[position - 1]:
            position -= 1
        return position

    def _person(self, first: int, name_first: int, name_end: int, how: str, **extra) -> None:
        surname = self.norms[name_end - 1]
        known = self.surnames.get(surname)
        name = self.span(name_first, name_end)[2].removesuffix("'s").removesuffix("’s")
        if known is not None and name_end - name_first == 1:
            name = known.name
        entity = "person:" + surname
        mention = self.add("person", first, name_end, entity, how, name=name, name_first=name_first, **extra)
        if known is None and (name_end - name_first > 1 or how == "title_name"):
            self.surnames[surname] = mention

    def _plain_name(self, index: int, end: int) -> int:
        name_end = self._name_end(index, end)
        if name_end - index >= 2:
            self._person(index, index, name_end, "full_name")
            return name_end
        if self.norms[index] in self.surnames:
            self._person(index, index, index + 1, "surname_later")
        return index + 1

    def _month_here(self, index: int) -> bool:
        """"May" or "March" is a month after a sentence's first word, or before a day number."""
        following = self.texts[index + 1 : index + 3]
        if any(text.isdigit() for text in following):
            return True
        return index > 0 and self.sentence_ids[index - 1] == self.sentence_ids[index] and self.norms[index] != "may"

    def _date(self, index: int) -> int:
        end = index + 1
        if end < self.count and self.texts[end] == "." and self.norms[index] in MONTH_ABBREVIATIONS:
            end += 1
        if end < self.count and self.texts[end].isdigit() and len(self.texts[end]) <= 2:
            end += 1
        else:
            end = index + 1
        self.add("date", index, end, "date:" + self.text[self.starts[index] : self.ends[end - 1]].lower(), "date")
        return end


def _matches(matcher: TermMatcher, norms: Sequence[str]) -> list[tuple[int, int, object]]:
    return list(matcher.match(norms))


def find_mentions(
    text: str, columns: TokenColumns, sentences: Sequence[tuple[int, int]], lexicons: Lexicons
) -> tuple[Mention, ...]:
    """Every mention in ``text``, in text order: names first, then descriptions and pronouns."""
    from .coreference import resolve

    reader = _Reader(text, columns, sentences, mention_lexicon(lexicons))
    return resolve(reader.run(), reader)
