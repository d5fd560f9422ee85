"""One rule type for every feature: a named rule, the stage it runs in, and the examples it owns.

Attribution, hedging, loaded terms, voices, cleaning and sentence splitting all decide with
named rules whose names are stamped on what they make (span attribute ``rule``) and which
lexicon rows can name (a ``rule`` column). Before this module each feature had its own shape
(named ``Rule``s with golden rows, bare callables in a dict, a ``Decision`` type), and the
lexicon schema imported three feature modules from ``"module:ATTR"`` strings to learn which
names exist. Here:

* :class:`Rule` is the one rule type (``name``, ``feature``, ``stage``, ``run``, ``golden``);
  ``run``'s signature is the stage's contract, documented where the feature calls it;
* :class:`GoldenRow` is one example a rule owns: test data, run by the feature's golden tests
  (``tests/test_attribution_rules.py``, ``tests/test_hedging_golden.py``);
* :data:`RULE_NAMES` is every feature's registry of names by ``(feature, stage)``, plain data
  that :mod:`framing.lexicon_schema` reads without importing a feature module;
  :func:`registry` refuses a rule whose name the feature did not register, and each feature's
  tests check that its registered names and its rules are the same set.

Imports nothing from the package at run time, so that any layer can use it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from .lexicon_files import Entry

# The kind a golden row expects when its rule turns the cue down (nothing is made of it).
REJECTED = "rejected"
# The kind a golden row of a doubt rule expects when the rule keeps the cue but marks it possible.
DOUBTED = "possible"


class GoldenRow(NamedTuple):
    """One example a rule owns: the text, the cue as written, and what the rule makes of it.

    ``kind`` :data:`REJECTED`: the rule turns the cue down; :data:`DOUBTED`: the rule keeps it
    marked ``confidence: possible``; otherwise the cue counts (for attribution, ``source`` is
    the source as written and ``kind`` its source kind, ``source`` None a cue with no source).
    """

    text: str
    cue: str
    source: str | None = None
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A named rule: what it is called, which feature and stage run it, what it does, its examples.

    Named like a spaCy Matcher pattern: the name is stamped on what the rule makes. ``stage``
    says how the feature calls ``run`` (each feature documents its stages' contracts);
    ``entry`` is the lexicon-like entry of a rule that makes cues with no lexicon row.
    """

    name: str
    stage: str
    run: Callable[..., Any]
    golden: tuple[GoldenRow, ...]
    entry: Entry | None = None
    feature: str = ""


def _names(*names: str) -> frozenset[str]:
    return frozenset(names)


# Every rule name by (feature, stage). A new rule registers its name here and its Rule in its feature's
# registry; the lexicon schema checks a lexicon's rule column against these names.
RULE_NAMES: Mapping[tuple[str, str], frozenset[str]] = MappingProxyType({
    ("attribution", "gate"): _names("capitalized_in_name", "aim_needs_infinitive"),
    ("attribution", "source"): _names(
        "statement_noun", "cue_holds_source", "prepositional_source", "passive_agent",
        "stance_adjective_needs_copula", "opening_participle", "asked_passive", "agentless_passive",
        "participle_continues_report", "appositive_subject", "inverted_subject", "infinitive", "by_gerund",
        "relative_subject", "coordinated_verb", "unclosed_parenthesis", "subject_before_verb", "thing_subject",
        "reduced_relative_subject", "participial_adjective", "unlisted_subject"),
    ("attribution", "fallback"): _names("sourceless_report"),
    ("attribution", "check"): _names("as_source_put_it", "predicate_needs_content", "inside_reported_clause"),
    ("attribution", "doubt"): _names("aim_not_claim", "act_without_content", "quoted_word_not_claim",
                                     "call_names_one_object"),
    ("attribution", "construction"): _names("dash_credit", "quote_tag", "colon_speaker", "speaker_verb_before_quote",
                                            "verb_before_that_clause", "in_document"),
    # Hedging: a hedges.tsv row's ``rule`` names a context rule; vetoes and doubts apply to every cue.
    ("hedging", "context"): _names(
        "number_follows", "modal_may", "modal_might", "modal_could", "modal_would", "appear", "possible",
        "doxastic", "of_complement", "passive_evidential", "passive_as", "conditional_if",
        "whether_interrogative", "conditional_consequent", "until_condition", "that_complement", "potential",
        "active_as", "known_unknown", "view_complement", "open_question", "inverted_condition", "stated_bound"),
    ("hedging", "veto"): _names(
        "reported_question", "disbelief", "negated_imperative", "potential_role", "opinion_holder",
        "actor_signal", "proposal", "concessive_as", "free_relative_ever"),
    ("hedging", "doubt"): _names(
        "accusation", "conditional_consequent", "concessive_if", "supposed_to", "belief_discussed",
        "self_description"),
    # Loaded terms: a loaded.tsv row's ``rule`` names a context rule.
    ("loaded", "context"): _names("named_target", "not_before_measure", "adjective_use"),
    # Voices: the window rules of a voice's role (framing/compare/voices/window_rules.py), and the row rules of
    # voice_roles.tsv (framing/compare/voices/rules.py reads them).
    ("voices", "name"): _names("own_words"),
    ("voices", "around"): _names("title", "staff_of", "party_state_tag", "appositive"),
    ("voices", "row"): _names("generic", "home", "speaks_for", "masthead"),
    # Cleaning: the actions a cleaning.tsv row names; sentence splitting: the kinds of abbreviations.tsv.
    ("cleaning", "action"): _names(
        "drop_line", "cut_from", "breadcrumb", "byline", "drop_sentence", "insert_space", "unwrap",
        "second_headline"),
    ("segmentation", "abbreviation"): _names("title", "legal", "number", "suffix", "month", "place", "other"),
})


def rule_names(feature: str, stage: str = "") -> frozenset[str]:
    """The names a feature registered, for one stage or (``stage`` "") all its stages."""
    if stage:
        return RULE_NAMES[feature, stage]
    return frozenset(name for (owner, _), names in RULE_NAMES.items() if owner == feature for name in names)


def registry(feature: str, stage: str, golden: Mapping[str, tuple[GoldenRow, ...]],
             rules: Sequence[tuple[str, Callable[..., Any]]]) -> tuple[Rule, ...]:
    """Rules of one feature's stage, in the order given, each with its golden rows.

    A rule without rows, or whose name the feature did not register in :data:`RULE_NAMES`, is an
    error at import, so a rule can never be named in a lexicon without the schema knowing it.
    """
    unregistered = [name for name, _ in rules if name not in RULE_NAMES.get((feature, stage), ())]
    if unregistered:
        raise ValueError(f"rules {unregistered} of {feature}/{stage} are not registered in framing.rules.RULE_NAMES")
    return tuple(Rule(name, stage, run, golden[name], feature=feature) for name, run in rules)


def by_name(rules: Iterable[Rule]) -> Mapping[str, Callable[..., Any]]:
    """``name → run`` of rules, for a feature that looks a lexicon row's rule up per match."""
    return MappingProxyType({rule.name: rule.run for rule in rules})


def golden_table(table: str) -> Mapping[str, tuple[GoldenRow, ...]]:
    """Golden rows written one a line as ``rule | text | cue``, then ``| kind`` or ``| source | kind``, by rule.

    A table reads like the TSV lexicons and keeps a feature's examples together, one line each.
    """
    rows: dict[str, list[GoldenRow]] = {}
    for line in table.strip().splitlines():
        rule, text, cue, *rest = (cell.strip() for cell in line.split("|"))
        source, kind = ([None, None, *rest])[-2:]
        rows.setdefault(rule, []).append(GoldenRow(text, cue, source, kind))
    return MappingProxyType({rule: tuple(found) for rule, found in rows.items()})
