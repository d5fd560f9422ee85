"""Whether two sentences from different outlets state the same event, how sure, and why.

Shared words alone do not make one fact: two different statements by one senator share
his name and his verbs, a Friday meeting and a Wednesday one share everything but the
day. A pair is scored from the signals a reader would check (:func:`score_pair`):

- **same quoted words**: both sentences quote the same run of ``QUOTE_WORDS`` or more
  words (a quotation two outlets both carry is the strongest sign of one statement);
- **same actors**: entity mentions both sentences hold (``labels.collect_mentions``:
  pinned names and capitalized names, by their entity key);
- **same predicate**: content-word stems both share besides the actors' names;
- **word overlap**: the TF-IDF cosine of the two sentences (:mod:`.facts`);
- **blocks**: different weekdays, or different dates, or different numbers for the same
  unit ("30 pages" / "45 pages") make two events, whatever else they share.

Each signal is a named contribution to a :class:`~.confidence.Evidence`, so a pair's
``reason`` lists exactly the words that made it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..document import Document, Token
from ..grammar import MONTHS, QUOTE_MARKS, WEEKDAYS
from .common import Folder
from .confidence import Evidence
from .quantities import Quantity, quantities, weekdays

# A run of this many folded words inside quotation marks, in both sentences, is one quotation.
QUOTE_WORDS = 5
QUOTE_CONTENT_WORDS = 2
# A shorter shared run is part of one quotation: evidence, not proof.
PART_QUOTE_WORDS = 3
# An actor or word in more than this share of the story's sentences is common (see Rarity).
COMMON_SHARE = 0.1
# Pairs below this cosine are not scored at all (unless they share quoted words).
MIN_COSINE = 0.08
_TIME_WORDS = WEEKDAYS | MONTHS


@dataclass(frozen=True, slots=True)
class EventKeys:
    """What a sentence says happened: actors, predicate stems, days, quantities, quoted words."""

    actors: dict[str, str]  # entity key → the words naming it
    predicate: frozenset[str]
    days: frozenset[str]
    quantities: tuple[Quantity, ...]
    quoted: tuple[str, ...]  # folded words inside quotation marks, in order
    grams: frozenset[tuple[str, ...]] = frozenset()  # runs of PART_QUOTE_WORDS quoted words (a quick test)


def event_keys(
    doc: Document, tokens: Sequence[Token], folder: Folder, actors: dict[str, str], actor_words: set[str]
) -> EventKeys:
    """The keys of one sentence; ``actor_words`` are folded words of its mentions (not predicate)."""
    inside = quoted_positions(doc, tokens)
    predicate = frozenset(
        folder.stem(token.norm) for token in tokens
        if token.is_word and len(token.norm) > 2 and not token.norm[0].isdigit()
        and folder.fold(token.norm) not in folder.stop_words and folder.fold(token.norm) not in actor_words
        and folder.fold(token.norm) not in _TIME_WORDS
    )
    quoted = tuple(folder.fold(token.norm) for k, token in enumerate(tokens) if k in inside and token.is_word)
    grams = frozenset(quoted[k:k + PART_QUOTE_WORDS] for k in range(len(quoted) - PART_QUOTE_WORDS + 1))
    return EventKeys(
        {key: words for key, words in actors.items() if key not in _TIME_WORDS},
        predicate, weekdays(tokens, folder), tuple(quantities(doc, tokens, folder)), quoted, grams,
    )


def quoted_positions(doc: Document, tokens: Sequence[Token]) -> set[int]:
    """Indices (into ``tokens``) of the words inside the document's quotation regions."""
    regions = [(quote.inner_start, quote.inner_end) for quote in doc.quotes]
    return {
        k for k, token in enumerate(tokens)
        if token.text not in QUOTE_MARKS and any(a <= token.start and token.end <= b for a, b in regions)
    }


@dataclass(frozen=True, slots=True)
class Rarity:
    """Which actors and words are common in the story (in more than ``COMMON_SHARE`` of its sentences).

    The story's main actors and words ("Obama", "debate") are in every other sentence:
    sharing them says little about which event two sentences state.
    """

    common_actors: frozenset[str]
    common_words: frozenset[str]

    @classmethod
    def of(cls, keys: Sequence[EventKeys], n_outlets: int) -> Rarity:
        """Counted over the story's sentences; a fact every outlet states twice is never common."""
        actors: Counter[str] = Counter(key for k in keys for key in k.actors)
        words: Counter[str] = Counter(word for k in keys for word in k.predicate)
        limit = max(2.0 * n_outlets, COMMON_SHARE * len(keys))
        return cls(frozenset(a for a, n in actors.items() if n > limit),
                   frozenset(w for w, n in words.items() if n > limit))


def shared_quote(
    a: Sequence[str], b: Sequence[str], stop_words: frozenset[str] = frozenset(), *, least: int = QUOTE_WORDS
) -> str:
    """The longest run of ``least`` (``QUOTE_WORDS``) or more words both quotations hold, or "".

    A run needs ``QUOTE_CONTENT_WORDS`` words that are not ``stop_words``: "I don't think
    I can" is a turn of speech two different people use, not one quotation.
    """
    if len(a) < least or len(b) < least:
        return ""
    best = (0, 0)
    previous = [0] * (len(b) + 1)
    for i in range(1, len(a) + 1):
        current = [0] * (len(b) + 1)
        for j in range(1, len(b) + 1):
            if a[i - 1] == b[j - 1]:
                current[j] = previous[j - 1] + 1
                if current[j] > best[0]:
                    best = (current[j], i)
        previous = current
    length, end = best
    run = a[end - length:end]
    if length < least or sum(word not in stop_words for word in run) < QUOTE_CONTENT_WORDS:
        return ""
    return " ".join(run)


def blocking(a: EventKeys, b: EventKeys, *, compare_numbers: bool = True) -> str:
    """Why two sentences cannot state one event (different day, date or count), or "".

    ``compare_numbers=False`` leaves counts out (dates still block): the number table asks
    whether two sentences state one event *except* for their numbers.
    """
    if a.days and b.days and not a.days & b.days:
        return f"different days ({'/'.join(sorted(a.days))} against {'/'.join(sorted(b.days))})"
    units = {q.unit for q in a.quantities if (q.is_count and compare_numbers) or q.unit == "date"}
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

    Weights: word overlap gives at most 0.4; an actor in common 0.25 if it is not one of
    the story's common actors (0.15 if it is); each shared uncommon word 0.1, up to 0.3;
    when both name actors and none is in common the pair loses 0.3 (shared words alone
    are not enough), when one names none it loses 0.1. The same quoted words give 0.95
    outright, a shorter shared quoted run 0.15, two quotations in different words cost
    0.15 (two statements, not one); the same weekday adds 0.1, the same counts 0.1. A
    block (different days, dates or counts) sets the pair to 0.
    """
    block = blocking(a, b, compare_numbers=compare_numbers)
    evidence = Evidence()
    if block:
        evidence.note(f"not paired: {block}")
        return evidence
    quote = shared_quote(a.quoted, b.quoted, stop_words) if a.grams & b.grams else ""
    if quote:
        evidence.add(0.95, f"same quoted words (“{quote}”)")
        return evidence
    evidence.add(min(0.4, cosine), f"word overlap {cosine:.2f}")
    if a.quoted and b.quoted and max(len(a.quoted), len(b.quoted)) >= QUOTE_WORDS:
        part = shared_quote(a.quoted, b.quoted, stop_words, least=PART_QUOTE_WORDS) if a.grams & b.grams else ""
        if part:
            evidence.add(0.15, f"part of one quotation (“{part}”)")
        else:
            evidence.add(-0.15, "both quote someone, in different words")
    if a.days & b.days:
        evidence.add(0.1, "same day: " + "/".join(sorted(a.days & b.days)))
    actors = sorted(set(a.actors) & set(b.actors))
    specific = [key for key in actors if key not in rarity.common_actors]
    if specific:
        evidence.add(0.25, "same actors: " + ", ".join(a.actors[k] for k in actors))
    elif actors:
        evidence.add(0.15, "only the story's main actors in common: " + ", ".join(a.actors[k] for k in actors))
    elif a.actors and b.actors:
        evidence.add(-0.3, "different actors: " + ", ".join(sorted(a.actors.values())) + " against "
                     + ", ".join(sorted(b.actors.values())))
    else:
        evidence.add(-0.1, "no named actor to compare")
    predicate = sorted((a.predicate & b.predicate) - rarity.common_words)
    if predicate:
        evidence.add(min(0.3, 0.1 * len(predicate)), "shared words: " + ", ".join(predicate[:6]))
    numbers = sorted({f"{q.value:g} {q.unit_text}" for q in a.quantities if q.is_count}
                     & {f"{q.value:g} {q.unit_text}" for q in b.quantities if q.is_count})
    if numbers:
        evidence.add(0.1, "same numbers: " + ", ".join(numbers))
    return evidence
