"""Exercises read from one article at a time: hedge hunt, who is speaking?, rewrite neutrally.

Each builder returns ranked :class:`Candidate` items (nearest the class's grade
first, each outlet once before any outlet twice); an item's content is only made
when it is chosen, so blind-mode giveaways are noted for shown sentences only.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..analysis import ArticleAnalysis
from ..compare.common import evidence, outlet_of
from ..document import Span
from .check import check_rewrite
from .material import Material, clean, is_heading, reading_level, records, sentence_number, spans_within, spread

SOURCE_KINDS = ("named_person", "institution", "media", "document", "anonymous", "vague")
WINDOW = {"simple": 5, "standard": 6, "college": 7}  # sentences in a hedge-hunt passage
MIN_HEDGES = 2
MAX_SOURCE_SENTENCES = 6  # per outlet in "who is speaking?"
OUTLETS_PER_GROUP = 3
REWRITE_WORDS = (8, 45)  # a sentence to rewrite: long enough to say something, short enough to copy out
_PARENTHETICAL = re.compile(r"^\(.*\)$")


@dataclass(frozen=True)
class Candidate:
    """One possible item: the outlet it is mostly about (to spread items over outlets) and how to make it."""

    outlet: str
    make: Callable[[], dict[str, Any]]


def table(caption: str, columns: list[str], rows: list[list[Any]]) -> dict[str, Any]:
    return {"caption": caption, "columns": columns, "rows": [[str(cell) for cell in row] for row in rows]}


def kind_name(kind: str) -> str:
    return kind.replace("_", " ")


# --- 1. hedge hunt ------------------------------------------------------------------


def hedge_hunt(m: Material) -> list[Candidate]:
    """Windows of consecutive sentences holding at least two hedges, nearest the class's grade first."""
    size = WINDOW[reading_level(m.grade)]
    found = []
    for analysis in m.analyses:
        sentences = analysis.document.sentences
        body = [n for n, (start, end) in enumerate(sentences) if not is_heading(analysis.document.text[start:end])]
        for first in range(0, len(body), size):
            indexes = body[first:first + size]
            start, end = sentences[indexes[0]][0], sentences[indexes[-1]][1]
            if len(indexes) >= 3 and len(spans_within(analysis, "hedge", start, end)) >= MIN_HEDGES:
                found.append((analysis, indexes, analysis.document.text[start:end]))
    ranked = spread(m.rank(found, lambda c: m.grade_distance(c[2])), lambda c: outlet_of(c[0]))
    return [Candidate(outlet_of(a), lambda a=a, i=i: hedge_item(m, a, i)) for a, i, _ in ranked]


def hedge_item(m: Material, analysis: ArticleAnalysis, indexes: list[int]) -> dict[str, Any]:
    passage = m.passage(analysis, indexes)
    first, last = passage["sentences"][0]["start"], passage["sentences"][-1]["end"]
    rows = [[sentence_number(passage, s.start), s.text, kind_name(s.category), s.note or s.label,
             evidence(analysis.document.id, s.start, s.end)] for s in spans_within(analysis, "hedge", first, last)]
    return {"passages": [passage], "key": {"tables": [
        table(f"Hedges in {passage['heading']}", ["Sentence", "Hedge", "Kind", "Why it counts", "Where"], rows)]}}


# --- 2. who is speaking? --------------------------------------------------------------


def who_speaks(m: Material) -> list[Candidate]:
    """Groups of two or three outlets, each shown with its sentences that cite someone."""
    with_sources = [o for o in m.outlets if first_with(m, o, "source") is not None]
    order = list(with_sources)
    m.rng.shuffle(order)
    n_groups = max(1, -(-len(order) // OUTLETS_PER_GROUP)) if order else 0
    groups = [order[n::n_groups] for n in range(n_groups)]
    return [Candidate(group[0], lambda g=tuple(group): speaks_item(m, g)) for group in groups if group]


def first_with(m: Material, outlet: str, span_type: str) -> ArticleAnalysis | None:
    return next((a for a in m.analyses if outlet_of(a) == outlet and a.spans_of(span_type)), None)


def speaks_item(m: Material, outlets: tuple[str, ...]) -> dict[str, Any]:
    passages, tallies, listed_sources, quotes = [], {}, [], []
    for outlet in outlets:
        analysis = first_with(m, outlet, "source")
        assert analysis is not None
        doc = analysis.document
        indexes = sorted({doc.sentence_of(s.start) for s in analysis.spans_of("source")})[:MAX_SOURCE_SENTENCES]
        passage = m.passage(analysis, indexes)
        passages.append(passage)
        shown = [s for s in analysis.spans_of("source") if sentence_number(passage, s.start)]
        tallies[m.name(outlet)] = Counter(s.category for s in shown)
        listed_sources += [[m.name(outlet), sentence_number(passage, s.start), s.text, kind_name(s.category),
                            s.attrs.get("verb", ""), source_where(doc.id, s)] for s in shown]
    names = [m.name(o) for o in outlets]
    voices = records(m.tables.get("voices"))
    roles_by_outlet = {o: {v["role"] for v in voices if v["outlet"] == o} for o in m.outlets}
    all_roles = sorted(set().union(*roles_by_outlet.values())) if roles_by_outlet else []
    for v in voices:
        if v["outlet"] in outlets and v["via"] == "quote":
            quotes.append([m.name(v["outlet"]), kind_name(v["role"]), v["voice"], clean(str(v["words"]))[:160],
                           evidence(v["article_id"], v["start"], v["end"])])
    missing = [[m.name(o), ", ".join(kind_name(r) for r in all_roles if r not in roles_by_outlet[o]) or "none"]
               for o in outlets]
    tally_rows = [[kind_name(k), *(tallies[n][k] for n in names)] for k in SOURCE_KINDS]
    return {
        "passages": passages,
        "table_task": {"columns": names, "rows": [kind_name(k) for k in SOURCE_KINDS]},
        "key": {"tables": [
            table("Sources by kind in the sentences shown", ["Kind", *names], tally_rows),
            table("Each source cited", ["Outlet", "Sentence", "Who", "Kind", "Verb", "Where"], listed_sources),
            table("Quoted voices by role (whole article)", ["Outlet", "Role", "Speaker", "Words", "Where"], quotes),
            table("Roles heard elsewhere but not in this outlet", ["Outlet", "Missing roles"], missing),
        ]},
    }


# --- 7. rewrite neutrally -------------------------------------------------------------------


def rewrite_neutrally(m: Material) -> list[Candidate]:
    """Sentences in the journalist's own words with loaded terms; more terms and a nearer grade rank first."""
    found = []
    for analysis in m.analyses:
        doc = analysis.document
        by_sentence: dict[int, list[Any]] = {}
        for span in analysis.spans_of("loaded"):
            if not doc.is_quoted(span.start, span.end) and span.category != "distancing":
                by_sentence.setdefault(doc.sentence_of(span.start), []).append(span)
        for index, spans in by_sentence.items():
            start, end = doc.sentences[index]
            words = len(doc.text[start:end].split())
            if REWRITE_WORDS[0] <= words <= REWRITE_WORDS[1] and not any(q.start < end and q.end > start
                                                                        for q in doc.quotes if q.kind == "speech"):
                found.append((analysis, index, len(spans), doc.text[start:end]))
    ranked = spread(m.rank(found, lambda c: m.grade_distance(c[3]) + (0 if c[2] >= 2 else 3)),
                    lambda c: outlet_of(c[0]))
    return [Candidate(outlet_of(a), lambda a=a, i=i: rewrite_item(m, a, i)) for a, i, *_ in ranked]


def suggested_rewrite(text: str, offset: int, spans: list[Any]) -> str:
    """The sentence with each loaded term replaced by its first plain alternative ("(omit)" drops it)."""
    out, position = [], 0
    for span in sorted(spans, key=lambda s: s.start):
        first = (span.alternative or "").split(";")[0].strip()
        if not first or (_PARENTHETICAL.match(first) and first != "(omit)") or span.start - offset < position:
            continue
        out += [text[position:span.start - offset], "" if first == "(omit)" else first]
        position = span.end - offset
    out.append(text[position:])
    return clean(re.sub(r"\s+([,.;:])", r"\1", "".join(out)))


def rewrite_item(m: Material, analysis: ArticleAnalysis, index: int) -> dict[str, Any]:
    passage = m.passage(analysis, [index])
    sentence = passage["sentences"][0]
    spans = spans_within(analysis, "loaded", sentence["start"], sentence["end"])
    original = analysis.document.text[sentence["start"]:sentence["end"]]
    suggestion = suggested_rewrite(original, sentence["start"], spans)
    check = check_rewrite(original, suggestion, m.lexicons)
    terms = [[s.text, kind_name(s.category), s.note, s.alternative or "(none listed)",
              evidence(analysis.document.id, s.start, s.end)] for s in spans]
    scores = [[row["name"], row["before"], row["after"]] for row in check.values()]
    return {
        "passages": [passage],
        "key": {
            "tables": [table("Loaded terms", ["Words", "Kind", "Why it is loaded", "Neutral alternative", "Where"],
                             terms),
                       table("Scores of the suggested rewrite", ["Measure", "Original", "Suggested rewrite"],
                             scores)],
            "notes": [f"A suggested rewrite (lexicon alternatives swapped in; adjust the grammar): “{suggestion}”",
                      "Check a student's rewrite with: framing exercises check ORIGINAL REWRITE"],
        },
    }


def source_where(article_id: str, source: Span) -> str:
    """Where a cited source stands, and where its verb does: one source cited twice ("Hunter blamed …,
    saying …, saying …") is two rows, which the verb's offsets tell apart."""
    where = evidence(article_id, source.start, source.end)
    cue_start, cue_end = source.attrs.get("cue_start"), source.attrs.get("cue_end")
    return where if cue_start is None or cue_end is None else f"{where}, verb {cue_start}-{cue_end}"
