"""Training the transparent linear scorers (:mod:`framing.linear_model`) on annotated text.

The training data is deliberately plain, so that a teacher or researcher can retrain on
their own annotations: a list of :class:`AnnotatedText` (an id, a group such as the
event or document it belongs to, the text, and the character spans annotators marked).
Each candidate framing finds is labelled positive when it touches a marked span.

Evaluation is honest by construction: :func:`fit_scorer` reports scores cross-validated
with the groups held out together (``GroupKFold``), so a model is never scored on an
event or document it was trained on, and picks the threshold on those held-out scores.
scikit-learn is imported here only, when training, never at analysis time.
"""

from __future__ import annotations

import datetime
import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from .corpus import parse_text
from .errors import FramingInputError
from .features.loaded import SCARE_LABEL
from .features.loaded import candidates as loaded_candidates
from .fileio import write_atomically
from .lexicons import Lexicons, load_lexicons
from .linear_model import FORMAT

T = TypeVar("T")

FOLDS = 5
MIN_RECALL = 0.9  # share of each dataset's positive candidates the threshold must keep (cross-validated)
REGULARISATION = 0.5  # inverse L2 strength: few features, so mild shrinkage suffices


@dataclass(frozen=True, slots=True)
class AnnotatedText:
    """A text and the spans annotators marked in it (offsets into ``text``)."""

    id: str
    group: str
    text: str
    marked: tuple[tuple[int, int], ...]
    source: str = ""  # which dataset, for the per-dataset figures


@dataclass(frozen=True, slots=True)
class Example:
    """One candidate: its named features, whether it touches a mark, and where it is (for span-level scores)."""

    features: Mapping[str, float]
    label: bool
    group: str
    source: str
    span: tuple[str, int, int] = ("", 0, 0)  # (text id, start, end)


def touches(start: int, end: int, marked: Iterable[tuple[int, int]]) -> bool:
    return any(a < end and start < b for a, b in marked)


def loaded_examples(texts: Iterable[AnnotatedText], lexicons: Lexicons) -> list[Example]:
    """One example per loaded-term candidate, positive when it touches a marked span."""
    examples = []
    for item in texts:
        doc = parse_text(item.text, lexicons, id=item.id)
        for candidate in loaded_candidates(doc, lexicons):
            if candidate.span.label == SCARE_LABEL:  # counted by rule, never scored (see features/loaded.py)
                continue
            label = touches(candidate.span.start, candidate.span.end, item.marked)
            examples.append(Example(candidate.features, label, item.group, item.source))
    return examples


def attribution_examples(texts: Iterable[AnnotatedText], lexicons: Lexicons) -> list[Example]:
    """One example per attribution-cue candidate (:mod:`framing.features.attribution.candidates`),
    positive when it touches a marked cue that no earlier candidate touched.

    One candidate per mark, as the benchmark matches cues one to one: a second candidate
    inside the same marked cue ("confirmed this saying") would be a false alarm there, so
    it is taught as one here, and held-out precision means the same in both places.
    """
    from .features.attribution import candidate_proposals

    examples = []
    for item in texts:
        doc = parse_text(item.text, lexicons, id=item.id)
        unmatched = list(item.marked)
        for proposal in candidate_proposals(doc, lexicons):
            start, end = doc.tokens[proposal.first].start, doc.tokens[proposal.last].end
            hit = next((mark for mark in unmatched if touches(start, end, [mark])), None)
            if hit is not None:
                unmatched.remove(hit)
            examples.append(Example(proposal.features, hit is not None, item.group, item.source, (item.id, start, end)))
    return examples


def read_annotations(path: Path, source: str = "own") -> list[AnnotatedText]:
    """Annotated texts from JSON Lines, ``{"id", "group", "text", "marked": [[start, end], ...]}`` a line.

    The one format both training scripts take, so a teacher or researcher can retrain any
    scorer on their own marks; ``group`` (default: the id) is held out together in
    cross-validation. A malformed line is a one-line input error naming it.
    """
    def annotated(row: dict[str, Any], where: str) -> AnnotatedText:
        marked = tuple((int(a), int(b)) for a, b in row["marked"])
        return AnnotatedText(str(row["id"]), str(row.get("group", row["id"])), row["text"], marked, source)

    return read_records(path, annotated, what="an annotated text",
                        example='Write {"id", "group", "text", "marked": [[start, end], ...]}')


def read_records(path: Path, make: Callable[[dict[str, Any], str], T], *, what: str, example: str) -> list[T]:
    """``make(row, "file:line")`` for each JSON object of a JSON Lines file of the user's own labels.

    A line that is not JSON or lacks a field ``make`` reads is a one-line input error naming it
    (``what`` names the expected record, ``example`` shows its shape); ``make`` may raise its own.
    """
    records = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            records.append(make(json.loads(line), where))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError, AttributeError) as error:
            raise FramingInputError(where, f"not {what} ({error})", example) from None
    return records


def _matthews(predicted: Sequence[bool], expected: Sequence[bool]) -> float:
    tp = sum(p and e for p, e in zip(predicted, expected, strict=True))
    tn = sum(not p and not e for p, e in zip(predicted, expected, strict=True))
    fp = sum(p and not e for p, e in zip(predicted, expected, strict=True))
    fn = sum(not p and e for p, e in zip(predicted, expected, strict=True))
    denominator = ((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn)) ** 0.5
    return (tp * tn - fp * fn) / denominator if denominator else 0.0


def _precision_recall(predicted: Sequence[bool], expected: Sequence[bool]) -> dict[str, float]:
    tp = sum(p and e for p, e in zip(predicted, expected, strict=True))
    kept, positive = sum(predicted), sum(expected)
    return {"precision": round(tp / kept, 3) if kept else 0.0, "recall": round(tp / positive, 3) if positive else 0.0,
            "kept": kept, "candidates": len(predicted)}


def cross_validated_probabilities(
    examples: Sequence[Example], *, folds: int = FOLDS, fit_on: Callable[[Example], bool] | None = None
) -> list[float]:
    """Each example's probability from a model trained without its group.

    ``fit_on`` limits which examples a fold may train on (all by default).
    """
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([e.features for e in examples])
    labels = [e.label for e in examples]
    groups = [e.group for e in examples]
    probabilities = [0.0] * len(examples)
    for train, test in GroupKFold(n_splits=min(folds, len(set(groups)))).split(matrix, labels, groups):
        train = [i for i in train if fit_on is None or fit_on(examples[i])]
        model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(matrix[train], [labels[i] for i in train])
        for index, probability in zip(test, model.predict_proba(matrix[test])[:, 1], strict=True):
            probabilities[index] = float(probability)
    return probabilities


def fit_scorer(
    examples: Sequence[Example], *, provenance: Mapping[str, Any], folds: int = FOLDS,
    min_precision: float | None = None, grouped_by: str = "event or document",
) -> dict[str, Any]:
    """A model file (``framing-linear-model/1``) fitted on every example, with cross-validated figures.

    The threshold is chosen on the held-out probabilities (:func:`_threshold_on_held_out`), and
    the figures are those of the held-out predictions at that threshold, per dataset.
    """
    labels = [e.label for e in examples]
    held_out = cross_validated_probabilities(examples, folds=folds)
    threshold, rule = _threshold_on_held_out(examples, held_out, min_precision)
    figures: dict[str, Any] = {"folds": folds, "grouped_by": grouped_by, "threshold_chosen_by": rule,
                               **_held_out_figures(examples, held_out, threshold)}
    weights, intercept = _fit_weights(examples)
    return {
        "format": FORMAT,
        "weights": weights,
        "intercept": intercept,
        "threshold": threshold,
        "provenance": {
            **provenance,
            "trained": datetime.date.today().isoformat(),
            "examples": len(examples),
            "positive_share": round(sum(labels) / len(labels), 3) if labels else 0.0,
            "model": f"logistic regression, L2, C={REGULARISATION}",
            "cross_validated": figures,
        },
    }


def _threshold_on_held_out(
    examples: Sequence[Example], held_out: Sequence[float], min_precision: float | None
) -> tuple[float, str]:
    """The decision threshold on held-out probabilities, and the rule that chose it, in words.

    By default the threshold is the one that maximises the Matthews correlation of the
    held-out predictions while every dataset keeps at least ``MIN_RECALL`` of its positive
    candidates: the lexicon already encodes what is loaded, so the model may prune false
    alarms it is sure of but not silence the lexicon where it cannot tell. With
    ``min_precision`` (the attribution scorer, whose generators propose far more than is
    marked), it is the lowest threshold, on a finer grid, whose held-out precision reaches
    ``min_precision``: as much recall as that precision allows.
    """
    labels = [e.label for e in examples]
    if min_precision is not None:
        fine = [round(step / 100, 2) for step in range(1, 100)]
        precise = [
            t for t in fine if _precision_recall([p >= t for p in held_out], labels)["precision"] >= min_precision
        ]
        return min(precise, default=0.5), f"lowest threshold whose held-out precision is >= {min_precision}"
    sources = sorted({e.source for e in examples})

    def keeps_enough(threshold: float) -> bool:
        for source in sources:
            positives = [held_out[i] for i, e in enumerate(examples) if e.source == source and e.label]
            if positives and sum(p >= threshold for p in positives) < MIN_RECALL * len(positives):
                return False
        return True

    grid = [round(step / 100, 2) for step in range(0, 100, 5)]
    allowed = [t for t in grid if keeps_enough(t)]
    threshold = max(allowed, key=lambda t: (_matthews([p >= t for p in held_out], labels), -t))
    return threshold, f"max MCC keeping >= {MIN_RECALL} of each dataset's positives"


def _held_out_figures(examples: Sequence[Example], held_out: Sequence[float], threshold: float) -> dict[str, Any]:
    """Per dataset (``all`` when unnamed): held-out AUC, precision and recall of all candidates and at ``threshold``."""
    from sklearn.metrics import roc_auc_score

    figures: dict[str, Any] = {}
    for source in sorted({e.source for e in examples}):
        index = [i for i, e in enumerate(examples) if e.source == source]
        gold = [examples[i].label for i in index]
        kept = [held_out[i] >= threshold for i in index]
        figures[source or "all"] = {
            "auc": round(roc_auc_score(gold, [held_out[i] for i in index]), 3) if 0 < sum(gold) < len(gold) else None,
            "all_candidates": _precision_recall([True] * len(index), gold),
            "at_threshold": _precision_recall(kept, gold),
        }
    return figures


def _fit_weights(examples: Sequence[Example]) -> tuple[dict[str, float], float]:
    """The model fitted on every example: named weights (largest first) and the intercept, rounded as shipped."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vectorizer = DictVectorizer()
    matrix = vectorizer.fit_transform([e.features for e in examples])
    model = LogisticRegression(C=REGULARISATION, max_iter=5000).fit(matrix, [e.label for e in examples])
    names = vectorizer.get_feature_names_out()
    weights = {name: round(float(w), 4) for name, w in zip(names, model.coef_[0], strict=True)}
    return dict(sorted(weights.items(), key=lambda item: -abs(item[1]))), round(float(model.intercept_[0]), 4)


def run_training(
    data: Path | None, annotations: Path | None, output: Path, *,
    texts_from_data: Callable[[Path], list[AnnotatedText]], licences: Mapping[str, str],
    examples_of: Callable[[Sequence[AnnotatedText], Lexicons], list[Example]], provenance: Mapping[str, Any],
    **fit_options: Any,
) -> int:
    """What a training script does: gather the texts (public data and/or your own marks), fit, write, print.

    Shared by ``scripts/train_*_scorer.py`` so every scorer is trained, documented and
    written the same way. Lexicons are loaded without scorers (a broken model file must
    not stop its own repair). Returns the exit status: 2 with a one-line error on bad input.
    """
    try:
        lexicons = load_lexicons(scorers=False)
        texts: list[AnnotatedText] = []
        sources: dict[str, str] = {}
        if data:
            texts += texts_from_data(data)
            sources.update(licences)
        if annotations:
            texts += read_annotations(annotations)
            sources["own"] = f"{annotations.name}: your annotations"
        model = fit_scorer(examples_of(texts, lexicons), provenance={
            **provenance, "data": sources, "lexicon_checksum": lexicons.checksum,
        }, **fit_options)
    except FramingInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    write_atomically(output, json.dumps(model, indent=2, ensure_ascii=False) + "\n")
    top = dict(list(model["weights"].items())[:12])
    print(json.dumps({"top_weights": top, "intercept": model["intercept"], "threshold": model["threshold"]}, indent=2))
    print(json.dumps(model["provenance"]["cross_validated"], indent=2))
    return 0

