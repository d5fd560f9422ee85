"""Every hedging rule against its golden table (framing/features/hedge_golden.py).

One test function per rule and stage, ``test_hedging_<stage>_<rule>_golden``, parametrized over
the rule's rows, so a failure names the rule and the sentence:

* a context rule is run on the lexicon match of its row (a hedges.tsv row naming the rule) and
  must let it through, or keep it out for kind ``rejected``;
* a veto row of kind ``rejected`` must not be a hedge span and this veto must claim it; its other
  rows stay shown;
* a doubt row of kind ``possible`` must be shown, marked possible by this doubt with a reason and
  not counted; its other rows are shown and not marked by it.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from framing.document import Document
from framing.features import hedge_doubts, hedge_vetoes, hedging
from framing.lexicons import Lexicons
from framing.rules import DOUBTED, REJECTED, GoldenRow, Rule, rule_names

HEDGING_RULES: tuple[Rule, ...] = (*hedging.CONTEXT_RULES, *hedge_vetoes.VETO_RULES, *hedge_doubts.DOUBT_RULES)


def _matches(doc: Document, lexicons: Lexicons, cue: str) -> list[tuple[int, int, object]]:
    """Hedge-lexicon matches whose words are the cue as written."""
    tokens = doc.tokens
    return [(first, end, entry) for first, end, entry in lexicons.matcher("hedges").match(doc.token_columns().norms)
            if doc.text[tokens[first].start:tokens[end - 1].end] == cue or tokens[first].text == cue]


def _check_context(rule: Rule, row: GoldenRow, doc: Document, lexicons: Lexicons) -> None:
    matches = [(first, end) for first, end, entry in _matches(doc, lexicons, row.cue) if entry["rule"] == rule.name]
    assert matches, f"{row.cue!r} is no match of a hedges.tsv row naming {rule.name} in {row.text!r}"
    assert [rule.run(doc.tokens, first, end, lexicons) for first, end in matches] == [row.kind != REJECTED] * len(
        matches)


def _check_veto(rule: Rule, row: GoldenRow, doc: Document, lexicons: Lexicons) -> None:
    shown = [span.text for span in hedging.extract(doc, lexicons).spans]
    assert (row.cue not in shown) is (row.kind == REJECTED), shown
    if row.kind == REJECTED:
        matches = _matches(doc, lexicons, row.cue)
        assert matches, f"{row.cue!r} is not a hedge-lexicon match in {row.text!r}"
        assert any(hedge_vetoes.vetoed_by(doc.tokens, *match, lexicons) == rule.name for match in matches)


def _check_doubt(rule: Rule, row: GoldenRow, doc: Document, lexicons: Lexicons) -> None:
    extraction = hedging.extract(doc, lexicons)
    spans = [span for span in extraction.spans if span.text == row.cue]
    assert spans, [span.text for span in extraction.spans]
    marked = [span for span in spans if span.attrs.get("rule") == rule.name]
    assert bool(marked) is (row.kind == DOUBTED), [span.attrs for span in spans]
    for span in marked:
        assert not span.counted and span.attrs["reason"]
    if row.kind == DOUBTED and len(extraction.spans) == len(marked):
        assert extraction.values["hedged_sentence_share"] == 0.0


CHECKS = {"context": _check_context, "veto": _check_veto, "doubt": _check_doubt}


def _golden_test(rule: Rule) -> Callable[..., None]:
    @pytest.mark.parametrize("row", rule.golden, ids=[f"{i}-{row.cue}" for i, row in enumerate(rule.golden)])
    def test(row: GoldenRow, parse: Callable[[str], Document], lexicons: Lexicons) -> None:
        CHECKS[rule.stage](rule, row, parse(row.text), lexicons)

    test.__doc__ = f"Golden rows of the hedging {rule.stage} rule {rule.name!r}."
    return test


for _rule in HEDGING_RULES:
    globals()[f"test_hedging_{_rule.stage}_{_rule.name}_golden"] = _golden_test(_rule)


def test_hedging_rules_are_the_registered_names_each_with_golden_rows() -> None:
    for stage in CHECKS:
        rules = [rule for rule in HEDGING_RULES if rule.stage == stage]
        assert len({rule.name for rule in rules}) == len(rules)
        assert {rule.name for rule in rules} == rule_names("hedging", stage)
    for rule in HEDGING_RULES:
        assert rule.feature == "hedging" and rule.golden, rule.name
        assert all(row.cue in row.text for row in rule.golden), rule.name
        assert {row.kind for row in rule.golden} == {None, REJECTED if rule.stage != "doubt" else DOUBTED}, rule.name


def test_hedging_every_doubt_has_a_reason() -> None:
    assert set(hedge_doubts.DOUBT_REASONS) == {rule.name for rule in hedge_doubts.DOUBT_RULES}
