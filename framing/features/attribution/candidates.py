"""Candidate attribution cues for the learned scorer, from general generators, each with named features.

The rules (:mod:`.source_rules`, :mod:`.cue_rules`, :mod:`.constructions`) decide lexicon
cues and a few constructions precisely, but PolNeAR-style annotation (Newell et al. 2018)
counts almost any predicate of an actor as a cue of attribution: "has banned", "is open
to", "plans to", "his call for". No word list covers those, so the generators here
propose them broadly, and a transparent linear model (:mod:`framing.linear_model`,
``lexicons/attribution_scorer.json``) decides which count:

* ``lexicon`` and ``construction``: every lexicon cue and construction the rules
  considered, accepted or turned down, with the rule that decided (``rule=<name>``, and
  ``rule_accepted`` when it made an attribution);
* ``subject_verb``: the first word after a clause subject and its auxiliaries, when the
  subject is a person, organisation, pronoun or determined noun phrase ("The group has
  banned", "She is open to", "Trump, who plans to"); a copula's adjective counts;
* ``coordinated_verb``: a verb-shaped word after "and"/"but" in a sentence that has such a
  subject ("Lamsa said … and noted");
* ``possessive_noun``: an actor's possessive then a noun then a preposition ("his call
  for", "Trump's opposition to");
* ``speaker_colon``: a name opening a sentence, then a colon ("PENCE: Well, …").

Features are named classes, never a word itself, so a model generalises beyond the
articles it was trained on: the lexicon class of the head (reporting-verb stance,
``signals_speech``, listed as loaded or a hedge), the subject's kind and how it was
found, the auxiliaries (passive, modal, perfect), negation, distance to the subject,
word shape, what follows (that-clause, to-infinitive, quote, colon), whether the words after it
introduce content (``content=``: a that-clause, a quote, an "as" complement after a short object,
or none: "Weiner failed in a bid" is a predicate, not a report), sentence position
and whether a quote is in the sentence. One candidate is kept per stretch of words: a
rule's candidate first, then the generators in the order above. A cue turned down by a check in
``FINAL_REJECTIONS`` (an ordinary predicate: "endorsed Clinton") is no candidate.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from ...grammar import (
    BE_FORMS,
    HAVE_FORMS,
    MODALS,
    NEGATIONS,
    PREPOSITIONS,
    QUOTE_MARKS,
)
from ...lexicons import Entry, Lexicons
from .clauses import introduces_content
from .generators import generated_cues, head_shape
from .model import Attribution, CueCandidate, Unit
from .phrases import NOT_HEADS, Context

# Checks whose rejection is final: the scorer never sees the cue, so a model trained on annotation
# that counts every predicate of an actor (PolNeAR) cannot bring back "endorsed Clinton" (:mod:`.cue_rules`).
# A verb inside another cue's clause ("said she believed") is left to the scorer: PolNeAR counts
# nested attributions, and the rules' rejection is one of its features.
FINAL_REJECTIONS = frozenset(["predicate_needs_content"])


class Proposal(NamedTuple):
    """A candidate cue: tokens ``[first, last]``, the generator that proposed it and its named features.

    ``attribution`` is the rules' attribution when they accepted it (its source, conduits
    and content are kept if the scorer accepts it too); ``entry`` the lexicon row, if any.
    The features are kept as names, every one valued 1.0, in the order the scorer sums them:
    ``common`` (a combination that repeats across candidates) then ``more``; ``turned_down``
    adds ``rule_accepted`` at 0.0 (a rule considered the cue and turned it down). The dict of
    :attr:`features` is built only when asked (training, the explanation of a kept cue): most
    candidates are scored and dropped, and building one per candidate cost more than scoring it.
    """

    first: int
    last: int
    generator: str
    common: tuple[str, ...]
    more: tuple[str, ...]
    attribution: Attribution | None
    entry: Entry | None
    turned_down: bool = False

    @property
    def features(self) -> dict[str, float]:
        """The named features as the model reads them: name → value."""
        features = dict.fromkeys(self.common, 1.0)
        features.update(dict.fromkeys(self.more, 1.0))
        if self.turned_down:
            features["rule_accepted"] = 0.0
        return features


def lexicon_classes(lexicons: Lexicons) -> dict[str, tuple[str, ...]]:
    """Each one-word form of a listed term → its lexicon classes (stance, signals_speech, loaded, hedge).

    Built once per lexicon stack (keyed by its checksum, which changes with any row), so
    a user's ``--lexicons`` layer is what the features see, without rebuilding the map for
    every document (it cost more than the generators).
    """
    cached = _CLASSES.get(lexicons.checksum)
    if cached is None:
        if len(_CLASSES) >= 8:
            _CLASSES.clear()
        cached = _CLASSES[lexicons.checksum] = _build_classes(lexicons)
    return cached


_CLASSES: dict[str, dict[str, tuple[str, ...]]] = {}


def _build_classes(lexicons: Lexicons) -> dict[str, tuple[str, ...]]:
    classes: dict[str, set[str]] = {}
    for entry in lexicons["reporting_verbs"]:
        first = entry.key.lower().split()[0]
        classes.setdefault(first, set()).update({f"stance={entry['stance']}", f"speech={entry['signals_speech']}",
                                                 f"needs_content={entry['needs_content']}"})
    for name, tag in (("loaded", "loaded"), ("hedges", "hedge")):
        for entry in lexicons[name]:
            words = entry.key.lower().split()
            if len(words) == 1:
                classes.setdefault(words[0], set()).add(f"{tag}={entry['category']}")
    return {word: tuple(sorted(found)) for word, found in classes.items()}


def proposals(
    context: Context, lexicons: Lexicons, candidates: Sequence[CueCandidate], found: Sequence[Attribution]
) -> list[Proposal]:
    """Every candidate cue in the document, one per stretch of words, with its features."""
    classes = lexicon_classes(lexicons)
    counts = TokenCounts(context)
    by_start = {attribution.start: attribution for attribution in found}
    # The words of the sources' names: a subject that shares one is an actor heard speaking before.
    speakers = frozenset().union(*[_name_words(a.source.name) for a in found if a.source is not None])
    cue_sentences = {a.sentence for a in found}
    proposed: list[Proposal] = []
    taken: set[int] = set()

    def add(first: int, last: int, generator: str, unit: Unit | None, via: str, extra: Sequence[str] = (),
            attribution: Attribution | None = None, entry: Entry | None = None, turned_down: bool = False) -> None:
        span = range(first, last + 1)
        if not taken.isdisjoint(span):
            return
        taken.update(span)
        common, more = _features(context, counts, classes, first, last, generator, unit, via)
        more.extend(extra)
        if unit is not None and not speakers.isdisjoint(_name_words(unit.name)):
            more.append("subject_is_a_source")  # an actor the rules already heard speak in this article
        if tokens[first].sentence in cue_sentences and attribution is None:
            more.append("sentence_has_rule_cue")
        proposed.append(Proposal(first, last, generator, common, tuple(more), attribution, entry, turned_down))

    tokens = context.tokens
    for candidate in candidates:
        cue = candidate.cue
        if candidate.rule in FINAL_REJECTIONS:
            taken.update(range(cue.first, cue.end))  # not a report: no generator may propose these words either
            continue
        attribution = by_start.get(tokens[cue.first].start) if candidate.accepted else None
        extra = (f"rule={candidate.rule}", "rule_accepted") if candidate.accepted else (f"rule={candidate.rule}",)
        add(cue.first, cue.end - 1, "lexicon", candidate.unit, "rule", extra, attribution, cue.entry,
            not candidate.accepted)
    for attribution in found:  # constructions (no lexicon candidate); a lexicon cue's start is taken already
        first = context.first_token_from(attribution.start)
        if first is not None:
            last = max(first, bisect_left(context.ends, attribution.end))
            add(first, last, "construction", None, "rule", (f"rule={attribution.rule}", "rule_accepted"),
                attribution, attribution.entry)
    for first, last, generator, unit, via in generated_cues(context):
        add(first, last, generator, unit, via)
    return sorted(proposed, key=lambda proposal: proposal.first)


@lru_cache(maxsize=16384)
def _name_words(name: str) -> frozenset[str]:
    """The capitalized words of a name ("Donald Trump" → {"donald", "trump"}), to tell one actor's mentions
    (cached: the same names recur in every article of a story)."""
    return frozenset(word.lower() for word in name.split() if word[:1].isupper() and len(word) > 2)


def _following(context: Context, last: int, sentence: int) -> str:
    """What opens the words after the cue: a that-clause, an infinitive, a quote, a colon, a preposition…"""
    index = last + 1
    if index >= len(context.tokens) or context.tokens[index].sentence != sentence:
        return "end"
    norm, text = context.norms[index], context.tokens[index].text
    if text in QUOTE_MARKS or context.tokens[index].quoted:
        return "quote"
    if norm in ("that", "to", ":", ","):
        return {"that": "that", "to": "to", ":": "colon", ",": "comma"}[norm]
    if norm in ("whether", "if", "how", "why", "what"):
        return "question"
    if norm in PREPOSITIONS:
        return "preposition"
    if norm in NOT_HEADS:
        return "function_word"
    if text[:1].isupper():
        return "name"
    return "word"


@lru_cache(maxsize=4096)
def _feature_names(
    generator: str, kind: str, found: str, via: str, gap: int, shape: str, following: str, words_after: str,
    content: str,
) -> tuple[str, ...]:
    """The one-valued features' names, in the order the scorer sums them; cached, for candidates repeat
    a few hundred combinations and building thirteen names each time was a fifth of the features' cost."""
    return (
        f"generator={generator}", f"subject={kind}", f"subject_found={found}", f"subject_via={via or 'none'}",
        f"subject_gap={gap}", f"shape={shape}", f"next={following}",
        f"generator={generator}&subject={kind}", f"generator={generator}&next={following}",
        f"words_after={words_after}", f"next={following}&shape={shape}", f"content={content}",
        f"content={content}&generator={generator}",
    )


@lru_cache(maxsize=4096)
def _class_names(lexical: tuple[str, ...], kind: str) -> tuple[str, ...]:
    """The head's lexicon classes (or ``unlisted``), each alone and with the subject's kind (cached)."""
    return tuple(name for found in lexical or ("unlisted",)
                 for name in (f"class={found}", f"class={found}&subject={kind}"))


class TokenCounts:
    """Running counts over a document's tokens, so a feature's count over a window is two lookups.

    Every candidate counted the words after it and the quote marks around it token by token;
    the prefix sums are built once per document (in C, ``accumulate``) and give the same counts.
    """

    def __init__(self, context: Context) -> None:
        columns = context.doc.token_columns()
        self._words = [0, *accumulate(columns.is_word)]
        self._quotes = [0, *accumulate(quoted or text in QUOTE_MARKS
                                       for quoted, text in zip(columns.quoted, columns.texts, strict=True))]
        self._starts = columns.starts
        self._sentences = context.doc.sentences

    def words_between(self, first: int, stop: int) -> int:
        """How many of tokens ``first`` .. ``stop - 1`` are words (0 for an empty range)."""
        return self._words[stop] - self._words[first] if stop > first else 0

    def quote_marks_between(self, first: int, stop: int) -> int:
        """How many of tokens ``first`` .. ``stop - 1`` are quoted or are quotation marks."""
        return self._quotes[stop] - self._quotes[first] if stop > first else 0

    def sentence_stop(self, sentence: int) -> int:
        """The first token that starts at or after the end of ``sentence``."""
        return bisect_left(self._starts, self._sentences[sentence][1])


def _features(
    context: Context, counts: TokenCounts, classes: Mapping[str, tuple[str, ...]], first: int, last: int,
    generator: str, unit: Unit | None, via: str,
) -> tuple[tuple[str, ...], list[str]]:
    """The named features of one candidate, all 0/1 (see the module docstring): the names of those
    present, as the cached combination of one-valued features and the list of the rest."""
    tokens, norms = context.tokens, context.norms
    sentence = tokens[first].sentence
    head = last
    while head > first and norms[head] in NOT_HEADS:
        head -= 1
    auxiliaries = {norms[i] for i in range(first, head)} if head > first else _NONE
    kind = "none" if unit is None else "pronoun" if unit.label.startswith("pronoun") else unit.kind
    found = "none" if unit is None else "lexicon" if unit.label not in ("unlisted name", "unlisted noun phrase") \
        else unit.label.replace(" ", "_")
    gap = 0 if unit is None else max(0, first - unit.last - 1)
    sentence_first = context.sentence_first.get(sentence, first)
    following = _following(context, last, sentence)
    content = introduces_content(context, last, sentence)
    # An attribution reports something: words must follow in the sentence (counted up to 11).
    rest = counts.words_between(last + 1, min(len(tokens), last + 12, counts.sentence_stop(sentence)))
    shape = head_shape(norms[head])
    # Only the features that are present: a feature's absence is its weight times zero.
    words_after = "0" if rest == 0 else "1-3" if rest <= 3 else "4-10" if rest <= 10 else "11+"
    common = _feature_names(generator, kind, found, via, min(gap, 3), shape, following, words_after, content)
    more = []
    if auxiliaries:
        if not auxiliaries.isdisjoint(BE_FORMS):
            more.append("passive" if shape == "ed" else "copula")
        more.extend(name for name, forms in _AUXILIARY_FLAGS if not auxiliaries.isdisjoint(forms))
    if last > first:
        more.append("multiword")
    if tokens[head].quoted:
        more.append("in_quote")
    if counts.quote_marks_between(max(sentence_first, first - 8), min(len(tokens), last + 8)) > 0:
        more.append("quote_near")
    if unit is not None and unit.first == sentence_first:
        more.append("subject_opens_sentence")
    if first - sentence_first < 8:
        more.append("sentence_early")
    if tokens[head].text[:1].isupper():
        more.append("capitalized")
    more.extend(_class_names(classes.get(norms[head], ()), kind))
    return common, more


_NONE: frozenset[str] = frozenset()
# Flags read from the auxiliaries before the head, in the order the scorer sums them.
_AUXILIARY_FLAGS = (("perfect", HAVE_FORMS), ("modal", MODALS), ("negated", NEGATIONS))
