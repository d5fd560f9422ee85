"""The learned lexicon and the sentence slant model, scored honestly on BABE and BASIL.

Both models are trained on the same development halves they are measured on, so the
figures here never use the shipped files: :func:`cross_validated_run` retrains them
(``framing.training_learned.train``), and every prediction scored is a held-out one, from
a fold that did not see the word's event (BASIL) or sentence (BABE). The slant model
never sees BASIL, so its BASIL scores are held out as they are.

What framing would report is rebuilt from those predictions: the curated lexicon's spans
(rules only, as the MIT default runs) minus those the held-out token model would demote,
plus the held-out learned words no curated span covers, in the writer's own voice.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from typing import Any

from framing.document import Document
from framing.features.loaded_voice import VoiceReader
from framing.lexicons import Lexicons
from framing.linear_model import LinearScorer
from framing.slant import score_sentences
from framing.training import AnnotatedText
from framing.training_learned import Trained, train

BOOTSTRAP = 1000
SLANT_TRIM = 0.1  # the share of own-voice sentences left out at each end of the trimmed mean
UNQUOTED = "unquoted"  # the words outside speech quotations (see own_voice_spans)
SWEEP = (0.04, 0.06, 0.07, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25)  # thresholds shown beside the trained one


@dataclass(frozen=True, slots=True)
class HeldOut:
    """Held-out learned words per text: ``added`` (start, end) and the probability of each word."""

    trained: Trained
    probability: Mapping[str, Mapping[int, float]]  # text id → token start → held-out probability
    added: Mapping[str, list[tuple[int, int, float]]]  # text id → words no curated span holds, with probability


def model_lists(lexicons: Lexicons) -> frozenset[tuple[str, tuple[str, ...]]]:
    """The word lists the set's learned lexicon reads (``list=`` features), hashable for :func:`cached_run`;
    the benchmarks retrain with the same lists the shipped model was trained with."""
    return frozenset(lexicons.learned_loaded.lists.items()) if lexicons.learned_loaded is not None else frozenset()


@lru_cache(maxsize=2)
def cached_run(data_dir: str, lexicons: Lexicons, lists: frozenset[tuple[str, tuple[str, ...]]] = frozenset()
               ) -> HeldOut:
    """One cross-validated training per datasets folder and lexicon set (the bias and stories tasks share it)."""
    from pathlib import Path

    from .stories import babe_labels, babe_texts, basil_lexical_texts

    folder = Path(data_dir)
    return cross_validated_run(basil_lexical_texts(folder) + babe_texts(folder), babe_labels(folder), lexicons,
                               dict(lists))


def cross_validated_run(texts: Sequence[AnnotatedText], labels: Mapping[str, bool], lexicons: Lexicons,
                        lists: Mapping[str, tuple[str, ...]] | None = None) -> HeldOut:
    """Train both models with held-out predictions (slant: by sentence; tokens: by event or sentence)."""
    return held_out_of(train(texts, labels, lexicons, lists))


def held_out_of(trained: Trained) -> HeldOut:
    """The held-out predictions of one training run, by text (what framing would add and each word's score)."""
    added: dict[str, list[tuple[int, int, float]]] = defaultdict(list)
    probability: dict[str, dict[int, float]] = defaultdict(dict)
    for example, p in zip(trained.examples, trained.held_out, strict=True):
        probability[example.text_id][example.start] = p
        if not example.curated:
            added[example.text_id].append((example.start, example.end, p))
    return HeldOut(trained, probability, added)


def own_voice_spans(doc: Document, lexicons: Lexicons, curated: Sequence[tuple[int, int]], held: HeldOut,
                    text_id: str, threshold: float | None = None, *, within: str = UNQUOTED) -> list[tuple[int, int]]:
    """Curated spans the held-out model keeps plus its added words (at ``threshold``, by default the
    trained one), those ``within`` the writer's words: ``unquoted`` (outside speech quotations, as the
    curated figures and both datasets' annotation count: BABE's words, BASIL's ``quote: no``),
    ``own_voice`` (also outside paraphrase and denials, framing's stricter voice), or ``all``."""
    threshold = trained_threshold(held, doc) if threshold is None else threshold
    bar = held.trained.token_model["provenance"]["demote_below"]
    words = held.probability.get(text_id, {})
    kept = [(s, e) for s, e in curated
            if max((p for start, p in words.items() if s <= start < e), default=1.0) >= bar]
    covered = {start for s, e in kept for start in range(s, e)}
    spans = kept + [(s, e) for s, e, p in held.added.get(text_id, []) if s not in covered and p >= threshold]
    if within == UNQUOTED:
        return sorted((s, e) for s, e in spans if not doc.is_quoted(s, e))
    if within == "all":
        return sorted(spans)
    reader = VoiceReader(doc, lexicons.reporting_cues)
    starts = doc.token_columns().starts
    result = []
    for start, end in spans:
        first = bisect_left(starts, start)
        if first < len(starts) and reader.voice_of(first, first + 1).voice == "own":
            result.append((start, end))
    return sorted(result)


def trained_threshold(held: HeldOut, doc: Document) -> float:
    """The trained threshold for ``doc``'s context: its own for a lone sentence, the article one otherwise."""
    model = held.trained.token_model
    return model["provenance"].get("sentence_threshold", model["threshold"]) if len(doc.sentences) == 1 \
        else model["threshold"]


PRECISION_FLOOR = 0.25  # BASIL: recall is reported at this precision (issue 18)
NESTED_GRID = tuple(step / 100 for step in range(3, 31))  # thresholds the nested choice picks from


def nested_threshold(ids: Sequence[str], groups: Mapping[str, str], predicted_at: Callable[[float], Mapping[str, Any]],
                     score: Callable[[Sequence[str], Mapping[str, Any]], Mapping[str, Any]],
                     folds: int = 5, criterion: Callable[[Mapping[str, Any]], Any] = lambda f: f["f1"]
                     ) -> dict[str, Any]:
    """Held-out figures of a threshold chosen honestly: for each fold of groups (events, sentences), the
    NESTED_GRID threshold with the best ``criterion`` (by default F1) on the other folds is chosen and this
    fold is scored at it; the predictions are pooled. ``predicted_at(t)``: every id's prediction at
    threshold ``t``; ``score(ids, predictions)``: the figures (with ``f1``) of those ids."""
    from sklearn.model_selection import GroupKFold

    at = {t: predicted_at(t) for t in NESTED_GRID}
    pooled: dict[str, Any] = {}
    chosen = []
    splitter = GroupKFold(n_splits=min(folds, len(set(groups.values()))))
    for inner_index, test in splitter.split(list(ids), groups=[groups[i] for i in ids]):
        inner = [ids[i] for i in inner_index]
        best = max(NESTED_GRID, key=lambda t: (criterion(score(inner, at[t])), -t))
        chosen.append(best)
        pooled.update((ids[i], at[best][ids[i]]) for i in test)
    figures = {k: v for k, v in score(list(ids), pooled).items() if not k.startswith("top")}
    return {**figures, "thresholds_chosen": chosen, "folds": len(chosen)}


def floor_criterion(figures: Mapping[str, Any]) -> tuple[bool, float]:
    """Thresholds meeting PRECISION_FLOOR first, the highest recall among them; else the most precise."""
    meets = figures["precision"] >= PRECISION_FLOOR
    return meets, figures["recall"] if meets else figures["precision"]


def article_slant_mean(doc: Document, lexicons_with_slant: Lexicons, trim: float = 0.0) -> float:
    """The mean slant probability of the article's own-voice sentences, the ``trim`` share of the
    lowest and of the highest left out (one odd sentence, a dateline or a one-line quote lead-in,
    should not decide the article)."""
    model = lexicons_with_slant.slant_model
    own = sorted(s.probability for s in score_sentences(doc, model) if s.own_voice) if model else []
    cut = int(trim * len(own))
    kept = own[cut:len(own) - cut] or own
    return sum(kept) / len(kept) if kept else 0.0


def concordance_with_interval(rates: Mapping[str, list[tuple[float, float]]], seed: int = 0) -> dict[str, Any]:
    """Pairwise concordance within events, and a 95% bootstrap interval (events resampled)."""
    per_event = {event: _agreements(outlets) for event, outlets in rates.items()}
    events = [e for e, (_, pairs) in per_event.items() if pairs]

    def value(chosen: Sequence[str]) -> float:
        agree = sum(per_event[e][0] for e in chosen)
        pairs = sum(per_event[e][1] for e in chosen)
        return agree / pairs if pairs else 0.0

    rng = random.Random(seed)
    samples = sorted(value([rng.choice(events) for _ in events]) for _ in range(BOOTSTRAP)) if events else [0.0]
    low, high = samples[int(0.025 * len(samples))], samples[int(0.975 * len(samples)) - 1]
    return {"concordance": round(value(events), 3), "pairs": sum(per_event[e][1] for e in events),
            "interval_95": [round(low, 3), round(high, 3)]}


def _agreements(outlets: Sequence[tuple[float, float]]) -> tuple[float, int]:
    agree, pairs = 0.0, 0
    for (pred_a, gold_a), (pred_b, gold_b) in combinations(outlets, 2):
        if gold_a == gold_b:
            continue
        pairs += 1
        agree += 0.5 if pred_a == pred_b else float((pred_a > pred_b) == (gold_a > gold_b))
    return agree, pairs


def learned_story_figures(articles: Sequence[Any], docs: Mapping[str, Document], curated: Mapping[str, list],
                          lexicons: Lexicons, held: HeldOut) -> dict[str, Any]:
    """BASIL: span precision/recall of curated + learned words, and three outlet orderings with intervals.

    The orderings compare, within each event, the annotators' lexical-bias rate with (1) the
    rate of those words per 1,000 own words, (2) the mean slant of the own-voice sentences, plain
    and trimmed (SLANT_TRIM of each end left out), and (3) the baseline "the shorter article is
    the more loaded" (minus the own-word count).
    """
    from .stories import lexical_rate, own_word_count, span_scores

    slant_file = held.trained.slant_model
    slant_model = (LinearScorer(slant_file["weights"], slant_file["intercept"], slant_file["threshold"], {}, "held out")
                   if slant_file else None)
    slant_lexicons = replace(lexicons, slant_model=slant_model)
    predicted = {a.id: own_voice_spans(docs[a.id], lexicons, curated[a.id], held, a.id) for a in articles}
    measures = {
        "learned_rate": lambda a: 1000.0 * len(predicted[a.id]) / own_word_count(docs[a.id]),
        "slant_mean": lambda a: article_slant_mean(docs[a.id], slant_lexicons),
        "slant_trimmed_mean": lambda a: article_slant_mean(docs[a.id], slant_lexicons, SLANT_TRIM),
        "shorter_is_more_loaded": lambda a: -float(own_word_count(docs[a.id])),
    }
    strict = {a.id: own_voice_spans(docs[a.id], lexicons, curated[a.id], held, a.id, within="own_voice")
              for a in articles}
    measures.update({
        "learned_rate_own_voice": lambda a: 1000.0 * len(strict[a.id]) / own_word_count(docs[a.id]),
        "mean_word_probability": lambda a: mean_word_probability(docs[a.id], held, a.id),
        "slant_share": lambda a: article_slant_share(docs[a.id], slant_lexicons),
    })
    result: dict[str, Any] = {**span_figures(articles, docs, curated, lexicons, held),
                              "spans_own_voice": span_scores(articles, strict)}
    by_measure: dict[str, dict[str, list[tuple[float, float]]]] = {}
    for name, measure in measures.items():
        rates: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for article in articles:
            rates[article.event].append((measure(article), lexical_rate(article, docs[article.id])))
        result[f"ordering_{name}"] = concordance_with_interval(rates)
        by_measure[name] = rates
    candidates = {name: rates for name, rates in by_measure.items() if name != "shorter_is_more_loaded"}
    result["ordering_nested_choice"] = nested_measure_choice(candidates)
    return result


def span_figures(articles: Sequence[Any], docs: Mapping[str, Document], curated: Mapping[str, list],
                 lexicons: Lexicons, held: HeldOut) -> dict[str, Any]:
    """BASIL span precision and lexical recall of curated + held-out learned words: at the trained
    thresholds, a sweep, and two thresholds chosen nested (on the other folds of events): the best F1,
    and the highest recall whose precision stays at PRECISION_FLOOR (issue 18's operating point)."""
    from .stories import span_scores

    by_id = {a.id: a for a in articles}
    ids, events = [a.id for a in articles], {a.id: a.event for a in articles}

    def spans_at(threshold: float | None) -> dict[str, list[tuple[int, int]]]:
        return {a.id: own_voice_spans(docs[a.id], lexicons, curated[a.id], held, a.id, threshold) for a in articles}

    def scored(chosen: Sequence[str], spans: Mapping[str, list[tuple[int, int]]]) -> dict[str, Any]:
        return span_scores([by_id[i] for i in chosen], dict(spans))

    floor = nested_threshold(ids, events, spans_at, scored, criterion=floor_criterion)
    confident = span_scores(articles, spans_at(None))
    return {"spans": {**confident, "words_per_article": round(confident["flagged"] / max(len(ids), 1), 2)},
            "threshold_sweep": {str(t): span_scores(articles, spans_at(t)) for t in SWEEP},
            "spans_nested_threshold": nested_threshold(ids, events, spans_at, scored),
            # confident + possible tier: the possible bar chosen on the other folds of events
            "spans_nested_precision_floor": {**floor, "words_per_article": round(floor["flagged"] / max(len(ids), 1),
                                                                                 2)},
            # the bar the shipped model's possible tier gets: the same choice on every event
            "possible_threshold": max(NESTED_GRID, key=lambda t: (floor_criterion(scored(ids, spans_at(t))), -t))}


def basil_setup(data_dir: Any, lexicons: Lexicons) -> tuple[list[Any], dict[str, Document], dict[str, list]]:
    """BASIL's articles, their documents and curated loaded spans (``lexicons``: rules only), as
    ``evaluate.py stories`` builds them for the learned figures."""
    from framing.analysis import analyze_document

    from .datasets import dataset_file, to_document
    from .stories import BASIL, read_basil

    articles = read_basil(dataset_file(data_dir, BASIL))
    docs = {a.id: to_document(a.text, lexicons, a.id) for a in articles}
    curated = {a.id: [(s.start, s.end) for s in analyze_document(docs[a.id], lexicons).spans if s.type == "loaded"]
               for a in articles}
    return articles, docs, curated


def mean_word_probability(doc: Document, held: HeldOut, text_id: str) -> float:
    """The mean held-out probability of the article's content words outside speech quotations: a soft
    rate of loaded language in the writer's words that no threshold cuts."""
    words = [p for start, p in held.probability.get(text_id, {}).items() if not doc.is_quoted(start, start + 1)]
    return sum(words) / len(words) if words else 0.0


def article_slant_share(doc: Document, lexicons_with_slant: Lexicons) -> float:
    """The share of the article's own-voice sentences the slant model calls slanted (the ``slant`` record)."""
    from framing.slant import article_slant

    model = lexicons_with_slant.slant_model
    return float(article_slant(score_sentences(doc, model), model.threshold)["score"]) if model else 0.0


def nested_measure_choice(candidates: Mapping[str, Mapping[str, list[tuple[float, float]]]],
                          folds: int = 5) -> dict[str, Any]:
    """Outlet ordering of a measure chosen honestly among ``candidates``: for each fold of events, the
    measure with the best concordance on the other events orders this fold's; the agreements are pooled."""
    events = sorted(next(iter(candidates.values())))
    agree = pairs = 0.0
    chosen = []
    for fold in range(folds):
        test = set(events[fold::folds])
        inner = [e for e in events if e not in test]
        best = max(sorted(candidates), key=lambda name: _concordance(candidates[name], inner))
        chosen.append(best)
        for event in test:
            a, n = _agreements(candidates[best][event])
            agree, pairs = agree + a, pairs + n
    return {"concordance": round(agree / pairs, 3) if pairs else 0.0, "pairs": int(pairs), "measures_chosen": chosen}


def _concordance(rates: Mapping[str, list[tuple[float, float]]], events: Sequence[str]) -> float:
    totals = [_agreements(rates[e]) for e in events]
    pairs = sum(n for _, n in totals)
    return sum(a for a, _ in totals) / pairs if pairs else 0.0
