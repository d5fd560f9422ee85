"""Streamed extraction: batches, formats, job counts and bad input (short invented texts)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pandas as pd
import pytest

from framing.analysis import analyze
from framing.cli import main
from framing.corpus import load_articles
from framing.corpus.streaming import iter_articles
from framing.engine import ExtractOutput, extract_corpus
from framing.lexicons import load_lexicons

TEXTS = [
    "Officials said the talks may resume next week. Critics called the plan a stunt.",
    "The minister reportedly told reporters that about 80 people were hurt. “We will rebuild,” she said.",
    "The regime slammed the report, according to state media. Analysts suggest the figures could rise.",
    "Prices rose by at least 3% in March, the bureau said. Economists believe growth might slow.",
    "Police said two men were arrested. Witnesses claimed the car was speeding.",
    "The council voted to close the library. Residents vehemently opposed the so-called savings.",
    "A study suggests the drug is likely to help. Doctors warned that results were preliminary.",
]
OUTLETS = ["Daily A", "Daily B", "Herald"]


def rows() -> list[dict[str, str]]:
    return [
        {"id": f"a{i}", "outlet": OUTLETS[i % 3], "title": f"Story {i}", "date": "2026-03-0" + str(1 + i % 9),
         "story": f"s{i % 2}", "text": text}
        for i, text in enumerate(TEXTS)
    ]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows()), encoding="utf-8")
    return path


def test_streaming_batches_give_the_same_records_as_all_at_once(corpus: Path, tmp_path: Path) -> None:
    lexicons = load_lexicons()
    expected = "".join(json.dumps(a.to_record(), ensure_ascii=False) + "\n"
                       for a in analyze([corpus], lexicons=lexicons))
    out = tmp_path / "streamed.jsonl"
    extract_corpus([corpus], ExtractOutput(records=out, batch_size=2), lexicons, chunk_size=3)
    assert out.read_text(encoding="utf-8") == expected


def test_streaming_reads_jsonl_csv_and_parquet_alike(corpus: Path, tmp_path: Path) -> None:
    table = tmp_path / "corpus.csv"
    with table.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows()[0]))
        writer.writeheader()
        writer.writerows(rows())
    parquet = tmp_path / "corpus.parquet"
    pd.DataFrame(rows()).to_parquet(parquet)

    def strip(articles):
        return [(a.id, a.text, a.outlet, a.title, a.date, a.story) for a in articles]

    expected = strip(load_articles([corpus]))
    assert strip(iter_articles([corpus])) == expected
    assert strip(iter_articles([table])) == expected
    assert strip(iter_articles([parquet])) == expected
    assert expected[0][-1] == "s0"
    assert strip(load_articles([parquet])) == expected  # every command reads what extract reads
    utf16 = tmp_path / "utf16.jsonl"
    utf16.write_bytes(corpus.read_text(encoding="utf-8").encode("utf-16"))  # with a byte-order mark
    assert strip(iter_articles([utf16])) == expected


def test_analyze_reads_a_parquet_table(corpus: Path, tmp_path: Path) -> None:
    parquet = tmp_path / "corpus.parquet"
    pd.DataFrame(rows()).to_parquet(parquet)
    assert main(["analyze", str(parquet), "-o", str(tmp_path / "report"), "--format", "html"]) == 0
    assert (tmp_path / "report" / "framing-report.html").is_file()


def test_streaming_tables_round_trip_in_pandas(corpus: Path, tmp_path: Path) -> None:
    assert main(["extract", str(corpus), "-o", str(tmp_path / "pq"), "--format", "parquet", "-q"]) == 0
    assert main(["extract", str(corpus), "-o", str(tmp_path / "js") + "/", "--format", "jsonl", "-q"]) == 0
    articles = pd.read_parquet(tmp_path / "pq" / "articles.parquet")
    spans = pd.read_parquet(tmp_path / "pq" / "spans.parquet")
    records = pd.read_json(tmp_path / "js" / "articles.jsonl", lines=True, dtype=False)
    json_spans = pd.read_json(tmp_path / "js" / "spans.jsonl", lines=True, dtype=False)
    assert list(articles["id"]) == [row["id"] for row in rows()] == list(records["id"])
    assert list(articles["story"]) == [row["story"] for row in rows()]
    assert list(articles["n_words"]) == list(records["n_words"])
    assert len(spans) == len(json_spans) == sum(len(r) for r in records["spans"])
    pd.testing.assert_frame_equal(spans.reset_index(drop=True), json_spans, check_dtype=False)
    text_of = dict(zip(articles["id"], articles["text"], strict=True))
    for span in spans.itertuples():
        assert text_of[span.article_id][span.start:span.end] == span.text
    outlets = pd.read_parquet(tmp_path / "pq" / "outlets.parquet")
    assert list(outlets["outlet"]) == OUTLETS
    assert outlets["n_words"].sum() == articles["n_words"].sum()
    assert outlets["hedge_count"].sum() == (spans["type"] == "hedge").sum()
    pd.testing.assert_frame_equal(pd.read_csv(tmp_path / "pq" / "outlets.csv"), outlets, check_dtype=False)


@pytest.mark.parametrize("fmt", ["parquet", "jsonl"])
def test_streaming_jobs_1_and_2_write_identical_bytes(corpus: Path, tmp_path: Path, fmt: str) -> None:
    for jobs in (1, 2):
        code = main(["extract", str(corpus), "-o", str(tmp_path / f"j{jobs}"), "--format", fmt, "--jobs", str(jobs),
                     "--batch-size", "2", "-q"])
        assert code == 0
    names = sorted(p.name for p in (tmp_path / "j1").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "j2").iterdir())
    assert len(names) == 4
    for name in names:
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes(), name


def test_streaming_jobs_zero_is_one_line_error(corpus: Path, tmp_path: Path, capsys) -> None:
    assert main(["extract", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--jobs", "0"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("framing: error: --jobs") and "\n" not in err
    assert not (tmp_path / "out.jsonl").exists()


def _assert_one_line_and_nothing_written(capsys, out_dir: Path, *needles: str) -> None:
    err = capsys.readouterr().err.strip()
    assert err.startswith("framing: error: ") and "\n" not in err and "Traceback" not in err
    for needle in needles:
        assert needle in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_streaming_bad_line_after_first_batch_leaves_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "late.jsonl"
    lines = [json.dumps(row) for row in rows()]
    lines.insert(5, '{"id": "broken", "text": ')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(path), "-o", str(out), "--format", "parquet", "--batch-size", "2", "-q"]) == 2
    _assert_one_line_and_nothing_written(capsys, out, "late.jsonl:6", "not valid JSON")


def test_streaming_parquet_without_text_column(tmp_path: Path, capsys) -> None:
    path = tmp_path / "notext.parquet"
    pd.DataFrame({"id": ["a"], "body": ["Some words."]}).to_parquet(path)
    out = tmp_path / "out"
    assert main(["extract", str(path), "-o", str(out), "--format", "jsonl", "-q"]) == 2
    _assert_one_line_and_nothing_written(capsys, out, "notext.parquet", "no 'text' column", "body")


def test_streaming_corrupt_parquet(tmp_path: Path, capsys) -> None:
    path = tmp_path / "broken.parquet"
    pd.DataFrame({"text": ["Some words here."] * 3}).to_parquet(path)
    path.write_bytes(path.read_bytes()[: 40])
    out = tmp_path / "out"
    assert main(["extract", str(path), "-o", str(out), "--format", "parquet", "-q"]) == 2
    _assert_one_line_and_nothing_written(capsys, out, "broken.parquet", "Parquet")


def test_streaming_duplicate_id_across_files(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    assert main(["extract", str(corpus), str(corpus), "-o", str(out), "--format", "jsonl", "-q"]) == 2
    _assert_one_line_and_nothing_written(capsys, out, "used twice")


def test_streaming_progress_bar_off_when_stderr_is_not_a_terminal(corpus: Path, tmp_path: Path, capsys) -> None:
    assert main(["extract", str(corpus), "-o", str(tmp_path / "out.jsonl")]) == 0
    assert capsys.readouterr().err == ""


def test_streaming_progress_bar_on_a_terminal_unless_quiet(corpus: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    import sys

    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["extract", str(corpus), "-o", str(tmp_path / "a.jsonl")]) == 0
    err = capsys.readouterr().err
    assert "7/7" in err and "articles" in err and "words" in err
    assert main(["extract", str(corpus), "-o", str(tmp_path / "b.jsonl"), "--quiet"]) == 0
    assert capsys.readouterr().err == ""


def test_outlet_readability_is_weighted_by_words_as_in_the_report(analyze_text) -> None:
    """extract's outlet table and the report average an outlet's grades the same way: weighted by words."""
    from framing.engine.rows import OutletTotals, extracted
    from framing.features.readability import SCORES
    from framing.report.model import weighted_readability

    short = analyze_text("The council met. It voted.")
    long = analyze_text(" ".join(["The regional transportation authority approved an extraordinarily complicated "
                                  "infrastructure reorganisation after considerable deliberation."] * 12))
    totals = OutletTotals()
    totals.add(extracted(analysis) for analysis in (short, long))
    (row,) = totals.rows()
    report = weighted_readability([short, long])
    words = (short.document.n_words, long.document.n_words)
    for name in SCORES:
        scores = (short.features[name], long.features[name])
        weighted = (scores[0] * words[0] + scores[1] * words[1]) / sum(words)
        assert row[f"mean_{name}"] == pytest.approx(weighted, abs=1e-3)
        assert report[name] == pytest.approx(weighted, abs=1e-3)
        assert abs(weighted - sum(scores) / 2) > 0.01  # the plain mean would differ: the test can fail
