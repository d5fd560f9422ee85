"""Corpus layer: load, clean and segment each article exactly once.

:func:`parse_document` turns a :class:`RawArticle` into a :class:`~framing.document.Document`
whose offsets every extractor shares.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..document import Document, Token
from .cleaning import CleanedText, clean_text
from .loading import RawArticle, bundled_seed_dir, load_articles
from .quotation import find_quotes
from .segmentation import is_word, split_sentences, token_norm, tokenize

if TYPE_CHECKING:
    from ..lexicons import Lexicons

__all__ = ["RawArticle", "bundled_seed_dir", "load_articles", "parse_document", "parse_text"]


def parse_document(article: RawArticle, lexicons: Lexicons, *, raw: bool = False) -> Document:
    """Clean (unless ``raw``) and segment one article.

    With ``raw=True`` the input is analyzed exactly as given, so offsets index it.
    """
    text = article.text
    if article.is_html and not raw:
        from .html import html_to_text

        text, html_title = html_to_text(article.text, article.path)
        article_title = article.title or html_title
    else:
        article_title = article.title
    if raw:
        cleaned = CleanedText(text, article.title, "", ())
    else:
        cleaned = clean_text(text, lexicons.cleaning_rules, title=article_title)
    return parse_text(
        cleaned.text,
        lexicons,
        id=article.id,
        raw_text=article.text,
        outlet=article.outlet or article.id,
        title=cleaned.title,
        byline=cleaned.byline,
        date=article.date,
        url=article.url,
        path=article.path,
        removed=cleaned.removed,
    )


def parse_text(text: str, lexicons: Lexicons, *, id: str = "text", raw_text: str | None = None, **metadata) -> Document:
    """Segment already-clean text into a Document (used for titles and the sklearn API too)."""
    sentences = split_sentences(text, lexicons.abbreviations)
    quotes = find_quotes(text, sentences, lexicons.reporting_cues)
    speech = [(q.inner_start, q.inner_end) for q in quotes if q.kind == "speech"]
    sentence_starts = [start for start, _ in sentences]
    tokens = []
    sentence_index = 0
    speech_index = 0
    for start, end, token_text in tokenize(text):
        while sentence_index + 1 < len(sentence_starts) and sentence_starts[sentence_index + 1] <= start:
            sentence_index += 1
        while speech_index < len(speech) and speech[speech_index][1] < end:
            speech_index += 1
        quoted = speech_index < len(speech) and speech[speech_index][0] <= start
        tokens.append(
            Token(start, end, token_text, token_norm(token_text), sentence_index, is_word(token_text), quoted)
        )
    return Document(
        id=id,
        text=text,
        raw_text=text if raw_text is None else raw_text,
        sentences=tuple(sentences),
        tokens=tuple(tokens),
        quotes=tuple(quotes),
        **metadata,
    )
