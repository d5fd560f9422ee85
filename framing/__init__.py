"""framing: show how news outlets frame the same story, with the words behind every number.

The public API (everything else is internal and may change; see docs/ARCHITECTURE.md)::

    import framing
    analyses = framing.analyze(["articles/"])        # or framing.analyze_text("…", outlet="…")
    framing.show(analyses[0])                         # the text with its evidence highlighted
    tables = framing.compare(analyses)                # the comparison tables, by name
    framing.report(analyses, "out/", formats=["html"])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from . import compare, report
    from .analysis import ArticleAnalysis
    from .api import analyze, analyze_text
    from .compare.result import Comparison
    from .display import show
    from .errors import FramingInputError, FramingParameterError
    from .lexicons import load_lexicons
    from .tables import articles_frame, spans_frame

__all__ = ["ArticleAnalysis", "Comparison", "FramingInputError", "FramingParameterError", "__version__", "analyze",
           "analyze_text", "articles_frame", "compare", "load_lexicons", "report", "show", "spans_frame"]
# Where each public name lives. Imported on first use: the PDF printer (``python -m
# framing.report.pdf``) imports this package too, and needs none of the analysis (0.25 s).
# ``compare`` and ``report`` are packages that are also callable (see ``framing._callable``).
_LAZY = {"ArticleAnalysis": "analysis", "analyze": "api", "analyze_text": "api", "show": "display",
         "load_lexicons": "lexicons", "articles_frame": "tables", "spans_frame": "tables",
         "Comparison": "compare.result", "FramingInputError": "errors", "FramingParameterError": "errors"}
_CALLABLE_PACKAGES = {"compare", "report"}


def __getattr__(name: str):
    """The public API, imported when first asked for (pandas only for the tables and ``compare``)."""
    import importlib

    if name in _CALLABLE_PACKAGES:
        return importlib.import_module(f".{name}", __name__)
    if name in _LAZY:
        return getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")


def __dir__() -> list[str]:
    """The public names too (they are imported lazily), for tab completion."""
    return sorted(set(globals()) | set(__all__))
