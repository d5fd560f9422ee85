"""Sentences and tokens with character offsets, offline and rule-based.

Why rules and not NLTK's punkt: punkt's model is downloadable data that cannot be
fetched here, and news text needs a few specific behaviours anyway:

* a line break always ends a sentence, so headings without a final period stand alone;
* abbreviations (Gen., Mr., Bush v. Gore, No. 2, Jan. 5) and initials (George W. Bush) do not
  end a sentence; "U.S.", "Inc." or "Oct." end one only before a sentence opener ("The", "He");
* a missing space after a full stop ("Latin America.Approximately") still ends one;
* closing quotation marks stay with the sentence they close, and a quote that opens a sentence
  keeps its speech tag ("“Why?” Lopez asked.");
* quotation marks are never paired here, so an unclosed one cannot swallow the article.

The abbreviations are data (lexicons/abbreviations.tsv, each with a ``kind``), passed in by the
caller as :class:`SentenceRules`, built once per lexicon load.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from itertools import accumulate

from ..grammar import SENTENCE_OPENERS

TOKEN_RE = re.compile(
    r"""
    (?:[A-Za-z]\.){2,}(?![A-Za-z])          # initialisms: U.S., U.N.
  | \$?\d+(?:[.,:]\d+)*%?                    # numbers: 15,000  $50  2.5%  10:30
  | \w+(?:[-'’]\w+)*                        # words, hyphenated words, contractions
  | [^\w\s]                                  # any other single mark
    """,
    re.VERBOSE,
)

# The tokenizer as one capturing group, for re.split (see token_columns).
_TOKEN_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})", re.VERBOSE)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})

# A sentence may end at . ! ? or … followed by closing quotes or brackets.
_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*")
# What may open the next sentence besides a capital or a digit: an opening quote or bracket, or a
# dollar sign ("$400,000 came from one donor").
_NEXT_SENTENCE_MARKS = "\"'“‘([$"


def token_norm(text: str) -> str:
    """Lookup key for a token: lower case, straight apostrophes, no possessive 's."""
    norm = text.lower()
    if "'" not in norm and "’" not in norm and "‘" not in norm and "`" not in norm:
        return norm
    norm = norm.translate(_APOSTROPHES)
    if norm.endswith("'s") and len(norm) > 2:
        norm = norm[:-2]
    return norm


def norms_and_words(texts: Collection[str]) -> tuple[dict[str, str], set[str]]:
    """:func:`token_norm` of each distinct token text, and the texts :func:`is_word` accepts.

    Done for a whole document's distinct texts at once, at parse time. Most texts are
    letters and digits only (``str.isalnum``, tested at C speed): such a text is a word
    and its norm is its lower case, so only the rest (marks, hyphenated words,
    contractions) go through the per-text functions.
    """
    distinct = set(texts)
    plain = set(filter(str.isalnum, distinct))
    norms = dict(zip(distinct, map(str.lower, distinct), strict=True))
    words = plain.copy()
    for text in distinct - plain:
        norms[text] = token_norm(text)
        if is_word(text):
            words.add(text)
    return norms, words


def token_columns(text: str) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and texts of every token in ``text``: what :func:`tokenize` finds, as columns.

    ``re.split`` with the token pattern as its one group returns gap, token, gap, …,
    gap; each piece starts where the ones before it end, so the offsets are running
    sums of the piece lengths. That avoids building a match object per token, which
    is the bulk of tokenizing at parse time.
    """
    pieces = _TOKEN_SPLIT_RE.split(text)
    offsets = list(accumulate(map(len, pieces), initial=0))
    return offsets[1:-1:2], offsets[2::2], pieces[1::2]


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, text)`` for every token in ``text[start:end]``."""
    stop = len(text) if end is None else end
    return [(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(text, start, stop)]


def is_word(token_text: str) -> bool:
    return token_text[0].isalnum() or (token_text[0] == "$" and len(token_text) > 1)


# What each ``kind`` of lexicons/abbreviations.tsv does before a period that could end a sentence.
ABBREVIATION_KINDS: dict[str, str] = {
    "title": "never",  # Mr., Gen., Sen.: a name follows
    "legal": "never",  # Bush v. Gore, Smith vs. Jones
    "number": "before_number",  # No. 2, Art. 19, p. 55; "She said No." ends
    "suffix": "before_opener",  # Acme Inc. The company ...
    "month": "before_opener",  # Jan. 5; in Oct. The ...
    "place": "before_opener",  # St. Louis; on Main St. The ...
    "other": "before_opener",  # etc.
}


@dataclass(frozen=True, slots=True)
class SentenceRules:
    """The data the segmenter reads: each abbreviation (lower case, no final period) with its
    behaviour (a value of :data:`ABBREVIATION_KINDS`), and the words of a speech tag ("asked",
    "said") that keep "“Why?” Lopez asked." one sentence."""

    abbreviations: Mapping[str, str]
    speech_cues: frozenset[str] = frozenset()


def sentence_rules(abbreviations: Iterable[tuple[str, str]], speech_cues: Iterable[str] = ()) -> SentenceRules:
    """:class:`SentenceRules` from ``(term, kind)`` rows of the abbreviations lexicon."""
    behaviours = {term.lower().rstrip("."): ABBREVIATION_KINDS[kind] for term, kind in abbreviations}
    return SentenceRules(abbreviations=behaviours, speech_cues=frozenset(speech_cues))


def split_sentences(text: str, rules: SentenceRules) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence, trimmed of surrounding white space."""
    sentences: list[tuple[int, int]] = []
    for line in _LINE_RE.finditer(text):
        line_start = line.start()
        cursor = line_start
        for stop in _sentence_stops(text, line_start, line.end(), rules):
            _append_trimmed(sentences, text, cursor, stop)
            cursor = stop
        _append_trimmed(sentences, text, cursor, line.end())
    return sentences


_LINE_RE = re.compile(r"[^\n]+")
# The first non-space character from a position on.
_NEXT_CHAR_RE = re.compile(r"\s*(\S)")
# A capitalized word glued to a period ("America.Approximately 15,000"), but not "Jane.Doe@example.com".
_GLUED_SENTENCE_RE = re.compile(r"[A-Z][a-z]+(?![\w@.’'/-])")
_NEXT_WORD_RE = re.compile(r"\s*[\"“‘']?([A-Za-z]+)")
_OPENING_QUOTES = "\"“‘'"
_DOUBLE_QUOTE_RE = re.compile("[\"“”]")
# How far back (characters) a quote's sentence is searched for the quote's opening mark.
_LONGEST_QUOTED_SENTENCE = 1000
_CLOSING_QUOTES = "\"”’'"
# After a quoted question or exclamation: one to four capitalized words, then a lower-case word.
_NAMED_TAG_RE = re.compile(r"\s+([A-Z][\w'’-]*)\.?(?:\s+[A-Z][\w'’-]*\.?){0,3}\s+([a-z]+)\b")


def _append_trimmed(sentences: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append((start, end))


def _sentence_stops(text: str, line_start: int, line_end: int, rules: SentenceRules) -> list[int]:
    """Offsets just after each sentence-final mark inside one line.

    What follows a mark is read in place (patterns matched from ``stop`` up to
    ``line_end``), not by slicing off the rest of the line, which made long
    paragraphs cost time quadratic in their length.
    """
    stops = []
    sentence_start = line_start
    for match in _END_RE.finditer(text, line_start, line_end):
        stop = match.end()
        next_match = _NEXT_CHAR_RE.match(text, stop, line_end)
        if next_match is None:
            continue
        next_char = next_match.group(1)
        mark = match.group()
        if stop < line_end and not text[stop].isspace() and not (
            mark[0] == "." and _GLUED_SENTENCE_RE.match(text, stop, line_end)
        ):
            continue  # "nytimes.com", "3.5", "U.S.-led", "Jane.Doe@": no boundary
        if not (next_char.isupper() or next_char.isdigit() or next_char in _NEXT_SENTENCE_MARKS):
            continue  # "what happened... can only be": the sentence goes on
        mark_start = match.start()
        if mark[0] == "." and _abbreviation_holds(text, line_start, mark_start, stop, line_end, rules):
            continue
        if mark_start - sentence_start <= 5 and _is_list_number(text, sentence_start, mark_start):
            continue  # "1. The first item", "2.) The next"
        if len(mark) > 1 and _closing_mark_goes_on(text, sentence_start, match, rules):
            continue
        stops.append(stop)
        sentence_start = stop
    return stops


def _closing_mark_goes_on(text: str, sentence_start: int, match: re.Match[str], rules: SentenceRules) -> bool:
    """Whether a mark with a closing bracket or quote does not end the sentence: "[...]" marks an
    omission, and a quote may go on with its speech tag (:func:`_keeps_speech_tag`)."""
    mark = match.group()
    if "]" in mark and text[match.start() - 1 : match.start()] == "[":
        return True
    return mark[-1] in _CLOSING_QUOTES and _keeps_speech_tag(text, sentence_start, match, rules)


def _is_list_number(text: str, sentence_start: int, mark_start: int) -> bool:
    """Whether the sentence so far is only a list number ("1." of "1. The first item")."""
    return text[sentence_start:mark_start].strip().isdigit()


def _keeps_speech_tag(text: str, sentence_start: int, match: re.Match[str], rules: SentenceRules) -> bool:
    """Whether a quote that ends here goes on with a named speech tag.

    "“Is it legal?” Mr. Ortiz asked." and "… one more? I'll run mine?" Akin continued." (the quote
    opened in an earlier sentence) are one sentence each; "He asked: “Why?” Nobody replied." is two,
    since "He asked" already tagged the quote. A tag that ends at once may have any verb after a
    question ("“Why?” Obama continued, …"); after a full stop only a speech verb that ends at once
    counts ("“We won.” Lopez said."), and "“We won.” Lopez said the vote ..." starts a new sentence.
    """
    tag = _NAMED_TAG_RE.match(text, match.end(), match.endpos)  # within the line
    if not tag or tag.group(1).lower() in SENTENCE_OPENERS:
        return False
    question = "?" in match.group() or "!" in match.group()
    speech_verb = tag.group(2) in rules.speech_cues
    ends_at_once = text[tag.end() : tag.end() + 1] in (".", ",")
    if not (speech_verb or question) or not (ends_at_once or (question and speech_verb)):
        return False
    first = _NEXT_CHAR_RE.match(text, sentence_start, match.start())
    if first is not None and first.group(1) in _OPENING_QUOTES:
        return True  # the quote opens the sentence
    if match.start() - sentence_start > _LONGEST_QUOTED_SENTENCE:
        return False  # keeps a line of "a?’ B said, a?’ B said, …" linear in its length
    return not _DOUBLE_QUOTE_RE.search(text, sentence_start, match.start())  # it opened before the sentence


_WORD_BEFORE_DOT = re.compile(r"((?:[A-Za-z]\.)*[A-Za-z]+)$")
_INITIALISM_RE = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_WORD_BEFORE_RE = re.compile(r"(\w+)[\s,]+$")


def _abbreviation_holds(
    text: str, line_start: int, dot: int, stop: int, line_end: int, rules: SentenceRules
) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation that does not end the sentence;
    ``text[stop:line_end]`` follows the mark."""
    # The word is letters and dots, so it starts after the last space. Most words before a full
    # stop are plain letters ("spoke."), read without a regex; the rest ("U.S.", "(Smith") are
    # searched from that space on, not at every position of the 40-character window.
    window_start = max(line_start, dot - 40)
    word_start = max(window_start, text.rfind(" ", window_start, dot) + 1)
    word = text[word_start:dot]
    if not word.isalpha():
        word_match = _WORD_BEFORE_DOT.search(text, word_start, dot)
        if not word_match:
            return False
        word, word_start = word_match.group(1), word_match.start()
        if _INITIALISM_RE.fullmatch(word):
            # "the U.S. military" goes on; "left the U.S. The talks" ends
            return not _opener_follows(text, stop, line_end)
    if len(word) == 1 and word.isupper():
        # A middle initial ("George W. Bush"), unless it is the pronoun: "you and I. Did you".
        return not (
            word == "I" and _opener_follows(text, stop, line_end) and _after_lower_word(text, line_start, word_start)
        )
    behaviour = rules.abbreviations.get(word.lower())
    if behaviour is None:
        return False
    if behaviour == "before_number":
        following = _NEXT_CHAR_RE.match(text, stop, line_end)
        return bool(following) and following.group(1).isdigit()
    return behaviour == "never" or not _opener_follows(text, stop, line_end)


def _opener_follows(text: str, stop: int, line_end: int) -> bool:
    """Whether the word after ``stop`` is a sentence opener ("The", "He", "How")."""
    next_word = _NEXT_WORD_RE.match(text, stop, line_end)
    return bool(next_word) and next_word.group(1).lower() in SENTENCE_OPENERS


def _after_lower_word(text: str, line_start: int, position: int) -> bool:
    """Whether the word before ``position`` is lower case (not part of a name)."""
    before = _WORD_BEFORE_RE.search(text, max(line_start, position - 40), position)
    return bool(before) and before.group(1)[0].islower()


# A dateline at the start of an article: a place in capitals, an optional ", Country" and
# "(Agency)", then a dash. "WASHINGTON —", "NEW YORK (AP) —", "CARACAS, Venezuela —", "ST. LOUIS —".
_DATELINE_RE = re.compile(
    r"""
    [ \t]*
    [A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]*){0,3}             # the place in capitals
    (?:,[ ][A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,2})?      # , Venezuela / , N.Y. / , South Korea
    (?:[ ]\([^()\n]{1,30}\))?                               # (AP), (Reuters)
    [ ]?[—–-]{1,2}[ \t]*
    """,
    re.VERBOSE,
)


def dateline_end(text: str) -> int:
    """Offset just after the article's dateline and its dash ("WASHINGTON — "), 0 if there is none.

    The dateline stays inside the first sentence (it has no final punctuation); this offset lets a
    reader of that sentence skip it. It is looked for at the start of the first line and, when that
    line is a headline (no final punctuation), of the second.
    """
    lines = _LINE_RE.finditer(text)
    for line in lines:
        if not line.group().strip():
            continue
        found = _DATELINE_RE.match(text, line.start(), line.end())
        if found:
            return found.end()
        if line.group().rstrip()[-1:] in ".!?…\"”’)":
            return 0
        second = next(lines, None)
        found = _DATELINE_RE.match(text, second.start(), second.end()) if second else None
        return found.end() if found else 0
    return 0
