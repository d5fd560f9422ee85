"""Which words the learned lexicon reads in full: an upper bound on each word's log-odds, cheap to compute.

Reading a word in full (its voice, its lexicon memberships, every named feature) costs far more than
adding up the weights that bound its score, and in an article only about 1 token in 50 can reach the
shown bar (docs/learned-lexicon.md). :func:`reachable` returns the tokens that
:func:`framing.features.learned_loaded.learned_spans` reads: the bound only ever leaves out a word
that could not be shown, so the spans are the ones full scoring of every word would give.
"""

from __future__ import annotations

from collections.abc import Collection, Container, Mapping, Sequence
from functools import lru_cache
from itertools import repeat
from typing import TYPE_CHECKING

import numpy

from ..learned_words import LEXICON_FEATURES
from ..lexicons import LearnedLexicon, Lexicons, term_tokens
from ..slant import sentence_bounds
from .learned_word_features import NOT_SCORED, is_content, own_features
from .loaded import inflection_index  # the curated extractor's own inflection rules

if TYPE_CHECKING:
    from .learned_loaded import TokenFeatureReader


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
    """The tokens that could reach ``cut``, found in array arithmetic so that :func:`reachable`'s Python loop
    sees about 1 token in 50 of an article: first every token, whose word's :func:`WordCeilings` plus ``base``
    (intercept, most favourable voice and context), its sentence's term (slant, position) and the model's
    highest neighbour weights must reach it (about 1 in 5 do); then those with their own neighbours' weights
    and, inside a quotation, the quoted voice. (One dict lookup per token, then numpy: summing the terms
    token by token in Python floats cost more than the rest of the learned lexicon's bound.)"""
    columns, ceilings = reader.columns, word_ceilings(reader.lexicons, model)
    norms = columns.norms
    if not norms:
        return []
    # (tokens are in text order, so each sentence's term is repeated over its run of tokens)
    per_sentence = [end - first for first, end in sentence_bounds(reader.doc)]
    loose = (numpy.fromiter(map(ceilings.__getitem__, norms), float, len(norms))
             + numpy.repeat(numpy.asarray(by_sentence, float), per_sentence))
    tokens = numpy.flatnonzero(loose >= cut - base - model.neighbour_ceiling - SLACK)
    if not len(tokens):
        return []
    # (then each of those tokens with its own neighbours and, quoted, the quoted voice)
    before, after = model.neighbour_weights
    picked, padded = tokens.tolist(), ("<start>", *norms, "<end>")  # (padded[t]: before token t, [t + 2]: after)
    count, zeros = len(picked), repeat(0.0)
    quoted_gap = model.scorer.weights.get("voice=quoted", 0.0) - model.context_ceiling_voice
    bounds = (loose[tokens]
              + numpy.fromiter(map(before.get, map(padded.__getitem__, picked), zeros), float, count)
              + numpy.fromiter(map(after.get, map(padded.__getitem__, (tokens + 2).tolist()), zeros), float, count)
              + quoted_gap * numpy.fromiter(map(columns.quoted.__getitem__, picked), float, count))
    return tokens[bounds >= cut - base - SLACK].tolist()


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
