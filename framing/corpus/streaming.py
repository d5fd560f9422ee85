"""The one way framing reads a corpus: a registry from file type to a streaming reader.

:func:`iter_articles` yields :class:`RawArticle` rows one at a time, so memory does not
grow with the corpus (5M words held as text, rows and documents once took 3 GB): JSON Lines
line by line, CSV row by row, Parquet record batch by record batch (only the columns framing
reads); article files (.txt, .md, .html) and folders with their manifests through
:mod:`.loading`. :func:`load_articles` is the same stream as a list, for a story of a few
articles. Every command reads through here, so every command accepts the same paths, and
errors are the same one-line :class:`~framing.errors.FramingInputError` (file, line, problem,
fix).

Only the article ids are kept (to refuse a duplicate id), a few dozen bytes per article.
"""

from __future__ import annotations

import codecs
import csv
import sys
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from pathlib import Path
from typing import TypeVar

from ..errors import FramingInputError
from .loading import (
    ARTICLE_SUFFIXES,
    OPTIONAL_FIELDS,
    UTF16_BOMS,
    RawArticle,
    article_from_row,
    csv_rows,
    jsonl_rows,
    load_article_file,
    load_folder,
    unique_ids,
)

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

    A repeated id is refused when it is reached, which may be after earlier articles were
    yielded (the writers only rename their outputs into place at the end, so nothing is
    half-written).
    """
    return unique_ids(article for path in map(Path, paths) for article in _read_path(path))


def load_articles(paths: Iterable[str | Path]) -> list[RawArticle]:
    """Every article of ``paths`` as a list: :func:`iter_articles`, read to the end."""
    return list(iter_articles(paths))


def _read_path(path: Path) -> Iterator[RawArticle]:
    if not path.exists():
        raise FramingInputError(path, "no such file or folder", "Check the path")
    if path.is_dir():
        return iter(load_folder(path))
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise FramingInputError(
            path,
            f"unsupported file type {path.suffix.lower() or '(none)'!r}",
            f"Use one of: {', '.join(READERS)}, or a folder",
        )
    return reader(path)


def _read_article_file(path: Path) -> Iterator[RawArticle]:
    yield load_article_file(path, path.stem)


def _open_text(path: Path, newline: str | None = None):
    """A text stream over ``path``: UTF-8, with bytes that are not UTF-8 read as Windows-1252.

    A file with NUL bytes near its start is refused as binary, like :func:`read_text`.
    """
    try:
        with path.open("rb") as probe:
            head = probe.read(_SNIFF_BYTES)
    except OSError as error:
        raise FramingInputError(path, f"cannot be read ({error.strerror})", "Check its permissions") from None
    if head.startswith(UTF16_BOMS):  # what Windows Notepad and Excel save as "Unicode", as read_text reads it
        return path.open(encoding="utf-16", newline=newline)
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
    wanted = [name for name in ("id", "text", *OPTIONAL_FIELDS) if name in names]
    number = 0
    try:
        for batch in parquet.iter_batches(batch_size=PARQUET_BATCH_ROWS, columns=wanted):
            for row in batch.to_pylist():
                number += 1
                yield article_from_row(row, f"{path}:row {number}", str(number))
    except (pa.ArrowException, OSError) as error:
        raise FramingInputError(
            f"{path}:row {number + 1}", f"cannot be read ({_first_line(error)})", "Export the table again"
        ) from None
    if not number:
        raise FramingInputError(path, "holds no articles", "Add one row per article")


# File type → reader. Every command reads through this table; a new format is one entry here.
READERS: dict[str, Callable[[Path], Iterator[RawArticle]]] = {
    **dict.fromkeys(ARTICLE_SUFFIXES, _read_article_file),
    ".jsonl": _stream_jsonl,
    ".csv": _stream_csv,
    ".parquet": _stream_parquet,
}


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
            elif path.is_file() and suffix in ARTICLE_SUFFIXES:
                total += 1
            else:
                return None
        except Exception:  # the reader reports a broken file properly; the bar just goes without a total
            return None
    return total
