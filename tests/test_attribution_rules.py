"""Every attribution rule against its golden table (framing/features/attribution/golden.py).

One test function per rule, ``test_attribution_<rule>_golden``, parametrized over the
rule's rows, so a failure names the rule and the sentence. A row's cue must be made by
that rule with the row's source and kind, or, for kind ``rejected``, turned down (by that
rule, where the rule decides about lexicon cues). Gates and checks never make an
attribution themselves, so their accepted rows only need the attribution to exist. A doubt
rule's row of kind ``possible`` needs the cue kept and marked possible by that rule; its
other rows need the cue kept sure.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from framing.document import Document
from framing.features import attribution
from framing.features.attribution import REJECTED, RULES, GoldenRow, Rule
from framing.features.attribution.model import DOUBTED
from framing.lexicons import Lexicons

_MAKES_NOTHING = ("gate", "check", "doubt")  # stages that only accept, doubt or turn a cue down


def _cue_text(doc: Document, candidate: attribution.CueCandidate) -> str:
    tokens = doc.tokens
    return doc.text[tokens[candidate.cue.first].start : tokens[candidate.cue.end - 1].end]


def _decided_by(rule: Rule, candidate: attribution.CueCandidate) -> bool:
    """The candidate's rule is ``rule``, or the fallback accepted it after ``rule`` found no source."""
    return candidate.rule == rule.name or (
        candidate.rule == "sourceless_report" and f"no_source_from={rule.name}" in candidate.features
    )


def _check_row(rule: Rule, row: GoldenRow, parse: Callable[[str], Document], lexicons: Lexicons) -> None:
    doc = parse(row.text)
    made = [found for found in attribution.find_attributions(doc, lexicons) if found.text == row.cue]
    candidates = [c for c in attribution.find_candidates(doc, lexicons) if _cue_text(doc, c) == row.cue]
    if row.kind == REJECTED:
        assert not made, f"{rule.name} should turn down {row.cue!r}: made {made}"
        if rule.stage != "construction":
            assert any(not c.accepted and _decided_by(rule, c) for c in candidates), [
                (c.rule, c.accepted) for c in candidates
            ]
        return
    assert made, f"no attribution {row.cue!r}; candidates: {[(c.rule, c.accepted) for c in candidates]}"
    found = made[0]
    if rule.stage == "doubt":
        assert found.doubt_rule == (rule.name if row.kind == DOUBTED else ""), (found.confidence, found.reason)
        assert bool(found.confidence) == bool(found.doubt_rule)
        if row.kind == DOUBTED:
            return
    if rule.stage not in _MAKES_NOTHING:
        assert found.rule == rule.name or (
            found.rule == "sourceless_report" and f"no_source_from={rule.name}" in found.features
        ), (found.rule, found.features)
    assert (found.source.text if found.source else None) == row.source
    assert (found.source.kind if found.source else None) == row.kind


def _golden_test(rule: Rule) -> Callable[..., None]:
    @pytest.mark.parametrize("row", rule.golden, ids=[f"{i}-{row.cue}" for i, row in enumerate(rule.golden)])
    def test(row: GoldenRow, parse: Callable[[str], Document], lexicons: Lexicons) -> None:
        _check_row(rule, row, parse, lexicons)

    test.__doc__ = f"Golden rows of the attribution rule {rule.name!r}."
    return test


for _rule in RULES:
    globals()[f"test_attribution_{_rule.name}_golden"] = _golden_test(_rule)


def test_attribution_rules_have_unique_names_and_golden_rows() -> None:
    names = [rule.name for rule in RULES]
    assert len(names) == len(set(names))
    for rule in RULES:
        assert len(rule.golden) >= 2, rule.name
        assert all(row.cue in row.text for row in rule.golden), rule.name


def test_attribution_rule_order_is_the_registry(parse, lexicons) -> None:
    """The pipeline runs gates, source rules, the fallback, checks and constructions, in that order."""
    stages = [rule.stage for rule in RULES]
    order = ["gate", "source", "fallback", "check", "doubt", "construction"]
    assert stages == sorted(stages, key=order.index)


def test_attribution_rule_name_is_stamped_on_spans(parse, lexicons) -> None:
    doc = parse("Senator Ann Lee: “We will not back down on this bill.” Officials say the bridge will reopen.")
    spans = attribution.extract(doc, lexicons).spans
    assert [(s.type, s.text, s.attrs["rule"]) for s in spans] == [
        ("attribution", ":", "colon_speaker"),
        ("source", "Senator Ann Lee", "colon_speaker"),
        ("attribution", "say", "subject_before_verb"),
        ("source", "Officials", "subject_before_verb"),
    ]


def test_attribution_candidates_carry_rule_and_features(parse, lexicons) -> None:
    """Every lexicon cue is a candidate, accepted or not, with named features for a learned scorer."""
    doc = parse("These claims are false. The Pentagon has claimed that the boats carried drugs.")
    candidates = attribution.find_candidates(doc, lexicons)
    assert [(c.rule, c.accepted) for c in candidates] == [
        ("unlisted_subject", False), ("subject_before_verb", True),
    ]
    assert {"lemma=claim", "form=ed", "passive=False", "after=that"} <= set(candidates[1].features)


def test_attribution_doubted_cue_is_shown_not_counted(parse, lexicons) -> None:
    """A doubt rule keeps its cue and source as evidence, marked possible with its reason and name, uncounted."""
    doc = parse("The mayor plans to run for governor. Officials say the bridge will reopen.")
    extraction = attribution.extract(doc, lexicons)
    cues = {s.text: s.attrs for s in extraction.spans if s.type == "attribution"}
    assert cues["plans"]["confidence"] == "possible" and cues["plans"]["doubt_rule"] == "aim_not_claim"
    assert cues["plans"]["reason"] and "doubt_rule" not in cues["say"]
    assert [s.text for s in extraction.spans if s.type == "source"] == ["The mayor", "Officials"]
    assert extraction.values["n_attributions"] == 1
