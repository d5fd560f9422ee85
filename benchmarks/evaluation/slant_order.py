"""Can a sentence slant model order BASIL's outlets as the annotators do? Every variant, honestly.

The outlet order is the stories benchmark's (``learned.concordance_with_interval``): within each
event, pairs of outlets whose annotated rate of lexical-bias phrases in the writer's own words per
1,000 own words differs, ordered alike by the measure (a tie counts half), 95% bootstrap over events.

Sentence models (logistic regression over a sentence's words; TF-IDF or the shipped binary unit-length
bag, optionally bigrams and the bundled lexicon memberships of the sentence) are trained on BABE's
sentence labels, on BASIL's own-voice sentences (a sentence is slanted when an expert lexical, or any
lexical or informational, bias phrase starts in it), or on both. Anything trained on BASIL is scored by
leave-events-out cross-validation: the outer folds are groups of events; every article is scored by a
model that never saw its event. An article's score aggregates its own-voice sentences (mean, trimmed
mean, median, share over a fixed threshold, top-k mean, expected count per 1,000 own words) or
combines one with the article's length and its held-out learned-lexicon rate (a pairwise logistic
ranker within events, its weights fitted on the training events).

Each variant's figure is held out for the model, not for the choice among variants: the best of many is
optimistic. ``nested`` is the honest figure of choosing: inside each outer fold, every variant is
scored on the training events by inner leave-events-out predictions, the best is chosen there, and the
outer events are ordered by it. Nothing here reads the shipped models.
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Any, NamedTuple

from framing.document import Document
from framing.slant import sentence_bounds

from .learned import _agreements, concordance_with_interval


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence as the models read it: its word norms, the lexicon categories found in it, its voice,
    and its labels (an unquoted lexical-bias phrase starts in it; any bias phrase does; BABE's label)."""

    norms: tuple[str, ...]
    memberships: Mapping[str, int]
    own: bool
    lexical: bool = False
    biased: bool = False


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    event: str
    own_words: int
    gold: float  # the annotators' unquoted lexical-bias phrases per 1,000 own words
    sentences: tuple[Sentence, ...]
    learned_rate: float  # held-out learned-lexicon words per 1,000 own words (the stories benchmark's)


class Config(NamedTuple):
    """A sentence model: ``data`` basil|babe|both, ``label`` lexical|biased, ``features`` (bin|tfidf)
    [+bigrams][+lexicon], inverse L2 strength ``c``."""

    data: str
    label: str
    features: str
    c: float


CONFIGS = (Config("babe", "biased", "bin", 2.0), Config("basil", "lexical", "tfidf+lexicon", 1.0),
           Config("basil", "biased", "tfidf+lexicon", 1.0), Config("both", "lexical", "tfidf+lexicon", 1.0),
           Config("both", "biased", "tfidf", 1.0))
THRESHOLDS = (0.2, 0.3, 0.5)  # fixed in advance for the "share over" aggregates
RANKERS = {"length+mean": ("neg_log_length", "mean"), "mean+learned": ("mean", "learned_rate"),
           "length+mean+learned": ("neg_log_length", "mean", "learned_rate"),
           "length+top3+learned": ("neg_log_length", "top3", "learned_rate"),
           "length+expected_count": ("neg_log_length", "expected_count")}


def document_sentences(doc: Document, found: Sequence[Any], phrases: Sequence[Any] = ()) -> list[Sentence]:
    """Each sentence of ``doc`` with the loaded categories and hedges ``found`` in it and, for BASIL, its
    labels from the expert ``phrases`` (``start``, ``kind`` lex|inf, ``quoted``)."""
    columns = doc.token_columns()
    rows = []
    for (first, end), (start, stop) in zip(sentence_bounds(doc), doc.sentences, strict=True):
        words = [i for i in range(first, end) if columns.is_word[i]]
        quoted = sum(1 for i in words if columns.quoted[i])
        memberships: dict[str, int] = defaultdict(int)
        for span in found:
            if start <= span.start < stop and span.type in ("loaded", "hedge"):
                memberships[f"loaded:{span.category}" if span.type == "loaded" else "hedge"] += 1
        inside = [p for p in phrases if start <= p.start < stop]
        rows.append(Sentence(tuple(columns.norms[i] for i in words), dict(memberships),
                             bool(words) and quoted * 2 < len(words),
                             any(p.kind == "lex" and not p.quoted for p in inside), bool(inside)))
    return rows


def one_sentence(rows: Sequence[Sentence], label: bool) -> Sentence:
    """A BABE item (one labelled sentence, which framing may split) as one training sentence."""
    memberships: dict[str, int] = defaultdict(int)
    for row in rows:
        for name, count in row.memberships.items():
            memberships[name] += count
    return Sentence(tuple(n for row in rows for n in row.norms), dict(memberships), True, label, label)


class SentenceModel:
    """A logistic regression over one sentence's words (and memberships), fitted with scikit-learn."""

    def __init__(self, config: Config) -> None:
        self.config = config

    def _matrix(self, sentences: Sequence[Sentence], fit: bool) -> Any:
        from scipy import sparse

        bigrams = "bigrams" in self.config.features
        texts = [list(s.norms) + ([f"{a} {b}" for a, b in pairwise(s.norms)] if bigrams else [])
                 for s in sentences]
        words = self.words.fit_transform(texts) if fit else self.words.transform(texts)
        if "lexicon" not in self.config.features:
            return words
        rows = [{k: math.log1p(v) for k, v in s.memberships.items()} for s in sentences]
        lexicon = self.lexicon.fit_transform(rows) if fit else self.lexicon.transform(rows)
        return sparse.hstack([words, lexicon]).tocsr()

    def fit(self, sentences: Sequence[Sentence], labels: Sequence[bool]) -> SentenceModel:
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression

        binary = self.config.features.startswith("bin")
        self.words = TfidfVectorizer(analyzer=list, min_df=2, binary=binary, use_idf=not binary, sublinear_tf=True)
        self.lexicon = DictVectorizer()
        self.classifier = LogisticRegression(C=self.config.c, max_iter=3000).fit(self._matrix(sentences, True), labels)
        return self

    def predict(self, sentences: Sequence[Sentence]) -> list[float]:
        return [float(p) for p in self.classifier.predict_proba(self._matrix(sentences, False))[:, 1]]


def training_rows(config: Config, articles: Sequence[Article], babe: Sequence[Sentence]
                  ) -> tuple[list[Sentence], list[bool]]:
    """The config's training sentences: own-voice BASIL sentences of ``articles`` and/or BABE's."""
    rows = [s for a in articles for s in a.sentences if s.own] if config.data in ("basil", "both") else []
    rows += list(babe) if config.data in ("babe", "both") else []
    return rows, [s.lexical if config.label == "lexical" else s.biased for s in rows]


def article_measures(article: Article, probabilities: Sequence[float]) -> dict[str, float]:
    """Every aggregate of the article's own-voice sentence probabilities, and its length and learned rate."""
    own = sorted(p for s, p in zip(article.sentences, probabilities, strict=True) if s.own) or [0.0]
    n, cut = len(own), int(0.1 * len(own))
    measures = {"mean": sum(own) / n, "trimmed_mean": _mean(own[cut:n - cut] or own),
                "median": (own[(n - 1) // 2] + own[n // 2]) / 2, "top3": _mean(own[-3:]), "top5": _mean(own[-5:]),
                "expected_count": sum(own), "expected_per_1000_words": 1000.0 * sum(own) / article.own_words}
    measures.update({f"share_over_{t}": sum(p >= t for p in own) / n for t in THRESHOLDS})
    measures.update(neg_log_length=-math.log(article.own_words), learned_rate=article.learned_rate)
    return measures


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def ranker_scores(train: Mapping[str, Mapping[str, float]], train_articles: Sequence[Article],
                  test: Mapping[str, Mapping[str, float]], names: Sequence[str]) -> dict[str, float]:
    """A linear ranker over ``names``: logistic regression on within-event pair differences (standardised
    on the training articles, gold ties skipped, no intercept), applied to the test articles."""
    from sklearn.linear_model import LogisticRegression

    scale = {n: _spread([m[n] for m in train.values()]) for n in names}
    differences, labels = [], []
    for outlets in _by_event(train_articles).values():
        for i, a in enumerate(outlets):
            for b in outlets[i + 1:]:
                if a.gold != b.gold:
                    row = [(train[a.id][n] - train[b.id][n]) / scale[n] for n in names]
                    differences += [row, [-v for v in row]]
                    labels += [a.gold > b.gold, a.gold < b.gold]
    weights = LogisticRegression(C=1.0, fit_intercept=False).fit(differences, labels).coef_[0]
    return {key: sum(w * m[n] / scale[n] for w, n in zip(weights, names, strict=True)) for key, m in test.items()}


def _spread(values: Sequence[float]) -> float:
    mean = _mean(values)
    return math.sqrt(_mean([(v - mean) ** 2 for v in values])) or 1.0


def _by_event(articles: Sequence[Article]) -> dict[str, list[Article]]:
    grouped: dict[str, list[Article]] = defaultdict(list)
    for article in articles:
        grouped[article.event].append(article)
    return grouped


def concordance(values: Mapping[str, float], articles: Sequence[Article]) -> float:
    """The share of gold-ordered outlet pairs ``values`` order alike (ties half), over ``articles``' events."""
    totals = [_agreements([(values[a.id], a.gold) for a in outlets]) for outlets in _by_event(articles).values()]
    pairs = sum(n for _, n in totals)
    return sum(a for a, _ in totals) / pairs if pairs else 0.0


def interval(values: Mapping[str, float], articles: Sequence[Article]) -> dict[str, Any]:
    return concordance_with_interval({e: [(values[a.id], a.gold) for a in outlets]
                                      for e, outlets in _by_event(articles).items()})


Predictor = Callable[[Config, frozenset[str], Sequence[Article]], dict[str, list[float]]]


def predictor(articles: Sequence[Article], babe: Sequence[Sentence]) -> Predictor:
    """``predict(config, training_events, articles)``: each article's sentence probabilities from a model
    fitted on the training events only (a BABE-only model is fitted once: it never sees BASIL)."""
    fitted: dict[tuple[Config, frozenset[str]], SentenceModel] = {}

    def predict(config: Config, events: frozenset[str], scored: Sequence[Article]) -> dict[str, list[float]]:
        key = (config, frozenset() if config.data == "babe" else events)
        if key not in fitted:
            fitted.clear() if len(fitted) > 64 else None
            fitted[key] = SentenceModel(config).fit(*training_rows(config, [a for a in articles if a.event in events],
                                                                   babe))
        return {a.id: fitted[key].predict(a.sentences) for a in scored}
    return predict


def fold_measures(predict: Predictor, config: Config, train: Sequence[Article], test: Sequence[Article],
                  inner: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    """Variant name → article id → value for ``test``, every sentence model fitted on ``train``'s events,
    each ranker on ``inner`` (the training articles' held-out measures)."""
    events = frozenset(a.event for a in train)
    measures_of = {a.id: article_measures(a, p) for a, p in _paired(test, predict(config, events, test))}
    variants = by_variant(config, measures_of)
    for name, names in RANKERS.items():
        variants[f"{config_name(config)} | ranker {name}"] = ranker_scores(inner, train, measures_of, names)
    return variants


def by_variant(config: Config, measures_of: Mapping[str, Mapping[str, float]]) -> dict[str, dict[str, float]]:
    """Article id → measure name → value, turned to variant name → article id → value."""
    variants: dict[str, dict[str, float]] = defaultdict(dict)
    for key, measures in measures_of.items():
        for name, value in measures.items():
            variants[f"{config_name(config)} | {name}"][key] = value
    return variants


def held_out_measures(predict: Predictor, config: Config, articles: Sequence[Article], folds: int = 8
                      ) -> dict[str, dict[str, float]]:
    """Each article's measures from a sentence model that did not see its event (``folds`` event groups)."""
    events = sorted({a.event for a in articles})
    result = {}
    for fold in range(min(folds, len(events))):
        held = set(events[fold::folds])
        training = frozenset(e for e in events if e not in held)
        test = [a for a in articles if a.event in held]
        result.update((a.id, article_measures(a, p)) for a, p in _paired(test, predict(config, training, test)))
    return result


def _paired(articles: Sequence[Article], probabilities: Mapping[str, list[float]]) -> list[tuple[Article, list[float]]]:
    return [(a, probabilities[a.id]) for a in articles]


def config_name(config: Config) -> str:
    return f"{config.data}/{config.label}/{config.features}/C{config.c:g}"


def evaluate_variants(articles: Sequence[Article], babe: Sequence[Sentence], folds: int = 9,
                      configs: Sequence[Config] = CONFIGS) -> dict[str, Any]:
    """Every variant's held-out outlet order (outer folds of events) and the nested choice among them."""
    predict = predictor(articles, babe)
    events = sorted({a.event for a in articles})
    pooled: dict[str, dict[str, float]] = defaultdict(dict)
    nested: dict[str, float] = {}
    chosen = []
    for fold in range(folds):
        held = set(events[fold::folds])
        train = [a for a in articles if a.event not in held]
        test = [a for a in articles if a.event in held]
        inner: dict[str, dict[str, float]] = {}
        for config in configs:
            held_out = held_out_measures(predict, config, train)
            for name, values in fold_measures(predict, config, train, test, held_out).items():
                pooled[name].update(values)
            inner.update(fold_measures_inner(config, train, held_out))
        best = max(sorted(inner), key=lambda name: concordance(inner[name], train))
        chosen.append(best)
        nested.update((a.id, pooled[best][a.id]) for a in test)
    table = {name: interval(values, articles) for name, values in pooled.items()}
    return {"variants": dict(sorted(table.items(), key=lambda kv: -kv[1]["concordance"])),
            "nested": {**interval(nested, articles), "chosen": chosen},
            "chance_of_the_best": chance_of_the_best(articles, len(table)),
            "shorter_is_more_loaded": interval({a.id: -float(a.own_words) for a in articles}, articles)}


def fold_measures_inner(config: Config, train: Sequence[Article], held: Mapping[str, Mapping[str, float]]
                        ) -> dict[str, dict[str, float]]:
    """Every variant's values on ``train`` from inner leave-events-out folds (``held``: the sentence models'
    held-out measures), what the nested choice reads; each ranker fitted on the other inner folds."""
    variants = by_variant(config, held)
    events = sorted({a.event for a in train})
    for name, names in RANKERS.items():
        for fold in range(min(8, len(events))):
            out = set(events[fold::8])
            fit_on = [a for a in train if a.event not in out]
            variants[f"{config_name(config)} | ranker {name}"].update(ranker_scores(
                {a.id: held[a.id] for a in fit_on}, fit_on, {a.id: held[a.id] for a in train if a.event in out}, names))
    return variants


def chance_of_the_best(articles: Sequence[Article], variants: int, repeats: int = 200, seed: int = 0
                       ) -> dict[str, float]:
    """What the best of ``variants`` measures that know nothing (random numbers) reaches on these events:
    the median and the 95th percentile over ``repeats`` draws, the bar a best-of-many figure must clear."""
    rng = random.Random(seed)
    best = sorted(max(concordance({a.id: rng.random() for a in articles}, articles) for _ in range(variants))
                  for _ in range(repeats))
    return {"variants": variants, "median": round(best[len(best) // 2], 3),
            "percentile_95": round(best[int(0.95 * len(best))], 3)}
