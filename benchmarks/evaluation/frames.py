"""Policy frames on SemEval-2023 Task 3 subtask 2 (English dev articles): micro/macro-F1 per frame.

Every figure is cross-validated with folds grouped by article (5 folds): the learned model
(vocabulary, weights, calibration and threshold from the other folds only; the cue rule's
frames added, as shipped), the default cue-lexicon rule (no training: its constants are
fixed in framing/features/policy_frames/rule.py), and the
brief's two baselines computed on the same folds (TF-IDF one-vs-rest logistic regression at
0.5; the five most frequent frames of the training folds for every article).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing.errors import FramingInputError
from framing.features.policy_frames.evidence import FrameDecision, evidence_sentences, frame_records, frame_spans
from framing.features.policy_frames.evidence_confidence import WhoWords
from framing.features.policy_frames.rule import cue_rule_decisions
from framing.features.policy_frames.training import (
    FOLDS,
    Parsed,
    bar_figures,
    cross_validated_decisions,
    grouped_folds,
    parse_all,
    read_frame_labels,
)
from framing.lexicon_schema import POLICY_FRAMES
from framing.lexicons import Lexicons

DATA_FILE = "semeval2023_frames_dev.jsonl"


def frames_file(data_dir: str | Path) -> Path:
    """The SemEval file in ``data_dir`` or in its ``frames/`` folder."""
    for candidate in (Path(data_dir) / DATA_FILE, Path(data_dir) / "frames" / DATA_FILE):
        if candidate.is_file():
            return candidate
    raise FramingInputError(data_dir, f"has no {DATA_FILE}", "Pass --data the datasets folder or its frames/ folder")


def scores(predicted: Sequence[set[str]], gold: Sequence[set[str]]) -> dict[str, Any]:
    """Micro- and macro-F1 over the 14 frames, with each frame's precision, recall and F1."""
    per_frame = {}
    totals = Counter()
    for frame in POLICY_FRAMES:
        tp = sum(frame in p and frame in g for p, g in zip(predicted, gold, strict=True))
        fp = sum(frame in p and frame not in g for p, g in zip(predicted, gold, strict=True))
        fn = sum(frame not in p and frame in g for p, g in zip(predicted, gold, strict=True))
        totals.update(tp=tp, fp=fp, fn=fn)
        f1 = 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 0.0
        per_frame[frame] = {"precision": round(tp / (tp + fp), 3) if tp + fp else 0.0,
                            "recall": round(tp / (tp + fn), 3) if tp + fn else 0.0, "f1": round(f1, 3),
                            "support": tp + fn}
    micro = 2 * totals["tp"] / (2 * totals["tp"] + totals["fp"] + totals["fn"]) if totals["tp"] else 0.0
    macro = sum(row["f1"] for row in per_frame.values()) / len(per_frame)
    return {"micro_f1": round(micro, 3), "macro_f1": round(macro, 3), "per_frame": per_frame}


def baselines(rows: Sequence[Parsed]) -> dict[str, list[set[str]]]:
    """The brief's two baselines, on the same grouped folds as the model."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    tfidf: list[set[str]] = [set() for _ in rows]
    frequent: list[set[str]] = [set() for _ in rows]
    for train, test in grouped_folds(rows, FOLDS):
        vectorizer = TfidfVectorizer()
        matrix = vectorizer.fit_transform([rows[i].item.text for i in train])
        held = vectorizer.transform([rows[i].item.text for i in test])
        for frame in POLICY_FRAMES:
            labels = [frame in rows[i].item.frames for i in train]
            if len(set(labels)) < 2:
                continue
            for index, hit in zip(test, LogisticRegression(max_iter=5000).fit(matrix, labels).predict(held),
                                  strict=True):
                if hit:
                    tfidf[index].add(frame)
        top = {f for f, _ in Counter(f for i in train for f in rows[i].item.frames).most_common(5)}
        for index in test:
            frequent[index] = set(top)
    return {"tfidf_logistic_regression": tfidf, "five_most_frequent": frequent}


def evidence_figures(rows: Sequence[Parsed], decisions: Sequence[Sequence[FrameDecision]],
                     lexicons: Lexicons) -> dict[str, Any]:
    """How the evidence check splits the cross-validated lead frames the bar leaves confident.

    For each held-out article, its lead frame as the extractor reports it (:func:`frame_spans`, lead first),
    with and without the describing-words check; right when the annotators gave the article that frame.
    """
    def tally(pairs: list[tuple[bool, bool]]) -> dict[str, Any]:
        sure = [right for confident, right in pairs if confident]
        unsure = [right for confident, right in pairs if not confident]
        return {"confident": len(sure), "confident_right": sum(sure), "possible": len(unsure),
                "possible_right": sum(unsure), "of": len(pairs),
                "precision": round(sum(sure) / len(sure), 3) if sure else None}

    bar_only, with_check = [], []
    for row, ds in zip(rows, decisions, strict=True):
        if not ds:
            continue
        who = WhoWords(row.doc, lexicons)
        for spans, pairs in ((frame_spans(row.doc, ds), bar_only), (frame_spans(row.doc, ds, who), with_check)):
            lead = frame_records(spans)[0]
            pairs.append((lead["confidence"] == "confident", lead["frame"] in row.item.frames))
    return {"bar_only": tally(bar_only), "bar_and_evidence_check": tally(with_check)}


def evaluate_frames(data_dir: str | Path, lexicons: Lexicons, limit: int | None = None) -> dict[str, Any]:
    """Cross-validated frame F1 of the learned model, the cue rule and the baselines."""
    texts = read_frame_labels(frames_file(data_dir))[:limit]
    rows = parse_all(texts, lexicons)
    gold = [set(r.item.frames) for r in rows]
    cue_rule = [{d.frame for d in cue_rule_decisions(list(r.hits)) if evidence_sentences(d)} for r in rows]
    decisions = cross_validated_decisions(rows)
    result: dict[str, Any] = {
        "articles": len(rows), "folds": FOLDS, "grouped_by": "article",
        "learned_model": scores([{d.frame for d in ds} for ds in decisions], gold),
        # each outer fold's confidence bar (chosen on its training articles) applied to its held-out articles
        "learned_model_confidence_bar": bar_figures(rows, decisions),
        # the evidence check (a best sentence weighing on words that describe a person is "possible") on top
        "learned_model_evidence_check": evidence_figures(rows, decisions, lexicons),
        "cue_rule": scores(cue_rule, gold),
    }
    for name, predicted in baselines(rows).items():
        result[name] = scores(predicted, gold)
    return result
