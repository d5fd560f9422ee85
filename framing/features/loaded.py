"""Loaded language: words that pass judgement where a neutral word would do, and scare quotes.

Terms come from ``lexicons/loaded.tsv``; every entry carries a neutral
``alternative`` so a reader sees what the plainer wording would be. Rows in
category ``exclusion`` are neutral terms of art that contain a loaded word
("regime change", "sanctions regime", "charged with murder"); they are matched
only so that the word inside them is not counted, and they are data so that users
can add their own.

The "claim" family ("claimed", "claims that") is listed as ``distancing``: a
reporting verb that casts doubt on what it reports is loaded even though the
reporting-verb lexicon also counts it as an attribution; both signals are real.
The noun with a determiner ("the claims", "these claims") and fixed phrases
("claimed responsibility", "jobless claims") are exclusions.

Scare quotes are a writer's way of holding a word at a distance
(‘narcoterrorism’). Which quotations are scare quotes is decided once, at parse
time, by :mod:`framing.corpus.quotation`; this module only reports them. A
lexicon term inside a scare quote is reported as well, since both signals are
there. Loaded words inside reported speech are reported too; the central rate
computation splits them into the journalist's own and quoted words.
"""

from __future__ import annotations

from ..document import Document, Span
from ..lexicons import Lexicons
from . import Extraction

EXCLUSION = "exclusion"
SCARE_LABEL = "scare quote"
SCARE_CATEGORY = "distancing"
SCARE_NOTE = "quotation marks around a term or name the writer does not adopt as their own"
SCARE_ALTERNATIVE = "the same words without quotation marks, or attribute them"


def extract(doc: Document, lexicons: Lexicons) -> Extraction:
    """Loaded-term spans (label = lexicon term) and scare-quote spans (label "scare quote")."""
    tokens = doc.tokens
    spans: list[Span] = []
    for first, end, entry in lexicons.matcher("loaded").match(doc.token_columns().norms):
        category = entry["category"]
        if category == EXCLUSION:
            continue
        start, stop = tokens[first].start, tokens[end - 1].end
        spans.append(
            Span(
                "loaded",
                start,
                stop,
                doc.text[start:stop],
                entry.key,
                category,
                entry["note"],
                entry["alternative"],
            )
        )
    scare_quotes = 0
    for quote in doc.quotes:
        if quote.kind != "scare":
            continue
        scare_quotes += 1
        spans.append(
            Span(
                "loaded",
                quote.start,
                quote.end,
                doc.text[quote.start : quote.end],
                SCARE_LABEL,
                SCARE_CATEGORY,
                SCARE_NOTE,
                SCARE_ALTERNATIVE,
            )
        )
    spans.sort(key=lambda span: (span.start, span.end))
    return Extraction(values={"scare_quote_count": scare_quotes}, spans=spans)
