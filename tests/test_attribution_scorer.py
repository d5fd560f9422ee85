"""The learned attribution-cue scorer: broad candidates with named features, a model file, clear errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.analysis import analyze_document
from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.features.attribution import candidate_proposals, find_attributions
from framing.lexicons import ATTRIBUTION_SCORER_FILE, bundled_lexicon_dir, load_lexicons
from framing.linear_model import FORMAT, load_scorer
from framing.training import AnnotatedText, attribution_examples, fit_scorer, read_annotations

BANNED = "The governor has banned the march. The senator is open to a compromise, his aide said on Monday."


def write_model(folder: Path, **fields: object) -> Path:
    model = {"format": FORMAT, "weights": {}, "intercept": 0.0, "threshold": 0.5, "provenance": {}, **fields}
    path = folder / ATTRIBUTION_SCORER_FILE
    path.write_text(json.dumps(model), encoding="utf-8")
    return path


def cue_features(text: str, lexicons) -> dict[str, dict[str, float]]:
    doc = parse_text(text, lexicons)
    return {doc.text[doc.tokens[p.first].start : doc.tokens[p.last].end]: p.features
            for p in candidate_proposals(doc, lexicons)}


def test_attribution_scorer_generator_finds_predicates_of_actors(general_lexicons) -> None:
    found = cue_features(BANNED, general_lexicons)
    assert found["has banned"]["generator=subject_verb"] == 1.0
    assert found["has banned"]["perfect"] == 1.0 and found["has banned"]["shape=ed"] == 1.0
    assert found["is open"]["copula"] == 1.0 and found["is open"]["next=to"] == 1.0
    assert found["said"]["generator=lexicon"] == 1.0 and found["said"]["rule_accepted"] == 1.0
    assert found["said"]["class=stance=neutral"] == 1.0
    assert not any(name.startswith(("lemma=", "word=")) for features in found.values() for name in features)


def test_attribution_scorer_generator_reads_possessive_nouns_and_second_verbs(general_lexicons) -> None:
    found = cue_features("Voters cheered her opposition to the tax. The mayor said so and vetoed the bill.",
                         general_lexicons)
    assert found["opposition"]["generator=possessive_noun"] == 1.0
    assert found["opposition"]["subject=pronoun"] == 1.0 and found["opposition"]["next=to"] == 1.0
    assert found["vetoed"]["generator=coordinated_verb"] == 1.0 and found["vetoed"]["subject=named_person"] == 1.0


def test_attribution_scorer_one_candidate_per_stretch_of_words(general_lexicons) -> None:
    doc = parse_text(BANNED, general_lexicons)
    proposals = candidate_proposals(doc, general_lexicons)
    tokens = [index for p in proposals for index in range(p.first, p.last + 1)]
    assert len(tokens) == len(set(tokens))


def test_attribution_scorer_pack_model_accepts_and_rejects_by_its_weights(tmp_path: Path) -> None:
    write_model(tmp_path, weights={"generator=subject_verb": 4.0, "generator=lexicon": -4.0})
    pack = load_lexicons(tmp_path)
    analysis = analyze_document(parse_text(BANNED, pack), pack)
    cues = {s.text: s for s in analysis.spans if s.type == "attribution"}
    assert "has banned" in cues and "is open" in cues and "said" not in cues
    assert cues["has banned"].attrs["score"] > 0.5 and "generator=subject_verb +4.00" in cues["has banned"].attrs["why"]
    assert cues["has banned"].attrs["rule"] == "scorer:subject_verb"
    assert not [s for s in analysis.spans if s.type == "source"]  # generated cues make no source spans


def test_attribution_scorer_accepted_rule_cue_keeps_its_source(tmp_path: Path) -> None:
    write_model(tmp_path, weights={"rule_accepted": 4.0}, intercept=-2.0)
    pack = load_lexicons(tmp_path)
    analysis = analyze_document(parse_text(BANNED, pack), pack)
    cues = [s for s in analysis.spans if s.type == "attribution"]
    assert [s.text for s in cues] == ["said"]
    assert [s.text for s in analysis.spans if s.type == "source"] == ["his aide"]


def test_attribution_scorer_quotes_keep_the_rules_speakers(tmp_path: Path) -> None:
    text = "“We will win,” the mayor said."
    write_model(tmp_path, intercept=-9.0)  # rejects every candidate
    pack = load_lexicons(tmp_path)
    analysis = analyze_document(parse_text(text, pack), pack)
    assert not [s for s in analysis.spans if s.type == "attribution"]
    quote = next(s for s in analysis.spans if s.type == "quote")
    assert quote.attrs["speaker"] == "the mayor"
    assert [a.text for a in find_attributions(parse_text(text, pack), pack)] == ["said"]  # the rules layer


@pytest.mark.parametrize(
    ("content", "problem"),
    [("{not json", "corrupt"), (json.dumps({"format": "framing-linear-model/0"}), "another version")],
)
def test_attribution_scorer_bad_file_is_a_clear_input_error(tmp_path: Path, content: str, problem: str) -> None:
    (tmp_path / ATTRIBUTION_SCORER_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(FramingInputError) as error:
        load_lexicons(tmp_path)
    assert problem in str(error.value) and "train_attribution_scorer.py" in str(error.value)


def test_attribution_scorer_bundled_file_declares_provenance_and_cross_validated_scores() -> None:
    scorer = load_scorer(bundled_lexicon_dir() / ATTRIBUTION_SCORER_FILE)
    for key in ("data", "split", "trained", "licence", "cross_validated", "script"):
        assert scorer.provenance.get(key), key
    assert scorer.provenance["cross_validated"]["grouped_by"]
    assert 0.0 < scorer.threshold < 1.0


def test_attribution_scorer_training_learns_from_own_annotations(general_lexicons, tmp_path: Path) -> None:
    """Marks on copular predicates only ("is open"): the fitted model must weigh ``copula`` up."""
    rows = []
    for index in range(12):
        text = f"The senator is open to plan {index}. The governor has banned the march."
        start = text.index("is open")
        rows.append({"id": f"t{index}", "group": f"g{index}", "text": text, "marked": [[start, start + 7]]})
    path = tmp_path / "marks.jsonl"
    path.write_text("\n".join(json.dumps(row) for row in rows), encoding="utf-8")
    texts = read_annotations(path)
    assert texts[0] == AnnotatedText("t0", "g0", rows[0]["text"], ((12, 19),), "own")
    model = fit_scorer(attribution_examples(texts, general_lexicons), provenance={"data": "test"},
                       min_precision=0.75)
    assert model["weights"]["copula"] > 0
    assert model["provenance"]["cross_validated"]["own"]["at_threshold"]["precision"] >= 0.75


def test_attribution_scorer_candidates_say_whether_content_follows(general_lexicons) -> None:
    """``content=`` tells a report ("agreed that …", "view it as …") from a predicate ("failed in a bid")."""
    found = cue_features("The senator agreed that the vote should wait. Critics view the plan as a ploy. "
                         "The mayor failed in a bid for the seat.", general_lexicons)
    assert found["agreed"]["content=that"] == 1.0
    assert found["view"]["content=object_as"] == 1.0
    assert found["failed"]["content=none"] == 1.0


def test_attribution_scorer_never_sees_a_predicate_without_content(general_lexicons) -> None:
    """A cue the needs_content check turns down is no candidate, so no model can bring it back."""
    doc = parse_text("The mayor endorsed Ann Lee on Wednesday. The senator endorsed the plan as fair.",
                     general_lexicons)
    proposed = [(doc.tokens[p.first].sentence, doc.text[doc.tokens[p.first].start : doc.tokens[p.last].end], p)
                for p in candidate_proposals(doc, general_lexicons)]
    assert not [text for sentence, text, _ in proposed if sentence == 0 and text == "endorsed"]
    kept = [p for sentence, text, p in proposed if sentence == 1 and text == "endorsed"]
    assert len(kept) == 1 and kept[0].features["content=object_as"] == 1.0


def test_attribution_scorer_cue_no_rule_accepted_is_shown_as_possible(tmp_path: Path) -> None:
    """A cue only the scorer keeps is evidence marked ``confidence: possible`` with a reason, not counted."""
    write_model(tmp_path, weights={"generator=subject_verb": 9.0, "rule_accepted": 9.0}, intercept=-4.0)
    pack = load_lexicons(tmp_path)
    analysis = analyze_document(parse_text(BANNED, pack), pack)
    cues = {s.text: s.attrs for s in analysis.spans if s.type == "attribution"}
    assert cues["has banned"]["confidence"] == "possible" and "no rule" in cues["has banned"]["reason"]
    assert "confidence" not in cues["said"]
    assert analysis.features["attribution_count"] == 1 == analysis.features["n_attributions"]


def test_attribution_scored_copy_equals_dataclasses_replace() -> None:
    """``Attribution.scored`` writes ``replace`` out by hand; a field added later must not be dropped."""
    from dataclasses import fields, replace

    from framing.features.attribution.model import Attribution, Source

    source = Source(0, 3, "She", "named_person", "pronoun she", "Ann Lee")
    values = {"start": 4, "end": 8, "text": "said", "entry": None, "sentence": 2, "source": source,
              "conduits": (source,), "content": (9, 20), "rule": "r", "features": ("f",), "score": 0.1,
              "why": "w", "confidence": "possible", "reason": "because", "doubt_rule": "d"}
    assert set(values) == {field.name for field in fields(Attribution)}
    attribution = Attribution(**values)
    assert attribution.scored(0.75, "x +1.00") == replace(attribution, score=0.75, why="x +1.00")


def test_attribution_scorer_names_score_as_the_feature_dict(general_lexicons) -> None:
    """The scorer reads a candidate's feature names without building its dict: the very same float and words."""
    scorer = general_lexicons.attribution_scorer
    text = BANNED + " Voters cheered her opposition to the tax. The mayor said so and vetoed the bill."
    proposed = candidate_proposals(parse_text(text, general_lexicons), general_lexicons)
    assert {p.generator for p in proposed} >= {"lexicon", "subject_verb", "possessive_noun", "coordinated_verb"}
    for proposal in proposed:
        assert scorer.probability_of_names(proposal.common, proposal.more) == scorer.probability(proposal.features)
        assert scorer.explain_names(proposal.common, proposal.more) == scorer.explain(proposal.features)
