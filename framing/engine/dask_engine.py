"""Extraction on a Dask cluster (the ``framing[dask]`` extra).

Two ways in:

- ``framing extract CORPUS -o DIR --engine dask --scheduler tcp://HOST:8786`` (:func:`run_dask`):
  this process reads the corpus as a stream and sends chunks of articles to the cluster
  as tasks, a bounded number at a time, and writes their rows in input order with the
  same writers as the local engine, so the files are byte-identical to ``--engine local``.
  The lexicons are built here and sent to every worker once (``scatter(broadcast=True)``),
  so workers need framing installed but no lexicon files and no access to the corpus.
- :func:`extract_dataframe`: a Dask bag (of texts, or of dicts with ``text`` and optionally
  ``id``, ``outlet``, ``title``, ``date``, ``url``, ``story``) or a Dask dataframe with a
  ``text`` column in; a Dask dataframe of article rows (or span rows) out, one
  ``map_partitions`` over the input, for corpora that already live on the cluster.

Extraction holds the GIL, so give each worker process one thread
(``dask worker ADDRESS --nworkers N --nthreads 1``).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import pandas as pd

from ..corpus import RawArticle
from ..corpus.loading import OPTIONAL_FIELDS, article_from_row
from ..corpus.streaming import batched
from ..errors import FramingInputError
from ..lexicons import Lexicons
from .local import DEFAULT_CHUNK, extract_chunk
from .output import is_int_column
from .rows import EXTRACT_SPAN_COLUMNS, ExtractedArticle

CONNECT_TIMEOUT = "5s"
IN_FLIGHT_PER_THREAD = 2
_SAMPLE = "Officials said the talks may resume."


def connect(address: str, timeout: str = CONNECT_TIMEOUT):
    """A ``distributed.Client`` on ``address``, or a one-line error if none answers in ``timeout``."""
    try:
        from distributed import Client
    except ImportError:
        raise FramingInputError(
            "--engine dask", "needs Dask, which is not installed", "Install it: pip install 'framing[dask]'"
        ) from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as error:
        reason = (str(error).strip().splitlines() or [type(error).__name__])[0].rstrip(".")
        raise FramingInputError(
            address, f"no Dask scheduler answers there ({reason})",
            "Start one with 'dask scheduler' and workers with 'dask worker ADDRESS', or fix --scheduler",
        ) from None


def run_dask(
    articles: Iterable[RawArticle],
    lexicons: Lexicons,
    scheduler: str | None,
    *,
    raw: bool = False,
    row_format: str = "records",
    chunk_size: int = DEFAULT_CHUNK,
) -> Iterator[list[ExtractedArticle]]:
    """The rows of each chunk of ``articles``, computed on the cluster, in input order."""
    if not scheduler:
        raise FramingInputError("--engine dask", "needs a scheduler", "Pass --scheduler tcp://HOST:8786")
    client = connect(scheduler)
    try:
        threads = max(1, sum(client.nthreads().values()))
        shared = client.scatter(lexicons, broadcast=True)
        pending: deque = deque()
        for chunk in batched(articles, chunk_size):
            pending.append(client.submit(extract_chunk, chunk, shared, raw, row_format, pure=False))
            if len(pending) >= IN_FLIGHT_PER_THREAD * threads:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        client.close()


def extract_dataframe(collection: Any, *, lexicons: Lexicons | None = None, raw: bool = False,
                      spans: bool = False):
    """Article rows (or, with ``spans``, span rows) of a Dask bag or dataframe of texts.

    The rows are those of ``framing extract --format parquet`` (``articles`` and ``spans``
    tables). A row without an ``id`` gets ``"<partition>-<row>"``. The lexicons (bundled
    ones unless given) travel to the workers once, as one key of the graph.
    """
    import dask
    import dask.bag as db

    from ..lexicons import load_lexicons

    lexicons = lexicons or load_lexicons()
    if isinstance(collection, db.Bag):
        collection = collection.map(lambda item: {"text": item} if isinstance(item, str) else dict(item))
        meta = pd.DataFrame({name: pd.Series(dtype=object) for name in ("id", "text", *OPTIONAL_FIELDS)})
        collection = collection.to_dataframe(meta=meta)
    if "text" not in collection.columns:
        raise FramingInputError("(dataframe)", "has no 'text' column", "Name the article column 'text'")
    meta = _partition_rows(pd.DataFrame({"text": [_SAMPLE]}), lexicons, raw, spans, None).iloc[:0]
    return collection.map_partitions(
        _partition_rows, dask.delayed(lexicons), raw, spans, meta=meta, align_dataframes=False
    )


def _partition_rows(
    frame: pd.DataFrame, lexicons: Lexicons, raw: bool, spans: bool, partition_info: dict | None = None
) -> pd.DataFrame:
    """One partition of texts → its article (or span) rows, with the columns and types of every partition."""
    number = partition_info["number"] if partition_info else 0
    articles = []
    for position, row in enumerate(frame.to_dict("records")):
        present = {key: value for key, value in row.items() if value is not None and value == value}  # not NaN
        where = f"(partition {number}, row {position + 1})"
        articles.append(article_from_row(present, where, f"{number}-{position}"))
    items = extract_chunk(articles, lexicons, raw, "tables")
    if spans:
        rows = [span for item in items for span in item.spans]
        table = pd.DataFrame(rows, columns=list(EXTRACT_SPAN_COLUMNS))
    else:
        rows = [item.article for item in items]
        table = pd.DataFrame(rows, columns=list(items[0].article) if items else None)
    for column in table.columns:
        if is_int_column(column):
            table[column] = table[column].astype("int64")
        elif table[column].dtype != object and not pd.api.types.is_string_dtype(table[column]):
            table[column] = table[column].astype("float64")
    return table
