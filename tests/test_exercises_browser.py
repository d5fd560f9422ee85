"""Worksheet and key in real headless Chromium: offline, error-free, keyboard-usable, no WCAG 2.1 A/AA violations.

Chromium and its fixtures are the report's (tests/test_report_browser.py), with the
same rule: skipped where no Chromium is installed, failed under CI. axe-core runs
through conftest's ``axe_violations``.
"""

from __future__ import annotations

import pytest
from exercises_story import COUNCIL_DIR
from test_report_browser import open_report

from framing.exercises import LessonOptions, write_exercises
from framing.exercises.wording import KINDS

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def pages(tmp_path_factory, lexicons):
    out = tmp_path_factory.mktemp("exercises")  # every kind, on-request ones too: each must render accessibly
    paths = write_exercises([COUNCIL_DIR], lexicons, out, options=LessonOptions(kinds=KINDS, blind=True, minutes=120),
                            formats=["html"])
    return {path.name: path for path in paths}


@pytest.mark.parametrize("name", ["handout.html", "worksheet.html", "answer-key.html"])
def test_exercises_browser_offline_error_free_and_no_wcag_violations(browser, pages, axe_violations, name):
    context, page, seen = open_report(browser, pages[name])
    try:
        assert seen["outside"] == []
        assert seen["errors"] == []
        assert page.locator("script").count() == 0
        assert axe_violations(pages[name]) == []
    finally:
        context.close()


def test_exercises_browser_worksheet_works_from_the_keyboard(browser, pages):
    context, page, _ = open_report(browser, pages["worksheet.html"], javascript=False)
    try:
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip"
        fields = page.locator("textarea, input")
        assert fields.count() >= 4  # lessons keep only sure items now: two or three, each with its answer fields
        for index in range(fields.count()):  # every field has a name a screen reader announces
            field = fields.nth(index)
            name = field.evaluate("e => e.labels.length ? e.labels[0].textContent : e.getAttribute('aria-label')")
            assert name and name.strip()
        fields.first.focus()
        page.keyboard.type("may")
        assert fields.first.input_value() == "may"
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.tagName") in ("TEXTAREA", "INPUT")
    finally:
        context.close()


def test_exercises_browser_print_shows_lines_not_fields(browser, pages):
    context, page, _ = open_report(browser, pages["worksheet.html"])
    try:
        page.emulate_media(media="print")
        assert page.locator("textarea").first.is_hidden()
        assert page.locator(".lines .line").first.is_visible()
        size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('ol.sentences li')).fontSize)")
        assert size >= 16  # 12 pt
    finally:
        context.close()
