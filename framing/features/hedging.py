"""Placeholder hedging extractor: returns nothing until it is written."""

from __future__ import annotations

from ..document import Document
from ..lexicons import Lexicons
from . import Extraction


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    return Extraction()
