"""The learned lexicon: a token-level linear model of loaded language that adds to the curated one.

The curated ``loaded.tsv`` knows the words its editors listed; annotators of real news
mark many more ("testy", "tore into", "scathing"). So each word of an article is also
scored by a transparent logistic model over named features:

* ``word=<w>``: the word itself (its weight is a row of the editable ``learned_loaded.tsv``);
* ``stem=<s>``, ``suffix=<x>``, ``suffix4=<x>``, ``prefix=<x>``: its Porter2 stem, last three and
  four letters and first three ("-ous", "-ness", "dis-"),
  so an unseen inflection or a word of the same make carries some weight;
* ``prev=<w>``, ``next=<w>``: the neighbouring words ("tore" before "into");
* ``lexicon=<name>``: membership in each bundled lexicon (the curated loaded category,
  hedges, reporting verbs, source kinds);
* ``list=<name>``: membership (of the word or its stem) in each public word list of the model's
  ``learned_word_lists.tsv`` (Liu negative, strong subjectives, the NPOV bias lexicon...): an
  unseen word a list holds still carries that list's weight;
* ``voice=own|quoted|paraphrase`` (:mod:`framing.features.loaded_voice`), ``in_scare_quote``,
  ``capitalized`` (mid-sentence), ``first_sentence``, ``position`` (0 at the start of the
  article, 1 at the end) and ``sentence_slant`` (the sentence model, :mod:`framing.slant`).

A word whose probability reaches the model's threshold (its own for a lone sentence), and that no curated span covers,
is a loaded span with ``rule=learned_lexicon``, its ``score`` and ``why``, the named
contributions ("'reneged' as a word +1.60; writer's voice +0.40"). The learned model
never removes a curated row: where it is sure a curated match is not loaded (the probability of
its most loaded word under ``demote_below``: a phrase is loaded when one of its words is) the
curated span is kept but marked ``confidence: possible`` with the reason, and it is not counted
in the rates.

The model is trained on BABE and BASIL (AGPL-3.0 and research-use data) by
``scripts/train_learned_lexicon.py``, so it ships in ``lexicons/optional/loaded-research-use/``,
off by default.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Collection, Container, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import compress, repeat
from operator import add, itemgetter, le

from ..document import POSSIBLE, Document, Span
from ..learned_words import LEXICON_FEATURES
from ..lexicons import LearnedLexicon, Lexicons, term_tokens
from ..slant import score_sentences
from ..stemming import stem
from .learned_explain import explain, learned_note, learned_span
from .loaded import inflection_index  # the curated extractor's own inflection rules
from .loaded_terms import FEATURE_LEXICONS
from .loaded_voice import VoiceReader

MIN_LENGTH = 3
NOT_SCORED = -math.inf  # the memoised weight of a word the model does not score (short, or a stop word)


@dataclass(frozen=True, slots=True)
class TokenCandidate:
    """One word the model scores: its token index and named features."""

    index: int
    features: dict[str, float]


@lru_cache(maxsize=8)
def lexicon_vocabulary(lexicons: Lexicons, positive: tuple[tuple[str, float], ...]) -> dict[str, float]:
    """Every word of every term of the lexicons with a positive ``lexicon=`` weight (``positive``: name,
    weight; ``loaded:<category>`` for the loaded one), with the most its memberships could add: only these
    words can be their members, and a word is a member only of the lexicons (categories) whose terms hold it."""
    weight = dict(positive)
    held: dict[str, set[str]] = {}
    for name in (*LEXICON_FEATURES, "loaded"):
        for entry in lexicons[name]:
            member = f"loaded:{entry['category']}" if name == "loaded" else name
            if member in weight:
                for word in term_tokens(entry.key):
                    held.setdefault(word, set()).add(member)
    return {word: sum(weight[member] for member in members) for word, members in held.items()}


@lru_cache(maxsize=8)
def member_words(lexicons: Lexicons) -> frozenset[str]:
    """Every word of every term of the lexicons read as features: a token a match covers is one of these
    (the matcher compares whole term tokens), or an inflection of a one-word loaded term."""
    return frozenset(word for name in (*LEXICON_FEATURES, "loaded") for entry in lexicons[name]
                     for word in term_tokens(entry.key))


def lexicon_memberships(norms: Sequence[str], lexicons: Lexicons, offset: int = 0) -> dict[int, set[str]]:
    """For each token a lexicon match covers (index + ``offset``; most tokens have none), the bundled
    lexicons those matches belong to (loaded: by category). No term spans two sentences, so the
    document's memberships are its sentences' ones."""
    found: dict[int, set[str]] = {}
    for first, end, entry in lexicons.matcher("loaded").match(norms):
        for index in range(first + offset, end + offset):
            found.setdefault(index, set()).add(f"loaded:{entry['category']}")
    inflected = inflection_index(lexicons).entries_for(set(norms))
    if inflected:
        for index, norm in enumerate(norms, offset):
            if norm in inflected and index not in found:
                found[index] = {f"loaded:{inflected[norm]['category']}"}
    for name in LEXICON_FEATURES:
        for first, end, _ in lexicons.matcher(name).match(norms):
            for index in range(first + offset, end + offset):
                found.setdefault(index, set()).add(name)
    return found


class TokenFeatureReader:
    """The model's features of each content word of one document (memberships, quotes, slant read once).

    ``context`` is every feature but the voice, which costs most to read; scoring adds the
    voice only for a word that could still reach the threshold (see :func:`learned_spans`).
    """

    def __init__(self, doc: Document, lexicons: Lexicons, slant: Sequence[float] | None = None,
                 lists: Mapping[str, tuple[str, ...]] | None = None, voices: VoiceReader | None = None) -> None:
        if lists is None:  # (training passes the lists it trains on; extraction reads the model's)
            lists = lexicons.learned_loaded.lists if lexicons.learned_loaded is not None else {}
        self.lists = lists
        if slant is None:  # (training passes the held-out scores; extraction the ones it already has)
            model = lexicons.slant_model
            slant = [s.probability for s in score_sentences(doc, model)] if model else []
        self.doc, self.slant = doc, slant
        self.columns, self.lexicons = doc.token_columns(), lexicons
        self.sentence_memberships: dict[int, dict[int, set[str]]] = {}
        # (the loaded extractor passes the reader it then gives every loaded span's voice from: each sentence read once)
        self.voices = voices if voices is not None else VoiceReader(doc, lexicons.reporting_cues)
        self.scare = [(q.inner_start, q.inner_end) for q in doc.quotes if q.kind == "scare"]
        self.sentence_starts = {start for start, _ in doc.sentences}
        self.in_article = len(doc.sentences) > 1  # (a lone sentence has no place in an article)
        self.last = max(len(doc.sentences) - 1, 1)

    @cached_property
    def indexes(self) -> list[int]:
        """The content words: words of MIN_LENGTH letters or more that are not stop words."""
        words, stop = self.columns.is_word, self.lexicons.stop_words
        return [i for i, norm in enumerate(self.columns.norms) if words[i] and is_content(norm, stop)]

    def context(self, index: int) -> dict[str, float]:
        """Every feature of the word at token ``index`` except its voice."""
        columns = self.columns
        norms, norm, sentence = columns.norms, columns.norms[index], columns.sentences[index]
        features = dict.fromkeys(own_features(norm, self.lists), 1.0)
        features[f"prev={norms[index - 1] if index else '<start>'}"] = 1.0
        features[f"next={norms[index + 1] if index + 1 < len(norms) else '<end>'}"] = 1.0
        features.update((f"lexicon={name}", 1.0) for name in self.memberships(index))
        start = columns.starts[index]
        if self.scare and any(a <= start < b for a, b in self.scare):
            features["in_scare_quote"] = 1.0
        if columns.texts[index][0].isupper() and start not in self.sentence_starts:
            features["capitalized"] = 1.0
        if self.in_article:
            features["position"] = sentence / self.last
            if sentence == 0:
                features["first_sentence"] = 1.0
        if sentence < len(self.slant):
            features["sentence_slant"] = self.slant[sentence]
        return features

    def memberships(self, index: int) -> set[str] | tuple[()]:
        """The lexicons holding the word at ``index``, read a sentence at a time on first use
        (most sentences of an article have no word that needs them). A word no term of those lexicons
        holds, and that the curated extractor's memo says inflects no term, has none: no sentence read."""
        norm = self.columns.norms[index]
        if norm not in member_words(self.lexicons) and inflection_index(self.lexicons).memo.get(norm, True) is None:
            return ()
        sentence = self.columns.sentences[index]
        found = self.sentence_memberships.get(sentence)
        if found is None:
            tokens = self.voices.sentence_tokens(sentence)
            found = self.sentence_memberships[sentence] = lexicon_memberships(
                self.columns.norms[tokens.start:tokens.stop], self.lexicons, tokens.start)
        return found.get(index, ())

    def voice_feature(self, index: int) -> str:
        return f"voice={self.voices.voice_of(index, index + 1).voice}"

    def features(self, index: int) -> dict[str, float]:
        """Every feature of the word at token ``index``."""
        return {**self.context(index), self.voice_feature(index): 1.0}


def is_content(norm: str, stop_words: Container[str]) -> bool:
    """A word the model scores: MIN_LENGTH characters or more, starting with a letter, not a stop word."""
    return len(norm) >= MIN_LENGTH and norm[0].isalpha() and norm not in stop_words


@lru_cache(maxsize=65536)
def word_features(norm: str) -> tuple[str, ...]:
    """The word's own feature names (a corpus repeats its vocabulary, so they are built once per word):
    the word, its stem, its last three and four letters and its first three ("-ous", "-ness", "dis-"),
    so that an unseen word of a known make carries some weight."""
    return f"word={norm}", f"stem={stem(norm)}", f"suffix={norm[-3:]}", f"suffix4={norm[-4:]}", f"prefix={norm[:3]}"


def own_features(norm: str, lists: Mapping[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The feature names of the word alone: :func:`word_features` and the word lists holding it or its stem."""
    held = lists.get(norm, ()) + lists.get(stem(norm), ()) if lists else ()
    return word_features(norm) + tuple(f"list={name}" for name in dict.fromkeys(held))


def token_candidates(doc: Document, lexicons: Lexicons, slant: Sequence[float] | None = None,
                     lists: Mapping[str, tuple[str, ...]] | None = None) -> list[TokenCandidate]:
    """Every content word of ``doc`` with the model's features (``slant``: each sentence's probability;
    ``lists``: the word lists, by default the loaded model's)."""
    reader = TokenFeatureReader(doc, lexicons, slant, lists)
    return [TokenCandidate(index, reader.features(index)) for index in reader.indexes]


def learned_spans(
    doc: Document, lexicons: Lexicons, model: LearnedLexicon, curated: Sequence[Span], slant: Sequence[float] = (),
    voices: VoiceReader | None = None,
) -> tuple[list[Span], dict[int, str]]:
    """The learned model's own spans (words no curated span covers), and curated spans it demotes.

    Returns ``(spans, demoted)``: ``demoted`` maps the position of a curated span in
    ``curated`` to the reason it is only "possible" (only spans that could be demoted are read: not a
    scare quote, not already "possible"). A word outside the curated spans whose score could not reach
    the threshold even in the most favourable voice is not read further.
    """
    scorer = model.scorer
    columns = doc.token_columns()
    covered: dict[int, int] = {}  # token index → the position of the curated span covering it
    for position, span in enumerate(curated):
        covered.update(dict.fromkeys(range(bisect_left(columns.starts, span.start),
                                           bisect_left(columns.starts, span.end)), position))
    threshold, shown = model.threshold_for(len(doc.sentences)), model.shown_from(len(doc.sentences))
    cut = math.log(shown / (1 - shown)) if 0 < shown < 1 else -math.inf
    doubtable = {index for index, position in covered.items() if could_demote(curated[position])}
    reader = TokenFeatureReader(doc, lexicons, slant, model.lists, voices)
    spans: list[Span] = []
    note = ""  # (the spans' note, built on the first one)
    strongest: dict[int, tuple[float, Mapping[str, float]]] = {}  # each curated span's most loaded word
    for index in reachable(reader, model, covered.keys(), cut, doubtable):
        features = reader.features(index)
        probability = scorer.probability(features)
        position = covered.get(index)
        if position is not None:
            if probability > strongest.get(position, (-1.0, {}))[0]:
                strongest[position] = (probability, features)
        elif probability >= shown:
            note = note or learned_note(model)
            spans.append(learned_span(doc, index, features, probability, model, threshold, note))
    demoted = {
        position: f"the learned lexicon gives it {probability:.2f} (< {model.demote_below:.2f}): "
        + explain(scorer, features)
        for position, (probability, features) in strongest.items() if probability < model.demote_below
    }
    return spans, demoted


def could_demote(span: Span) -> bool:
    """A curated span the learned lexicon may still demote: not a scare quote (one is never demoted), not
    already "possible" (the context scorer's doubt stands), and a row of a lexicon the model reads as features
    (``loaded.tsv``): a ``loaded_drama.tsv`` row lacks the membership weight every row the model was trained
    with has, so its low score would say which file the row is in, not whether the word is loaded."""
    return (span.label != "scare quote" and span.attrs.get("confidence") != POSSIBLE
            and span.attrs.get("lexicon", FEATURE_LEXICONS[0]) in FEATURE_LEXICONS)


def reachable(reader: TokenFeatureReader, model: LearnedLexicon, covered: Container[int], cut: float,
              doubtable: Collection[int] = ()) -> list[int]:
    """The content words worth reading in full: every word of a curated span it may demote (``doubtable``:
    token indexes), and each word no curated span covers (``covered``) whose log-odds could reach ``cut``.

    The bound is the intercept, the word's own weight (word, stem, endings, word lists: one memo lookup),
    its neighbours', its sentence's exact terms (slant, position, first sentence: one list lookup), the
    most its voice could add (the quoted voice's weight inside a quotation), its capital's weight when
    it is capitalised mid-sentence, and the positive weight of scare quotes; plus its lexicon
    memberships' positive weights for a word a term of such a lexicon holds (or that may inflect one: the
    curated extractor's memo says), read a sentence at a time only when they could lift it over ``cut``.
    Only the tokens of :func:`hopeful_tokens` (and the covered ones) are visited.
    """
    columns = reader.columns
    norms, starts, sentences, texts = columns.norms, columns.starts, columns.sentences, columns.texts
    own, (before, after) = model.word_weights, model.neighbour_weights
    weights = model.scorer.weights
    capital = weights.get("capitalized", 0.0)
    base = (model.scorer.intercept + model.context_ceiling_voice + max(0.0, weights.get("in_scare_quote", 0.0))
            + max(0.0, capital))
    by_sentence = sentence_terms(reader, weights)
    lexicon_ceiling = model.lexicon_ceiling
    quoted, quoted_gap = columns.quoted, model.context_ceiling_voice - weights.get("voice=quoted", 0.0)
    vocabulary = lexicon_vocabulary(reader.lexicons, model.positive_lexicons)
    inflections = inflection_index(reader.lexicons).memo
    last = len(norms) - 1
    words, sentence_starts = columns.is_word, reader.sentence_starts
    visited = hopeful_tokens(reader, model, base, by_sentence, cut)
    kept = []
    for index in sorted({*visited, *doubtable}) if doubtable else visited:
        norm = norms[index]
        weight = own[norm]
        if weight == NOT_SCORED or not words[index]:
            continue
        if index in covered:
            if index in doubtable:
                kept.append(index)
            continue
        total = (base + weight + by_sentence[sentences[index]]
                 + before.get(norms[index - 1] if index else "<start>", 0.0)
                 + after.get(norms[index + 1] if index < last else "<end>", 0.0))
        if quoted[index]:  # (a word inside a quotation has the quoted voice: no more favourable one)
            total -= quoted_gap
        if total >= cut and capital < 0 and texts[index][0].isupper() and starts[index] not in sentence_starts:
            total += capital
        if total >= cut:  # (over the cut already: no need to read its lexicons here)
            kept.append(index)
        elif total + vocabulary.get(norm, 0.0) >= cut or (
                total + lexicon_ceiling >= cut and inflections.get(norm, True) is not None):
            # (its lexicons could lift it over the cut, or it might inflect a curated term: read them)
            total += sum(max(0.0, weights.get("lexicon=" + name, 0.0)) for name in reader.memberships(index))
            if total >= cut:
                kept.append(index)
    return kept


SLACK = 1e-9  # (the per-document bound adds its terms in another order than the per-token one: rounding)


def hopeful_tokens(reader: TokenFeatureReader, model: LearnedLexicon, base: float, by_sentence: Sequence[float],
                   cut: float) -> list[int]:
    """The tokens that could reach ``cut``, found at C speed (``map``) so that :func:`reachable`'s Python loop
    sees about 1 token in 50 of an article: first every token, whose word's :func:`WordCeilings` plus ``base``
    (intercept, most favourable voice and context), its sentence's term (slant, position) and the model's
    highest neighbour weights must reach it (about 1 in 5 do); then those with their own neighbours' weights
    and, inside a quotation, the quoted voice."""
    columns, ceilings = reader.columns, word_ceilings(reader.lexicons, model)
    norms = columns.norms
    loose = map(add, map(ceilings.__getitem__, norms), map(by_sentence.__getitem__, columns.sentences))
    tokens = list(compress(range(len(norms)), map(le, repeat(cut - base - model.neighbour_ceiling - SLACK), loose)))
    if len(tokens) < 2:
        return tokens
    # (then each of those tokens with its own sentence's term, neighbours and, quoted, the quoted voice)
    before, after = model.neighbour_weights
    pick, padded = itemgetter(*tokens), ("<start>", *norms, "<end>")  # (padded[t]: before token t, [t + 2]: after)
    quoted_voice = (0.0, model.scorer.weights.get("voice=quoted", 0.0) - model.context_ceiling_voice)
    zeros = repeat(0.0)
    bounds = map(add, map(ceilings.__getitem__, pick(norms)), map(by_sentence.__getitem__, pick(columns.sentences)))
    bounds = map(add, bounds, map(before.get, pick(padded), zeros))
    bounds = map(add, bounds, map(after.get, itemgetter(*[t + 2 for t in tokens])(padded), zeros))
    bounds = map(add, bounds, map(quoted_voice.__getitem__, pick(columns.quoted)))
    return list(compress(tokens, map(le, repeat(cut - base - SLACK), bounds)))


class WordCeilings(dict):
    """Memo, per lexicon set and model: the most a word (norm) adds to its log-odds anywhere, its own weight plus
    what its lexicon memberships could add (``NOT_SCORED`` for a word the model does not score), filled as words
    are met, so that a document's tokens are looked up at C speed (``map``) in :func:`hopeful_tokens`."""

    def __init__(self, lexicons: Lexicons, model: LearnedLexicon) -> None:
        super().__init__()
        self.lexicons, self.model = lexicons, model
        self.vocabulary = lexicon_vocabulary(lexicons, model.positive_lexicons)

    def __missing__(self, norm: str) -> float:
        """A new word's ceiling (and its own weight, into the model's memo): the weights of the lexicons whose
        terms hold it, or every lexicon weight if it inflects a curated term (asked once per word, so a word
        that inflects none is bounded tightly for the rest of the corpus)."""
        model, lexicons, own = self.model, self.lexicons, self.model.word_weights
        weight = own.get(norm)
        if weight is None:
            weight = own[norm] = (sum(model.scorer.weights.get(name, 0.0) for name in own_features(norm, model.lists))
                                  if is_content(norm, lexicons.stop_words) else NOT_SCORED)
        if weight != NOT_SCORED:
            inflects = inflection_index(lexicons).entries_for({norm})
            weight += model.lexicon_ceiling if inflects else self.vocabulary.get(norm, 0.0)
        self[norm] = weight
        return weight


@lru_cache(maxsize=8)
def word_ceilings(lexicons: Lexicons, model: LearnedLexicon) -> WordCeilings:
    """The :class:`WordCeilings` memo of a lexicon set and model (both immutable, so it stays valid)."""
    return WordCeilings(lexicons, model)


def sentence_terms(reader: TokenFeatureReader, weights: Mapping[str, float]) -> list[float]:
    """Each sentence's share of a word's log-odds that depends on the sentence alone: its slant,
    its place in the article and whether it is the first (what :meth:`TokenFeatureReader.context` adds)."""
    slant, n_slant = reader.slant, len(reader.slant)
    slant_weight, position, first = (weights.get(name, 0.0) for name in ("sentence_slant", "position",
                                                                          "first_sentence"))
    terms = []
    for sentence in range(len(reader.doc.sentences)):
        term = slant_weight * slant[sentence] if sentence < n_slant else 0.0
        if reader.in_article:
            term += position * (sentence / reader.last) + (first if sentence == 0 else 0.0)
        terms.append(term)
    return terms
