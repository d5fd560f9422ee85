"""Voices: who each outlet quotes or cites, grouped by role, with the words given to them.

Voices come from the extractors' spans: ``quote`` spans (the speaker the quote
extractor resolved) and ``source`` spans (the subject of a reporting verb: "analysts
argue", "an advisor told Axios"). A source whose sentence already holds a quote by the
same speaker is not counted twice.

A voice's role is looked up in ``lexicons/voice_roles.tsv``: first in the voice's own
words ("Defense Secretary Pete Hegseth" → *secretary* → US government), then in an
appositive right after it ("Jorge Rodriguez, the head of Venezuela's legislature"),
then from the source kind (``media``, ``anonymous``); otherwise the role is ``other``.

``voices`` table (one row per quote or cited source):
outlet, article_id, role, voice, kind (the source kind), via (quote | source), verb,
start, end (the speaker's or source's words), words (the quote, or the sentence the
source is cited in), words_start, words_end, role_term (the lexicon term that decided
the role, empty when the kind did).
"""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from ..analysis import ArticleAnalysis
from ..document import Document
from ..lexicons import Lexicons, TermMatcher, term_tokens
from .common import Folder, outlet_of

COLUMNS = [
    "outlet", "article_id", "role", "voice", "kind", "via", "verb", "start", "end",
    "words", "words_start", "words_end", "role_term",
]
KIND_ROLES = {"media": "media", "anonymous": "anonymous"}
APPOSITIVE_TOKENS = 10
TITLE_TOKENS = 3


def role_matcher(lexicons: Lexicons) -> TermMatcher | None:
    if "voice_roles" not in lexicons.by_name:
        return None
    return TermMatcher(lexicons["voice_roles"].entries)


def _first_role(matcher: TermMatcher | None, norms: list[str]) -> tuple[str, str]:
    if matcher is None:
        return "", ""
    for _first, _end, entry in matcher.match(norms):
        return entry["role"], entry.key
    return "", ""


def _doc_norms(doc: Document, start: int, end: int) -> list[str]:
    return [t.norm for t in doc.tokens if start <= t.start and t.end <= end]


def _appositive_norms(doc: Document, end: int) -> list[str]:
    """Words of ", the head of Venezuela's legislature" right after a name."""
    after = [t for t in doc.tokens if t.start >= end][: APPOSITIVE_TOKENS + 1]
    if not after or after[0].text != ",":
        return []
    sentence = after[0].sentence
    words = []
    for token in after[1:]:
        if token.sentence != sentence or token.text in {",", ";", "."}:
            break
        words.append(token.norm)
    return words


def _title_norms(doc: Document, start: int) -> list[str]:
    """Capitalized words right before a name: "Defense Secretary" before "Pete Hegseth"."""
    before = [t for t in doc.tokens if t.end <= start][-TITLE_TOKENS:]
    words: list[str] = []
    for token in reversed(before):
        if not token.is_word or not token.text[0].isupper():
            break
        words.insert(0, token.norm)
    return words


def classify(doc: Document, matcher: TermMatcher | None, voice: str, start: int | None, end: int | None,
             kind: str) -> tuple[str, str]:
    """``(role, deciding term)`` for one voice.

    Looks, in order, at the words of the mention, the resolved name, a title before the
    mention and an appositive after it; where the mention is a pronoun, also at the
    name's first mention in the article. An anonymous source stays anonymous even if it
    names whom it works for ("a Trump advisor"), because its anonymity is the point.
    """
    if kind == "anonymous":
        return "anonymous", ""
    places: list[tuple[int, int]] = []
    if start is not None and end is not None:
        places.append((start, end))
    first = doc.text.find(voice) if voice else -1
    if first >= 0:
        places.append((first, first + len(voice)))
    candidates = [_doc_norms(doc, a, b) for a, b in places] + [list(term_tokens(voice))]
    for a, b in places:
        candidates += [_title_norms(doc, a), _appositive_norms(doc, b)]
    for norms in candidates:
        role, term = _first_role(matcher, norms)
        if role:
            return role, term
    return KIND_ROLES.get(kind, "other"), ""


def build_voices(analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, folder: Folder) -> pd.DataFrame:
    matcher = role_matcher(lexicons)
    rows = []
    for analysis in analyses:
        doc = analysis.document
        outlet = outlet_of(analysis)
        quoted_speakers: set[tuple[int, str]] = set()
        for span in analysis.spans:
            if span.type != "quote":
                continue
            speaker = str(span.attrs.get("speaker") or "")
            kind = str(span.attrs.get("speaker_kind") or "")
            s_start, s_end = span.attrs.get("speaker_start"), span.attrs.get("speaker_end")
            voice = speaker or "(unattributed)"
            role, term = classify(doc, matcher, voice, s_start, s_end, kind) if speaker else (
                KIND_ROLES.get(kind, "other"), "")
            quoted_speakers.add((doc.sentence_of(span.start), folder.fold(speaker)))
            rows.append({
                "outlet": outlet, "article_id": doc.id, "role": role, "voice": voice, "kind": kind, "via": "quote",
                "verb": "", "start": s_start, "end": s_end, "words": span.text, "words_start": span.start,
                "words_end": span.end, "role_term": term,
            })
        for span in analysis.spans:
            if span.type != "source":
                continue
            sentence = doc.sentence_of(span.start)
            name = str(span.attrs.get("name") or span.text)
            if {(sentence, folder.fold(name)), (sentence, folder.fold(span.text))} & quoted_speakers:
                continue
            role, term = classify(doc, matcher, name, span.start, span.end, span.category)
            s_start, s_end = doc.sentences[sentence]
            rows.append({
                "outlet": outlet, "article_id": doc.id, "role": role, "voice": name, "kind": span.category,
                "via": "source", "verb": str(span.attrs.get("verb") or ""), "start": span.start, "end": span.end,
                "words": doc.text[s_start:s_end], "words_start": s_start, "words_end": s_end, "role_term": term,
            })
    frame = pd.DataFrame(rows, columns=COLUMNS)
    return frame.sort_values(["outlet", "article_id", "words_start"], kind="stable").reset_index(drop=True)
