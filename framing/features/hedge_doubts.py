"""Hedge doubts: named rules that keep a hedge cue but mark it ``confidence: possible``.

A veto (:mod:`framing.features.hedge_vetoes`) takes back a cue that is surely no hedge. A
doubt is for the cues where the annotation traditions disagree or the words alone cannot
tell the readings apart: the Szeged Uncertainty Corpus (Szarvas et al. 2012) marks them as
uncertainty cues, while a reader of news (and framing's hand gold) sees attribution, a plain
statement or a plan. Such a span stays in the evidence with its ``reason``, but is not counted
in the rates (:attr:`framing.document.Span.counted`); it stamps the doubt's name as its
``rule``. Each doubt is a named :class:`framing.rules.Rule` with golden rows (:mod:`.hedge_golden`):

* ``accusation``: "accused him of lying", "accusations of fraud": the charge is someone's
  claim (an attribution with an accusatory stance, counted there); Szeged marks it;
* ``conditional_consequent``: the "will" / "won't" of a conditional's main clause ("if they
  refuse, the deal will collapse"): the "if" already carries the condition; Szeged marks the
  consequent's modal too, a reader sees a prediction stated under it;
* ``concessive_if``: "even if" often grants a fact ("even if they have no guarantee") and the
  main clause holds either way; it can also be a real hypothesis ("even if it passes");
* ``supposed_to``: "was supposed to start" is as often a plan or a duty as hearsay ("is
  supposed to be the best in town");
* ``belief_discussed``: "it would be naive to believe that": an infinitive belief after an
  evaluation is a belief talked about, held by nobody in particular ("there is reason to
  believe that" is a hedge, and stays counted);
* ``self_description``: "considers himself a moderate": how someone describes themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..document import Token
from ..grammar import BE_FORMS, REFLEXIVE_PRONOUNS
from ..lexicons import Entry, Lexicons
from ..rules import Rule, registry
from .hedge_context import neighbour
from .hedge_golden import DOUBT_GOLDEN

# Nouns before "to believe / to think" that give grounds for the belief ("there is reason to believe"):
# the belief is the writer's or the source's inference, so the hedge stays counted.
GROUNDS_NOUNS = frozenset({"reason", "reasons", "grounds", "cause", "evidence"})
# Contracted forms of "be" as the tokenizer leaves them ("it's", "they're"), besides BE_FORMS.
BE_CONTRACTIONS = frozenset({"'s", "'re", "'m"})


def accusation(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"accused the ministry of fraud", "accusations that she lied": a charge, attributed to the accuser."""
    return tokens[first].norm.startswith("accus")


def conditional_consequent(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"if they refuse, the deal will collapse": the prediction under a condition the "if" already marks."""
    return entry["rule"] == "conditional_consequent"


def concessive_if(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"even if they have no guarantee": a concession, often of a fact, rather than a hypothesis."""
    previous = neighbour(tokens, first, -1)
    return tokens[first].norm == "if" and previous is not None and previous.norm == "even"


def supposed_to(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"was supposed to start in May": a plan or duty as often as hearsay ("is supposed to be haunted")."""
    previous = neighbour(tokens, first, -1)
    following = neighbour(tokens, end - 1, 1)
    return (tokens[first].norm == "supposed" and following is not None and following.norm == "to"
            and previous is not None and _be(previous))


def belief_discussed(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"it would be naive to believe that": a belief someone could hold, judged, not one anybody holds.

    The form read is *be* + one word + "to" + a belief verb; a noun of grounds in the slot
    ("there is reason to believe that") keeps the hedge counted.
    """
    if entry["rule"] != "doxastic":
        return False
    marker, judged, verb = (neighbour(tokens, first, step) for step in (-1, -2, -3))
    return (marker is not None and marker.norm == "to" and judged is not None and judged.is_word
            and judged.norm not in GROUNDS_NOUNS and verb is not None and _be(verb))


def self_description(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"considers himself a moderate", "who consider themselves middle class": a self-description."""
    following = neighbour(tokens, end - 1, 1)
    return entry["rule"] == "doxastic" and following is not None and following.norm in REFLEXIVE_PRONOUNS


def _be(token: Token) -> bool:
    return token.norm in BE_FORMS or token.norm in BE_CONTRACTIONS


# Doubts, in the order they are tried: ``run(tokens, first, end, entry, lexicons) -> bool``, whether the
# cue is only possible; each owns golden rows (:data:`~.hedge_golden.DOUBT_GOLDEN`) and a reason a reader sees.
DOUBT_RULES: tuple[Rule, ...] = registry("hedging", "doubt", DOUBT_GOLDEN, (
    ("accusation", accusation),
    ("conditional_consequent", conditional_consequent),
    ("concessive_if", concessive_if),
    ("supposed_to", supposed_to),
    ("belief_discussed", belief_discussed),
    ("self_description", self_description),
))
DOUBT_REASONS: Mapping[str, str] = MappingProxyType({
    "accusation": "an accusation: the charge is attributed to the accuser (attribution, accusatory stance); "
                  "the Szeged corpus counts it as uncertainty, framing does not count it",
    "conditional_consequent": "the prediction of a conditional's main clause: the condition's 'if' is the hedge; "
                              "the Szeged corpus also marks this modal",
    "concessive_if": "'even if' concedes, often a fact, and the main clause holds either way; "
                     "it can also be a hypothesis",
    "supposed_to": "'be supposed to' is as often a plan or a duty as hearsay",
    "belief_discussed": "a belief judged ('naive to believe that'), not one held",
    "self_description": "how someone describes themselves ('considers himself')",
})


def doubted_by(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> tuple[str, str]:
    """The name and reason of the first doubt that marks the cue possible, or ("", "") when none does."""
    for rule in DOUBT_RULES:
        if rule.run(tokens, first, end, entry, lexicons):
            return rule.name, DOUBT_REASONS[rule.name]
    return "", ""
