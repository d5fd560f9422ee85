"""Print the report's HTML to PDF with WeasyPrint, in parts, in parallel.

The PDF is printed from the very template the browser page comes from (print
styles in the same stylesheet), so the two can never drift apart. WeasyPrint is
given a URL fetcher that refuses everything but ``data:`` URIs: the report never
reaches out.

Why parts: WeasyPrint lays out one document on one core, and on the seeds that
alone took longer than the whole 5 s budget. So the page is cut into parts at
section and article boundaries (:func:`plan_parts`), and a child process prints
them while the parent is still computing: the articles first (they need no
comparison), the charts last. On Linux the child forks two printers after
importing WeasyPrint once; elsewhere it prints the parts one after another.
:func:`~.printing.assemble` joins the parts with pypdf, rebuilds one outline and
draws a footer sheet under every page: "page N of M" can only be known once all
parts are printed, so one printer lays the sheet out while the child joins them.

One child prints several documents too: the classroom exercises send the
worksheet and the teacher's key to the same child, so WeasyPrint is imported
once, both files share the two printers, and each is joined as soon as its own
parts are printed.

Protocol of the child (``python -m framing.report.pdf``): on stdin, messages
``part <document> <index> <nbytes>\\n<html>``, then ``finish <document>
<nbytes>\\n<title>`` for each document and finally ``end``; on stdout, for each
document in the order it was finished, ``<document> <nbytes>\\n`` and its PDF.
Document names are single words (``report``, ``worksheet``, ``key``).
"""

from __future__ import annotations

import contextlib
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import Executor, Future
from typing import IO, Any

from ..errors import FramingInputError
from .html import PagePart
from .printing import assemble, document_footer, footer_pdf, print_part

# Articles per part: at most this many parts of articles, so the per-part costs
# (stylesheet, fonts, one more PDF to join) stay small next to the layout.
MAX_ARTICLE_PARTS = 4
PRINTERS = 2
REPORT = "report"  # the document name when a worker prints one document
FULL_PRIORITY = "--full-priority"  # the child's flag: printers at normal priority (PdfWorker(yield_to_parent=False))
EXIT_NO_WEASYPRINT = 3  # the child's exit status when WeasyPrint (or its Pango) cannot be loaded


def group_by_weight(weights: Sequence[float], max_groups: int) -> list[list[int]]:
    """Indexes ``0..len(weights)-1`` cut in order into at most ``max_groups`` runs of about equal weight.

    Shared by the report (articles) and the classroom exercises (items): a run is
    one part of the printed PDF, laid out by a printer of its own.
    """
    groups: list[list[int]] = []
    target = sum(weights) / max(1, min(max_groups, len(weights)))
    running = 0.0
    for index, weight in enumerate(weights):
        if not groups or (running >= target and len(groups) < max_groups):
            groups.append([])
            running = 0.0
        groups[-1].append(index)
        running += weight
    return groups


def plan_parts(model: Mapping[str, Any]) -> list[PagePart]:
    """The parts of the printed report, in page order.

    Articles are grouped in order into parts of about equal size (by their
    number of words and evidence notes), the legend riding with the first.
    """
    weights = [article["n_words"] + 40 * len(article["entries"]) for article in model["articles"]]
    groups = group_by_weight(weights, MAX_ARTICLE_PARTS)
    front = [PagePart(frozenset(names)) for names in ({"header", "overview"}, {"charts"}, {"comparison"})]
    middle = [PagePart(frozenset({"legend"} if n == 0 else set()), tuple(group)) for n, group in enumerate(groups)]
    back = [PagePart(frozenset({"method", "reproducibility"}))]
    return front + middle + back


class PdfWorker:
    """A child process that imports WeasyPrint now and prints the parts it is sent as they come.

    A class because the child process is real state: it must be fed in order,
    finished once and always reaped (:meth:`close`), even when rendering fails.
    It prints one document (the report: :meth:`submit` and :meth:`finish`) or
    several (the exercises: ``document=`` and :meth:`finish_all`). Without
    subprocesses it keeps the parts and prints them itself at the end.
    """

    def __init__(self, *, yield_to_parent: bool = True) -> None:
        """Start the child. ``yield_to_parent=False`` keeps its printers at normal priority.

        The report's printers yield (``nice 5``) because they print while the parent
        still computes the comparison and charts. The exercises print only once
        the parent is done; there, yielding would only hand the CPU to other
        people's processes on a shared machine.
        """
        self.process: subprocess.Popen[bytes] | None
        self.pending: dict[str, dict[int, str]] = {}
        self.delivered = False  # every PDF read: close() lets the child exit on its own instead of killing it
        # Parts are written by a thread: the child reads nothing while it imports
        # WeasyPrint, and a full pipe must not stall the parent's own work.
        self.outbox: queue.Queue[bytes | None] = queue.Queue()
        self.writer: threading.Thread | None = None
        # The child's warnings go to a file, not a pipe: a full stderr pipe would
        # block the child while the parent blocks writing the next part to it.
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (lives as long as the child; closed in close())
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "framing.report.pdf", *([] if yield_to_parent else [FULL_PRIORITY])],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors,
                start_new_session=hasattr(os, "killpg"),  # a process group of its own, for close()
            )
        except OSError:  # no subprocesses here: print in this process instead
            self.process = None
        else:
            self.writer = threading.Thread(target=self._write_parts, daemon=True)
            self.writer.start()

    def _write_parts(self) -> None:
        assert self.process is not None and self.process.stdin is not None
        while (message := self.outbox.get()) is not None:
            try:
                self.process.stdin.write(message)
                self.process.stdin.flush()
            except (BrokenPipeError, OSError):  # the child died; finish() reports why
                return

    def submit(self, index: int, html_text: str, document: str = REPORT) -> None:
        """Send part ``index`` (its place in the finished PDF) of ``document`` to be printed now."""
        if not DOCUMENT_NAME.fullmatch(document):
            raise ValueError(f"a document name is one word of letters, digits, - or _, not {document!r}")
        if self.process is None:
            self.pending.setdefault(document, {})[index] = html_text
            return
        data = html_text.encode("utf-8")
        self.outbox.put(f"part {document} {index} {len(data)}\n".encode() + data)

    def finish(self, title: str) -> bytes:
        """The whole PDF of the one document, once every part is printed."""
        return self.finish_all({REPORT: title})[REPORT]

    def finish_all(self, titles: Mapping[str, str]) -> dict[str, bytes]:
        """``{document: PDF}`` for each document in ``titles`` (its running title), once all are printed."""
        if self.process is None:
            return {document: assemble([print_part(html) for _, html in sorted(self.pending[document].items())],
                                       title) for document, title in titles.items()}
        for document, title in titles.items():
            data = title.encode("utf-8")
            self.outbox.put(f"finish {document} {len(data)}\n".encode() + data)
        self.outbox.put(b"end\n")
        self.outbox.put(None)
        if self.writer is not None:
            self.writer.join()
        with contextlib.suppress(OSError):
            self.process.stdin.close()  # type: ignore[union-attr]
        # Read the documents as they come, not to the end of the pipe: the end comes only once the
        # child and its printers have exited, and a process with WeasyPrint loaded takes about
        # 0.3 s to tear down (the child skips that, see ``__main__``).
        pdfs = dict(read_documents(self.process.stdout, len(titles)))  # type: ignore[arg-type]
        self.delivered = set(pdfs) == set(titles)
        if set(pdfs) != set(titles) or not all(pdf.startswith(b"%PDF") for pdf in pdfs.values()):
            self.process.wait()
            self.errors.seek(0)
            lines = self.errors.read().decode("utf-8", "replace").strip().splitlines()
            if self.process.returncode == EXIT_NO_WEASYPRINT:
                raise FramingInputError(
                    "--format pdf", f"WeasyPrint cannot start here ({lines[-1] if lines else 'no details'})",
                    "Install Pango as WeasyPrint's installation notes describe, or use --format html",
                )
            raise RuntimeError(f"the PDF renderer failed: {lines[-1] if lines else f'exit {self.process.returncode}'}")
        return pdfs

    def close(self) -> None:
        """Stop the child and its printers (if still running) and release everything."""
        self.outbox.put(None)
        if self.process is not None:
            if self.process.poll() is None and not self.delivered:
                self._kill()
            self.process.wait()
            for stream in (self.process.stdin, self.process.stdout):
                with contextlib.suppress(OSError):
                    stream.close()  # type: ignore[union-attr]
        if self.writer is not None:
            self.writer.join()
        self.errors.close()

    def _kill(self) -> None:
        """Kill the child's whole process group: its forked printers would outlive it and hold its pipes."""
        assert self.process is not None
        if hasattr(os, "killpg"):
            with contextlib.suppress(OSError):
                os.killpg(self.process.pid, signal.SIGKILL)
        else:
            self.process.kill()


DOCUMENT_NAME = re.compile(r"[A-Za-z0-9_-]+")


@contextlib.contextmanager
def pdf_worker(
    formats: Sequence[str], *, yield_to_parent: bool = True, started: PdfWorker | None = None
) -> Iterator[PdfWorker | None]:
    """A :class:`PdfWorker` when ``formats`` asks for PDF (else None), closed on the way out.

    Commands enter this first, before importing pandas or analysing anything: the
    child needs about a second to import WeasyPrint, and it imports while the
    parent does its own work instead of after it. The functions they call enter it
    again with ``started=`` that worker: it is used as it is and left to its owner to
    close; called without one (from Python), they start their own here.
    """
    if "pdf" not in formats:
        yield None
    elif started is not None:
        yield started
    else:
        worker = PdfWorker(yield_to_parent=yield_to_parent)
        try:
            yield worker
        finally:
            worker.close()


def read_messages(stream: IO[bytes]) -> Any:
    """Yield ``(kind, document, index, payload)`` from the parent's messages (see the module docstring)."""
    while header := stream.readline():
        words = header.decode("ascii").split()
        if words[:1] == ["part"] and len(words) == 4:
            yield "part", words[1], int(words[2]), stream.read(int(words[3])).decode("utf-8")
        elif words[:1] == ["finish"] and len(words) == 3:
            yield "finish", words[1], -1, stream.read(int(words[2])).decode("utf-8")
        elif words == ["end"]:
            return
        else:
            raise ValueError(f"unknown message {header!r}")


def read_documents(stream: IO[bytes], count: int) -> Any:
    """Yield up to ``count`` ``(document, pdf)`` from the child's output (``<document> <nbytes>\\n<pdf>``, repeated).

    Stops early, without an error, when the child's output ends (it failed; the caller says why).
    """
    for _ in range(count):
        words = stream.readline().decode("ascii", "replace").split()
        if len(words) != 2 or not words[1].isdigit():
            return
        yield words[0], stream.read(int(words[1]))


def printers(yielding: bool = True) -> Executor | None:
    """Two printers forked from this process (WeasyPrint already imported), on Linux; else None.

    Forking shares the imported WeasyPrint instead of importing it again per
    printer. Elsewhere (macOS, Windows) fork is unsafe or missing, and the parts
    are printed one after another. ``yielding`` printers run at a lower priority
    (:func:`yield_to_parent`).
    """
    if not sys.platform.startswith("linux"):
        return None
    import multiprocessing  # here, not at the top: the parent imports this module too, and never forks
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(
        max_workers=PRINTERS, mp_context=multiprocessing.get_context("fork"),
        initializer=yield_to_parent if yielding else None,
    )


def yield_to_parent() -> None:
    """Printers run at a lower priority: the parent's comparison and charts are on the critical path."""
    with contextlib.suppress(OSError):
        os.nice(5)


# A line in every style the pages use (page.css, the report's and the exercises' stylesheets).
WARM_UP_HTML = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>warm-up</title><style>
@page { size: A4; margin: 15mm 14mm 17mm; }
body { font-family: "DejaVu Sans", "Liberation Sans", sans-serif; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; }
</style></head><body><h1>Warm-up</h1><p>Text, <b>bold</b>, <i>italic</i>, <code>code:0-1</code>.</p>
<table><tr><th>a</th><td style="hyphens: auto; width: 12mm">administration</td></tr></table></body></html>"""


def warm_up() -> None:
    """Print and join a one-line document once, before the printers are forked.

    The first document a process prints pays for loading fontconfig and the
    fonts, importing pypdf and compiling the footer template (about 0.2 s of
    CPU, measured), and the first hyphenated word loads pyphen's English
    dictionary (0.28 s: the key's table cells hyphenate long words). Paid
    here, while the parent is still analysing, each forked printer inherits
    it instead of paying it again on the critical path.
    """
    assemble([print_part(WARM_UP_HTML)], "")


def main() -> int:
    try:
        import weasyprint  # noqa: F401  (paid up front, while the parent is still computing)
    except (ImportError, OSError) as error:  # typically Pango missing: the user's system, not a bug
        print(f"{type(error).__name__}: {error}", file=sys.stderr)
        return EXIT_NO_WEASYPRINT
    warm_up()
    pool = printers(yielding=FULL_PRIORITY not in sys.argv[1:])

    def run(function: Any, *args: Any) -> Any:
        return pool.submit(function, *args) if pool is not None else function(*args)

    def result(value: Any) -> Any:
        return value.result() if isinstance(value, Future) else value

    printed: dict[str, dict[int, Any]] = {}
    titles: dict[str, str] = {}
    try:
        for kind, document, index, payload in read_messages(sys.stdin.buffer):
            if kind == "finish":
                titles[document] = payload
            else:
                printed.setdefault(document, {})[index] = run(print_part, payload)
        # Each document is joined here as soon as its own parts are printed (the worksheet while the key
        # is still printing), while a printer lays out its footer sheet, and written in the order it was
        # finished.
        for document, title in titles.items():
            parts = [result(part) for _, part in sorted(printed.get(document, {}).items())]
            footer = run(footer_pdf, *document_footer(parts, title))
            data = assemble(parts, title, footer=lambda footer=footer: result(footer))
            sys.stdout.buffer.write(f"{document} {len(data)}\n".encode() + data)
            sys.stdout.buffer.flush()  # the parent reads each document as soon as it is whole
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    sys.stdout.buffer.flush()
    return 0


if __name__ == "__main__":
    status = main()
    sys.stdout.flush()
    sys.stderr.flush()
    # Skip the interpreter's teardown of WeasyPrint and its libraries (about 0.3 s): the parent
    # waits for this exit, and nothing here is left to clean up.
    os._exit(status)
