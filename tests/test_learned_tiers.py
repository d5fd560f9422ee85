"""The learned lexicon's two tiers (confident, possible) and its pinned feature lexicons (issue 18).

Texts are written for these tests; the models are the small ones of test_learned_loaded.py, trained
here on our own marks, so nothing depends on the public datasets.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import assert_extract_exits_2
from test_learned_loaded import spans_of, tiny_training, write_trained

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.learned_words import FINGERPRINT_KEY, MODEL_FILE, lexicon_fingerprint
from framing.lexicons import load_lexicons
from framing.training_learned import word_counts

ARTICLE = "The governor reneged on the pledge. Aides met on Monday."


def tiered_lexicons(folder: Path, confident: float, possible: float | None):
    """A tiny model whose threshold (articles and lone sentences) is ``confident`` and whose possible tier
    starts at ``possible``."""
    trained, _ = tiny_training(load_lexicons(scorers=False))
    trained.token_model["threshold"] = trained.token_model["provenance"]["sentence_threshold"] = confident
    if possible is not None:
        trained.token_model["provenance"]["possible_threshold"] = possible
    write_trained(folder, trained, word_counts(trained.examples))
    return load_lexicons(folder)


def learned(text: str, lexicons) -> dict[str, dict]:
    return {s.text: s.attrs for s in spans_of(text, lexicons) if s.attrs.get("rule") == "learned_lexicon"}


def test_possible_tier_word_is_marked_possible_with_a_reason_and_not_counted(tmp_path: Path) -> None:
    lexicons = tiered_lexicons(tmp_path, confident=0.999, possible=0.01)
    attrs = learned(ARTICLE, lexicons)["reneged"]
    assert attrs["confidence"] == "possible"
    assert attrs["reason"].startswith(f"learned score {attrs['score']:.2f}, under the confident bar 1.00")
    analysis = analyze_document(parse_text(ARTICLE, lexicons), lexicons)
    assert analysis.features["loaded_learned_count"] == 0  # the possible tier is never counted
    assert analysis.features["loaded_possible_count"] >= 1
    assert not any(s.counted for s in analysis.spans if s.attrs.get("rule") == "learned_lexicon")


def test_confident_word_above_both_bars_is_counted(tmp_path: Path) -> None:
    lexicons = tiered_lexicons(tmp_path, confident=0.02, possible=0.01)
    attrs = learned(ARTICLE, lexicons)["reneged"]
    assert "confidence" not in attrs and attrs["score"] >= 0.02
    analysis = analyze_document(parse_text(ARTICLE, lexicons), lexicons)
    assert analysis.features["loaded_learned_count"] >= 1


def test_possible_tier_is_for_articles_only(tmp_path: Path) -> None:
    lexicons = tiered_lexicons(tmp_path, confident=0.999, possible=0.01)
    assert "reneged" not in learned("The governor reneged on the pledge.", lexicons)  # a lone sentence: one bar
    assert lexicons.learned_loaded.shown_from(1) == 0.999 and lexicons.learned_loaded.shown_from(3) == 0.01


def test_without_a_possible_bar_there_is_one_tier(tmp_path: Path) -> None:
    lexicons = tiered_lexicons(tmp_path, confident=0.999, possible=None)
    assert "reneged" not in learned(ARTICLE, lexicons)


@pytest.mark.parametrize("possible", [0.02, 0.3])
def test_words_skipped_under_the_bound_could_not_reach_the_possible_bar(tmp_path: Path, possible: float) -> None:
    from framing.features import loaded
    from framing.features.learned_loaded import TokenFeatureReader, learned_spans
    from framing.slant import score_sentences

    lexicons = tiered_lexicons(tmp_path, confident=0.9, possible=possible)
    doc = parse_text("The governor reneged and perhaps fumed. “Aides reneged,” she said.\n\n"
                     "Officials said that the sloppy deal was signed, reportedly on Monday.", lexicons)
    slant = [s.probability for s in score_sentences(doc, lexicons.slant_model)]
    loaded.extract(doc, lexicons)  # (the curated extractor runs first, as in extraction: its memo tightens the bound)
    found, _ = learned_spans(doc, lexicons, lexicons.learned_loaded, [], slant)
    reader = TokenFeatureReader(doc, lexicons, slant)
    scorer = lexicons.learned_loaded.scorer
    every = {doc.token_columns().starts[i]: scorer.probability(reader.features(i)) for i in reader.indexes}
    assert [s.start for s in found] == [start for start, p in every.items() if p >= possible]
    assert all((s.attrs.get("confidence") == "possible") == (every[s.start] < 0.9) for s in found)


def test_bad_possible_bar_exits_2_with_one_line(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "pack"
    tiered_lexicons(folder, confident=0.5, possible=0.1)
    model = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
    model["provenance"]["possible_threshold"] = "low"
    (folder / MODEL_FILE).write_text(json.dumps(model), encoding="utf-8")
    with pytest.raises(FramingInputError, match=r"possible_threshold.*train_learned_lexicon\.py"):
        load_lexicons(folder)
    assert_extract_exits_2(tmp_path, folder, capsys, "possible_threshold")


def test_a_lexicon_row_the_model_never_saw_is_reported(tmp_path: Path) -> None:
    trained, _ = tiny_training(load_lexicons(scorers=False))
    trained.token_model["provenance"][FINGERPRINT_KEY] = lexicon_fingerprint(load_lexicons(scorers=False).by_name)
    write_trained(tmp_path, trained, word_counts(trained.examples))
    assert load_lexicons(tmp_path).warnings == ()  # the rows it was trained with: nothing to say
    (tmp_path / "loaded.tsv").write_text("term\tcategory\talternative\tsource\tnote\n"
                                         "zorbish\tevaluative\tplain\ttest\ta made-up loaded word\n", encoding="utf-8")
    warnings = load_lexicons(tmp_path).warnings
    assert len(warnings) == 1 and "lexicon 'loaded'" in warnings[0] and "train_learned_lexicon.py" in warnings[0]


def test_report_note_of_a_possible_word_says_it_is_not_counted(tmp_path: Path) -> None:
    from dataclasses import replace as with_fields

    from framing.report.html import render_html
    from framing.report.model import build_report_model

    lexicons = tiered_lexicons(tmp_path, confident=0.999, possible=0.01)
    analysis = analyze_document(with_fields(parse_text(ARTICLE, lexicons, id="A"), outlet="A"), lexicons)
    html = render_html(build_report_model([analysis], lexicons), [])
    assert "Possible, not counted: learned score" in html and "under the confident bar 1.00 (shown from 0.01)." in html
    assert "Counted because: learned score" not in html


def test_memberships_skipped_for_words_no_term_holds_are_empty(tmp_path: Path) -> None:
    from framing.features import loaded
    from framing.features.learned_loaded import TokenFeatureReader, lexicon_memberships

    lexicons = tiered_lexicons(tmp_path, confident=0.5, possible=0.1)
    doc = parse_text("Officials say the regime's brutal crackdown, reportedly slammed by aides, may widen. "
                     "The mayor said that critics were slamming the so-called reform.", lexicons)
    loaded.extract(doc, lexicons)  # (fills the curated extractor's inflection memo, as extraction does)
    reader = TokenFeatureReader(doc, lexicons)
    every = lexicon_memberships(doc.token_columns().norms, lexicons)
    assert every  # the text holds members of several lexicons
    assert all(set(reader.memberships(i)) == every.get(i, set()) for i in range(len(doc.tokens)))
