"""Write the comparison tables as CSV and JSON, all or nothing.

Each file is rendered and written to a temporary file in turn (so one file's text is in
memory at a time, not a whole corpus's tables); only when all of them succeeded is each
renamed into place. So an error while building or rendering leaves no file behind, and a
reader never sees a half-written file.

Outlet names, titles and quoted words are untrusted: every CSV cell that a spreadsheet would
read as a formula (starting with = + - @, tab or CR) is neutralised by
:func:`framing.fileio.neutralise_cell`, list cells included ("=HYPERLINK(…); Source B").
JSON keeps the values as they are.

CSV cells cannot hold lists: list cells (evidence, variants, outlets) are joined with
"; ". A list item that is an element with offsets (the headlines table) is written as
``kind:text@start-end`` (plus ``body start-end`` and the outlet where it has them), so a
spreadsheet shows it readably. JSON keeps lists as arrays and elements as objects
(an array of row objects, one per line).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..fileio import neutralise_cell, output_path, write_all_atomically

LIST_SEPARATOR = "; "


def _csv_cell(value: Any) -> Any:
    if isinstance(value, (list, tuple, set)):
        return LIST_SEPARATOR.join(_csv_item(item) for item in value)
    return value


def _csv_item(item: Any) -> str:
    if not isinstance(item, dict):
        return str(item)
    if {"kind", "text", "start", "end"} <= item.keys():
        text = f"{item['kind']}:{item['text']}@{item['start']}-{item['end']}"
        if item.get("body_start") is not None:
            text += f" body {item['body_start']}-{item['body_end']}"
        if item.get("outlet"):
            text += f" ({item['outlet']})"
        return text
    return json.dumps(item, ensure_ascii=False, sort_keys=True)


def _json_default(value: Any) -> Any:
    """What the JSON encoder cannot write itself: NumPy scalars and arrays, and pandas' missing value.

    Called by the C encoder only for such values, so lists and objects in cells are written
    without a Python-level walk over every item.
    """
    if value is pd.NA:
        return None
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    raise TypeError(f"a {type(value).__name__} cell cannot be written as JSON")


CSV_ROWS_PER_PIECE = 2_000


def render(tables: Mapping[str, pd.DataFrame]) -> Iterator[tuple[str, Iterator[str]]]:
    """File name and contents (in pieces of whole rows) of every table's CSV and JSON, rendered when read."""
    for name, frame in tables.items():
        yield f"{name}.csv", csv_pieces(frame)
        yield f"{name}.json", json_pieces(frame)


def csv_pieces(frame: pd.DataFrame) -> Iterator[str]:
    """The table as CSV, a block of rows at a time: list cells joined, formula starts neutralised.

    The cells are converted for the whole table first, so every block has the column types
    the whole table has (a block of whole numbers in a text column is still written as text).
    """
    flat = frame.copy()
    for column in flat.columns:
        if not pd.api.types.is_numeric_dtype(flat[column]):  # object, string or category: may hold text
            flat[column] = _csv_column(flat[column])
    for start in range(0, max(len(flat), 1), CSV_ROWS_PER_PIECE):
        block = flat.iloc[start:start + CSV_ROWS_PER_PIECE]
        yield block.to_csv(index=False, header=start == 0, lineterminator="\n")


def _csv_column(series: pd.Series) -> list[Any]:
    """A text column's CSV cells: lists joined, formula starts neutralised."""
    cells = [_csv_cell(value) for value in series.tolist()] if series.dtype == object else series.tolist()
    return [neutralise_cell(cell) for cell in cells]


def json_records(frame: pd.DataFrame) -> str:
    """The table as a JSON array of row objects, one row per line (see :func:`json_pieces`)."""
    return "".join(json_pieces(frame))


def json_pieces(frame: pd.DataFrame) -> Iterator[str]:
    """The table as a JSON array of row objects, one row per line, yielded a row at a time.

    One row per line keeps a large table readable in a pager and diffable, and lets each
    row go through the json module's C encoder: ``indent=`` would switch the whole
    document to the pure-Python encoder, which took 3.4 s of 9 s for a 500-article corpus.
    Columns are read whole (``tolist``) rather than row by row: iterating rows of
    Arrow-backed text columns cost as much again. Missing values are ``null``.
    """
    columns = [str(column) for column in frame.columns]
    values = [_json_column(frame[column]) for column in frame.columns]
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_json_default).encode
    separator = "[\n"
    for row in zip(*values, strict=True):
        yield separator + encode(dict(zip(columns, row, strict=True)))
        separator = ",\n"
    yield "[\n]\n" if separator == "[\n" else "\n]\n"


def _json_column(series: pd.Series) -> list[Any]:
    """A column as Python values, missing ones (NaN, None, pd.NA) as None; lists and objects as they are."""
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iub":
        return series.tolist()  # NumPy ints and bools: Python scalars, and none can be missing
    missing = series.isna().tolist()
    return [None if gap else value for value, gap in zip(series.tolist(), missing, strict=True)]


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Every table's files in ``out_dir``, all or none: rendered and written one at a time, renamed at the end."""
    return write_all_atomically((output_path(out_dir, name), text) for name, text in render(tables))
