"""The learned attribution-cue scorer: which candidate cues count, decided by a transparent linear model.

The rules accept a cue only when they can read its source, which keeps precision but
misses the many predicates PolNeAR-style annotation counts ("has banned", "is open to").
With a scorer in the lexicons (``lexicons/attribution_scorer.json``, trained by
``scripts/train_attribution_scorer.py``), every candidate from :mod:`.candidates` is scored
over its named features and kept when it reaches the model's threshold:

* a cue the rules accepted keeps its source, conduits and content;
* any other kept cue (a lexicon cue the rules turned down, or a generated one) is an
  attribution with no source: a subject the generator read is a guess, and a wrong
  ``source`` span would feed the comparison's voices, so none is made;
* every kept attribution carries ``score`` and ``why`` (the features that moved it);
* a cue a doubt rule marked possible (:mod:`.doubt_rules`) keeps that mark and reason;
* a kept cue no rule accepted is marked ``confidence: possible`` with its ``reason``: shown
  as evidence, not counted in the rates ("Right, or silent"). On the hand gold of three
  BASIL events such cues were right 5 times in 33; they are mostly predicates PolNeAR
  counts as attribution ("has banned", "weighed a bid") and a reader may not.

Quotes and their speakers keep reading the rules' attributions (:func:`~.find_sources`),
so quote speakers do not depend on the scorer.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...document import POSSIBLE
from ...lexicons import Entry, Lexicons
from ...linear_model import LinearScorer
from .candidates import Proposal, proposals
from .model import Attribution, CueCandidate
from .phrases import Context

_WHERE = "framing/features/attribution/candidates.py"
# Entries of cues no lexicon row lists, by generator: the span's label and note.
GENERATED_NOTES = {
    "subject_verb": "a predicate of a person or organisation ('has banned', 'is open to'), kept by the learned scorer",
    "coordinated_verb": "a second verb of a speaker ('said … and noted'), kept by the learned scorer",
    "possessive_noun": "a statement or stance noun of an actor ('his call for'), kept by the learned scorer",
    "speaker_colon": "a name then a colon ('PENCE: Well, …'): the colon stands for 'said', kept by the learned scorer",
}


def generated_entry(generator: str, term: str) -> Entry:
    """A lexicon-like entry for a cue no lexicon lists: neutral stance, the cue's words as its lemma."""
    fields = {"term": generator, "lemma": term.lower(), "stance": "neutral", "signals_speech": "no",
              "source": "framing attribution scorer", "note": GENERATED_NOTES[generator]}
    return Entry(generator.replace("_", " "), fields, _WHERE, 0)


def scored_attributions(
    context: Context, lexicons: Lexicons, scorer: LinearScorer, candidates: Sequence[CueCandidate],
    found: Sequence[Attribution],
) -> list[Attribution]:
    """The candidates the scorer keeps, as attributions in text order, each with its score and why."""
    kept = []
    for proposal in proposals(context, lexicons, candidates, found):
        probability = scorer.probability_of_names(proposal.common, proposal.more)
        if probability < scorer.threshold:
            continue
        why = scorer.explain_names(proposal.common, proposal.more)
        kept.append(_attribution(context, proposal, round(probability, 3), why))
    return kept


def _attribution(context: Context, proposal: Proposal, score: float, why: str) -> Attribution:
    if proposal.attribution is not None:
        return proposal.attribution.scored(score, why)
    from . import content_of  # the pipeline module reads content; imported late, it imports this one

    tokens = context.tokens
    start, end = tokens[proposal.first].start, tokens[proposal.last].end
    text = context.doc.text[start:end]
    entry = proposal.entry or generated_entry(proposal.generator, text)
    rule = f"scorer:{proposal.generator}"
    reason = (f"the learned scorer keeps it ({score:.2f}) but no rule read a source for it: "
              "a predicate of an actor, counted as attribution by PolNeAR-style annotation only")
    return Attribution(start, end, text, entry, tokens[proposal.first].sentence, None, (),
                       content_of(context, proposal.first, start, end, None), rule=rule, score=score, why=why,
                       confidence=POSSIBLE, reason=reason)
