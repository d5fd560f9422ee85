"""How a description is read from the tokens alone: its opening article, its title, a bare question.

These readers need no walk through the text (:mod:`framing.corpus.coreference` does that): they look
at a few tokens around one position. The coreference walk uses them to decide whether "the vice
president" or "a spokesperson for X" is a description at all; the attribution rules and quote
fallbacks use :func:`bare_question` to read interviews printed as prompts and answers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..grammar import ADJECTIVE_ENDINGS, ARTICLES, DESCRIPTION_ADJECTIVES, DETERMINERS

if TYPE_CHECKING:
    from .mention_tokens import TokenReader

DESCRIPTION_MODIFIERS = 3  # "the presumptive Republican presidential nominee"
BARE_QUESTION_WORDS = 8
QUESTION_LINKS = frozenset(["and", "of", "the", "or", "from", "what", "about"])


def title_entry(reader: TokenReader, index: int) -> tuple[tuple[str, str, str] | None, int]:
    """The title or role a lower-case noun ends, and the token its words start at.

    A title of several words wins over its last word: "the vice president" is the vice
    president, "the attorney general" not a general.
    """
    norm = reader.norms[index]
    for before, entry in reader.lex.compound_titles.get(norm, ()):
        start = index - len(before)
        same_sentence = start >= 0 and reader.sentence_ids[start] == reader.sentence_ids[index]
        if same_sentence and tuple(reader.norms[start:index]) == before:
            return entry, start
    return reader.lex.title_words.get(norm), index


def description_opener(reader: TokenReader, index: int) -> int | None:
    """The article that opens a description ending in a role noun: "the Democratic presidential candidate".

    Up to :data:`DESCRIPTION_MODIFIERS` modifiers may stand between the article and the
    noun; a comma, quote mark or function word between them means it is no description.
    """
    position = index - 1
    while position >= 0 and index - position <= DESCRIPTION_MODIFIERS + 1:
        norm = reader.norms[position]
        if norm in ARTICLES:
            return position
        same_sentence = reader.sentence_ids[position] == reader.sentence_ids[index]
        age = norm.isdigit() or (norm == "-" and reader.norms[index] == "year-old")  # "the 43-year-old"
        if not (reader.is_word[position] or age) or norm in DETERMINERS or not same_sentence:
            return None
        position -= 1
    return None


def introduces_someone(reader: TokenReader, opener: int) -> bool:
    """"A spokesperson … fired back", "…, said an aide": a sentence's subject or a tag's speaker.

    Not a predicate ("he, as a trial lawyer"; "Trump was a demagogue and a bad businessman").
    """
    if opener == 0 or reader.sentence_ids[opener - 1] != reader.sentence_ids[opener]:
        return True
    return reader.norms[opener - 1] in ("said", "says", "told")


def adjectives_only(reader: TokenReader, first: int, end: int) -> bool:
    """"the Democratic presidential": adjectives, not a noun that makes another title ("inspector general")."""
    return all(reader.norms[i] in DESCRIPTION_ADJECTIVES or reader.norms[i].endswith(ADJECTIVE_ENDINGS)
               or reader.norms[i].isdigit() or reader.norms[i] == "-" for i in range(first, end))


def bare_question(text: str, sentence: tuple[int, int]) -> bool:
    """A sentence that is only a name or a noun phrase and a question mark: "And Mr. Gingrich?".

    Interviews printed as a run of prompts and answers put the topic first; every word
    but a few linking words is capitalised, and nothing in it is a verb of its own.
    """
    stretch = text[sentence[0] : sentence[1]].rstrip()
    if not stretch.endswith("?"):
        return False  # most sentences: known from the last character, without splitting the sentence
    words = stretch.split()
    if len(words) > BARE_QUESTION_WORDS:
        return False
    return all(word[:1].isupper() or word.lower().strip("?,") in QUESTION_LINKS for word in words)
