"""The one rule framework (framing/rules.py): every feature's rules are its registered names, and the lexicon
schema learns those names without importing a feature module. Loaded terms' golden rows run here."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from framing.document import Document
from framing.lexicons import Lexicons
from framing.rules import REJECTED, RULE_NAMES, GoldenRow, Rule, golden_table, registry, rule_names


def test_rules_every_registered_name_of_a_feature_has_its_rule() -> None:
    from framing.compare.voices.window_rules import AROUND_RULES, NAME_RULES
    from framing.corpus.cleaning import ACTIONS
    from framing.corpus.segmentation import ABBREVIATION_KINDS
    from framing.features import attribution, hedge_doubts, hedge_vetoes, hedging, loaded

    ruled = {"attribution": attribution.RULES, "hedging": (*hedging.CONTEXT_RULES, *hedge_vetoes.VETO_RULES,
                                                           *hedge_doubts.DOUBT_RULES), "loaded": loaded.CONTEXT_RULES,
             "voices": (*NAME_RULES, *AROUND_RULES)}
    row_rules = {("voices", "row")}  # voice_roles.tsv's row rules: read by RoleRules, see test_lexicon_schema.py
    for feature, rules in ruled.items():
        stages = {key for key in RULE_NAMES if key[0] == feature} - row_rules
        assert {(rule.feature, rule.stage) for rule in rules} == stages
        for stage in {rule.stage for rule in rules}:
            names = [rule.name for rule in rules if rule.stage == stage]
            assert len(names) == len(set(names)) and set(names) == rule_names(feature, stage), (feature, stage)
    assert set(ACTIONS) == rule_names("cleaning", "action")
    assert set(ABBREVIATION_KINDS) == rule_names("segmentation", "abbreviation")


def test_rules_an_unregistered_rule_is_an_error_at_import() -> None:
    with pytest.raises(ValueError, match=r"\['modal_mya'\] of hedging/context are not registered"):
        registry("hedging", "context", {"modal_mya": ()}, (("modal_mya", bool),))


def test_rules_golden_table_reads_one_row_a_line() -> None:
    table = golden_table("""
        first | One sentence. | One
        first | Two words here. | words | rejected
        second | Three. | Three
    """)
    first = (GoldenRow("One sentence.", "One"), GoldenRow("Two words here.", "words", None, REJECTED))
    assert table == {"first": first, "second": (GoldenRow("Three.", "Three"),)}


def test_rules_loading_lexicons_imports_no_rule_feature() -> None:
    """The schema checks rule columns against framing.rules, not by importing hedging, loaded or voices."""
    code = ("import sys; from framing.lexicons import load_lexicons; load_lexicons(); "
            "print([m for m in sys.modules if m.startswith(('framing.features.hedg', 'framing.features.loaded', "
            "'framing.features.attribution', 'framing.compare'))])")
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert found.strip() == "[]"


def _loaded_rules() -> tuple[Rule, ...]:
    from framing.features.loaded import CONTEXT_RULES

    return CONTEXT_RULES


@pytest.mark.parametrize(("rule", "row"), [(rule, row) for rule in _loaded_rules() for row in rule.golden],
                         ids=lambda value: value.name if isinstance(value, Rule) else value.cue)
def test_rules_loaded_context_golden(rule: Rule, row: GoldenRow, parse: Callable[[str], Document],
                                     lexicons: Lexicons) -> None:
    """A loaded.tsv row naming the rule matches the cue; the rule lets it through unless the row is rejected."""
    doc = parse(row.text)
    tokens = doc.tokens
    matches = [(first, end) for first, end, entry in lexicons.matcher("loaded").match(doc.token_columns().norms)
               if entry["rule"] == rule.name and doc.text[tokens[first].start:tokens[end - 1].end] == row.cue]
    assert matches, f"{row.cue!r} is no match of a loaded.tsv row naming {rule.name}"
    assert [rule.run(tokens, first, end) for first, end in matches] == [row.kind != REJECTED] * len(matches)
