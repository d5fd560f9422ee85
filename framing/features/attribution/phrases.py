"""Reading source phrases around a cue: the :class:`Context` every attribution rule gets.

A source phrase is a pronoun, a source-lexicon term or a named person (:meth:`Context.unit_ending_at`),
taken with its determiners and capitalized modifiers, coordinated ("experts, legislators and
rights groups") and with a trailing prepositional phrase ("Reports in The New York Times": the
outlet is the source). :meth:`Context.generic_left` and :meth:`Context.generic_right` read a noun
phrase that no lexicon lists, for verbs only a speaker can do.
"""

from __future__ import annotations

from bisect import bisect_left

from ...grammar import (
    AUXILIARY_VERBS,
    CLAUSE_OPENERS,
    DETERMINERS,
    MONTHS,
    NEGATIONS,
    NOT_NAME_WORDS,
    OBJECT_PRONOUNS,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    REFLEXIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    WEEKDAYS,
)
from .model import NamedPerson, Source, Unit
from .names import PRONOUNS, Parse

# Auxiliaries and the adverbs that stand among them ("has also repeatedly said").
AUXILIARIES = AUXILIARY_VERBS | NEGATIONS | frozenset(
    ["also", "yet", "already", "still", "even", "further", "repeatedly", "once", "again", "now", "then", "later",
     "previously", "recently", "often", "always", "too", "long"]
)
# The endings of an organisation named by its web address ("MoveOn.org"), which the tokenizer splits.
_WEB_SUFFIXES = frozenset(["org", "com", "net"])
# How many words an "of" phrase after a document may have ("a poll of likely voters").
_OF_REACH = 5
# Words that cannot head a speaker's noun phrase.
NOT_HEADS = AUXILIARIES | PREPOSITIONS | CLAUSE_OPENERS | RELATIVE_PRONOUNS | DETERMINERS | (
    OBJECT_PRONOUNS - {"it"}
) | REFLEXIVE_PRONOUNS | frozenset(
    ["this", "that", "there", "what", "which", "who", "i", "you", "we", "here", "also", "then", "now", "when",
     "where", "why", "how", "not", "no", "yes", "so", "just", "only"]
)
# Time adverbials that can stand between a subject and its verb ("Trump on Sunday said"); "may" is a modal.
TIME_WORDS = WEEKDAYS | (MONTHS - {"may"}) | frozenset(
    ["today", "yesterday", "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month",
     "year", "time"]
)

# Capitalized words that never open a source phrase ("Again Fox News reported"); a capitalized possessive
# does ("Our critics say").
_NOT_MODIFIERS = NOT_NAME_WORDS - POSSESSIVE_DETERMINERS


# Words and marks between a person and the place that describes them ("X of Ohio", "X (R-Ohio)").
_PLACE_LINKS = frozenset(["of", "from", "for", "in", ",", "-", "(", "–", "—"])


class Context(Parse):
    """The parse plus the readers of source phrases: what every rule is handed."""

    def unit_ending_at(self, last: int) -> Unit | None:
        """A source phrase whose head is the token at ``last`` (pronoun, lexicon term or name)."""
        if last < 0 or last not in self.phrase_ends:
            return None
        token = self.tokens[last]
        if token.quoted:
            return None
        if token.norm in PRONOUNS and token.is_word:
            mention = self.antecedents.get(last)
            kind = PRONOUNS[token.norm]
            name = mention.name if mention else token.text
            return Unit(last, last, kind, f"pronoun {token.norm}", name)
        if last in self.aliases and last not in self.kind_by_last:
            first, name = self.aliases[last]
            return Unit(first, last, "institution", "organisation alias", name)
        mention = self.mention_by_last.get(last)
        match = self.kind_by_last.get(last)
        if match is not None and (mention is None or match[0] > mention.name_first):
            first, entry = match
            first = self._extend_modifiers(first)
            text = self.text_of(first, last)
            return Unit(first, last, entry["kind"], entry.key, self.described.get(last, text))
        description = self.descriptions.get(last)
        if description is not None and mention is None:
            return description  # "the 43-year-old said": the person the mention layer resolved it to
        if mention is not None:
            label = "title + name" if mention.name_first > mention.first else "capitalized name"
            return Unit(self._extend_modifiers(mention.first), last, "named_person", label, mention.name)
        return None

    def _extend_modifiers(self, first: int) -> int:
        """Take in determiners, numbers and capitalized modifiers: "the Trump administration", "30 percent"."""
        sentence = self.tokens[first].sentence
        while first > 0 and self.tokens[first - 1].sentence == sentence:
            previous = self.tokens[first - 1]
            if previous.quoted or not previous.is_word:
                break
            if previous.norm in DETERMINERS or previous.text[0].isdigit() or (
                previous.text[0].isupper() and "-" not in previous.text
                and previous.norm not in _NOT_MODIFIERS  # clause openers, prepositions, pronouns, "Again"
                and (previous.norm not in self.lowered or first - 1 in self.kind_by_last)
            ):
                first -= 1
                continue
            break
        return first

    def left_phrase(self, last: int, *, relative: bool = False) -> Unit | None:
        """The full source phrase ending at ``last``: coordinated and with a trailing PP.

        "experts, legislators, and human rights defenders" is one phrase; "Reports in
        The New York Times" is one phrase of kind media; "Experts on Venezuela" stays
        vague; "actions inside Venezuela" is no source at all.
        """
        unit = self.unit_ending_at(last)
        if unit is None:
            return self._document_of(last)
        first = unit.first
        kind, label, name = unit.kind, unit.label, unit.name
        # Coordination: "X, Y and Z" / "X and their Z": the first conjunct decides the kind.
        joined = False  # a list needs its "and": "X, he said" is no list
        while not unit.label.startswith("pronoun"):
            probe = first - 1
            skipped = 0
            while probe >= 0 and self.norms[probe] in {",", "and", "or", "their", "its", "other"} and skipped < 3:
                probe -= 1
                skipped += 1
            links = {self.norms[i] for i in range(probe + 1, first)}
            joined = joined or bool(links & {"and", "or"})
            if skipped == 0 or not joined or not links & {",", "and", "or"}:
                break
            other = self.unit_ending_at(probe)
            if other is None or (other.kind == "named_person" and kind != "named_person"):
                break
            first, kind, label, name = other.first, other.kind, other.label, other.name
        # A prepositional phrase: the head comes before it.
        preposition = first - 1
        if not relative and preposition >= 0 and self.norms[preposition] in PREPOSITIONS:
            head = self.unit_ending_at(preposition - 1)
            if head is None or head.kind == "named_person":
                return None
            if kind == "media":  # "Reports in The New York Times": the outlet is the source
                return Unit(head.first, unit.last, kind, label, self.text_of(head.first, unit.last))
            return Unit(head.first, unit.last, head.kind, head.label, self.text_of(head.first, unit.last))
        if first != unit.first:
            name = self.text_of(first, unit.last)
        return Unit(first, unit.last, kind, label, name)

    def _capitalized_run(self, last: int, sentence: int) -> int:
        """The first token of the capitalized words (and titles' full stops) that end at ``last``."""
        first = last
        while first > 0 and self.tokens[first - 1].sentence == sentence and (
            (self.tokens[first - 1].text[0].isupper() and self.tokens[first - 1].norm not in NOT_HEADS)
            or (self.tokens[first - 1].text == "." and first - 1 in self.titles_after)
        ):
            first -= 1
        return first

    def _document_of(self, last: int) -> Unit | None:
        """"a poll of likely voters", "a survey of 1,000 adults": a document whose "of" phrase names what it
        studied; the document is the source, though no lexicon lists the words that end the phrase."""
        sentence = self.tokens[last].sentence
        for index in range(last - 1, max(last - _OF_REACH, 0), -1):
            if self.tokens[index].sentence != sentence or not self.tokens[index].is_word:
                return None
            if self.norms[index] == "of":
                head = self.unit_ending_at(index - 1)
                if head is None or head.kind != "document":
                    return None
                return Unit(head.first, last, "document", head.label, self.text_of(head.first, last))
        return None

    def right_phrase(self, first: int, sentence: int) -> Unit | None:
        """A source phrase starting at ``first`` (after "according to", "by", inverted "said")."""
        count = len(self.tokens)
        probe = first
        while (probe < count and probe not in self.kind_by_first and self.norms[probe] in DETERMINERS
               and probe - first < 3):
            probe += 1
        best: Unit | None = None
        index = probe
        # Walk over the phrase: capitalized words and lexicon terms, keep the last head found.
        while index < count and self.tokens[index].sentence == sentence and index - probe < 8:
            if index in self.kind_by_first:
                last, entry = self.kind_by_first[index]
                mention = self.mention_by_first.get(index)
                if mention is not None and mention.last > last and entry["kind"] == "named_person":
                    last = mention.last
                    best = Unit(first, last, "named_person", "title + name", mention.name)
                else:
                    best = Unit(first, last, entry["kind"], entry.key, self.text_of(first, last))
                index = last + 1
                continue
            mention = self.mention_by_first.get(index)
            if mention is not None:
                label = "title + name" if mention.name_first > mention.first else "capitalized name"
                best = Unit(first, mention.last, "named_person", label, mention.name)
                index = mention.last + 1
                continue
            if self.tokens[index].norm in PRONOUNS and index == probe:
                return self.unit_ending_at(index)
            if self.is_name_token(index) or self.tokens[index].text in ("’s", "'s"):
                index += 1
                continue
            named = self._name_after_role(index) if best is not None and best.kind != "named_person" else None
            if named is not None:  # "said Obama campaign manager Jim Messina": the person, not the campaign
                best = Unit(first, named.last, "named_person", "title + name", named.name)
                index = named.last + 1
                continue
            break
        if best is None:
            return None
        # Coordination on the right: "experts, legislators and human rights defenders".
        last = best.last
        while last + 2 < count and self.norms[last + 1] in {",", "and", "or"}:
            after = last + 2
            if self.norms[after] in {"and", "or"}:
                after += 1
            if after in self.kind_by_first and self.kind_by_first[after][1]["kind"] == best.kind:
                last = self.kind_by_first[after][0]
            else:
                break
        if last != best.last:
            return Unit(best.first, last, best.kind, best.label, self.text_of(best.first, last))
        return best

    def _name_after_role(self, index: int) -> NamedPerson | None:
        """A named person after one or two lower-case role words ("manager Jim Messina")."""
        for step in (1, 2):
            words = range(index, index + step)
            if index + step > len(self.tokens):  # the text ends among the role words
                return None
            if any(self.tokens[i].quoted or not self.tokens[i].text.isalpha() or not self.tokens[i].text.islower()
                   or self.norms[i] in NOT_HEADS for i in words):
                return None
            mention = self.mention_by_first.get(index + step)
            if mention is not None:
                return mention
        return None

    def generic_left(self, last: int, *, loose: bool) -> Unit | None:
        """Any noun phrase ending at ``last``, for verbs that only a speaker can do ("the clip says").

        With ``loose`` False (a form that could be a noun: "claims", "comments") a
        lower-case phrase needs a determiner or possessive before it ("the group
        argues"), so "false claims" is never read as someone claiming.
        """
        token = self.tokens[last]
        if not token.is_word or token.quoted or token.norm in NOT_HEADS:
            return None
        if token.norm in _WEB_SUFFIXES and last >= 2 and self.norms[last - 1] == "." and (
            self.tokens[last - 2].text[0].isupper() and self.ends[last - 2] == self.starts[last - 1]
            and self.ends[last - 1] == self.starts[last]
        ):
            return Unit(last - 2, last, "institution", "web name", self.text_of(last - 2, last))  # "MoveOn.org"
        if token.text.islower() and len(token.norm) > 4 and token.norm.endswith(("ly", "ing", "ed")):
            return None  # an adverb or a verb form cannot head the speaker's phrase ("targeted alleged boats")
        sentence = token.sentence
        first = last
        if token.norm == "it":
            return Unit(last, last, "institution", "pronoun it", token.text) if loose else None
        if token.norm in TIME_WORDS:
            return None  # "said Friday that": a time, not a speaker
        if last in self.place_first:
            return self._owner_of_place(self.place_first[last])
        if token.text[0].isupper() or token.text[0].isdigit():
            return self._unlisted_name(last, sentence)
        while first > 0 and last - first < 4 and self.tokens[first - 1].sentence == sentence:
            previous = self.tokens[first - 1]
            if not previous.is_word or previous.quoted or previous.norm in NOT_HEADS or previous.norm in DETERMINERS:
                break
            first -= 1
        before = self.tokens[first - 1] if first > 0 else None
        determined = before is not None and before.sentence == sentence and (
            before.norm in DETERMINERS or before.text.endswith(("'s", "’s"))
        )
        if determined:
            first = self._extend_modifiers(first)
        elif not loose:
            return None
        kind = "vague" if token.norm.endswith("s") and not token.norm.endswith("ss") else "anonymous"
        # "The Washington Post’s editorial board": a body's possessive gives the phrase the body's voice.
        owners = [self.kind_by_last[i][1]["kind"] for i in range(max(first - 1, 0), last)
                  if i in self.kind_by_last and self.tokens[i].text.endswith(("'s", "’s"))]
        if owners and owners[-1] in ("media", "institution"):
            kind = owners[-1]
        return Unit(first, last, kind, "unlisted noun phrase", self.text_of(first, last))

    def _unlisted_name(self, last: int, sentence: int) -> Unit:
        """A capitalized phrase no lexicon lists, ending at ``last``: a body, a plural group or a person."""
        first = self._capitalized_run(last, sentence)
        # "the Code of Conduct", "the University of Maine": one word after "of" names a body or a document.
        with_of = first == last and first > 1 and self.norms[first - 1] == "of" and (
            self.tokens[first - 2].sentence == sentence and self.tokens[first - 2].text[0].isupper()
            and self.norms[first - 2] not in NOT_HEADS
        )
        if with_of:
            first = self._capitalized_run(first - 2, sentence)
        text = self.text_of(first, last)
        head = self.tokens[last].text
        if head.isupper() or "." in head or with_of:
            kind = "institution"
        elif head.endswith("s") and not head.endswith("ss") and first == last:
            kind = "vague"
        else:
            kind = "named_person"
        return Unit(self._extend_modifiers(first), last, kind, "unlisted name", text)

    def _owner_of_place(self, place_first: int) -> Unit | None:
        """"Sen. Angus King of Maine", "Harry Bond, 30, of Raleigh, N.C.": whoever the place describes speaks.

        The reading goes left over places, commas, dashes, ages and the words that tie a place
        to a person or office ("of", "from", "for"), then takes the name or source phrase
        there; with none, no source (a place never speaks).
        """
        position = place_first - 1
        sentence = self.tokens[place_first].sentence
        while position >= 0 and self.tokens[position].sentence == sentence and (
            position in self.place_first or self.norms[position] in _PLACE_LINKS or self.norms[position].isdigit()
            or (len(self.tokens[position].text) == 1 and self.tokens[position].text.isupper())
        ):
            position = self.place_first.get(position, position) - 1
        if position < 0 or self.tokens[position].sentence != sentence or position == place_first - 1:
            return None
        return self.unit_ending_at(position) or self.generic_left(position, loose=True)

    def generic_right(self, first: int, sentence: int) -> Unit | None:
        """An inverted subject not in the lexicons: "said Mr. Podesta", "said the rights group"."""
        index = first
        count = len(self.tokens)
        while index < count and self.norms[index] in DETERMINERS and index - first < 2:
            index += 1
        last = None
        while index < count and self.tokens[index].sentence == sentence and index - first < 6:
            token = self.tokens[index]
            if token.is_word and token.norm not in NOT_HEADS and not token.quoted:
                last = index
            elif not (token.text == "." and index in self.titles_after):
                break
            index += 1
        if last is None:
            return None
        if self.tokens[last].text[0].isupper():
            return self.generic_left(last, loose=True)
        head = self.norms[last]
        kind = "vague" if head.endswith("s") and not head.endswith("ss") else "anonymous"  # "their attorneys"
        return Unit(first, last, kind, "unlisted noun phrase", self.text_of(first, last))

    def first_token_from(self, offset: int) -> int | None:
        """Index of the first token starting at or after ``offset``."""
        position = bisect_left(self.starts, offset)
        return position if position < len(self.starts) else None

    def text_of(self, first: int, last: int) -> str:
        """The document text from token ``first`` through token ``last``."""
        return self.doc.text[self.tokens[first].start : self.tokens[last].end]

    def source(self, unit: Unit) -> Source:
        """The :class:`Source` a unit stands for, with character offsets."""
        start, end = self.tokens[unit.first].start, self.tokens[unit.last].end
        # "The Washington Post’s editorial board said": the name is the Post's, without the possessive.
        name = unit.name.removesuffix("’s").removesuffix("'s") if unit.kind != "named_person" else unit.name
        return Source(start, end, self.doc.text[start:end], unit.kind, unit.label, name)
