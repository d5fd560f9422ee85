"""Staff words (spokesperson, aide, adviser, lawyer): typed by whom they work for.

"A spokesperson for Sen. Roe … The spokesperson said": the staff word alone says nothing of
whose staff, so its last earlier use with an owner says (:func:`staff_owner`). "Roe adviser
Jim Moe": a name before a staff word in a title is the owner (:func:`staff_title`). The staff
words are the nouns of ``voice_roles.tsv``'s ``speaks_for`` rows ("spokesman for", "aide to").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ...document import Document, Token
from ...grammar import ARTICLES
from .rules import ABBREVIATION_END, TITLE_TOKENS, RoleDecision, RoleRules, quoted

Resolve = Callable[[Sequence[Token]], RoleDecision | None]


def staff_owner(
    rules: RoleRules, doc: Document, term: str, before: int, resolve: Resolve,
) -> RoleDecision | None:
    """Rule ``staff owner``: the role of whoever an earlier "<term> for X" or "X's <term>" works for.

    "A spokesperson for Grassley … The spokesperson also touted": the staff word alone says
    nothing of whose staff; its last earlier use in the article with an owner says.
    """
    tokens = doc.tokens
    for k in range(len(tokens) - 1, -1, -1):
        if tokens[k].start >= before or tokens[k].norm != term:
            continue
        window = tokens[_owner_start(tokens, k):_owner_end(tokens, k)]
        decision = rules.decide(doc, window, "earlier mention", nearest_last=False, resolve=resolve)
        if decision is not None and (" speaks for: " in decision.reason or "possessive" in decision.reason):
            return RoleDecision(decision.role, f"staff owner: {decision.reason}")
    return None


def staff_title(rules: RoleRules, doc: Document, window: Sequence[Token],
                resolve: Resolve) -> RoleDecision | None:
    """Rule ``staff of``: a name before a staff word in a title gives its role ("Romney adviser Eric Roe")."""
    for k, token in enumerate(window):
        owner = [t for t in window[:k] if t.is_word]
        if k and token.norm in rules.staff_words and owner and all(t.text[:1].isupper() for t in owner):
            decision = resolve(window[:k])
            if decision is not None:
                return RoleDecision(decision.role, f"title {quoted(doc, window)} staff of: {decision.reason}")
    return None


def _owner_start(tokens: Sequence[Token], k: int) -> int:
    """Index of the first token of a possessive owner before ``tokens[k]`` ("Sen. Grassley’s"), else ``k``."""
    first = k
    if k == 0 or not tokens[k - 1].text.endswith(("'s", "’s")):
        return k
    first = k - 1
    while first > 0 and k - first < TITLE_TOKENS and tokens[first - 1].sentence == tokens[k].sentence \
            and tokens[first - 1].text[:1].isupper():
        first -= 1
    return first


def _owner_end(tokens: Sequence[Token], k: int) -> int:
    """End of "<staff word> for|to [the] <Capitalized Name>" from ``tokens[k]`` (``k + 1`` when no owner follows)."""
    end = k + 1
    if end < len(tokens) and tokens[end].norm in ("for", "to", "of"):
        end += 1
        while end < len(tokens) and tokens[end].norm in ARTICLES:
            end += 1
        while end < len(tokens) and tokens[end].sentence == tokens[k].sentence and (
                tokens[end].text[:1].isupper() or tokens[end].text == ABBREVIATION_END):
            end += 1  # "Sen. Chuck Grassley"
    return end
