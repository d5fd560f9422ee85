"""The learned loaded-term scorer: a model file with provenance, named features, clear errors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import LEARNED, RESEARCH_LOADED

from framing.analysis import analyze_document
from framing.cli import main
from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.features.loaded import candidates
from framing.lexicons import ATTRIBUTION_SCORER_FILE, SCORER_FILE, bundled_lexicon_dir, load_lexicons
from framing.linear_model import FORMAT, load_scorer
from framing.training import AnnotatedText, fit_scorer, loaded_examples


def write_model(folder: Path, **fields: object) -> Path:
    model = {"format": FORMAT, "weights": {}, "intercept": 0.0, "threshold": 0.0, "provenance": {}, **fields}
    path = folder / SCORER_FILE
    path.write_text(json.dumps(model), encoding="utf-8")
    return path


def test_linear_model_shipped_file_declares_provenance_and_cross_validated_scores() -> None:
    scorer = load_scorer(LEARNED / SCORER_FILE)
    for key in ("data", "split", "trained", "licence", "cross_validated", "script"):
        assert scorer.provenance.get(key), key
    assert 0.0 <= scorer.threshold <= 1.0
    assert all(name.startswith("category=") or name.isidentifier() for name in scorer.weights)


def test_linear_model_candidates_carry_named_features(research_lexicons) -> None:
    lexicons = research_lexicons  # "uglier", "disgrace": words of the optional research-use set
    doc = parse_text("The senator slammed the disastrous plan. It got uglier, critics said: “a disgrace”.", lexicons)
    found = {c.span.text: c.features for c in candidates(doc, lexicons)}
    assert found["slammed"]["lede"] == 1.0
    assert "inflected" not in found["slammed"]  # listed as it is
    assert found["uglier"]["inflected"] == 1.0 and "lede" not in found["uglier"]
    assert found["disgrace"]["in_speech_quote"] == 1.0
    assert "category=evaluative" in found["disastrous"] or "category=intensifier" in found["disastrous"]
    assert all(0.0 < value <= 1.0 for features in found.values() for value in features.values())


def test_linear_model_kept_spans_say_which_features_made_the_call() -> None:
    lexicons = load_lexicons(LEARNED)
    analysis = analyze_document(parse_text("The mayor slammed the disastrous plan.", lexicons), lexicons)
    loaded = [s for s in analysis.spans if s.type == "loaded"]
    assert loaded
    for span in loaded:
        assert 0.0 <= span.attrs["score"] <= 1.0
        assert "evaluative word" in span.attrs["why"] or "in the first sentence" in span.attrs["why"]
        assert span.to_dict()["why"] == span.attrs["why"]


def test_linear_model_every_feature_has_a_readers_label(lexicons) -> None:
    from framing.features.loaded import FEATURE_LABELS

    scorer = load_scorer(LEARNED / SCORER_FILE)
    assert set(scorer.weights) <= set(FEATURE_LABELS)


def test_linear_model_threshold_demotes_candidates_a_pack_model_rejects(tmp_path: Path) -> None:
    text = "The mayor slammed the disastrous plan. The council called it a disgrace."
    write_model(tmp_path, weights={"lede": -9.0}, intercept=1.0, threshold=0.5)
    shutil.copy(RESEARCH_LOADED / "loaded.tsv", tmp_path / "loaded.tsv")  # "disgrace" is in the optional set
    strict = load_lexicons(tmp_path)
    analysis = analyze_document(parse_text(text, strict), strict)
    loaded = [s for s in analysis.spans if s.type == "loaded"]
    possible = {s.text: s.attrs["reason"] for s in loaded if s.attrs.get("confidence") == "possible"}
    assert set(possible) == {"slammed", "disastrous"}  # in the lede: pushed under the threshold, kept as possible
    assert all("context scorer" in reason for reason in possible.values())
    assert "disgrace" in [s.text for s in loaded] and "disgrace" not in possible
    assert analysis.features["loaded_below_threshold_count"] == 2
    assert analysis.features["loaded_count"] == 1  # possible findings are shown, not counted


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "corrupt"),
        (json.dumps({"format": "framing-linear-model/0", "weights": {}}), "another version"),
        (json.dumps({"format": FORMAT, "weights": {}, "intercept": 0.0}), "threshold"),
        (json.dumps({"format": FORMAT, "weights": {}, "intercept": 0.0, "threshold": 3}), "outside 0–1"),
    ],
)
def test_linear_model_bad_file_is_a_clear_input_error(tmp_path: Path, content: str, problem: str) -> None:
    (tmp_path / SCORER_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(FramingInputError) as error:
        load_scorer(tmp_path / SCORER_FILE)
    assert problem in str(error.value) and "train_loaded_scorer.py" in str(error.value)


@pytest.mark.parametrize(("model_file", "script"), [
    (SCORER_FILE, "train_loaded_scorer.py"), (ATTRIBUTION_SCORER_FILE, "train_attribution_scorer.py"),
])
def test_linear_model_corrupt_pack_model_exits_2_with_one_line(
    tmp_path: Path, capsys, model_file: str, script: str
) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / model_file).write_text("garbage", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("The mayor resigned on Monday.", encoding="utf-8")
    assert main(["extract", str(article), "--lexicons", str(pack)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and model_file in err and "corrupt" in err and script in err


def test_linear_model_default_set_has_no_model_trained_on_research_use_data() -> None:
    """The MIT default ships no loaded-language model: the ones trained on BASIL and BABE are optional."""
    assert not (bundled_lexicon_dir() / SCORER_FILE).exists()
    default = load_lexicons()
    assert default.loaded_scorer is None and default.learned_loaded is None and default.slant_model is None
    assert load_lexicons(LEARNED).loaded_scorer is not None


def test_linear_model_training_learns_from_own_annotations(research_lexicons) -> None:
    """Marks on lede words only: the fitted model must weigh ``lede`` up, cross-validated by group."""
    lexicons = research_lexicons  # "disgrace" is in the optional set
    texts = []
    for index in range(12):
        text = f"The mayor slammed plan {index}. Later the clerk called the vote a disgrace."
        lede_word = text.index("slammed")
        texts.append(AnnotatedText(f"t{index}", f"g{index}", text, ((lede_word, lede_word + 7),), "own"))
    model = fit_scorer(loaded_examples(texts, lexicons), provenance={"data": "test"})
    assert model["weights"]["lede"] > 0
    assert model["provenance"]["cross_validated"]["own"]["auc"] == 1.0
    assert model["format"] == FORMAT
