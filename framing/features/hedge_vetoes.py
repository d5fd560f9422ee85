"""Hedge vetoes: named rules that take back a hedge cue its own lexicon rule let through.

A lexicon row's ``rule`` (:mod:`framing.features.hedging`) says when a word can hedge;
a veto says when, whatever the word's row, the context shows it is something else. Each
veto is a named :class:`framing.rules.Rule`, owns golden rows (:mod:`.hedge_golden`, run by
``tests/test_hedging_golden.py``) and reads its word
lists from data (``lexicons/role_nouns.tsv``, ``lexicons/reporting_verbs.tsv``) or from
:mod:`framing.grammar`:

* ``reported_question``: "asked (him) whether / if" reports a question someone put; the
  writer leaves nothing open ("whether" after "unclear" or "wonders" still counts);
* ``disbelief``: "can't / cannot / couldn't / could not believe" is astonishment at a fact,
  the opposite of holding it as a belief;
* ``potential_role``: "a potential (GOP) nominee" names a person by a role they may take,
  which says who someone is, not how likely a claim is;
* ``opinion_holder``: "many observers view it as", "critics regard it as": an active belief
  verb with its holder attributes an opinion (an attribution cue, counted there), it is not
  the writer's hedge. The agentless "is seen as" stays a hedge;
* ``actor_signal``: "the campaign indicates it will", "he indicates": a person, group or
  institution that indicates something signals its own intent (a report, left to attribution);
  evidence that indicates ("reports indicate", "the data indicate") still hedges, and so does
  "indicated that" with its content clause;
* ``proposal``: "suggested saying", "suggests waiting": "suggest" before an -ing verb proposes an
  action (a teacher rejected "suggested saying that …" as a hedge); "suggests that" keeps its row;
* ``concessive_as``: "absurd as it may sound", "as strange as it might seem", "odd though it may
  appear": the writer grants how a claim strikes one and then makes it; the claim is not made
  uncertain (a blind teacher found "may" of "absurd as it may sound" keyed as a sure hedge);
* ``free_relative_ever``: "wherever it may lead", "whatever the cost may be", "come what may": a modal in a
  free relative grants any outcome (a blind teacher found "may" of "wherever it may lead" keyed as a hedge).

Cues that are hedges in one tradition and not another are not vetoed but marked possible
(:mod:`framing.features.hedge_doubts`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..document import Token
from ..grammar import (
    APPEARANCE_VERBS,
    CLAUSE_OPENERS,
    CONCESSIVE_MARKERS,
    EVER_WORDS,
    MODALS,
    NEGATED_ABILITY,
    NEGATIONS,
    NOT_GERUNDS,
    SUBJECT_PRONOUNS,
)
from ..lexicons import Entry, Lexicons
from ..rules import Rule, registry
from .hedge_complements import active_as
from .hedge_context import neighbour
from .hedge_golden import VETO_GOLDEN

# How many words may stand between "asked" and its "whether" ("asked the senator from Ohio whether").
ASK_WINDOW = 5
# How many modifiers may stand between "potential" and its role noun ("potential 2016 GOP nominee").
ROLE_WINDOW = 3
# Belief verbs whose active form with an "as" complement ("view it as") names the opinion's holder.
OPINION_RULES = frozenset({"active_as", "view_complement"})
# Source kinds (``lexicons/source_kinds.tsv``) of subjects that act: people, groups, institutions and outlets.
# Documents ("the report indicates") and vague sources ("reports indicate") are evidence, not actors.
ACTOR_KINDS = frozenset({"named_person", "institution", "media", "anonymous"})


def reported_question(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"asked whether", "asked him if", "was asked by reporters whether": a question someone put.

    Looks back from "whether" / "if" over a few words of the same clause (no punctuation)
    for a form of *ask* (the reporting-verb rows whose lemma is "ask").
    """
    if tokens[first].norm not in ("whether", "if"):
        return False
    asking = asking_forms(lexicons)
    for step in range(1, ASK_WINDOW + 1):
        previous = neighbour(tokens, first, -step)
        if previous is None or not previous.is_word:
            return False
        if previous.norm in asking:
            return True
    return False


@lru_cache(maxsize=8)
def asking_forms(lexicons: Lexicons) -> frozenset[str]:
    """The reporting-verb rows whose lemma is "ask", lower case: built once per lexicon set, not per cue."""
    return frozenset(row.key.lower() for row in lexicons["reporting_verbs"] if row["lemma"] == "ask")


@lru_cache(maxsize=8)
def role_nouns(lexicons: Lexicons) -> frozenset[str]:
    """The role nouns (``lexicons/role_nouns.tsv``), lower case, once per lexicon set."""
    return frozenset(row.key.lower() for row in lexicons["role_nouns"])


def disbelief(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"can't believe", "cannot believe", "could not believe": astonishment, not a belief."""
    if not tokens[first].norm.startswith("believ"):
        return False
    previous = neighbour(tokens, first, -1)
    if previous is None:
        return False
    if previous.norm in NEGATED_ABILITY:
        return True
    modal = neighbour(tokens, first, -2)
    return previous.norm in NEGATIONS and modal is not None and modal.norm in ("can", "could", "ca")


def negated_imperative(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"But don't expect him to fade": an order to the reader not to believe, said with certainty.

    A belief verb right after "don't"/"do not" that opens its clause (sentence start, or after
    "but", "and", a comma or a dash) is an imperative, not a belief the writer hedges with.
    """
    previous = neighbour(tokens, first, -1)
    if previous is None:
        return False
    if previous.norm in ("don't", "don’t", "dont"):
        at = first - 1
    elif previous.norm == "not" and first > 1 and tokens[first - 2].norm == "do":
        at = first - 2
    else:
        return False
    before = tokens[at - 1] if at > 0 and tokens[at - 1].sentence == tokens[first].sentence else None
    return before is None or before.norm in ("but", "and", "so", ",", "—", "–", "-", "“", '"')


def potential_role(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"a potential nominee", "potential 2016 GOP candidates", "a potential running mate": a person's role.

    The role nouns are data (``lexicons/role_nouns.tsv``); up to three capitalized words,
    numbers or hyphenated words may stand before the noun ("potential GOP nominee").
    """
    if tokens[first].norm != "potential":
        return False
    roles = role_nouns(lexicons)
    for step in range(1, ROLE_WINDOW + 2):
        token = neighbour(tokens, end - 1, step)
        if token is None or not token.is_word:
            return False
        following = neighbour(tokens, end - 1, step + 1)
        if token.norm in roles or (following is not None and f"{token.norm} {following.norm}" in roles):
            return True
        if not (token.text[:1].isupper() or token.text[:1].isdigit() or "-" in token.text):
            return False
    return False


def opinion_holder(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"many observers view it as", "critics regard it as": an opinion with its holder is an attribution."""
    return entry["rule"] in OPINION_RULES and active_as(tokens, first, end, lexicons)


def actor_signal(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"the campaign indicates it will", "she indicated her support": an actor signalling, not evidence.

    The word before "indicate(s/d)" is a personal subject pronoun (not "it") or a person,
    group, institution or outlet noun of ``lexicons/source_kinds.tsv``; "indicated that"
    with its content clause is left to the row's own rule.
    """
    if not tokens[first].norm.startswith("indicat"):
        return False
    previous = neighbour(tokens, first, -1)
    following = neighbour(tokens, end - 1, 1)
    if previous is None or (following is not None and following.norm == "that"):
        return False
    if previous.norm in SUBJECT_PRONOUNS - {"it"}:
        return True
    return any(row.key.lower() == previous.norm and row["kind"] in ACTOR_KINDS for row in lexicons["source_kinds"])


def proposal(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"X suggested saying that …": "suggest" with an -ing verb right after it proposes, it does not hedge."""
    following = neighbour(tokens, end - 1, 1)
    return (tokens[first].norm.startswith("suggest") and following is not None and following.is_word
            and following.norm.endswith("ing") and following.norm not in NOT_GERUNDS)


def concessive_as(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"absurd as it may sound", "as strange as it might seem": a concession, not a hedge of the claim.

    The cue is the modal or the appearance verb of ``ADJ as|though SUBJECT (MODAL) seem|sound|appear|look``,
    where the adjective opens its clause (sentence start, punctuation, a conjunction) or follows a
    first "as" ("as strange as it may seem"). "Things are not always as they seem" is not matched.
    """
    if tokens[first].norm in MODALS:
        modal, verb = first, neighbour(tokens, first, 1)
        if verb is None or verb.norm not in APPEARANCE_VERBS:
            return False
    elif tokens[first].norm in APPEARANCE_VERBS:
        before = neighbour(tokens, first, -1)
        modal = first - 1 if before is not None and before.norm in MODALS else first
    else:
        return False
    subject, marker, adjective, opener = (neighbour(tokens, modal, -step) for step in (1, 2, 3, 4))
    if subject is None or subject.norm not in SUBJECT_PRONOUNS | {"this", "that"}:
        return False
    if marker is None or marker.norm not in CONCESSIVE_MARKERS or adjective is None or not adjective.is_word:
        return False
    return opener is None or not opener.is_word or opener.norm in CLAUSE_OPENERS  # "as" opens "as ADJ as"


def free_relative_ever(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> bool:
    """"wherever it may lead", "whatever the cost may be", "come what may": the modal ``first`` stands in a
    free relative opened by an -ever word at most four words before it, or ends "come what may"."""
    if tokens[first].norm not in MODALS:
        return False
    before = [neighbour(tokens, first, -step) for step in range(1, 5)]
    if before[0] is not None and before[0].norm == "what" and before[1] is not None and before[1].norm == "come":
        return True
    for token in before:
        if token is None or not token.is_word:
            return False
        if token.norm in EVER_WORDS:
            return True
    return False


# Vetoes, in the order they are tried; a cue any of them claims is not a hedge. ``run(tokens, first, end,
# entry, lexicons) -> bool``; each owns golden rows (:data:`~.hedge_golden.VETO_GOLDEN`).
VETO_RULES: tuple[Rule, ...] = registry("hedging", "veto", VETO_GOLDEN, (
    ("reported_question", reported_question),
    ("disbelief", disbelief),
    ("negated_imperative", negated_imperative),
    ("potential_role", potential_role),
    ("opinion_holder", opinion_holder),
    ("actor_signal", actor_signal),
    ("proposal", proposal),
    ("concessive_as", concessive_as),
    ("free_relative_ever", free_relative_ever),
))


def vetoed_by(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> str:
    """The name of the first veto that takes the cue back, or "" when none does."""
    return next((rule.name for rule in VETO_RULES if rule.run(tokens, first, end, entry, lexicons)), "")


def vetoed_places(tokens: Sequence[Token], lexicons: Lexicons, start: int, end: int) -> list[tuple[int, int]]:
    """Character spans of hedge-lexicon words in ``[start, end)`` that a veto takes back.

    Readers that look words up in ``hedges.tsv`` without the detector (the lesson's "also accept" list)
    ask this, so a word the detector vetoed ("may" of "absurd as it may sound") is no hedge there either.
    """
    inside = [n for n, token in enumerate(tokens) if start <= token.start and token.end <= end]
    if not inside:
        return []
    first = inside[0]
    norms = [tokens[n].norm for n in range(first, inside[-1] + 1)]
    return [(tokens[first + a].start, tokens[first + b - 1].end)
            for a, b, entry in lexicons.matcher("hedges").match(norms)
            if vetoed_by(tokens, first + a, first + b, entry, lexicons)]
