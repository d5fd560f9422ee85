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

Besides epistemic cues, two kinds of cue present a proposition as not asserted,
following the Szeged Uncertainty Corpus guidelines (Szarvas et al. 2012):
*conditional* ("if", "unless", an "until" clause on an unrealised event, and the
future "will" in the main clause of a conditional) and *investigation* (an
embedded question: "unclear whether"). Their categories say so, so that users and
the evaluation can tell them from the writer's doubt; the minimizer "if any", "as
if", "if and only if" and the unconditional "..., whether A or B," are not counted.
Approximators ("about 80") keep their own category: vagueness about a quantity,
which framing counts and Szeged does not annotate.

Negation does not cancel a hedge: "not likely" still grades the claim's
likelihood instead of asserting it. Rates per 1,000 words are computed centrally
in :mod:`framing.features` from the spans returned here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from ..document import Document, Span, Token
from ..grammar import (
    ARTICLES,
    BE_FORMS,
    NEGATIONS,
    OPENING_QUOTE_MARKS,
    POSSESSIVE_DETERMINERS,
)
from ..lexicons import EXTRA_REPORTING_CUES, Lexicons
from . import Extraction
from .hedge_context import (
    CONSEQUENT_CONDITIONS,
    conditional_consequent,
    conditional_if,
    followed_by_verb_slot,
    is_number,
    neighbour,
    number_follows,
    sentence_bounds,
    stated_bound,
    until_condition,
    whether_interrogative,
)

EXCLUSION = "exclusion"

# Words before a capitalized "May" that make it the month ("in May", "since May", "last May").
MONTH_CONTEXT = frozenset(
    {
        "in", "on", "since", "until", "till", "by", "through", "during", "from", "last", "next", "early", "late",
        "mid", "this", "of", "before", "after"
    }
)
# Determiners before "might" that make it the noun ("the might of", "all his might").
NOUN_MIGHT_CONTEXT = POSSESSIVE_DETERMINERS | frozenset({"the", "all", "full", "sheer"})
# After "would", volition, past habit, narrated future ("would later become") or the counterfactual
# "would have" (the writer knows it did not happen) rather than speculation.
WOULD_NOT_SPECULATIVE = frozenset(
    {
        "like", "love", "rather", "prefer", "hate", "often", "usually", "always", "regularly", "sometimes", "later",
        "eventually", "subsequently", "ultimately", "soon", "go",
        "frequently", "never", "become", "have", "'ve"
    }
)
# "so that" / "in order that" before "could" make a purpose clause; how many words the clause's
# subject may take between them ("so that the stranded travellers could").
PURPOSE_OPENERS = frozenset({"so", "order"})
PURPOSE_WINDOW = 4
# After "would", wanting rather than speculating ("would like to", "would rather"), even in a conditional.
WOULD_VOLITION = frozenset({"like", "love", "rather", "prefer", "hate"})
# Adverbs that may stand between "would" and a verb of volition ("would also like", "would very much
# like", "would much rather"); -ly adverbs ("would dearly love") are stepped over as well.
WOULD_VOLITION_ADVERBS = frozenset({"also", "really", "just", "still", "much", "very", "certainly", "too", "first"})
# After "would not", acts whose refusal is reported ("would not comment"): volition, not speculation.
REFUSED_ACTS = frozenset(
    {"say", "comment", "elaborate", "identify", "disclose", "discuss", "confirm", "specify", "reveal", "name",
     "speculate", "answer", "respond"}
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

# After "potential", people named by what they may become ("potential buyers", "potential voters"):
# a market or an electorate, not a doubt about an event ("potential fallout", "potential charges").
POTENTIAL_PEOPLE = frozenset(
    {
        "customer", "customers", "buyer", "buyers", "bidder", "bidders", "purchaser", "purchasers", "investor",
        "investors", "client", "clients", "candidate", "candidates", "voter", "voters", "recruit", "recruits",
        "suitor", "suitors", "partner", "partners", "donor", "donors", "user", "users", "employer", "employers",
        "applicant", "applicants", "subscriber", "subscribers", "acquirer", "acquirers", "member", "members",
        "student", "students", "player", "players", "mate", "mates", "audience", "audiences", "jurors", "juror"
    }
)
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

# Words that make a "would" clause hypothetical rather than the past of "will".
CONDITION_WORDS = frozenset({"if", "unless", "otherwise", "suppose", "supposing", "imagine", "whether"})
# Closed-class past-tense forms that show a narrative in the past before "would".
PAST_FORMS = frozenset({"was", "were", "had", "did", "became", "came", "went", "began", "took", "made", "left"})

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


def modal_may(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Not the month ("May 5", "in May") nor a surname ("Theresa May said")."""
    token = tokens[first]
    following = neighbour(tokens, first, 1)
    if token.text == "May":
        previous = neighbour(tokens, first, -1)
        if is_number(following):
            return False
        if previous is not None and previous.norm in MONTH_CONTEXT:
            return False
        following_capital = following is not None and following.text[:1].isupper()
        if previous is not None and previous.is_word and previous.text[:1].isupper() and not following_capital:
            return False
    return followed_by_verb_slot(tokens, first, end)


def modal_might(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Not the noun: "the might of", "with all his might", "might." ("military might" is an exclusion row)."""
    previous = neighbour(tokens, first, -1)
    following = neighbour(tokens, first, 1)
    if previous is not None and previous.norm in NOUN_MIGHT_CONTEXT:
        return False
    if following is not None and following.norm == "of":
        return False
    return followed_by_verb_slot(tokens, first, end)


def modal_could(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Possibility ("talks could collapse"), not ability or purpose.

    Not counted: ability with nothing after it ("everything he could to stop", "as
    fast as they could."), negated ability ("could not / could n't be reached"; the
    lexicon's "could not" row covers the usual spelling, the rule also covers text
    tokenized with a detached "n't"), and a purpose or prior-time clause ("so that
    he could be held", "before he could talk"), which is dynamic, not epistemic.
    """
    following = neighbour(tokens, first, 1)
    if following is not None and (following.norm == "to" or following.norm in NEGATIONS):
        return False
    for step in range(1, PURPOSE_WINDOW + 1):
        previous = neighbour(tokens, first, -step)
        if previous is None or not previous.is_word:
            break
        if previous.norm == "before":
            return False
        if previous.norm == "that":
            opener = neighbour(tokens, first, -step - 1)
            if opener is not None and opener.norm in PURPOSE_OPENERS:
                return False
    return followed_by_verb_slot(tokens, first, end)


def modal_would(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Speculative "would" ("would mark a historic first"), not volition, habit or reported future.

    After a reporting verb in the same sentence ("officials said the strikes would
    continue") "would" is the future seen from the past, the source's plan rather
    than the writer's speculation, so it is not counted. In a conditional sentence
    ("if the bid fails, he said, they would sell"; "I would have chosen them if")
    it is the hypothetical consequent whoever reports it, so it counts, even as the
    counterfactual "would have". A refusal ("would not comment") is volition.
    """
    following = neighbour(tokens, first, 1)
    if not followed_by_verb_slot(tokens, first, end) or _volition_after(tokens, first):
        return False
    if following.norm in NEGATIONS:
        verb = neighbour(tokens, first, 2)
        if verb is not None and verb.norm in REFUSED_ACTS:
            return False
    opening, closing = sentence_bounds(tokens, first)
    if any(token.norm in CONSEQUENT_CONDITIONS for token in tokens[opening:closing]):
        return True
    if following.norm in WOULD_NOT_SPECULATIVE:
        return False
    before = [token.norm for token in tokens[opening:first]]
    if any(norm in EXTRA_REPORTING_CUES for norm in before):
        return False
    if _backshifted(tokens, opening, first):
        return False
    # The reporting-verb matcher, not single cue words, so "in a statement" needs all three words.
    return next(lexicons.matcher("reporting_verbs").match(before), None) is None


def _volition_after(tokens: Sequence[Token], would: int) -> bool:
    """Whether a verb of volition follows "would", past a few adverbs: "I would also like to thank".

    Wanting is not speculating, however the wish is softened or stressed.
    """
    for step in range(1, 4):
        token = neighbour(tokens, would, step)
        if token is None or token.norm in WOULD_VOLITION:
            return token is not None
        if token.norm not in WOULD_VOLITION_ADVERBS and not (token.norm.endswith("ly") and token.text.islower()):
            return False
    return False


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
    following = neighbour(tokens, first, 1)
    if following is None or not following.is_word:
        return False
    if following.norm == "as":
        after = neighbour(tokens, first, 2)
        return after is not None and after.norm in ("if", "though")
    return following.norm not in APPEAR_PLACE


def possible(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """Epistemic "possible" ("it is possible that", "a possible motive"), not fixed phrases or feasibility.

    Not "as soon as possible", "if possible", "made possible", "the best / all possible",
    and not dynamic possibility ("it is possible to travel", "possible for X to"), which
    says what can be done, not how likely a claim is.
    """
    previous = neighbour(tokens, first, -1)
    if previous is not None and previous.norm in POSSIBLE_NOT_HEDGE:
        return False
    following = neighbour(tokens, end - 1, 1)
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

    Not counted: people named by what they may become ("potential buyers", "potential
    voters"), which is who they are (a market), not a doubt about an event; and the noun
    of capacity ("its full potential", "has the potential to cause"), which like
    "possible to" says what can be done, not how likely a claim is.
    """
    following = neighbour(tokens, end - 1, 1)
    if following is not None and following.norm in POTENTIAL_PEOPLE | {"to"}:
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
        "conditional_if": conditional_if,
        "whether_interrogative": whether_interrogative,
        "conditional_consequent": conditional_consequent,
        "until_condition": until_condition,
        "that_complement": that_complement,
        "potential": potential,
        "active_as": active_as,
        "known_unknown": known_unknown,
        "view_complement": view_complement,
        "open_question": open_question,
        "stated_bound": stated_bound,
    }
)
