"""Policy frames: cue lexicon → frames with evidence sentences, schema and model errors, the table, the report."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from framing.analysis import analyze_document
from framing.cli import main
from framing.compare.policy_frames import build_frames, frames_summary
from framing.corpus import parse_text
from framing.document import POSSIBLE
from framing.errors import FramingInputError
from framing.features.policy_frames.cues import cue_hits
from framing.features.policy_frames.evidence import evidence_sentences
from framing.features.policy_frames.model import FORMAT, FrameModel, FrameWeights, article_features, model_decisions
from framing.features.policy_frames.training import read_frame_labels
from framing.lexicons import Lexicons, load_lexicons

ROOT = Path(__file__).resolve().parent.parent
ECONOMY = ("Talks stalled on Monday. The new tariff will cost households about 2 billion dollars a year, "
           "the budget office said. Prices and wages are expected to move. Inflation could follow.")
SECURITY = ("Officials met on Monday. Troops were sent to the border after a missile attack, the army said. "
            "The military called it a threat to national security.")
CUE_HEADER = "term\tframe\tweight\tsource\tnote\n"


def _analysis(text: str, lexicons: Lexicons, *, id: str, outlet: str):
    return analyze_document(replace(parse_text(text, lexicons, id=id), outlet=outlet), lexicons)


def _folder(tmp_path: Path, name: str, content: str) -> Path:
    folder = tmp_path / "extra"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(content, encoding="utf-8")
    return folder


def test_frames_cue_rule_gives_economic_frame_with_its_sentence_and_words(general_lexicons: Lexicons) -> None:
    record = _analysis(ECONOMY, general_lexicons, id="e", outlet="A").to_record()
    frames = {f["frame"]: f for f in record["frames"]}
    assert "Economic" in frames and "Security_and_defense" not in frames
    best = frames["Economic"]["evidence"][0]
    sentence = record["text"][best["start"]:best["end"]]
    assert "billion" in sentence and sentence.startswith("The new tariff")
    for word in best["words"]:  # every word that weighed is at its offsets, inside the sentence
        assert record["text"][word["start"]:word["end"]] == word["text"]
        assert best["start"] <= word["start"] < word["end"] <= best["end"]
    assert [f["score"] for f in record["frames"]] == sorted((f["score"] for f in record["frames"]), reverse=True)
    spans = [s for s in record["spans"] if s["type"] == "frame"]
    assert {s["label"] for s in spans} == set(frames) and all(s["rule"] == "frame_cues" for s in spans)


def test_frames_one_repeated_cue_is_no_frame(general_lexicons: Lexicons) -> None:
    text = "The court met. The court rose. The court sat again on Friday."
    assert _analysis(text, general_lexicons, id="c", outlet="A").to_record()["frames"] == []


def test_frames_unknown_frame_in_a_cue_row_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    extra = _folder(tmp_path, "frame_cues.tsv", CUE_HEADER + "tariff\tEconomy\t1\tme\tx\n")
    with pytest.raises(FramingInputError, match=r"frame_cues.tsv:2: frame 'Economy' is not one of"):
        load_lexicons(extra)
    article = tmp_path / "a.txt"
    article.write_text(ECONOMY, encoding="utf-8")
    assert main(["extract", str(article), "--lexicons", str(extra)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "frame_cues.tsv:2" in err


def test_frames_cue_weight_must_be_a_number(tmp_path: Path) -> None:
    extra = _folder(tmp_path, "frame_cues.tsv", CUE_HEADER + "tariff\tEconomic\theavy\tme\tx\n")
    with pytest.raises(FramingInputError, match=r"frame_cues.tsv:2: weight 'heavy' is not a number"):
        load_lexicons(extra)


# /3: the last version before name words (w:n:<word>); its weights would read names as frame words.
@pytest.mark.parametrize("version", ["framing-frame-model/0", "framing-frame-model/3"])
def test_frames_model_from_another_version_is_a_one_line_error_with_the_retrain_command(
        tmp_path: Path, capsys, version: str) -> None:
    extra = _folder(tmp_path, "frame_model.json", json.dumps({"format": version, "frames": {}}))
    with pytest.raises(FramingInputError, match=r"another version.*scripts/train_frames.py"):
        load_lexicons(extra)
    article = tmp_path / "a.txt"
    article.write_text(ECONOMY, encoding="utf-8")
    assert main(["extract", str(article), "--lexicons", str(extra)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "train_frames.py" in err


def test_frames_model_naming_an_unknown_frame_is_an_error(tmp_path: Path) -> None:
    model = {"format": FORMAT, "idf": {}, "frames": {"Economy": {"intercept": 0, "threshold": 0.5, "prior": 0.5,
                                                                "weights": {}}}}
    extra = _folder(tmp_path, "frame_model.json", json.dumps(model))
    with pytest.raises(FramingInputError, match="unknown frame"):
        load_lexicons(extra)


def test_frames_learned_model_score_splits_exactly_into_sentence_parts(general_lexicons: Lexicons) -> None:
    doc = parse_text(SECURITY, general_lexicons, id="s")
    hits = cue_hits(doc, general_lexicons)
    weights = {"w:troops": 2.0, "w:monday": -1.0, "w:military": 0.5}
    model = FrameModel.of({"troops": 1.5, "monday": 1.2, "officials": 1.0, "military": 1.1}, {
        "Security_and_defense": FrameWeights(-0.2, 0.5, weights)}, {}, "(test)")
    [decision] = [d for d in model_decisions(doc, hits, model) if d.frame == "Security_and_defense"]
    assert decision.rule == "frame_model"
    features = article_features([t.norm for t in doc.tokens if t.is_word], model.idf)
    logit = -0.2 + sum(weights.get(name, 0.0) * value for name, value in features.items())
    assert decision.score == pytest.approx(1 / (1 + math.exp(-logit)))
    # the intercept is the only part no sentence carries
    assert sum(decision.sentence_totals.values()) == pytest.approx(logit + 0.2)
    best_sentence, _, words = evidence_sentences(decision)[0]
    assert "Troops" in doc.text[slice(*doc.sentences[best_sentence])]
    assert "Troops" in [w.text for w in words]
    assert all(doc.sentence_of(w.start) != 0 for w in words)  # "Monday" weighs against: never evidence


def test_frames_cue_rule_adds_a_frame_the_model_leaves_below_its_threshold(general_lexicons: Lexicons) -> None:
    doc = parse_text(ECONOMY, general_lexicons, id="e")
    hits = cue_hits(doc, general_lexicons)
    model = FrameModel.of({"tariff": 1.5}, {"Economic": FrameWeights(-1.0, 0.9, {"w:tariff": 1.0})}, {}, "(test)")
    decisions = {d.frame: d for d in model_decisions(doc, hits, model)}
    economic = decisions["Economic"]
    assert economic.rule == "frame_cues" and economic.score == pytest.approx(1 / (1 + math.exp(-(-1.0 + 1.0))))
    assert "billion" in [w.text for w in evidence_sentences(economic)[0][2]]
    assert "Economic" not in {d.frame for d in model_decisions(doc, [], model)}  # no cues: below threshold


def test_frames_labels_with_an_unknown_frame_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "labels.jsonl"
    path.write_text('{"id": "1", "text": "x", "frames": ["Economic"]}\n{"id": "2", "text": "y", "frames": ["Money"]}\n')
    with pytest.raises(FramingInputError, match=r"labels.jsonl:2: unknown frame 'Money'"):
        read_frame_labels(path)


def test_frames_table_marks_the_lead_frame_the_other_outlet_leaves_out(general_lexicons: Lexicons) -> None:
    analyses = [_analysis(ECONOMY, general_lexicons, id="e", outlet="Paper A"),
                _analysis(SECURITY, general_lexicons, id="s", outlet="Paper B")]
    table = build_frames(analyses)
    lead = table[table["leads"]].set_index("outlet")["frame"].to_dict()
    assert lead == {"Paper A": "Economic", "Paper B": "Security_and_defense"}
    economic_b = table[(table["outlet"] == "Paper B") & (table["frame"] == "Economic")].iloc[0]
    assert economic_b["frame_sentences"] == 0 and economic_b["left_out_by"] == ["Paper B"]
    economic_a = table[(table["outlet"] == "Paper A") & (table["frame"] == "Economic")].iloc[0]
    assert economic_a["leads_where_others_leave_out"]
    assert economic_a["share_ci_low"] <= economic_a["sentence_share"] <= economic_a["share_ci_high"]
    article_id, _, offsets = economic_a["evidence"][0].rpartition(":")
    start, end = map(int, offsets.split("-"))
    assert article_id == "e" and "billion" in analyses[0].document.text[start:end]
    assert frames_summary(table) == ("Paper A frames the story mainly as economics; Paper B as security.")


def test_an_outlet_carrying_a_frame_only_as_possible_has_not_left_it_out(general_lexicons: Lexicons) -> None:
    """★ says another outlet leaves the frame out: not when that outlet carries it, if only as possible."""
    from framing.report.html import render_html
    from framing.report.model import build_report_model

    economy_b = _analysis(ECONOMY, general_lexicons, id="b", outlet="Paper B")
    unsure = tuple(replace(span, attrs={**span.attrs, "confidence": POSSIBLE, "reason": "a test's weak evidence"})
                   if span.type == "frame" else span for span in economy_b.spans)
    analyses = [_analysis(ECONOMY, general_lexicons, id="a", outlet="Paper A"), replace(economy_b, spans=unsure)]
    table = build_frames(analyses)
    economic_a = table[(table["outlet"] == "Paper A") & (table["frame"] == "Economic")].iloc[0]
    assert economic_a["left_out_by"] == [] and not economic_a["leads_where_others_leave_out"]
    page = render_html(build_report_model(analyses, general_lexicons), [])
    assert 'class="possible-cell"' in page


def test_frames_report_section_links_each_cell_to_its_evidence_marker(general_lexicons: Lexicons) -> None:
    from framing.report.html import render_html
    from framing.report.model import build_report_model

    analyses = [_analysis(ECONOMY, general_lexicons, id="e", outlet="Paper A"),
                _analysis(SECURITY, general_lexicons, id="s", outlet="Paper B")]
    model = build_report_model(analyses, general_lexicons)
    section = model["frames"]
    assert section["outlets"] == ["Paper A", "Paper B"] and section["summary"].startswith("Paper A frames")
    page = render_html(model, [])
    refs = [cell_item["ref"] for row in section["rows"] for cell in row["cells"] for cell_item in cell["evidence"]]
    assert refs and all(f'href="#ref-{ref}"' in page and f'id="ref-{ref}"' in page for ref in refs)
    assert "Frames per outlet" in page and "frames" not in [table["name"] for table in model["comparison"]]


def _labelled_texts() -> list[dict]:
    """Made-up articles: money talk labelled Economic, army talk Security_and_defense."""
    money = ["The tariff will cost {n} billion dollars and raise prices.",
             "Wages and jobs fell as the budget grew by {n}."]
    army = ["Troops moved to the border after the missile attack number {n}.",
            "The army said the threat grew {n} times."]
    rows = []
    for n in range(8):
        rows.append({"id": f"m{n}", "text": " ".join(s.format(n=n) for s in money), "frames": ["Economic"]})
        rows.append({"id": f"a{n}", "text": " ".join(s.format(n=n) for s in army), "frames": ["Security_and_defense"]})
    return rows


def test_frames_retraining_on_own_labels_writes_a_model_the_extractor_uses(tmp_path: Path) -> None:
    labels = tmp_path / "labels.jsonl"
    labels.write_text("".join(json.dumps(row) + "\n" for row in _labelled_texts()), encoding="utf-8")
    pack = tmp_path / "pack"
    command = [sys.executable, str(ROOT / "scripts" / "train_frames.py"), "--labels", str(labels),
               "-o", str(pack / "frame_model.json")]
    result = subprocess.run(command, capture_output=True, text=True, check=False, timeout=600)
    assert result.returncode == 0, result.stderr
    assert (pack / "readable" / "frame_weights.tsv").is_file()
    lexicons = load_lexicons(pack)
    assert lexicons.frame_model is not None and lexicons.frame_model.provenance["data"]["own"]
    record = analyze_document(parse_text("Prices rose. The tariff will cost ten billion dollars.", lexicons,
                                         id="t"), lexicons).to_record()
    assert [f["frame"] for f in record["frames"]] == ["Economic"]
    assert record["frames"][0]["rule"] == "frame_model"


def test_frames_chart_shortens_long_outlet_names_and_keeps_them_in_the_alt_text(general_lexicons: Lexicons) -> None:
    from framing.report.charts import axis_label, build_charts
    from framing.report.model import build_report_model

    long_name = "The Daily Example " + "and Evening Courier " * 12
    analyses = [_analysis(ECONOMY, general_lexicons, id="e", outlet=long_name),
                _analysis(SECURITY, general_lexicons, id="s", outlet="Paper B")]
    charts = {chart["id"]: chart for chart in build_charts(build_report_model(analyses, general_lexicons))}
    frames = charts["chart-frames"]
    assert long_name in frames["alt"] and axis_label(long_name) in frames["svg"]
    assert long_name not in frames["svg"].split("<desc", 1)[0] + frames["svg"].split("</desc>", 1)[1]


def test_frames_lesson_key_says_which_scorer_gave_the_frames() -> None:
    from framing.exercises.kinds_frames import frames_source_note

    assert "learned model" in frames_source_note({"frame_model", "frame_cues"})
    rule_only = frames_source_note({"frame_cues"})
    assert "word list per frame" in rule_only and "learned" not in rule_only
    assert "frame_cues" not in rule_only  # a file name is an internal identifier, not for the key's main text
