"""The plain data of attribution: sources, attributions, candidates and the rules' contract.

Kept apart from the rules so that the quotes extractor, the evaluation and a future
learned scorer can read these types without importing any rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from ...lexicons import Entry
from ...rules import DOUBTED, REJECTED, GoldenRow, Rule, registry

# The rule type is framing's one (:mod:`framing.rules`), re-exported for the attribution modules. An
# attribution rule's ``stage`` says how the pipeline calls ``run``:
# * ``gate``, ``fallback``: ``run(context, cue, unit) -> bool``, whether the cue may count (before its
#   source is read, when none was read);
# * ``check``: ``run(context, cue, unit, found) -> bool``, whether it may count once its source is read,
#   seeing the attributions made before it (a verb inside one's clause);
# * ``doubt``: ``run(context, cue, unit, listed) -> str``, why an accepted cue is only possible ("" when it
#   is not), ``listed`` every lexicon cue's first token → its end;
# * ``source``: ``run(context, cue, found) -> SourceDecision | None``, None when the rule's construction is not there;
# * ``construction``: ``run(context, found) -> Iterable[Hit]``, cues with no reporting word, each getting
#   ``entry`` as its lexicon-like entry.
__all__ = ["DOUBTED", "REJECTED", "GoldenRow", "Rule", "registry"]


@dataclass(frozen=True, slots=True)
class Source:
    """A source phrase: where it is, what kind it is, and which rule or term said so."""

    start: int
    end: int
    text: str
    kind: str
    label: str
    name: str  # the resolved name: "Donald Trump" for "he", else the phrase itself


@dataclass(frozen=True, slots=True)
class Attribution:
    """One reporting cue with its source (if found), any outlet that relayed it, and the rule that made it.

    ``rule`` names the rule in :data:`framing.features.attribution.RULES` that decided
    (stamped on the spans, so a reader can see which construction was read);
    ``features`` are the cheap facts that rule saw, names for a learned scorer.
    """

    start: int
    end: int
    text: str
    entry: Entry
    sentence: int
    source: Source | None
    conduits: tuple[Source, ...] = ()
    content: tuple[int, int] | None = None  # character offsets of what is reported, when read
    rule: str = ""
    features: tuple[str, ...] = ()
    score: float | None = None  # the learned scorer's probability, when a scorer decided
    why: str = ""  # the features that moved that score most
    confidence: str = ""  # "possible": shown as evidence but not counted (no rule confirmed it), with ``reason``
    reason: str = ""
    doubt_rule: str = ""  # the doubt rule that marked it possible (:mod:`.doubt_rules`), stamped on its span

    @property
    def stance(self) -> str:
        return self.entry["stance"]

    def scored(self, score: float, why: str) -> Attribution:
        """This attribution with the learned scorer's ``score`` and ``why``: ``dataclasses.replace`` written out,
        which ran for every kept cue at three times the cost (``tests/test_attribution_scorer.py`` checks
        that the two agree on every field)."""
        return Attribution(self.start, self.end, self.text, self.entry, self.sentence, self.source, self.conduits,
                           self.content, self.rule, self.features, score, why, self.confidence, self.reason,
                           self.doubt_rule)

    @property
    def lemma(self) -> str:
        return self.entry["lemma"]


class Unit(NamedTuple):
    """A candidate source phrase in token indices ``[first, last]`` (inclusive).

    A NamedTuple, not a frozen dataclass: the rules build thousands of candidates per
    document, and a tuple is several times cheaper to build.
    """

    first: int
    last: int
    kind: str
    label: str
    name: str


class NamedPerson(NamedTuple):
    """A named person: tokens ``[first, last]`` with titles, ``name_first`` where the name starts.

    A NamedTuple for the same reason as :class:`Unit`.
    """

    first: int
    last: int
    name_first: int
    name: str
    subject_like: bool


class Cue(NamedTuple):
    """A reporting-lexicon match being decided, with what every source rule reads around it.

    Computed once per match so that the rules share it instead of each re-reading the
    tokens; it is also what a candidate carries for a learned scorer.
    """

    first: int  # first token of the match
    end: int  # token after the match
    entry: Entry
    lemma: str  # the entry's lemma, read by most rules
    sentence: int
    form: str  # the first token's norm ("said", "asking")
    before: int  # the token before the verb group (auxiliaries, -ly adverbs, a time phrase): a subject's last
    passive: bool  # a form of *be* among the auxiliaries
    opens: bool  # nothing of the sentence before the verb group
    following: str  # the norm after the match in its sentence, "." at its end


class SourceDecision(NamedTuple):
    """A source rule's verdict on a cue: the source it read (None: the cue has no source) and why."""

    unit: Unit | None
    features: tuple[str, ...] = ()


class CueCandidate(NamedTuple):
    """One cue the rules considered, accepted or not: the input of a learned scorer.

    ``rule`` is the rule that decided, ``accepted`` whether it made an attribution,
    ``features`` the named facts the rules saw (base facts of the cue plus the rule's own).
    """

    rule: str
    cue: Cue
    unit: Unit | None
    accepted: bool
    features: tuple[str, ...]


class Hit(NamedTuple):
    """A cue a construction rule found: tokens ``[first, last]`` and its source."""

    first: int
    last: int
    unit: Unit
