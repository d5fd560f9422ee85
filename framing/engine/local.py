"""Run the extraction over a stream of articles, in this process or on ``jobs`` cores.

Articles travel in chunks (``chunk_size`` articles): a worker process parses and analyzes
a whole chunk and sends back its rows already flattened and serialized
(:class:`~.rows.ExtractedArticle`), which serialize far smaller and faster than documents.
The lexicons are built once in the parent and handed to each worker once, when it
starts, never per chunk.

Start: on Linux the workers are forked after the parent has analyzed one short text of its
own (:func:`warm_up`), so the one-time loads a first article triggers (the syllable
dictionary, the hyphenator, the extractors' lazy imports, the caches built per lexicon
set: about 0.3 CPU-seconds) are done once and inherited, not repeated in every worker.
Chunks are small (``DEFAULT_CHUNK``), so both workers get work at once and the last chunk,
run by one worker while the other idles, is short.

Order and memory: chunks are submitted ahead only up to ``2 × jobs`` at a time, and
collected in submission order, so the output is in input order and byte-identical for
any number of jobs, and at most a few chunks are ever in memory. (``Pool.imap`` would
read the whole input ahead of the workers.)
"""

from __future__ import annotations

import multiprocessing
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from multiprocessing.pool import Pool
from typing import Any, TypeVar

from ..analysis import analyze_document, parsed_article
from ..corpus import RawArticle
from ..corpus.streaming import batched
from ..errors import FramingParameterError
from ..lexicons import Lexicons
from .rows import ExtractedArticle, extracted

DEFAULT_CHUNK = 16  # divides the 512-row output batch; 64 left a tail of up to 0.3 s on one core
WARM_UP_TEXT = (
    "Officials said on Monday that the new plan \"may well work,\" according to a report. "
    "The minister, who denied the claims, told reporters she was confident."
)
IN_FLIGHT_PER_JOB = 2

_WORKER: dict[str, Any] = {}
T = TypeVar("T")
R = TypeVar("R")


def extract_chunk(chunk: list[RawArticle], lexicons: Lexicons, raw: bool, row_format: str) -> list[ExtractedArticle]:
    """Parse and analyze a chunk of articles into the rows an output of ``row_format`` writes."""
    return [
        extracted(analyze_document(parsed_article(article, lexicons, raw), lexicons), row_format=row_format)
        for article in chunk
    ]


def _init_worker(lexicons: Lexicons, raw: bool, row_format: str) -> None:
    _WORKER.update(lexicons=lexicons, raw=raw, row_format=row_format)


def _worker_chunk(chunk: list[RawArticle]) -> list[ExtractedArticle]:
    return extract_chunk(chunk, _WORKER["lexicons"], _WORKER["raw"], _WORKER["row_format"])


def check_jobs(jobs: int) -> int:
    if jobs < 1:
        raise FramingParameterError("jobs", f"must be 1 or more, not {jobs!r}", "Pass how many cores to use, e.g.",
                                    example=2)
    return jobs


def run_local(
    articles: Iterable[RawArticle],
    lexicons: Lexicons,
    *,
    raw: bool = False,
    row_format: str = "records",
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[list[ExtractedArticle]]:
    """The rows of each chunk of ``articles``, chunk by chunk, in input order."""
    check_jobs(jobs)
    chunks = batched(articles, chunk_size)
    if jobs == 1:
        for chunk in chunks:
            yield extract_chunk(chunk, lexicons, raw, row_format)
        return
    if forks():
        warm_up(lexicons, raw)
    with worker_pool(jobs, _init_worker, (lexicons, raw, row_format)) as pool:
        yield from ordered_map(_worker_chunk, chunks, pool, jobs)


def warm_up(lexicons: Lexicons, raw: bool) -> None:
    """Analyze one short text of our own, so that forked workers inherit every one-time load."""
    extract_chunk([RawArticle(id="warm-up", text=WARM_UP_TEXT, path="")], lexicons, raw, "lines")


def forks() -> bool:
    """Whether worker processes are forked (Linux), and so inherit this process's loaded state."""
    return sys.platform.startswith("linux")


@contextmanager
def worker_pool(jobs: int, initializer: Callable[..., None], initargs: tuple) -> Iterator[Pool]:
    """``jobs`` worker processes; ``initializer(*initargs)`` runs once in each (to hand it the lexicons).

    On Linux the workers are forked, so they share the parent's loaded modules: a caller
    that will hold much data (a corpus, its tables) starts the pool before loading it, so
    the workers do not begin as copies of all of it.
    """
    # fork shares the parent's loaded modules; elsewhere a worker imports framing afresh.
    method = "fork" if forks() else "spawn"
    context = multiprocessing.get_context(method)
    with context.Pool(jobs, initializer=initializer, initargs=initargs) as pool:
        yield pool


def ordered_map(function: Callable[[T], R], items: Iterable[T], pool: Pool, jobs: int) -> Iterator[R]:
    """``map(function, items)`` on the ``jobs`` processes of ``pool``: results in input order, a bounded number ahead.

    At most ``IN_FLIGHT_PER_JOB × jobs`` items are submitted and not yet collected, so a
    long input is never read far ahead of the workers.
    """
    pending: deque = deque()
    for item in items:
        pending.append(pool.apply_async(function, (item,)))
        if len(pending) >= IN_FLIGHT_PER_JOB * jobs:
            yield pending.popleft().get()
    while pending:
        yield pending.popleft().get()
