"""Run the extraction over a stream of articles, in this process or on ``jobs`` cores.

Articles travel in chunks (``chunk_size`` articles): a worker process parses and analyzes
a whole chunk and sends back its rows already flattened and serialized
(:class:`~.rows.ExtractedArticle`), which serialize far smaller and faster than documents.
The lexicons are built once in the parent and handed to each worker once, when it
starts, never per chunk.

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

DEFAULT_CHUNK = 64
IN_FLIGHT_PER_JOB = 2

_WORKER: dict[str, Any] = {}
T = TypeVar("T")
R = TypeVar("R")


def extract_chunk(chunk: list[RawArticle], lexicons: Lexicons, raw: bool, with_record: bool) -> list[ExtractedArticle]:
    """Parse and analyze a chunk of articles into their output rows."""
    return [
        extracted(analyze_document(parsed_article(article, lexicons, raw), lexicons), with_record=with_record)
        for article in chunk
    ]


def _init_worker(lexicons: Lexicons, raw: bool, with_record: bool) -> None:
    _WORKER.update(lexicons=lexicons, raw=raw, with_record=with_record)


def _worker_chunk(chunk: list[RawArticle]) -> list[ExtractedArticle]:
    return extract_chunk(chunk, _WORKER["lexicons"], _WORKER["raw"], _WORKER["with_record"])


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
    with_record: bool = True,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[list[ExtractedArticle]]:
    """The rows of each chunk of ``articles``, chunk by chunk, in input order."""
    check_jobs(jobs)
    chunks = batched(articles, chunk_size)
    if jobs == 1:
        for chunk in chunks:
            yield extract_chunk(chunk, lexicons, raw, with_record)
        return
    with worker_pool(jobs, _init_worker, (lexicons, raw, with_record)) as pool:
        yield from ordered_map(_worker_chunk, chunks, pool, jobs)


@contextmanager
def worker_pool(jobs: int, initializer: Callable[..., None], initargs: tuple) -> Iterator[Pool]:
    """``jobs`` worker processes; ``initializer(*initargs)`` runs once in each (to hand it the lexicons).

    On Linux the workers are forked, so they share the parent's loaded modules: a caller
    that will hold much data (a corpus, its tables) starts the pool before loading it, so
    the workers do not begin as copies of all of it.
    """
    # fork shares the parent's loaded modules; elsewhere a worker imports framing afresh.
    method = "fork" if sys.platform.startswith("linux") else "spawn"
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
