"""Writing files safely: atomically, and CSV cells that a spreadsheet cannot run.

A report or export is either complete on disk or not there at all. CSV cells come from
article text, titles and outlet names, all untrusted: a cell a spreadsheet would read as a
formula is neutralised (CSV injection), here, once, for every CSV framing writes.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

# A spreadsheet treats a cell starting with one of these as a formula (OWASP, CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def scrub_surrogates(value: str) -> str:
    """Lone surrogates (``"\\ud800"`` in JSON, or a Python caller's string) become U+FFFD; nothing else changes.

    No UTF-8 file can hold a lone surrogate. Found by the property tests: such a text once ended
    ``framing extract`` with an internal error, and ``write_reports`` with a UnicodeEncodeError.
    Well-formed pairs are one character already and stay as they are.
    """
    if value.isascii():
        return value
    return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def neutralise_cell(value: Any) -> Any:
    """A text cell that would start a formula gets a leading single quote (OWASP's advice); others pass.

    Numbers stay numbers; only text can carry ``=HYPERLINK(...)`` or ``@SUM(...)`` in from an
    outlet's name or an article's words.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(columns: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str:
    """CSV (header, then one line per row, ``\\n`` line ends) with every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows({key: neutralise_cell(value) for key, value in row.items()} for row in rows)
    return buffer.getvalue()


def write_atomically(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` to a temporary file beside ``path``, then rename it into place."""
    return write_all_atomically([(path, data)])[0]


FileData = str | bytes | Iterable[str]  # a file's whole text or bytes, or its text in pieces


def write_all_atomically(files: Iterable[tuple[str | Path, FileData]]) -> list[Path]:
    """Write every ``(path, data)`` to a temporary file, and rename them all into place once all are written.

    ``files`` may be a generator that renders each file when asked, and ``data`` an iterable of
    text pieces: then only a piece of one file is in memory at a time (a 5,000-article
    comparison's tables are hundreds of megabytes of text), and an error while rendering any
    file leaves no file behind.
    """
    written: list[tuple[Path, Path]] = []
    try:
        for path, data in files:
            target = Path(path)
            written.append((_write_temporary(target, data), target))
    except BaseException:
        for temporary, _ in written:
            temporary.unlink(missing_ok=True)
        raise
    for temporary, target in written:
        os.replace(temporary, target)
    return [target for _, target in written]


def _write_temporary(target: Path, data: FileData) -> Path:
    """``data`` in a new temporary file beside ``target``, with the permissions a plain open() would give.

    Text is scrubbed of lone surrogates piece by piece, so a piece must not end inside a
    surrogate pair written as two code units (the pieces framing writes are whole rows).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    pieces = [data] if isinstance(data, (str, bytes)) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            for piece in pieces:
                stream.write(scrub_surrogates(piece).encode("utf-8") if isinstance(piece, str) else piece)
        umask = os.umask(0)  # mkstemp creates 0600
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return Path(temporary)


def output_path(out_dir: str | Path, name: str) -> Path:
    """``out_dir / name`` for a file framing writes, refused if ``name`` could leave ``out_dir``.

    Every name framing writes is its own (``facts.csv``, ``worksheet.html``), never an article
    id or outlet name; this check keeps it so if that ever changes: no separators, no ``..``,
    no absolute paths, no characters Windows reserves.
    """
    if not name or name in (".", "..") or Path(name).name != name or any(c in name for c in '<>:"/\\|?*\0'):
        raise ValueError(f"refusing to write {name!r}: not a plain file name inside {out_dir}")
    return Path(out_dir) / name


class StagedFile:
    """A file written in pieces beside ``target`` under a hidden name, renamed into place in ``commit``.

    For outputs too large to build in memory (streamed tables): the target appears only
    whole, and ``discard`` removes the piece of a run that failed.
    """

    def __init__(self, target: Path) -> None:
        self.target = target
        # The folders this file creates, deepest first, so a failed run can leave none behind.
        self.created = [folder for folder in [target.parent, *target.parent.parents] if not folder.exists()]
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        os.close(handle)
        self.temporary = Path(name)

    def commit(self) -> Path:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.temporary, 0o666 & ~umask)  # mkstemp makes 0600; give what open() would
        os.replace(self.temporary, self.target)
        return self.target

    def open_text(self) -> TextIO:
        """The temporary file, open for text (UTF-8, ``\\n`` line ends)."""
        return self.temporary.open("w", encoding="utf-8", newline="\n")

    def discard(self) -> None:
        self.temporary.unlink(missing_ok=True)
        for folder in self.created:
            try:
                folder.rmdir()  # only when empty: another file of the same run may still be there
            except OSError:
                break
