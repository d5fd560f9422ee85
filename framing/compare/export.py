"""Write the comparison tables as CSV and JSON, all or nothing.

Every table is rendered in memory first; only when all of them succeeded is each file
written (atomically, via a temporary file and a rename). So an error while building or
rendering leaves no file behind, and a reader never sees a half-written file.

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
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from ..fileio import neutralise_cell, output_path, write_atomically

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


def render(tables: Mapping[str, pd.DataFrame]) -> dict[str, str]:
    """File name → contents for every table."""
    files: dict[str, str] = {}
    for name, frame in tables.items():
        flat = frame.copy()
        for column in flat.columns:
            if not pd.api.types.is_numeric_dtype(flat[column]):  # object, string or category: may hold text
                flat[column] = _csv_column(flat[column])
        files[f"{name}.csv"] = flat.to_csv(index=False, lineterminator="\n")
        files[f"{name}.json"] = json_records(frame)
    return files


def _csv_column(series: pd.Series) -> list[Any]:
    """A text column's CSV cells: lists joined, formula starts neutralised."""
    cells = [_csv_cell(value) for value in series.tolist()] if series.dtype == object else series.tolist()
    return [neutralise_cell(cell) for cell in cells]


def json_records(frame: pd.DataFrame) -> str:
    """The table as a JSON array of row objects, one row per line.

    One row per line keeps a large table readable in a pager and diffable, and lets each
    row go through the json module's C encoder: ``indent=`` would switch the whole
    document to the pure-Python encoder, which took 3.4 s of 9 s for a 500-article corpus.
    Columns are read whole (``tolist``) rather than row by row: iterating rows of
    Arrow-backed text columns cost as much again. Missing values are ``null``.
    """
    columns = [str(column) for column in frame.columns]
    values = [_json_column(frame[column]) for column in frame.columns]
    encode = json.JSONEncoder(ensure_ascii=False, allow_nan=False, default=_json_default).encode
    lines = [encode(dict(zip(columns, row, strict=True))) for row in zip(*values, strict=True)]
    return "[\n" + ",\n".join(lines) + ("\n]\n" if lines else "]\n")


def _json_column(series: pd.Series) -> list[Any]:
    """A column as Python values, missing ones (NaN, None, pd.NA) as None; lists and objects as they are."""
    if isinstance(series.dtype, np.dtype) and series.dtype.kind in "iub":
        return series.tolist()  # NumPy ints and bools: Python scalars, and none can be missing
    missing = series.isna().tolist()
    return [None if gap else value for value, gap in zip(series.tolist(), missing, strict=True)]


def write_tables(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    files = render(tables)
    return [write_atomically(output_path(out_dir, name), text) for name, text in files.items()]
