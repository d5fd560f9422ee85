"""framing: show how news outlets frame the same story, with the words behind every number."""

from __future__ import annotations

__version__ = "0.1.0"

from .analysis import ArticleAnalysis, analyze
from .lexicons import load_lexicons

__all__ = ["ArticleAnalysis", "__version__", "analyze", "load_lexicons"]
