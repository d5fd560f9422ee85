"""Write extraction results in batches, all or nothing.

Each output file is written to a temporary file beside its target while the batches
stream in and renamed into place only when the whole corpus is done, so an error at
article 90,000 (a broken line, a full disk) leaves no file, and a reader never sees a
half-written one. Memory holds one batch, never the corpus.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from ..errors import FramingInputError, FramingParameterError
from ..fileio import StagedFile, csv_text
from ..schema import measure_kind
from .rows import EXTRACT_SPAN_COLUMNS, SPAN_INT_COLUMNS, ExtractedArticle, OutletTotals, json_lines

FORMATS = ("parquet", "jsonl")
DEFAULT_BATCH = 512  # articles per written batch (a Parquet row group)


class TableWriter:
    """Rows appended batch by batch to one ``.jsonl`` or ``.parquet`` table."""

    def __init__(self, target: Path, fmt: str) -> None:
        self.file = StagedFile(target)
        self.fmt = fmt
        self._stream: TextIO | None = None
        self._parquet: Any = None
        self._schema: Any = None

    def write(self, rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        if self.fmt == "jsonl":
            if self._stream is None:
                self._stream = self.file.open_text()
            self._stream.write(json_lines(rows))
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        if self._parquet is None:
            self._schema = _schema_of(rows[0])
            self._parquet = pq.ParquetWriter(self.file.temporary, self._schema, compression="zstd")
        self._parquet.write_table(pa.Table.from_pylist(list(rows), schema=self._schema))

    def write_lines(self, text: str) -> None:
        """Already-serialized JSON lines (the output contract's records)."""
        if self._stream is None:
            self._stream = self.file.open_text()
        self._stream.write(text)

    def write_empty(self, columns: Sequence[str], int_columns: Sequence[str]) -> None:
        """An empty Parquet table with ``columns`` (a corpus without a single span)."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        self._schema = pa.schema([(name, pa.int64() if name in int_columns else pa.string()) for name in columns])
        self._parquet = pq.ParquetWriter(self.file.temporary, self._schema, compression="zstd")

    def _close(self) -> None:
        if self._stream is not None:
            self._stream.close()
            self._stream = None
        if self._parquet is not None:
            self._parquet.close()
            self._parquet = None

    def commit(self) -> Path:
        self._close()
        return self.file.commit()

    def discard(self) -> None:
        try:
            self._close()
        finally:
            self.file.discard()


def is_int_column(name: str) -> bool:
    """Whether a numeric column of the article or span rows holds whole numbers (counts, offsets);
    every other numeric feature is a float column."""
    return name in SPAN_INT_COLUMNS or measure_kind(name) in ("count", "offset")


def _schema_of(row: dict[str, Any]):
    """A fixed Parquet schema from the first row: strings, whole-number counts, floats, lists."""
    import pyarrow as pa

    fields = []
    for name, value in row.items():
        if isinstance(value, list):
            kind = pa.list_(pa.string())
        elif isinstance(value, str):
            kind = pa.string()
        elif is_int_column(name):
            kind = pa.int64()
        else:
            kind = pa.float64()
        fields.append(pa.field(name, kind))
    return pa.schema(fields)


class ExtractOutput:
    """The files of ``framing extract``: a folder of tables, or the contract's JSON lines.

    ``folder`` and ``fmt`` → ``articles.<fmt>``, ``spans.<fmt>``, ``outlets.<fmt>`` and
    ``outlets.csv`` in ``folder``. ``records`` (a path) → one JSON line per article, the
    output contract, as ``framing extract -o FILE`` always wrote. Neither → those lines to
    standard output, as they come.
    """

    def __init__(
        self, *, folder: Path | None = None, fmt: str = "parquet", records: Path | None = None,
        batch_size: int = DEFAULT_BATCH,
    ) -> None:
        if fmt not in FORMATS:
            raise FramingParameterError("fmt", f"unknown format {fmt!r}", f"Use one of: {', '.join(FORMATS)}")
        if folder is not None and folder.exists() and not folder.is_dir():
            raise FramingInputError(folder, "is a file, not a folder", "Pass -o a folder, or a .jsonl file name")
        self.folder, self.fmt, self.records = folder, fmt, records
        self.totals = OutletTotals()
        self.batch_size = batch_size
        self._buffer: list[ExtractedArticle] = []
        self.writers: dict[str, TableWriter] = {}
        if folder is not None:
            for name in ("articles", "spans"):
                self.writers[name] = TableWriter(folder / f"{name}.{fmt}", fmt)
        elif records is not None:
            self.writers["records"] = TableWriter(records, "jsonl")

    @property
    def row_format(self) -> str:
        """What the workers build of each article for these files (:data:`~.rows.ROW_FORMATS`)."""
        if self.folder is None:
            return "records"
        return "lines" if self.fmt == "jsonl" else "tables"

    def preload(self) -> None:
        """Import what :meth:`commit` needs (pandas, for the outlet tables), so that with worker
        processes the import runs while they work, not after the last article."""
        if self.folder is not None:
            import pandas  # noqa: F401

    def write(self, items: Sequence[ExtractedArticle]) -> None:
        """Buffer rows and write them ``batch_size`` articles at a time (one Parquet row group each)."""
        self._buffer.extend(items)
        if len(self._buffer) >= self.batch_size:
            self._flush()

    def _flush(self) -> None:
        batch, self._buffer = self._buffer, []
        if not batch:
            return
        if self.folder is not None:
            self.totals.add(batch)
            if self.fmt == "jsonl":
                self.writers["articles"].write_lines("".join(item.record_line for item in batch))
                self.writers["spans"].write_lines("".join(item.span_lines for item in batch))
            else:
                self.writers["articles"].write([item.article for item in batch])
                self.writers["spans"].write([span for item in batch for span in item.spans])
        elif self.records is not None:
            self.writers["records"].write_lines("".join(item.record_line for item in batch))
        else:
            sys.stdout.write("".join(item.record_line for item in batch))
            sys.stdout.flush()

    def commit(self) -> list[Path]:
        """Write the outlet tables and rename every file into place."""
        self._flush()
        if self.folder is not None:
            import pandas as pd

            spans = self.writers["spans"]
            if spans.fmt == "parquet" and spans._schema is None:
                spans.write_empty(EXTRACT_SPAN_COLUMNS, SPAN_INT_COLUMNS)
            frame = pd.DataFrame(self.totals.rows())
            for name in (f"outlets.{self.fmt}", "outlets.csv"):
                file = StagedFile(self.folder / name)
                self.writers[name] = _CommittedFile(file)
                if name.endswith(".csv"):  # cells neutralised like every CSV framing writes
                    with file.open_text() as stream:
                        stream.write(csv_text(list(frame.columns), frame.to_dict("records")))
                elif name.endswith(".jsonl"):
                    frame.to_json(file.temporary, orient="records", lines=True, force_ascii=False)
                else:
                    frame.to_parquet(file.temporary, index=False)
        return [writer.commit() for writer in self.writers.values()]

    def discard(self) -> None:
        for writer in self.writers.values():
            writer.discard()


class _CommittedFile:
    """A finished temporary file, committed or discarded with the others."""

    def __init__(self, file: StagedFile) -> None:
        self.file = file

    def commit(self) -> Path:
        return self.file.commit()

    def discard(self) -> None:
        self.file.discard()
