"""Cue rules: whether a reporting-lexicon match is a cue at all, before and after its source is read.

Gates (:data:`CUE_GATES`) run before any source rule and turn a match down on its own
words: a capitalized cue inside a name ("the United States"), a verb of aim with no aim
("seek re-election"). :data:`SOURCELESS_REPORT` accepts a cue for which no source could be
read when its form can only be a report; :data:`CUE_CHECKS` run last, with the source read.
"""

from __future__ import annotations

from collections.abc import Sequence

from .clauses import (
    INFERENCE_LEMMAS,
    introduces_content,
    relative_that,
    skip_auxiliaries_back,
    tags_quote,
    verb_only_form,
)
from .golden import CUE_GOLDEN
from .model import Attribution, Cue, Rule, Unit, registry
from .names import PUNCT_OPENERS
from .noun_rules import noun_opening
from .phrases import DETERMINERS, NOT_HEADS, TIME_WORDS, Context

# Verbs whose agentless passive is itself a report with its source held back ("is expected to",
# "is said to", "was asked about", "was accused of"); the passive of other verbs is more often an
# act or a state ("had been declared", "have been attacked", "should be considered closed").
_PASSIVE_REPORTS = frozenset(["say", "tell", "ask", "expect", "announce", "report", "accuse", "allege", "criticize"])
# Verbs of aim: listed for the aim they attribute ("seeks to end the war", "plans to run",
# "pledged to resign", "threatened to sue"); with a noun object they name an act instead
# ("seek re-election", "planned attacks", "pledged $5 million", "threatened reporters"). On
# PolNeAR (train+dev) the noun-object uses were annotated cues 55 times in 196.
_AIM_LEMMAS = frozenset(["seek", "plan", "pledge", "threaten"])
# Verbs of semblance: what a document seems or appears to be is the writer's description, not its finding.
_SEMBLANCE_LEMMAS = frozenset(["seem", "appear"])
# Words that may stand between a verb of aim and its "to" ("sought on Wednesday to ease").
_AIM_GAP_WORDS = TIME_WORDS | frozenset(["on", "last", "this", "again", "also", "now", "repeatedly", "instead"])


def capitalized_in_name(context: Context, cue: Cue, unit: Unit | None) -> bool:
    """A cue word capitalized mid-sentence is part of a name ("the United States").

    Headlines capitalize every word ("Lindsey Graham Says"); only say and tell are safe there.
    """
    token = context.tokens[cue.first]
    if not token.text[0].isupper():
        return True
    at_start = context.sentence_first.get(token.sentence) == cue.first
    previous = context.tokens[cue.first - 1].text if cue.first > 0 else ""
    return at_start or previous in PUNCT_OPENERS or cue.lemma in ("say", "tell")


def aim_needs_infinitive(context: Context, cue: Cue, unit: Unit | None) -> bool:
    """A verb of aim attributes an aim only with its to-infinitive: "seeks to end", not "seek re-election".

    Steps over a short time phrase or adverb ("sought on Wednesday to ease"); "to" must then
    come before a verb, not a noun phrase ("seek re-election to the Senate").
    """
    if cue.lemma not in _AIM_LEMMAS:
        return True
    norms, tokens = context.norms, context.tokens
    index = cue.end
    while index < len(tokens) and index - cue.end < 3 and tokens[index].sentence == cue.sentence and (
        norms[index] in _AIM_GAP_WORDS or (norms[index].endswith("ly") and tokens[index].text.islower())
    ):
        index += 1
    if index + 1 >= len(tokens) or norms[index] != "to" or tokens[index + 1].sentence != cue.sentence:
        return False
    verb = tokens[index + 1]
    return verb.is_word and verb.text.islower() and verb.norm not in DETERMINERS and verb.norm not in NOT_HEADS


def sourceless_report(context: Context, cue: Cue, unit: Unit | None) -> bool:
    """Forms that report even when no source phrase is read for them.

    Requiring a source keeps nouns and the writer's inferences out, but some forms can
    only be reports: "according to" (the source may be left unsaid); any verb form of
    *say* ("Ford itself said", "most of them said": a subject our rules do not read); the
    agentless passive of a verb in ``_PASSIVE_REPORTS`` ("is widely expected to", "was
    asked about"), which hides the source on purpose; a progressive ("are asking"); a
    participle after a comma ("…, calling it a disgrace"), which continues the clause's
    report; a statement noun with its that-clause ("the claim that", "a recommendation
    that"), whose speaker may be left unsaid; a verb form in a quote's tag ("“…,” tweeted the Brooklyn chapter
    of …"), whose inverted subject our rules could not read; and a past form right after a capitalized word
    ("Comey indicated", "Republicans Finally Confirmed"), whose subject is a name our rules do not know.
    """
    entry, lemma = cue.entry, cue.lemma
    if lemma == "according to":
        return True
    if cue.following == "that" and noun_opening(context, cue) is not None:
        # "the claim that …", "a recommendation that …": a statement noun with its content, not a
        # relative "that" + verb ("the rural states that make up")
        return not relative_that(context, cue.end - 1, cue.sentence)
    if lemma.startswith("be "):
        return False  # a stance adjective ("sure that") is someone's only with a subject: "make sure that"
    tokens, norms = context.tokens, context.norms
    form, sentence = cue.form, cue.sentence
    index, skipped_be = skip_auxiliaries_back(tokens, norms, cue.first, sentence)
    before = norms[index] if index >= 0 and tokens[index].sentence == sentence else ""
    if lemma == "say":
        return form != "say" or before not in DETERMINERS
    if not verb_only_form(entry, form):
        return False
    if not skipped_be and tags_quote(context, cue.first):
        return True  # "“…,” tweeted the Brooklyn chapter of …": a quote's tag, whoever its source is
    if skipped_be:
        return lemma in _PASSIVE_REPORTS or form.endswith("ing")
    if form.endswith("ing"):
        return before == "," and lemma not in INFERENCE_LEMMAS  # "…, indicating": the writer's inference
    # A past form after a capitalized word: an unlisted name or a headline's subject ("Comey indicated").
    previous = tokens[index] if before else None
    return previous is not None and previous.is_word and previous.text[0].isupper() and before not in NOT_HEADS


def as_source_put_it(context: Context, cue: Cue, unit: Unit | None, found: Sequence[Attribution] = ()) -> bool:
    """"As one voter put it, …", "…, as Trump put it.": "put it" reports only as a tag after "as".

    Elsewhere it is a literal act or an idiom ("he put it on the table", "put it to a vote").
    """
    if cue.lemma != "put it":
        return True
    tokens, end = context.tokens, cue.end
    if unit is None or unit.first == 0 or context.norms[unit.first - 1] != "as":
        return False
    return end >= len(tokens) or not tokens[end].is_word or tokens[end].sentence != tokens[end - 1].sentence


# The name of the check below, read by the pipeline: its rejected cues still lend their subject to a participle.
PREDICATE_CHECK = "predicate_needs_content"


def predicate_needs_content(
    context: Context, cue: Cue, unit: Unit | None, found: Sequence[Attribution] = ()
) -> bool:
    """A verb of stance or perception ("endorsed", "appeared", "found", "underscored") is a cue only when it
    introduces a claim: a that-clause, a quote, a colon, a question, an "as" complement or "to" + verb.

    Which verbs need content is data (``needs_content`` in ``lexicons/reporting_verbs.tsv``).
    Otherwise they are ordinary predicates of an actor ("endorsed Hillary Clinton", "appeared
    twice on the show", "seemed focused"). A document's finding counts with any object ("the
    poll found wide support"): what a study finds is its claim; a document that seems or
    appears is described, not reporting ("the speech seemed designed to …").
    """
    if cue.entry["needs_content"] != "yes" or (
        unit is not None and unit.kind == "document" and cue.lemma not in _SEMBLANCE_LEMMAS
    ):
        return True
    return introduces_content(context, cue.end - 1, cue.sentence) != "none"


def inside_reported_clause(
    context: Context, cue: Cue, unit: Unit | None, found: Sequence[Attribution] = ()
) -> bool:
    """A verb inside what an earlier cue of its sentence reports, said of the same speaker, is no second
    attribution: "insisted that he wanted", "said she believed" report one stance, not two.

    Only a cue whose subject is a lone pronoun or none is folded in ("he wanted"): a newly named source
    inside the clause ("said the governor had claimed", "the jobs he and Romney say …") is a second
    attribution.
    """
    if unit is not None and not (unit.label.startswith("pronoun") and unit.first == unit.last):
        return True  # a name, or a pronoun joined with one ("he and Romney say"): a new source
    start = context.tokens[cue.first].start
    return not any(
        earlier.sentence == cue.sentence and earlier.content is not None and earlier.end <= start
        and earlier.rule != PREDICATE_CHECK  # a predicate ("endorsed Clinton") reports no clause
        and earlier.content[0] <= start < earlier.content[1]
        for earlier in found
    )


# Gates, in order: the first that does not accept turns the match down before a source is read.
CUE_GATES: tuple[Rule, ...] = registry(
    "attribution", "gate", CUE_GOLDEN,
    (("capitalized_in_name", capitalized_in_name), ("aim_needs_infinitive", aim_needs_infinitive)),
)
# For a cue the source rules found no source for: accepted if its form can only be a report.
(SOURCELESS_REPORT,) = registry("attribution", "fallback", CUE_GOLDEN, (("sourceless_report", sourceless_report),))
# Checks with the source read, in order.
CUE_CHECKS: tuple[Rule, ...] = registry("attribution", "check", CUE_GOLDEN, (
    ("as_source_put_it", as_source_put_it),
    (PREDICATE_CHECK, predicate_needs_content),
    ("inside_reported_clause", inside_reported_clause),
))
