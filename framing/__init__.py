"""framing: show how news outlets frame the same story, with the words behind every number."""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from .analysis import ArticleAnalysis, analyze
    from .lexicons import load_lexicons
    from .tables import articles_frame, spans_frame

__all__ = ["ArticleAnalysis", "__version__", "analyze", "articles_frame", "load_lexicons", "spans_frame"]
# Where each public name lives. Imported on first use: the PDF printer (``python -m
# framing.report.pdf``) imports this package too, and needs none of the analysis (0.25 s).
_LAZY = {"ArticleAnalysis": "analysis", "analyze": "analysis", "load_lexicons": "lexicons",
         "articles_frame": "tables", "spans_frame": "tables"}


def __getattr__(name: str):
    """The public API, imported when first asked for (pandas only for ``articles_frame`` / ``spans_frame``)."""
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")
