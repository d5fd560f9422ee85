"""Read article files, folders with manifests and table rows into :class:`RawArticle` rows.

Which reader a path gets is decided in one place, :mod:`.streaming` (``READERS``);
this module holds the readers of files and rows they share.

Every failure becomes a :class:`~framing.errors.FramingInputError` naming the file
(and line, for JSONL/CSV) so the CLI can say what to fix without a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..errors import FramingInputError
from ..fileio import scrub_surrogates

ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST_NAME = "manifest.csv"
# A story pack: lexicon files for one story, in a folder of this name beside a manifest.
STORY_PACK_NAME = "lexicons"
# Pages fetched from links are saved as corpus folders in a cache of this name (framing/corpus/links.py).
LINK_CACHE_NAME = ".framing-cache"
OPTIONAL_FIELDS = ("outlet", "title", "date", "url", "story")
# The longest article framing reads (characters of text; bytes of an article file). A news article is
# tens of kilobytes; a file of many megabytes is a dump or a mistake, and would take minutes to analyze.
MAX_ARTICLE_CHARS = 5_000_000


@dataclass(frozen=True, slots=True)
class RawArticle:
    """An article as read, before cleaning. ``is_html`` marks text still in markup."""

    id: str
    text: str
    path: str
    outlet: str = ""
    title: str = ""
    date: str = ""
    url: str = ""
    is_html: bool = False
    story: str = ""  # the story an article covers, when the corpus says (a `story` column)


def bundled_seed_dir() -> Path:
    """The five sample articles shipped in ``seeds/`` beside the package."""
    candidates = [
        Path(__file__).resolve().parents[2] / "seeds",
        Path(sys.prefix) / "share" / "framing" / "seeds",
    ]
    for candidate in candidates:
        if (candidate / MANIFEST_NAME).is_file():
            return candidate
    raise FramingInputError(candidates[0], "the bundled seed articles are missing", "Pass the articles' paths instead")


def story_packs(paths: Iterable[str | Path]) -> list[Path]:
    """Story packs of a corpus: a ``lexicons/`` folder beside the ``manifest.csv`` of a folder given.

    Knowledge of one story (its actors, their roles, its own entity spellings) belongs to
    that story's articles, not to the bundled lexicons, which hold only general knowledge
    of English news. A corpus folder carries it along in ``lexicons/`` (``seeds/lexicons/``
    for the bundled seeds); the manifest marks the folder as a curated corpus, so a folder
    that merely happens to hold a ``lexicons`` subfolder is not taken for one. Packs are
    returned in the order their folders were given, each once.
    """
    packs: list[Path] = []
    for path in map(Path, paths):
        pack = path / STORY_PACK_NAME
        if path.is_dir() and (path / MANIFEST_NAME).is_file() and pack.is_dir() and pack not in packs:
            packs.append(pack)
    return packs


def unique_ids(articles: Iterable[RawArticle]) -> Iterator[RawArticle]:
    """The articles as they come, refusing an id seen before (a stream keeps only the ids)."""
    seen: dict[str, str] = {}
    for article in articles:
        if article.id in seen:
            raise FramingInputError(
                article.path,
                f"article id {article.id!r} is used twice (also in {seen[article.id]})",
                "Give every article a unique id",
            )
        seen[article.id] = article.path
        yield article


def load_folder(folder: Path) -> list[RawArticle]:
    """A folder's article files, in its manifest's order (and with its fields) when it has one."""
    files = sorted(p for p in _listing(folder) if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
    files = [p for p in files if p.name.lower() != "readme.md"]
    manifest = _read_manifest(folder / MANIFEST_NAME) if (folder / MANIFEST_NAME).is_file() else {}
    if manifest:
        listed = [_inside(folder, name) for name in manifest]
        for path in listed:
            if not path.is_file():
                raise FramingInputError(
                    folder / MANIFEST_NAME, f"lists {path.name!r}, which does not exist", "Fix the manifest"
                )
        files = listed
    if not files:
        raise FramingInputError(folder, "holds no article files", f"Put {', '.join(ARTICLE_SUFFIXES)} files in it")
    articles = []
    for path in files:
        row = manifest.get(path.name, {})
        article = load_article_file(path, row.get("id") or path.stem)
        if folder.parent.name == LINK_CACHE_NAME and row.get("url"):  # a fetched page: errors name its link
            article = replace(article, path=row["url"])
        articles.append(replace(article, **{k: row[k] for k in OPTIONAL_FIELDS if row.get(k)}))
    return articles


def _read_manifest(path: Path) -> dict[str, dict[str, str]]:
    """``file → {id, outlet, title, date, url}`` from a folder's manifest.csv."""
    rows = list(csv.DictReader(io.StringIO(read_text(path))))
    if not rows or "file" not in rows[0]:
        raise FramingInputError(path, "has no 'file' column", "Give the manifest a header: file,id,outlet")
    return {row["file"]: row for row in rows}


def load_article_file(path: Path, article_id: str) -> RawArticle:
    """One article file (.txt, .md, .html): size-checked, decoded, marked as HTML when it is markup."""
    _check_size(path, path.stat().st_size)
    text = read_text(path)
    if not text.strip():
        raise FramingInputError(path, "is empty", "Remove it or add the article's text")
    return RawArticle(
        id=article_id,
        text=text,
        path=str(path),
        is_html=path.suffix.lower() in (".html", ".htm") or _looks_like_html(text),
    )


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:200].lower()
    return head.startswith(("<!doctype html", "<html"))


def jsonl_rows(path: Path, lines: Iterable[str]) -> Iterator[RawArticle]:
    """Articles from the lines of a JSON Lines file (a list, or an open file for streaming)."""
    found = False
    for line_number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{line_number}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise FramingInputError(where, f"is not valid JSON ({error.msg})", "Fix or remove that line") from None
        if not isinstance(row, dict):
            raise FramingInputError(
                where, "is not a JSON object", 'Write one object per line: {"id": ..., "text": ...}'
            )
        found = True
        yield article_from_row(row, where, str(line_number))
    if not found:
        raise FramingInputError(path, "holds no articles", "Write one JSON object per line")


def csv_rows(path: Path, stream: Iterable[str]) -> Iterator[RawArticle]:
    """Articles from the rows of a CSV file (read whole, or an open file for streaming)."""
    reader = csv.DictReader(stream)
    if not reader.fieldnames or "text" not in reader.fieldnames:
        raise FramingInputError(
            path,
            f"has no 'text' column (columns: {', '.join(reader.fieldnames or []) or 'none'})",
            "Name the article column 'text' (and optionally id, outlet, title, date, url)",
        )
    found = False
    for row_number, row in enumerate(reader, start=2):
        found = True
        yield article_from_row(row, f"{path}:{row_number}", str(row_number - 1))
    if not found:
        raise FramingInputError(path, "holds no articles", "Add one row per article")


def article_from_row(row: dict, where: str, fallback_id: str) -> RawArticle:
    """One table row (JSONL, CSV, Parquet, a dataframe) as an article; ``where`` names it in errors."""
    text = row.get("text")
    if not isinstance(text, str) or not text.strip():
        raise FramingInputError(where, "has no text", "Every row needs a non-empty 'text' field")
    _check_size(where, len(text))
    text = scrub_surrogates(text)
    fields = {key: scrub_surrogates(str(row.get(key) or "")) for key in OPTIONAL_FIELDS}
    return RawArticle(
        id=scrub_surrogates(str(row.get("id") or fallback_id)),
        text=text,
        path=where,
        is_html=_looks_like_html(text),
        **fields,
    )


def read_text(path: Path) -> str:
    """Decode a file as UTF-8, UTF-16 with a byte-order mark, or Windows-1252/Latin-1 when it is clearly text.

    A file with NUL bytes (and no UTF-16 byte-order mark) or other control characters is refused as binary.
    Line ends (CRLF, CR, LF, mixed) become LF, so offsets do not depend on the editor that saved the file.
    """
    try:
        data = path.read_bytes()
    except OSError as error:
        raise FramingInputError(path, f"cannot be read ({error.strerror})", "Check its permissions") from None
    if data.startswith(UTF16_BOMS):
        return _decode_utf16(path, data)
    if b"\x00" in data[:8192]:
        raise FramingInputError(
            path, "is a binary file, not text", "Give framing .txt, .md, .html, .jsonl or .csv files"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        print(f"framing: warning: {path}: not UTF-8; decoded as Windows-1252/Latin-1", file=sys.stderr)
    if any(ord(c) < 32 and c not in "\t\n\r\f" for c in text[:8192]):
        raise FramingInputError(
            path, "is a binary file, not text", "Give framing .txt, .md, .html, .jsonl or .csv files"
        )
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- guards against hostile or accidental input (kept apart from the loaders above) ---

UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode_utf16(path: Path, data: bytes) -> str:
    """UTF-16 text with a byte-order mark (what Windows Notepad and Excel save as "Unicode")."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as error:
        raise FramingInputError(
            path, f"starts with a UTF-16 byte-order mark but is not UTF-16 (byte {error.start})", "Save it as UTF-8"
        ) from None
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _check_size(where: str | Path, size: int) -> None:
    """Refuse an article over :data:`MAX_ARTICLE_CHARS` at once, before minutes of analysis."""
    if size > MAX_ARTICLE_CHARS:
        raise FramingInputError(
            where,
            f"is {size / 1_000_000:.1f} MB; framing reads articles up to {MAX_ARTICLE_CHARS // 1_000_000} MB",
            "Split it into one file per article, or one row per article in a .jsonl or .csv table",
        )


def _listing(folder: Path) -> list[Path]:
    """The folder's entries, or a one-line error when it cannot be listed."""
    try:
        return list(folder.iterdir())
    except OSError as error:
        raise FramingInputError(folder, f"cannot be read ({error.strerror})", "Check its permissions") from None


def _inside(folder: Path, name: str) -> Path:
    """A manifest's file name, which must name a file in the corpus folder itself."""
    path = folder / name
    if not name or Path(name).is_absolute() or ".." in Path(name).parts:
        raise FramingInputError(
            folder / MANIFEST_NAME, f"lists {name!r}, which is outside the folder", "List files of this folder only"
        )
    return path

