"""Words inside names and titles as the learned frame model reads them (policy_frames/name_words.py)."""

from __future__ import annotations

import math

import pytest

from framing.corpus import parse_text
from framing.features.policy_frames.cues import cue_hits
from framing.features.policy_frames.model import FrameModel, FrameWeights, article_features, model_decisions
from framing.features.policy_frames.name_words import cues_outside_names, model_norms
from framing.lexicons import Lexicons

# Made-up sentences: "defense" as an office's name, then as what the sentence is about.
TITLE = "Defense Secretary Jane Roe visited the parks office on Monday."
RUNNING = "The defense of the border was the subject on Monday."


def _security(intercept: float = 0.0) -> FrameModel:
    """A model whose only weight is the running-text word "defense" (threshold 0: every frame is scored)."""
    return FrameModel.of({"defense": 1.0, "parks": 1.0, "border": 1.0},
                         {"Security_and_defense": FrameWeights(intercept, 0.0, {"w:defense": 4.0}, 0.2)}, {}, "(test)")


def test_a_title_word_does_not_raise_a_frames_score(general_lexicons: Lexicons) -> None:
    model = _security()
    [titled] = model_decisions(parse_text(TITLE, general_lexicons, id="t"), [], model)
    [running] = model_decisions(parse_text(RUNNING, general_lexicons, id="r"), [], model)
    assert titled.score == pytest.approx(0.5)  # the intercept alone: "Defense" names the office
    assert running.score > 0.9  # the same word in running text carries the frame


def test_name_words_are_features_of_their_own_before_the_head(general_lexicons: Lexicons) -> None:
    doc = parse_text("The Human Rights Campaign asked Attorney General John Doe to act.", general_lexicons, id="h")
    norms = model_norms(doc)
    assert {"n:human", "n:rights", "n:attorney"} <= set(norms)
    assert {"campaign", "general", "act"} <= set(norms)  # heads and running words stay words
    assert not {"rights", "attorney", "n:campaign"} & set(norms)


def test_cues_that_only_name_an_office_or_a_body_leave_the_cue_shares(general_lexicons: Lexicons) -> None:
    text = ("The Human Rights Campaign wrote to Attorney General John Doe. "
            "The U.S. Supreme Court heard a lawyer during the campaign.")
    doc = parse_text(text, general_lexicons, id="c")
    hits = cue_hits(doc, general_lexicons)
    kept = {(hit.term, hit.start) for hit in cues_outside_names(doc, hits)}
    found = {(hit.term, hit.start) for hit in hits}
    campaign_in_name, campaign_running = text.index("Campaign"), text.index("campaign.")
    assert ("campaign", campaign_in_name) in found - kept  # only the head of a longer name
    assert ("attorney", text.index("Attorney")) in found - kept  # before the title's head
    assert ("supreme court", text.index("Supreme")) in kept  # the court's own name ends on its head
    assert ("campaign", campaign_running) in kept


def test_training_features_and_scoring_give_the_same_probability(general_lexicons: Lexicons) -> None:
    text = ("Defense Secretary Jane Roe said the army would stay. The defense budget grew, "
            "and the Human Rights Campaign objected in court.")
    doc = parse_text(text, general_lexicons, id="s")
    weights = {"w:defense": 2.0, "w:n:defense": -1.5, "w:army": 1.0, "w:n:rights": 0.7, "c:Security_and_defense": 1.2,
               "c:Political": -0.8}
    model = FrameModel.of({"defense": 1.3, "n:defense": 2.0, "army": 1.1, "n:rights": 1.7},
                          {"Security_and_defense": FrameWeights(-0.4, 0.0, weights, 0.2)}, {}, "(test)")
    hits = cue_hits(doc, general_lexicons)
    features = article_features(model_norms(doc), model.idf, cues_outside_names(doc, hits))
    assert {"w:n:defense", "w:n:rights", "w:defense"} <= set(features)
    logit = -0.4 + sum(weight * features.get(name, 0.0) for name, weight in weights.items())
    [decision] = [d for d in model_decisions(doc, hits, model) if d.rule == "frame_model"]
    assert decision.score == pytest.approx(1 / (1 + math.exp(-logit)))

