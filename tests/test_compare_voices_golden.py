"""Every window rule of the voices against its golden table (framing/compare/voices/golden.py).

One test function per rule, ``test_voices_<rule>_golden``: the sentence's voices table, built with the bundled
lexicons from one source span at the cue, gives the row's role by this rule (its words in ``role_reason``), or,
for role ``rejected``, a role this rule did not give.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from framing.analysis import ArticleAnalysis
from framing.compare.common import WordFolder
from framing.compare.voices import build_voices
from framing.compare.voices.window_rules import AROUND_RULES, NAME_RULES
from framing.corpus import parse_text
from framing.document import Span
from framing.lexicons import Lexicons
from framing.rules import REJECTED, GoldenRow, Rule, rule_names

# How each rule's reason reads in role_reason (the reasons predate the rule names and are kept as they were).
REASON_MARKS = {"own_words": "own words ", "title": "title ", "staff_of": " staff of: ",
                "party_state_tag": "(rule party_state_tag)", "appositive": "appositive "}


def _role(lexicons: Lexicons, row: GoldenRow) -> tuple[str, str]:
    doc = parse_text(row.text, lexicons, id="a", outlet="A")
    at = row.text.index(row.cue)
    span = Span("source", at, at + len(row.cue), row.cue, "rule", category=str(row.source),
                attrs={"verb": "said", "stance": "neutral", "name": row.cue})
    frame = build_voices([ArticleAnalysis(doc, {}, (span,))], lexicons, WordFolder(lexicons.stop_words))
    assert len(frame) == 1
    return frame.iloc[0].role, frame.iloc[0].role_reason


def _golden_test(rule: Rule) -> Callable[..., None]:
    @pytest.mark.parametrize("row", rule.golden, ids=[f"{i}-{row.cue}" for i, row in enumerate(rule.golden)])
    def test(row: GoldenRow, general_lexicons: Lexicons) -> None:
        role, reason = _role(general_lexicons, row)
        if row.kind == REJECTED:
            assert REASON_MARKS[rule.name] not in reason, reason
        else:
            assert (role, REASON_MARKS[rule.name] in reason) == (row.kind, True), reason

    test.__doc__ = f"Golden rows of the voices window rule {rule.name!r}."
    return test


for _rule in (*NAME_RULES, *AROUND_RULES):
    globals()[f"test_voices_{_rule.name}_golden"] = _golden_test(_rule)


def test_voices_window_rules_are_the_registered_names_each_with_golden_rows() -> None:
    assert [rule.name for rule in NAME_RULES] == sorted(rule_names("voices", "name"))
    assert {rule.name for rule in AROUND_RULES} == rule_names("voices", "around") == set(REASON_MARKS) - {"own_words"}
    for rule in (*NAME_RULES, *AROUND_RULES):
        assert {row.kind == REJECTED for row in rule.golden} == {True, False}, rule.name
