"""FramingFeatures: a scikit-learn transformer over framing's own extractors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.base import clone
from sklearn.exceptions import NotFittedError
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.features.readability import SCORES
from framing.lexicons import Lexicons
from framing.sklearn import FramingFeatures, base_rate_names

# Sentences from the seed articles, labelled by hand: 1 = the claim is hedged.
HEDGED = [
    "Maduro may be seeking a negotiated exit that guarantees him and his inner circle some degree of immunity.",
    "This could involve increased military presence, expanded intelligence gathering, and closer cooperation.",
    'Experts argue that the term "Cartel of the Suns" may refer more to the corruption of high-ranking officials.',
    "Reports indicate that one US airstrike in September may have unintentionally killed survivors of an attack.",
    "Regardless of whether talks succeed, the US will likely continue to prioritize counter-narcotics operations.",
    "The deep-seated mistrust between the two sides could prevent any meaningful progress.",
]
PLAIN = [
    "The United States has intensified its pressure on Venezuela with a military buildup in the Caribbean.",
    "The Venezuelan government responded harshly, accusing the United States of preparing for an attack.",
    "These countries share borders with Venezuela and have a vested interest in maintaining regional stability.",
    "Caine is also scheduled to travel to Trinidad and Tobago.",
    "These discussions led to the release of six Americans detained in Venezuela.",
    "Moreover, the US does not recognize Maduro as the legitimate victor of the last presidential election.",
]
TEXTS = HEDGED + PLAIN
LABELS = [1] * len(HEDGED) + [0] * len(PLAIN)


def test_sklearn_transform_gives_the_extractors_values(lexicons: Lexicons) -> None:
    transformer = FramingFeatures().fit(TEXTS)
    matrix = transformer.transform(TEXTS[:3])
    names = list(transformer.get_feature_names_out())
    assert isinstance(matrix, np.ndarray)
    assert matrix.shape == (3, len(names))
    assert matrix.dtype == np.float64
    for row, text in enumerate(TEXTS[:3]):
        features = analyze_document(parse_text(text, lexicons), lexicons).features
        for column, name in enumerate(names):
            assert matrix[row, column] == pytest.approx(features.get(name, 0.0)), name


def test_sklearn_default_features_are_rates_then_readability_in_stable_order() -> None:
    names = list(FramingFeatures().fit(TEXTS).get_feature_names_out())
    reordered = list(FramingFeatures().fit(TEXTS[::-1]).get_feature_names_out())
    assert names == reordered
    assert names[: len(base_rate_names())] == base_rate_names()
    assert names[-len(SCORES) - 4 : -4] == list(SCORES)
    assert all(name.endswith("_per_1k") for name in names if name not in SCORES and "_share" not in name
               and name not in ("words_per_sentence", "syllables_per_word"))
    assert "hedge_count" not in names  # counts depend on length; rates do not


@pytest.mark.parametrize(("group", "expected"), [("readability", "gunning_fog"), ("rates", "hedge_per_1k")])
def test_sklearn_feature_groups_select_columns(group: str, expected: str) -> None:
    names = list(FramingFeatures(features=group).fit(TEXTS).get_feature_names_out())
    assert expected in names
    other = "hedge_per_1k" if group == "readability" else "gunning_fog"
    assert other not in names


def test_sklearn_explicit_features_keep_their_order() -> None:
    transformer = FramingFeatures(features=["gunning_fog", "hedge_per_1k"]).fit(TEXTS)
    assert list(transformer.get_feature_names_out()) == ["gunning_fog", "hedge_per_1k"]
    hedged, plain = transformer.transform([HEDGED[0], PLAIN[0]])[:, 1]
    assert hedged > 0 == plain


def test_sklearn_category_absent_from_fit_data_is_zero() -> None:
    transformer = FramingFeatures(features=["hedge.nonexistent_category_per_1k"]).fit(PLAIN)
    assert transformer.transform(PLAIN).tolist() == [[0.0]] * len(PLAIN)


def test_sklearn_pipeline_predicts_held_out_hedged_sentence() -> None:
    model = make_pipeline(
        FramingFeatures(features=["hedge_per_1k", "hedge_own_per_1k", "words_per_sentence", "flesch_reading_ease"]),
        StandardScaler(),
        LogisticRegression(),
    )
    model.fit(TEXTS, LABELS)
    held_out = [
        "Continued sanctions could exacerbate the humanitarian crisis in Venezuela, leading to food shortages.",
        "The US Treasury has designated this cartel as a foreign terrorist organization.",
    ]
    assert model.predict(held_out).tolist() == [1, 0]


def test_sklearn_pipeline_with_all_features_fits_and_predicts() -> None:
    model = make_pipeline(FramingFeatures(), StandardScaler(), LogisticRegression())
    model.fit(TEXTS, LABELS)
    assert model.score(TEXTS, LABELS) >= 0.9
    assert model.predict(["Officials said the deal may possibly collapse."]).tolist() == [1]


def test_sklearn_clone_copies_params_not_fit() -> None:
    fitted = FramingFeatures(features=["hedge_per_1k"], clean=True).fit(TEXTS)
    copy = clone(fitted)
    assert copy.get_params() == {"features": ["hedge_per_1k"], "lexicon_dir": None, "clean": True}
    assert not hasattr(copy, "feature_names_")
    with pytest.raises(NotFittedError):
        copy.transform(TEXTS)


def test_sklearn_set_output_pandas_names_columns_and_keeps_index() -> None:
    texts = pd.Series(TEXTS, index=[f"s{i}" for i in range(len(TEXTS))])
    transformer = FramingFeatures(features="readability").set_output(transform="pandas")
    frame = transformer.fit_transform(texts)
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == list(transformer.get_feature_names_out())
    assert list(frame.index) == list(texts.index)
    assert frame.loc["s3", "gunning_fog"] > 0


def test_sklearn_fit_transform_equals_fit_then_transform() -> None:
    together = FramingFeatures().fit_transform(TEXTS)
    apart = FramingFeatures().fit(TEXTS).transform(TEXTS)
    np.testing.assert_allclose(together, apart)


def test_sklearn_clean_removes_boilerplate_before_extraction() -> None:
    text = "The council approved the budget on Monday.\nYou may also like\nThe plan could possibly fail, experts say."
    raw, cleaned = (
        FramingFeatures(features=["hedge_per_1k"], clean=clean).fit_transform([text])[0, 0] for clean in (False, True)
    )
    assert raw > 0  # the related post's hedges count when the page is not cleaned
    assert cleaned == 0  # cleaning cuts everything from "You may also like" on


def test_sklearn_unknown_feature_name_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match="Unknown feature name 'hedges_per_1k'") as error:
        FramingFeatures(features=["hedges_per_1k"]).fit(TEXTS)
    assert "hedge_per_1k" in str(error.value) and "gunning_fog" in str(error.value)


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"features": "everything"}, "features='everything' is not a feature group"),
        ({"features": []}, "empty list"),
        ({"features": ["gunning_fog", "gunning_fog"]}, "gunning_fog more than once"),
        ({"features": [3]}, "must be str, got 3"),
        ({"clean": "yes"}, "clean must be True or False, got 'yes'"),
        ({"lexicon_dir": 42}, "lexicon_dir must be None or a path"),
    ],
)
def test_sklearn_bad_params_name_the_value(params: dict, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FramingFeatures(**params).fit(TEXTS)


def test_sklearn_missing_lexicon_dir_names_the_path(tmp_path) -> None:
    missing = tmp_path / "no-such-lexicons"
    with pytest.raises(FramingInputError, match="no-such-lexicons"):
        FramingFeatures(lexicon_dir=missing).fit(TEXTS)


@pytest.mark.parametrize(
    ("X", "message"),
    [
        ("a single string", "Iterable over raw text documents expected"),
        (["fine", None], "Document 1 is NoneType"),
        (["fine", b"bytes"], "Document 1 is bytes"),
        (np.array([["a", "b"]]), "1-D sequence"),
    ],
)
def test_sklearn_bad_input_is_named(X, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        FramingFeatures().fit(X)


def test_sklearn_empty_text_gives_zeros_not_errors() -> None:
    transformer = FramingFeatures().fit(TEXTS)
    row = transformer.transform([""])[0]
    assert np.all(row == 0)
