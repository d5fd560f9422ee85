"""Bad input: one line naming the file and the problem, exit code 2, no traceback, nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from framing.cli import main

GOOD_TEXT = "Officials said the talks may resume soon. Critics called it a stunt.\n"


def _write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


BAD_INPUTS = [
    pytest.param("empty.txt", "", "is empty", id="empty-file"),
    pytest.param("blank.txt", "  \n\n ", "is empty", id="blank-file"),
    pytest.param("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", id="binary-file"),
    pytest.param("table.csv", "id,body\n1,Some words here\n", "no 'text' column", id="csv-without-text"),
    pytest.param(
        "rows.jsonl", '{"id": "a", "text": "Fine row."}\n{"id": "b", "text": \n', "rows.jsonl:2", id="jsonl-broken-line"
    ),
    pytest.param("rows2.jsonl", '{"id": "a"}\n', "has no text", id="jsonl-without-text"),
    pytest.param("notes.docx", "whatever", "unsupported file type", id="unsupported-suffix"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_INPUTS)
def test_cli_bad_input_is_one_clear_line(tmp_path: Path, capsys, name: str, content, message: str) -> None:
    path = _write(tmp_path / name, content)
    out_file = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "-o", str(out_file)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("framing: error: ")
    assert str(path.name) in err and message in err
    assert "\n" not in err and "Traceback" not in err
    assert not out_file.exists()


def test_cli_missing_path(tmp_path: Path, capsys) -> None:
    assert main(["extract", str(tmp_path / "nope.txt")]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_cli_malformed_lexicon_line_names_file_and_line(tmp_path: Path, capsys) -> None:
    lexicon_dir = tmp_path / "lex"
    lexicon_dir.mkdir()
    _write(lexicon_dir / "hedges.tsv", "term\tcategory\tsource\tnote\nperhaps\tadverb\tme\n")
    article = _write(tmp_path / "a.txt", GOOD_TEXT)
    assert main(["extract", str(article), "--lexicons", str(lexicon_dir)]) == 2
    err = capsys.readouterr().err
    assert "hedges.tsv:2" in err and "fields" in err


def test_cli_latin1_file_is_decoded(tmp_path: Path, capsys) -> None:
    article = _write(tmp_path / "latin.txt", "Nicol\xe1s Maduro said the talks may resume.\n".encode("latin-1"))
    out_file = tmp_path / "out.jsonl"
    assert main(["extract", str(article), "-o", str(out_file)]) == 0
    assert "Nicolás Maduro" in out_file.read_text(encoding="utf-8")
    assert "not UTF-8" in capsys.readouterr().err


def test_cli_entry_point_exits_2_without_traceback(tmp_path: Path) -> None:
    empty = _write(tmp_path / "empty.txt", "")
    result = subprocess.run(
        [sys.executable, "-m", "framing", "extract", str(empty)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "empty.txt: is empty" in result.stderr


def _run_framing(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed entry point as a user runs it (``python -m framing`` calls ``framing.cli.run``)."""
    return subprocess.run([sys.executable, "-m", "framing", *args], capture_output=True, text=True, check=False)


def test_cli_run_delivers_all_standard_output_through_a_pipe(tmp_path: Path) -> None:
    """``run`` leaves with ``os._exit``; every JSON line written before it must still reach the pipe."""
    import json

    rows = [{"id": f"a{n}", "text": f"Officials said on day {n} that the talks may resume. " * 40} for n in range(60)]
    corpus = _write(tmp_path / "rows.jsonl", "".join(json.dumps(row) + "\n" for row in rows))
    result = _run_framing("extract", "--quiet", str(corpus))
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [record["id"] for record in records] == [row["id"] for row in rows]


def test_cli_run_usage_error_exits_2_and_help_exits_0() -> None:
    usage_error = _run_framing("extract", "--jobs", "many")
    assert usage_error.returncode == 2
    assert "invalid" in usage_error.stderr and "Traceback" not in usage_error.stderr
    help_text = _run_framing("--help")
    assert help_text.returncode == 0
    assert help_text.stdout.startswith("usage: framing")


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full (a device that is always full)")
def test_cli_full_disk_is_one_clear_line_not_an_internal_error(tmp_path: Path) -> None:
    article = _write(tmp_path / "a.txt", GOOD_TEXT)
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "framing", "extract", "--quiet", str(article)],
                                stdout=full, stderr=subprocess.PIPE, text=True, check=False)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "No space left on device" in result.stderr and "internal error" not in result.stderr


def test_cli_help_matches_its_snapshot(monkeypatch):
    """``framing --help`` as committed in tests/data/help.txt: no hidden command leaks into it (==SUPPRESS==).

    After a deliberate change, rewrite the snapshot with
    ``COLUMNS=100 python -c "from framing.cli import build_parser; print(build_parser().format_help(), end='')"``.
    """
    from pathlib import Path

    from framing.cli import build_parser

    monkeypatch.setenv("COLUMNS", "100")
    snapshot = Path(__file__).parent / "data" / "help.txt"
    assert build_parser().format_help() == snapshot.read_text(encoding="utf-8")


def test_cli_exercises_build_check_and_score_are_subcommands():
    from framing.cli import route

    assert route(["exercises", "build", "articles/", "--blind"]) == ["exercises", "articles/", "--blind"]
    assert route(["exercises", "check", "a", "b"]) == ["exercises-check", "a", "b"]
    assert route(["exercises", "score", "m.csv"]) == ["exercises-score", "m.csv"]
    assert route(["exercises", "articles/"]) == ["exercises", "articles/"]
