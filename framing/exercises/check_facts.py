"""The facts a neutral rewrite must keep: names, numbers, dates, places and negations.

A rewrite that removes loaded words but drops who, how many, when or "not" is not a
neutral rewrite of the same sentence: "Hirono talked about a court case." keeps no loaded
word and no fact. So ``framing exercises check`` compares the two texts' facts, each found
by a named rule over the parsed tokens, and says which were dropped, changed or added (an
added name, number or negation is a claim the original did not make).

A hedge the writer used as commentary ("as many have come to expect") is not a fact either:
dropping it makes the sentence less slanted, not more certain, so :func:`commentary_hedges`
finds the hedges inside such an aside and the checker does not count them as dropped.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..compare.common import number_value
from ..document import Document, Token
from ..grammar import MONTHS, NEGATIONS, WEEKDAYS

# Words that negate a clause besides not/n't/never (grammar.NEGATIONS).
NEGATION_WORDS = NEGATIONS | frozenset(["no", "nobody", "nothing", "neither", "nor", "none", "without"])
# Who an editorial "as … expect" aside speaks for: the many, not a named source.
COMMENTARY_HOLDERS = frozenset(["many", "most", "some", "everyone", "anyone", "we", "observers", "people"])
FACT_KINDS = ("name", "number", "date", "negation")


def facts_of(doc: Document, known_names: frozenset[str] = frozenset()) -> Counter[tuple[str, str]]:
    """``(kind, words)`` for each fact in the text: the rule that found it is its kind.

    A capitalized word that opens a sentence is a name only when it is capitalized again
    mid-sentence, runs on into another capitalized word, or is in ``known_names`` (the name
    words of the other text: "Hirono said" in a rewrite of "Sen. Mazie Hirono said").
    """
    facts: Counter[tuple[str, str]] = Counter()
    tokens = [token for token in doc.tokens if token.is_word]
    sentence_first = {}
    for index, token in enumerate(tokens):
        sentence_first.setdefault(token.sentence, index)
    index = 0
    while index < len(tokens):
        token = tokens[index]
        norm = token.norm
        if norm in WEEKDAYS or norm in MONTHS:
            facts["date", norm] += 1
        elif number_value(token.text) is not None:
            facts["date" if _is_year(token.text) else "number", token.text.lower().replace(",", "")] += 1
        elif norm in NEGATION_WORDS:
            facts["negation", "not" if norm == "n't" else norm] += 1
        elif token.text[:1].isupper() and (index != sentence_first[token.sentence] or norm in known_names
                                           or _name_at_start(tokens, index)):
            end = index + 1
            while end < len(tokens) and tokens[end].text[:1].isupper() and tokens[end].sentence == token.sentence:
                end += 1
            facts["name", " ".join(t.norm for t in tokens[index:end])] += 1
            index = end
            continue
        index += 1
    return facts


def compare_facts(before: Document, after: Document) -> dict[str, Any]:
    """Facts dropped, changed (a number or date swapped for another) and added by the rewrite.

    Shaped like the checker's other rows (``name``, ``before``, ``after``), so tables of scores list it too.
    """
    old = facts_of(before)
    new = facts_of(after, _name_words(old))
    old = facts_of(before, _name_words(new))
    dropped, added = old - new, new - old
    for old_name in sorted(fact for fact in dropped.elements() if fact[0] == "name"):
        shorter = next((fact for fact in added.elements() if fact[0] == "name" and _same_name(old_name[1], fact[1])),
                       None)
        if shorter is not None:  # "Sen. Mazie Hirono" → "Hirono" keeps the person
            dropped[old_name] -= 1
            added[shorter] -= 1
    changed = []
    for kind in ("number", "date"):
        olds = sorted(fact for fact in dropped.elements() if fact[0] == kind)
        news = sorted(fact for fact in added.elements() if fact[0] == kind)
        for old_fact, new_fact in zip(olds, news, strict=False):
            dropped[old_fact] -= 1
            added[new_fact] -= 1
            changed.append({"kind": kind, "before": old_fact[1], "after": new_fact[1]})
    return {
        "name": "Facts (names, numbers, dates, negations)",
        "before": sum(old.values()),
        "after": sum(new.values()),
        "dropped": [_row(fact) for fact in sorted(dropped.elements())],
        "changed": changed,
        "added": [_row(fact) for fact in sorted(added.elements())],
    }


def commentary_hedges(doc: Document, hedge_starts: list[int]) -> set[int]:
    """Starts of hedges inside an editorial "as … expect" aside ("as many have come to expect").

    Rule ``as_many_expect``: "as", then within four words a holder that is not a named source
    (many, most, we…), then the hedge, all in one sentence.
    """
    tokens = [token for token in doc.tokens if token.is_word]
    by_start = {token.start: position for position, token in enumerate(tokens)}
    inside = set()
    for start in hedge_starts:
        position = by_start.get(start)
        if position is None:
            continue
        window = tokens[max(0, position - 6):position]
        for offset, token in enumerate(window):
            rest = window[offset + 1:offset + 5]
            if token.norm == "as" and token.sentence == tokens[position].sentence and \
                    any(word.norm in COMMENTARY_HOLDERS for word in rest):
                inside.add(start)
                break
    return inside


def _row(fact: tuple[str, str]) -> dict[str, str]:
    return {"kind": fact[0], "words": fact[1]}


def _name_words(facts: Counter[tuple[str, str]]) -> frozenset[str]:
    return frozenset(word for kind, words in facts if kind == "name" for word in words.split())


def _same_name(one: str, other: str) -> bool:
    """Whether two name runs name the same one: every word of the shorter stands in the longer."""
    a, b = set(one.split()), set(other.split())
    return a <= b or b <= a


def _is_year(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and 1800 <= int(text) <= 2100


def _name_at_start(tokens: list[Token], index: int) -> bool:
    """A capitalized first word is a name when it is capitalized again mid-sentence elsewhere, or is run-on."""
    word = tokens[index].text
    return any(t.text == word for t in tokens[index + 1:]) or (
        index + 1 < len(tokens) and tokens[index + 1].text[:1].isupper()
        and tokens[index + 1].sentence == tokens[index].sentence
    )
