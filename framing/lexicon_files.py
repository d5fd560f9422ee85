"""One lexicon file: its rows (:class:`Entry`), the file after layering (:class:`Lexicon`), and the
checks every row passes on load against its declared schema (:mod:`framing.lexicon_schema`).

Split from :mod:`framing.lexicons`, which layers the files and re-exports ``Entry`` and ``Lexicon``.
Every problem is a :class:`~framing.errors.FramingInputError` naming the file and line.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from .corpus.segmentation import is_word, token_norm, tokenize
from .errors import FramingInputError
from .lexicon_schema import SCHEMAS, Schema, parse_allowed


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row. ``fields`` holds every declared column (optional ones filled), source and note."""

    key: str
    fields: Mapping[str, str]
    file: str
    line: int

    def __getitem__(self, column: str) -> str:
        """The row's value in ``column``; reading a column the schema does not declare is a bug, not "".

        An empty string for an unknown column once hid a misspelled column name in code and a
        missing ``rule`` column in an override file; both now fail where they happen.
        """
        try:
            return self.fields[column]
        except KeyError:
            raise KeyError(
                f"{self.file}:{self.line}: lexicon column {column!r} is not declared "
                f"(this row has: {', '.join(self.fields)}); see framing/lexicon_schema.py"
            ) from None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One lexicon file (after overrides): its entries and its provenance header."""

    name: str
    entries: tuple[Entry, ...]
    meta: Mapping[str, str]
    files: tuple[str, ...]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def version(self) -> str:
        return self.meta.get("version", "")


def inherit_absent(entry: Entry, replaced: Entry | None, absent: frozenset[str]) -> Entry:
    """An override row that leaves out optional columns keeps the replaced row's values for them.

    Re-listing "may" in an override without a ``rule`` column must not drop the rule that
    keeps "May 5" and "Theresa May" from counting as hedges.
    """
    if replaced is None or not absent:
        return entry
    return Entry(entry.key, {**entry.fields, **{c: replaced.fields[c] for c in absent}}, entry.file, entry.line)


def parse_file(
    path: Path, raw: bytes, name: str, *, closed: Mapping[str, str] | None = None
) -> tuple[dict[str, str], list[Entry], frozenset[str]]:
    """Validated entries of one file, and the optional columns it leaves out.

    ``closed`` (the bundled file's ``allowed_<column>`` values) overrides the file's own lists;
    without it (the bundled file itself) each closed column must declare its list.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FramingInputError(path, f"is not UTF-8 (byte {error.start})", "Save the file as UTF-8") from None
    schema = SCHEMAS[name]
    meta: dict[str, str] = {}
    header: list[str] | None = None
    allowed: dict[str, frozenset[str]] = {}
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and header is None and key.strip().isidentifier():
                meta[key.strip()] = value.strip()
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        where = f"{path}:{line_number}"
        if header is None:
            header = [cell.strip() for cell in cells]
            _check_header(where, header, schema)
            allowed = _allowed_values(path, schema, meta, closed)
            continue
        if len(cells) != len(header):
            raise FramingInputError(
                where,
                f"has {len(cells)} tab-separated fields, the header has {len(header)}",
                "Separate columns with one tab each; leave empty cells empty",
            )
        fields = _row_fields(where, schema, header, cells, allowed, bool(closed))
        key = fields[schema.key]
        lowered = key.lower()
        if lowered in seen:
            raise FramingInputError(
                where, f"duplicate entry {key!r} (first on line {seen[lowered]})", "Keep one row per term"
            )
        seen[lowered] = line_number
        entries.append(Entry(key, fields, str(path), line_number))
    if header is None:
        raise FramingInputError(path, "has no header row", f"Start it with: {chr(9).join(schema.required)}")
    return meta, entries, frozenset(schema.names) - set(header)


def _row_fields(
    where: str, schema: Schema, header: list[str], cells: list[str], allowed: Mapping[str, frozenset[str]],
    layered: bool,
) -> dict[str, str]:
    """One row's fields (every declared column, optional ones filled), checked: key and source present,
    closed columns within their lists, numbers finite. ``layered``: the lists are the bundled file's."""
    fields = {column.name: column.default for column in schema.columns}
    fields.update((column, cell.strip()) for column, cell in zip(header, cells, strict=True))
    for column in (schema.key, "source"):
        if not fields[column]:
            raise FramingInputError(where, f"the {column!r} column is empty", "Every entry needs a term and a source")
    for column, values in allowed.items():
        if column in header and fields[column] not in values:
            listed = ", ".join(sorted(v or "(empty)" for v in values))
            raise FramingInputError(
                where,
                f"{column} {fields[column]!r} is not one of: {listed}",
                "Use one of the allowed values"
                + (" (the bundled file's header lists them)" if layered else ", or add it to the header comment"),
            )
    _check_numbers(where, schema, fields)
    return fields


def _check_numbers(where: str, schema: Schema, fields: Mapping[str, str]) -> None:
    """Columns declared as numbers (a cue's weight) must read as finite numbers."""
    for column in schema.columns:
        if column.number:
            try:
                value = float(fields[column.name])
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                raise FramingInputError(
                    where, f"{column.name} {fields[column.name]!r} is not a number", "Write a number such as 1 or 0.5"
                )


def _check_header(where: str, header: list[str], schema: Schema) -> None:
    """Every required column is there, and no column the code does not read."""
    optional = [c.name for c in schema.columns if not c.required]
    described = f"Required: {', '.join(schema.required)}" + (f"; optional: {', '.join(optional)}" if optional else "")
    missing = [column for column in schema.required if column not in header]
    if missing:
        raise FramingInputError(
            where, f"header lacks column(s) {', '.join(missing)}", f"{described} (tab-separated)"
        )
    unknown = [column for column in header if column not in schema.names]
    if unknown:
        raise FramingInputError(
            where, f"header has unknown column(s) {', '.join(map(repr, unknown))}",
            f"Remove or rename them. {described}",
        )
    doubled = sorted({column for column in header if header.count(column) > 1})
    if doubled:
        raise FramingInputError(where, f"header names column(s) twice: {', '.join(doubled)}", "Keep one of each")


def _allowed_values(
    path: Path, schema: Schema, meta: Mapping[str, str], closed: Mapping[str, str] | None
) -> dict[str, frozenset[str]]:
    """Each closed column's values: the bundled header's list, checked against the code's registry."""
    allowed: dict[str, frozenset[str]] = {}
    for column in schema.columns:
        if not column.closed:
            continue
        declared = (closed or {}).get(f"allowed_{column.name}") or meta.get(f"allowed_{column.name}")
        if not declared:
            if closed is None:  # the bundled file declares every closed vocabulary
                raise FramingInputError(
                    path, f"header lacks '# allowed_{column.name}:'", "List the column's values in the header"
                )
            continue
        values = parse_allowed(declared)
        if column.known:
            unknown = sorted(values - {""} - column.known)
            if unknown:
                raise FramingInputError(
                    path,
                    f"'# allowed_{column.name}:' names {', '.join(map(repr, unknown))}, which no rule of "
                    f"{column.known_by} answers to",
                    f"Fix the spelling; known names: {', '.join(sorted(column.known))}",
                )
        allowed[column.name] = values
    return allowed


def unmatchable(lexicon: Lexicon) -> Iterator[str]:
    """Terms the tokenizer can never produce as written in running text."""
    for entry in lexicon.entries:
        tokens = tokenize(entry.key)
        where = f"{entry.file}:{entry.line}"
        if not tokens:
            yield f"{where}: term {entry.key!r} has no tokens and can never match"
        elif [t for _, _, t in tokenize(f"x {entry.key} x")][1:-1] != [t for _, _, t in tokens]:
            yield f"{where}: term {entry.key!r} tokenizes differently in running text and can never match"
        elif any(token_norm(t) != t.lower().replace("’", "'") for _, _, t in tokens if is_word(t)):
            yield f"{where}: term {entry.key!r} has a possessive form that the matcher strips"
