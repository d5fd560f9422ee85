"""Sentence slant: the share of an article's sentences a model trained on expert labels would call slanted.

A loaded-term count sees only listed words; expert annotators (BABE) judge whole
sentences. So a second transparent model scores each sentence: a logistic regression
over the sentence's distinct words, each present word weighing ``1/sqrt(k)`` (k: the
sentence's words the model knows; a binary bag of words normalised to unit length, so a
long sentence is not slanted by length alone). Its weights are data
(``slant_model.json``, format ``framing-linear-model/1``, features ``word=<norm>``), and
a sentence's evidence is the words that moved it most ("'slammed' +0.42; 'radical' +0.31").

An article's ``slant`` is the share of its sentences in the writer's own voice (fewer than
half of their words quoted) scored at or above the model's threshold, with how many
sentences that share is taken over. The model is trained on BABE (AGPL-3.0 data), so it
ships in the optional set (``lexicons/optional/loaded-research-use/``), never in the MIT default;
without it, no slant is computed.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Container, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from itertools import compress, pairwise
from typing import NamedTuple

from .document import Document
from .linear_model import LinearScorer

WORD_PREFIX = "word="
EVIDENCE_WORDS = 3


class SentenceSlant(NamedTuple):
    """One sentence's score, whether it is in the writer's own voice, and the named features behind it.
    (Immutable as a named tuple: built for every sentence of every article, at a third of a frozen
    dataclass's cost.)"""

    index: int
    probability: float
    own_voice: bool
    known: AbstractSet[str]  # the sentence's words the model has a weight for
    value: float  # each one's feature value, 1/sqrt(their number)

    @property
    def features(self) -> dict[str, float]:
        """The named features the score was computed from (built only when read: evidence, tests)."""
        return dict.fromkeys(map(WORD_PREFIX.__add__, self.known), self.value)

    def evidence(self, model: LinearScorer) -> str:
        """The words that moved the score most: "'slammed' +0.42; 'radical' +0.31" (built only when shown)."""
        labels = {name: f"'{name[len(WORD_PREFIX):]}'" for name in self.features}
        return model.explain(self.features, most=EVIDENCE_WORDS, labels=labels)


def sentence_features(norms: Sequence[str], vocabulary: Container[str]) -> dict[str, float]:
    """The sentence's words the model knows (``word=<norm>`` in ``vocabulary``), each 1/sqrt(their number)."""
    known = {f"{WORD_PREFIX}{norm}" for norm in norms if f"{WORD_PREFIX}{norm}" in vocabulary}
    value = 1.0 / math.sqrt(len(known)) if known else 0.0
    return dict.fromkeys(known, value)


def sentence_bounds(doc: Document) -> list[tuple[int, int]]:
    """Each sentence's token range ``(first, end)`` (tokens are in text order, their sentence numbers sorted)."""
    numbers = doc.token_columns().sentences
    cuts = [bisect_left(numbers, sentence) for sentence in range(len(doc.sentences) + 1)]
    return list(pairwise(cuts))


def sentence_norms(doc: Document) -> list[list[str]]:
    """Each sentence's lower-case word norms (the model's vocabulary is norms)."""
    columns = doc.token_columns()
    norms, words = columns.norms, columns.is_word
    return [[norms[i] for i in range(first, end) if words[i]] for first, end in sentence_bounds(doc)]


@lru_cache(maxsize=8)
def word_weights(model: LinearScorer) -> dict[str, float]:
    """The model's ``word=<norm>`` weights keyed by the norm itself, built once per model, so scoring a
    sentence looks its norms up directly instead of building a feature name for each."""
    return {name[len(WORD_PREFIX):]: weight for name, weight in model.weights.items() if name.startswith(WORD_PREFIX)}


def score_sentences(doc: Document, model: LinearScorer) -> list[SentenceSlant]:
    """Every sentence's slant probability (and the features its evidence is read from).

    The same computation as ``model.probability(sentence_features(...))``, written out because it
    runs on every sentence of every article: each known word adds its weight / sqrt(known words).
    Only words can be known (the vocabulary is built from word norms), so a sentence's norms are
    intersected with the model's words without filtering out punctuation first.
    """
    columns = doc.token_columns()
    norms, is_word, quoted = columns.norms, columns.is_word, columns.quoted
    weights = word_weights(model)
    known_words = weights.keys()
    result = []
    for index, (first, end) in enumerate(sentence_bounds(doc)):
        known = known_words & norms[first:end]  # (a set operation at C speed, over the sentence's norms)
        value = 1.0 / math.sqrt(len(known)) if known else 0.0
        logit = model.intercept + value * sum(map(weights.__getitem__, known))
        flags, marks = is_word[first:end], quoted[first:end]
        words = flags.count(True)
        inside = sum(compress(marks, flags)) if True in marks else 0  # (quoted words: most sentences have none)
        own = words > 0 and inside * 2 < words
        result.append(SentenceSlant(index, 1.0 / (1.0 + math.exp(-logit)), own, known, value))
    return result


def article_slant(sentences: Sequence[SentenceSlant], threshold: float) -> dict[str, float | int]:
    """``{"score", "n_sentences"}``: the share of own-voice sentences at or above ``threshold``."""
    own = [s for s in sentences if s.own_voice]
    slanted = sum(s.probability >= threshold for s in own)
    return {"score": round(slanted / len(own), 3) if own else 0.0, "n_sentences": len(own)}
