"""Laying out one HTML document with WeasyPrint, and joining printed parts into one PDF.

The layer under :mod:`.pdf` (which runs the printers and speaks to the parent): a part is
printed to a :class:`PrintedPart`; :func:`assemble` joins the parts of a document in order,
rebuilds one outline and lays the running footer (:func:`footer_pdf`) under every page.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any, NamedTuple

# A heading's bookmark in a printed part: (heading level, label, page index in the part, top in points).
Bookmark = tuple[int, str, int, float]
CSS_PX_IN_PT = 0.75  # WeasyPrint lays out in CSS pixels (1/96 in); PDF counts points (1/72 in)


def layout(html_text: str) -> Any:
    """One HTML document laid out by WeasyPrint, fetching nothing but ``data:`` URIs."""
    import weasyprint

    offline = weasyprint.URLFetcher(allowed_protocols={"data"})
    return weasyprint.HTML(string=html_text, url_fetcher=offline, base_url=None).render()


def render_pdf(html_text: str) -> bytes:
    """One HTML document as PDF bytes."""
    return layout(html_text).write_pdf()


def print_part(html_text: str) -> PrintedPart:
    """One part as PDF bytes, its headings' bookmarks with their levels, and its number of pages.

    The levels are kept because a part's own PDF outline cannot tell them: a
    part that starts with an article (h3) would put it at the top of the
    outline instead of under "Articles" (h2). :func:`assemble` rebuilds
    the outline of the whole report from these.
    """
    document = layout(html_text)
    bookmarks = [
        (level, label, page_index, (page.height - y) * CSS_PX_IN_PT)
        for page_index, page in enumerate(document.pages)
        for level, label, (_, y), _ in page.bookmarks
    ]
    return PrintedPart(document.write_pdf(), bookmarks, len(document.pages))


class PrintedPart(NamedTuple):
    """One printed part of a document: its PDF, its headings' bookmarks and its number of pages."""

    pdf: bytes
    bookmarks: list[Bookmark]
    pages: int


def assemble(parts: Sequence[PrintedPart], title: str, footer: Callable[[], bytes] | None = None) -> bytes:
    """Join printed parts in report order, rebuild one outline, and draw the running footer on every page.

    ``footer`` returns the document's footer sheet (:func:`document_footer`) once the parts are
    joined: the PDF child has a printer lay it out meanwhile, instead of after the joining. Without
    it, it is laid out here. Joining in a fixed order (not as parts finish) keeps the bytes
    reproducible under ``SOURCE_DATE_EPOCH``; it costs about 0.1 s.
    """
    import pypdf

    writer = pypdf.PdfWriter()
    outline: list[Bookmark] = []
    metadata: dict[str, Any] = {}
    for part in parts:
        reader = pypdf.PdfReader(io.BytesIO(part.pdf))
        first_page = len(writer.pages)
        writer.merge(first_page, reader, import_outline=False)
        outline += [(level, label, first_page + page, top) for level, label, page, top in part.bookmarks]
        metadata = metadata or {key: value for key, value in (reader.metadata or {}).items()
                                if key in ("/Title", "/Producer", "/CreationDate")}
    sheet = pypdf.PdfReader(io.BytesIO(footer() if footer is not None else footer_pdf(*document_footer(parts, title))))
    for number, (page, sheet_page) in enumerate(zip(writer.pages, sheet.pages, strict=True), start=1):
        draw_under(writer, page, sheet_page, f"/FramingFooter{number}")
    add_outline(writer, outline)
    writer.add_metadata(metadata)
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def document_footer(parts: Sequence[PrintedPart], title: str) -> tuple[str, int, tuple[float, float]]:
    """The arguments of :func:`footer_pdf` for a document made of ``parts``: its title, its number of
    pages and their size in points (the first part's page box, read without laying anything out)."""
    import pypdf

    box = pypdf.PdfReader(io.BytesIO(parts[0].pdf)).pages[0].mediabox
    return title, sum(part.pages for part in parts), (float(box.width), float(box.height))


def footer_pdf(title: str, pages: int, size: tuple[float, float]) -> bytes:
    """A sheet of ``pages`` pages of ``size`` that carry only the running footer (title, "page N of M").

    The sheet takes the parts' own page size: a sheet laid out for A4 under a Letter page put the
    centred "page N of M" 3 mm off centre (and the title 3 mm in from the margin).
    """
    from .html import render_footer_sheet

    return render_pdf(render_footer_sheet(title, pages, size=size))


def add_outline(writer: Any, bookmarks: Sequence[Bookmark]) -> None:
    """The outline of the whole report, nested by heading level across parts (page numbers are global)."""
    from pypdf.generic import Fit

    open_items: list[tuple[int, Any]] = []  # (level, outline item) from the root down
    for level, label, page_number, top in bookmarks:
        while open_items and open_items[-1][0] >= level:
            open_items.pop()
        parent = open_items[-1][1] if open_items else None
        fit = Fit.xyz(left=0, top=top)
        item = writer.add_outline_item(title=label, page_number=page_number, parent=parent, fit=fit)
        open_items.append((level, item))


def draw_under(writer: Any, page: Any, sheet: Any, name: str) -> None:
    """Draw ``sheet`` on ``page``, before the page's own content, as a form XObject called ``name``.

    pypdf's ``merge_page`` would parse and rewrite the page's whole content
    stream; this adds one drawing operation. It comes first, in the page's
    initial graphics state, because a page's content need not restore the state
    it changes (WeasyPrint's SVG drawing does not always); the footer lies in
    the margin, so nothing covers it. The name must differ per page:
    WeasyPrint's pages share one resource dictionary.
    """
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    def stream(data: bytes, extra: dict[str, Any] | None = None) -> Any:
        content = DecodedStreamObject()
        content.set_data(data)
        content.update(extra or {})
        return writer._add_object(content)

    form = stream(sheet.get_contents().get_data(), {
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): ArrayObject(sheet.mediabox),
        NameObject("/Resources"): sheet["/Resources"].clone(writer),
    })
    resources = page["/Resources"].get_object()
    if "/XObject" not in resources:
        resources[NameObject("/XObject")] = DictionaryObject()
    resources["/XObject"].get_object()[NameObject(name)] = form
    contents = page["/Contents"].get_object()
    existing = list(contents) if isinstance(contents, ArrayObject) else [page.raw_get("/Contents")]
    page[NameObject("/Contents")] = ArrayObject([stream(f"q {name} Do Q\n".encode()), *existing])
