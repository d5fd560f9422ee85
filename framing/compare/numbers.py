"""Number disagreements: the same quantity given as different numbers by different outlets.

Two numbers are compared only when they measure the same thing (:mod:`.quantities`):
the same unit (votes, dollars, pages, people, percent…; dates and years are left out)
in two sentences that state the same event (:func:`.fact_pairs.score_pair`, scored
without the block that different numbers would put on the pair). So "the 60-vote
threshold" (a threshold) and "41 votes necessary to filibuster" are never one quantity,
"60 votes needed to break" and "41 to block" only if the sentences share actors and
predicate, and a dollar amount or a page count that differs for the same thing is flagged.

A row's ``confidence`` is the event score of the pair, lowered when the words around
the two numbers (``WINDOW`` content words each side) share nothing; ``reason`` names
the unit, the event signals and the numbers' words.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..analysis import ArticleAnalysis
from ..document import Token
from .common import Sentence, WordFolder
from .confidence import Evidence
from .fact_keys import EventKeys, Rarity
from .fact_pairs import score_pair
from .quantities import Quantity

# Words that only restate a unit ("50 percent", "$5 million").
_UNIT_WORDS = frozenset({"percent", "dollar", "million", "billion", "thousand", "trillion"})
# Content words each side of a number that say what it counts.
WINDOW = 4
# Two sentences must share at least this much of an event for their numbers to be compared.
MIN_EVENT = 0.2
# Two figures further apart than this factor count different things, not one thing given twice.
NUMBER_RATIO = 1.5
# A disagreement less sure than this is not a row at all (not even "possible").
MIN_SHOWN = 0.35


def number_phrase(
    analysis: ArticleAnalysis, tokens: Sequence[Token], start: int, end: int, hedge_matcher
) -> tuple[str, int, int]:
    """The number with an approximator before it ("about 80", "at least 83") and the word after it."""
    text = analysis.document.text
    position = next((k for k, t in enumerate(tokens) if t.start == start), None)
    phrase_start, phrase_end = start, end
    if position is not None:
        window = tokens[max(0, position - 3):position]
        for first, last, _entry in hedge_matcher.match([t.norm for t in window]):
            if last == len(window):
                phrase_start = window[first].start
        for span in analysis.spans:
            if span.type == "hedge" and span.end <= start and start - span.end <= 1 and span.start < phrase_start:
                phrase_start = span.start
        after = next((t for t in tokens if t.start >= end), None)
        if after is not None and after.is_word and not after.text[0].isdigit():
            phrase_end = after.end
    return text[phrase_start:phrase_end], phrase_start, phrase_end


def _context(tokens: Sequence[Token], quantity: Quantity, folder: WordFolder) -> set[str]:
    """Content-word stems within ``WINDOW`` words of the number (the unit and numbers left out)."""
    before = [t for t in tokens if t.end <= quantity.start and _content(t, folder)][-WINDOW:]
    after = [t for t in tokens if t.start >= quantity.end and _content(t, folder)][:WINDOW + 1]
    unit_words = {folder.stem(word) for word in quantity.unit_text.lower().split()}
    return {folder.stem(t.norm) for t in before + after} - unit_words - {quantity.unit.rstrip("~")} - _UNIT_WORDS


def _acts(tokens: Sequence[Token], quantity: Quantity, folder: WordFolder) -> set[str]:
    """What the number is for: the word just before it ("needed", "killed") and a verb after
    "to" right after it ("to break", "to block"), as stems."""
    acts = set()
    before = [t for t in tokens if t.end <= quantity.start and t.is_word][-2:]
    for token in reversed(before):
        if _content(token, folder) and token.text[0].islower():
            acts.add(folder.stem(token.norm))
            break
    after = [t for t in tokens if t.start >= quantity.end and t.is_word][:4]
    for k, token in enumerate(after[:-1]):
        if token.norm == "to" and _content(after[k + 1], folder):
            acts.add(folder.stem(after[k + 1].norm))
            break
    return acts


def _content(token: Token, folder: WordFolder) -> bool:
    return token.is_word and not token.text[0].isdigit() and folder.fold(token.norm) not in folder.stop_words


def number_disagreements(
    sentences: Sequence[Sentence], keys: Sequence[EventKeys], cosine: np.ndarray, fact_of: dict[int, str],
    tokens_of: dict, by_id: dict[str, ArticleAnalysis], folder: WordFolder, hedge_matcher,
) -> list[dict]:
    """Rows of the ``disagreements`` table of kind ``number`` (one per number × disagreement)."""
    pairs = []
    rarity = Rarity.of(keys, len({s.outlet for s in sentences}))
    counted = [i for i, k in enumerate(keys) if any(q.is_count for q in k.quantities)]
    for n, i in enumerate(counted):
        for j in counted[n + 1:]:
            if sentences[i].outlet == sentences[j].outlet:
                continue
            for a, qa in enumerate(keys[i].quantities):
                for b, qb in enumerate(keys[j].quantities):
                    if not comparable(qa, qb, keys[i].quantities, keys[j].quantities):
                        continue
                    evidence = _disagreement_evidence(i, j, qa, qb, keys, cosine, tokens_of, sentences, folder,
                                                      rarity)
                    if evidence is not None and evidence.confidence >= MIN_SHOWN:
                        pairs.append(((i, a), (j, b), evidence))
    return _rows(_components(pairs, keys), keys, sentences, fact_of, tokens_of, by_id, hedge_matcher)


def comparable(qa: Quantity, qb: Quantity, in_a: Sequence[Quantity], in_b: Sequence[Quantity]) -> bool:
    """Whether ``qa`` and ``qb`` (from two sentences holding ``in_a`` and ``in_b``) may be one amount given twice.

    Counts of one unit that differ, within a factor of ``NUMBER_RATIO`` ("about 80" against
    "at least 83"; "$3.6 billion" against "$8 billion" are two sums), where neither is a
    bound the other meets ("more than $1 million" against "$1.1 million" agree), neither
    sentence also gives the other's value ("$200 million and $600 million" against "$600
    million" agree on the $600 million and list another sum besides), and each is the
    other sentence's nearest value of that unit ("$3.6 billion … and $2.5 billion" against
    "$3.5 billion" compares 3.6 with 3.5).
    """
    if not qa.is_count or qa.unit != qb.unit or qa.admits(qb.value) or qb.admits(qa.value):
        return False
    low, high = sorted((qa.value, qb.value))
    if low <= 0 or high / low > NUMBER_RATIO:
        return False
    values_a = [q.value for q in in_a if q.unit == qa.unit]
    values_b = [q.value for q in in_b if q.unit == qb.unit]
    if qa.value in values_b or qb.value in values_a:
        return False
    return _closest(qa.value, values_b) == qb.value and _closest(qb.value, values_a) == qa.value


def _closest(value: float, others: Sequence[float]) -> float:
    """The one of ``others`` nearest ``value`` by ratio."""
    return min(others, key=lambda other: max(value, other) / max(min(value, other), 1e-9))


def _components(pairs: list, keys: Sequence[EventKeys]) -> list[tuple[list[tuple[int, int]], Evidence]]:
    """Numbers grouped into disagreements, surest pair first, each number in one group at most.

    A number joins a group only if it disagrees (is paired) with every member whose value
    differs from its own, so "47 percent" and "8 percent" never chain through a third figure.
    """
    linked = {(left, right) for left, right, _ in pairs} | {(right, left) for left, right, _ in pairs}
    group_of: dict[tuple[int, int], int] = {}
    groups: list[tuple[list[tuple[int, int]], Evidence]] = []
    for left, right, evidence in sorted(pairs, key=lambda pair: -pair[2].score):
        if left in group_of and right in group_of:
            continue
        if left not in group_of and right not in group_of:
            group_of[left] = group_of[right] = len(groups)
            groups.append(([left, right], evidence))
            continue
        member, newcomer = (left, right) if left in group_of else (right, left)
        group = groups[group_of[member]][0]
        mine = keys[newcomer[0]].quantities[newcomer[1]].value
        differing = [other for other in group if keys[other[0]].quantities[other[1]].value != mine]
        if all((newcomer, other) in linked for other in differing):
            group.append(newcomer)
            group_of[newcomer] = group_of[member]
    return groups


def _rows(components, keys, sentences, fact_of, tokens_of, by_id, hedge_matcher) -> list[dict]:
    rows = []
    for number, (members, evidence) in enumerate(components, start=1):
        values = sorted({keys[k].quantities[q].value for k, q in members})
        for k, q in members:
            quantity, s = keys[k].quantities[q], sentences[k]
            tokens = tokens_of[(s.article_id, s.index)]
            phrase, p_start, p_end = number_phrase(by_id[s.article_id], tokens, quantity.start, quantity.end,
                                                   hedge_matcher)
            rows.append({
                "disagreement_id": f"n{number}", "fact_id": fact_of.get(k, ""), "kind": "number",
                "outlet": s.outlet, "article_id": s.article_id, "value": f"{quantity.value:g}", "phrase": phrase,
                "start": p_start, "end": p_end, "sentence": s.text, "values": [f"{v:g}" for v in values],
                "confidence": evidence.confidence, "reason": evidence.reason,
            })
    return rows


def _disagreement_evidence(
    i: int, j: int, qa: Quantity, qb: Quantity, keys: Sequence[EventKeys], cosine: np.ndarray,
    tokens_of: dict, sentences: Sequence[Sentence], folder: WordFolder, rarity: Rarity,
) -> Evidence | None:
    """How sure it is that ``qa`` and ``qb`` are one quantity given differently, or None (not comparable).

    Contributions: the same unit 0.3; each content word shared by the numbers' own
    windows 0.15, the story's common words left out (up to 0.4; none costs 0.3: "60 votes
    to break" and "41 votes to block" share the unit but not the act); numbers for
    different acts (the word before them, or a verb after "to": needed/held, to break/to
    block) cost 0.4; half the sentences' event score (up to 0.3).
    """
    event = score_pair(keys[i], keys[j], float(cosine[i, j]), rarity, folder.stop_words, compare_numbers=False)
    if event.confidence < MIN_EVENT:
        return None
    si, sj = sentences[i], sentences[j]
    context_i = _context(tokens_of[(si.article_id, si.index)], qa, folder)
    context_j = _context(tokens_of[(sj.article_id, sj.index)], qb, folder)
    evidence = Evidence(0.3)
    evidence.note(f"same unit ({qa.unit_text}): {qa.value:g} against {qb.value:g}")
    shared = sorted((context_i & context_j) - rarity.common_words)  # "Senate" in a Senate story says nothing
    if shared:
        evidence.add(min(0.4, 0.15 * len(shared)), "the numbers' own words agree: " + ", ".join(shared[:4]))
    else:
        evidence.add(-0.3, "the words around the two numbers share nothing: they may count different things")
    acts_i = _acts(tokens_of[(si.article_id, si.index)], qa, folder)
    acts_j = _acts(tokens_of[(sj.article_id, sj.index)], qb, folder)
    if acts_i and acts_j and not acts_i & acts_j:
        evidence.add(-0.4, f"the numbers are for different acts ({', '.join(sorted(acts_i))} against "
                           f"{', '.join(sorted(acts_j))}): they may be two quantities, not one")
    evidence.add(min(0.3, event.confidence / 2), f"sentences {event.confidence:.2f} alike: {event.reason}")
    return evidence
