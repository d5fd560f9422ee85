"""Nothing is lost: atomic writes only, a failed run leaves earlier outputs as they were, ids never
become paths outside the output folder, and no loader that can run code touches user files."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from framing.cli import main
from framing.fileio import output_path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "framing"
ARTICLES = [
    "Officials said the talks may resume soon, according to a statement. Critics called the regime's move a stunt.",
    "The government said talks could resume. Opposition leaders slammed the plan, Reuters reported on Tuesday.",
]


def _corpus(tmp_path: Path, ids: list[str], outlets: list[str]) -> Path:
    rows = tmp_path / "in" / "articles.jsonl"
    rows.parent.mkdir(parents=True)
    rows.write_text("".join(json.dumps({"id": i, "outlet": o, "title": f"{o} on the talks", "text": t}) + "\n"
                            for i, o, t in zip(ids, outlets, ARTICLES, strict=True)), encoding="utf-8")
    return rows


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_failed_run_leaves_earlier_outputs_exactly_as_they_were(tmp_path: Path, capsys) -> None:
    corpus = _corpus(tmp_path, ["a", "b"], ["Daily", "Herald"])
    out = tmp_path / "out"
    assert main(["analyze", str(corpus), "-o", str(out), "--format", "html"]) == 0
    assert main(["compare", str(corpus), "-o", str(out / "tables")]) == 0
    assert main(["exercises", str(corpus), "-o", str(out / "lesson"), "--format", "html"]) == 0
    assert main(["extract", str(corpus), "-o", str(out / "x.jsonl")]) == 0
    before = _files(out)
    broken = tmp_path / "lex"
    broken.mkdir()
    (broken / "hedges.tsv").write_text("term\tcategory\trule\tsource\tnote\nmaybe\tadverb\tmodal_mya\tme\tx\n")
    for command in (["analyze", str(corpus), "-o", str(out), "--format", "html"],
                    ["compare", str(corpus), "-o", str(out / "tables")],
                    ["exercises", str(corpus), "-o", str(out / "lesson"), "--format", "html"],
                    ["extract", str(corpus), "-o", str(out / "x.jsonl")]):
        assert main([*command, "--lexicons", str(broken)]) == 2
    assert "modal_mya" in capsys.readouterr().err
    assert _files(out) == before  # same files, same bytes, no temporary leftovers


HOSTILE_IDS = ["../../escaped", "/tmp/absolute", 'con<>:"|?*', "..", "a/../../b"]


def test_ids_and_outlet_names_never_become_paths_outside_the_output_folder(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "w", HOSTILE_IDS[:2], ["../../../outlet", "C:\\Windows\\evil"])
    out = tmp_path / "w" / "out"
    assert main(["analyze", str(corpus), "-o", str(out), "--format", "html"]) == 0
    assert main(["compare", str(corpus), "-o", str(out / "tables")]) == 0
    assert main(["exercises", str(corpus), "-o", str(out / "lesson"), "--format", "html", "--blind"]) == 0
    written = {p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file()}
    assert all(str(p).startswith(("w/out/", "w/in/")) for p in written), written
    assert not Path("/tmp/absolute").exists()


@pytest.mark.parametrize("name", HOSTILE_IDS)
def test_output_path_refuses_names_that_leave_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="not a plain file name"):
        output_path(tmp_path, name)


def _source(path: Path) -> str:
    """The module's code lines (comments dropped; docstrings that name a call would be caught, none do)."""
    return "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                     if not line.lstrip().startswith("#"))


def test_every_writer_is_atomic() -> None:
    """Only framing/fileio.py opens files for writing; everything else goes through write_atomically."""
    writes = re.compile(r"\.write_(text|bytes)\(|open\([^)]*['\"][wax]b?['\"]|\bos\.open\(")
    offenders = [str(p.relative_to(ROOT)) for p in PACKAGE.rglob("*.py")
                 if p.name != "fileio.py" and writes.search(_source(p))]
    # syllables.write_nltk_cmudict builds textstat's reference data for the tests, never user output.
    assert offenders == ["framing/syllables.py"]


CODE_RUNNING_LOADERS = re.compile(
    r"\b(pickle|cPickle|dill|joblib|marshal|shelve|cloudpickle)\b|yaml\.(unsafe_)?load\(|torch\.load|allow_pickle"
    r"|\beval\(|\bexec\(|__import__\("
)


def test_no_loader_that_can_run_code_touches_user_files() -> None:
    found = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in PACKAGE.rglob("*.py")
             for m in CODE_RUNNING_LOADERS.finditer(_source(p))]
    assert found == []


def test_default_output_folder_is_ignored_by_git() -> None:
    """The README's first command writes reports/: in a fresh clone that must leave `git status` clean."""
    import shutil
    import subprocess

    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for path in ("reports/framing-report.html", "reports/framing-report.pdf", "reports/exercises/worksheet.html"):
        ignored = subprocess.run(["git", "-C", str(ROOT), "check-ignore", "-q", path], check=False)
        assert ignored.returncode == 0, f"{path} would show in git status"
    tracked = subprocess.run(["git", "-C", str(ROOT), "ls-files", "reports"], capture_output=True, text=True,
                             check=True).stdout
    assert tracked == ""
