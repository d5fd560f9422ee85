"""The declared schema of every lexicon file: its columns, which are optional, their defaults and values.

A lexicon is data that steers code, so a fault in it must be loud. Before this schema a
typo in a rule name loaded silently (the row then always counted), an override file
without a ``rule`` column dropped the rule that keeps "May 5" from counting as a hedge,
and the ``# allowed_rule:`` lists in the headers were never compared with the rules the
code has. Here each file declares:

* its columns, in order, each required or optional; an optional column has a default,
  used when a file leaves the column out (an override row that replaces a bundled row
  keeps the bundled row's value instead, so layering never silently drops a rule);
* which columns are closed vocabularies, whose values the bundled file's
  ``# allowed_<column>:`` header lists;
* which columns name rules in the code, and which feature's registry of rule names
  (:data:`framing.rules.RULE_NAMES`) lists them, so a name that no rule answers to is an
  error on its line, and so is a header that allows one.

The registry is plain data in :mod:`framing.rules`, so validating a lexicon imports no
feature module (they import :mod:`framing.lexicons` themselves).
"""

from __future__ import annotations

from dataclasses import dataclass

from .rules import rule_names

# The 14 frame dimensions of the Policy Frames Codebook (Boydstun et al. 2014), spelled as in the
# SemEval-2023 Task 3 data; frame_cues.tsv's frame column and the learned frame model name these.
POLICY_FRAMES: tuple[str, ...] = (
    "Economic", "Capacity_and_resources", "Morality", "Fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence", "Policy_prescription_and_evaluation", "Crime_and_punishment",
    "Security_and_defense", "Health_and_safety", "Quality_of_life", "Cultural_identity", "Public_opinion",
    "Political", "External_regulation_and_reputation",
)


@dataclass(frozen=True, slots=True)
class Column:
    """One declared column. ``known``: the names the code knows (a feature's rules), ``known_by`` whose they are."""

    name: str
    required: bool = True
    default: str = ""
    closed: bool = False
    known: frozenset[str] = frozenset()
    known_by: str = ""
    number: bool = False  # the cell must read as a finite number (a weight)


@dataclass(frozen=True, slots=True)
class Schema:
    """The columns of one lexicon file; the first is the entry's key."""

    columns: tuple[Column, ...]

    @property
    def key(self) -> str:
        return self.columns[0].name

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(column.name for column in self.columns if column.required)

    def column(self, name: str) -> Column:
        return next(column for column in self.columns if column.name == name)


def _schema(*columns: Column | str) -> Schema:
    """A schema from its own columns, followed by the ``source`` and ``note`` every lexicon has."""
    own = tuple(Column(c) if isinstance(c, str) else c for c in columns)
    return Schema((*own, Column("source"), Column("note")))


def _rules(name: str, feature: str, stage: str, *, required: bool = True, default: str = "") -> Column:
    """A closed column whose values are the names a feature registered for one stage."""
    return Column(name, required, default, closed=True, known=rule_names(feature, stage),
                  known_by=f"{feature} ({stage})")


SCHEMAS: dict[str, Schema] = {
    "hedges": _schema("term", Column("category", closed=True),
                      _rules("rule", "hedging", "context", required=False)),
    "loaded": _schema("term", Column("category", closed=True), "alternative",
                      _rules("rule", "loaded", "context", required=False),
                      Column("tier", required=False, default="counted", closed=True)),
    # The curated words of political drama (conflict verbs, drama nouns and metaphors, evaluative words):
    # the extractor reads them with loaded.tsv (framing/features/loaded_terms.py); the learned lexicon's
    # ``lexicon=loaded:`` features read loaded.tsv alone, so this file leaves the trained model's inputs as
    # they were. tier: counted, or possible (often neutral in news: shown, not counted).
    "loaded_drama": _schema("term", Column("category", closed=True), "alternative",
                            _rules("rule", "loaded", "context", required=False),
                            Column("tier", required=False, default="counted", closed=True)),
    # Idioms and metaphors of news drama and evaluation ("move the goalposts", "out of line", "churn out"),
    # read like loaded_drama.tsv, same columns and tiers.
    "loaded_idioms": _schema("term", Column("category", closed=True), "alternative",
                             _rules("rule", "loaded", "context", required=False),
                             Column("tier", required=False, default="counted", closed=True)),
    # signals_speech: whether the term's first word, next to a quote, marks the quote as speech.
    # needs_content: whether the cue counts only when it introduces content (a that-clause, a quote, …).
    # bare_object: with only a noun object, whether the cue still reports (report) or names an act (act).
    "reporting_verbs": _schema("term", "lemma", Column("stance", closed=True),
                               Column("signals_speech", required=False, default="yes", closed=True),
                               Column("needs_content", required=False, default="no", closed=True),
                               Column("bare_object", required=False, default="report", closed=True)),
    "source_kinds": _schema("term", Column("kind", closed=True)),
    # outlet: the display name that groups an outlet's variants (framing/exercises/material.py masks them all).
    # kind: name or programme (a show of the outlet, masked whole: material.py).
    "media_names": _schema("term", "outlet", Column("kind", required=False, default="name", closed=True)),
    # kind: how the word behaves before a possible sentence end (framing/corpus/segmentation.py). A row
    # without a kind never ends a sentence, which is what every abbreviation did before the column.
    "abbreviations": _schema("term", _rules("kind", "segmentation", "abbreviation", required=False, default="title")),
    # Person nouns by role ("nominee", "buyers"): "potential" before them is not a hedge (hedge_vetoes.py).
    "role_nouns": _schema("term"),
    "stop_words": _schema("term"),
    "cleaning": _schema("pattern", _rules("action", "cleaning", "action")),
    "entities": _schema("term", Column("kind", closed=True), "entity"),
    "voice_roles": _schema("term", Column("role", closed=True), _rules("rule", "voices", "row", required=False)),
    # kind: party, party_initial, allegation, money, number_word, title, name_suffix; group: what
    # the term names (the party, the kind of allegation, the number's value), so variants unify.
    # The mention layer (framing/corpus/mentions.py): titles and role words, places, organisation spellings.
    "titles": _schema("term", Column("gender", closed=True), "role", Column("kind", closed=True)),
    "places": _schema("term", "place", Column("kind", closed=True)),
    "organisations": _schema("term", "entity"),
    "headline_cues": _schema("term", Column("kind", closed=True), Column("group", required=False)),
    # frame: one of POLICY_FRAMES; weight: how strongly the cue signals it (framing/features/policy_frames/).
    # kind: slur or profanity; case: whether a capitalized spelling counts (framing/exercises/offensive.py).
    "offensive": _schema("term", Column("kind", closed=True), Column("case", required=False, default="any",
                                                                      closed=True)),
    "frame_cues": _schema("term", Column("frame", closed=True, known=frozenset(POLICY_FRAMES),
                                                        known_by="the Policy Frames Codebook"),
                          Column("weight", required=False, default="1", number=True)),
}


def parse_allowed(declared: str) -> frozenset[str]:
    """Values of an ``# allowed_<column>:`` header; ``(empty)`` allows an empty cell."""
    return frozenset("" if v.strip() == "(empty)" else v.strip() for v in declared.split(","))
