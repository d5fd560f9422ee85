"""What each sentence says happened, as keys the fact pairer compares (:mod:`.fact_pairs`).

A sentence's keys are read from the parse, not from its bag of words:

- **actors**: the entities of the mention layer (``Document.mentions``: people,
  organisations and groups by canonical id, so "Sen. Chuck Schumer", "Mr. Schumer" and a
  resolved "he" are one actor ``person:schumer`` in every article) plus the story pack's
  pinned names and the capitalized names the labels table finds (``auto``: "America
  Rising", which the mention layer may miss); ``named`` marks the people, organisations
  and pinned names, the actors whose difference separates two events (a group such as
  "Democrats", or a capitalized run that may be a sentence's first word, "Regardless",
  is an actor to share but not one to differ on);
- **predicate**: content-word stems besides the actors' names and time words;
- **days** and **quantities**: what blocks two events apart (:mod:`.quantities`);
  **figures**: the specific ones ("33 Democrats", "Feb. 8"), which tie two sentences;
- **quoted**: the folded words of every quotation the sentence touches, in this sentence
  and the next and previous one, so a quotation that runs over two sentences ("… like
  he's running his business? God help us.") is found from either (no further: a speech
  quoted over ten sentences is not one statement); ``own`` keeps the words inside this
  sentence;
- **speakers**: who the sentence's quotations are attributed to (surname keys), since
  the same five words from two different speakers are two statements;
- **phrases**: content words inside short quotations ("malarkey", “dangerous
  demagogue”): a term two outlets both quote is a strong sign they report one remark.
  A quoted name (the “Suns Cartel”, Operation “Southern Lance”) is an actor, not a remark.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, fields

from ..analysis import ArticleAnalysis
from ..document import Document, Token
from ..grammar import MONTHS, QUOTE_MARKS, SPEECH_VERBS, SUBJECT_PRONOUNS, WEEKDAYS
from .common import WordFolder
from .labels import LabelUse
from .quantities import Quantity, month_of, quantities, weekdays

# A run of this many folded words in quotations of both sentences is one quotation.
PART_QUOTE_WORDS = 3
# A quotation of at most this many words is a quoted term ("malarkey"), read as a phrase.
PHRASE_WORDS = 4
# An actor or word in more than this share of the story's sentences is common (see Rarity).
COMMON_SHARE = 0.1
# A capitalized run the labels table finds is a name only with this many words ("America
# Rising"); one capitalized word is as often an adjective ("Republican") or a sentence's opener.
AUTO_NAME_WORDS = 2
_MONTH_BEFORE = re.compile(r"([A-Za-z]+)\.?\s+$")
# A count this large, with its unit, is specific enough to identify a fact ("33 Democrats").
FIGURE_AT = 10
ACTOR_KINDS = ("person", "organisation", "group")
NAMED_KINDS = ("person", "organisation")
_TIME_WORDS = WEEKDAYS | MONTHS


@dataclass(frozen=True, slots=True)
class EventKeys:
    """What a sentence says happened: actors, predicate stems, days, quantities, quoted words."""

    actors: dict[str, str]  # entity key → the words naming it
    predicate: frozenset[str]
    days: frozenset[str]
    quantities: tuple[Quantity, ...]
    quoted: tuple[str, ...]  # folded words of the quotations the sentence touches, in order
    grams: frozenset[tuple[str, ...]] = frozenset()  # runs of PART_QUOTE_WORDS quoted words (a quick test)
    own: tuple[str, ...] = ()  # the quoted words inside this sentence
    named: frozenset[str] = frozenset()  # actors that are people or organisations
    speakers: frozenset[str] = frozenset()  # surname keys of the quotations' speakers
    phrases: frozenset[str] = frozenset()  # content words of short quotations
    names: frozenset[str] = frozenset()  # stems of the words naming the actors (for Rarity)
    quoted_stems: frozenset[str] = frozenset()  # stems of the words inside this sentence's quotations
    figures: dict[str, str] = field(default_factory=dict)  # specific figures (see figures_of) → their words


def signature(keys: EventKeys) -> tuple:
    """Every field of ``keys`` as one hashable value: sentences with equal signatures have equal keys.

    The pair scorer is a pure function of two sentences' keys and their cosine, so a story
    that carries the same sentence several times (outlets running one wire report) scores
    each distinct pair of signatures once (:func:`.facts.event_scores`).
    """
    return tuple(tuple(sorted(value.items())) if isinstance(value, dict) else value
                 for value in (getattr(keys, column.name) for column in fields(keys)))


@dataclass(frozen=True, slots=True)
class Quotation:
    """One speech or scare quotation of a document: its character range and folded words."""

    start: int
    end: int
    words: tuple[str, ...]
    sentences: tuple[int, ...]  # the sentence index of each word


class DocumentKeys:
    """Reads the keys of each sentence of one analyzed document (its quotations and actors once)."""

    def __init__(self, analysis: ArticleAnalysis, folder: WordFolder, labels: Sequence[LabelUse]) -> None:
        self.doc = analysis.document
        self.folder = folder
        folded = folder.folded_tokens(self.doc)
        self.quotations = _quotations(self.doc, folded)
        self.speakers = _speakers(analysis)
        self.actors: dict[int, dict[str, str]] = defaultdict(dict)
        self.named: dict[int, set[str]] = defaultdict(set)
        self.actor_words: dict[int, set[str]] = defaultdict(set)
        tokens = self.doc.tokens
        for mention in self.doc.mentions:
            if mention.kind in ACTOR_KINDS and mention.entity and mention.end_token > mention.first:
                sentence = tokens[mention.first].sentence
                self.actors[sentence].setdefault(mention.entity, mention.text)
                self.actor_words[sentence].update(folded[mention.first:mention.end_token])
                if mention.kind in NAMED_KINDS:
                    self.named[sentence].add(mention.entity)
        for label in (m for m in labels if m.article_id == self.doc.id):
            sentence = tokens[label.first].sentence
            self.actor_words[sentence].update(folded[label.first:label.end])
            named_auto = len(label.text.split()) >= AUTO_NAME_WORDS and label.entity.lower() not in _TIME_WORDS
            if label.source == "pinned" or named_auto:
                self.actors[sentence].setdefault(f"{label.source}:{label.entity}", label.text)
            if label.source == "pinned":
                self.named[sentence].add(f"pinned:{label.entity}")

    def keys(self, index: int, tokens: Sequence[Token]) -> EventKeys:
        """The keys of sentence ``index`` (whose tokens are ``tokens``)."""
        folder, doc = self.folder, self.doc
        start, end = doc.sentences[index]
        actor_words = self.actor_words[index]
        predicate = frozenset(
            folder.stem(token.norm) for token in tokens
            if token.is_word and len(token.norm) > 2 and not token.norm[0].isdigit()
            and folder.fold(token.norm) not in folder.stop_words and folder.fold(token.norm) not in actor_words
            and folder.fold(token.norm) not in _TIME_WORDS and folder.fold(token.norm) not in SPEECH_VERBS
        )
        touched = [q for q in self.quotations if q.start < end and start < q.end]
        quoted = tuple(word for q in touched for word, at in zip(q.words, q.sentences, strict=True)
                       if abs(at - index) <= 1)
        inside = [token for token in tokens
                  if token.is_word and any(q.start <= token.start and token.end <= q.end for q in touched)]
        own = tuple(folder.fold(token.norm) for token in inside)
        phrases = frozenset(word for q in touched if len(q.words) <= PHRASE_WORDS for word in q.words
                            if word not in folder.stop_words and len(word) > 2 and word not in actor_words)
        grams = frozenset(quoted[k:k + PART_QUOTE_WORDS] for k in range(len(quoted) - PART_QUOTE_WORDS + 1))
        speakers = frozenset(key for (s, e), key in self.speakers if s < end and start < e)
        measured = tuple(quantities(doc, tokens, folder))
        return EventKeys(dict(self.actors[index]), predicate, weekdays(tokens, folder), measured,
                         quoted, grams, own, frozenset(self.named[index]), speakers, phrases,
                         frozenset(folder.stem(word) for word in actor_words),
                         frozenset(folder.stem(token.norm) for token in inside), figures_of(measured, doc.text))


def figures_of(measured: Sequence[Quantity], text: str) -> dict[str, str]:
    """The sentence's specific figures: counts of ``FIGURE_AT`` or more of a known unit, and dated days.

    "33 Democrats" or "Feb. 8" in two outlets' sentences of one story is one fact told
    twice; "two senators" or "three terms" are too common to say so. A day counts only
    with its month written before it; years are not counts (:mod:`.quantities`).
    """
    found = {}
    for q in measured:
        if q.unit == "date":
            before = _MONTH_BEFORE.search(text, max(0, q.start - 12), q.start)
            month = month_of(before.group(1).lower()) if before else ""
            if month:
                found[f"{month} {q.value:g}"] = text[before.start():q.end]
        elif q.is_count and q.value >= FIGURE_AT:
            words = text[q.start:q.end]
            found[f"{q.value:g} {q.unit}"] = words if q.unit in ("$", "%") else f"{words} {q.unit_text}"
    return found


def _quotations(doc: Document, folded: Sequence[str]) -> list[Quotation]:
    """The document's speech and scare quotations with their folded words (titles of works left out)."""
    found = []
    starts = doc.token_columns().starts
    for quote in doc.quotes:
        if quote.kind == "title":
            continue
        first, end = bisect_left(starts, quote.inner_start), bisect_left(starts, quote.inner_end)
        inside = [
            (folded[k], doc.tokens[k].sentence) for k in range(first, end)
            if doc.tokens[k].is_word and doc.tokens[k].text not in QUOTE_MARKS and doc.tokens[k].end <= quote.inner_end
        ]
        if inside:
            words, sentences = zip(*inside, strict=True)
            found.append(Quotation(quote.inner_start, quote.inner_end, words, sentences))
    return found


def _speakers(analysis: ArticleAnalysis) -> list[tuple[tuple[int, int], str]]:
    """Each quote span's range and its named speaker's surname key ("Sen. Kamala Harris" → "harris").

    Only people named by a capitalized surname: a pronoun ("she said") or a description
    ("the Republican nominee") names nobody to tell two speakers apart.
    """
    found = []
    for span in analysis.spans:
        named = span.type == "quote" and span.attrs.get("speaker_kind") == "named_person"
        words = str(span.attrs.get("speaker", "")).split() if named else []
        surname = words[-1].strip(".,’'") if words else ""
        if surname[:1].isupper() and surname.lower() not in SUBJECT_PRONOUNS:
            found.append(((span.start, span.end), surname.lower()))
    return found


@dataclass(frozen=True, slots=True)
class Rarity:
    """Which actors and words are common in the story (in more than ``COMMON_SHARE`` of its sentences).

    The story's main actors and words ("Obama", "debate") are in every other sentence:
    sharing them says little about which event two sentences state. The words naming
    actors count among the words, so "Senate" next to two numbers in a Senate story
    does not make them one count (:mod:`.numbers`).
    """

    common_actors: frozenset[str]
    common_words: frozenset[str]

    @classmethod
    def of(cls, keys: Sequence[EventKeys], n_outlets: int) -> Rarity:
        """Counted over the story's sentences; a fact every outlet states twice is never common."""
        actors: Counter[str] = Counter(key for k in keys for key in k.actors)
        words: Counter[str] = Counter(word for k in keys for word in k.predicate | k.phrases | k.names)
        limit = max(2.0 * n_outlets, COMMON_SHARE * len(keys))
        return cls(frozenset(a for a, n in actors.items() if n > limit),
                   frozenset(w for w, n in words.items() if n > limit))
