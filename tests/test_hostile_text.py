"""Hostile text in titles, outlet names, URLs, student names and article bodies.

Every HTML file framing writes (the report, the worksheet and key, the annotate-first sheet, the
marking scores) is opened in real headless Chromium: no script runs, and the page holds no element
or attribute that the same page built from clean text lacks. Every CSV cell is neutralised against
formula injection. The PDF fetcher refuses anything but ``data:`` URIs.
"""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest

from framing.cli import main
from framing.fileio import FORMULA_STARTS, neutralise_cell

ROOT = Path(__file__).resolve().parent.parent
PAYLOAD = ('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">'
           '<a href="javascript:window.__pwned=1">go</a><svg onload="window.__pwned=1"></svg>'
           "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe> {{ 7*7 }} {% if true %}T{% endif %} ${7*7}")
BODIES = [
    "Officials said the talks may resume soon, according to a statement released on Tuesday. Critics called "
    "the regime's plan a stunt. The minister said the deal could collapse within weeks.",
    "The government said talks could resume. Opposition leaders slammed the plan, Reuters reported. "
    "About 80 people were reportedly detained, and the minister said the deal would likely hold.",
    "Negotiators met on Monday. A spokesperson said the talks might resume, but analysts were sceptical. "
    "The minister said the deal may hold if both sides agree, according to officials.",
]
# Hedges in the writer's own narration, so that a lesson (which keys only clear-cut hedges) has an item to show.
BODIES = [body + " The border may reopen soon. Fuel prices will probably rise next month." for body in BODIES]
PAGES = ["report/framing-report.html", "lesson/handout.html", "lesson/worksheet.html", "lesson/answer-key.html",
         "preview/preview.html", "marking/worksheet.html", "marking/scores.html"]


def _corpus(folder: Path, hostile: bool) -> Path:
    extra = f" {PAYLOAD}" if hostile else ""
    rows = [{"id": f"a{n}", "outlet": f"Outlet {n}{extra}", "title": f"Talks resume{extra}",
             "url": "javascript:window.__pwned=1" if hostile else "https://example.org/a",
             "text": body + (f"\n\nA reader wrote:{extra} and {extra}." if hostile else "")}
            for n, body in enumerate(BODIES)]
    path = folder / "articles.jsonl"
    folder.mkdir(parents=True)
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def _build(out: Path, hostile: bool) -> Path:
    corpus = _corpus(out / "in", hostile)
    assert main(["analyze", str(corpus), "-o", str(out / "report"), "--format", "html", "--title",
                 f"Week{' ' + PAYLOAD if hostile else ''}"]) == 0
    assert main(["exercises", str(corpus), "-o", str(out / "lesson"), "--format", "html"]) == 0
    assert main(["exercises", str(corpus), "-o", str(out / "preview"), "--preview"]) == 0
    assert main(["exercises", str(corpus), "-o", str(out / "marking"), "--format", "html", "--annotate"]) == 0
    lesson = json.loads((out / "marking" / "lesson.json").read_text(encoding="utf-8"))
    sentence = lesson["sentences"][0]
    student = f'=HYPERLINK("http://x","y"){PAYLOAD}' if hostile else "Ada"
    with (out / "marking" / "marks.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["student", "sentence", "phrase", "type"])
        writer.writerow([student, sentence["n"], sentence["text"].split()[0], "hedge"])
        writer.writerow(["@SUM(1)" if hostile else "Bo", sentence["n"], sentence["text"].split()[1], "loaded"])
    assert main(["exercises", "score", str(out / "marking" / "marks.csv")]) == 0
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("hostile")
    return _build(root / "hostile", True), _build(root / "clean", False)


DOM_SHAPE = """() => {
    const pairs = new Set();
    for (const element of document.querySelectorAll("*")) {
        pairs.add(element.tagName.toLowerCase());
        for (const attribute of element.attributes) pairs.add(element.tagName.toLowerCase() + "@" + attribute.name);
    }
    return [...pairs].sort();
}"""


def _template_shape() -> frozenset[str]:
    """Every tag and ``tag@attribute`` written in framing's templates, and the elements a parser adds."""
    shape = {"html", "head", "body", "tbody"}
    for template in (ROOT / "framing" / "report" / "templates").glob("*.j2"):
        source = re.sub(r"\{#.*?#\}", "", template.read_text(encoding="utf-8"), flags=re.DOTALL)
        for tag, inside in re.findall(r"<([a-zA-Z][\w-]*)((?:[^>{]|\{[^}]*\})*)>", source):
            shape.add(tag.lower())
            shape.update(f"{tag.lower()}@{name.lower()}" for name in re.findall(r"\s([a-zA-Z][\w:-]*)(?==|[\s>]|$)",
                                                                                re.sub(r"\{\{.*?\}\}|\{%.*?%\}", " ",
                                                                                       inside)))
    return frozenset(shape)


TEMPLATE_SHAPE = _template_shape()


def _open(browser, path: Path) -> tuple:
    context = browser.new_context(java_script_enabled=True)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(path.resolve().as_uri())
    page.wait_for_load_state("load")
    page.wait_for_timeout(100)
    return context, page, dialogs


@pytest.mark.browser
@pytest.mark.parametrize("name", PAGES)
def test_hostile_text_never_runs_and_adds_no_markup(browser, built, name: str) -> None:
    hostile, clean = built
    context, page, dialogs = _open(browser, hostile / name)
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined" and dialogs == []
        shape = set(page.evaluate(DOM_SHAPE))
        assert "script" not in shape and "iframe" not in shape and "svg" not in shape
        assert not [pair for pair in shape if "@on" in pair]
        links = page.evaluate("() => [...document.querySelectorAll('[href],[src]')].map(e => e.href || e.src)")
        assert not [link for link in links if link.lower().startswith("javascript:")]
        body = page.locator("body").inner_text()
        assert "{{ 7*7 }}" in body and "<script>window.__pwned=1</script>" in body
    finally:
        context.close()
    extra = sorted(shape - TEMPLATE_SHAPE)
    assert not extra, f"elements or attributes the template did not write: {extra}"
    context, page, _ = _open(browser, clean / name)
    try:
        assert set(page.evaluate(DOM_SHAPE)) <= TEMPLATE_SHAPE  # the check itself knows every tag the templates write
    finally:
        context.close()


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _cells(path: Path) -> list[str]:
    """Every text cell of a CSV file (numbers such as -9.2 in numeric columns are numbers, not formulas)."""
    with path.open(encoding="utf-8", newline="") as stream:
        return [cell for row in csv.reader(stream) for cell in row if not _is_number(cell)]


@pytest.fixture(scope="module")
def hostile_tables(tmp_path_factory) -> Path:
    """The seeds, with formulas for outlet names and titles, through ``framing compare``."""
    corpus = tmp_path_factory.mktemp("seeds") / "seeds"
    shutil.copytree(ROOT / "seeds", corpus)
    rows = list(csv.DictReader((corpus / "manifest.csv").open(encoding="utf-8")))
    formulas = ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1+1"]
    for row, formula in zip(rows, formulas, strict=True):
        row["outlet"] = formula
        row["title"] = f"{formula} on the call"
    with (corpus / "manifest.csv").open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=["file", "id", "outlet", "title"])
        writer.writeheader()
        writer.writerows(rows)
    out = corpus.parent / "tables"
    assert main(["compare", str(corpus), "-o", str(out)]) == 0
    return out


def test_csv_every_compare_table_is_neutralised(hostile_tables: Path) -> None:
    from framing.compare import TABLES

    for table in TABLES:
        cells = _cells(hostile_tables / f"{table}.csv")
        assert len(cells) > 0, table
        assert not [c for c in cells if c.startswith(FORMULA_STARTS)], table
    facts = _cells(hostile_tables / "facts.csv")
    assert any(c.startswith("'=HYPERLINK") for c in facts), "list cells that start with an outlet's name"
    records = json.loads((hostile_tables / "facts.json").read_text(encoding="utf-8"))
    assert any('=HYPERLINK("http://x","y")' in r["outlets"] for r in records)  # JSON keeps the value


def test_csv_scores_and_disagreements_are_neutralised(built) -> None:
    hostile, _ = built
    for name in ("scores.csv", "disagreements.csv", "marking-sheet.csv"):
        cells = _cells(hostile / "marking" / name)
        assert not [c for c in cells if c.startswith(FORMULA_STARTS)], name
    assert any(c.startswith("'=HYPERLINK") for c in _cells(hostile / "marking" / "scores.csv"))


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@A1", "\tx", "\rx"])
def test_csv_neutralise_cell_prefixes_a_quote(value: str) -> None:
    assert neutralise_cell(value) == "'" + value
    assert neutralise_cell(3) == 3 and neutralise_cell(-2.5) == -2.5 and neutralise_cell("Source A") == "Source A"


def test_pdf_fetches_nothing_but_data_uris(tmp_path: Path) -> None:
    """The report escapes an ``<img src="file:///etc/passwd">`` in text; the fetcher refuses it anyway."""
    pytest.importorskip("weasyprint")
    from framing.report import printing

    fetched: list[str] = []
    import weasyprint

    original = weasyprint.URLFetcher.fetch

    def spy(self, url, *args, **kwargs):
        result = original(self, url, *args, **kwargs)  # raises for a refused URL
        fetched.append(url)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(weasyprint.URLFetcher, "fetch", spy)
        html = ('<html><body><p>text</p><img src="file:///etc/passwd"><img src="http://127.0.0.1:9/x.png">'
                '<link rel="stylesheet" href="file:///etc/hostname"><img src="data:image/gif;base64,'
                'R0lGODlhAQABAAAAACw="></body></html>')
        document = printing.layout(html)
    assert document.pages
    assert [url for url in fetched if not url.startswith("data:")] == []  # tried and refused: file:, http:
