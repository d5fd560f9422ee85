"""Token-level reading the mention rules share: which words are capitalized names, offsets, subjects.

:class:`TokenReader` is built once per document by :func:`~framing.corpus.mentions.find_mentions`;
the rules themselves live in :mod:`.mentions` (names, organisations, places, dates) and
:mod:`.coreference` (descriptions, pronouns).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from itertools import compress, filterfalse
from operator import and_
from typing import TYPE_CHECKING

from ..grammar import (
    CLAUSE_OPENERS,
    FOCUS_ADVERBS,
    NAME_SUFFIXES,
    NOT_NAME_WORDS,
    SURNAME_PARTICLES,
    TITLE_MODIFIERS,
)
from .mention_model import Mention, MentionLexicon

if TYPE_CHECKING:
    from ..document import TokenColumns
    from ..lexicons import TermMatcher

# Capitalized function words that never start or continue a name.
# Lower-case words allowed inside an organisation's name ("Department of Justice", "Bank of America").
ORG_CONNECTORS = frozenset(["of", "for", "and", "the", "on"])
# After these a capitalized word may open a quoted sentence, so it is not known to be a name.
_OPENING_MARKS = frozenset(["“", '"', "‘", "'", "(", ":", "—", "–", "-"])


# Words after which a name opens a clause ("with" introduces a phrase, not a clause); built once.
_OPENERS_BEFORE_SUBJECT = CLAUSE_OPENERS - {"with"}


def is_name_shaped(text: str) -> bool:
    """Capitalized and not hyphenated ("Grassley"), or a particle joined to a capital ("diGenova", "deBlasio")."""
    if text[:1].isupper():
        return "-" not in text
    if text.islower():
        return False  # no capital inside: the common case, answered without the particle test
    return any(len(text) > k + 1 and text[:k] in SURNAME_PARTICLES and text[k].isupper() and text[k + 1 :].islower()
               for k in (2, 3))


class TokenReader:
    """A document's tokens as the mention rules read them; ``mentions`` collects what the rules find."""

    def __init__(self, text: str, columns: TokenColumns, sentences: Sequence[tuple[int, int]], lex: MentionLexicon):
        self.text = text
        self.starts, self.ends, self.texts, self.norms, self.sentence_ids, self.is_word, self.quoted = columns
        self.sentences = sentences
        self.lex = lex
        self.count = len(self.texts)
        self.mentions: list[Mention] = []
        self.in_quote: set[int] = set()  # tokens inside quotation marks of any kind (set by find_mentions)
        self.surnames: dict[str, Mention] = {}  # surname norm → the latest full mention (a bare surname's person)
        self.people: dict[str, list[Mention]] = {}  # surname norm → the first full mention of each person
        self.fullest: dict[str, str] = {}  # person entity → its longest name so far
        self.acronyms: dict[str, str] = {}  # letters → entity, where the text or lexicon defines it
        lowered = set(compress(self.norms, map(str.islower, self.texts)))
        self.titles = {m[0]: m for m in _matches(lex.titles, self.norms)}
        self.places = {m[0]: m for m in _matches(lex.places, self.norms) if self._capitalized(m[0])}
        self.orgs = {m[0]: m for m in _matches(lex.organisations, self.norms) if self._org_spelling(m[0], m[1])}
        in_title = {i for first, end, _ in self.titles.values() for i in range(first, end)}
        # "Deputy Attorney General X" opening a sentence: the modifier belongs to the title, though
        # "deputy" is written in lower case elsewhere (a teacher found "Attorney General" for a deputy)
        in_title |= {first - 1 for first in self.titles if first and self.norms[first - 1] in TITLE_MODIFIERS}
        self.cap = self._capitalized_names(lowered, in_title)

    def _capitalized_names(self, lowered: set[str], in_title: set[int]) -> list[bool]:
        """Which tokens may be part of a name: capitalized words that are not function words.

        A word also written in lower case elsewhere counts only inside a title, or inside a
        running sentence (not its first word, not a title-case headline): "Public Affairs
        Committee", but not "Obama Aide Calls …". Decided once per distinct text, then per
        token only for the doubtful ones; runs on every document.
        """
        known = self.lex.title_words
        norm_of = dict(zip(self.texts, self.norms, strict=True))
        # An all-lower-case text is never name-shaped: only the others are tested (most texts are lower case).
        shaped = {t for t in filterfalse(str.islower, norm_of)
                  if is_name_shaped(t) and norm_of[t] not in NOT_NAME_WORDS}
        sure = {t for t in shaped if norm_of[t] not in lowered or norm_of[t] in known}
        cap = list(map(and_, map(sure.__contains__, self.texts), self.is_word))
        unsure = shaped - sure
        doubtful = compress(range(self.count), map(and_, map(unsure.__contains__, self.texts), self.is_word))
        title_case: dict[int, bool] = {}
        for i in doubtful:
            sentence = self.sentence_ids[i]
            if sentence not in title_case:
                title_case[sentence] = self._title_case(sentence)
            first_word = i == 0 or self.sentence_ids[i - 1] != sentence or self.texts[i - 1] in _OPENING_MARKS
            cap[i] = i in in_title or not (first_word or title_case[sentence])
        for i in compress(range(self.count - 1), map(str.isupper, self.texts[:-1])):  # initials: "John A. Boehner"
            if len(self.texts[i]) == 1 and self.texts[i + 1] == "." and i > 0 and cap[i - 1]:
                cap[i] = True
        return cap

    def _title_case(self, sentence: int) -> bool:
        """Whether at least half the words of a sentence are capitalized (a headline, a name list)."""
        start, end = self.sentences[sentence]
        first, last = bisect_left(self.starts, start), bisect_left(self.starts, end)
        words = list(compress(self.texts[first:last], self.is_word[first:last]))
        return sum(1 for word in words if word[:1].isupper()) * 2 >= len(words)

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

    def make(self, kind: str, first: int, end: int, entity: str, how: str, **extra) -> Mention:
        """The mention of tokens ``first`` .. ``end - 1``, with its offsets, text and subject reading."""
        start, stop, text = self.span(first, end)
        return Mention(kind, start, stop, text, entity, how, first, end, subject=self.opens_clause(first, end), **extra)

    def add(self, kind: str, first: int, end: int, entity: str, how: str, **extra) -> Mention:
        mention = self.make(kind, first, end, entity, how, **extra)
        self.mentions.append(mention)
        return mention

    def opens_clause(self, first: int, end: int) -> bool:
        """Opens a clause (not after a preposition, verb or noun) and is not a possessive."""
        if self.texts[end - 1].endswith(("'s", "’s")):
            return False
        previous = first - 1
        while previous >= 0 and self.cap[previous] and self.sentence_ids[previous] == self.sentence_ids[first]:
            previous -= 1  # capitalized modifiers ("Senate Majority Leader X") belong to the phrase
        sentence = self.sentence_ids[first]
        while previous >= 0 and self.norms[previous] in FOCUS_ADVERBS and self.sentence_ids[previous] == sentence:
            previous -= 1  # "Indeed, even Steele himself declared": a focusing adverb before the subject
        if previous < 0 or self.sentence_ids[previous] != self.sentence_ids[first]:
            return True
        before = self.texts[previous]
        return not before[:1].isalnum() or self.norms[previous] in _OPENERS_BEFORE_SUBJECT

    # --- runs --------------------------------------------------------------------------

    def _breaks_between(self, index: int) -> bool:
        """A line break, or a sentence break other than after an initial ("Joseph R. | Biden"), ends a run."""
        if "\n" in self.text[self.ends[index - 1] : self.starts[index]]:
            return True
        if self.sentence_ids[index] == self.sentence_ids[index - 1]:
            return False
        before = self.texts[index - 2] if index > 1 else ""
        return not (self.texts[index - 1] == "." and len(before) == 1 and before.isupper())

    def _joins_run(self, index: int, first: int) -> bool:
        """A full stop inside a name, or a connector between capitalized words ("Bank of America")."""
        if self.texts[index] == ".":
            return self._stop_inside_name(index)
        if self._particle(index):
            return True  # "Kevin de León", "Mr. de Léon"
        return self.norms[index] in ORG_CONNECTORS and self.cap[index + 1] and index > first

    def _particle(self, index: int) -> bool:
        """A lower-case surname particle followed by a capitalized word ("de León")."""
        while index < self.count and self.texts[index] in SURNAME_PARTICLES:
            index += 1  # "von der Leyen"
        return index < self.count and self.cap[index] and self.texts[index - 1] in SURNAME_PARTICLES

    def _after_title(self, stop: int) -> int:
        """Where a title ending before ``stop`` is over: its abbreviation's full stop belongs to it."""
        return stop + (stop < self.count and self.texts[stop] == ".")

    def _stop_inside_name(self, stop: int) -> bool:
        """The full stop of an initial ("Joseph R. Biden") or an abbreviated title ("Sen. Roe")."""
        before = self.texts[stop - 1]
        initial = (len(before) == 1 and before.isupper()) or self.norms[stop - 1] in NAME_SUFFIXES
        title = self.lex.title_words.get(self.norms[stop - 1], ("", "", ""))[2] == "title"
        if stop + 1 >= self.count:
            return False
        return (initial or title) and (self.cap[stop + 1] or self._particle(stop + 1))


def _matches(matcher: TermMatcher, norms: Sequence[str]) -> list[tuple[int, int, object]]:
    return list(matcher.match(norms))
