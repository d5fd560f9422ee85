"""The learned frame model's cue features (c:<frame>): scored from the cue hits, split exactly over them as evidence."""

from __future__ import annotations

import math

import pytest

from framing.corpus import parse_text
from framing.features.policy_frames.cues import cue_hits, weight_by_frame
from framing.features.policy_frames.evidence import evidence_sentences
from framing.features.policy_frames.model import FrameModel, FrameWeights, article_features, model_decisions
from framing.lexicons import Lexicons

# Made-up text: one sentence of money talk, one of weather, one of a court.
TEXT = ("The plan would cost the city two billion dollars, and the budget is already tight. "
        "It rained all week in the valley. "
        "A judge will hear the case in court next month.")


def _model(weights: dict[str, float], intercept: float = -1.0) -> FrameModel:
    return FrameModel.of({"plan": 1.2, "rained": 2.0, "judge": 1.5},
                         {"Economic": FrameWeights(intercept, 0.5, weights)}, {}, "(test)")


def test_cue_share_feature_is_the_frames_share_of_the_cue_weight(general_lexicons: Lexicons) -> None:
    doc = parse_text(TEXT, general_lexicons, id="t")
    hits = cue_hits(doc, general_lexicons)
    totals = weight_by_frame(hits)
    features = article_features([t.norm for t in doc.tokens if t.is_word], {"plan": 1.0}, hits)
    assert features["c:Economic"] == pytest.approx(totals["Economic"] / sum(totals.values()))
    assert sum(v for k, v in features.items() if k.startswith("c:")) == pytest.approx(1.0)


def test_cue_feature_contribution_is_split_over_its_cues_as_evidence(general_lexicons: Lexicons) -> None:
    doc = parse_text(TEXT, general_lexicons, id="t")
    hits = cue_hits(doc, general_lexicons)
    model = _model({"c:Economic": 4.0, "w:rained": -0.5})
    [decision] = [d for d in model_decisions(doc, hits, model) if d.frame == "Economic"]
    assert decision.rule == "frame_model"
    features = article_features([t.norm for t in doc.tokens if t.is_word], model.idf, hits)
    logit = -1.0 + 4.0 * features["c:Economic"] - 0.5 * features["w:rained"]
    assert decision.score == pytest.approx(1 / (1 + math.exp(-logit)))
    assert sum(decision.sentence_totals.values()) == pytest.approx(logit + 1.0)  # all but the intercept
    sentence, _, words = evidence_sentences(decision)[0]
    assert doc.text[slice(*doc.sentences[sentence])].startswith("The plan would cost")
    assert {"cost", "billion"} <= {w.text for w in words}  # the money cues carry it, at their offsets
    assert all(doc.text[w.start:w.end] == w.text for w in words)
    assert [s for s, _, _ in evidence_sentences(decision, None)] == [sentence]  # rain and court do not carry it


def test_without_cues_the_cue_feature_adds_nothing(general_lexicons: Lexicons) -> None:
    doc = parse_text("It rained all week in the valley.", general_lexicons, id="r")
    model = _model({"c:Economic": 4.0}, intercept=0.5)
    [decision] = model_decisions(doc, cue_hits(doc, general_lexicons), model)
    assert decision.score == pytest.approx(1 / (1 + math.exp(-0.5)))
    assert evidence_sentences(decision) == []  # no sentence carries it, so it would not be reported


def test_one_lookup_finds_the_models_words_and_the_cue_starts_as_two_would(general_lexicons: Lexicons) -> None:
    """The model path looks every token up once (:meth:`FrameModel.token_codes`) for its own words and for where a
    cue term may start; a name word ("Defense" before "Secretary") is looked up as ``n:defense`` there, yet its cue
    is found as the plain matcher finds it."""
    from framing.features.policy_frames.model import known_words
    from framing.features.policy_frames.name_words import name_word_ranges

    doc = parse_text("Defense Secretary Pete Hegseth said the budget plan was sent to the Supreme Court. "
                     "The judge rained praise on the plan.", general_lexicons, id="n")
    names = name_word_ranges(doc)
    model = _model({"w:plan": 1.0, "w:n:defense": 0.5})
    matcher = general_lexicons.matcher("frame_cues")
    one = known_words(doc, model, names, matcher)
    alone = known_words(doc, model, names)
    assert one.tokens == alone.tokens and one.rows.tolist() == alone.rows.tolist() and alone.cue_starts is None
    assert one.cue_starts == [i for i, norm in enumerate(doc.token_columns().norms) if norm in matcher.first_tokens]
    assert any(first <= doc.token_columns().norms.index("defense") < head for first, head in names)
    assert cue_hits(doc, general_lexicons, starts=one.cue_starts) == cue_hits(doc, general_lexicons)
    assert {"defense", "budget", "supreme court"} <= {hit.term for hit in cue_hits(doc, general_lexicons)}
