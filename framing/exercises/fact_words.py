"""The words that set one version of a fact apart from the other versions printed beside it (loaded and
describing words), and which quoted words are speech, not a loaded word.

"Words only this version uses" once listed every token the other outlets did not
use ("United", "chose", "set"), and missed what a teacher wants students to see:
"Tea Party-backed", "insufficiently conservative" against "political novice". A
word is listed when no other version shown uses it and it describes or judges:
a word of the loaded lexicon, a hyphenated compound, a manner adverb (not one of
time: :data:`framing.grammar.TIME_ADVERBS`), an adjective by its ending, or a
noun that stands for a person by a role (``titles.tsv`` kind ``role``). A
describing word takes the word it describes along ("political novice"), and
adjacent listed words are shown as one phrase.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..grammar import ADJECTIVE_ENDINGS, SPEECH_VERBS, TIME_ADVERBS
from ..lexicons import Lexicons

MAX_WORDS = 6  # phrases per version: a short list a student can check against the sentence
# A word, or a hyphenated compound with the capitalized words before it ("Tea Party-backed").
_WORD = re.compile(r"(?:[A-Z][\w’']*\s+)*[\w’']+(?:-[\w’']+)+|[\w’']+")
_MORE_ENDINGS = ("ful", "less", "ish")


def telling_words(lexicons: Lexicons, sentences: Sequence[str], articles: Sequence[str]) -> list[list[str]]:
    """For each sentence, the describing or judging phrases that no other version's whole article uses
    (``articles[n]`` is the text of sentence *n*'s article: "special election" in one sentence is no
    distinction when the other outlet says it two paragraphs on)."""
    words = [[w.group(0) for w in _WORD.finditer(text)] for text in sentences]
    stems = [{stem(w.group(0)) for w in _WORD.finditer(text)} for text in articles]
    people = person_nouns(lexicons)
    # hedge words are listed in the key's doubt column already: "reportedly" is no describing word
    stop = {e.key.lower() for name in ("stop_words", "hedges") for e in lexicons[name]}
    loaded = {e.key.lower() for e in lexicons["loaded"]}
    out = []
    for n, these in enumerate(words):
        elsewhere = set().union(*(s for k, s in enumerate(stems) if k != n)) if len(stems) > 1 else set()
        unique = [stem(w) not in elsewhere for w in these]
        marks = [u and telling(w, people, stop, loaded) for w, u in zip(these, unique, strict=True)]
        for k in range(1, len(these)):  # a describing word and the word it describes go together:
            plain = these[k][:1].islower() and not {these[k].lower(), these[k - 1].lower()} & stop and describing(
                these[k - 1])
            if plain and (marks[k - 1] or unique[k]):  # "insufficiently conservative", "political novice"
                marks[k - 1] = marks[k] = True
        out.append(phrases(these, marks)[:MAX_WORDS])
    return out


def telling(word: str, people: set[str], stop: set[str], loaded: set[str]) -> bool:
    """Whether a word describes or judges: loaded, hyphenated, a manner adverb, an adjective, a role noun."""
    lower = word.lower()
    if lower in loaded or "-" in word:
        return True
    if word[:1].isupper() or lower in stop or not word.isalpha() or len(word) < 4:
        return False
    return describing(word) or lower in people


def describing(word: str) -> bool:
    """An adjective by its ending or a manner adverb ("soundly"), not one of time ("currently")."""
    lower = word.lower()
    if lower.endswith("ly"):
        return lower not in TIME_ADVERBS
    return not word[:1].isupper() and lower.endswith(ADJECTIVE_ENDINGS + _MORE_ENDINGS) and len(lower) > 5


def phrases(words: Sequence[str], marks: Sequence[bool]) -> list[str]:
    """Runs of marked words, each run once, in sentence order."""
    found: list[str] = []
    run: list[str] = []
    for word, mark in [*zip(words, marks, strict=True), ("", False)]:
        if mark:
            run.append(word)
        elif run:
            if " ".join(run) not in found:
                found.append(" ".join(run))
            run = []
    return found


def stem(word: str) -> str:
    """A crude stem, enough to tell "conservative" from "conservatives" apart from nothing."""
    lower = word.lower().removesuffix("’s").removesuffix("'s")
    return lower[:-1] if lower.endswith("s") and len(lower) > 4 else lower


def person_nouns(lexicons: Lexicons) -> set[str]:
    """Single-word nouns that stand for a person by a role ("aide", "friend", "lawyer": ``titles.tsv`` kind
    ``role``); titles ("senator") and groups ("voters") say what someone is, not how the writer sees them."""
    return {e.key.lower() for e in lexicons["titles"] if e["kind"] == "role" and e.key.isalpha()}


def spoken(text: str, end: int) -> bool:
    """Whether quote marks ending at ``end`` are followed by who said it ("“He’s cool,” Lt. Gov. Murray said"):
    speech, not the writer's scare quotes (a teacher found a quoted remark listed as a loaded word)."""
    return any(w.lower() in SPEECH_VERBS for w in re.findall(r"[\w’']+", text[end:end + 60])[:6])
