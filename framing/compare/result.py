"""What ``framing.compare(analyses)`` returns: the named tables, readable in a notebook.

A :class:`Comparison` is a read-only mapping from table name to DataFrame, so
``comparison["voices"]`` and ``dict(comparison)`` work as with the plain dict that
:func:`framing.compare.build_comparison` returns; in Jupyter it shows every table's
name, size and first rows (``_repr_html_``). Cells are escaped by pandas (article
words are untrusted text).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import pandas as pd
from markupsafe import escape

PREVIEW_ROWS = 5


class Comparison(Mapping[str, pd.DataFrame]):
    """The comparison tables by name (``rates``, ``labels``, ``facts``, … in the README's order)."""

    def __init__(self, tables: Mapping[str, pd.DataFrame]) -> None:
        self._tables = dict(tables)

    def __getitem__(self, name: str) -> pd.DataFrame:
        if name not in self._tables:
            raise KeyError(f"no table {name!r}; the tables are: {', '.join(self._tables)}")
        return self._tables[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._tables)

    def __len__(self) -> int:
        return len(self._tables)

    @property
    def names(self) -> list[str]:
        return list(self._tables)

    def __repr__(self) -> str:
        sizes = ", ".join(f"{name}: {len(table)} rows" for name, table in self._tables.items())
        return f"Comparison({sizes})"

    def _repr_html_(self) -> str:
        """Each table's name and size, then its first rows (all cells escaped)."""
        parts = [f"<div class=\"framing-comparison\"><p><strong>{len(self._tables)} comparison tables</strong>: "
                 f"{escape(', '.join(self._tables))}. Read one with <code>comparison[&quot;name&quot;]</code>.</p>"]
        for name, table in self._tables.items():
            shown = min(len(table), PREVIEW_ROWS)
            parts.append(f"<h4>{escape(name)} <small>({len(table)} rows × {len(table.columns)} columns"
                         f"{f'; first {shown}' if shown < len(table) else ''})</small></h4>")
            if len(table):
                parts.append(table.head(PREVIEW_ROWS).to_html(escape=True, max_cols=12, index=False))
        parts.append("</div>")
        return "\n".join(parts)
