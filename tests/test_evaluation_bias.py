"""BABE task helpers: which loaded words are the writer's, and the sentence classifier's features."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from benchmarks.evaluation.tasks import (
    classify_sentences,
    feature_matrix,
    loaded_words,
    run_extractors_named,
    sentence_features,
)
from framing.document import Document, QuoteRegion
from framing.lexicons import Lexicons


def _with_quote(doc: Document, passage: str, kind: str) -> Document:
    start = doc.text.index(passage)
    region = QuoteRegion(start, start + len(passage), start + 1, start + len(passage) - 1, kind)  # type: ignore[arg-type]
    return dataclasses.replace(doc, quotes=(region,))


@pytest.mark.parametrize(
    ("sentence", "passage", "kind", "own", "all_words"),
    [
        # the speaker's loaded word is not the writer's
        (
            'The reckless plan, critics said, was "a shameful betrayal".',
            '"a shameful betrayal"',
            "speech",
            {"reckless"},
            {"reckless", "shameful", "betrayal"},
        ),
        # a scare quote's words are held at a distance; a lexicon term inside still counts
        (
            "The so-called ‘reform package’ passed.",
            "‘reform package’",
            "scare",
            {"so-called"},
            {"so-called", "reform", "package"},
        ),
        ("Officials reported a ‘bloodbath’ downtown.", "‘bloodbath’", "scare", {"bloodbath"}, {"bloodbath"}),
    ],
)
def test_evaluation_bias_loaded_words_keep_the_writers_own_by_default(
    research_parse: Callable[[str], Document],
    research_lexicons: Lexicons,
    sentence: str,
    passage: str,
    kind: str,
    own: set[str],
    all_words: set[str],
) -> None:
    parse, lexicons = research_parse, research_lexicons  # "reckless", "shameful": the optional set's words
    doc = _with_quote(parse(sentence), passage, kind)
    spans = run_extractors_named(doc, lexicons, ["loaded"])
    assert loaded_words(doc, spans) == own
    assert loaded_words(doc, spans, own_words_only=False) == all_words


OPINION = "Why do we keep funding this reckless, shameful scheme — and its cronies — again?!"
REPORT = "The council approved a $4.2 million budget on Tuesday, officials said."


def test_evaluation_bias_sentence_features_separate_opinion_from_report(
    research_parse: Callable[[str], Document], research_lexicons: Lexicons
) -> None:
    parse, lexicons = research_parse, research_lexicons  # the opinion's loaded words are the optional set's
    opinion, report = sentence_features(parse(OPINION), lexicons), sentence_features(parse(REPORT), lexicons)
    for name in ("loaded_own_count", "first_person", "question", "exclamation", "dash"):
        assert opinion[name] > report.get(name, 0.0), name
    for name in ("attribution_count", "digit_share"):
        assert report[name] > opinion.get(name, 0.0), name
    assert opinion["loaded.evaluative_count"] == pytest.approx(np.log1p(2))  # reckless, shameful
    assert opinion["loaded.pejorative_label_count"] == pytest.approx(np.log1p(1))  # cronies


def test_evaluation_bias_feature_matrix_names_every_column(
    parse: Callable[[str], Document], lexicons: Lexicons
) -> None:
    matrix, names, origin = feature_matrix([parse(OPINION), parse(REPORT)], lexicons)
    assert matrix.shape == (2, len(names)) and origin.endswith("sentence_features")
    column = dict(zip(names, matrix.T, strict=True))
    assert column["exclamation"].tolist() == [1.0, 0.0]
    assert column["attribution_count"][1] > 0 == column["attribution_count"][0]


def test_evaluation_bias_classifier_reports_named_weights_and_their_direction() -> None:
    rng = np.random.default_rng(0)
    labels = ["Biased"] * 20 + ["Non-biased"] * 20
    loaded = np.r_[rng.integers(1, 4, 20), np.zeros(20)]
    noise = rng.normal(size=40)
    result = classify_sentences(np.c_[loaded, noise], labels, ["loaded_count", "noise"])
    assert result["macro_f1"] >= 0.9 > result["chance_macro_f1"] and result["weights_favour"] == "Non-biased"
    top_name, top_weight = result["top_weights"][0]
    assert top_name == "loaded_count" and top_weight < 0


@pytest.mark.parametrize(
    ("sentence", "name", "count"),
    [
        ("They're sure Trump’s plan isn’t working.", "contractions", 2),  # a possessive is not a contraction
        ("We told you our plan.", "first_person", 2),
        ("We told you our plan.", "second_person", 1),
        ("It was the worst and the costliest year, officials said.", "superlatives", 2),
        ("Obviously, the senator was clearly and utterly wrong.", "ly_adverbs", 3),
        ("The NATO summit was a HUGE failure.", "all_caps_words", 2),
    ],
)
def test_evaluation_bias_sentence_features_count_register_cues(
    parse: Callable[[str], Document], lexicons: Lexicons, sentence: str, name: str, count: int
) -> None:
    assert sentence_features(parse(sentence), lexicons)[name] == pytest.approx(np.log1p(count))


def test_evaluation_bias_word_figures_also_come_without_the_learned_scorer(tmp_path: Path, lexicons: Lexicons) -> None:
    import json

    from benchmarks.evaluation.tasks import evaluate_bias
    from framing.linear_model import LinearScorer

    (tmp_path / "bias").mkdir()
    rows = [
        {"text": "The regime slammed its critics.", "label_bias": "Biased", "biased_words": "['regime', 'slammed']"},
        {"text": "Rain fell on Tuesday.", "label_bias": "Non-biased", "biased_words": "[]"},
    ]
    (tmp_path / "bias" / "babe_dev.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows))
    silencing = LinearScorer({}, -10.0, 0.5, {}, "test")  # prunes every candidate
    result = evaluate_bias(tmp_path, dataclasses.replace(lexicons, loaded_scorer=silencing))
    assert result["words"]["tp"] == 0 < result["words_rules_only"]["tp"]
