"""Plain data shared by every layer: spans of evidence and parsed documents.

A :class:`Document` is built once per article by :mod:`framing.corpus`; every
extractor reads it and never re-tokenizes. All offsets are ``[start, end)``
character positions into ``Document.text``, the analyzed (cleaned) text.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

if TYPE_CHECKING:
    from .corpus.mentions import Mention

SpanType = Literal["hedge", "attribution", "loaded", "quote", "source", "frame"]
# "frame": a sentence that carries a policy frame (framing/features/policy_frames/), the frame's name as label.
SPAN_TYPES: tuple[SpanType, ...] = ("hedge", "attribution", "loaded", "quote", "source", "frame")
# A span's own fields, in the order every output gives them (the JSON contract, the span tables).
SPAN_KEYS = ("type", "start", "end", "text", "label", "category", "note", "alternative")


POSSIBLE = "possible"  # the confidence of a finding shown but not counted (see Span.counted)


@dataclass(frozen=True, slots=True)
class Span:
    """One piece of evidence: the words in ``text[start:end]`` that fired a rule.

    ``label`` names the lexicon entry (its term) or the rule that fired, so a
    reader can always find why a span was counted. ``category``, ``note`` and
    ``alternative`` come from the lexicon entry; ``attrs`` holds extractor-specific
    details (a source's kind and stance, a quote's speaker) as plain values.
    """

    type: SpanType
    start: int
    end: int
    text: str
    label: str
    category: str = ""
    note: str = ""
    alternative: str = ""
    attrs: Mapping[str, Any] = field(default_factory=dict)

    @property
    def counted(self) -> bool:
        """Whether the span counts in rates: a "possible" finding (``confidence: possible``, demoted by a
        learned model with its ``reason``) is shown as evidence but not counted."""
        return self.attrs.get("confidence") != POSSIBLE

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape of a span: contract keys first, then the lexicon details."""
        data: dict[str, Any] = {
            "type": self.type,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "label": self.label,
        }
        for key in ("category", "note", "alternative"):
            value = getattr(self, key)
            if value:
                data[key] = value
        data.update(self.attrs)
        return data


class Token(NamedTuple):
    """A word, number or punctuation mark with its offsets.

    ``norm`` is the lookup key: lower case, curly apostrophes straightened and a
    possessive ``'s`` removed, so "Maduro’s" matches the lexicon term "maduro".
    A NamedTuple rather than a dataclass because documents hold many thousands of
    tokens and tuples are several times cheaper to build.
    """

    start: int
    end: int
    text: str
    norm: str
    sentence: int
    is_word: bool
    quoted: bool = False


class TokenColumns(NamedTuple):
    """The tokens' fields as parallel tuples, ``columns.norms[i] == tokens[i].norm``.

    Built once by the parser, which produces the fields column by column anyway, so
    extractors that scan every token (term matching, name finding) read a ready tuple
    instead of each rebuilding the same lists from the tokens.
    """

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    texts: tuple[str, ...]
    norms: tuple[str, ...]
    sentences: tuple[int, ...]
    is_word: tuple[bool, ...]
    quoted: tuple[bool, ...]

    @classmethod
    def of(cls, tokens: tuple[Token, ...]) -> TokenColumns:
        """Columns transposed from ``tokens`` (for a Document built without them)."""
        if not tokens:
            return cls((), (), (), (), (), (), ())
        return cls(*zip(*tokens, strict=True))


@dataclass(frozen=True, slots=True)
class QuoteRegion:
    """Text between a pair of quotation marks.

    ``start``/``end`` include the marks; ``inner_start``/``inner_end`` exclude them.
    ``kind`` is ``"speech"`` for reported words and ``"scare"`` for a term the writer
    holds at a distance (‘narcoterrorism’), which is a loaded-language signal; ``"title"``
    for the name of a show, book or bill (told “Today.”), which is neither.
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    kind: Literal["speech", "scare", "title"]


@dataclass(frozen=True, slots=True)
class Document:
    """One article, cleaned and segmented once.

    ``text`` is what every offset indexes; ``raw_text`` is the input as read, kept so
    nothing is lost. ``sentences`` are ``(start, end)`` pairs; ``tokens`` carry their
    sentence index and whether they lie inside speech quotes.
    """

    id: str
    text: str
    raw_text: str
    sentences: tuple[tuple[int, int], ...]
    tokens: tuple[Token, ...]
    quotes: tuple[QuoteRegion, ...]
    n_words: int
    n_quoted_words: int
    outlet: str = ""
    title: str = ""
    byline: str = ""
    date: str = ""
    url: str = ""
    path: str = ""
    removed: tuple[str, ...] = ()
    story: str = ""  # the story it covers, when the corpus has a `story` column
    # Set by the parser; read it through ``token_columns()``, which also covers documents built without it.
    columns: TokenColumns | None = field(default=None, repr=False, compare=False)
    # People, organisations, places, dates, documents and groups, found once by the parser
    # (framing/corpus/mentions.py), with pronouns and descriptions resolved where the text allows.
    mentions: tuple[Mention, ...] = field(default=(), repr=False, compare=False)

    @property
    def words(self) -> tuple[Token, ...]:
        return tuple(token for token in self.tokens if token.is_word)


    def token_columns(self) -> TokenColumns:
        """The tokens' fields as parallel tuples (see :class:`TokenColumns`)."""
        return self.columns if self.columns is not None else TokenColumns.of(self.tokens)

    def is_quoted(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` lies inside a speech quote."""
        return any(q.kind == "speech" and q.inner_start <= start and end <= q.inner_end for q in self.quotes)

    def sentence_of(self, offset: int) -> int:
        """Index of the sentence that holds ``offset`` (the last one starting at or before it)."""
        low, high = 0, len(self.sentences) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if self.sentences[middle][0] <= offset:
                low = middle
            else:
                high = middle - 1
        return low
