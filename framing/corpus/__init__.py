"""Corpus layer: load, clean and segment each article exactly once.

:func:`parse_document` turns a :class:`RawArticle` into a :class:`~framing.document.Document`
whose offsets every extractor shares.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import partial
from operator import and_
from typing import TYPE_CHECKING

from ..document import Document, QuoteRegion, Token, TokenColumns
from .cleaning import CleanedText, clean_text
from .loading import RawArticle, bundled_seed_dir, load_articles, story_packs
from .mentions import find_mentions
from .quotation import find_quotes
from .segmentation import norms_and_words, split_sentences, token_columns

if TYPE_CHECKING:
    from ..lexicons import Lexicons

__all__ = ["RawArticle", "bundled_seed_dir", "load_articles", "parse_document", "parse_text", "story_packs"]


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
        story=article.story,
    )


def parse_text(text: str, lexicons: Lexicons, *, id: str = "text", raw_text: str | None = None, **metadata) -> Document:
    """Segment already-clean text into a Document (used for titles and the sklearn API too)."""
    sentences = split_sentences(text, lexicons.abbreviations)
    columns = token_columns(text)
    quotes = find_quotes(text, sentences, lexicons.reporting_cues, columns)
    tokens, token_fields = _build_tokens(columns, sentences, quotes)
    mentions = find_mentions(text, token_fields, sentences, lexicons)
    return Document(
        id=id,
        text=text,
        raw_text=text if raw_text is None else raw_text,
        sentences=tuple(sentences),
        tokens=tokens,
        n_words=sum(token_fields.is_word),
        n_quoted_words=sum(map(and_, token_fields.is_word, token_fields.quoted)),
        quotes=tuple(quotes),
        columns=token_fields,
        mentions=mentions,
        **metadata,
    )


def _build_tokens(
    columns: tuple[list[int], list[int], list[str]], sentences: list[tuple[int, int]], quotes: list[QuoteRegion]
) -> tuple[tuple[Token, ...], TokenColumns]:
    """Tokens with their sentence index and quoted flag, and the same fields as columns.

    Written column-wise (offsets, texts, sentence ids, flags as lists, then zipped into
    tuples) because this runs on every token of every article and dominates parse time.
    ``columns`` are the token starts, ends and texts from :func:`token_columns`.
    """
    starts, ends, texts = columns
    count = len(texts)
    sentence_ids: list[int] = []
    previous = 0
    for index, (sentence_start, _) in enumerate(sentences[1:]):
        first = bisect_left(starts, sentence_start)
        sentence_ids += [index] * (first - previous)
        previous = first
    sentence_ids += [max(len(sentences) - 1, 0)] * (count - previous)
    quoted = [False] * count
    for quote in quotes:
        if quote.kind == "speech":
            first = bisect_left(starts, quote.inner_start)
            last = bisect_left(ends, quote.inner_end + 1)
            if last > first:
                quoted[first:last] = [True] * (last - first)
    norm_of, word_texts = norms_and_words(texts)
    norms = list(map(norm_of.__getitem__, texts))
    words = list(map(word_texts.__contains__, texts))
    fields = TokenColumns(*map(tuple, (starts, ends, texts, norms, sentence_ids, words, quoted)))
    make_token = partial(tuple.__new__, Token)
    return tuple(map(make_token, zip(*fields, strict=True))), fields
