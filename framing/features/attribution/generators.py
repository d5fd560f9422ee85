"""The general generators of attribution candidates: predicates of an actor no lexicon lists.

PolNeAR-style annotation counts almost any predicate of an actor as a cue ("has banned", "is
open to", "his call for"), so these propose them broadly and the learned scorer
(:mod:`.candidates`, :mod:`.scoring`) decides which count. They visit every lower-case content
word, and read a subject only where the head's form lets it count: an -ing form alone never
does, and a bare base form needs a plural or I/we/they, so an unlisted noun phrase that cannot
be plural is not read for it; a possessor only where a stance preposition follows. The
shortcuts leave the proposals exactly as a full reading makes them
(``tests/test_attribution_generators.py``)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import lru_cache
from itertools import chain

from ...grammar import (
    BE_FORMS,
    DO_FORMS,
    HAVE_FORMS,
    IRREGULAR_PAST,
    MODALS,
    NEGATIONS,
    SUBJECT_PRONOUNS,
)
from .clauses import before_appositive, before_time_phrase, clause_subject, skip_auxiliaries_back
from .model import Unit
from .phrases import AUXILIARIES, NOT_HEADS, TIME_WORDS, Context

# Prepositions after a statement noun that open what it is about ("call for", "opposition to").
STANCE_PREPOSITIONS = frozenset(["for", "to", "of", "on", "about", "against", "with", "that"])
POSSESSIVE_PRONOUNS = {"his": "pronoun", "her": "pronoun", "their": "pronoun", "its": "pronoun"}
COORDINATORS = frozenset(["and", "but", "or"])
# Words a verb group's cue starts at: the first auxiliary or negation ("has banned", "did not include").
GROUP_STARTS = BE_FORMS | HAVE_FORMS | MODALS | NEGATIONS | DO_FORMS
RELATIVES = frozenset(["who", "which", "that"])
# Words that head no generated cue: function words, forms of *be*, subject pronouns.
_NO_HEADS = NOT_HEADS | BE_FORMS | SUBJECT_PRONOUNS
# Words before a head that end every reading of it: function words no reading steps back over
# (auxiliaries, -ly adverbs, time words), reads a subject through (relatives, a comma), continues
# (coordinators) or takes as a possessor. After one of these, ``_subject`` reads nothing, and no
# coordinated verb or possessive noun follows, so ``_cue_at`` is None; a text ending in "'s" is kept
# (its norm drops the "'s": "it's" is "it", but a possessor may end there).
_DEAD_ENDS = frozenset(
    word for word in NOT_HEADS - AUXILIARIES - TIME_WORDS - RELATIVES - COORDINATORS - POSSESSIVE_PRONOUNS.keys()
    if word != "," and not word.endswith("ly")
)
_POSSESSIVE_ENDINGS = ("'s", "’s")
# Words the reading steps back over to a subject (auxiliaries, time words; -ly adverbs and years are
# told by their spelling): after any other word the subject ends right before the head.
_STEPPED_OVER = AUXILIARIES | TIME_WORDS
# How many tokens past the subject the head may stand (auxiliaries, adverbs and a time phrase are skipped).
MAX_GAP = 6


def generated_cues(context: Context) -> Iterator[tuple[int, int, str, Unit | None, str]]:
    """The general generators' cues: (first, last, generator, subject unit, how the subject was found)."""
    sentences = context.doc.token_columns().sentences
    for head in _possible_heads(context):
        cue = _cue_at(context, sentences, head)
        if cue is not None:
            yield cue


def _cue_at(context: Context, sentences: Sequence[int], head: int) -> tuple[int, int, str, Unit | None, str] | None:
    """The generated cue headed by token ``head``, from the first generator that reads one there."""
    tokens, norms = context.tokens, context.norms
    if norms[head] == ":":
        unit = _colon_speaker(context, head)
        return (head, head, "speaker_colon", unit, "colon") if unit is not None else None
    sentence = sentences[head]
    before = head - 1  # a head never opens its sentence (``_possible_heads``)
    previous = norms[before]
    if previous in _STEPPED_OVER or previous.endswith("ly") or previous.isdigit():
        before, _ = skip_auxiliaries_back(tokens, norms, head, sentence)
        before = before_time_phrase(context, before, sentence)
    if before < 0 or sentences[before] != sentence or head - before > MAX_GAP or norms[head] in _NO_HEADS:
        return None
    first = before + 1
    while first < head and norms[first] not in GROUP_STARTS:
        first += 1  # the cue starts at the first auxiliary ("has banned"), not at an adverb before it
    auxiliary, shape = first < head, head_shape(norms[head])
    if auxiliary or shape != "ing":  # an -ing form alone is never a subject's verb (``_verb_like``)
        unit, via = _subject(context, before, sentence, plural_only=not auxiliary and shape == "base")
        if unit is not None and _verb_like(norms[head], shape, auxiliary, unit):
            return first, head, "subject_verb", unit, via
    if norms[before] in COORDINATORS and shape in ("ed", "s") and head == before + 1:
        unit = clause_subject(context, sentence, before)
        if unit is not None:
            return head, head, "coordinated_verb", unit, "coordination"
    if head + 1 < len(tokens) and norms[head + 1] in STANCE_PREPOSITIONS and sentences[head + 1] == sentence:
        possessor = _possessor(context, head - 1)
        if possessor is not None:
            return head, head, "possessive_noun", possessor, "possessive"
    return None


def _possible_heads(context: Context) -> list[int]:
    """Tokens outside quotes that may head a generated cue: a colon, or a lower-case word that is not a
    function word, not a sentence's first token and not right after a word that ends every reading
    (``_DEAD_ENDS``: "the", "of"). Picked in one comprehension over the columns, so the loop above
    visits only these (about half of the content words)."""
    columns = context.doc.token_columns()
    openers = set(context.sentence_first.values())
    texts, norms = columns.texts, columns.norms
    return [index for index, (text, norm, word, quoted, before_norm, before_text) in enumerate(
                zip(texts, norms, columns.is_word, columns.quoted, chain(("",), norms), chain(("",), texts),
                    strict=False))
            if not quoted and (norm == ":" or (
                word and text.islower() and norm not in _NO_HEADS and index not in openers
                and (before_norm not in _DEAD_ENDS or before_text.endswith(_POSSESSIVE_ENDINGS))))]


def _verb_like(norm: str, shape: str, auxiliary: bool, subject: Unit) -> bool:
    """Whether a word after a subject can be its verb, read from its form alone (no tagger).

    After an auxiliary any form can ("has banned", "is open", "would choose"); alone, a past
    form (-ed or irregular) or an -s form can, and a bare base form only after a plural or
    a pronoun other than he/she ("they want", "Democrats oppose"): a singular subject's
    present verb takes -s, so "the Trump campaign" is a noun after a name.
    """
    if auxiliary:
        return not norm[:1].isdigit()
    if shape == "ed":
        return True
    if shape == "s":
        return subject.kind != "vague"
    if shape == "base":
        return subject.kind == "vague" or subject.label in ("pronoun i", "pronoun we", "pronoun they")
    return False


def _colon_speaker(context: Context, colon: int) -> Unit | None:
    """"PENCE: Well, …", "Graham: Trump's …": a sentence opened by a name (at most four words), then a colon.

    Transcripts and headlines credit words this way with or without quotation marks; the
    rules' colon construction needs the quote.
    """
    opening = context.sentence_first.get(context.tokens[colon].sentence, colon)
    if not 0 < colon - opening <= 4 or colon + 1 >= len(context.tokens):
        return None
    if context.tokens[colon + 1].sentence != context.tokens[colon].sentence:
        return None
    if not all(context.tokens[i].is_word and context.tokens[i].text[:1].isupper() for i in range(opening, colon)):
        return None
    unit = context.unit_ending_at(colon - 1) or context.generic_left(colon - 1, loose=True)
    return unit if unit is not None and unit.first <= opening + 1 else None


def _subject(context: Context, before: int, sentence: int, *, plural_only: bool = False) -> tuple[Unit | None, str]:
    """The subject whose last token is ``before``, read directly, through a relative pronoun or an aside.

    With ``plural_only`` (a bare base form follows, which only a plural or I/we/they can be the subject
    of: ``_verb_like``) an unlisted noun phrase is read only when it may be plural: most heads are
    nouns after nouns ("the trade deal"), and reading a phrase that cannot count was wasted."""
    norm = context.norms[before]
    if norm in RELATIVES and before > 0:
        previous = before - 1 if context.norms[before - 1] != "," else before - 2
        unit = context.unit_ending_at(previous) if previous >= 0 else None
        return unit, "relative"
    if norm == ",":
        unit = before_appositive(context, before)
        return unit, "appositive"
    if norm in NOT_HEADS or not context.tokens[before].is_word:
        return None, ""
    unit = context.unit_ending_at(before)
    if unit is not None:
        return unit, "lexicon_or_name"
    if plural_only and not _may_be_plural(context, before):
        return None, "noun_phrase"
    return context.generic_left(before, loose=False), "noun_phrase"


def _may_be_plural(context: Context, last: int) -> bool:
    """Whether :meth:`~.phrases.Context.generic_left` may read a ``vague`` (plural) phrase ending at ``last``:
    only a head spelt with a final "s", or a place whose owner is read instead."""
    return last in context.place_first or context.norms[last].endswith("s") or context.tokens[last].text.endswith("s")


def _possessor(context: Context, index: int) -> Unit | None:
    """"his call", "Trump's opposition": the possessor before a noun, as a unit."""
    if index < 0:
        return None
    token = context.tokens[index]
    if token.norm in POSSESSIVE_PRONOUNS:
        return Unit(index, index, "pronoun", "possessive pronoun", token.text)
    if token.text.endswith(("'s", "’s")):
        return context.unit_ending_at(index)
    return None


@lru_cache(maxsize=8192)
def head_shape(norm: str) -> str:
    """The head's inflection read from its spelling: -ing, past (-ed or irregular), -s, or a base form (cached by
    spelling: every candidate and most words of every document ask)."""
    if norm.endswith("ing"):
        return "ing"
    if norm.endswith("ed") or norm in IRREGULAR_PAST:
        return "ed"
    if norm.endswith("s") and not norm.endswith("ss"):
        return "s"
    return "base"
