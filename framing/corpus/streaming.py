"""Read a corpus as a stream of raw articles, so memory does not grow with its size.

:func:`load_articles` reads every file whole and returns a list, which is right for a
story of a few articles and wrong for months of coverage: 5M words held as text, rows and
documents took 3 GB. :func:`iter_articles` yields the same :class:`RawArticle` rows one
at a time: JSON Lines line by line, CSV row by row, Parquet record batch by record batch
(only the columns framing reads); folders and single article files are small and go
through :mod:`.loading` unchanged. Errors are the same one-line
:class:`~framing.errors.FramingInputError` (file, line, problem, fix).

Only the article ids are kept (to refuse a duplicate id), a few dozen bytes per article.
"""

from __future__ import annotations

import codecs
import csv
import sys
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

from ..errors import FramingInputError
from .loading import OPTIONAL_FIELDS, RawArticle, _article_from_row, _load_path, csv_rows, jsonl_rows, unique_ids

STREAM_SUFFIXES = (".jsonl", ".csv", ".parquet")
# The record batch read from a Parquet file at a time (rows).
PARQUET_BATCH_ROWS = 1024
_SNIFF_BYTES = 8192
_FALLBACK_ERRORS = "framing-cp1252"

T = TypeVar("T")


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Decode the bytes UTF-8 rejects as Windows-1252, as ``read_text`` does for a whole file."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start:error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error(_FALLBACK_ERRORS, _cp1252_fallback)


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` items (the last one shorter): the unit of work and of output."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def iter_articles(paths: Iterable[str | Path]) -> Iterator[RawArticle]:
    """Articles from each path in order, one at a time (see the module docstring).

    Same rows, ids and errors as :func:`load_articles`; a repeated id is refused when it
    is reached, which may be after earlier articles were yielded (the writers only rename
    their outputs into place at the end, so nothing is half-written).
    """
    return unique_ids(article for path in map(Path, paths) for article in _iter_path(path))


def _iter_path(path: Path) -> Iterator[RawArticle]:
    suffix = path.suffix.lower()
    if path.is_file() and suffix == ".jsonl":
        return _stream_jsonl(path)
    if path.is_file() and suffix == ".csv":
        return _stream_csv(path)
    if path.is_file() and suffix == ".parquet":
        return _stream_parquet(path)
    return iter(_load_path(path))  # folders, article files, and every error of a missing or odd path


def _open_text(path: Path, newline: str | None = None):
    """A text stream over ``path``: UTF-8, with bytes that are not UTF-8 read as Windows-1252.

    A file with NUL bytes near its start is refused as binary, like :func:`read_text`.
    """
    try:
        with path.open("rb") as probe:
            head = probe.read(_SNIFF_BYTES)
    except OSError as error:
        raise FramingInputError(path, f"cannot be read ({error.strerror})", "Check its permissions") from None
    if b"\x00" in head:
        raise FramingInputError(path, "is a binary file, not text", "Give framing .jsonl, .csv or .parquet tables")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < len(head) - 4:  # not merely a character cut at the sniff boundary
            print(f"framing: warning: {path}: not UTF-8; decoded as Windows-1252/Latin-1", file=sys.stderr)
    return path.open(encoding="utf-8-sig", errors=_FALLBACK_ERRORS, newline=newline)


def _stream_jsonl(path: Path) -> Iterator[RawArticle]:
    with _open_text(path) as stream:
        yield from jsonl_rows(path, stream)


def _stream_csv(path: Path) -> Iterator[RawArticle]:
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))  # an article is a long field
    with _open_text(path, newline="") as stream:
        yield from csv_rows(path, stream)


def _require_text_column(path: Path, columns: list[str]) -> None:
    if "text" not in columns:
        raise FramingInputError(
            path,
            f"has no 'text' column (columns: {', '.join(columns) or 'none'})",
            "Name the article column 'text' (and optionally id, outlet, title, date, url, story)",
        )


def _stream_parquet(path: Path) -> Iterator[RawArticle]:
    """Rows of a Parquet file, one record batch at a time; row numbers count from 1."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        parquet = pq.ParquetFile(path)
    except (pa.ArrowException, OSError) as error:
        raise FramingInputError(
            path, f"is not a readable Parquet file ({_first_line(error)})", "Export the table again"
        ) from None
    names = parquet.schema_arrow.names
    _require_text_column(path, names)
    wanted = [name for name in ("id", "text", *OPTIONAL_FIELDS, "story") if name in names]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
            for row in batch.to_pylist():
                number += 1
                yield _article_from_row(row, f"{path}:row {number}", str(number))
    except (pa.ArrowException, OSError) as error:
        raise FramingInputError(
            f"{path}:row {number + 1}", f"cannot be read ({_first_line(error)})", "Export the table again"
        ) from None
    if not number:
        raise FramingInputError(path, "holds no articles", "Add one row per article")


def _first_line(error: BaseException) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0].rstrip(".")


def count_articles(paths: Iterable[str | Path]) -> int | None:
    """How many articles ``paths`` hold, cheaply, for a progress bar's ETA (None when unknown).

    JSON Lines: non-blank lines (a fast byte scan); Parquet: the row count in its footer;
    CSV needs a parse of its quoting, which costs about as much as reading it, so it counts
    as unknown, like a folder's files.
    """
    total = 0
    for path in map(Path, paths):
        suffix = path.suffix.lower()
        try:
            if path.is_file() and suffix == ".jsonl":
                with path.open("rb") as stream:
                    total += sum(1 for line in stream if line.strip())
            elif path.is_file() and suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(path).metadata.num_rows
            elif path.is_file() and suffix in (".txt", ".md", ".html", ".htm"):
                total += 1
            else:
                return None
        except Exception:  # the reader reports a broken file properly; the bar just goes without a total
            return None
    return total
