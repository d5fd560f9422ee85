"""Training and cross-validating the learned frame model (scikit-learn is imported here only).

Input is plain, so anyone can retrain on their own labels: :class:`FramedText` (an id, a
group held out together, the text, the frames annotators gave it), read from JSON Lines by
:func:`read_frame_labels`. Each frame gets an L2 logistic model with balanced class weights
over the words and cue shares of :func:`.model.article_features`. :func:`calibrate` then looks at scores
cross-validated by group: per frame, Platt scaling makes the scores probabilities (folded
into the weights by :func:`model_of`), and one threshold for all frames is the one with the
best micro-F1 + macro-F1 of what ships (the model's frames plus the cue rule's). Calibrated
probabilities under one threshold suit micro-F1; per-frame F1-maximal thresholds, the first
version's choice, sank to 0.05 for rare frames and flooded articles with them.
:func:`cross_validated_decisions` is the honest estimate: each fold's vocabulary, weights,
calibration, threshold and confidence bar come from the other folds only (calibration and bar from an
inner cross-validation), and predictions go through the shipped code path
(:func:`.model.model_decisions` and the evidence filter). The confidence bar (:func:`confidence_bar`) is
the score from which reported frames are right ``CONFIDENT_PRECISION`` of the time on held-out scores;
:func:`bar_figures` measures it on the outer folds.
"""

from __future__ import annotations

import datetime
import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ...corpus import parse_text
from ...document import Document
from ...errors import FramingInputError
from ...lexicon_schema import POLICY_FRAMES
from ...lexicons import Lexicons
from ...training import read_records
from .cues import CueHit, cue_hits
from .evidence import CONFIDENT_PRECISION, Bar, FrameDecision, evidence_sentences
from .model import FORMAT, FrameModel, FrameWeights, article_features, bar_of, model_decisions
from .name_words import cues_outside_names, model_norms
from .rule import cue_rule_decisions

FOLDS = 5
MIN_DF = 3  # a word must occur in this many training articles to get a weight (3-12 scored alike in CV)
REGULARISATION = 0.7  # inverse L2 strength; with balanced classes C=0.5..3 scored alike in grouped CV
THRESHOLDS = [round(step / 1000, 3) for step in range(100, 901, 25)]


@dataclass(frozen=True, slots=True)
class FramedText:
    """A text and the frames annotators gave it."""

    id: str
    group: str
    text: str
    frames: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Parsed:
    """A text parsed once for all folds: its document, word norms and cue hits."""

    item: FramedText
    doc: Document
    norms: tuple[str, ...]  # as the model reads them: name words as such (:mod:`.name_words`)
    hits: tuple[CueHit, ...]
    model_hits: tuple[CueHit, ...]  # the cues the model's cue shares count (not those inside names)


def read_frame_labels(path: Path) -> list[FramedText]:
    """Labelled texts from JSON Lines, ``{"id", "text", "frames": [...], "group"?}`` a line (SemEval's shape).

    A frame name outside the codebook's 14 is a one-line error naming the line.
    """
    def framed(row: dict[str, Any], where: str) -> FramedText:
        frames = row["frames"]
        frames = tuple(f.strip() for f in (frames.split(",") if isinstance(frames, str) else frames) if f.strip())
        unknown = sorted(set(frames) - set(POLICY_FRAMES))
        if unknown:
            raise FramingInputError(where, f"unknown frame {unknown[0]!r}",
                                    f"Use the codebook's names: {', '.join(POLICY_FRAMES)}")
        return FramedText(str(row["id"]), str(row.get("group", row["id"])), str(row["text"]), frames)

    return read_records(path, framed, what="a labelled text",
                        example='Write {"id", "text", "frames": ["Economic", ...]} a line')


def parse_all(texts: Sequence[FramedText], lexicons: Lexicons) -> list[Parsed]:
    parsed = []
    for item in texts:
        doc = parse_text(item.text, lexicons, id=item.id)
        hits = tuple(cue_hits(doc, lexicons))
        parsed.append(Parsed(item, doc, model_norms(doc), hits, tuple(cues_outside_names(doc, hits))))
    return parsed


def word_idf(rows: Sequence[Parsed]) -> dict[str, float]:
    """Smoothed IDF of the words in at least ``MIN_DF`` of ``rows`` (scikit-learn's formula)."""
    df = Counter(word for row in rows for word in set(row.norms))
    n = len(rows)
    return {word: round(math.log((1 + n) / (1 + count)) + 1.0, 4) for word, count in df.items() if count >= MIN_DF}


def _fit(rows: Sequence[Parsed], idf: Mapping[str, float]) -> tuple[Any, list[Any]]:
    """One logistic model per frame (``None`` for a frame with a single class in ``rows``)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([article_features(r.norms, idf, r.model_hits) for r in rows])
    models = []
    for frame in POLICY_FRAMES:
        labels = [frame in r.item.frames for r in rows]
        if len(set(labels)) < 2:
            models.append(None)
            continue
        models.append(LogisticRegression(C=REGULARISATION, class_weight="balanced", max_iter=5000)
                      .fit(matrix, labels))
    return vectorizer, models


def _logits(fitted: tuple[Any, list[Any]], rows: Sequence[Parsed], idf: Mapping[str, float]) -> list[list[float]]:
    """Each row's uncalibrated log-odds per frame (0 for a frame without a model)."""
    vectorizer, models = fitted
    matrix = vectorizer.transform([article_features(r.norms, idf, r.model_hits) for r in rows])
    columns = [m.decision_function(matrix) if m is not None else [0.0] * len(rows) for m in models]
    return [[float(column[i]) for column in columns] for i in range(len(rows))]


def grouped_folds(rows: Sequence[Parsed], folds: int) -> list[tuple[list[int], list[int]]]:
    from sklearn.model_selection import GroupKFold

    groups = [r.item.group for r in rows]
    splitter = GroupKFold(n_splits=min(folds, len(set(groups))))
    return [(list(a), list(b)) for a, b in splitter.split(list(range(len(rows))), groups=groups)]


def _micro_plus_macro_f1(predicted: Sequence[set[str]], gold: Sequence[set[str]]) -> float:
    """Micro-F1 plus macro-F1 over the codebook's frames (the two figures the model is judged by)."""
    def f1(tp: int, denominator: int) -> float:
        return 2 * tp / denominator if denominator else 0.0

    pairs = list(zip(predicted, gold, strict=True))
    micro = f1(sum(len(p & g) for p, g in pairs), sum(len(p) + len(g) for p, g in pairs))
    macro = sum(f1(sum(f in p and f in g for p, g in pairs), sum((f in p) + (f in g) for p, g in pairs))
                for f in POLICY_FRAMES) / len(POLICY_FRAMES)
    return micro + macro


@dataclass(frozen=True, slots=True)
class Calibration:
    """Per frame, Platt's slope and offset for the raw log-odds; one probability threshold for all frames."""

    platt: Mapping[str, tuple[float, float]]
    threshold: float
    bar: Bar  # from which a reported frame is "confident" (:func:`choose_bar`)


def _platt(logits: Sequence[float], gold: Sequence[bool]) -> tuple[float, float]:
    """Slope and offset mapping log-odds to calibrated log-odds (slope 0: the scores say nothing)."""
    from sklearn.linear_model import LogisticRegression

    if len(set(gold)) < 2:
        return 0.0, -10.0
    fitted = LogisticRegression(C=1e4).fit([[x] for x in logits], gold)
    return max(0.0, float(fitted.coef_[0][0])), float(fitted.intercept_[0])


def calibrate(rows: Sequence[Parsed], folds: int = FOLDS) -> Calibration:
    """Platt scaling per frame and the shared threshold, from logits cross-validated within ``rows``."""
    held_out: list[list[float]] = [[] for _ in rows]
    for train, test in grouped_folds(rows, folds):
        idf = word_idf([rows[i] for i in train])
        for index, row in zip(test, _logits(_fit([rows[i] for i in train], idf), [rows[i] for i in test], idf),
                              strict=True):
            held_out[index] = row
    platt = {frame: _platt([row[c] for row in held_out], [frame in r.item.frames for r in rows])
             for c, frame in enumerate(POLICY_FRAMES)}
    probabilities = [{frame: 1.0 / (1.0 + math.exp(-(a * logits[c] + b)))
                      for c, (frame, (a, b)) in enumerate(platt.items())} for logits in held_out]
    by_rule = [{d.frame for d in cue_rule_decisions(list(r.hits)) if evidence_sentences(d)} for r in rows]
    gold = [set(r.item.frames) for r in rows]

    def shipped(threshold: float) -> list[set[str]]:
        return [{f for f, p in row.items() if p >= threshold} | rule for row, rule in zip(probabilities, by_rule,
                                                                                          strict=True)]
    threshold = max(THRESHOLDS, key=lambda t: (_micro_plus_macro_f1(shipped(t), gold), t))
    priors = {frame: min(max(sum(frame in g for g in gold) / len(rows), 1e-3), 1 - 1e-3) for frame in POLICY_FRAMES}
    reported = [(row[f], _logit(row[f]) - _logit(priors[f]), f in g)
                for row, f_set, g in zip(probabilities, shipped(threshold), gold, strict=True) for f in f_set]
    return Calibration(platt, threshold, choose_bar(reported))


def _logit(p: float) -> float:
    p = min(max(p, 1e-12), 1 - 1e-12)
    return math.log(p / (1 - p))


def choose_bar(reported: Sequence[tuple[float, float, bool]], target: float = CONFIDENT_PRECISION) -> Bar:
    """The confidence bar for held-out reported frames ``(score, lift, right)``: on the score or on the lift.

    Each gets its bar (:func:`confidence_bar`); the one that leaves more frames confident wins (ties: the
    score, the calibrated probability). Both reach ``target`` at the bar by construction.
    """
    right = [r for _, _, r in reported]
    bars = []
    for on, column in (("score", 0), ("lift", 1)):
        values = [row[column] for row in reported]
        value = confidence_bar(values, right, target)
        bars.append((sum(v >= value for v in values), on == "score", Bar(value, target, on)))
    return max(bars)[2]


def confidence_bar(values: Sequence[float], right: Sequence[bool], target: float = CONFIDENT_PRECISION) -> float:
    """The lowest value from which held-out frames are right at least ``target`` of the time.

    The share of right frames is fitted as non-decreasing in the value (isotonic regression), so the bar is
    where frames *at* that value reach the target, not where the average above it does: above any bar the
    average includes the sure frames and reaches 0.80 long before the frames at the bar do. Never reached:
    a bar just above every held-out value (1.0 with no values).
    """
    from sklearn.isotonic import IsotonicRegression

    if not values:
        return 1.0
    fitted = IsotonicRegression(increasing=True, out_of_bounds="clip").fit(values, right).predict(values)
    reaching = [value for value, share in zip(values, fitted, strict=True) if share >= target]
    return round(min(reaching), 3) if reaching else round(max(values), 3) + 0.001


def model_of(rows: Sequence[Parsed], calibration: Calibration, provenance: Mapping[str, Any]) -> dict[str, Any]:
    """The model file's content, fitted on every row of ``rows`` and calibrated (weights rounded; zeros dropped)."""
    idf = word_idf(rows)
    vectorizer, models = _fit(rows, idf)
    names = vectorizer.get_feature_names_out()
    frames = {}
    for frame, model in zip(POLICY_FRAMES, models, strict=True):
        slope, offset = calibration.platt[frame]
        if model is None or not slope:
            continue
        weights = {str(n): round(float(w) * slope, 4) for n, w in zip(names, model.coef_[0], strict=True)
                   if round(float(w) * slope, 4)}
        frames[frame] = {"intercept": round(float(model.intercept_[0]) * slope + offset, 4),
                         "threshold": calibration.threshold,
                         "prior": round(sum(frame in r.item.frames for r in rows) / len(rows), 4),
                         "weights": dict(sorted(weights.items(), key=lambda item: -abs(item[1])))}
    today = datetime.date.today().isoformat()
    return {"format": FORMAT, "idf": idf, "frames": frames, "provenance": {
        "confidence_bar": {"on": calibration.bar.on, "value": calibration.bar.value,
                           "precision": calibration.bar.precision, "chosen": today, "chosen_by": BAR_CHOSEN_BY},
        **provenance, "trained": today, "articles": len(rows),
        "model": f"one logistic regression per frame, L2, C={REGULARISATION}, balanced classes, "
                 f"Platt-calibrated on grouped cross-validated scores (folded into the weights); "
                 f"words in >= {MIN_DF} articles as sublinear TF-IDF (w:), L2-normalised, a word before the head "
                 "of an organisation's name or a person's title as a name word (w:n:<word>), beside each frame's "
                 "share of the article's cue-lexicon weight (c:; cues that only name an office or body left out); "
                 "one threshold for all frames; "
                 "a frame the cue rule assigns is also reported",
    }}


BAR_CHOSEN_BY = ("on the score and on the lift, the lowest value from which the reported frames' share right, "
                 "fitted as non-decreasing in it (isotonic), reaches the precision, on grouped cross-validated "
                 "scores of the training articles; of the two, the one leaving more frames confident")


def as_frame_model(data: Mapping[str, Any]) -> FrameModel:
    """A model file's content as the :class:`FrameModel` the extractor uses (no file needed)."""
    frames = {name: FrameWeights(spec["intercept"], spec["threshold"], spec["weights"], spec["prior"])
              for name, spec in data["frames"].items()}
    return FrameModel.of(data["idf"], frames, data["provenance"], "(in memory)",
                         bar_of(data["provenance"], "(in memory)"))


def cross_validated_decisions(rows: Sequence[Parsed], folds: int = FOLDS) -> list[list[FrameDecision]]:
    """Each row's reported frames, lead first, from a model (vocabulary, weights, thresholds, bar) that never saw
    its group: the shipped code path, each decision with its fold's confidence bar."""
    predictions: list[list[FrameDecision]] = [[] for _ in rows]
    for train, test in grouped_folds(rows, folds):
        training = [rows[i] for i in train]
        model = as_frame_model(model_of(training, calibrate(training, folds), {}))
        for index in test:
            predictions[index] = [d for d in model_decisions(rows[index].doc, rows[index].hits, model)
                                  if evidence_sentences(d)]
    return predictions


def bar_figures(rows: Sequence[Parsed], decisions: Sequence[Sequence[FrameDecision]]) -> dict[str, Any]:
    """How the confidence bar splits cross-validated frames: precision and coverage of the confident ones.

    ``top``: the lead frame (coverage: share of articles whose lead frame is confident); ``all``: every
    reported frame (coverage: share of reported frames); each with the precision of the possible ones beside.
    """
    def split(pairs: list[tuple[bool, bool]], total: int) -> dict[str, Any]:
        sure = [right for confident, right in pairs if confident]
        unsure = [right for confident, right in pairs if not confident]
        return {"precision": round(sum(sure) / len(sure), 3) if sure else None,
                "coverage": round(len(sure) / total, 3) if total else 0.0,
                "possible_precision": round(sum(unsure) / len(unsure), 3) if unsure else None,
                "confident": len(sure), "of": total}

    def pair(decision: FrameDecision, row: Parsed) -> tuple[bool, bool]:
        return decision.confident(), decision.frame in row.item.frames

    tops = [pair(ds[0], row) for ds, row in zip(decisions, rows, strict=True) if ds]
    every = [pair(d, row) for ds, row in zip(decisions, rows, strict=True) for d in ds]
    # the outer folds' distinct bars, in the order their articles come
    fold_bars = dict.fromkeys(f"{d.bar.on} {d.bar.value}" for ds in decisions for d in ds[:1] if d.bar)
    return {"top": split(tops, len(rows)), "all": split(every, len(every)), "fold_bars": list(fold_bars)}
