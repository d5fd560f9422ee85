"""Nested choices in the learned-model benchmarks: a threshold or a measure is chosen on the other folds only."""

from __future__ import annotations

from benchmarks.evaluation.learned import floor_criterion, nested_measure_choice, nested_threshold


def _scores(ids, predicted):
    """Precision and recall of ids predicted True against gold (ids starting with "y" are positives)."""
    flagged = [i for i in ids if predicted[i]]
    hits = sum(i.startswith("y") for i in flagged)
    positives = sum(i.startswith("y") for i in ids)
    precision, recall = hits / max(len(flagged), 1), hits / max(positives, 1)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def test_nested_threshold_is_chosen_on_the_other_folds() -> None:
    # Positives score 0.2, negatives 0.1: any threshold in (0.1, 0.2] separates them, in every fold.
    scores = {f"y{n}": 0.2 for n in range(10)} | {f"n{n}": 0.1 for n in range(10)}
    ids = sorted(scores)
    result = nested_threshold(ids, {i: i for i in ids}, lambda t: {i: s >= t for i, s in scores.items()}, _scores)
    assert result["f1"] == 1.0 and result["folds"] == 5
    assert all(0.1 < t <= 0.2 for t in result["thresholds_chosen"])


def test_nested_threshold_at_a_precision_floor_takes_the_most_recall_that_keeps_it() -> None:
    # Half the positives score 0.2, half 0.05 with ten negatives (five more negatives at 0.1): F1 prefers
    # the high threshold (P 1.0, R 0.5); the floor (0.25) takes the low one, which keeps P 0.4 and finds all.
    scores = ({f"y{n}": 0.2 if n < 5 else 0.05 for n in range(10)}
              | {f"n{n:02}": 0.1 if n < 5 else 0.05 for n in range(15)})
    ids = sorted(scores)

    def run(**options):
        return nested_threshold(ids, {i: i for i in ids}, lambda t: {i: s >= t for i, s in scores.items()},
                                _scores, **options)

    assert run()["recall"] == 0.5
    floor = run(criterion=floor_criterion)
    assert floor["recall"] == 1.0 and floor["precision"] >= 0.25
    assert floor_criterion({"precision": 0.1, "recall": 0.9}) < floor_criterion({"precision": 0.3, "recall": 0.1})


def test_nested_measure_choice_orders_each_fold_with_the_measure_the_others_chose() -> None:
    # Per event, three outlets (predicted, gold): "right" orders them as the gold does, "wrong" reversed.
    right = {f"e{n}": [(1.0, 1.0), (2.0, 2.0), (3.0, 3.0)] for n in range(10)}
    wrong = {event: [(-p, g) for p, g in outlets] for event, outlets in right.items()}
    result = nested_measure_choice({"right": right, "wrong": wrong})
    assert result["measures_chosen"] == ["right"] * 5 and result["concordance"] == 1.0 and result["pairs"] == 30
