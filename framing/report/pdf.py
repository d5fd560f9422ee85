"""Render the report's HTML to PDF with WeasyPrint.

The PDF is printed from the very HTML string the browser gets (print styles in
the same stylesheet), so the two can never drift apart. WeasyPrint is given a URL
fetcher that refuses everything but ``data:`` URIs: the report never reaches out.

Importing WeasyPrint costs about a second. :class:`PdfWorker` starts a child
process that pays it on the second core while the parent draws the charts, then
prints the HTML it is sent (``python -m framing.report.pdf < page.html > page.pdf``).
"""

from __future__ import annotations

import subprocess
import sys
from typing import Any


def render_pdf(html_text: str) -> bytes:
    import weasyprint

    def offline_fetcher(url: str, *args: Any, **kwargs: Any) -> Any:
        if url.startswith("data:"):
            return weasyprint.default_url_fetcher(url, *args, **kwargs)
        raise ValueError(f"the report may not load {url!r}")

    document = weasyprint.HTML(string=html_text, url_fetcher=offline_fetcher, base_url=None)
    return document.write_pdf()


class PdfWorker:
    """A child process that imports WeasyPrint now and prints one HTML page later.

    A class because the child process is real state: it must be fed once and
    always reaped (:meth:`close`), even when rendering the HTML fails.
    """

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "framing.report.pdf"],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            )
        except OSError:  # no subprocesses here: print in this process instead
            self.process = None

    def render(self, html_text: str) -> bytes:
        if self.process is None:
            return render_pdf(html_text)
        output, errors = self.process.communicate(html_text.encode("utf-8"))
        if self.process.returncode != 0 or not output.startswith(b"%PDF"):
            lines = errors.decode("utf-8", "replace").strip().splitlines()
            raise RuntimeError(f"the PDF renderer failed: {lines[-1] if lines else f'exit {self.process.returncode}'}")
        return output

    def close(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.communicate()


def main() -> int:
    import weasyprint  # noqa: F401  (paid up front, while the parent is still drawing)

    html_text = sys.stdin.buffer.read().decode("utf-8")
    sys.stdout.buffer.write(render_pdf(html_text))
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
