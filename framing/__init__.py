"""framing: show how news outlets frame the same story, with the words behind every number."""

from __future__ import annotations

__version__ = "0.1.0"

from .analysis import ArticleAnalysis, analyze
from .lexicons import load_lexicons

__all__ = ["ArticleAnalysis", "__version__", "analyze", "articles_frame", "load_lexicons", "spans_frame"]


def __getattr__(name: str):
    """``framing.articles_frame`` / ``framing.spans_frame``, importing pandas only when asked for."""
    if name in ("articles_frame", "spans_frame"):
        from . import frames

        return getattr(frames, name)
    raise AttributeError(f"module 'framing' has no attribute {name!r}")
