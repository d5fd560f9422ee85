"""The JSON Lines contract of `framing extract`, as documented in docs/output-contract.md."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.cli import main
from framing.corpus import bundled_seed_dir
from framing.document import SPAN_TYPES
from framing.lexicon_schema import POLICY_FRAMES

RECORD_KEYS = {
    "id",
    "outlet",
    "title",
    "byline",
    "text",
    "n_words",
    "n_sentences",
    "features",
    "spans",
    "quotes",
    "sources",
    "frames",
}
QUOTE_KEYS = {"start", "end", "text", "speaker", "speaker_start", "speaker_end", "speaker_kind"}
SOURCE_KEYS = {"start", "end", "text", "kind", "verb", "stance"}


@pytest.fixture(scope="module")
def records(tmp_path_factory) -> list[dict]:
    out = tmp_path_factory.mktemp("extract") / "seeds.jsonl"
    assert main(["extract", "-o", str(out)]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_contract_one_record_per_seed_with_labels(records) -> None:
    assert [r["id"] for r in records] == [f"seed-00{i}" for i in range(5)]
    assert [r["outlet"] for r in records] == [f"Source {c}" for c in "ABCDE"]


def test_contract_keys_and_offsets(records) -> None:
    for record in records:
        assert record.keys() >= RECORD_KEYS
        text = record["text"]
        assert record["n_words"] > 100 and record["n_sentences"] > 5
        assert all(isinstance(v, (int, float)) for v in record["features"].values())
        for span in record["spans"]:
            assert span["type"] in SPAN_TYPES
            assert 0 <= span["start"] < span["end"] <= len(text)
            assert text[span["start"] : span["end"]] == span["text"]
            assert span["label"]
        for quote in record["quotes"]:
            assert quote.keys() >= QUOTE_KEYS
            assert text[quote["start"] : quote["end"]] == quote["text"]
            if quote["speaker_start"] is not None:
                assert 0 <= quote["speaker_start"] < quote["speaker_end"] <= len(text)
        for source in record["sources"]:
            assert source.keys() >= SOURCE_KEYS
            assert text[source["start"] : source["end"]] == source["text"]
        frame_spans = {(s["label"], s["start"], s["end"]) for s in record["spans"] if s["type"] == "frame"}
        for frame in record["frames"]:
            assert frame["frame"] in POLICY_FRAMES and frame["evidence"]  # no frame without evidence
            for item in frame["evidence"]:
                assert (frame["frame"], item["start"], item["end"]) in frame_spans
                assert all(text[w["start"] : w["end"]] == w["text"] for w in item["words"])


def test_contract_rates_follow_counts(records) -> None:
    for record in records:
        features = record["features"]
        for span_type in SPAN_TYPES:
            # A span marked ``confidence: possible`` is shown as evidence but not counted.
            count = sum(1 for s in record["spans"] if s["type"] == span_type and s.get("confidence") != "possible")
            assert features[f"{span_type}_count"] == count
            assert features[f"{span_type}_per_1k"] == pytest.approx(1000 * count / record["n_words"])


def test_contract_raw_mode_indexes_the_input(tmp_path: Path) -> None:
    source = bundled_seed_dir() / "001_e7b803207119d273.txt"
    out = tmp_path / "raw.jsonl"
    assert main(["extract", str(source), "--raw", "-o", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    raw = source.read_text(encoding="utf-8")
    assert record["text"] == raw
    assert record["title"] == ""
    for span in record["spans"]:
        assert raw[span["start"] : span["end"]] == span["text"]


def test_contract_jsonl_and_csv_inputs(tmp_path: Path) -> None:
    jsonl = tmp_path / "in.jsonl"
    jsonl.write_text(
        json.dumps({"id": "x1", "text": "Officials said the strikes may continue.", "outlet": "Daily X"}) + "\n",
        encoding="utf-8",
    )
    csv_file = tmp_path / "in.csv"
    csv_file.write_text('id,outlet,text\ny1,Weekly Y,"Critics claimed the regime lied."\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(jsonl), str(csv_file), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["outlet"]) for r in records] == [("x1", "Daily X"), ("y1", "Weekly Y")]


def test_contract_html_goes_through_main_content_extraction(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><title>Talks may resume | Daily X</title></head><body>"
        '<nav><a href="/">Home</a> » <a href="/news">News</a></nav><article><h1>Talks may resume</h1>'
        "<p>Officials said on Monday that the talks between the two governments may resume within weeks, "
        "according to a statement from the ministry.</p><p>Critics claimed the so-called peace plan was a stunt "
        "designed to buy time, and analysts, who argue that sanctions have failed, urged caution.</p></article>"
        "<footer>Share this article on Facebook. Copyright 2025 Daily X.</footer></body></html>",
        encoding="utf-8",
    )
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(page), "-o", str(out)]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["title"] == "Talks may resume"
    assert record["text"].startswith("Officials said on Monday")
    assert "urged caution." in record["text"]
    for furniture in ("<", "Home", "Copyright", "Facebook"):
        assert furniture not in record["text"]


def test_contract_output_file_is_world_readable_like_open(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", "-o", str(out)]) == 0
    reference = tmp_path / "reference"
    reference.write_text("x", encoding="utf-8")
    assert out.stat().st_mode & 0o777 == reference.stat().st_mode & 0o777
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
