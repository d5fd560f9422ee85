"""The public Python API: the few names ``import framing`` offers (see docs/ARCHITECTURE.md).

Each function checks its arguments before any work and raises
:class:`~framing.errors.FramingParameterError` (a ``ValueError``) or ``TypeError``
naming the parameter and the bad value, so a notebook user learns which argument
to fix rather than reading a traceback from deep inside the extractors. The
modules behind them are imported only when a function is called: ``import
framing`` stays cheap (the PDF printer imports the package too).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import FramingParameterError

if TYPE_CHECKING:
    from .analysis import ArticleAnalysis
    from .compare.result import Comparison
    from .lexicons import Lexicons

__all__ = ["analyze", "analyze_text", "compare", "report"]

REPORT_FORMATS = ("html", "pdf")


def analyze(
    paths: str | Path | Iterable[str | Path] = (), *, lexicons: Lexicons | str | Path | None = None, raw: bool = False
) -> list[ArticleAnalysis]:
    """Analyze the article files and folders at ``paths`` (the bundled seeds when empty).

    ``paths`` is one path or a list of them (``.txt``, ``.html``, ``.jsonl``, ``.csv``,
    ``.parquet``, folders with a ``manifest.csv``). ``lexicons``: a
    :func:`load_lexicons` result, or a folder of ``.tsv`` files layered over the bundled
    lexicons and the corpus's story packs. ``raw`` skips cleaning, so offsets index the
    files' text exactly. For text in a string, use :func:`analyze_text`.
    """
    from .analysis import analyze as analyze_paths
    from .analysis import corpus_lexicons

    paths = _paths(paths)
    if isinstance(lexicons, (str, Path)) or lexicons is None:
        lexicons = corpus_lexicons(paths, _lexicon_folder(lexicons))
    return analyze_paths(paths, lexicons=_lexicons(lexicons), raw=raw)


def analyze_text(
    text: str, *, outlet: str = "", title: str = "", id: str = "", lexicons: Lexicons | str | Path | None = None,
    raw: bool = False,
) -> ArticleAnalysis:
    """Analyze one article given as a string (offsets index ``result.document.text``).

    The text is cleaned as a file would be (boilerplate lines dropped) unless ``raw``.
    ``id`` defaults to ``text-`` and a short hash of the text, so two different texts
    never share an id; ``outlet`` defaults to the id.
    """
    from .analysis import analyze_document, parsed_article
    from .corpus import RawArticle

    if not isinstance(text, str):
        raise TypeError(f"text must be a str of article text, not {type(text).__name__} {_shown(text)}")
    for name, value in (("outlet", outlet), ("title", title), ("id", id)):
        if not isinstance(value, str):
            raise TypeError(f"{name} must be a str, not {type(value).__name__} {_shown(value)}")
    if not text.strip():
        raise FramingParameterError("text", "is empty", "Pass the article's text")
    lexicons = _lexicons(lexicons)
    article_id = id or f"text-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:8]}"
    article = RawArticle(id=article_id, text=text, path="", outlet=outlet or article_id, title=title)
    return analyze_document(parsed_article(article, lexicons, raw), lexicons)


def compare(
    analyses: Sequence[ArticleAnalysis], *, lexicons: Lexicons | str | Path | None = None, seed: int = 0
) -> Comparison:
    """The comparison tables across outlets (``rates``, ``labels``, ``facts``, …) as a :class:`Comparison`.

    ``lexicons`` should be what the articles were analyzed with; by default the bundled
    lexicons and the story packs beside the articles' files. ``seed`` fixes the bootstrap.
    """
    from .compare import build_comparison
    from .compare.result import Comparison

    analyses = _analyses(analyses)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f"seed must be an int, not {type(seed).__name__} {_shown(seed)}")
    tables = build_comparison(analyses, lexicons=_corpus_lexicons(analyses, lexicons), seed=seed)
    return Comparison(tables)


def report(
    analyses: Sequence[ArticleAnalysis], out_dir: str | Path, *, formats: Sequence[str] = REPORT_FORMATS,
    title: str = "", lexicons: Lexicons | str | Path | None = None,
) -> list[Path]:
    """Write the HTML and/or PDF report of ``analyses`` into ``out_dir``; return the files written."""
    from .report import check_formats, write_reports

    analyses = _analyses(analyses)
    if isinstance(formats, str):
        formats = [part.strip() for part in formats.split(",")]
    if not isinstance(title, str):
        raise TypeError(f"title must be a str, not {type(title).__name__} {_shown(title)}")
    checked = check_formats(list(formats))
    return write_reports(analyses, _corpus_lexicons(analyses, lexicons), Path(_folder("out_dir", out_dir)),
                         formats=checked, title=title)


def _paths(paths: object) -> list[str | Path]:
    """``paths`` as a list: one path alone is a list of one (a str is not iterated letter by letter)."""
    if not isinstance(paths, Iterable):
        raise TypeError(f"paths must be a path or a list of paths, not {type(paths).__name__} {_shown(paths)}")
    listed = [paths] if isinstance(paths, (str, Path)) else list(paths)
    for path in listed:
        if not isinstance(path, (str, Path)):
            raise TypeError(f"paths must hold str or Path, not {type(path).__name__} {_shown(path)}")
        if isinstance(path, str) and "\n" in path:
            raise FramingParameterError("paths", f"holds text, not a path ({_shown(path)})",
                                        "Analyze text in a string with framing.analyze_text(text)")
    return listed


def _analyses(analyses: object) -> list[ArticleAnalysis]:
    """``analyses`` as a list of :class:`ArticleAnalysis` (one alone is a list of one)."""
    from .analysis import ArticleAnalysis

    if isinstance(analyses, ArticleAnalysis):
        return [analyses]
    listed = list(analyses) if isinstance(analyses, Iterable) and not isinstance(analyses, str) else [analyses]
    for item in listed:
        if not isinstance(item, ArticleAnalysis):
            raise TypeError(f"analyses must be a list of ArticleAnalysis (from framing.analyze), "
                            f"not {type(item).__name__} {_shown(item)}")
    if not listed:
        raise FramingParameterError("analyses", "is empty: there are no articles", "Pass framing.analyze(...)'s list")
    return listed


def _lexicons(lexicons: object) -> Lexicons:
    """A :class:`Lexicons` from ``lexicons``: itself, or the bundled ones (with a folder layered over them)."""
    from .lexicons import Lexicons, load_lexicons

    if isinstance(lexicons, Lexicons):
        return lexicons
    if lexicons is None or isinstance(lexicons, (str, Path)):
        return load_lexicons(_lexicon_folder(lexicons))
    raise TypeError(f"lexicons must be a Lexicons (framing.load_lexicons()) or a folder of .tsv files, "
                    f"not {type(lexicons).__name__} {_shown(lexicons)}")


def _corpus_lexicons(analyses: Sequence[ArticleAnalysis], lexicons: object) -> Lexicons:
    """``lexicons``, or the bundled ones with the story packs beside the articles' files (as ``analyze`` used)."""
    from .corpus import story_packs
    from .lexicons import load_lexicons

    if lexicons is not None and not isinstance(lexicons, (str, Path)):
        return _lexicons(lexicons)
    folders = dict.fromkeys(Path(a.document.path).parent for a in analyses if a.document.path)
    return load_lexicons(_lexicon_folder(lexicons), packs=story_packs(folders))


def _lexicon_folder(folder: str | Path | None) -> str | Path | None:
    """``lexicons`` given as a folder: it must exist (checked here, so the error names this parameter)."""
    if folder is not None and not Path(_folder("lexicons", folder)).is_dir():
        raise FramingParameterError("lexicons", f"no such lexicon folder {str(folder)!r}",
                                    "Pass a folder of .tsv lexicon files, or a framing.load_lexicons() result")
    return folder


def _folder(parameter: str, value: str | Path | None) -> str | Path | None:
    if value is not None and not str(value).strip():
        raise FramingParameterError(parameter, "is an empty path", "Pass a folder")
    return value


def _shown(value: object, limit: int = 60) -> str:
    """``repr(value)``, shortened: an error names the bad value without pasting a whole article."""
    text = repr(value)
    return text if len(text) <= limit else f"{text[: limit - 1]}…"
