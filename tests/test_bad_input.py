"""The bad-input table of docs/commands.md, case by case: each input has one defined behaviour.

Refused input: one line on stderr naming the file, the problem and the fix; exit status 2; no
traceback; nothing written. Accepted oddities (other encodings, line ends, markup, quotes, other
languages) run, with every span inside the text.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from framing.cli import main

GOOD = "Officials said the talks may resume soon, according to a statement. Critics called it a stunt.\n"
LEXICON_HEADERS = {
    "hedges": "term\tcategory\trule\tsource\tnote\n",
    "loaded": "term\tcategory\talternative\tsource\tnote\n",
}


def _folder(tmp_path: Path, files: dict[str, str | bytes]) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, data in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return folder


def _file(name: str, data: str | bytes) -> Callable[[Path], list[str]]:
    def make(tmp_path: Path) -> list[str]:
        return [str(_folder(tmp_path, {name: data}) / name)]

    return make


def _lexicon(name: str, body: str, header: str | None = None) -> Callable[[Path], list[str]]:
    def make(tmp_path: Path) -> list[str]:
        folder = _folder(tmp_path, {"a.txt": GOOD, f"lex/{name}.tsv": (header or LEXICON_HEADERS[name]) + body})
        return [str(folder / "a.txt"), "--lexicons", str(folder / "lex")]

    return make


def _unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Root can read any file, so a permission error is simulated where framing reads."""
    path = _folder(tmp_path, {"locked.txt": GOOD}) / "locked.txt"
    original = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    return [str(path)]


REFUSED = [
    pytest.param(_file("empty.txt", ""), "empty.txt: is empty", id="empty-file"),
    pytest.param(_file("blank.txt", " \n\t\n  "), "blank.txt: is empty", id="whitespace-only-file"),
    pytest.param(_file("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00"), "binary", id="binary-file"),
    pytest.param(_file("u16.txt", "No mark here.".encode("utf-16-le")), "binary", id="utf16-without-bom"),
    pytest.param(_file("table.csv", "id,body\n1,Some words\n"), "no 'text' column", id="csv-without-text-column"),
    pytest.param(_file("rows.jsonl", '{"id": "a", "text": "Fine."}\n{"id": "b", "text": \n'), "rows.jsonl:2: is not "
                 "valid JSON", id="jsonl-broken-line"),
    pytest.param(_file("rows.jsonl", "\n\n"), "holds no articles", id="jsonl-no-articles"),
    pytest.param(_file("rows.csv", "id,text\n"), "holds no articles", id="csv-no-articles"),
    pytest.param(_file("rows.jsonl", '{"id": "x", "text": "One."}\n{"id": "x", "text": "Two."}\n'),
                 "article id 'x' is used twice", id="duplicate-ids"),
    pytest.param(lambda tmp: [str(_folder(tmp, {"notes.doc": "x"}))], "holds no article files", id="no-articles"),
    pytest.param(_file("page.html", "<html><body><script>var x = 'only a script';</script></body></html>"),
                 "no article text", id="html-only-script"),
    pytest.param(_file("notes.docx", "x"), "unsupported file type", id="unsupported-type"),
    pytest.param(lambda tmp: [str(tmp / "missing.txt")], "no such file or folder", id="missing-path"),
    pytest.param(_unreadable, "locked.txt: cannot be read (Permission denied)", id="unreadable-file"),
    pytest.param(lambda tmp: [str(_folder(tmp, {"a.txt": GOOD, "manifest.csv": "file,id\n../../etc/passwd,x\n"}))],
                 "outside the folder", id="manifest-escapes-folder"),
    pytest.param(_lexicon("hedges", "perchance\tadverb\t\tme\tx\nPerchance\tadverb\t\tme\tx\n"),
                 "hedges.tsv:3: duplicate entry 'Perchance'", id="lexicon-duplicate-term"),
    pytest.param(_lexicon("hedges", " \tadverb\t\tme\tx\n"), "hedges.tsv:2: the 'term' column is empty",
                 id="lexicon-empty-term"),
    pytest.param(_lexicon("hedges", "perchance\tadverb\tred\tme\tx\n", "term\tcategory\tcolour\tsource\tnote\n"),
                 "hedges.tsv:1: header has unknown column(s) 'colour'", id="lexicon-unknown-column"),
    pytest.param(_lexicon("loaded", "stooge\tpejorative_label\tme\tx\n", "term\tcategory\tsource\tnote\n"),
                 "loaded.tsv:1: header lacks column(s) alternative", id="lexicon-missing-required-column"),
    pytest.param(_lexicon("hedges", "perchance\tadverb\tmodal_mya\tme\tx\n"),
                 "hedges.tsv:2: rule 'modal_mya' is not one of", id="lexicon-unknown-rule"),
    pytest.param(_lexicon("loaded", "stooge\tinsult\tally\tme\tx\n"), "loaded.tsv:2: category 'insult' is not one of",
                 id="lexicon-value-not-allowed"),
    pytest.param(_lexicon("hedges", "perchance\tadverb\tme\n"), "hedges.tsv:2: has 3 tab-separated fields",
                 id="lexicon-wrong-field-count"),
    pytest.param(lambda tmp: [str(_folder(tmp, {"a.txt": GOOD})), "--lexicons", str(tmp / "nope")],
                 "no such lexicon folder", id="lexicon-folder-missing"),
]


@pytest.mark.parametrize(("make", "message"), REFUSED)
def test_bad_input_is_refused_in_one_line(tmp_path: Path, capsys, monkeypatch, make, message: str) -> None:
    args = make(tmp_path, monkeypatch) if make is _unreadable else make(tmp_path)
    out_file = tmp_path / "out" / "extract.jsonl"
    assert main(["extract", *args, "-o", str(out_file)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("framing: error: ") and err.count("\n") == 1, err
    assert message in err and "Traceback" not in err
    problem_and_fix = err.split(": error: ", 1)[1]
    assert problem_and_fix.count(". ") >= 1, f"no fix given: {err}"
    assert not out_file.exists() and not out_file.parent.exists()


def test_bad_input_50_mb_single_line_is_refused_fast(tmp_path: Path, capsys) -> None:
    huge = tmp_path / "dump.txt"
    with huge.open("wb") as stream:
        stream.write(b"word " * 10_000_000)  # 50 MB, no line break
    started = time.perf_counter()
    assert main(["extract", str(huge), "-o", str(tmp_path / "x.jsonl")]) == 2
    assert time.perf_counter() - started < 2.0
    err = capsys.readouterr().err
    assert "dump.txt: is 50.0 MB; framing reads articles up to 5 MB" in err
    assert not (tmp_path / "x.jsonl").exists()


def test_bad_input_huge_jsonl_row_names_its_line(tmp_path: Path, capsys) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": "Fine."}) + "\n" + json.dumps({"text": "w " * 3_000_000}) + "\n")
    assert main(["extract", str(rows)]) == 2
    assert "rows.jsonl:2: is 6.0 MB" in capsys.readouterr().err


def _extract(tmp_path: Path, capsys, name: str, data: bytes | str) -> tuple[list[dict], str]:
    path = _folder(tmp_path, {name: data}) / name
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(path), "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    for record in records:
        assert "\r" not in record["text"]
        for span in record["spans"]:
            assert 0 <= span["start"] <= span["end"] <= len(record["text"])
            assert record["text"][span["start"]:span["end"]] == span["text"]
    return records, capsys.readouterr().err


ACCEPTED = [
    pytest.param("latin1.txt", "Nicolás Maduro said the talks may resume.".encode("latin-1"), "Nicolás", "not UTF-8",
                 id="latin-1"),
    pytest.param("u16le.txt", "\ufeffNicolás Maduro said the talks may resume.".encode("utf-16-le"), "Nicolás", "",
                 id="utf-16-le-bom"),
    pytest.param("u16be.txt", "\ufeffNicolás Maduro said the talks may resume.".encode("utf-16-be"), "Nicolás", "",
                 id="utf-16-be-bom"),
    pytest.param("bom.txt", "\ufeffNicolás Maduro said it.".encode(), "Nicolás", "", id="utf-8-bom"),
    pytest.param("mixed.txt", b"Officials said it may rain.\r\nCritics disagreed.\rOthers\nagreed.\r\n",
                 "Critics disagreed.\nOthers", "", id="mixed-line-endings"),
    pytest.param("quotes.txt", 'He said "it was \u201cnested \u2018deep\u201d and then "unbalanced. She said \u201d'
                 "odd\u201c things, 'may' be.\n", "unbalanced", "", id="unbalanced-nested-quotes"),
    pytest.param("rows.jsonl", '{"id": "s", "outlet": "X\\ud800", "text": "Officials said \\ud800 it may rain."}\n',
                 "said \ufffd it", "", id="jsonl-lone-surrogate"),
    pytest.param("french.txt", "Le gouvernement a déclaré que les négociations pourraient reprendre bientôt, selon "
                 "un communiqué publié mardi. Les critiques ont qualifié cette annonce de coup de communication, et "
                 "plusieurs responsables de l'opposition ont demandé des précisions sur le calendrier.\n",
                 "gouvernement", "does not look like English", id="non-english-warning"),
]


@pytest.mark.parametrize(("name", "data", "found", "warning"), ACCEPTED)
def test_odd_input_is_read(tmp_path: Path, capsys, name: str, data: bytes | str, found: str, warning: str) -> None:
    records, err = _extract(tmp_path, capsys, name, data)
    assert found in records[0]["text"]
    assert (warning in err) if warning else err == ""


def test_html_scripts_never_become_text(tmp_path: Path, capsys) -> None:
    page = ("<html><head><title>T</title><script>window.__pwned = 'SCRIPTTEXT'</script></head><body><article>"
            "<p>Officials said the talks may resume soon, according to a statement released on Tuesday.</p>"
            "<script>document.write('MORESCRIPT')</script><noscript>NOSCRIPTTEXT</noscript>"
            "<p>Critics called it a stunt and said the plan would likely fail within weeks.</p>"
            "<style>p { color: red } /* STYLETEXT */</style></article></body></html>")
    records, _ = _extract(tmp_path, capsys, "page.html", page)
    text = records[0]["text"]
    assert "talks may resume" in text
    assert not any(s in text for s in ("SCRIPTTEXT", "MORESCRIPT", "STYLETEXT", "window.__pwned"))


def test_very_long_word_is_read_quickly(tmp_path: Path, capsys) -> None:
    started = time.perf_counter()
    records, _ = _extract(tmp_path, capsys, "long.txt", f"Officials said {'x' * 300_000} may rise. {'y' * 50_000}\n")
    assert time.perf_counter() - started < 20
    assert records[0]["n_words"] >= 3


def test_non_english_scripts_warn_but_run(tmp_path: Path, capsys) -> None:
    text = "政府表示，谈判可能很快恢复。批评者称这是一场宣传噱头。" * 10 + "\n"
    records, err = _extract(tmp_path, capsys, "zh.txt", text)
    assert records[0]["text"].startswith("政府") and "does not look like English" in err
