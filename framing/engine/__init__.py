"""Extraction engines for whole corpora: streamed, in batches, on one or many cores, or on Dask.

``framing.analyze`` returns a list, which suits one story. :func:`extract_corpus` streams
a corpus of any size through the same parse and extractors and writes the results as they
come (:mod:`.output`), so memory holds a few batches, not the corpus:

- ``engine="local"``: this process (``jobs=1``) or a pool of ``jobs`` worker processes
  (:mod:`.local`);
- ``engine="dask"``: the chunks are tasks on a Dask cluster (:mod:`.dask_engine`, the
  ``framing[dask]`` extra).

Every engine and job count writes the same bytes: chunks come back in input order and
are written by this process alone.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..corpus.streaming import count_articles, iter_articles
from ..lexicons import Lexicons
from .local import DEFAULT_CHUNK, check_jobs, run_local
from .output import FORMATS, ExtractOutput
from .rows import ExtractedArticle

__all__ = ["DEFAULT_CHUNK", "FORMATS", "ExtractOutput", "check_jobs", "extract_corpus"]

ENGINES = ("local", "dask")


def extract_corpus(
    paths: Iterable[str | Path],
    output: ExtractOutput,
    lexicons: Lexicons,
    *,
    raw: bool = False,
    jobs: int = 1,
    chunk_size: int = DEFAULT_CHUNK,
    engine: str = "local",
    scheduler: str | None = None,
    progress: bool = False,
) -> list[Path]:
    """Extract every article at ``paths`` into ``output``; the files written, once all is done.

    On any error every temporary file is removed, so nothing is half-written.
    """
    paths = list(paths)
    check_jobs(jobs)
    articles = iter_articles(paths)
    bar = _progress_bar(paths) if progress else None
    try:
        if engine == "dask":
            from .dask_engine import run_dask

            batches: Iterator[list[ExtractedArticle]] = run_dask(
                articles, lexicons, scheduler, raw=raw, row_format=output.row_format, chunk_size=chunk_size
            )
        else:
            batches = run_local(
                articles, lexicons, raw=raw, row_format=output.row_format, jobs=jobs, chunk_size=chunk_size
            )
        words = 0
        for number, batch in enumerate(batches):
            output.write(batch)
            if number == 0 and jobs > 1:
                output.preload()  # while the workers run, not after the last article
            if bar is not None:
                words += sum(item.article["n_words"] for item in batch)
                bar.set_postfix_str(f"{words:,} words", refresh=False)
                bar.update(len(batch))
        return output.commit()
    except BaseException:
        output.discard()
        raise
    finally:
        if bar is not None:
            bar.close()


def _progress_bar(paths: list[str | Path]):
    """A tqdm bar on stderr: articles done, of how many, articles/s and time left."""
    from tqdm import tqdm

    return tqdm(total=count_articles(paths), unit=" articles", file=sys.stderr, dynamic_ncols=True,
                desc="extract", smoothing=0.1)
