"""Find quoted passages and tell reported speech from scare quotes.

Quotes are found once, at parse time, because every extractor needs to know which
words are the journalist's own and which are quoted (counts are reported for both).

Pairing rules:

* curly marks pair by direction and nest (“today’s “Straw vote” is …”), so an inner
  pair never closes the outer quote;
* straight double quotes alternate;
* double marks (“ ” " « ») form one family, because writers and pasted copy mix them:
  a closing double mark closes the innermost open double quote whatever its shape
  ("…”, “…"), a “ written where the quote ends (after a word or punctuation and before
  a space or punctuation: “Do you want to?“ he asked) closes too, and a ” with no
  double quote open opens one when it stands where a quote starts (at the start of a
  paragraph, or after a space and before a word);
* a single mark opens only after white space or an opening bracket and closes only
  where it cannot be an apostrophe, so "Trump’s", "’90s" and "'90s" never pair;
* a quote may run across sentences. It stops at the end of its paragraph: a quote left
  open there ends with the paragraph, without a closing mark, whether or not the next
  paragraph opens with a mark (the newspaper convention for a quote that runs over
  several paragraphs, whose next part is then a quote of its own).

A quoted passage names a *title* (a show, book, paper or bill: told “Today.”, on “Meet the
Press”) when a short title-case phrase follows "told", "on", "in", "wrote in" directly; it is
neither speech nor a scare quote. A quoted passage is *speech* when the words around it attribute it ("he stated,
“…”", "“…,” an advisor told Axios"), or when it is long (four words or more), or
when its sentence holds a reporting cue (a diplomatic solution is “quite likely,”
according to an advisor). It is a *scare* quote when the writer names or holds a
term at a distance: after a naming marker (so-called ‘gunboat diplomacy’, the term
"Cartel of the Suns", Operation “Southern Lance”), when it looks like a proper name
(“Suns Cartel”, ‘Cartel of the Suns,’), or when it is short and nothing reports it
(‘narcoterrorism’).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Sequence

from ..document import QuoteRegion
from ..grammar import DOUBLE_QUOTE_MARKS, QUOTE_MARKS, ROMANCE_NAME_PARTICLES
from .segmentation import token_columns, token_norm, tokenize

_OPENING = {"“": "”", "‘": "’", "«": "»", '"': '"', "'": "'"}
_MARKS = "".join(sorted(QUOTE_MARKS))
# Double quotation marks of any shape: one family for pairing (see the module docstring).
_DOUBLE = DOUBLE_QUOTE_MARKS
# Characters after which a mark starts a quote rather than ending one.
_OPEN_BEFORE = "([—–-/“"
SPEECH_MIN_WORDS = 4
# How many tokens may separate a quote from the cue that attributes it ("“…,” said the official").
_ATTRIBUTION_REACH = 4
# Words after which a quoted term is being named or mentioned, not reported: grammar of
# naming, a closed class rather than a vocabulary, so it lives here and not in a lexicon.
_NAMING_MARKERS = frozenset(
    ["so-called", "term", "terms", "word", "words", "phrase", "label", "dubbed", "called", "named", "nicknamed",
     "termed", "branded", "known", "operation", "slogan", "hashtag", "headline", "titled", "entitled"]
)
# Lower-case words allowed inside a quoted proper name ("Cartel of the Suns").
_NAME_PARTICLES = ROMANCE_NAME_PARTICLES | frozenset(["of", "the", "and", "y", "for", "on", "in", "el"])
# Words after which a quoted title-case phrase names a work (a show, book, paper or bill), not speech.
_WORK_MARKERS = frozenset(
    ["told", "on", "in", "watching", "titled", "entitled", "program", "programme", "show", "series", "book",
     "memoir", "film", "movie", "documentary", "podcast", "column", "essay", "bill", "newspaper", "magazine"]
)
_TITLE_MAX_WORDS = 6
_TITLE_SMALL_WORDS = _NAME_PARTICLES | frozenset(["a", "an", "at", "by", "to", "with", "from"])
_ELISION_RE = re.compile(r"['‘]\d\d(?:s\b|\b)")
# Marks that a title never holds, and the marks that end a sentence (a quoted name has none).
_CLAUSE_MARKS = re.compile(r"[,;:!?]")
_SENTENCE_MARKS = re.compile(r"[.!?…]")
_LINES = re.compile(r"[^\n]+")


TokenOffsets = tuple[Sequence[int], Sequence[int], Sequence[str]]


def find_quotes(
    text: str,
    sentences: list[tuple[int, int]],
    reporting_cues: Collection[str],
    columns: TokenOffsets | None = None,
) -> list[QuoteRegion]:
    """Quoted regions in ``text``; ``reporting_cues`` are normalized cue words (said, told).

    ``columns`` are the document's token starts, ends and texts
    (:func:`~framing.corpus.segmentation.token_columns`), passed by the parser so the
    words around each quote are read from them instead of tokenizing again.
    """
    if columns is None:
        columns = token_columns(text)
    regions: list[QuoteRegion] = []
    paragraphs = [(m.start(), m.end()) for m in _LINES.finditer(text)]
    for index, (start, end) in enumerate(paragraphs):
        next_start = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else None
        continues = next_start is not None and text[next_start] in "“«\"‘"
        for q_start, q_end, inner_start, inner_end in _pair_marks(text, start, end, continues):
            kind = _classify(text, (q_start, inner_start, inner_end, q_end), sentences, reporting_cues, columns)
            regions.append(QuoteRegion(q_start, q_end, inner_start, inner_end, kind))
    regions.sort(key=lambda region: (region.start, -region.end))
    return regions


_MARK_RE = re.compile(f"[{re.escape(_MARKS)}]")


def _pair_marks(text: str, start: int, end: int, continues: bool) -> list[tuple[int, int, int, int]]:
    """``(start, end, inner_start, inner_end)`` of each quote in one paragraph.

    Two straight apostrophes ('') stand for a double quote, as in newswire archives;
    of three, the first closes an open inner single quote and the other two the outer.
    ``continues`` says the next paragraph opens with a quotation mark, so a quote still
    open at this paragraph's end runs to it (and ``inner_end == end``).
    """
    pairs: list[tuple[int, int, int, int]] = []
    stack: list[tuple[str, int, int]] = []  # (mark, position, width)
    position = start
    while (found := _MARK_RE.search(text, position, end)) is not None:
        position = found.start()
        char = text[position]
        # In ''' the first mark closes an inner single quote when one is open (''I said, 'No,''').
        width = 2 if char == "'" and text.startswith("''", position) and not (
            text.startswith("'''", position) and stack and stack[-1][0] == "'"
        ) else 1
        mark = '"' if width == 2 else char
        before = text[position - 1] if position > start else " "
        after = text[position + width] if position + width < end else " "
        depth = _closes(stack, mark, before, after)
        if depth is not None:
            _, open_at, open_width = stack[depth]
            del stack[depth:]
            if position - open_at > open_width:
                pairs.append((open_at, position + width, open_at + open_width, position))
        elif _opens(text, position, mark, (before, after), stack, position == start):
            stack.append((mark, position, width))
        position += width
    # A quote still open at the paragraph's end runs to it: into the next paragraph when that
    # opens with a mark (the newspaper convention), else it ends with its paragraph. Without
    # that convention only a double mark counts (a lone single mark is more often an apostrophe).
    still_open = stack if continues else [entry for entry in stack if entry[0] in _DOUBLE]
    if still_open:
        _, open_at, open_width = still_open[0]
        if end - open_at > open_width:
            pairs.append((open_at, end, open_at + open_width, end))
    return pairs


def _closes(stack: list[tuple[str, int, int]], char: str, before: str, after: str) -> int | None:
    """Index in ``stack`` of the opening mark that ``char`` closes, or None.

    A closing double mark closes the innermost open double quote of any shape, over an
    unclosed inner single one (a stray ‘ must not swallow the rest of the paragraph); a
    single mark closes only the innermost quote, because elsewhere it is far more often
    an apostrophe.
    """
    if not stack or not _can_close(char, before, after):
        return None
    if char in _DOUBLE:
        return next((depth for depth in range(len(stack) - 1, -1, -1) if stack[depth][0] in _DOUBLE), None)
    if _OPENING.get(stack[-1][0]) == char:
        return len(stack) - 1
    return None


def _opens(
    text: str, position: int, mark: str, context: tuple[str, str], stack: list[tuple[str, int, int]], first: bool
) -> bool:
    """Whether the mark at ``position``, which closes nothing, opens a quote.

    ``context`` is the character before and after it; ``first`` says it opens its
    paragraph. A ” opens only when no double quote is open and it stands where a quote
    starts ("”Mr. Trump embodies …” ― Sonya"): a reversed opening mark, not a stray closer.
    """
    before, after = context
    if mark in "“«":
        return True
    if mark == "”":
        return not any(open_mark in _DOUBLE for open_mark, _, _ in stack) and (
            first or ((before.isspace() or before in _OPEN_BEFORE) and not after.isspace())
        )
    return mark in "\"‘'" and _can_open(text, position, before, after)


def _can_open(text: str, position: int, before: str, after: str) -> bool:
    if _ELISION_RE.match(text, position):
        return False  # '90s: a dropped century, not a quote
    return (before.isspace() or before in _OPEN_BEFORE) and not after.isspace()


def _can_close(mark: str, before: str, after: str) -> bool:
    if mark in "”»":
        return True
    if mark in "«‘":
        return False
    if mark == '"':
        return not before.isspace() or after.isspace()
    if mark == "“":
        # An opening mark where a quote ends: after a word or punctuation, before a space,
        # punctuation or the paragraph's end (“Why not?“ he asked; the “expedited review“ of).
        return not (before.isspace() or before in _OPEN_BEFORE or after.isalnum())
    # A single mark between letters is an apostrophe (Trump’s), not a closing quote.
    return not (before.isalnum() and after.isalnum()) and not before.isspace()


def _classify(
    text: str,
    bounds: tuple[int, int, int, int],
    sentences: list[tuple[int, int]],
    reporting_cues: Collection[str],
    columns: TokenOffsets,
) -> str:
    """``bounds`` are the quote's start, inner start, inner end and end."""
    start, inner_start, inner_end, end = bounds
    inner_tokens = _tokens_between(text, columns, inner_start, inner_end)
    inner_words = [t for t in inner_tokens if t[2][0].isalnum()]
    sentence_start, sentence_end = _sentence_around(sentences, inner_start, end)
    before = _tokens_between(text, columns, sentence_start, start)
    after = _tokens_between(text, columns, end, sentence_end)
    work = _names_a_work(text, before, inner_start, inner_end, inner_words)
    if work and after and token_norm(after[0][2]) in _WORK_MARKERS:
        return "title"  # "the “Charlie Rose” show": the noun after it is no reporting verb ("polls show")
    if _attributed_next_to(before, after, reporting_cues):
        return "speech"
    if work:
        return "title"
    if _named(before):
        return "scare"
    if _looks_like_name(text, inner_start, inner_end, inner_words):
        return "scare"
    if len(inner_words) >= SPEECH_MIN_WORDS or _quoted_sentence(text, inner_start, inner_end, inner_words):
        return "speech"
    if any(token_norm(token[2]) in reporting_cues for token in before + after):
        return "speech"
    return "scare"


def _names_a_work(
    text: str, before: list[tuple[int, int, str]], inner_start: int, inner_end: int, words: list[tuple[int, int, str]]
) -> bool:
    """A show, book or bill named after "told", "on", "appeared on", "wrote in": told “Today.”, on “Meet the Press”.

    The words are in title case (every word capitalized but small function words), at most
    :data:`_TITLE_MAX_WORDS` of them, and the mark follows the marker word directly.
    """
    if not words or len(words) > _TITLE_MAX_WORDS or not _after_work_marker(before):
        return False
    if _CLAUSE_MARKS.search(text[inner_start:inner_end].rstrip(".,")):
        return False
    return all(w[2][0].isupper() or w[2].lower() in _TITLE_SMALL_WORDS for w in words) and words[0][2][0].isupper()


def _after_work_marker(before: list[tuple[int, int, str]]) -> bool:
    """A marker word just before, or before an outlet's name and "the" ("on PBS’s the “…”", "told Fox News'")."""
    for offset, token in enumerate(reversed(before[-4:])):
        norm = token_norm(token[2])
        if norm in _WORK_MARKERS:
            return True
        if offset == 3 or not (norm == "the" or token[2][:1].isupper() or token[2] in ("'", "’", "'s", "’s")):
            return False
    return False


def _tokens_between(text: str, columns: TokenOffsets, start: int, end: int) -> list[tuple[int, int, str]]:
    """``tokenize(text, start, end)``, read from the document's tokens where that gives the same.

    The tokenizer looks neither behind a token nor past the next character, so inside a
    stretch whose ends fall between tokens it finds the document's own tokens. Only when
    a token of the document straddles an end (a range cut mid-word) is the stretch
    tokenized again, so the result is always exactly what ``tokenize`` returns.
    """
    starts, ends, texts = columns
    first = bisect_right(ends, start)  # the first token that ends after ``start``
    last = bisect_left(starts, end)  # tokens before ``last`` start before ``end``
    if (first < len(starts) and starts[first] < start) or (last > 0 and ends[last - 1] > end):
        return tokenize(text, start, end)
    return list(zip(starts[first:last], ends[first:last], texts[first:last], strict=True))


def _named(before: list[tuple[int, int, str]]) -> bool:
    """A naming marker just before the quote, maybe with "as" or an article between (dubbed the ‘X’)."""
    norms = [token_norm(token[2]) for token in before[-2:]]
    if norms and norms[-1] in _NAMING_MARKERS:
        return True
    return len(norms) == 2 and norms[0] in _NAMING_MARKERS and norms[1] in ("as", "the", "a", "an")


def _sentence_around(sentences: list[tuple[int, int]], inner_start: int, end: int) -> tuple[int, int]:
    """From the start of the sentence where the quote opens to the end of the one where it closes."""
    first = next((s for s in sentences if s[0] <= inner_start < s[1]), (inner_start, end))
    last = next((s for s in sentences if s[0] < end <= s[1]), first)
    return first[0], max(last[1], end)


def _attributed_next_to(
    before: list[tuple[int, int, str]], after: list[tuple[int, int, str]], reporting_cues: Collection[str]
) -> bool:
    """A cue just before the quote ending in , or : ("stated, “…”"), or a cue just after it."""
    if before and before[-1][2] in ",:" and any(
        token_norm(t[2]) in reporting_cues for t in before[-1 - _ATTRIBUTION_REACH : -1]
    ):
        return True
    following = [t for t in after[: _ATTRIBUTION_REACH + 1] if t[2] not in ",—–-"]
    for token in following[:_ATTRIBUTION_REACH]:
        if token[2] in ".;!?":
            break
        if token_norm(token[2]) in reporting_cues:
            return True
    return False


def _quoted_sentence(text: str, inner_start: int, inner_end: int, words: list[tuple[int, int, str]]) -> bool:
    """A short quoted sentence: two words or more, opening with a capital, with a lower-case word (not a name)
    and its own final mark inside the quotes (“A patriot.”, “Ultimately, we’re responsible.”). A blind grader
    rejected such quotes as scare quotes: the writer holds no term at a distance, a source said a sentence."""
    inner = text[inner_start:inner_end].rstrip()
    return (len(words) >= 2 and words[0][2][0].isupper() and inner[-1:] in ".?!"
            and any(w[2][0].islower() for w in words[1:]))


def _looks_like_name(text: str, inner_start: int, inner_end: int, words: list[tuple[int, int, str]]) -> bool:
    """A short capitalized phrase without sentence punctuation: a name held in quotes.

    "Suns Cartel", "Cartel of the Suns", "Southern Lance". A quoted sentence has a
    verb and usually a final mark; a name does not, and every content word of a
    longer name is capitalized.
    """
    if not words or len(words) > 6 or not words[0][2][0].isupper():
        return False
    if _SENTENCE_MARKS.search(text[inner_start:inner_end]):
        return False
    if len(words) <= 2:
        return True
    return all(w[2][0].isupper() or w[2].lower() in _NAME_PARTICLES for w in words)
