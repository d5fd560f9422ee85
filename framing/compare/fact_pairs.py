"""Whether two sentences from different outlets state the same event, how sure, and why.

Shared words alone do not make one fact: two different statements by one senator share
his name and his verbs, a Friday meeting and a Wednesday one share everything but the
day. A pair is scored from the signals a reader would check (:func:`score_pair`):

- **same quoted words**: both sentences quote the same run of ``QUOTE_WORDS`` or more
  words (a quotation two outlets both carry is the strongest sign of one statement);
- **same actors**: entities of the mention layer both sentences name, by canonical id
  (:mod:`.fact_keys`), and the story pack's pinned names;
- **same quoted term**: a short quotation both carry ("malarkey");
- **same predicate**: content-word stems both share besides the actors' names;
- **word overlap**: the TF-IDF cosine of the two sentences (:mod:`.facts`);
- **blocks**: different weekdays, or different dates, or different numbers for the same
  unit ("30 pages" / "45 pages") make two events, whatever else they share.

Each signal is a named contribution to a :class:`~.confidence.Evidence`, so a pair's
``reason`` lists exactly the words that made it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from .confidence import Evidence
from .fact_keys import PART_QUOTE_WORDS, EventKeys, Rarity

# A run of this many folded words inside quotation marks, in both sentences, is one quotation.
QUOTE_WORDS = 5
QUOTE_CONTENT_WORDS = 2
# What a specific figure both sentences give ("33 Democrats", "Feb. 8") adds (fact_keys.figures_of).
SAME_FIGURE = 0.4
# What actors in common add: one that is not among the story's common actors, or only common ones.
SAME_ACTORS = 0.25
MAIN_ACTORS = 0.15
# What each shared uncommon word adds, up to SHARED_WORDS_CAP; the word-overlap cosine counts up to COSINE_CAP.
SHARED_WORD = 0.1
SHARED_WORDS_CAP = 0.3
COSINE_CAP = 0.4
# Pairs below this cosine are not scored at all (unless they share quoted words).
MIN_COSINE = 0.08
NOT_PAIRED = "not paired"  # how the reason of a blocked pair begins


def shared_quote(
    a: Sequence[str], b: Sequence[str], stop_words: frozenset[str] = frozenset(), *, least: int = QUOTE_WORDS
) -> str:
    """The longest run of ``least`` (``QUOTE_WORDS``) or more words both quotations hold, or "".

    A run needs ``QUOTE_CONTENT_WORDS`` words that are not ``stop_words``: "I don't think
    I can" is a turn of speech two different people use, not one quotation.
    """
    if len(a) < least or len(b) < least:
        return ""
    # The longest common run by dynamic programming over matching positions only: the
    # lengths of runs ending at (i, j) for the words of ``b`` equal to ``a[i - 1]``, so the
    # cost follows the matches, not len(a) × len(b). Ties go to the run that ends first in ``a``.
    if a == b:  # the same quotation (one outlet copying another): the whole of it is the longest run
        return _quoted_run(tuple(a), stop_words, least)
    positions: dict[str, list[int]] = {}
    for j, word in enumerate(b, start=1):
        positions.setdefault(word, []).append(j)
    best = (0, 0)
    previous: dict[int, int] = {}
    for i, word in enumerate(a, start=1):
        current = {j: previous.get(j - 1, 0) + 1 for j in positions.get(word, ())}
        if current:
            longest = max(current.values())
            if longest > best[0]:
                best = (longest, i)
        previous = current
    length, end = best
    return _quoted_run(tuple(a[end - length:end]), stop_words, least)


def _quoted_run(run: tuple[str, ...], stop_words: frozenset[str], least: int) -> str:
    """``run`` as words, if it is long enough and holds ``QUOTE_CONTENT_WORDS`` words that are not stop words."""
    if len(run) < least or sum(word not in stop_words for word in run) < QUOTE_CONTENT_WORDS:
        return ""
    return " ".join(run)


def blocking(a: EventKeys, b: EventKeys, *, compare_numbers: bool = True) -> str:
    """Why two sentences cannot state one event (different day, date or count), or "".

    ``compare_numbers=False`` leaves counts out (dates still block): the number table asks
    whether two sentences state one event *except* for their numbers.
    """
    if a.days and b.days and a.days.isdisjoint(b.days):
        return f"different days ({'/'.join(sorted(a.days))} against {'/'.join(sorted(b.days))})"
    if not (a.quantities and b.quantities):  # a unit needs values on both sides to block
        return ""
    # In the order ``a`` states them: a set's order varies with the hash seed, and with two
    # blocking units the reason named one or the other from run to run.
    units = dict.fromkeys(q.unit for q in a.quantities if (q.is_count and compare_numbers) or q.unit == "date")
    for unit in units:
        mine = {q.value for q in a.quantities if q.unit == unit}
        theirs = {q.value for q in b.quantities if q.unit == unit}
        if mine and theirs and not mine & theirs:
            words = next(q.unit_text for q in a.quantities if q.unit == unit)
            listed = ", ".join(f"{v:g}" for v in sorted(mine | theirs))
            return f"different numbers for {words} ({listed})"
    return ""


def score_pair(
    a: EventKeys, b: EventKeys, cosine: float, rarity: Rarity, stop_words: frozenset[str],
    *, compare_numbers: bool = True,
) -> Evidence:
    """How sure it is that ``a`` and ``b`` state one event, as named contributions.

    A block (different days, dates or counts) sets the pair to 0. The same quoted words
    (:func:`quoted_evidence`) decide a pair outright. Otherwise the weights are:

    - word overlap: the cosine, at most 0.4;
    - actors: one in common 0.25 if it is not one of the story's common actors (0.15 if
      it is); when both name people or organisations and none is in common, -0.3 (shared
      words alone are not enough); otherwise no actor in common, -0.1;
    - words: each shared uncommon word 0.1, up to 0.3; a word one sentence quotes and the
      other writes in its own voice is not shared ("went to law school" in a biography is
      not the quoted jibe "never went to law school");
    - quotations: a term both quote ("malarkey") 0.25; a shorter shared quoted run 0.15;
      two quotations in different words -0.15 (two statements, not one); quoted words
      two different speakers share -0.4 (the same words said twice are two statements,
      and then a shared quoted term counts for nothing);
    - the same specific figures ("33 Democrats", "Feb. 8": ``SAME_FIGURE``) 0.4, else the
      same smaller counts 0.1; the same weekday 0.1.
    """
    block = blocking(a, b, compare_numbers=compare_numbers)
    evidence = Evidence()
    if block:
        evidence.note(f"{NOT_PAIRED}: {block}")
        return evidence
    if quoted_evidence(a, b, stop_words, evidence):
        return evidence
    evidence.add(min(COSINE_CAP, cosine), f"word overlap {cosine:.2f}")
    two_speakers = bool(a.speakers and b.speakers and a.speakers.isdisjoint(b.speakers))
    shared_grams = not a.grams.isdisjoint(b.grams)
    if two_speakers and shared_grams:
        evidence.add(-0.4, f"quoted words shared by different speakers ({'/'.join(sorted(a.speakers))} "
                           f"against {'/'.join(sorted(b.speakers))}): two statements")
    elif a.own and b.own and max(len(a.own), len(b.own)) >= QUOTE_WORDS:
        part = shared_quote(a.own, b.own, stop_words, least=PART_QUOTE_WORDS) if shared_grams else ""
        if part:
            evidence.add(0.15, f"part of one quotation (“{part}”)")
        elif a.phrases.isdisjoint(b.phrases):
            evidence.add(-0.15, "both quote someone, in different words")
    if not (two_speakers or a.phrases.isdisjoint(b.phrases)):
        terms = sorted((a.phrases & b.phrases) - rarity.common_words)
        if terms:
            evidence.add(0.25, "both quote the term " + ", ".join(f"“{t}”" for t in terms[:3]))
    if not a.days.isdisjoint(b.days):
        evidence.add(0.1, "same day: " + "/".join(sorted(a.days & b.days)))
    _actor_evidence(a, b, rarity, evidence)
    predicate = sorted(word for word in (a.predicate & b.predicate) - rarity.common_words
                       if (word in a.quoted_stems) == (word in b.quoted_stems))
    if predicate:
        evidence.add(min(SHARED_WORDS_CAP, SHARED_WORD * len(predicate)), "shared words: " + ", ".join(predicate[:6]))
    _figure_evidence(a, b, evidence)
    return evidence


def _figure_evidence(a: EventKeys, b: EventKeys, evidence: Evidence) -> None:
    """The specific figures both sentences give, else the counts they share (nothing to compare without both)."""
    figures = sorted(a.figures[key] for key in a.figures.keys() & b.figures.keys()) if a.figures and b.figures else []
    if figures:
        evidence.add(SAME_FIGURE, "same figures: " + ", ".join(figures))
    elif a.quantities and b.quantities:
        numbers = sorted({f"{q.value:g} {q.unit_text}" for q in a.quantities if q.is_count}
                         & {f"{q.value:g} {q.unit_text}" for q in b.quantities if q.is_count})
        if numbers:
            evidence.add(0.1, "same numbers: " + ", ".join(numbers))


def quoted_evidence(a: EventKeys, b: EventKeys, stop_words: frozenset[str], evidence: Evidence) -> bool:
    """Add the same-quotation signal to ``evidence``; True when it decides the pair.

    The same run of ``QUOTE_WORDS`` words inside both sentences gives 0.95; a run found in
    a quotation one of them only continues (the quotation runs over two sentences) 0.85.
    Quotations both attributed, to different speakers, are two statements in the same words.
    """
    if a.grams.isdisjoint(b.grams):
        return False
    if a.speakers and b.speakers and a.speakers.isdisjoint(b.speakers):
        return False
    quote = shared_quote(a.own, b.own, stop_words)
    if quote:
        evidence.add(0.95, f"same quoted words (“{quote}”)")
        return True
    quote = shared_quote(a.quoted, b.quoted, stop_words)
    if quote:
        evidence.add(0.85, f"one quotation, which runs on into the next or previous sentence (“{quote}”)")
        return True
    return False


def _actor_evidence(a: EventKeys, b: EventKeys, rarity: Rarity, evidence: Evidence) -> None:
    """The actors both sentences name, or the penalty for naming none in common."""
    actors = sorted(a.actors.keys() & b.actors.keys())
    specific = [key for key in actors if key not in rarity.common_actors]
    if specific:
        evidence.add(SAME_ACTORS, "same actors: " + ", ".join(a.actors[k] for k in actors))
    elif actors:
        evidence.add(MAIN_ACTORS, "only the story's main actors in common: " + ", ".join(a.actors[k] for k in actors))
    elif a.named and b.named:
        evidence.add(-0.3, "different actors: " + ", ".join(sorted(a.actors[k] for k in a.named)) + " against "
                     + ", ".join(sorted(b.actors[k] for k in b.named)))
    else:
        evidence.add(-0.1, "no actor in common")


class PairReasons:
    """The evidence of the sentence pairs a story scored, rebuilt when a row asks for it rather than kept.

    A story of 25 long versions scores some 300,000 pairs, and keeping every pair's
    :class:`~.confidence.Evidence` (its reason's words) took 160 MB, where a row's
    confidence reads the reasons of a few pairs per sentence. :func:`score_pair` is a pure
    function of the pair's keys and cosine, so the rebuilt evidence is the one scored.
    A pair is looked up in either order, and scored as ``(smaller, larger)`` index.
    """

    def __init__(
        self, keys: Sequence[EventKeys], cosine: np.ndarray, rarity: Rarity, stop_words: frozenset[str],
        scored: np.ndarray, blocked: set[tuple[int, int]],
    ) -> None:
        self.keys, self.cosine, self.rarity, self.stop_words = keys, cosine, rarity, stop_words
        self.scored = scored  # (count × count) bool, True at (i, j) for i < j when the pair was scored
        self._blocked = blocked

    def __contains__(self, pair: tuple[int, int]) -> bool:
        return bool(self.scored[min(pair), max(pair)])

    def __getitem__(self, pair: tuple[int, int]) -> Evidence:
        i, j = min(pair), max(pair)
        if not self.scored[i, j]:
            raise KeyError(pair)
        return score_pair(self.keys[i], self.keys[j], float(self.cosine[i, j]), self.rarity, self.stop_words)

    def blocked(self, i: int, j: int) -> bool:
        """Whether the pair was scored and found to be two events (:func:`blocking`): its reason is ``NOT_PAIRED``."""
        return (min(i, j), max(i, j)) in self._blocked
