"""Hedge context rules that read a window of tokens: quantities, conditions and open questions.

:mod:`framing.features.hedging` applies the rules named in ``lexicons/hedges.tsv``. The
readers here (the neighbour in the same sentence, the sentence's bounds, whether a token
is a number) are shared by all its rules; the rules here are the ones about a quantity
(approximators such as "about 80", and the limits of an offer or a law, "buy up to 5%",
which are exact and hedge nothing) or about a whole clause (a condition, "until", an
embedded question). Conditions and investigations follow the Szeged Uncertainty Corpus
guidelines (Szarvas et al. 2012); approximators follow Prince, Frader and Bosk (1982).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..document import Token
from ..grammar import MONTHS, THIRD_PERSON_POSSESSIVES, WEEKDAYS
from ..lexicons import Lexicons

# Closed-class words that can stand for a quantity after an approximator ("about a dozen").
NUMBER_WORDS = frozenset(
    {
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
        "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands",
        "million", "millions", "billion", "billions", "trillion", "dozen", "dozens", "half", "third", "thirds",
        "quarter", "quarters", "twice"
    }
)
# After "a"/"an", units that make the phrase a quantity ("about a week", "around a third").
UNIT_WORDS = frozenset(
    {
        "dozen", "hundred", "thousand", "million", "billion", "third", "quarter", "half", "fifth", "tenth",
        "couple", "year", "month", "week", "day", "decade", "hour", "minute", "mile", "kilometre", "kilometer"
    }
)
# Before a bound ("up to", "at least", "as many as"), verbs and nouns of a transaction, permission or
# penalty whose limit it states exactly: "buy back up to 1 million shares", "can call up to 200,000
# reservists", "must wait at least 30 days", "a reward of up to $5 million", "faces up to ten years".
# The writer then reports a cap or floor set by a plan, a contract or a law, not a count they are unsure of.
LIMIT_CONTEXT = frozenset(
    {
        "can", "cannot", "must", "allow", "allows", "allowed", "permit", "permits", "permitted", "authorize",
        "authorizes", "authorized", "authorise", "authorises", "authorised", "buy", "buys", "purchase", "purchases",
        "repurchase", "acquire", "acquires", "sell", "sells", "offer", "offers", "offered", "offering", "reward",
        "fine", "fined", "fines", "face", "faces", "facing", "sentence", "sentenced", "wait", "borrow", "borrows",
        "lend", "lends", "issue", "issues", "redeem", "bid", "bids", "tender"
    }
)
# Marks before a fronted "until" clause: the sentence's start, or a "that" / comma that opens the clause.
FRONTING_MARKS = frozenset({"that", ",", ";", "and", "but"})
# How many words before the bound such a verb or noun may stand ("buy back up to", "a reward of up to").
LIMIT_WINDOW = 3
# After "until the", nouns of time that make it a point in time ("until the end of May") rather than an
# event ("until the crisis ends").
UNTIL_TIME_NOUNS = frozenset(
    {
        "end", "beginning", "start", "middle", "close", "time", "day", "days", "week", "weekend", "month", "year",
        "years", "decade", "century", "spring", "summer", "autumn", "fall", "winter", "morning", "afternoon",
        "evening", "night", "age", "turn", "early", "late", "mid", "last", "next", "following", "present", "day's"
    }
)
# After "if", minimizers that make "X, if any," a concessive aside rather than a condition: "little,
# if any, effect", "rarely, if ever,", "if anything, it grew" (Quirk et al. 1985, 15.40 on "if any").
IF_MINIMIZERS = frozenset({"any", "anything", "ever"})
# Before "whether", marks that open an adjunct clause ("..., whether voluntary or enforced,") and words
# ("regardless of whether", "no matter whether") that make it unconditional: no question is left open.
ADJUNCT_OPENERS = frozenset({",", "(", ";", "–", "—", "-", "--"})
UNCONDITIONAL_HEADS = frozenset({"regardless", "irrespective", "matter"})
# Verbs after which "if" opens an embedded question ("voters know if", "see if it works"), not a condition.
IF_QUESTION_VERBS = frozenset(
    {"know", "knows", "knew", "see", "sees", "saw", "ask", "asks", "asked", "asking", "wonder", "wonders",
     "wondered", "check", "checks", "checked", "decide", "decides", "decided", "determine", "tell", "tells"}
)
# Before "if", the word that makes it concessive ("even if"): the main clause holds whatever the clause says.
CONCESSIVE_IF = "even"
# Subordinators that make a sentence conditional, so that its future "will" is a hypothetical consequent.
CONSEQUENT_CONDITIONS = frozenset({"if", "unless"})
# Future and modal markers that make an "until" clause an unrealised condition ("will stay until").
FUTURE_MARKERS = frozenset(
    {"will", "'ll", "won't", "would", "wouldn't", "shall", "should", "could", "couldn't", "can't", "cannot", "must",
     "may", "might", "intend", "intends", "plan", "plans", "expect", "expects", "wo"}
)
# After "until", words that make it a point in time rather than an event ("until now", "until 1974").
UNTIL_TIME_WORDS = MONTHS | WEEKDAYS | THIRD_PERSON_POSSESSIVES | frozenset(
    {"now", "then", "recently", "today", "tomorrow", "yesterday", "last", "next", "early", "late", "mid",
     "this", "that", "after", "further", "at", "about", "around"}
)
# How far after "whether" the "or" of its alternatives may come ("whether due to natural processes or").
WHETHER_WINDOW = 8


def neighbour(tokens: Sequence[Token], index: int, step: int) -> Token | None:
    """The token ``step`` positions away, if it is in the same sentence."""
    other = index + step
    if 0 <= other < len(tokens) and tokens[other].sentence == tokens[index].sentence:
        return tokens[other]
    return None


def is_number(token: Token | None) -> bool:
    if token is None:
        return False
    if token.text[0].isdigit() or (token.text[0] == "$" and len(token.text) > 1):
        return True
    return token.norm.split("-")[0] in NUMBER_WORDS


def followed_by_verb_slot(tokens: Sequence[Token], first: int, end: int) -> bool:
    """A modal hedges only when something follows it in the sentence ("could." is ability)."""
    following = neighbour(tokens, end - 1, 1)
    return following is not None and following.is_word


def number_follows(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Approximators count only before a quantity: "about 80", "some 15,000", "about a dozen"."""
    following = neighbour(tokens, end - 1, 1)
    if is_number(following):
        return True
    if following is not None and following.norm in ("a", "an"):
        after = neighbour(tokens, end, 1)
        return after is not None and after.norm in UNIT_WORDS
    return False


def sentence_around(tokens: Sequence[Token], index: int) -> tuple[int, int]:
    """First and end token positions of the sentence that holds ``tokens[index]``."""
    sentence = tokens[index].sentence
    opening, closing = index, index + 1
    while opening > 0 and tokens[opening - 1].sentence == sentence:
        opening -= 1
    while closing < len(tokens) and tokens[closing].sentence == sentence:
        closing += 1
    return opening, closing


def conditional_consequent(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Future "will" in the main clause of a conditional: "if the talks fail, the truce will collapse".

    A plain future ("the plant will close in May") is asserted and not a hedge; in
    a conditional sentence the prediction holds only under the hypothesis, so
    Szeged marks the modal with the condition. The condition is a conditional
    subordinator anywhere in the sentence (before or after: "will back down if he
    must"), or an "until" clause on an unrealised event ("sanctions will stay until Iraq
    pays", see :func:`until_condition`).
    """
    if not followed_by_verb_slot(tokens, first, end):
        return False
    opening, closing = sentence_around(tokens, first)
    return any(
        (token.norm in CONSEQUENT_CONDITIONS and _condition_if(tokens, position, lexicons))
        or (token.norm == "until" and until_condition(tokens, position, position + 1, lexicons))
        for position, token in enumerate(tokens[opening:closing], start=opening)
    )


def _condition_if(tokens: Sequence[Token], position: int, lexicons: Lexicons) -> bool:
    """Whether the "if"/"unless" at ``position`` opens a condition: not the minimizer "if anything", not an
    embedded question ("voters know if", "see if it works") and not the concessive "even if", none of which
    makes a "will" hypothetical ("even if the talks fail, the truce will hold" asserts the truce either way)."""
    if tokens[position].norm != "if":
        return True
    previous = neighbour(tokens, position, -1)
    if previous is not None and (previous.norm in IF_QUESTION_VERBS or previous.norm == CONCESSIVE_IF):
        return False
    return conditional_if(tokens, position, position + 1, lexicons)


def until_condition(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"until" that makes a future event the condition: "sanctions will stay until Iraq pays".

    With a future or modal main clause ("will", "won't", "could not ... until", "intend
    to keep ... until") the event after "until" has not happened and the main clause
    depends on it (Szeged's hypothetical condition). The main clause may also follow a
    fronted "until" clause ("until an offer is made, the board will keep seeking bids").
    Not counted: a past or habitual span ("was a trustee until 1974", "until recently"),
    i.e. no future or modal marker in the sentence, or a date, number, time adverb or
    time noun right after it ("until the end of May"; "until the crisis ends" is an event).
    """
    following = neighbour(tokens, first, 1)
    if following is None or not following.is_word or is_number(following) or following.norm in UNTIL_TIME_WORDS:
        return False
    if following.norm == "the":
        noun = neighbour(tokens, first, 2)
        if noun is None or is_number(noun) or noun.norm in UNTIL_TIME_NOUNS or noun.norm in MONTHS:
            return False
    opening, closing = sentence_around(tokens, first)
    if any(token.norm in FUTURE_MARKERS for token in tokens[opening:first]):
        return True
    previous = neighbour(tokens, first, -1)
    fronted = previous is None or previous.norm in FRONTING_MARKS
    return fronted and any(token.norm in FUTURE_MARKERS for token in tokens[end:closing])


def stated_bound(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """A bound before a quantity ("up to 300 died", "at least 21 vessels"), unless it states a limit.

    "up to", "at least" and "as many as" hedge a count the writer cannot give exactly.
    After a verb or noun of transaction, permission or penalty ("will buy back up to
    1 million shares", "can call up to 200,000 reservists", "a reward of up to $5
    million", "must wait at least 30 days") the bound is the exact cap or floor of an
    offer, a contract or a law, and hedges nothing. Such a word must stand within
    :data:`LIMIT_WINDOW` words before the bound, in the same sentence.
    """
    if not number_follows(tokens, first, end, lexicons):
        return False
    for step in range(1, LIMIT_WINDOW + 1):
        previous = neighbour(tokens, first, -step)
        if previous is None or not previous.is_word:
            return True
        if previous.norm in LIMIT_CONTEXT:
            return False
    return True


def conditional_if(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """A condition ("if the talks fail", "even if it passes"): the clause is hypothetical, not asserted.

    Szeged's guidelines mark "if" as a hypothetical condition cue, and a conditional
    does not commit the writer to its antecedent. Not counted: the concessive
    minimizer "little, if any, effect" / "rarely, if ever," / "if anything," (a
    scalar aside with nothing hypothetical in it). "as if" and "if and only if" are
    exclusion rows in the lexicon (a manner comparison, a definition's equivalence).
    """
    following = neighbour(tokens, first, 1)
    if following is not None and following.norm in IF_MINIMIZERS:
        after = neighbour(tokens, first, 2)
        return after is not None and after.is_word
    return True


def whether_interrogative(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """An embedded question ("it is unclear whether", "asked whether or not"): its truth is left open.

    Szeged calls this an investigation cue. The same word also opens an
    *unconditional* adjunct, "..., whether voluntary or enforced," or "regardless of
    whether", which says the main clause holds either way, so nothing is left
    open. That adjunct is recognised by what precedes it (a comma, bracket or dash,
    or "regardless of" / "no matter") together with alternatives joined by "or";
    a sentence-initial "Whether ..." is taken as the question it usually is.
    """
    previous = neighbour(tokens, first, -1)
    if previous is None:
        return True
    if previous.norm in ("of", "matter"):
        head = previous if previous.norm == "matter" else neighbour(tokens, first, -2)
        if head is not None and head.norm in UNCONDITIONAL_HEADS:
            return False
    if previous.norm not in ADJUNCT_OPENERS:
        return True
    for step in range(1, WHETHER_WINDOW + 1):
        following = neighbour(tokens, first, step)
        if following is None or following.norm in ADJUNCT_OPENERS or following.norm in (".", "?", "!"):
            return True
        if following.norm == "or":
            return False
    return True
