"""Quotes and attribution in one pass over the document.

Both need the same parse of who-said-what (:func:`~framing.features.attribution.find_sources`),
which is the costliest step of extraction; running it once here and handing the result to
both builders halves that cost. ``quotes.extract`` and ``attribution.extract`` remain for
using either on its own.
"""

from __future__ import annotations

from ..document import Document
from ..lexicons import Lexicons
from . import Extraction
from .attribution import attribution_extraction, find_reported
from .quotes import direct_quotes, quote_extraction


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    quotes = direct_quotes(doc)
    shown, found, subjects, tags = find_reported(doc, lexicons, [(q.start, q.end) for q in quotes])
    quoted = quote_extraction(doc, quotes, found, subjects, tags, cues=lexicons.reporting_cues)
    attributed = attribution_extraction(shown)
    return Extraction({**quoted.values, **attributed.values}, quoted.spans + attributed.spans)
