"""Hedging: words with which a writer (or a quoted speaker) avoids asserting a claim outright.

The cue words live in ``lexicons/hedges.tsv``; this module only adds *context
logic* for words that are hedges in one use and not in another. A row's ``rule``
column names the check to apply (``may`` is the month in "in May 2025", ``about``
is an approximator only before a number, ``appeared`` is not a hedge in "appeared
on CNN"). Rows in category ``exclusion`` are fixed phrases ("could not", "military
might") that are matched only so that the hedge word inside them is not counted;
they are data so that users can extend them without touching code.

Belief verbs ("believe", "think", "consider", "expect") count whenever they take a
propositional complement, whoever the believer is: "officials believe the talks
failed" presents the failure as a belief, not a fact (the Szeged/BioScope
"doxastic" cue). Naming the believer is attribution on top, not a reason to drop
the hedge. "would" after a past-tense narrative with no condition is the past of
"will" (sequence of tenses), not speculation; "possible to / for" is feasibility.

Negation does not cancel a hedge: "not likely" still grades the claim's
likelihood instead of asserting it. Rates per 1,000 words are computed centrally
in :mod:`framing.features` from the spans returned here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from ..document import Document, Span, Token
from ..lexicons import EXTRA_REPORTING_CUES, Lexicons
from . import Extraction

EXCLUSION = "exclusion"

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
# Words before a capitalized "May" that make it the month ("in May", "since May", "last May").
MONTH_CONTEXT = frozenset(
    {
        "in", "on", "since", "until", "till", "by", "through", "during", "from", "last", "next", "early", "late",
        "mid", "this", "of", "before", "after"
    }
)
# Determiners before "might" that make it the noun ("the might of", "all his might").
NOUN_MIGHT_CONTEXT = frozenset(
    {
        "the", "his", "her", "its", "their", "our", "my", "your", "all", "full", "sheer"
    }
)
# After "would", volition, past habit, narrated future ("would later become") or the counterfactual
# "would have" (the writer knows it did not happen) rather than speculation.
WOULD_NOT_SPECULATIVE = frozenset(
    {
        "like", "love", "rather", "prefer", "hate", "often", "usually", "always", "regularly", "sometimes", "later",
        "eventually", "subsequently", "ultimately", "soon", "go",
        "frequently", "never", "become", "have", "'ve"
    }
)
# After "appear", the sense "show up somewhere" (appeared on CNN, appear in court).
APPEAR_PLACE = frozenset(
    {
        "on", "in", "at", "before", "onstage", "alongside", "with", "outside", "inside", "together", "during",
        "for", "live", "briefly", "publicly", "via", "here", "there", "beside", "next", "from"
    }
)
# Before "possible", fixed expressions that do not grade likelihood (as soon as possible, if possible).
POSSIBLE_NOT_HEDGE = frozenset(
    {
        "as", "if", "where", "wherever", "whenever", "when", "best", "worst", "everything", "highest", "lowest",
        "earliest", "fastest", "made", "make", "makes", "making", "all", "every", "maximum", "minimum"
    }
)
# After "possible", words that make it dynamic possibility (feasibility: "it is possible to see the
# coast", "possible for voters to register") rather than epistemic possibility ("it is possible that").
POSSIBLE_DYNAMIC = frozenset({"to", "for"})

# Finite forms of "be" that make an agentless passive ("is believed"); a bare "be" after a
# modal ("should be considered") is left out because it is usually an instruction.
FINITE_BE = frozenset({"is", "are", "was", "were", "been", "being", "'s"})
# Adverbs allowed between "be" and the participle ("is widely believed").
PASSIVE_ADVERBS = frozenset({"also", "still", "now", "long", "often", "widely", "generally", "commonly", "not"})

# Words that make a "would" clause hypothetical rather than the past of "will".
CONDITION_WORDS = frozenset({"if", "unless", "otherwise", "suppose", "supposing", "imagine", "whether"})
# Closed-class past-tense forms that show a narrative in the past before "would".
PAST_FORMS = frozenset({"was", "were", "had", "did", "became", "came", "went", "began", "took", "made", "left"})

# After a belief verb, words that show it is not taking a proposition as complement: "believe in
# God", "thought of", "think about", "considered for the role", "thought through".
DOXASTIC_NOT_COMPLEMENT = frozenset(
    {"in", "of", "about", "over", "for", "through", "up", "out", "back", "twice", "hard", "and", "or", "but"}
)
# Base forms that open a sentence as imperatives ("Consider the case of"), not as belief reports.
IMPERATIVE_FORMS = frozenset({"consider", "think", "believe", "expect"})
# Before "thought", words that make it the noun ("a thought", "his thoughts", "second thought").
NOUN_THOUGHT_CONTEXT = frozenset(
    {"a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "no", "any", "second", "much",
     "some", "of", "political", "economic", "religious", "school"}
)

# How far after "regarded"/"seen"/"viewed" the "as" of the complement may come ("regarded by most historians
# as"), and after "accused" the "of" of the charge ("accused the ministry of").
AS_WINDOW = 5

Rule = Callable[[Sequence[Token], int, int, Lexicons], bool]


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    """Hedge spans (label = lexicon term) and the share of sentences that hold one."""
    tokens = doc.tokens
    spans: list[Span] = []
    hedged_sentences: set[int] = set()
    for first, end, entry in lexicons.matcher("hedges").match(doc.token_columns().norms):
        category = entry["category"]
        if category == EXCLUSION:
            continue
        rule = RULES.get(entry["rule"])
        if rule is not None and not rule(tokens, first, end, lexicons):
            continue
        start, stop = tokens[first].start, tokens[end - 1].end
        spans.append(Span("hedge", start, stop, doc.text[start:stop], entry.key, category, entry["note"]))
        hedged_sentences.add(tokens[first].sentence)
    share = len(hedged_sentences) / len(doc.sentences) if doc.sentences else 0.0
    return Extraction(values={"hedged_sentence_share": share}, spans=spans)


def _neighbour(tokens: Sequence[Token], index: int, step: int) -> Token | None:
    """The token ``step`` positions away, if it is in the same sentence."""
    other = index + step
    if 0 <= other < len(tokens) and tokens[other].sentence == tokens[index].sentence:
        return tokens[other]
    return None


def _is_number(token: Token | None) -> bool:
    if token is None:
        return False
    if token.text[0].isdigit() or (token.text[0] == "$" and len(token.text) > 1):
        return True
    return token.norm.split("-")[0] in NUMBER_WORDS


def _followed_by_verb_slot(tokens: Sequence[Token], first: int, end: int) -> bool:
    """A modal hedges only when something follows it in the sentence ("could." is ability)."""
    following = _neighbour(tokens, end - 1, 1)
    return following is not None and following.is_word


def number_follows(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Approximators count only before a quantity: "about 80", "some 15,000", "about a dozen"."""
    following = _neighbour(tokens, end - 1, 1)
    if _is_number(following):
        return True
    if following is not None and following.norm in ("a", "an"):
        after = _neighbour(tokens, end, 1)
        return after is not None and after.norm in UNIT_WORDS
    return False


def modal_may(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Not the month ("May 5", "in May") nor a surname ("Theresa May said")."""
    token = tokens[first]
    following = _neighbour(tokens, first, 1)
    if token.text == "May":
        previous = _neighbour(tokens, first, -1)
        if _is_number(following):
            return False
        if previous is not None and previous.norm in MONTH_CONTEXT:
            return False
        following_capital = following is not None and following.text[:1].isupper()
        if previous is not None and previous.is_word and previous.text[:1].isupper() and not following_capital:
            return False
    return _followed_by_verb_slot(tokens, first, end)


def modal_might(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Not the noun: "the might of", "with all his might", "might." ("military might" is an exclusion row)."""
    previous = _neighbour(tokens, first, -1)
    following = _neighbour(tokens, first, 1)
    if previous is not None and previous.norm in NOUN_MIGHT_CONTEXT:
        return False
    if following is not None and following.norm == "of":
        return False
    return _followed_by_verb_slot(tokens, first, end)


def modal_could(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Not ability with nothing after it: "everything he could to stop", "as fast as they could."."""
    following = _neighbour(tokens, first, 1)
    if following is not None and following.norm == "to":
        return False
    return _followed_by_verb_slot(tokens, first, end)


def modal_would(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Speculative "would" ("would mark a historic first"), not volition, habit or reported future.

    After a reporting verb in the same sentence ("officials said the strikes would
    continue") "would" is the future seen from the past, the source's plan rather
    than the writer's speculation, so it is not counted.
    """
    following = _neighbour(tokens, first, 1)
    if following is not None and following.norm in WOULD_NOT_SPECULATIVE:
        return False
    if not _followed_by_verb_slot(tokens, first, end):
        return False
    sentence = tokens[first].sentence
    opening = first
    while opening > 0 and tokens[opening - 1].sentence == sentence:
        opening -= 1
    before = [token.norm for token in tokens[opening:first]]
    if any(norm in EXTRA_REPORTING_CUES for norm in before):
        return False
    if _backshifted(tokens, opening, first):
        return False
    # The reporting-verb matcher, not single cue words, so "in a statement" needs all three words.
    return next(lexicons.matcher("reporting_verbs").match(before), None) is None


def _backshifted(tokens: Sequence[Token], opening: int, index: int) -> bool:
    """A past-tense verb before "would" and no condition in the sentence: "would" is the past of "will".

    By the sequence of tenses, "When the palace was finished, the king would stay
    there" narrates a later event in a past story; only a condition ("if", "unless")
    makes it hypothetical. Past tense is read off closed-class forms ("was", "had")
    only: a regular "-ed" form is too often a participle ("the proposed bill would
    cut taxes", a hypothetical about a proposal).
    """
    sentence = tokens[index].sentence
    position = index + 1
    while position < len(tokens) and tokens[position].sentence == sentence:
        if tokens[position].norm in CONDITION_WORDS:
            return False
        position += 1
    past = False
    for token in tokens[opening:index]:
        if token.norm in CONDITION_WORDS:
            return False
        if token.norm in PAST_FORMS:
            past = True
    return past


def appear(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """ "appear to / that / open" hedges; "appeared on CNN / in court / as a witness" does not."""
    following = _neighbour(tokens, first, 1)
    if following is None or not following.is_word:
        return False
    if following.norm == "as":
        after = _neighbour(tokens, first, 2)
        return after is not None and after.norm in ("if", "though")
    return following.norm not in APPEAR_PLACE


def possible(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Epistemic "possible" ("it is possible that", "a possible motive"), not fixed phrases or feasibility.

    Not "as soon as possible", "if possible", "made possible", "the best / all possible",
    and not dynamic possibility ("it is possible to travel", "possible for X to"), which
    says what can be done, not how likely a claim is.
    """
    previous = _neighbour(tokens, first, -1)
    if previous is not None and previous.norm in POSSIBLE_NOT_HEDGE:
        return False
    following = _neighbour(tokens, end - 1, 1)
    return following is None or following.norm not in POSSIBLE_DYNAMIC


def doxastic(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """A belief verb with a propositional complement: "many believe that", "is considered a threat".

    Whoever holds the belief, "X believes that p" presents p as a belief rather
    than a fact, so the proposition is uncertain (the Szeged / BioScope
    "doxastic" cue); naming the believer adds attribution but does not make p
    certain. Not counted: no complement ("believe in God", "thought of", "considered
    for the post", "as they thought."), deliberation about an action ("considered
    calling"), a sentence-initial imperative ("Consider a vector"), the noun ("a
    thought", "second thought") and an instruction after a bare "be" ("should be
    considered closed").
    """
    following = _neighbour(tokens, end - 1, 1)
    if following is None or not following.is_word or following.norm in DOXASTIC_NOT_COMPLEMENT:
        return False
    if len(following.norm) > 4 and following.norm.endswith("ing"):
        return False
    previous = _neighbour(tokens, first, -1)
    if previous is None:
        return tokens[first].norm not in IMPERATIVE_FORMS
    if previous.norm == "be":
        return False
    return not (tokens[first].norm == "thought" and previous.norm in NOUN_THOUGHT_CONTEXT)


def of_complement(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """An accusation verb with its charge: "accused the ministry of fraud", "accusing him of lying".

    The charge is presented as someone's accusation, not as established fact. The
    "of" may follow a short object phrase, so it is looked for within a few tokens;
    without it ("the accused", "accused and convicted") nothing is hedged.
    """
    for step in range(1, AS_WINDOW + 1):
        following = _neighbour(tokens, end - 1, step)
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
    Verbs whose rule is ``passive_as`` (seen, viewed, regarded) also need "as" after them.
    """
    previous = _neighbour(tokens, first, -1)
    if previous is not None and (previous.norm in PASSIVE_ADVERBS or previous.norm.endswith("ly")):
        previous = _neighbour(tokens, first, -2)
    if previous is None or previous.norm not in FINITE_BE:
        return False
    following = _neighbour(tokens, end - 1, 1)
    return following is not None and following.is_word


def passive_as(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"is seen as", "are widely regarded (by many) as": the passive rule plus an "as" complement.

    The "as" may follow a short agent phrase ("regarded by historians as"), so it is
    looked for within the next few tokens of the same sentence.
    """
    if not passive_evidential(tokens, first, end, lexicons):
        return False
    for step in range(1, AS_WINDOW + 1):
        following = _neighbour(tokens, end - 1, step)
        if following is None or not following.is_word:
            return False
        if following.norm == "as":
            return step == 1 or _neighbour(tokens, end - 1, 1).norm == "by"
    return False


# Context rules by the name used in the lexicon's ``rule`` column. An empty or
# unknown name means the term always counts.
RULES: Mapping[str, Rule] = MappingProxyType(
    {
        "number_follows": number_follows,
        "modal_may": modal_may,
        "modal_might": modal_might,
        "modal_could": modal_could,
        "modal_would": modal_would,
        "appear": appear,
        "possible": possible,
        "doxastic": doxastic,
        "of_complement": of_complement,
        "passive_evidential": passive_evidential,
        "passive_as": passive_as,
    }
)
