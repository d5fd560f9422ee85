"""The public API (``import framing``): what each name returns, and errors that name the bad argument."""

from __future__ import annotations

import inspect
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import framing
from framing.analysis import ArticleAnalysis
from framing.compare import TABLES
from framing.errors import FramingParameterError

# Made-up articles: two outlets telling one invented story.
HARBOUR_A = ("Officials said the harbour bridge may reopen next week, according to a statement. "
             "\"The repairs are finished,\" the mayor said. Critics called the plan a stunt.\n")
HARBOUR_B = ("The mayor claimed the harbour bridge will reopen next week. "
             "\"We are ready,\" an engineer told reporters. Residents appeared unconvinced.\n")


@pytest.fixture(scope="module")
def two_texts() -> list[ArticleAnalysis]:
    return [framing.analyze_text(HARBOUR_A, outlet="Daily A", title="Bridge to reopen"),
            framing.analyze_text(HARBOUR_B, outlet="Weekly B", title="Mayor: bridge ready")]


def test_analyze_reads_a_folder_and_a_single_path(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(HARBOUR_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(HARBOUR_B, encoding="utf-8")
    from_folder = framing.analyze([tmp_path])
    from_one_path = framing.analyze(str(tmp_path / "a.txt"))  # one str is one path, not its letters
    assert len(from_folder) == 2 and all(isinstance(a, ArticleAnalysis) for a in from_folder)
    assert len(from_one_path) == 1
    same_file = next(a for a in from_folder if a.document.path.endswith("a.txt"))
    assert from_one_path[0].document.text == same_file.document.text


def test_analyze_text_returns_one_analysis_whose_spans_index_its_text(two_texts: list[ArticleAnalysis]) -> None:
    first, second = two_texts
    assert first.document.outlet == "Daily A" and first.document.title == "Bridge to reopen"
    assert first.document.id != second.document.id  # ids from the texts: two texts never collide
    assert {span.type for span in first.spans} >= {"attribution", "quote"}
    for span in first.spans:
        assert first.document.text[span.start:span.end] == span.text


def test_compare_returns_every_table_and_lists_them_in_html(two_texts: list[ArticleAnalysis]) -> None:
    comparison = framing.compare(two_texts)
    assert list(comparison) == list(TABLES) == comparison.names
    assert all(isinstance(comparison[name], pd.DataFrame) for name in comparison)
    assert set(comparison["rates"]["outlet"]) >= {"Daily A", "Weekly B"}
    html = comparison._repr_html_()
    assert isinstance(html, str)
    for name in TABLES:
        assert f"<h4>{name} <small>({len(comparison[name])} rows" in html
    with pytest.raises(KeyError, match=r"'rate'.*rates"):
        comparison["rate"]


def test_comparison_html_escapes_cells() -> None:
    from framing.compare.result import Comparison

    html = Comparison({"voices": pd.DataFrame({"voice": ["<script>alert(1)</script>"]})})._repr_html_()
    assert "<script" not in html and "&lt;script&gt;" in html


def test_compare_and_report_packages_stay_callable_and_importable(two_texts: list[ArticleAnalysis],
                                                                   tmp_path: Path) -> None:
    import framing.compare as compare_package
    import framing.report as report_package

    assert compare_package is framing.compare and callable(framing.compare) and callable(framing.report)
    assert list(inspect.signature(framing.compare).parameters) == ["analyses", "lexicons", "seed"]
    assert {"analyze", "compare", "report", "show"} <= set(dir(framing))
    assert compare_package.build_comparison is not None and report_package.write_reports is not None
    written = framing.report(two_texts, tmp_path / "out", formats=["html"], title="Bridge <b>story</b>")
    assert [path.name for path in written] == ["framing-report.html"]
    page = written[0].read_text(encoding="utf-8")
    assert "Bridge &lt;b&gt;story&lt;/b&gt;" in page and "Daily A" in page


def test_import_framing_stays_light() -> None:
    code = ("import sys, framing; framing.report; framing.show; "
            "print(sorted(m for m in ('pandas', 'numpy', 'sklearn', 'matplotlib') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120)
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize(("call", "error", "names"), [
    (lambda a: framing.analyze(3), TypeError, ["paths", "int", "3"]),
    (lambda a: framing.analyze(["ok.txt", 4.5]), TypeError, ["paths", "4.5"]),
    (lambda a: framing.analyze("Officials said\nthey may."), FramingParameterError, ["paths", "analyze_text"]),
    (lambda a: framing.analyze(lexicons=7), TypeError, ["lexicons", "7"]),
    (lambda a: framing.analyze(lexicons="no-such-folder"), FramingParameterError, ["lexicons", "'no-such-folder'"]),
    (lambda a: framing.compare(a, lexicons="no-such-folder"), FramingParameterError, ["lexicons", "no-such-folder"]),
    (lambda a: framing.analyze_text(b"bytes"), TypeError, ["text", "bytes"]),
    (lambda a: framing.analyze_text("   "), FramingParameterError, ["text", "empty"]),
    (lambda a: framing.analyze_text("Some text.", outlet=5), TypeError, ["outlet", "5"]),
    (lambda a: framing.compare([]), FramingParameterError, ["analyses", "empty"]),
    (lambda a: framing.compare(["not an analysis"]), TypeError, ["analyses", "'not an analysis'"]),
    (lambda a: framing.compare(a, seed="one"), TypeError, ["seed", "'one'"]),
    (lambda a: framing.report(a, "out", formats=["docx"]), FramingParameterError, ["formats", "docx"]),
    (lambda a: framing.report(a, "", formats=["html"]), FramingParameterError, ["out_dir"]),
    (lambda a: framing.show(a[0], types=["hedge", "bogus"]), FramingParameterError, ["types", "'bogus'"]),
    (lambda a: framing.show(a[0], jupyter="yes"), FramingParameterError, ["jupyter", "'yes'"]),
    (lambda a: framing.show("text"), TypeError, ["analysis", "str"]),
    (lambda a: framing.show(1), TypeError, ["analysis", "int 1"]),
    (lambda a: framing.show(a[0], types=3), TypeError, ["types", "int 3"]),
])
def test_bad_arguments_name_the_parameter_and_the_value(call, error, names, two_texts, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(error) as raised:
        call(two_texts)
    message = str(raised.value)
    assert all(name in message for name in names), message
    assert "--" not in message  # library errors name parameters, never command-line flags
    assert not (tmp_path / "out").exists()  # refused before any work


def test_library_errors_name_parameters_and_the_cli_shows_its_flags() -> None:
    from framing.cli import cli_message
    from framing.engine.local import check_jobs
    from framing.report import check_formats

    with pytest.raises(FramingParameterError) as jobs:
        check_jobs(0)
    assert str(jobs.value) == "jobs: must be 1 or more, not 0. Pass how many cores to use, e.g. jobs=2"
    assert cli_message(jobs.value) == "--jobs: must be 1 or more, not 0. Pass how many cores to use, e.g. --jobs 2"
    with pytest.raises(FramingParameterError) as formats:
        check_formats(["html", "rtf"])
    assert str(formats.value).startswith("formats: unknown format rtf.")
    assert cli_message(formats.value).startswith("--format: unknown format rtf.")
    assert cli_message(formats.value).endswith("e.g. --format html,pdf")
    no_story = FramingParameterError("stories", "has no story", "Give every row a 'story', or use", example="cluster",
                                     path="corpus.csv")
    assert str(no_story) == "corpus.csv: has no story. Give every row a 'story', or use stories='cluster'"
    assert cli_message(no_story) == "corpus.csv: has no story. Give every row a 'story', or use --stories cluster"
    assert isinstance(no_story, ValueError)


def test_the_readme_python_api_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's "Python API" block, as printed, on made-up articles (it names only public API)."""
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    code = readme.split("## Python API\n\n```python\n", 1)[1].split("```", 1)[0]
    assert "from framing." not in code.replace("from framing.sklearn import", "")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "my-lexicons").mkdir()
    (tmp_path / "articles" / "a.txt").write_text(HARBOUR_A, encoding="utf-8")
    (tmp_path / "articles" / "b.txt").write_text(HARBOUR_B, encoding="utf-8")
    namespace = {"text": HARBOUR_A, "texts": [HARBOUR_A, HARBOUR_B] * 2, "labels": [0, 1] * 2}
    exec(compile(code, "README.md", "exec"), namespace)
    assert len(namespace["analyses"]) == 2 and (tmp_path / "out" / "framing-report.html").is_file()
