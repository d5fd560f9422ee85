"""A voice's window rules as :class:`framing.rules.Rule`s, in the order :class:`~framing.compare.voices.Voices`
tries them, each with golden rows (:mod:`.golden`, run by ``tests/test_compare_voices_golden.py``).

Stage ``name``: the mention's own words ("the congressman's lawyers", "Senate Democrats"), tried at every
place of the voice (the mention, then a pronoun's antecedent) before any ``around`` rule. Stage ``around``:
the words around one place, the title before it ("Sen.", "Romney adviser"), a party-state tag or an appositive
after it. ``run(rules, doc, first, stop, resolve) -> RoleDecision | None``: ``rules`` the
:class:`~.rules.RoleRules`, ``[first, stop)`` the place's tokens, ``resolve`` the role of a name or pronoun a
possessive or ``speaks_for`` row points to; None when the rule's words are not there.
"""

from __future__ import annotations

from ...document import Document
from ...rules import Rule, registry
from .golden import AROUND_GOLDEN, NAME_GOLDEN
from .rules import RoleDecision, RoleRules, phrase_name
from .staff import Resolve, staff_title


def own_words(rules: RoleRules, doc: Document, first: int, stop: int, resolve: Resolve) -> RoleDecision | None:
    """The role the mention's own words give; not for a name that is a phrase ("Fix the Court" is no court)."""
    if phrase_name(doc.tokens[first:stop]):
        return None
    return rules.decide(doc, doc.tokens[first:stop], "own words", nearest_last=True, resolve=resolve)


def title(rules: RoleRules, doc: Document, first: int, stop: int, resolve: Resolve) -> RoleDecision | None:
    """The role the title right before the mention gives ("Sen.", "Republican presidential nominee")."""
    return rules.decide(doc, rules.title_window(doc, first), "title", nearest_last=True)


def staff_of(rules: RoleRules, doc: Document, first: int, stop: int, resolve: Resolve) -> RoleDecision | None:
    """A name before a staff word in the title gives its role ("Romney adviser Eric Roe")."""
    return staff_title(rules, doc, rules.title_window(doc, first), resolve)


def party_state_tag(rules: RoleRules, doc: Document, first: int, stop: int, resolve: Resolve) -> RoleDecision | None:
    """"(R-Texas)" or ", D-N.Y.," right after the mention marks a legislator."""
    return rules.party_state_tag(doc, stop)


def appositive(rules: RoleRules, doc: Document, first: int, stop: int, resolve: Resolve) -> RoleDecision | None:
    """The role the phrase after a comma or bracket gives ("…, a professor at Yale,")."""
    return rules.appositive(doc, stop, resolve=resolve)


NAME_RULES: tuple[Rule, ...] = registry("voices", "name", NAME_GOLDEN, (("own_words", own_words),))
AROUND_RULES: tuple[Rule, ...] = registry("voices", "around", AROUND_GOLDEN, (
    ("title", title),
    ("staff_of", staff_of),
    ("party_state_tag", party_state_tag),
    ("appositive", appositive),
))
