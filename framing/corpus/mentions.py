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

from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress
from typing import TYPE_CHECKING

from ..grammar import (
    MONTH_ABBREVIATIONS,
    MONTHS,
    NAME_SUFFIXES,
    SURNAME_PARTICLES,
    TITLE_MODIFIERS,
    WEEKDAYS,
)
from .mention_model import PERSON_NAME_RULES, Mention, MentionLexicon, mention_lexicon
from .mention_tokens import ORG_CONNECTORS, TokenReader

__all__ = ["PERSON_NAME_RULES", "Mention", "MentionLexicon", "find_mentions", "mention_lexicon"]

if TYPE_CHECKING:
    from ..document import QuoteRegion, TokenColumns
    from ..lexicons import Lexicons


_MONTH_WORDS = MONTHS | MONTH_ABBREVIATIONS  # built once: every capitalized word is tested against it


class _Reader(TokenReader):
    """The rules of the module docstring, applied in one pass; ``mentions`` holds what they found."""

    def run(self) -> list[Mention]:
        """Read every capitalized run from the left; only tokens that can start one are visited."""
        starts = set(compress(range(self.count), self.cap)) | self.orgs.keys() | self.places.keys()
        resume = 0
        for index in sorted(starts):
            if index >= resume:
                resume = self._read_run(index, self._run_end(index))
        return self.mentions

    def _run_end(self, first: int) -> int:
        """End of the capitalized run from ``first``: names, initials with their stop, connectors."""
        end = first
        while end < self.count:
            if end > first and self._breaks_between(end):
                break
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
        while end > first and self.norms[end - 1] in ORG_CONNECTORS:
            end -= 1
        return end

    def _read_run(self, index: int, end: int) -> int:
        """Mentions in the run ``[index, end)``, read from the left; returns where to go on."""
        if end <= index:
            return index + 1
        while index < end:
            index = self._read_segment(index, end)
        return end

    def _read_segment(self, index: int, end: int) -> int:
        org_end = self._org_name_end(index, end)
        if index in self.orgs and org_end <= self.orgs[index][1]:
            return self._organisation_from_lexicon(index)
        if org_end:
            return self._organisation(index, org_end, "org_name")
        if index in self.places and self._is_place(index):
            first, stop, entry = self.places[index]
            self.add("place", first, stop, "place:" + entry["place"], "place")
            return stop
        if self._titled_name_at(index):
            return self._titled_person(index, end)
        if self.norms[index] in TITLE_MODIFIERS and index + 1 < end and self._titled_name_at(index + 1):
            return self._titled_person(index, end, modifier=1)  # "Deputy Attorney General Rod Rosenstein"
        norm = self.norms[index]
        if norm in WEEKDAYS or (norm in _MONTH_WORDS and self._month_here(index)):
            return self._date(index)
        if self._acronym(index):
            letters = self.texts[index].removesuffix("'s").removesuffix("’s").replace(".", "")
            entity = self.acronyms.get(letters) or "organisation:" + letters
            self.add("organisation", index, index + 1, entity, "acronym")
            return index + 1
        if norm in ORG_CONNECTORS:
            return index + 1  # a connector left at a segment's start joins nothing
        if index + 2 < end and self.norms[index + 1] == "for":
            return self._organisation(index, end, "org_name")  # "Americans for Prosperity"
        if self.lex.title_words.get(norm, ("", "", ""))[2] == "group":
            self.add("group", index, index + 1, "group:" + norm, "group")
            return index + 1
        return self._plain_name(index, end)

    def _is_place(self, index: int) -> bool:
        """A place spelling names a place unless a name is written there instead.

        Not when a title and name start here, when the word is the surname of a person
        named before ("Rep. Jim Jordan … Jordan said"), when a relative "who" follows a
        place that opens a phrase ("Paris, who used to work", not "X of Maine, who"), or
        when a plain capitalized word runs into it ("Priorities USA" is no country).
        """
        first, stop, _ = self.places[index]
        if self._titled_name_at(index) or (stop - first == 1 and self.norms[first] in self.surnames):
            return False
        before = first - 1
        linked = before >= 0 and self.norms[before] in ("of", "from", "in", ",")
        if tuple(self.norms[stop : stop + 2]) == (",", "who") and not linked:
            return False
        return not (before >= 0 and self.cap[before] and not self._breaks_between(first) and before not in self.places
                    and self.lex.title_words.get(self.norms[before], ("", "", ""))[2] not in ("title", "org_head"))

    def _acronym(self, index: int) -> bool:
        """FBI, F.B.I.: capitals only, two to six letters, and not a run of capitals (a headline in caps)."""
        letters = self.texts[index].removesuffix("'s").removesuffix("’s").replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            return False
        return not any(
            0 <= i < self.count and self.texts[i].isupper() and len(self.texts[i]) > 1 and self.texts[i].isalpha()
            and not self._breaks_between(max(i, index)) for i in (index - 1, index + 1)
        )

    def _organisation_from_lexicon(self, index: int) -> int:
        first, stop, entry = self.orgs[index]
        entity = "organisation:" + entry["entity"]
        letters = self.texts[first].replace(".", "")
        if letters.isupper():
            self.acronyms.setdefault(letters, entity)
        self.add("organisation", first, stop, entity, "org_lexicon")
        return stop

    def _org_name_end(self, index: int, end: int) -> int:
        """End of an organisation name from ``index``: up to its last head noun, with an "of …" tail.

        The tail takes a place ("University of Iowa", "Bank of America") and stops at a date ("on Monday").
        """
        if self.norms[index] == "of":
            return 0  # the "of" left after a name ("Martha Raddatz | of ABC News") opens no body's name
        head = 0
        first_of = 0
        position = index
        while position < end and not self._titled_name_at(position):
            if self.lex.title_words.get(self.norms[position], ("", "", ""))[2] == "org_head" and self.cap[position]:
                head = position + 1
            elif not head and not first_of and self.norms[position] == "of":
                first_of = position
            position += 1
        if not head or (first_of - index >= 2 and first_of < head):
            return 0  # "Martha Raddatz of ABC News": a name before "of" with no head noun is not the body's
        tail = head
        while tail < position and (self.norms[tail] in ORG_CONNECTORS or self.cap[tail]):
            if self.norms[tail] in WEEKDAYS or self.norms[tail] in MONTHS:
                break  # "the Supreme Court on Monday": a date ends the name
            tail = self.places[tail][1] if tail in self.places else tail + 1  # "University of Iowa"
        while tail > head and self.norms[tail - 1] in ORG_CONNECTORS:
            tail -= 1  # never end on "of" ("University of" before a word the name does not take)
        return tail if tail > head and self.norms[head] in ORG_CONNECTORS else head

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
        while after + 1 < self.count and self.texts[after] in SURNAME_PARTICLES:
            after += 1  # "Mr. de Léon"
        return after < self.count and self.cap[after] and after not in self.places and after not in self.orgs

    def _titled_person(self, index: int, end: int, modifier: int = 0) -> int:
        """A person after a title (and ``modifier`` words before it that change the office: "Deputy")."""
        gender, role = "", ""
        position = index + modifier
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
        while position < end and (self.norms[position] not in ORG_CONNECTORS or self._particle(position)) and (
            position == first
            or (position not in self.orgs and self.norms[position] not in WEEKDAYS
                and not self._titled_name_at(position))
        ):
            position += 1
            if self.texts[position - 1].endswith(("'s", "’s")):
                break
        while position > first and not self.is_word[position - 1]:
            position -= 1
        return position

    def _person(self, first: int, name_first: int, name_end: int, how: str, **extra) -> None:
        """A person mention; its entity is its surname's, unless two people share the surname.

        "Bill Clinton … Hillary Clinton": a full name whose given name starts with another letter
        than the one before is another person (``person:hillary clinton``), and a later bare
        "Clinton" or "Mrs. Clinton" joins the most recent of them. "Joe Biden" after "Joseph R.
        Biden" stays one person.
        """
        surname_at = name_end - 1
        while surname_at > name_first and self.norms[surname_at].rstrip(".") in NAME_SUFFIXES | {",", "."}:
            surname_at -= 1  # "Biden Jr.", "Biden, Jr."
        surname = self.norms[surname_at]
        known = self.surnames.get(surname)
        name = self.span(name_first, name_end)[2].removesuffix("'s").removesuffix("’s")
        given = self.norms[name_first] if surname_at > name_first else ""
        given = "" if given in SURNAME_PARTICLES else given  # "Mr. de León" has no given name
        people = self.people.setdefault(surname, [])
        if not given and known is not None:
            entity, name = known.entity, self.fullest[known.entity]
        elif given:
            same = next((p for p in people if self.norms[p.name_first][:1] == given[:1]), None)
            entity = same.entity if same else "person:" + surname if not people else f"person:{given} {surname}"
        else:
            entity = "person:" + surname
        mention = self.add("person", first, name_end, entity, how, name=name, name_first=name_first, **extra)
        if given and not any(p.entity == entity for p in people):
            people.append(mention)
        if len(name) > len(self.fullest.get(entity, "")):
            self.fullest[entity] = name
        if given or (known is None and how == "title_name"):
            self.surnames[surname] = mention

    def _plain_name(self, index: int, end: int) -> int:
        name_end = self._name_end(index, end)
        if name_end < end and self.norms[name_end] == "for":
            # "Americans for Prosperity", "Deferred Action for Childhood Arrivals": a body or programme.
            return self._organisation(index, end, "org_name")
        if name_end - index >= 2 and self.lex.title_words.get(self.norms[name_end - 1], ("", "", ""))[2] == "document":
            _, _, text = self.span(index, name_end)
            self.add("document", index, name_end, "document:" + text, "document_name")  # "Affordable Care Act"
            return name_end
        if name_end - index >= 2 and self.norms[name_end - 1] in self.lex.place_heads:
            _, _, text = self.span(index, name_end)
            self.add("place", index, name_end, "place:" + text, "place_name")
            return name_end
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




def find_mentions(
    text: str,
    columns: TokenColumns,
    sentences: Sequence[tuple[int, int]],
    lexicons: Lexicons,
    quotes: Sequence[QuoteRegion] = (),
) -> tuple[Mention, ...]:
    """Every mention in ``text``, in text order: names first, then descriptions and pronouns.

    ``quotes`` (the parse's quote regions of any kind) keep names written inside quotation
    marks from being a pronoun's antecedent.
    """
    from .coreference import resolve

    reader = _Reader(text, columns, sentences, mention_lexicon(lexicons))
    for quote in quotes:
        first, end = bisect_left(reader.starts, quote.inner_start), bisect_left(reader.starts, quote.inner_end)
        reader.in_quote.update(range(first, end))
    return resolve(reader.run(), reader)
