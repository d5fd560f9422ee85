"""The mention layer's data: :class:`Mention` and the lexicons it reads (see :mod:`.mentions`)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..lexicons import Lexicons, TermMatcher

# The rules that find a person by name (not by a description, appositive or pronoun).
PERSON_NAME_RULES = frozenset(["title_name", "full_name", "surname_later"])


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
    place_heads: frozenset[str]  # words that end a place's name ("Sea", "County")
    # last word → (the words before it, (gender, role, kind)) of each title of several words, longest first:
    # "the vice president" is the vice president, not whoever was last called "president".
    compound_titles: dict[str, tuple[tuple[tuple[str, ...], tuple[str, str, str]], ...]]

    def title_words_of(self, kind: str) -> frozenset[str]:
        """The single words of the titles lexicon of one kind ("title": "mr", "sen", "justice")."""
        return frozenset(word.rstrip(".") for word, (_, _, word_kind) in self.title_words.items() if word_kind == kind)


@lru_cache(maxsize=8)
def mention_lexicon(lexicons: Lexicons) -> MentionLexicon:
    """Matchers over the three lexicons (cached per :class:`Lexicons`, which is immutable)."""
    from ..lexicons import TermMatcher

    titles = lexicons["titles"].entries
    words = {e.key.lower(): (e["gender"], e["role"], e["kind"]) for e in titles if " " not in e.key}
    compounds: dict[str, list[tuple[tuple[str, ...], tuple[str, str, str]]]] = {}
    for entry in titles:
        *before, last = entry.key.lower().split()
        if before:
            compounds.setdefault(last, []).append((tuple(before), (entry["gender"], entry["role"], entry["kind"])))
    places = lexicons["places"].entries
    return MentionLexicon(
        TermMatcher(titles), TermMatcher(tuple(e for e in places if e["kind"] != "head")),
        TermMatcher(lexicons["organisations"].entries), words,
        frozenset(e.key.lower() for e in places if e["kind"] == "head"),
        {last: tuple(sorted(found, key=lambda item: -len(item[0]))) for last, found in compounds.items()},
    )
