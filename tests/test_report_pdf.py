"""The PDF report: pages, extractable text, embedded fonts, and the all-or-nothing write."""

from __future__ import annotations

import re

import pytest

from framing.analysis import analyze
from framing.errors import FramingInputError
from framing.report import write_reports
from framing.report.html import SECTIONS, PagePart, needs, render_html
from framing.report.model import build_report_model
from framing.report.pdf import MAX_ARTICLE_PARTS, PdfWorker, plan_parts

pytestmark = pytest.mark.slow  # PDF printing, a Dask cluster or a whole report: run by CI, skipped by -m 'not slow'

pypdf = pytest.importorskip("pypdf")


@pytest.fixture(scope="module")
def seed_pdf(tmp_path_factory, lexicons):
    out = tmp_path_factory.mktemp("pdf")
    analyses = analyze(lexicons=lexicons)
    paths = write_reports(analyses, lexicons, out, formats=["html", "pdf"], title="PDF test report")
    return {path.suffix: path for path in paths}, analyses


def test_pdf_has_a_page_per_article_and_more(seed_pdf):
    paths, analyses = seed_pdf
    reader = pypdf.PdfReader(paths[".pdf"])
    # Overview first, each article starts a new page, then method and footer.
    assert len(reader.pages) >= len(analyses) + 2


def test_pdf_text_is_extractable(seed_pdf):
    paths, analyses = seed_pdf
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(paths[".pdf"]).pages)
    assert "PDF test report" in text
    for analysis in analyses:
        assert analysis.document.outlet in text
    assert "Method and limits" in text
    assert "Reproducibility" in text


def font_descriptors(font):
    if font.get("/Subtype") == "/Type0":
        for descendant in font["/DescendantFonts"]:
            yield descendant.get_object().get("/FontDescriptor")
    else:
        yield font.get("/FontDescriptor")


def test_pdf_embeds_every_font(seed_pdf):
    paths, _ = seed_pdf
    fonts = {}
    for page in pypdf.PdfReader(paths[".pdf"]).pages:
        resources = page.get("/Resources") or {}
        for name, ref in (resources.get("/Font") or {}).items():
            fonts[(name, id(ref))] = ref.get_object()
    assert fonts
    for font in fonts.values():
        assert font.get("/Subtype") != "/Type3", font.get("/BaseFont")  # bitmap-like glyphs print badly
        for descriptor in font_descriptors(font):
            assert descriptor is not None, font.get("/BaseFont")
            descriptor = descriptor.get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font.get("/BaseFont")


def test_pdf_pages_are_numbered_in_order_across_parts(seed_pdf):
    paths, _ = seed_pdf
    pages = pypdf.PdfReader(paths[".pdf"]).pages
    for number, page in enumerate(pages, start=1):
        text = page.extract_text()
        assert f"page {number} of {len(pages)}" in text
        assert "PDF test report" in text  # the running title


def test_pdf_outline_nests_the_report_across_parts(seed_pdf):
    paths, analyses = seed_pdf
    reader = pypdf.PdfReader(paths[".pdf"])
    (title, sections) = reader.outline
    assert title.title == "PDF test report"
    names = [item.title for item in sections if not isinstance(item, list)]
    assert names[:1] == ["Overview"] and {"Articles", "Method and limits", "Reproducibility"} <= set(names)
    articles = sections[sections.index(next(item for item in sections if getattr(item, "title", "") == "Articles")) + 1]
    article_items = [item for item in articles if not isinstance(item, list)]
    assert len(article_items) == len(analyses)
    pages = [reader.get_destination_page_number(item) for item in article_items]
    assert pages == sorted(pages) and len(set(pages)) == len(pages)


def test_pdf_internal_links_resolve_across_parts(seed_pdf):
    paths, _ = seed_pdf
    reader = pypdf.PdfReader(paths[".pdf"])
    targets = {
        annotation.get_object().get("/Dest")
        for page in reader.pages
        for annotation in page.get("/Annots") or []
        if annotation.get_object().get("/Subtype") == "/Link"
    }
    assert len(targets) > 100  # every marker links to its note and back
    assert targets <= set(reader.named_destinations)


def test_pdf_parts_cover_every_section_and_article_once_in_order(seed_analyses, lexicons):
    model = build_report_model(list(seed_analyses.values()), lexicons)
    parts = plan_parts(model)
    articles = [index for part in parts for index in part.entries]
    assert articles == list(range(len(model["articles"])))
    sections = [section for part in parts for section in sorted(part.sections, key=SECTIONS.index)]
    assert sections == list(SECTIONS)
    assert 1 < sum(1 for part in parts if part.entries) <= MAX_ARTICLE_PARTS


def test_pdf_parts_hold_the_same_markup_as_the_page(seed_analyses, lexicons):
    model = build_report_model(list(seed_analyses.values()), lexicons)
    page = render_html(model, [])
    for part in plan_parts(model):
        html_part = render_html(model, [], part=part)
        for match in re.finditer(r'<article class="article".*?</article>', html_part, flags=re.S):
            assert match.group(0) in page
        assert html_part.count("<article ") == len(part.entries)


@pytest.mark.parametrize(
    ("sections", "needed"),
    [({"legend"}, "model"), ({"method", "reproducibility"}, "model"), ({"header", "overview"}, "comparison"),
     ({"comparison"}, "comparison"), ({"charts"}, "charts")],
)
def test_pdf_part_is_printed_as_soon_as_its_inputs_are_ready(sections, needed):
    assert needs(PagePart(frozenset(sections))) == needed


def test_pdf_failure_leaves_no_report_at_all(tmp_path, lexicons, monkeypatch):
    from framing.report import pdf

    def broken(self, title):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(pdf.PdfWorker, "finish", broken)
    with pytest.raises(RuntimeError, match="printer on fire"):
        write_reports(analyze(lexicons=lexicons), lexicons, tmp_path, formats=["html", "pdf"], title="")
    assert list(tmp_path.iterdir()) == []


def test_pdf_worker_reports_the_printers_own_error():
    worker = PdfWorker()
    try:
        worker.outbox.put(b"nonsense 1 2\n")
        with pytest.raises(RuntimeError, match=r"the PDF renderer failed: .*unknown message"):
            worker.finish("title")
    finally:
        worker.close()


def test_pdf_without_weasyprint_says_what_to_install_and_writes_nothing(tmp_path, lexicons, monkeypatch):
    """A system without Pango: WeasyPrint fails to import in the printer, which is the user's to fix."""
    import os

    fake = tmp_path / "fake"
    fake.mkdir()
    (fake / "weasyprint.py").write_text("raise OSError(\"cannot load library 'libpango-1.0-0'\")\n")
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join([str(fake), os.environ.get("PYTHONPATH", "")]))
    out = tmp_path / "out"
    expected = r"--format pdf: WeasyPrint cannot start here .*libpango.*--format html"
    with pytest.raises(FramingInputError, match=expected):
        write_reports(analyze(lexicons=lexicons), lexicons, out, formats=["html", "pdf"], title="")
    assert not out.exists() or list(out.iterdir()) == []


def test_pdf_rebuild_is_byte_identical_under_source_date_epoch(tmp_path, seed_analyses, lexicons, monkeypatch):
    """Parts finish in any order; they are joined in report order, so a rebuild gives the same bytes."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "86400")
    analyses = list(seed_analyses.values())
    first, second = (
        write_reports(analyses, lexicons, tmp_path / name, formats=["pdf"], title="Rebuild")[0].read_bytes()
        for name in ("first", "second")
    )
    assert first == second


@pytest.mark.parametrize(("size", "width"), [("A4", 595.28), ("letter", 612.0)])
def test_pdf_footer_is_centred_whatever_the_paper(tmp_path, footer_centres, size, width):
    """The footer sheet takes the size of the pages it is laid under (it was always A4)."""
    from framing.report.pdf import assemble, print_part

    html = f"<html><head><style>@page {{ size: {size}; }}</style></head><body><h1>One</h1>" \
           f"<h1 style='break-before: page'>Two</h1></body></html>"
    path = tmp_path / "doc.pdf"
    path.write_bytes(assemble([print_part(html), print_part(html)], "Footer test"))
    centres = footer_centres(path)
    assert len(centres) == 4
    for page_width, centre in centres:
        assert page_width == pytest.approx(width, abs=0.5)
        assert centre == pytest.approx(width / 2, abs=1.0)
