"""Views of the analyzed articles that every comparison table shares.

Tables compare *outlets*, so articles are grouped by ``Document.outlet`` (an outlet
may have several articles). Words are compared by a folded key: lower case, accents
removed, straight apostrophes, so "Nicolás" and "Nicolas" are one word. Content words
are additionally stemmed (Porter, which needs no downloaded data) so "offer" and
"offered" align. Nothing here re-tokenizes: every view is built from ``doc.tokens``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from ..analysis import ArticleAnalysis
from ..document import Document, Span, Token
from ..stemming import stem as porter2_stem

_NUMBER_RE = re.compile(r"^\$?(\d+(?:[.,]\d+)*)%?$")
# Multipliers a number word gives the number before it ("$50 million").
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SUFFIX_SCALES = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12}
# A sentence without a final mark of at most this many words is a heading, title case or not.
HEADING_WORDS = 10
# Documents whose folded tokens and headings a WordFolder keeps: more than a story's articles.
RECENT_DOCUMENTS = 64


def fold(text: str) -> str:
    """Lower case without accents or curly apostrophes: the key spelling variants share."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'").replace("‘", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def outlet_of(analysis: ArticleAnalysis) -> str:
    doc = analysis.document
    return doc.outlet or doc.id


def outlets_in_order(analyses: Sequence[ArticleAnalysis]) -> list[str]:
    """Outlets in the order their first article appears (stable across runs)."""
    return list(dict.fromkeys(outlet_of(analysis) for analysis in analyses))


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of one article, with the keys the fact aligner compares."""

    outlet: str
    article_id: str
    index: int
    start: int
    end: int
    text: str
    n_words: int
    features: tuple[str, ...]
    numbers: tuple[tuple[float, int, int], ...]  # (value, start, end) of each number phrase


class WordFolder:
    """Caches folded and stemmed forms of the words seen in one comparison run.

    It is a class because the cache is real state, owned by one ``build_comparison``
    call (never module-level), so repeated words are folded and stemmed once. It also
    carries the run's stop words (``lexicons.stop_words``, from ``lexicons/stop_words.tsv``),
    because every table that folds words also skips stop words: one object to pass
    around, and no module-level list that a user's ``--lexicons`` could not change.
    """

    def __init__(self, stop_words: frozenset[str]) -> None:
        self.stop_words = stop_words
        self._folded: dict[str, str] = {}
        self._stems: dict[str, str] = {}
        self._documents: dict[int, tuple[Document, list[Any]]] = {}

    def fold(self, norm: str) -> str:
        folded = self._folded.get(norm)
        if folded is None:
            folded = self._folded[norm] = fold(norm)
        return folded

    def fold_all(self, norms: Sequence[str]) -> list[str]:
        """``fold`` of each norm, in order: each distinct norm folded once, the rest C-level lookups.

        A document's tokens are folded by several tables; one method call per token cost
        1.5 s per 500 articles.
        """
        cache = self._folded
        # Not ``set(norms) - cache.keys()``: that walks the whole cache, which grows with the corpus.
        for norm in [norm for norm in set(norms) if norm not in cache]:
            cache[norm] = fold(norm)
        return list(map(cache.__getitem__, norms))

    def folded_tokens(self, doc: Document) -> list[str]:
        """``fold`` of each of ``doc``'s tokens, computed once per document (see :meth:`_remember`)."""
        return self._remember(doc)[0]

    def headings(self, doc: Document) -> set[int]:
        """``doc``'s heading sentences (:func:`heading_sentences`), computed once per document."""
        entry = self._remember(doc)
        if entry[1] is None:
            entry[1] = heading_sentences(doc.tokens, entry[0], self.stop_words)
        return entry[1]

    def _remember(self, doc: Document) -> list[Any]:
        """``[folded tokens, headings or None]`` for ``doc``, kept for the last few documents.

        The labels, facts and headlines tables each read every article's folded tokens and
        headings; a story's articles are compared together, so remembering the most recent
        ``RECENT_DOCUMENTS`` serves all three, while memory stays bounded however long the
        corpus. Keyed by identity, and the document is kept with its entry, so a key is never
        reused by another document while its entry lives.
        """
        entry = self._documents.get(id(doc))
        if entry is None or entry[0] is not doc:
            if len(self._documents) >= RECENT_DOCUMENTS:
                del self._documents[next(iter(self._documents))]
            entry = self._documents[id(doc)] = (doc, [self.fold_all(doc.token_columns().norms), None])
        return entry[1]

    def stem(self, norm: str) -> str:
        stem = self._stems.get(norm)
        if stem is None:
            stem = self._stems[norm] = porter2_stem(self.fold(norm))
        return stem

    def content_stems(self, tokens: Iterable[Token]) -> list[str]:
        """Stems of the content words (no stop words, numbers or one-letter words)."""
        stems, stop_words = self._stems, self.stop_words
        found = []
        for token in tokens:
            norm = token.norm
            if token.is_word and len(norm) > 1 and norm not in stop_words and not norm[0].isdigit() and norm[0] != "$":
                stem = stems.get(norm)  # the cache first: this runs for every sentence of every story
                found.append(stem if stem is not None else self.stem(norm))
        return found


def number_value(text: str) -> float | None:
    match = _NUMBER_RE.match(text)
    if not match:
        return None
    digits = match.group(1).replace(",", "")
    try:
        return float(digits)
    except ValueError:
        return None


def numbers_in(doc: Document, tokens: Sequence[Token]) -> list[tuple[float, int, int]]:
    """Numbers in ``tokens`` as ``(value, start, end)``; "$50 million" is 5e7 and spans both words.

    Years and clock times are numbers too; the caller decides which comparisons make sense.
    """
    found = []
    for position, token in enumerate(tokens):
        if not token.is_word or not (token.text[0].isdigit() or token.text[0] == "$"):
            continue
        value = number_value(token.text)
        if value is None:
            continue
        end = token.end
        following = tokens[position + 1] if position + 1 < len(tokens) else None
        if following is not None and following.norm in _SCALES:
            value *= _SCALES[following.norm]
            end = following.end
        elif following is not None and following.start == token.end and following.norm in _SUFFIX_SCALES:
            value *= _SUFFIX_SCALES[following.norm]  # "$1.13bn", "£600m"
            end = following.end
        found.append((value, token.start, end))
    return found


def sentence_tokens(doc: Document) -> list[list[Token]]:
    """Tokens grouped by sentence index (one pass over ``doc.tokens``)."""
    groups: list[list[Token]] = [[] for _ in doc.sentences]
    for token in doc.tokens:
        if 0 <= token.sentence < len(groups):
            groups[token.sentence].append(token)
    return groups


def spans_in(spans: Sequence[Span], start: int, end: int, span_type: str) -> list[Span]:
    """Spans of ``span_type`` lying inside ``[start, end)``."""
    return [span for span in spans if span.type == span_type and start <= span.start and span.end <= end]


def evidence(article_id: str, start: int, end: int) -> str:
    """How every table cites words: ``article_id:start-end`` into that article's text."""
    return f"{article_id}:{start}-{end}"


def heading_sentences(tokens: Sequence[Token], folded: Sequence[str], stop_words: frozenset[str]) -> set[int]:
    """Headings: sentences without a final mark that are in title case or short.

    ("Implications of the Cartel designation", "Maduro’s response to escalating tensions").
    Shared by the labels (no names in title-case headings), facts (headings are not facts)
    and headlines tables; :meth:`WordFolder.headings` computes it once per document.
    """
    headings: set[int] = set()
    # Tokens come in sentence order, so each sentence is one run (counting per sentence in local
    # variables: Counter updates per token cost more than the rest of the labels table).
    for sentence, run in groupby(zip(tokens, folded, strict=False), key=_sentence_of_pair):
        n_words = n_content = n_capitals = 0
        text = ""
        for token, word in run:
            text = token.text
            if token.is_word:
                n_words += 1
                if word not in stop_words:
                    n_content += 1
                    n_capitals += token.text[0].isupper()
        if n_content and text not in ".!?”\"’'" and (n_capitals >= n_content * 0.6 or n_words <= HEADING_WORDS):
            headings.add(sentence)
    return headings


def _sentence_of_pair(pair: tuple[Token, str]) -> int:
    return pair[0].sentence
