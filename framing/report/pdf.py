"""Render the report's HTML to PDF with WeasyPrint.

The PDF is printed from the very HTML string the browser gets (print styles in
the same stylesheet), so the two can never drift apart. WeasyPrint is imported
only here, because loading it costs about a second. It is given a URL fetcher
that refuses everything but ``data:`` URIs: the report must never reach out.
"""

from __future__ import annotations

from typing import Any


def render_pdf(html_text: str) -> bytes:
    import weasyprint

    def offline_fetcher(url: str, *args: Any, **kwargs: Any) -> Any:
        if url.startswith("data:"):
            return weasyprint.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"the report may not load {url!r}")

    document = weasyprint.HTML(string=html_text, url_fetcher=offline_fetcher, base_url=None)
    return document.write_pdf()
