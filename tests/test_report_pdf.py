"""The PDF report: pages, extractable text, embedded fonts, and the all-or-nothing write."""

from __future__ import annotations

import pytest

from framing.analysis import analyze
from framing.report import write_reports

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


def test_pdf_failure_leaves_no_report_at_all(tmp_path, lexicons, monkeypatch):
    from framing.report import pdf

    def broken(self, html_text):
        raise RuntimeError("printer on fire")

    monkeypatch.setattr(pdf.PdfWorker, "render", broken)
    with pytest.raises(RuntimeError, match="printer on fire"):
        write_reports(analyze(lexicons=lexicons), lexicons, tmp_path, formats=["html", "pdf"], title="")
    assert list(tmp_path.iterdir()) == []
