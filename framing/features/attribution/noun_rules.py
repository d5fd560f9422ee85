"""Statement nouns as cues: "his warning that", "issued an apology", "the claim in a campaign ad".

A reporting noun (``lexicons/reporting_verbs.tsv`` lists "warning", "claim", "apology",
"recommendation", "guarantee", …) reports a speech act when its speaker is in reach: a
possessor ("his earlier guarantee", "Trump's warning"), the subject of a support verb
("Trump issued a stark warning", "the senator issued an apology"), or a source after
"in", "from" or "by" ("the claim in an Obama campaign ad"). The rule runs before the other
source rules (:mod:`.source_rules`, which read verbs) and decides only the noun reading:
the cue after a determiner, a possessive or a possessor, with up to two modifiers between
("a stark warning", "his earlier guarantee"). With no speaker in reach, or inside a
prepositional phrase with no that-clause ("During his remarks, Trump said": a circumstance,
the verb is the report), it leaves the cue to the next rules ("The warning came too late"
stays no report).
"""

from __future__ import annotations

from ...grammar import (
    ARTICLES,
    DEMONSTRATIVES,
    IRREGULAR_PAST,
    POSSESSIVE_DETERMINERS,
    PREPOSITIONS,
    SUPPORT_VERBS,
)
from .clauses import before_time_phrase, skip_auxiliaries_back
from .golden import NOUN_GOLDEN
from .model import Attribution, Cue, NamedPerson, Rule, SourceDecision, Unit, registry
from .phrases import NOT_HEADS, Context

# Possessive pronouns of one person, resolved to the person named last before them.
PERSON_POSSESSIVES = frozenset(["his", "her"])
# How many sentences back that person may have been named.
ANTECEDENT_SENTENCES = 1
# How many modifiers may stand between the determiner and the noun ("a stark, formal warning").
MODIFIERS = 2
# Prepositions after the noun that open its source ("the claim in an ad", "a warning from the agency").
SOURCE_PREPOSITIONS = frozenset(["in", "from", "by"])


def noun_opening(context: Context, cue: Cue) -> int | None:
    """The determiner or possessor that makes the cue a noun ("a stark warning" → "a"), else None."""
    norms, tokens = context.norms, context.tokens
    if cue.lemma in ("say", "tell") or cue.form.endswith("ed"):
        return None  # "his aide said": a past form or a form of say is the verb of a subject
    index = cue.first - 1
    for _ in range(MODIFIERS + 1):
        if index < 0 or tokens[index].sentence != cue.sentence:
            return None
        norm, text = norms[index], tokens[index].text
        if norm in ARTICLES or norm in DEMONSTRATIVES or norm in POSSESSIVE_DETERMINERS or text.endswith(
            ("'s", "’s")
        ):
            return index
        if not tokens[index].is_word or not text.islower() or norm in NOT_HEADS or _plural(norm):
            return None  # "our critics think": a plural noun before the cue is its subject
        index -= 1
    return None


def _plural(norm: str) -> bool:
    """A word that reads as a plural noun ("critics"), which is a subject, not a modifier of a statement noun."""
    return norm.endswith("s") and not norm.endswith(("ss", "ous", "us", "is"))


def _possessor(context: Context, opening: int) -> Unit | None:
    """"Trump's warning" → Trump; "his warning" → the person last named before it (None when there is none
    near, or for "their"/"its": a group the words do not name, which would make a wrong speaker)."""
    token = context.tokens[opening]
    if token.norm in PERSON_POSSESSIVES:
        mention = _last_person_before(context, opening)
        return None if mention is None else Unit(opening, opening, "named_person", "possessive pronoun", mention.name)
    if token.text.endswith(("'s", "’s")):
        return context.unit_ending_at(opening) or context.generic_left(opening, loose=True)
    return None


def _last_person_before(context: Context, index: int) -> NamedPerson | None:
    """The named person mentioned last before token ``index``, within ``ANTECEDENT_SENTENCES`` sentences."""
    sentence = context.tokens[index].sentence
    before = [m for m in context.mentions if m.last < index
              and sentence - context.tokens[m.last].sentence <= ANTECEDENT_SENTENCES]
    return before[-1] if before else None


def _support_subject(context: Context, opening: int, sentence: int) -> Unit | None:
    """"Trump issued a stark warning": the subject of the support verb before the noun phrase."""
    verb = opening - 1
    if verb < 0 or context.tokens[verb].sentence != sentence or context.norms[verb] not in SUPPORT_VERBS:
        return None
    before, passive = skip_auxiliaries_back(context.tokens, context.norms, verb, sentence)
    before = before_time_phrase(context, before, sentence)
    if passive or before < 0 or context.tokens[before].sentence != sentence:
        return None
    return context.unit_ending_at(before) or context.generic_left(before, loose=False)


def statement_noun(context: Context, cue: Cue, found: list[Attribution]) -> SourceDecision | None:
    """A reporting noun with its speaker in reach: possessor, support verb's subject, or "in/from/by" source."""
    opening = noun_opening(context, cue)
    if opening is None:
        return None
    if cue.form in IRREGULAR_PAST and opening == cue.first - 1:
        return SourceDecision(None, ("past_form_as_noun",))  # "finish his thought": an idea, not a statement
    if opening > 0 and context.norms[opening - 1] in PREPOSITIONS and cue.following != "that":
        return None  # "During his remarks, Trump said": a circumstance; the sentence's verb is the report
    unit = _possessor(context, opening) or _support_subject(context, opening, cue.sentence)
    if unit is None and cue.following in SOURCE_PREPOSITIONS and cue.end + 1 < len(context.tokens):
        unit = context.right_phrase(cue.end + 1, cue.sentence)
    if unit is None:
        return None
    return SourceDecision(unit, (f"noun_source={unit.label}",))


# Runs before the verb rules of :data:`~.source_rules.SOURCE_RULES`.
NOUN_RULES: tuple[Rule, ...] = registry("attribution", "source", NOUN_GOLDEN, (("statement_noun", statement_noun),))
