"""The benchmark harness: metrics, dataset readers and scorers on tiny hand-made rows.

Nothing here needs the public datasets: every row is written to tmp_path by the test.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from benchmarks.evaluation.datasets import (
    BabeSentence,
    Cue,
    HedgeSentence,
    LevelledText,
    dataset_file,
    read_babe,
    read_hedges,
    read_onestop,
    read_polnear,
    to_document,
)
from benchmarks.evaluation.metrics import Scores, bag_scores, binary_f1, match_fragments, match_spans, ordering_accuracy
from benchmarks.evaluation.tasks import (
    is_direct,
    predicted_source_kind,
    score_attribution,
    score_biased_words,
    score_hedges,
    score_readability,
    score_source_kinds,
    word_norms,
)
from framing.document import Span
from framing.errors import FramingInputError

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "benchmarks" / "data" / "source_kind_labels.jsonl"


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def span(kind: str, text: str, part: str, after: int = 0, **attrs) -> Span:
    """A span over the first occurrence of ``part`` in ``text`` at or after ``after``."""
    start = text.index(part, after)
    return Span(kind, start, start + len(part), part, part, category=attrs.pop("category", ""), attrs=attrs)


# --- metrics ----------------------------------------------------------------------------------


def test_metrics_one_long_prediction_claims_only_one_gold_cue() -> None:
    scores, pairs, false_pos, false_neg = match_spans([("d", 0, 20)], [("d", 0, 3), ("d", 10, 13)])
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (1, 0, 1)
    assert pairs == [(("d", 0, 20), ("d", 0, 3))]
    assert false_neg == [("d", 10, 13)] and false_pos == []


@pytest.mark.parametrize(
    ("predicted", "mode", "expected"),
    [
        (("d", 5, 8), "overlap", (1, 0, 0)),
        (("d", 5, 8), "exact", (0, 1, 1)),
        (("d", 4, 9), "exact", (1, 0, 0)),
        (("d", 9, 12), "overlap", (0, 1, 1)),  # touching is not overlapping
        (("e", 4, 9), "overlap", (0, 1, 1)),  # another document never matches
    ],
)
def test_metrics_match_modes(predicted, mode, expected) -> None:
    scores = match_spans([predicted], [("d", 4, 9)], mode=mode)[0]
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == expected


def test_metrics_fragmented_gold_matches_any_piece() -> None:
    gold = [("d", ((0, 4), (30, 35)))]
    assert match_fragments([("d", 31, 33)], gold)[0].true_positives == 1
    assert match_fragments([("d", 10, 20)], gold)[0].true_positives == 0


def test_metrics_scores_add_and_compute_f1() -> None:
    total = Scores(3, 1, 0) + Scores(1, 1, 4)
    assert (total.precision, total.recall) == (4 / 6, 4 / 8)
    assert total.f1 == pytest.approx(2 * (4 / 6) * 0.5 / (4 / 6 + 0.5))
    assert Scores(0, 0, 0).f1 == 0.0


def test_metrics_binary_and_bag_scores() -> None:
    binary = binary_f1([True, True, False, False], [True, False, True, False])
    assert (binary.true_positives, binary.false_positives, binary.false_negatives) == (1, 1, 1)
    bag = bag_scores({"regime", "slammed"}, {"slammed", "radical"})
    assert (bag.true_positives, bag.false_positives, bag.false_negatives) == (1, 1, 1)


def test_metrics_ordering_counts_ties_as_wrong() -> None:
    result = ordering_accuracy({"a": [(0, 1.0), (1, 2.0), (2, 3.0)], "b": [(0, 1.0), (1, 1.0), (2, 3.0)]})
    assert result["ordered"] == 0.5
    assert result["pairwise"] == 5 / 6


# --- readers ----------------------------------------------------------------------------------


def test_datasets_read_hedges_checks_cue_offsets(tmp_path: Path) -> None:
    text = "The drug may reduce pain."
    good = {"doc_id": "d", "sent_id": "S1", "text": text, "uncertain": True,
            "cues": [{"start": 9, "end": 12, "type": "speculation_modal_probable", "text": "may"}]}
    path = write_jsonl(tmp_path / "h.jsonl", [good])
    (sentence,) = read_hedges(path)
    assert sentence.id == "d/S1" and sentence.uncertain
    assert sentence.cues[0].text == "may" and sentence.text[9:12] == "may"

    shifted = dict(good, cues=[dict(good["cues"][0], start=8, end=11)])
    with pytest.raises(FramingInputError, match="not 'may'"):
        read_hedges(write_jsonl(tmp_path / "bad.jsonl", [shifted]))


def test_datasets_bad_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_text('{"text": "ok", "uncertain": false, "cues": []}\n{not json\n', encoding="utf-8")
    with pytest.raises(FramingInputError, match=r"h\.jsonl:2"):
        read_hedges(path)


def test_datasets_missing_file_says_where(tmp_path: Path) -> None:
    with pytest.raises(FramingInputError, match="dataset file not found"):
        dataset_file(tmp_path, "hedges/szeged_wiki.jsonl")


def polnear_row(compartment: str, filename: str = "nyt_1") -> dict:
    text = '"We will win," Smith said on Tuesday.'
    return {
        "compartment": compartment, "filename": filename, "publisher": "nyt", "text": text,
        "attributions": [{
            "source": {"fragments": [[15, 20]], "text": "Smith"},
            "cue": {"fragments": [[21, 25]], "text": "said"},
            "content": {"fragments": [[0, 14]], "text": '"We will win,"'},
        }],
    }


def test_datasets_read_polnear_keeps_one_copy_per_file(tmp_path: Path) -> None:
    rows = [polnear_row("annotator-training"), polnear_row("train"), polnear_row("dev"), polnear_row("train", "b")]
    docs = read_polnear(write_jsonl(tmp_path / "p.jsonl", rows))
    assert [(d.filename, d.compartment) for d in docs] == [("nyt_1", "dev"), ("b", "train")]
    attribution = docs[0].attributions[0]
    assert attribution.source.text == "Smith" and attribution.cue.fragments == ((21, 25),)


def test_datasets_read_polnear_rejects_fragments_that_do_not_match(tmp_path: Path) -> None:
    row = polnear_row("dev")
    row["attributions"][0]["source"]["fragments"] = [[14, 19]]
    with pytest.raises(FramingInputError, match="fragments give"):
        read_polnear(write_jsonl(tmp_path / "p.jsonl", [row]))


def test_datasets_read_babe_parses_word_literals(tmp_path: Path) -> None:
    rows = [
        {"text": "The regime slammed critics.", "label_bias": "Biased", "biased_words": "['regime', '\"slammed\"']"},
        {"text": "Rain fell.", "label_bias": "Non-biased", "biased_words": "[]"},
    ]
    first, second = read_babe(write_jsonl(tmp_path / "b.jsonl", rows))
    assert first.biased_words == ("regime", '"slammed"') and second.biased_words == ()
    with pytest.raises(FramingInputError, match="Python list literal"):
        read_babe(write_jsonl(tmp_path / "bad.jsonl", [dict(rows[0], biased_words="[regime")]))


def test_datasets_read_onestop_limit_counts_topics(tmp_path: Path) -> None:
    rows = [{"topic": t, "level": lv, "level_index": i, "text": f"{t} {lv}."}
            for t in ("A", "B") for i, lv in enumerate(("elementary", "intermediate", "advanced"))]
    texts = read_onestop(write_jsonl(tmp_path / "o.jsonl", rows), limit=1)
    assert [(t.topic, t.level_index) for t in texts] == [("A", 0), ("A", 1), ("A", 2)]


def test_datasets_to_document_keeps_offsets(lexicons) -> None:
    text = "  Officials said it may rain.\nThen it did."
    doc = to_document(text, lexicons, "x")
    assert doc.text == text and doc.id == "x"
    assert [doc.text[s:e] for s, e in doc.sentences] == ["Officials said it may rain.", "Then it did."]


# --- scorers ----------------------------------------------------------------------------------


def test_hedges_epistemic_figures_set_aside_conditional_cues() -> None:
    text = "If it rains, the match may be cancelled."
    sentence = HedgeSentence("s1", text, True, (
        Cue(0, 2, "speculation_hypo_condition", "If"), Cue(24, 27, "speculation_modal_probable", "may")))
    plain = HedgeSentence("s2", "The match was cancelled.", False, ())
    predicted = {"s1": [span("hedge", text, "If"), span("hedge", text, "may")],
                 "s2": [span("hedge", plain.text, "was")]}
    result = score_hedges([sentence, plain], predicted)
    assert result["all_cues"]["cue_overlap"]["tp"] == 2 and result["all_cues"]["cue_overlap"]["fp"] == 1
    # "If" is neither right nor wrong once gold is limited to epistemic cues.
    assert result["epistemic_cues"]["cue_overlap"]["tp"] == 1 and result["epistemic_cues"]["cue_overlap"]["fp"] == 1
    assert result["all_cues"]["sentence"]["fp"] == 1
    assert result["all_cues"]["top_false_positives"] == [["was", 1]]
    assert result["recall_by_type"]["speculation_modal_probable"] == 1.0


def test_hedges_approximators_can_be_set_aside() -> None:
    text = "About 20 people may have left."
    sentence = HedgeSentence("s1", text, True, (Cue(18, 21, "speculation_modal_probable", "may"),))
    predicted = {"s1": [span("hedge", text, "About", category="approximator"),
                        span("hedge", text, "may", category="modal")]}
    result = score_hedges([sentence], predicted)
    assert result["epistemic_cues"]["cue_overlap"]["fp"] == 1
    assert result["epistemic_cues_no_approximators"]["cue_overlap"]["fp"] == 0
    assert result["epistemic_cues_no_approximators"]["cue_overlap"]["tp"] == 1
    assert result["false_positives_by_category"] == {"approximator": 1}


def test_hedges_szeged_categories_compare_only_what_szeged_annotates() -> None:
    text = "If it rains, about 20 fans may leave."
    sentence = HedgeSentence("s1", text, True, (
        Cue(0, 2, "speculation_hypo_condition", "If"), Cue(27, 30, "speculation_modal_probable", "may")))
    plain = HedgeSentence("s2", "Unless it rains, they play.", False, ())
    predicted = {"s1": [span("hedge", text, "If", category="conditional"),
                        span("hedge", text, "about", category="approximator"),
                        span("hedge", text, "may", category="modal")],
                 "s2": [span("hedge", plain.text, "Unless", category="conditional")]}
    result = score_hedges([sentence, plain], predicted)

    def counts(name: str) -> tuple[int, int]:
        return result[name]["cue_overlap"]["tp"], result[name]["cue_overlap"]["fp"]

    # Approximators map to no Szeged cue type: set aside, not false positives; a stray conditional still is one.
    assert counts("szeged_categories") == (2, 1)
    assert counts("all_cues") == (2, 2)
    # Epistemic figures set framing's conditional cues aside, matched or not.
    assert counts("epistemic_cues") == (1, 1)
    assert result["epistemic_cues_no_approximators"]["cue_overlap"]["fp"] == 0
    assert "approximators set aside" in result["szeged_categories"]["compares"]
    assert result["szeged_types_of_category"]["approximator"] == []
    assert result["szeged_types_of_category"]["conditional"] == ["speculation_hypo_condition"]


def test_hedges_every_lexicon_category_has_a_szeged_mapping() -> None:
    """A new hedge category must say which Szeged cue types it corresponds to (or none)."""
    from benchmarks.evaluation.tasks import SZEGED_TYPES_OF_CATEGORY
    from framing.lexicons import load_lexicons

    allowed = {value.strip() for value in load_lexicons()["hedges"].meta["allowed_category"].split(",")}
    assert allowed - {"exclusion"} == set(SZEGED_TYPES_OF_CATEGORY)


@pytest.mark.parametrize(("content", "direct"), [('"We will win,"', True), ("that they would win", False),
                                                  ("“a disaster”", True)])
def test_attribution_direct_quotes_are_the_quoted_contents(content: str, direct: bool) -> None:
    assert is_direct(content) is direct


def test_attribution_scores_cues_quotes_and_speakers(tmp_path: Path) -> None:
    rows = [polnear_row("dev")]
    (doc,) = read_polnear(write_jsonl(tmp_path / "p.jsonl", rows))
    text = doc.text
    right = {doc.filename: [
        span("quote", text, '"We will win,"', speaker="Smith", speaker_start=15, speaker_end=20),
        span("attribution", text, "said"),
        span("attribution", text, "Tuesday"),
    ]}
    result = score_attribution([doc], right)
    assert result["cue"]["tp"] == 1 and result["cue"]["fp"] == 1 and result["cue"]["recall"] == 1.0
    assert result["content_overlap"]["f1"] == 1.0
    assert result["speaker_accuracy"] == 1.0 and result["speaker_judged"] == 1

    wrong = {doc.filename: [span("quote", text, '"We will win,"', speaker="Tuesday", speaker_start=29,
                                 speaker_end=36)]}
    result = score_attribution([doc], wrong)
    assert result["speaker_accuracy"] == 0.0
    assert result["speaker_top_errors"] == [["smith -> tuesday", 1]]
    assert result["speaker_accuracy_lenient"] == 0.0

    # Another mention of the same name: wrong by offsets, forgiven by the lenient figure.
    elsewhere = {doc.filename: [span("quote", text, '"We will win,"', speaker="Smith", speaker_start=29,
                                     speaker_end=36)]}
    result = score_attribution([doc], elsewhere)
    assert result["speaker_accuracy"] == 0.0 and result["speaker_accuracy_lenient"] == 1.0


def test_attribution_source_kind_prefers_source_spans_then_quote_speakers(tmp_path: Path) -> None:
    (doc,) = read_polnear(write_jsonl(tmp_path / "p.jsonl", [polnear_row("dev")]))
    text = doc.text
    quote = span("quote", text, '"We will win,"', speaker_start=15, speaker_end=20, speaker_kind="named_person")
    assert predicted_source_kind([quote], 15, 20) == "named_person"
    assert predicted_source_kind([quote, span("source", text, "Smith", category="vague")], 15, 20) == "vague"
    assert predicted_source_kind([quote], 0, 5) is None

    labels = [{"filename": doc.filename, "start": 15, "end": 20, "kind": "named_person"},
              {"filename": doc.filename, "start": 29, "end": 36, "kind": "vague"},
              {"filename": "elsewhere", "start": 0, "end": 3, "kind": "media"}]
    result = score_source_kinds(labels, {doc.filename: doc}, {doc.filename: [quote]}, {"named_person"})
    assert (result["judged"], result["found"], result["coverage"], result["accuracy"]) == (2, 1, 0.5, 1.0)


def test_bias_words_are_compared_as_framing_normalizes_them() -> None:
    assert word_norms('"Slammed"') == ["slammed"] and word_norms("Trump’s") == ["trump"]
    sentences = [BabeSentence("b1", "The regime slammed critics.", "Biased", ("regime", '"slammed"'), "x")]
    result = score_biased_words(sentences, {"b1": {"regime", "critics"}})
    assert (result["tp"], result["fp"], result["fn"]) == (1, 1, 1)
    assert result["top_false_negatives"] == [["slammed", 1]]


def test_readability_ordering_and_spearman() -> None:
    texts = [LevelledText(topic, "", level, "") for topic in ("a", "b") for level in range(3)]
    result = score_readability(texts, [4.0, 6.0, 9.0, 5.0, 4.0, 8.0])
    assert result["ordering_accuracy"] == 0.5 and result["pairwise_accuracy"] == pytest.approx(5 / 6, abs=1e-3)
    assert result["misordered"] == 1 and result["misordered_examples"][0][0] == "b"
    inverted = score_readability(texts, [-4.0, -6.0, -9.0, -5.0, -4.0, -8.0], harder_is_higher=False)
    assert inverted["ordering_accuracy"] == 0.5 and inverted["spearman"] == result["spearman"] > 0


# --- the committed source-kind sample --------------------------------------------------------


def test_source_kind_labels_hold_offsets_and_kinds_but_no_dataset_text() -> None:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) == 150
    kinds = {"named_person", "institution", "media", "anonymous", "vague", "pronoun", "document"}
    for row in rows:
        assert set(row) == {"filename", "start", "end", "kind"}
        assert 0 <= row["start"] < row["end"] and row["kind"] in kinds
    assert len({(r["filename"], r["start"]) for r in rows}) == len(rows)


def test_benchmark_table_marks_missing_extractors_na() -> None:
    spec = importlib.util.spec_from_file_location("evaluate", ROOT / "benchmarks" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    results = {"bias": {"predicted_loaded_sentences": 0, "words": {"f1": 0.0},
                        "classifier": {"macro_f1": 0.71}}}
    table = module.markdown_table(results, "2026-11-22", None)
    assert "| Loaded words | BABE | dev half | word F1 | n/a | ≥ 0.45 |" in table
    assert "| 0.710 |" in table
