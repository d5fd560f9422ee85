"""What makes material sound enough to print: confident rows, whole sentences, passages that stand on their own.

A teacher prints the lesson without checking it, so every builder takes only
material that passes these tests, and a kind with none is left out (the key
says why) rather than filled with weak material:

* a comparison row counts only when its ``confidence`` reaches the comparison's
  own bar (:data:`framing.compare.confidence.CONFIDENT_AT`); a table without a
  ``confidence`` column has no confident rows;
* a sentence shown must be whole: at least four words, it starts with a capital,
  a digit or a quote mark, ends with terminal punctuation, has balanced double quotes, and does not
  end on an abbreviation (``Bush v.``) or run on into a lower-case sentence;
* a sentence that opens with a pronoun ("She said", "It was the first time"),
  inside a quote that began earlier, or with a quotation that names no speaker
  brings the sentence before it.

The names students and teachers read for the tool's categories (roles, source
kinds, hedge and loaded-word kinds) are data, in ``names.tsv`` next to this file.
"""

from __future__ import annotations

import csv
import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from functools import cache
from pathlib import Path
from typing import Any

from ..analysis import ArticleAnalysis
from ..compare.confidence import CONFIDENT_AT
from ..grammar import (
    AUXILIARY_VERBS,
    CLAUSE_OPENERS,
    DEMONSTRATIVES,
    DETERMINERS,
    FOCUS_ADVERBS,
    IRREGULAR_PAST,
    NEGATIONS,
    OBJECT_PRONOUNS,
    PREPOSITIONS,
    SUBJECT_PRONOUNS,
    THIRD_PERSON_POSSESSIVES,
)
from ..lexicons import Lexicons

NAMES_FILE = Path(__file__).with_name("names.tsv")
# Words that, opening a sentence, point back to the sentence before.
BACK_POINTERS = SUBJECT_PRONOUNS - {"i", "you", "we"} | DEMONSTRATIVES | THIRD_PERSON_POSSESSIVES | {
    "that", "him", "them", "such"}
MAX_CONTEXT = 2  # sentences brought in front of one that cannot stand alone
MIN_WORDS = 4  # "Netanyahu told Sens." (a split at an unlisted title) and "Akin continued." say nothing alone
_FIRST_WORD = re.compile(r"[\"“‘'(\s]*([A-Za-z]+)")
_OPENS_QUOTE = re.compile(r"^\s*[\"“]")
_STARTS_WELL = re.compile(r"^[\"“‘'(]*[A-Z0-9]")
_ENDS_WELL = re.compile(r"[.!?…][\"”’')]*$")
_LAST_WORD = re.compile(r"(\S+)\.[\"”’')]*$")


# --- names -----------------------------------------------------------------------------


@cache
def _names() -> dict[tuple[str, str], tuple[str, str]]:
    with NAMES_FILE.open(encoding="utf-8") as handle:
        rows = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        return {(row["group"], row["key"]): (row["name"], row["definition"]) for row in rows}


def readable(group: str, key: str) -> str:
    """The plain name of an internal category (``courts_prosecutors`` → "prosecutors and courts")."""
    found = _names().get((group, key))
    return found[0] if found else key.replace("_", " ")


def definitions(group: str, keys: Iterable[str] | None = None) -> list[dict[str, str]]:
    """``[{name, definition}]`` for the categories of ``group`` (all, or only ``keys``, in their order)."""
    wanted = list(keys) if keys is not None else [k for g, k in _names() if g == group]
    found = {_names()[(group, k)][0]: _names()[(group, k)][1] for k in wanted if (group, k) in _names()}
    return [{"name": name, "definition": definition} for name, definition in found.items()]  # a name once


# --- confident rows --------------------------------------------------------------------


def confidence_of(row: Mapping[str, Any]) -> float | None:
    """A row's confidence as a number, or None when it has none (or it is blank)."""
    value = row.get("confidence")
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    return None if number != number else number


def is_confident(row: Mapping[str, Any]) -> bool:
    """Whether a comparison row reaches the comparison's bar; a row without a confidence does not."""
    value = confidence_of(row)
    return value is not None and CONFIDENT_AT > 0 and value >= CONFIDENT_AT


# --- whole sentences -------------------------------------------------------------------


def is_whole(text: str, abbreviations: AbstractSet[str] = frozenset()) -> bool:
    """Whether ``text`` reads as one whole sentence (see the module's rules)."""
    text = " ".join(text.split())
    if len(re.findall(r"\w+", text)) < MIN_WORDS or not _STARTS_WELL.match(text) or not _ENDS_WELL.search(text):
        return False
    if (text.count("“") != text.count("”")) or text.count('"') % 2:
        return False
    last = _LAST_WORD.search(text)
    return not last or not (last.group(1).lower().rstrip(".") in abbreviations
                            or re.fullmatch(r"[A-Za-z]", last.group(1)))


def sentence_text(analysis: ArticleAnalysis, index: int) -> str:
    start, end = analysis.document.sentences[index]
    return analysis.document.text[start:end]


def whole_sentence(analysis: ArticleAnalysis, index: int, abbreviations: AbstractSet[str]) -> bool:
    """Whether sentence ``index`` is whole, and the next one does not carry it on in lower case."""
    if not is_whole(sentence_text(analysis, index), abbreviations):
        return False
    following = index + 1
    if following < len(analysis.document.sentences):
        return not re.match(r"^[\"“‘'(]*[a-z]", sentence_text(analysis, following).strip())
    return True


def leans_back(analysis: ArticleAnalysis, index: int) -> bool:
    """Whether sentence ``index`` needs the one before: it opens with a pronoun or inside an open quote."""
    start, _ = analysis.document.sentences[index]
    if any(q.start < start < q.end for q in analysis.document.quotes if q.kind == "speech"):
        return True
    first = _FIRST_WORD.match(sentence_text(analysis, index))
    if first and first.group(1).lower() in BACK_POINTERS:
        return True
    return quote_without_speaker(analysis, index)


def quote_without_speaker(analysis: ArticleAnalysis, index: int) -> bool:
    """Whether sentence ``index`` is a quotation that names no speaker: who said it is in the sentence before."""
    start, end = analysis.document.sentences[index]
    if not _OPENS_QUOTE.match(analysis.document.text[start:end]):
        return False
    return not any(start <= s.start < end for s in analysis.spans_of("attribution"))


def standing(analysis: ArticleAnalysis, indexes: Iterable[int], abbreviations: AbstractSet[str]) -> list[int] | None:
    """``indexes`` with the sentences before any that lean back, or None if a sentence is not whole.

    None too when the passage would still open leaning back after :data:`MAX_CONTEXT`
    sentences of context: such a passage cannot be shown on its own.
    """
    wanted = sorted(set(indexes))
    if not wanted:
        return None
    first = wanted[0]
    while leans_back(analysis, first) and first > 0 and wanted[0] - first < MAX_CONTEXT:
        first -= 1
    if leans_back(analysis, first):
        return None
    for index in wanted[1:]:
        if index - 1 not in wanted and leans_back(analysis, index):
            wanted.append(index - 1)
    shown = sorted(set(wanted) | set(range(first, wanted[0])))
    return shown if all(whole_sentence(analysis, n, abbreviations) for n in shown) else None


# First and second person: in a news sentence outside quotes, a letter or speech the article reproduces.
_PERSONAL = re.compile(r"(?<![\w’'])(?:I|we|We|us|our|Our|you|You|your|Your|my|My|me)(?![\w’'])")


def writers_own(analysis: ArticleAnalysis, offset: int) -> bool:
    """Whether the sentence at ``offset`` is the writer's own: at most a quarter of it quoted, and no "I", "we",
    "you" outside quotes (a letter or speech the article reproduces). A strict teacher found a quoted letter
    offered as the outlet's framing."""
    doc = analysis.document
    start, end = doc.sentences[doc.sentence_of(offset)]
    quoted = sum(max(0, min(end, q.end) - max(start, q.start)) for q in doc.quotes if q.kind == "speech")
    if quoted > (end - start) / 4:
        return False
    return not any(not doc.is_quoted(w.start(), w.end()) for w in _PERSONAL.finditer(doc.text, start, end))


# Words after a name that leave it the head of its phrase ("BDS and", "Trump has", "Maduro himself").
_NOT_A_NOUN = AUXILIARY_VERBS | CLAUSE_OPENERS | DETERMINERS | FOCUS_ADVERBS | IRREGULAR_PAST | NEGATIONS \
    | OBJECT_PRONOUNS \
    | PREPOSITIONS | SUBJECT_PRONOUNS | frozenset(["or", "nor", "himself", "herself", "itself", "themselves"])


def modifies_a_noun(lexicons: Lexicons, analysis: ArticleAnalysis, end: int) -> bool:
    """Whether the name ending at ``end`` modifies a common noun after it ("the vitriolic BDS campaign"): then the
    words before the name describe the noun, not the name, and are no label of it (a strict teacher found "The
    vitriolic BDS" offered as a label of BDS). A lower-case word after the name counts as that noun unless it is a
    function word, an adverb in -ly, a past form (-ed, "grew") or a reporting verb ("BDS activists" counts, as does the
    verb of "Trump wants": an occurrence is rather left out than misread)."""
    doc = analysis.document
    if doc.text[max(0, end - 2):end].lower() in ("'s", "’s") or doc.text[end - 1:end] in ("'", "’"):
        return False  # "the regime's army": a possessor is the head of its own phrase
    at = bisect_left(doc.token_columns().starts, end)
    after = doc.tokens[at] if at < len(doc.tokens) else None
    if after is None or not after.is_word or not after.text[:1].islower() or after.norm in _NOT_A_NOUN:
        return False
    if after.norm.endswith(("ly", "ed")):
        return False
    return not any(row.key.lower() == after.norm for row in lexicons["reporting_verbs"])
