"""Links as input: pages fetched from a local server on 127.0.0.1 (never the internet), cached, then read.

The pages are short texts of our own. The server counts requests, so the tests can tell a
fetch from a read of the cache.
"""

from __future__ import annotations

import csv
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from framing.cli import main
from framing.corpus import load_articles
from framing.corpus.links import CACHE_NAME, is_link, resolve_links

ARTICLE = """<!doctype html><html><head><title>Council backs the bridge plan</title></head><body>
<nav>Home | World | Sport</nav>
<article><h1>Council backs the bridge plan</h1>
<p>The city council approved the new bridge on Tuesday after a long debate about its cost and its route.</p>
<p>"We have waited ten years for this," said Mayor Ana Ruiz, who called the vote a turning point for the town.</p>
<p>Critics said the plan may cost more than the council expects, and some residents claimed the route was chosen
in secret, according to a petition signed by about 400 people.</p>
<p>The bridge could open in 2027 if the budget holds, officials said.</p></article>
<footer>Share this story</footer></body></html>"""

PAGES = {
    "/news/bridge": (200, "text/html; charset=utf-8", ARTICLE),
    "/news/empty": (200, "text/html", "<html><head><title>Nothing</title></head><body></body></html>"),
    "/image.png": (200, "image/png", "PNG"),
}


class _Handler(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        status, kind, body = PAGES.get(self.path, (404, "text/html", "<html><body>Not found</body></html>"))
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args) -> None:  # quiet
        pass


@pytest.fixture()
def server() -> Iterator[tuple[str, list[str]]]:
    _Handler.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", _Handler.requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_is_link_only_for_http_and_https() -> None:
    assert is_link("https://example.org/a") and is_link("HTTP://example.org/a")
    assert not is_link("file:///etc/passwd") and not is_link("articles/a.html") and not is_link(Path("http:/x"))


def test_a_link_is_fetched_once_and_read_from_the_cache_after(server, tmp_path: Path) -> None:
    base, requests = server
    cache = tmp_path / CACHE_NAME
    (folder,) = resolve_links([f"{base}/news/bridge"], cache)
    (article,) = load_articles([folder])
    assert article.url == f"{base}/news/bridge" and article.outlet == "127.0.0.1" and article.is_html
    assert requests == ["/news/bridge"]
    resolve_links([f"{base}/news/bridge"], cache)
    assert requests == ["/news/bridge"]  # the second run fetched nothing


def test_analyze_reads_links_and_reruns_offline(server, tmp_path: Path, capsys) -> None:
    base, requests = server
    out = tmp_path / "report"
    assert main(["analyze", f"{base}/news/bridge", "-o", str(out), "--format", "html"]) == 0
    html = (out / "framing-report.html").read_text(encoding="utf-8")
    assert "Mayor Ana Ruiz" in html and "Share this story" not in html  # trafilatura kept the article only
    assert len(requests) == 1
    port = base.rsplit(":", 1)[1]
    offline = f"http://127.0.0.1:{port}/news/bridge"
    assert main(["analyze", offline, "-o", str(out), "--format", "html"]) == 0  # cache: no second fetch
    assert len(requests) == 1


def test_a_manifest_row_may_give_a_link_instead_of_a_file(server, tmp_path: Path) -> None:
    base, _ = server
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "local.txt").write_text("The council met on Monday. The mayor said the vote may be close.\n")
    with (corpus / "manifest.csv").open("w", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(["file", "id", "outlet", "url"])
        writer.writerow(["local.txt", "one", "Daily Local", ""])
        writer.writerow(["", "two", "Town Paper", f"{base}/news/bridge"])
    (folder,) = resolve_links([str(corpus)], tmp_path / CACHE_NAME)
    articles = load_articles([folder])
    assert [(a.id, a.outlet) for a in articles] == [("one", "Daily Local"), ("two", "Town Paper")]
    assert articles[1].url.endswith("/news/bridge") and "Mayor Ana Ruiz" in articles[1].text


@pytest.mark.parametrize(
    ("path", "message"),
    [
        pytest.param("/news/missing", "answered HTTP 404", id="not-found"),
        pytest.param("/image.png", "is not a web page (content type image/png)", id="not-a-page"),
        pytest.param("/news/empty", "holds no article text", id="no-article-text"),
    ],
)
def test_bad_links_are_one_line_errors(server, tmp_path: Path, capsys, path: str, message: str) -> None:
    base, _ = server
    out = tmp_path / "report"
    assert main(["analyze", f"{base}{path}", "-o", str(out), "--format", "html"]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"framing: error: {base}") and message in error and "\n" not in error
    assert not (out / "framing-report.html").exists()


def test_offline_link_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    url = f"http://127.0.0.1:{_closed_port()}/news/bridge"
    assert main(["compare", url, "-o", str(tmp_path / "tables")]) == 2
    error = capsys.readouterr().err.strip()
    assert error.startswith(f"framing: error: {url}: cannot be fetched") and "connection" in error
    assert "\n" not in error
