"""HTML to text through trafilatura, a maintained main-content extractor.

Imported lazily: trafilatura is slow to import and plain-text corpora never need it.
"""

from __future__ import annotations

from ..errors import FramingInputError


def html_to_text(html: str, path: str) -> tuple[str, str]:
    """The main text of an HTML page (paragraphs on their own lines) and its title."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, include_comments=False, include_tables=False, favor_precision=True, with_metadata=True
    )
    text = (getattr(document, "text", None) or "").strip() if document is not None else ""
    if not text:
        raise FramingInputError(
            path,
            "holds no article text that could be extracted from the HTML",
            "Save the article page itself, or its text as .txt",
        )
    title = (getattr(document, "title", None) or "").strip()
    return text, title
