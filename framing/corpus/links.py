"""Links as input: fetch each page once into a cache, then read it like a folder of saved pages.

A teacher has links, not files. :func:`resolve_links` turns the links among a command's
paths, and the rows of a folder's ``manifest.csv`` that give a ``url`` but no ``file``, into
corpus folders of saved pages in the cache (each with its own manifest, so every command
reads them through the one corpus reader and trafilatura extracts the article text, as for
any saved ``.html``). A page is fetched only when the cache lacks it, so a rerun reads the
cache and works offline. Only ``http`` and ``https`` links are fetched; a failed fetch is a
one-line :class:`~framing.errors.FramingInputError` naming the link.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import shutil
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

from .. import __version__
from ..errors import FramingInputError
from ..fileio import write_atomically
from .loading import LINK_CACHE_NAME, MANIFEST_NAME, MAX_ARTICLE_CHARS, STORY_PACK_NAME, read_text

LINK_SCHEMES = ("http://", "https://")
CACHE_NAME = LINK_CACHE_NAME
FETCH_TIMEOUT_SECONDS = 20
MANIFEST_COLUMNS = ("file", "id", "outlet", "title", "date", "url", "story")


def is_link(path: str | Path) -> bool:
    """Whether a command-line path is a web link (``Path`` would fold its ``//``, so test the string)."""
    return isinstance(path, str) and path.lower().startswith(LINK_SCHEMES)


def resolve_links(paths: Sequence[str | Path], cache_dir: Path) -> list[str | Path]:
    """``paths`` with links fetched into ``cache_dir`` (see the module docstring); other paths unchanged.

    The links given on the command line become one corpus folder, read where the first link stood.
    """
    links = [path for path in paths if is_link(path)]
    resolved: list[str | Path] = []
    for path in paths:
        if is_link(path):
            if path == links[0]:
                resolved.append(_links_folder(links, cache_dir))
        elif _manifest_links(Path(path)):
            resolved.append(_manifest_folder(Path(path), cache_dir))
        else:
            resolved.append(path)
    return resolved


def fetch_page(url: str, cache_dir: Path) -> Path:
    """The cached copy of the page at ``url``, fetched first if the cache lacks it."""
    cached = cache_dir / "pages" / f"{hashlib.sha256(url.encode()).hexdigest()[:24]}.html"
    if cached.is_file():
        return cached
    request = urllib.request.Request(url, headers={"User-Agent": f"framing/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=FETCH_TIMEOUT_SECONDS) as response:
            body = response.read(MAX_ARTICLE_CHARS + 1)
            kind = response.headers.get_content_type()
            charset = response.headers.get_content_charset() or "utf-8"
    except urllib.error.HTTPError as error:
        raise FramingInputError(url, f"answered HTTP {error.code} ({error.reason})",
                                "Check the link, or save the page and pass the file") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise FramingInputError(url, f"cannot be fetched ({reason})",
                                "Check the link and your connection, or save the page and pass the file") from None
    if kind not in ("text/html", "application/xhtml+xml", "text/plain"):
        raise FramingInputError(url, f"is not a web page (content type {kind})", "Link to the article's page")
    if len(body) > MAX_ARTICLE_CHARS:
        raise FramingInputError(url, "is larger than framing reads", "Save the article's text as a .txt file")
    text = body.decode(charset, errors="replace")
    if kind == "text/plain":  # saved as a page so the corpus reader keeps one path for every link
        text = f"<html><body><pre>{_escape(text)}</pre></body></html>"
    write_atomically(cached, text)
    return cached


def _links_folder(links: list[str], cache_dir: Path) -> Path:
    rows = [_link_row(url, index, cache_dir) for index, url in enumerate(links)]
    return _write_folder(cache_dir / f"links-{_digest(links)}", rows)


def _link_row(url: str, index: int, cache_dir: Path, fields: dict[str, str] | None = None) -> dict[str, str]:
    page = fetch_page(url, cache_dir)
    fields = dict(fields or {})
    stem = re.sub(r"[^a-z0-9]+", "-", url.lower().split("://", 1)[1]).strip("-")[:60] or "page"
    return {**fields, "file": page.name, "id": fields.get("id") or f"{index:03d}-{stem}",
            "outlet": fields.get("outlet") or _host(url), "url": url}


def _manifest_links(folder: Path) -> list[dict[str, str]]:
    """The manifest rows of ``folder`` that give a link and no file ([] for anything else)."""
    manifest = folder / MANIFEST_NAME
    if not folder.is_dir() or not manifest.is_file():
        return []
    rows = list(csv.DictReader(io.StringIO(read_text(manifest))))
    return [row for row in rows if not (row.get("file") or "").strip() and is_link((row.get("url") or "").strip())]


def _manifest_folder(folder: Path, cache_dir: Path) -> Path:
    """A copy of ``folder``'s corpus in the cache, its linked rows fetched; its story pack comes along."""
    rows = list(csv.DictReader(io.StringIO(read_text(folder / MANIFEST_NAME))))
    target = cache_dir / f"folder-{_digest([str(folder.resolve())])}"
    out_rows = []
    for index, row in enumerate(rows):
        clean = {key: (value or "").strip() for key, value in row.items() if key}
        if clean.get("file"):
            source = folder / clean["file"]
            if source.is_file() and source.parent == folder:
                target.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target / source.name)
            out_rows.append(clean)
        else:
            out_rows.append(_link_row(clean["url"], index, cache_dir, clean))
    if (folder / STORY_PACK_NAME).is_dir():
        shutil.copytree(folder / STORY_PACK_NAME, target / STORY_PACK_NAME, dirs_exist_ok=True)
    return _write_folder(target, out_rows)


def _write_folder(folder: Path, rows: list[dict[str, str]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for row in rows:
        page = folder / row["file"]
        cached = folder.parent / "pages" / row["file"]
        if not page.exists() and cached.is_file():
            shutil.copyfile(cached, page)
    table = io.StringIO()
    writer = csv.DictWriter(table, fieldnames=MANIFEST_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    write_atomically(folder / MANIFEST_NAME, table.getvalue())
    return folder


def _host(url: str) -> str:
    host = url.split("://", 1)[1].split("/", 1)[0].split("@")[-1].split(":")[0].lower()
    return host.removeprefix("www.")


def _digest(parts: list[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
