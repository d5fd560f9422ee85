"""Training the learned lexicon (token model) and the sentence slant model on annotated text.

Both are logistic regressions over named features, so every decision they make can be
read as named contributions (:mod:`framing.features.learned_loaded`, :mod:`framing.slant`).
Training takes plain :class:`framing.training.AnnotatedText` (a group, the text, the marked
spans), so users retrain on their own annotations. Honest evaluation is built in: every
figure and every threshold comes from predictions on groups (events, documents,
sentences) held out of the fold that predicted them, and the held-out predictions are
returned so the benchmarks can score them (``cross_validated``).

The slant model trains on texts with a sentence label (``label`` True/False: BABE's
Biased / Non-biased); the token model on all texts, its ``sentence_slant`` feature taken
from held-out slant scores for the texts the slant model trained on (no leak). scikit-learn
is imported here only.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .corpus import parse_text
from .features.learned_loaded import token_candidates
from .lexicons import Lexicons
from .linear_model import FORMAT, LinearScorer
from .slant import WORD_PREFIX, sentence_features, sentence_norms
from .training import AnnotatedText, touches

FOLDS = 5
EXCLUDED = "lexicon=loaded:exclusion"  # a word inside an exclusion phrase is not a curated finding
TOKEN_C = 0.3  # inverse L2 strength of the token model (grouped CV: 0.3 beat 0.5 and 1.0 with the word lists)
SLANT_C = 2.0  # and of the sentence model
MIN_DOCUMENT_FREQUENCY = 2  # a word must occur in two training texts to get a weight
PRUNE = 0.01  # weights smaller than this are left out of the files (they change no decision)
DEMOTE_MAX_PRECISION = 0.10  # a curated match under demote_below is marked this rarely or less


@dataclass(frozen=True, slots=True)
class TokenExample:
    """One word: its features, whether it touches a mark, and where it is."""

    features: Mapping[str, float]
    label: bool
    group: str
    source: str
    text_id: str
    start: int
    end: int
    curated: bool  # a curated loaded-lexicon word (a candidate the model may demote)
    article: bool = True  # from a text of more than one sentence (an article), not a lone sentence


def _fit(rows: Sequence[Mapping[str, float]], labels: Sequence[bool], c: float,
         positive_weight: float = 1.0) -> tuple[dict[str, float], float]:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform(rows)
    model = LogisticRegression(C=c, max_iter=3000, class_weight={False: 1.0, True: positive_weight}).fit(matrix, labels)
    names = vectorizer.get_feature_names_out()
    return {str(n): float(w) for n, w in zip(names, model.coef_[0], strict=True)}, float(model.intercept_[0])


def held_out(rows: Sequence[Mapping[str, float]], labels: Sequence[bool], groups: Sequence[str], c: float,
             folds: int = FOLDS, positive_weight: float = 1.0) -> list[float]:
    """Each row's probability from a model fitted without its group (GroupKFold)."""
    from sklearn.model_selection import GroupKFold

    probabilities = [0.0] * len(rows)
    splitter = GroupKFold(n_splits=min(folds, len(set(groups))))
    for train, test in splitter.split(list(range(len(rows))), labels, groups):
        weights, intercept = _fit([rows[i] for i in train], [labels[i] for i in train], c, positive_weight)
        scorer = LinearScorer(weights, intercept, 0.5, {}, "fold")
        for index in test:
            probabilities[index] = scorer.probability(rows[index])
    return probabilities


def slant_vocabulary(norm_lists: Sequence[Sequence[str]]) -> set[str]:
    """``word=<norm>`` names of the words in at least MIN_DOCUMENT_FREQUENCY texts."""
    frequency = Counter(norm for norms in norm_lists for norm in set(norms))
    return {f"{WORD_PREFIX}{norm}" for norm, n in frequency.items() if n >= MIN_DOCUMENT_FREQUENCY}


def macro_f1(predicted: Sequence[bool], gold: Sequence[bool]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, predicted, average="macro"))


def train_slant(labelled: Sequence[tuple[AnnotatedText, bool]], lexicons: Lexicons) -> tuple[dict[str, Any],
                                                                                             dict[str, float]]:
    """The slant model file and each training text's held-out probability (by text id)."""
    norm_lists = [[n for sentence in sentence_norms(parse_text(t.text, lexicons, id=t.id)) for n in sentence]
                  for t, _ in labelled]
    vocabulary = slant_vocabulary(norm_lists)
    rows = [sentence_features(norms, vocabulary) for norms in norm_lists]
    labels = [label for _, label in labelled]
    oof = held_out(rows, labels, [t.group for t, _ in labelled], SLANT_C)
    grid = [step / 100 for step in range(5, 96)]
    threshold = max(grid, key=lambda t: (macro_f1([p >= t for p in oof], labels), -abs(t - 0.5)))
    weights, intercept = _fit(rows, labels, SLANT_C)
    figures = {"macro_f1": round(macro_f1([p >= threshold for p in oof], labels), 3), "texts": len(labels),
               "slanted_share": round(sum(labels) / len(labels), 3), "folds": FOLDS}
    model = _model_file(weights, intercept, threshold, figures, "sentences, each its own group")
    return model, {t.id: p for (t, _), p in zip(labelled, oof, strict=True)}


def token_examples(texts: Sequence[AnnotatedText], lexicons: Lexicons, slant: Mapping[str, float],
                   slant_model: LinearScorer | None,
                   lists: Mapping[str, tuple[str, ...]] | None = None) -> list[TokenExample]:
    """Every content word of every text, labelled by the marks (sentence slant held out where it can be)."""
    from .slant import score_sentences

    examples = []
    for item in texts:
        doc = parse_text(item.text, lexicons, id=item.id)
        if item.id in slant:
            scores = [slant[item.id]] * len(doc.sentences)
        else:
            scores = [s.probability for s in score_sentences(doc, slant_model)] if slant_model else []
        columns = doc.token_columns()
        for candidate in token_candidates(doc, lexicons, scores, lists or {}):
            start, end = columns.starts[candidate.index], columns.ends[candidate.index]
            curated = any(n.startswith("lexicon=loaded:") and n != EXCLUDED for n in candidate.features)
            examples.append(TokenExample(candidate.features, touches(start, end, item.marked), item.group,
                                         item.source, item.id, start, end, curated, len(doc.sentences) > 1))
    return examples


def f1(predicted: Sequence[bool], gold: Sequence[bool]) -> dict[str, float]:
    tp = sum(p and g for p, g in zip(predicted, gold, strict=True))
    precision = tp / max(sum(predicted), 1)
    recall = tp / max(sum(gold), 1)
    return {"precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0}


def reported(examples: Sequence[TokenExample], oof: Sequence[float], threshold: float | Mapping[bool, float],
             bar: float) -> list[bool]:
    """What framing would report of each word: a curated word unless the model demotes it (under
    ``bar``), any other word at or above ``threshold`` (one, or by context: article → threshold)."""
    cuts = threshold if isinstance(threshold, Mapping) else {True: threshold, False: threshold}
    return [p >= bar if e.curated else p >= cuts[e.article] for e, p in zip(examples, oof, strict=True)]


GRID = tuple(step / 100 for step in range(3, 96))
CONTEXTS = {"article": True, "sentence": False}  # a text of several sentences, or a lone sentence


@dataclass(frozen=True, slots=True)
class TextScores:
    """One text's held-out scores as the threshold sees them (a curated word kept whatever the threshold
    scores +inf, a demoted one -inf): every word's, the marked words', and each mark's best word's."""

    source: str
    article: bool
    words: list[float]
    hits: list[float]
    marks: list[float]


class PhraseScorer:
    """Held-out precision, recall and F1 of what framing reports at any threshold.

    Phrase level (``marks``: text id → the marked spans): precision is the share of reported words
    that touch a mark, recall the share of marks a reported word touches, so a long marked phrase
    counts once, as a reader sees it. Token level (no marks): each marked word is one item of recall.
    """

    def __init__(self, examples: Sequence[TokenExample], oof: Sequence[float], bar: float,
                 marks: Mapping[str, Sequence[tuple[int, int]]] | None = None) -> None:
        by_text: dict[str, list[tuple[TokenExample, float]]] = defaultdict(list)
        for e, p in zip(examples, oof, strict=True):
            by_text[e.text_id].append((e, math.inf if e.curated and p >= bar else -math.inf if e.curated else p))
        self.texts: dict[str, TextScores] = {}
        for text_id, words in by_text.items():
            hits = [score for e, score in words if e.label]
            best = ([max((score for e, score in words if e.start < b and a < e.end), default=-math.inf)
                     for a, b in marks.get(text_id, ())] if marks is not None else hits)
            first = words[0][0]
            self.texts[text_id] = TextScores(first.source, first.article, [w for _, w in words], hits, best)
        self.groups = {e.text_id: e.group for e in examples}

    def figures(self, text_ids: Sequence[str], thresholds: Mapping[bool, float]) -> dict[str, dict[str, float]]:
        """Per dataset, the figures of the texts ``text_ids`` at ``thresholds`` (article → threshold)."""
        return self._pooled(dict.fromkeys(text_ids, thresholds))

    def best(self, text_ids: Sequence[str]) -> float:
        """The grid threshold with the highest mean F1 over the datasets of ``text_ids`` (middle of a tie)."""
        scores = {t: _mean_f1(self.figures(text_ids, {True: t, False: t})) for t in GRID}
        top = max(scores.values())
        best = [t for t in GRID if scores[t] == top]
        return best[len(best) // 2]  # the middle of a tie: furthest from both ends of the plateau

    def thresholds(self, text_ids: Sequence[str]) -> dict[str, float]:
        """One threshold per context present among ``text_ids``, each chosen on that context's texts alone."""
        chosen = {}
        for context, article in CONTEXTS.items():
            mine = [t for t in text_ids if self.texts[t].article == article]
            if mine:
                chosen[context] = self.best(mine)
        return chosen

    def nested(self, folds: int = FOLDS) -> dict[str, dict[str, float]]:
        """The held-out figures of thresholds chosen honestly: for each fold of groups, the thresholds
        are chosen on the other folds (:meth:`thresholds`) and applied to this one; the counts are pooled."""
        from sklearn.model_selection import GroupKFold

        ids = list(self.texts)
        groups = [self.groups[t] for t in ids]
        applied: dict[str, dict[bool, float]] = {}
        for train_index, test_index in GroupKFold(n_splits=min(folds, len(set(groups)))).split(ids, groups=groups):
            chosen = self.thresholds([ids[i] for i in train_index])
            cuts = {CONTEXTS[c]: t for c, t in chosen.items()}
            for i in test_index:
                applied[ids[i]] = cuts
        return self._pooled(applied)

    def _pooled(self, applied: Mapping[str, Mapping[bool, float]]) -> dict[str, dict[str, float]]:
        counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for text_id, cuts in applied.items():
            text = self.texts[text_id]
            cut = cuts[text.article] if text.article in cuts else cuts[not text.article]  # (a fold may lack one)
            tally = counts[text.source]
            for position, values in enumerate((text.words, text.hits, text.marks)):
                tally[position] += sum(v >= cut for v in values)
            tally[3] += len(text.marks)
        return {source: _figures(hits / max(reported, 1), found / max(n_marks, 1))
                for source, (reported, hits, found, n_marks) in sorted(counts.items())}


def choose_threshold(examples: Sequence[TokenExample], oof: Sequence[float], bar: float = 0.0) -> float:
    """The one threshold that maximises the mean over datasets of held-out token F1 of what framing
    reports (curated words the model keeps, and the words it adds)."""
    scorer = PhraseScorer(examples, oof, bar)
    return scorer.best(list(scorer.texts))


def _mean_f1(figures: Mapping[str, Mapping[str, float]]) -> float:
    return sum(f["f1"] for f in figures.values()) / max(len(figures), 1)


def _figures(precision: float, recall: float) -> dict[str, float]:
    return {"precision": round(precision, 3), "recall": round(recall, 3),
            "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0}


def demote_bar(examples: Sequence[TokenExample], oof: Sequence[float]) -> float:
    """The highest probability under which held-out curated words are marked DEMOTE_MAX_PRECISION or less."""
    curated = [(oof[i], e.label) for i, e in enumerate(examples) if e.curated]
    best = 0.0
    for step in range(1, 50):
        bar = step / 100
        under = [label for p, label in curated if p < bar]
        if len(under) >= 20 and sum(under) / len(under) <= DEMOTE_MAX_PRECISION:
            best = bar
    return best


def train_tokens(examples: Sequence[TokenExample], marks: Mapping[str, Sequence[tuple[int, int]]] | None = None,
                 c: float = TOKEN_C, positive_weight: float = 1.0) -> tuple[dict[str, Any], list[float]]:
    """The learned lexicon's model file (word weights included) and the held-out probabilities.

    Its ``threshold`` serves articles and ``provenance.sentence_threshold`` lone sentences: each is
    chosen on that context's held-out predictions (phrase-level F1 of what framing reports, with
    ``marks``: text id → marked spans), since a sentence picked for annotation holds far more loaded
    words than an article does. ``cross_validated.nested`` gives the figures of thresholds chosen
    without the fold they are scored on.
    """
    rows = [e.features for e in examples]
    labels = [e.label for e in examples]
    oof = held_out(rows, labels, [e.group for e in examples], c, positive_weight=positive_weight)
    bar = demote_bar(examples, oof)
    phrases = PhraseScorer(examples, oof, bar, marks or {e.text_id: () for e in examples})
    chosen = phrases.thresholds(list(phrases.texts))
    threshold = chosen.get("article", chosen.get("sentence", 0.5))
    sentence_threshold = chosen.get("sentence", threshold)
    figures: dict[str, Any] = {"folds": FOLDS, "grouped_by": "event (BASIL) or sentence (BABE)",
                               "threshold_chosen_by": "per context (articles; lone sentences), max mean held-out "
                                                      "phrase-level F1 over the datasets of the words framing "
                                                      "reports (curated kept + learned added)"}
    by_article = {True: threshold, False: sentence_threshold}
    flags = reported(examples, oof, by_article, bar)
    for source in sorted({e.source for e in examples}):
        index = [i for i, e in enumerate(examples) if e.source == source]
        figures[source] = f1([oof[i] >= by_article[examples[i].article] for i in index], [labels[i] for i in index])
        figures[f"{source}_reported"] = f1([flags[i] for i in index], [labels[i] for i in index])
    figures["phrases_at_chosen_thresholds"] = phrases.figures(list(phrases.texts), by_article)
    figures["phrases_nested"] = phrases.nested()
    weights, intercept = _fit(rows, labels, c, positive_weight)
    model = _model_file(weights, intercept, threshold, figures, figures["grouped_by"])
    model["provenance"]["demote_below"] = bar
    model["provenance"]["sentence_threshold"] = round(sentence_threshold, 2)
    return model, oof


def word_counts(examples: Sequence[TokenExample]) -> Counter[str]:
    """How many training tokens each ``word=`` feature had (the table's ``examples`` column)."""
    return Counter(name for e in examples for name in e.features if name.startswith(WORD_PREFIX))


def _model_file(weights: Mapping[str, float], intercept: float, threshold: float, figures: Mapping[str, Any],
                grouped_by: str) -> dict[str, Any]:
    kept = {n: round(w, 4) for n, w in weights.items() if abs(w) >= PRUNE}
    return {"format": FORMAT, "weights": dict(sorted(kept.items(), key=lambda item: -abs(item[1]))),
            "intercept": round(intercept, 4), "threshold": round(threshold, 2),
            "provenance": {"trained": datetime.date.today().isoformat(), "grouped_by": grouped_by,
                           "cross_validated": dict(figures), "model": "logistic regression, L2 (lbfgs)"}}


@dataclass(frozen=True, slots=True)
class Trained:
    """What one training run produced: the two model files and the held-out predictions behind their figures."""

    token_model: dict[str, Any]
    slant_model: dict[str, Any] | None
    examples: list[TokenExample]
    held_out: list[float]
    slant_held_out: dict[str, float]


def train(texts: Sequence[AnnotatedText], labelled: Mapping[str, bool], lexicons: Lexicons,
          lists: Mapping[str, tuple[str, ...]] | None = None) -> Trained:
    """Fit the slant model on the texts with a sentence label, then the token model on every text
    (``lists``: word → the public word lists holding it, read as ``list=`` features)."""
    with_labels = [(t, labelled[t.id]) for t in texts if t.id in labelled]
    slant_file, slant_oof = train_slant(with_labels, lexicons) if with_labels else (None, {})
    slant_scorer = (LinearScorer(slant_file["weights"], slant_file["intercept"], slant_file["threshold"], {}, "")
                    if slant_file else None)
    examples = token_examples(texts, lexicons, slant_oof, slant_scorer, lists)
    token_file, oof = train_tokens(examples, {t.id: t.marked for t in texts})
    return Trained(token_file, slant_file, examples, oof, slant_oof)
