"""Hedging: words with which a writer (or a quoted speaker) avoids asserting a claim outright.

The cue words live in ``lexicons/hedges.tsv``; this module only adds *context
logic* for words that are hedges in one use and not in another. A row's ``rule``
column names the check to apply (``may`` is the month in "in May 2025", ``about``
is an approximator only before a number, ``appeared`` is not a hedge in "appeared
on CNN"). Rows in category ``exclusion`` are fixed phrases ("could not", "military
might") that are matched only so that the hedge word inside them is not counted;
they are data so that users can extend them without touching code. The modal rules
live here; belief and evidence words with their complements are in
:mod:`framing.features.hedge_complements`, quantities and clauses (conditions, "until",
embedded questions) in :mod:`framing.features.hedge_context`; named vetoes that take a cue
back whatever its row ("asked whether", "can't believe", "a potential nominee", "critics view
it as") in :mod:`framing.features.hedge_vetoes`.

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

from ..document import POSSIBLE, Document, Span, Token
from ..grammar import (
    ARTICLES,
    BROAD_NEGATIVES,
    DEMONSTRATIVES,
    MODALS,
    NEGATIONS,
    POSSESSIVE_DETERMINERS,
    SUBJECT_PRONOUNS,
)
from ..lexicons import EXTRA_REPORTING_CUES, Entry, Lexicons
from ..rules import Rule, by_name, registry
from . import Extraction
from .hedge_complements import (
    active_as,
    doxastic,
    known_unknown,
    of_complement,
    open_question,
    passive_as,
    passive_evidential,
    potential,
    that_complement,
    view_complement,
)
from .hedge_context import (
    CONSEQUENT_CONDITIONS,
    conditional_consequent,
    conditional_if,
    followed_by_verb_slot,
    is_number,
    neighbour,
    number_follows,
    sentence_around,
    stated_bound,
    until_condition,
    whether_interrogative,
)
from .hedge_doubts import doubted_by
from .hedge_golden import CONTEXT_GOLDEN
from .hedge_vetoes import vetoed_by
from .loaded_voice import with_voices

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
# After "appear", the sense "show up somewhere" (appeared on CNN, appear in court, appeared twice on).
APPEAR_PLACE = frozenset(
    {
        "on", "in", "at", "before", "onstage", "alongside", "with", "outside", "inside", "together", "during",
        "for", "live", "briefly", "publicly", "via", "here", "there", "beside", "next", "from", "twice", "once",
        "regularly", "repeatedly", "frequently"
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
# After an inverted "should", the words that open its subject ("should he survive", "should the talks fail").
INVERTED_SUBJECTS = SUBJECT_PRONOUNS | ARTICLES | DEMONSTRATIVES | frozenset({"this", "that", "any"})
# Before an inverted "should", words that make it a question or an inverted statement, not a condition.
NOT_CONDITION_INVERSION = frozenset(
    {"what", "why", "how", "where", "when", "who", "whom", "which", "nor", "neither", "so", "nothing"}
)
# Words ending in "-est" that are not superlatives ("the interest possible" is rare, but "honest" is not).
NOT_SUPERLATIVES = frozenset({"honest", "modest", "interest", "earnest", "request", "protest", "contest", "forest"})

# Words that make a "would" clause hypothetical rather than the past of "will".
CONDITION_WORDS = frozenset({"if", "unless", "otherwise", "suppose", "supposing", "imagine", "whether"})
# Closed-class past-tense forms that show a narrative in the past before "would".
PAST_FORMS = frozenset({"was", "were", "had", "did", "became", "came", "went", "began", "took", "made", "left"})


def _as_used(tokens: Sequence[Token], first: int, end: int, category: str) -> str:
    """The word class as used here: "likely" is an adverb after a modal ("will likely win", "would most
    likely"), an adjective after a copula ("is likely to"), so a key never calls an adverb an adjective."""
    if category != "adjective" or end - first != 1 or not tokens[first].norm.endswith("ly") or first == 0:
        return category
    before = tokens[first - 1].norm
    if before in ("most", "very", "quite") and first > 1:
        before = tokens[first - 2].norm
    return "adverb" if before in MODALS else category


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    """Hedge spans (label = lexicon term, with rule and voice) and the share of sentences a counted one is in."""
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
        if vetoed_by(tokens, first, end, entry, lexicons):
            continue
        start, stop = tokens[first].start, tokens[end - 1].end
        attrs = _stamp(tokens, first, end, entry, lexicons)
        category = _as_used(tokens, first, end, category)
        spans.append(Span("hedge", start, stop, doc.text[start:stop], entry.key, category, entry["note"], attrs=attrs))
        if attrs.get("confidence") != POSSIBLE:
            hedged_sentences.add(tokens[first].sentence)
    share = len(hedged_sentences) / len(doc.sentences) if doc.sentences else 0.0
    return Extraction(values={"hedged_sentence_share": share},
                      spans=with_voices(doc, lexicons.reporting_cues, spans, denials=False))


def _stamp(tokens: Sequence[Token], first: int, end: int, entry: Entry, lexicons: Lexicons) -> dict[str, str]:
    """The span's ``rule`` (a doubt's name, else the row's context rule) and, when doubted, why it is possible."""
    doubt, reason = doubted_by(tokens, first, end, entry, lexicons)
    if doubt:
        return {"rule": doubt, "confidence": POSSIBLE, "reason": reason}
    return {"rule": entry["rule"]} if entry["rule"] else {}


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
    tokenized with a detached "n't"), ability all but denied by a broad negative
    ("could barely stay in his seat", "could hardly hear"), and a purpose or
    prior-time clause ("so that he could be held", "before he could talk"), which is
    dynamic, not epistemic.
    """
    following = neighbour(tokens, first, 1)
    if following is not None and (following.norm == "to" or following.norm in NEGATIONS | BROAD_NEGATIVES):
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
    opening, closing = sentence_around(tokens, first)
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
    if previous is not None and (previous.norm in POSSIBLE_NOT_HEDGE or _superlative(previous)):
        return False
    following = neighbour(tokens, end - 1, 1)
    return following is None or following.norm not in POSSIBLE_DYNAMIC


def _superlative(token: Token) -> bool:
    """"severest", "greatest": a superlative before "possible" makes it an extreme ("the severest possible")."""
    return len(token.norm) > 5 and token.norm.endswith("est") and token.norm not in NOT_SUPERLATIVES


def inverted_condition(tokens: Sequence[Token], first: int, end: int, lexicons: Lexicons) -> bool:
    """"should he survive", "should the talks fail": "should" before its subject inside a sentence is "if".

    Only the inverted form counts: elsewhere "should" is an obligation or advice, which
    the lexicon leaves out. At the start of a sentence or after a question word ("what
    should we do") the same order is a question, and after "nor" / "neither" / "so" it
    is an inverted statement ("nor should we forget").
    """
    previous = neighbour(tokens, first, -1)
    subject = neighbour(tokens, end - 1, 1)
    verb = neighbour(tokens, end - 1, 2)
    return (previous is not None and previous.norm not in NOT_CONDITION_INVERSION
            and subject is not None and subject.norm in INVERTED_SUBJECTS
            and verb is not None and verb.is_word and verb.norm not in NEGATIONS)


# Context rules, by the name a hedges.tsv row gives in its ``rule`` column: ``run(tokens, first, end,
# lexicons) -> bool``, whether the match may count. An empty or unknown name means the term always counts.
# Each owns golden rows (:data:`~.hedge_golden.CONTEXT_GOLDEN`).
CONTEXT_RULES: tuple[Rule, ...] = registry("hedging", "context", CONTEXT_GOLDEN, (
    ("number_follows", number_follows),
    ("modal_may", modal_may),
    ("modal_might", modal_might),
    ("modal_could", modal_could),
    ("modal_would", modal_would),
    ("appear", appear),
    ("possible", possible),
    ("doxastic", doxastic),
    ("of_complement", of_complement),
    ("passive_evidential", passive_evidential),
    ("passive_as", passive_as),
    ("conditional_if", conditional_if),
    ("whether_interrogative", whether_interrogative),
    ("conditional_consequent", conditional_consequent),
    ("until_condition", until_condition),
    ("that_complement", that_complement),
    ("potential", potential),
    ("active_as", active_as),
    ("known_unknown", known_unknown),
    ("view_complement", view_complement),
    ("open_question", open_question),
    ("inverted_condition", inverted_condition),
    ("stated_bound", stated_bound),
))
RULES: Mapping[str, Callable[..., bool]] = by_name(CONTEXT_RULES)
