"""Hedge context rules for belief and evidence words with their complements.

A belief, prediction or evidence word hedges a proposition only when it takes one:
"officials believe the talks failed" (a complement) but not "believe in God";
"the idea that prices will fall" (a content clause) but not "a good idea"; "is seen
as a threat" and "many regard it as a threat" (an "as" complement) but not "has been
seen in Caracas". The rules here read what follows the cue (and, for nouns, what
precedes it) and are named in the ``rule`` column of ``lexicons/hedges.tsv``;
:mod:`framing.features.hedging` applies them. Szeged's doxastic cue (Szarvas et al.
2012) is the model: whoever holds the belief, the proposition is presented as one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Token
from ..grammar import ARTICLES, BE_FORMS, OPENING_QUOTE_MARKS, POSSESSIVE_DETERMINERS
from ..lexicons import Lexicons
from .hedge_context import neighbour

# Before "potential", words that make it the noun of capacity ("its full potential", "great potential").
POTENTIAL_NOUN_CONTEXT = POSSESSIVE_DETERMINERS | frozenset(
    {"full", "great", "enormous", "huge", "untapped", "growth", "economic", "commercial", "real", "much", "little"}
)

# After "unknown", words that open the question left unanswered ("unknown whether", "unknown to").
OPEN_QUESTION_WORDS = frozenset({"whether", "if", "how", "what", "who", "why", "when", "where", "which", "to"})

# Finite forms of "be" that make an agentless passive ("is believed"); a bare "be" after a
# modal ("should be considered") is left out because it is usually an instruction.
FINITE_BE = (BE_FORMS - {"be"}) | {"'s"}
# Adverbs allowed between "be" and the participle ("is widely believed").
PASSIVE_ADVERBS = frozenset({"also", "still", "now", "long", "often", "widely", "generally", "commonly", "not"})

# After a belief verb, words that show it is not taking a proposition as complement: "believe in
# God", "thought of", "think about", "considered for the role", "thought through".
DOXASTIC_NOT_COMPLEMENT = frozenset(
    {"in", "of", "about", "over", "for", "through", "up", "out", "back", "twice", "hard", "and", "or", "but"}
)
# Before a belief verb, words that make it a comparison with what was believed ("better than expected",
# "as predicted"): the fact is asserted, the belief is only its yardstick.
COMPARISON_OPENERS = frozenset({"than", "as"})
# Base forms that open a sentence as imperatives ("Consider the case of"), not as belief reports.
IMPERATIVE_FORMS = frozenset({"consider", "think", "believe", "expect"})
# Belief verbs whose form is also a noun ("a thought", "the forecast"), and the words before them that
# make them the noun ("his thoughts", "second thought", "the forecast calls for").
NOUN_FORMS = frozenset({"thought", "forecast", "forecasts"})
NOUN_THOUGHT_CONTEXT = ARTICLES | POSSESSIVE_DETERMINERS | frozenset(
    {"this", "no", "any", "second", "much", "some", "of", "political", "economic", "religious", "school"}
)

# After "seen as", words that make "as ... as" a comparison of degree ("seen as far away as Illinois").
AS_DEGREE = frozenset({"far", "long", "soon", "much", "many", "well", "recently", "early", "late", "often"})
# Quotation marks that may open a belief verb's complement ('is considered "spiritual"').
OPENING_QUOTES = OPENING_QUOTE_MARKS | {"'", "«", "``"}
# Before "be considered", modals that make it a belief ("could be considered a reflex"), not an
# instruction ("should be considered closed", "must be considered").
EPISTEMIC_BEFORE_BE = frozenset({"could", "would", "can", "may", "might"})

# How far after "regarded"/"seen"/"viewed" the "as" of the complement may come ("regarded by most historians
# as"), and after "accused" the "of" of the charge ("accused the ministry of").
AS_WINDOW = 5


def doxastic(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """A belief verb with a propositional complement: "many believe that", "is considered a threat".

    Whoever holds the belief, "X believes that p" presents p as a belief rather
    than a fact, so the proposition is uncertain (the Szeged / BioScope
    "doxastic" cue); naming the believer adds attribution but does not make p
    certain. Not counted: no complement ("believe in God", "thought of", "considered
    for the post", "as they thought."), deliberation about an action ("considered
    calling"), a sentence-initial imperative ("Consider a vector"), the noun ("a
    thought", "second thought") and an instruction after a bare "be" ("should be
    considered closed"); after "could / would / can be" it is a belief again ("could be
    considered a reflex"), nor a comparison ("better than expected", "as predicted").
    A complement may open with a quotation mark ("is considered "spiritual"").
    """
    following = neighbour(tokens, end - 1, 1)
    if following is not None and following.norm in OPENING_QUOTES:
        following = neighbour(tokens, end - 1, 2)
    if following is None or not following.is_word or following.norm in DOXASTIC_NOT_COMPLEMENT:
        return False
    if len(following.norm) > 4 and following.norm.endswith("ing"):
        return False
    previous = neighbour(tokens, first, -1)
    if previous is None:
        return tokens[first].norm not in IMPERATIVE_FORMS
    if previous.norm == "be":
        modal = neighbour(tokens, first, -2)
        return modal is not None and modal.norm in EPISTEMIC_BEFORE_BE
    if previous.norm in COMPARISON_OPENERS:
        return False
    return not (tokens[first].norm in NOUN_FORMS and previous.norm in NOUN_THOUGHT_CONTEXT)


def potential(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"potential" of an event ("potential fallout", "the potential for escalation"), not of people or capacity.

    Not counted: the noun of capacity ("its full potential", "has the potential to cause"), which like
    "possible to" says what can be done, not how likely a claim is.
    """
    following = neighbour(tokens, end - 1, 1)
    if following is not None and following.norm == "to":
        return False
    previous = neighbour(tokens, first, -1)
    return previous is None or previous.norm not in POTENTIAL_NOUN_CONTEXT


def of_complement(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """An accusation verb with its charge: "accused the ministry of fraud", "accusing him of lying".

    The charge is presented as someone's accusation, not as established fact. The
    "of" may follow a short object phrase, so it is looked for within a few tokens;
    without it ("the accused", "accused and convicted") nothing is hedged.
    """
    for step in range(1, AS_WINDOW + 1):
        following = neighbour(tokens, end - 1, step)
        if following is None or not following.is_word:
            return False
        if following.norm == "of":
            return True
    return False


def passive_evidential(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """An agentless passive of a cognition verb: "is considered", "are widely believed", "is seen as".

    The belief is presented as a belief rather than a fact, a classic hedge (Hyland's
    "it is thought"); an agent ("regarded by experts as") names whose belief it is but
    the proposition stays uncertain, so it still counts. After a bare "be" ("should be
    considered closed") it is an instruction.
    Verbs whose rule is ``passive_as`` (seen, viewed, regarded) need "as" after them instead.
    """
    previous = neighbour(tokens, first, -1)
    if previous is not None and (previous.norm in PASSIVE_ADVERBS or previous.norm.endswith("ly")):
        previous = neighbour(tokens, first, -2)
    if previous is None or previous.norm not in FINITE_BE:
        return False
    following = neighbour(tokens, end - 1, 1)
    return following is not None and following.is_word


def passive_as(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"is seen as", "are widely regarded (by many) as", "a novella regarded by some as": an "as" complement.

    The participle with its "as" complement presents a judgement as a view, whether a
    finite "be" precedes it or it heads a reduced relative ("..., regarded by some as
    his best novel"); a form without "as" ("has been seen in Caracas") is perception.
    The "as" may follow a short agent phrase ("regarded by historians as"), so it is
    looked for within the next few tokens of the same sentence.
    """
    for step in range(1, AS_WINDOW + 1):
        following = neighbour(tokens, end - 1, step)
        if following is None or not following.is_word:
            return False
        if following.norm == "as":
            degree = neighbour(tokens, end - 1, step + 1)
            if degree is not None and degree.norm in AS_DEGREE:
                return False
            return step == 1 or neighbour(tokens, end - 1, 1).norm == "by"
    return False


def active_as(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"many regard it as", "what they see as", "critics view these as": a judgement held as a view.

    The active counterpart of :func:`passive_as`: the believer is named, but the "as"
    complement is still presented as a view rather than a fact (Szeged's doxastic cue).
    The "as" must come within a few words, before any punctuation, and not as "such
    as", "as well" or a comparison of degree; after a determiner the word is the noun
    ("his views as president", "the view as seen from").
    """
    previous = neighbour(tokens, first, -1)
    if previous is not None and previous.norm in NOUN_THOUGHT_CONTEXT:
        return False
    for step in range(1, AS_WINDOW + 1):
        following = neighbour(tokens, end - 1, step)
        if following is None or not following.is_word:
            return False
        if following.norm == "as":
            before = neighbour(tokens, end - 1, step - 1)
            after = neighbour(tokens, end - 1, step + 1)
            if (step > 1 and before is not None and before.norm == "such") or after is None:
                return False
            return after.is_word and after.norm not in AS_DEGREE | {"well", "if", "though"}
    return False


def view_complement(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"view" as a belief noun with its clause ("the view that") or a verb with "as" ("view them as")."""
    return that_complement(tokens, first, end, lexicons) or active_as(tokens, first, end, lexicons)


def open_question(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"wonders whether", "wondering how": a verb of asking with its open question (Szeged's investigation)."""
    following = neighbour(tokens, end - 1, 1)
    return following is not None and following.norm in OPEN_QUESTION_WORDS - {"to"}


def known_unknown(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"it is unknown whether", "remains unknown", "unknown to the authorities": knowledge is lacking.

    As a predicate ("is unknown", "remains unknown") or before an open question
    ("unknown whether", "unknown how") the word says a fact is not known; before a noun
    ("an unknown artist", "unknown gunmen") it only says who someone is not.
    """
    previous = neighbour(tokens, first, -1)
    if previous is not None and (previous.norm in FINITE_BE or previous.norm.startswith("remain")):
        return True
    following = neighbour(tokens, end - 1, 1)
    return following is not None and following.norm in OPEN_QUESTION_WORDS


def that_complement(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """A belief noun with its content clause: "the belief that", "the idea that", "rumours that".

    The clause is presented as someone's belief or hearsay, not as fact (Szeged's
    doxastic cue); without the clause the noun names a topic ("her religious beliefs",
    "a good idea") and hedges nothing.
    """
    following = neighbour(tokens, end - 1, 1)
    return following is not None and following.norm == "that"
