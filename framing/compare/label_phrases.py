"""Noun phrases around a name: the modifiers before it, a role noun after it, capitalized runs.

The label layer (:mod:`.labels`) reads a mention's *label* with these: "the leftist regime of"
before a name, "the Maduro regime" after it, "the Venezuelan leader" for a description, and the
runs of capitalized words that name what nobody pinned. Quoted words before a name are modifiers
inside a noun phrase ("the ‘socialist’ Maduro"), never a verb whose object the name is
("he “respects” Grassley").
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from ..document import Token
from ..grammar import (
    ARTICLES,
    AUXILIARY_VERBS,
    DEMONSTRATIVES,
    PREPOSITIONS,
    QUOTE_MARKS,
    ROMANCE_NAME_PARTICLES,
    THIRD_PERSON_POSSESSIVES,
)
from .common import fold

MAX_MODIFIERS = 6
_DETERMINERS = ARTICLES | DEMONSTRATIVES | THIRD_PERSON_POSSESSIVES
# Words after which an -ed word modifies a noun ("the targeted strikes", "through targeted strikes");
# after anything else it is a verb ("who criticized Strzok", "often called Dreamers").
_MODIFIER_OPENERS = _DETERMINERS | PREPOSITIONS | frozenset({"through", "with", "without", "across", "amid"})
# Auxiliaries: an -ed/-ing word after one is a verb ("has designated Maduro"), after any
# other function word it is an adjective ("through targeted strikes").
_AUXILIARIES = AUXILIARY_VERBS
_ADJECTIVE_ENDINGS = ("al", "ive", "ian", "ary", "ic", "ous", "ist", "ese", "ish", "ful", "less", "ible", "able")
# Function words allowed inside a capitalized name: Cartel de los Soles, Cartel of the Suns, Democracy for America.
_NAME_CONNECTORS = ROMANCE_NAME_PARTICLES | {"of", "the", "for"}
_DESCRIPTION_LINKS = frozenset({"from", "of"})


@dataclass(frozen=True, slots=True)
class Pins:
    """The entity rows of the lexicon, indexed by their folded first word."""

    names: dict[str, list[tuple[tuple[str, ...], str, str]]]  # first word → [(words, entity, kind)]
    qualifiers: dict[str, str]  # folded qualifier word → entity
    roles: frozenset[str]
    events: frozenset[str]  # folded event nouns (with or without an entity)
    titles: AbstractSet[str] = frozenset()  # abbreviations ("mr", "sen"): never a label alone


def match_name(folded: Sequence[str], position: int, pins: Pins) -> tuple[int, str, str] | None:
    for words, entity, kind in pins.names.get(folded[position], ()):
        end = position + len(words)
        if tuple(folded[position:end]) == words:
            return end, entity, kind
    return None


def is_capitalized(token: Token, word: str, stop_words: frozenset[str]) -> bool:
    if not (token.is_word and token.text[0].isupper()):
        return False
    return word not in stop_words or (token.text.isupper() and len(token.text) > 1)


def extend_left(
    tokens: Sequence[Token], folded: Sequence[str], position: int, pins: Pins, scare: set[int],
    stop_words: frozenset[str],
) -> int:
    """First token of the modifiers before ``position`` in the same sentence, quoted verbs left out."""
    first = _modifiers_start(tokens, folded, position, pins, scare, stop_words)
    return _without_quoted_verb(tokens, folded, first, position, scare)


def _without_quoted_verb(tokens: Sequence[Token], folded: Sequence[str], first: int, position: int,
                         scare: set[int]) -> int:
    """Leave out quoted words that open a label after a word that is no determiner or preposition.

    "the ‘socialist’ Maduro" is a label; in "he “respects” Grassley" the quoted word is the verb
    whose object the name is, so the label is only "Grassley".
    """
    if first == position or first not in scare:
        return first
    before = first - 1
    if before < 0 or tokens[before].sentence != tokens[first].sentence or not tokens[before].is_word:
        return first
    if folded[before] in _MODIFIER_OPENERS:
        return first
    while first < position and first in scare:
        first += 1
    return first


def _modifiers_start(
    tokens: Sequence[Token], folded: Sequence[str], position: int, pins: Pins, scare: set[int],
    stop_words: frozenset[str],
) -> int:
    """First token of the modifiers before ``position`` in the same sentence."""
    sentence = tokens[position].sentence
    first = position
    k = position - 1
    while k >= 0 and tokens[k].sentence == sentence and position - k <= MAX_MODIFIERS:
        token, word = tokens[k], folded[k]
        if not token.is_word:
            if token.text in QUOTE_MARKS and k in scare:
                first, k = k, k - 1
                continue
            break
        if word == "the":
            return k
        if is_possessive(token, word):
            break  # "the FBI’s Hillary Clinton": a possessive is another entity, not a modifier
        if is_capitalized(token, word, stop_words) or k in scare:
            first = k
        elif word in stop_words or word.endswith("ly"):
            break
        elif word in pins.roles or "-" in token.text or word.endswith(_ADJECTIVE_ENDINGS):
            first = k
        elif word.endswith(("ed", "ing")):
            before = folded[k - 1] if k > 0 and tokens[k - 1].sentence == sentence else ""
            if before in _AUXILIARIES or (before and before not in stop_words and tokens[k - 1].is_word):
                break
            if word.endswith("ing") and before not in _DETERMINERS:
                break  # "at disrupting Maduro’s government": a verb, not a modifier
            if word.endswith("ed") and before not in _MODIFIER_OPENERS:
                break  # "who criticized Romney", "often called Dreamers": a verb, not a modifier
            if word.endswith("ing") and len(word) < 6:
                break  # "the thing Obama": not an -ing form
            first = k
            if before == "the":
                return k - 1
            break
        else:
            break
        k -= 1
    return first


def is_possessive(token: Token, word: str) -> bool:
    """"Romney’s", "ABC's": the norm drops the possessive ending the text keeps."""
    return token.text.endswith(("'s", "’s")) and word != fold(token.text)


def extend_right(tokens: Sequence[Token], folded: Sequence[str], end: int, pins: Pins) -> int:
    """Include a role noun after a name: "the Maduro regime", "Maduro’s government"."""
    if end < len(tokens) and tokens[end].sentence == tokens[end - 1].sentence and folded[end] in pins.roles:
        return end + 1
    return end


def description(
    tokens: Sequence[Token], folded: Sequence[str], position: int, pins: Pins, scare: set[int],
    stop_words: frozenset[str],
) -> tuple[str, int, int] | None:
    """``(entity, first, end)`` for "the Venezuelan leader" or "the figurehead from Venezuela"."""
    first = extend_left(tokens, folded, position, pins, scare, stop_words)
    for k in range(first, position):
        entity = pins.qualifiers.get(folded[k])
        if entity and is_capitalized(tokens[k], folded[k], stop_words):
            return entity, first, position + 1
    k = position + 1
    sentence = tokens[position].sentence
    if k < len(tokens) and folded[k] in _DESCRIPTION_LINKS and tokens[k].sentence == sentence:
        k += 1
        if k < len(tokens) and folded[k] == "the":
            k += 1
        if k < len(tokens) and tokens[k].sentence == sentence:
            entity = pins.qualifiers.get(folded[k])
            if entity and is_capitalized(tokens[k], folded[k], stop_words):
                return entity, first, k + 1
    return None


def capitalized_runs(
    tokens: Sequence[Token], folded: Sequence[str], covered: bytearray, lower_vocab: set[str],
    stop_words: frozenset[str],
) -> list[tuple[int, int]]:
    """Token ranges of capitalized names not already covered by a pinned label."""
    runs: list[tuple[int, int]] = []
    position = 0
    count = len(tokens)
    while position < count:
        token = tokens[position]
        if covered[position] or not is_capitalized(token, folded[position], stop_words) or token.text[0].isdigit():
            position += 1
            continue
        end = position + 1
        while end < count and not covered[end] and tokens[end].sentence == token.sentence:
            if is_possessive(tokens[end - 1], folded[end - 1]):
                break  # "ABC's Martha Raddatz": two entities, not one name
            if is_capitalized(tokens[end], folded[end], stop_words):
                end += 1
            else:
                ahead = end
                while ahead < count and folded[ahead] in _NAME_CONNECTORS and ahead - end < 2:
                    ahead += 1
                if folded[end] == "the":
                    ahead = end  # "Let the Senate": "the" joins names only after "of" (Cartel of the Suns)
                if (
                    ahead > end and ahead < count and not any(covered[end:ahead + 1])
                    and tokens[ahead].sentence == token.sentence
                    and is_capitalized(tokens[ahead], folded[ahead], stop_words)
                ):
                    end = ahead + 1
                else:
                    break
        first = position
        sentence_start = position == 0 or tokens[position - 1].sentence != token.sentence
        if sentence_start and folded[first] in lower_vocab:
            first += 1  # "Despite", "Experts": a capital only because the sentence starts
        if first < end:
            runs.append((first, end))
        position = end
    return runs
