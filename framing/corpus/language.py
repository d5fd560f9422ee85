"""A warning, not an error, when an article does not look like English.

framing's lexicons and rules are English: on French or Chinese text it finds almost
nothing, and a table of zeros could be read as "this outlet does not hedge". The check is
the share of words that are common English function words (the comparison's stop
words): about half of the words of English news, almost none of other languages'.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..document import Document
    from ..lexicons import Lexicons

# Shorter texts are left alone: a headline-length text may hold few function words.
MIN_CHARS = 200
# English news runs at 40-55% stop words; text under this share is not English (or not prose).
MIN_ENGLISH_SHARE = 0.15


def english_share(doc: Document, stop_words: frozenset[str]) -> float:
    """The share of the document's words that are English stop words (0 when it has no words)."""
    columns = doc.token_columns()
    words = [norm for norm, is_word in zip(columns.norms, columns.is_word, strict=True) if is_word]
    return sum(word in stop_words for word in words) / len(words) if words else 0.0


def warn_if_not_english(doc: Document, lexicons: Lexicons) -> bool:
    """Print one warning line on stderr for a long text that is not English; say whether it did."""
    if len(doc.text) < MIN_CHARS:
        return False
    share = english_share(doc, lexicons.stop_words)
    if share >= MIN_ENGLISH_SHARE:
        return False
    print(
        f"framing: warning: {doc.path or doc.id}: does not look like English ({share:.0%} of its words are common "
        "English words); framing's lexicons are English, so its counts for this article will be near zero",
        file=sys.stderr,
    )
    return True
