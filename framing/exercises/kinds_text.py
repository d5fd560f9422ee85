"""Exercises read from one article at a time: hedge hunt, who is speaking?, rewrite neutrally.

Each builder returns ranked :class:`Candidate` items (nearest the class's grade
first, each outlet once before any outlet twice); an item's content is only made
when it is chosen, so blind-mode giveaways are noted for shown sentences only.
Only sound material is offered (:mod:`.sound`): whole sentences, passages that
stand on their own, confident comparison rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..analysis import ArticleAnalysis
from ..compare.common import outlet_of
from ..document import Span
from ..grammar import AUXILIARY_VERBS, OBJECT_PRONOUNS, SUBJECT_PRONOUNS
from .material import Material, clean, is_heading, reading_level, records, sentence_number, spans_within, spread
from .rewrite import model_rewrite
from .sound import is_confident, readable, standing

FUNCTION_WORDS = SUBJECT_PRONOUNS | OBJECT_PRONOUNS | AUXILIARY_VERBS
WINDOW = {"simple": 4, "standard": 5, "college": 6}  # sentences in a hedge-hunt passage
MIN_HEDGES = 2
MAX_VOICE_SENTENCES = 4  # per outlet in "who is speaking?"
OUTLETS_PER_GROUP = 2
REWRITE_WORDS = (8, 40)  # a sentence to rewrite: long enough to say something, short enough to copy out


@dataclass(frozen=True)
class Candidate:
    """One possible item: a stable id (for ``--pick``), the outlet it is mostly about, a line for the
    teacher's preview, its confidence, and how to make it."""

    id: str
    outlet: str
    summary: str
    confidence: float | None  # a comparison row's confidence; None for material read from one article by rules
    make: Callable[[], dict[str, Any]]


def table(caption: str, columns: list[str], rows: list[list[Any]]) -> dict[str, Any]:
    return {"caption": caption, "columns": columns, "rows": [[str(cell) for cell in row] for row in rows]}


def offsets(start: Any, end: Any) -> str:
    """``start-end`` as whole numbers (a CSV round trip must not print ``193.0``); the key names the article."""
    return f"{int(float(start))}-{int(float(end))}"


# --- 1. hedge hunt ------------------------------------------------------------------


def hedge_hunt(m: Material) -> list[Candidate]:
    """Passages of whole sentences with at least two hedges, the writer's own hedges first."""
    size = WINDOW[reading_level(m.grade)]
    found = []
    for analysis in m.analyses:
        doc = analysis.document
        body = [n for n, (start, end) in enumerate(doc.sentences) if not is_heading(doc.text[start:end])]
        seen: set[int] = set()  # windows that context made start at the same sentence are one candidate
        for first in range(0, len(body), size - 1):
            indexes = standing(analysis, body[first:first + size], m.lexicons.abbreviations)
            if not indexes or len(indexes) < 3:
                continue
            start, end = doc.sentences[indexes[0]][0], doc.sentences[indexes[-1]][1]
            hedges = counted_hedges(analysis, start, end)
            own = [s for s in hedges if not doc.is_quoted(s.start, s.end)]
            if len(hedges) >= MIN_HEDGES and own and indexes[0] not in seen:
                seen.add(indexes[0])
                found.append((analysis, indexes, doc.text[start:end], len(own)))
    ranked = spread(m.rank(found, lambda c: m.grade_distance(c[2]) + max(0, 3 - c[3])), lambda c: outlet_of(c[0]))
    return [Candidate(f"{a.document.id}:s{i[0] + 1}", outlet_of(a),
                      f"{m.name(outlet_of(a))}, sentences {i[0] + 1}–{i[-1] + 1}: {own} hedge(s) in the writer's "
                      f"own words", None, lambda a=a, i=i: hedge_item(m, a, i)) for a, i, _, own in ranked]


def counted_hedges(analysis: ArticleAnalysis, start: int, end: int) -> list[Span]:
    """The hedges in ``start:end`` that framing counts: one marked possible (an accusation, a conditional's
    "will") is not a hedge a key may ask students to find."""
    return [span for span in spans_within(analysis, "hedge", start, end) if span.counted]


def hedge_item(m: Material, analysis: ArticleAnalysis, indexes: list[int]) -> dict[str, Any]:
    doc = analysis.document
    passage = m.passage(analysis, indexes)
    first, last = passage["sentences"][0]["start"], passage["sentences"][-1]["end"]
    rows = [[sentence_number(passage, s.start), s.text, readable("hedge", s.category),
             "a quoted speaker" if doc.is_quoted(s.start, s.end) else "the writer",
             offsets(s.start, s.end)] for s in counted_hedges(analysis, first, last)]
    return {"passages": [passage], "answers": len(rows), "key": {"tables": [
        table(f"Hedges in {passage['heading']}", ["Sentence", "Hedge", "Kind", "Whose words", "Where"], rows)]}}


# --- 2. who is speaking? --------------------------------------------------------------


def confident_voices(m: Material) -> dict[str, list[dict[str, Any]]]:
    """Confident rows of the voices table whose sentences can be shown, by outlet (at most a few each)."""
    by_outlet: dict[str, list[dict[str, Any]]] = {}
    for row in records(m.tables.get("voices")):
        analysis = m.by_id.get(str(row.get("article_id")))
        if analysis is None or not is_confident(row) or not names_someone(str(row.get("voice"))):
            continue
        index = analysis.document.sentence_of(int(float(row["start"])))
        if standing(analysis, [index], m.lexicons.abbreviations):
            rows = by_outlet.setdefault(row["outlet"], [])
            if len({r["_sentence"] for r in rows} | {index}) <= MAX_VOICE_SENTENCES:
                rows.append({**row, "_sentence": index})
    return {o: rows for o, rows in by_outlet.items() if rows}


def names_someone(voice: str) -> bool:
    """Whether a voice is a name or a noun phrase, not a pronoun or a stray verb ("it", "didn't")."""
    words = clean(voice).lower().split()
    return bool(words) and not (len(words) == 1 and (words[0] in FUNCTION_WORDS or "n't" in words[0]))


def who_speaks(m: Material) -> list[Candidate]:
    """Pairs of outlets, each shown with the sentences where a confidently placed voice speaks."""
    voices = confident_voices(m)
    order = [o for o in m.outlets if o in voices]
    m.rng.shuffle(order)
    groups = [tuple(order[n:n + OUTLETS_PER_GROUP]) for n in range(0, len(order), OUTLETS_PER_GROUP)]
    return [Candidate("+".join(m.name(o).replace(" ", "") for o in g), g[0],
                      "; ".join(f"{m.name(o)}: {len(voices[o])} voice(s)" for o in g),
                      min(float(r["confidence"]) for o in g for r in voices[o]),
                      lambda g=g: speaks_item(m, g, voices)) for g in groups]


def speaks_item(m: Material, outlets: tuple[str, ...], voices: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    passages, rows, tallies = [], [], {}
    for outlet in outlets:
        analysis = m.by_id[str(voices[outlet][0]["article_id"])]
        shown = [r for r in voices[outlet] if str(r["article_id"]) == analysis.document.id]
        indexes = standing(analysis, [r["_sentence"] for r in shown], m.lexicons.abbreviations) or []
        passage = {**m.passage(analysis, indexes), "in_handout": True}  # students read it there: a shorter sheet
        passages.append(passage)
        tallies[m.name(outlet)] = Counter(readable("role", r["role"]) for r in shown)
        found: dict[tuple[Any, ...], list[Any]] = {}
        for r in shown:  # a voice both quoted and reported at one place is one row: quoted
            row = [m.name(outlet), sentence_number(passage, int(float(r["start"]))), clean(str(r["voice"])),
                   readable("role", r["role"]), "quoted" if r.get("via") == "quote" else "reported",
                   offsets(r["start"], r["end"])]
            place = (row[1], row[2], row[5])
            if place not in found or row[4] == "quoted":
                found[place] = row
        rows += list(found.values())
    names = [m.name(o) for o in outlets]
    roles = sorted({role for tally in tallies.values() for role in tally})
    return {
        "passages": passages,
        "answers": len(rows),
        "table_task": {"columns": names, "rows": roles},
        "categories": ("role", sorted({r["role"] for o in outlets for r in voices[o]})),
        "key": {"tables": [table("Who speaks", ["Source", "Sentence", "Who", "Kind of voice", "How", "Where"], rows)]},
        "appendix": [table("Voices by kind in the sentences shown", ["Kind of voice", *names],
                           [[role, *(tallies[n][role] for n in names)] for role in roles])],
    }


# --- 7. rewrite neutrally -------------------------------------------------------------------


def lexicon_loaded(m: Material, analysis: ArticleAnalysis, start: int, end: int) -> list[Any]:
    """Loaded terms in the writer's own words that the lexicon lists (not distancing, not scorer-only)."""
    listed = {entry.key.lower() for entry in m.lexicons["loaded"]}
    return [s for s in spans_within(analysis, "loaded", start, end)
            if s.category != "distancing" and s.label.lower() in listed
            and not analysis.document.is_quoted(s.start, s.end)]


def rewrite_neutrally(m: Material) -> list[Candidate]:
    """Whole sentences in the journalist's own words with lexicon-listed loaded terms; a model rewrite first."""
    found = []
    for analysis in m.analyses:
        doc = analysis.document
        for index, (start, end) in enumerate(doc.sentences):
            spans = lexicon_loaded(m, analysis, start, end)
            words = len(doc.text[start:end].split())
            if not spans or not REWRITE_WORDS[0] <= words <= REWRITE_WORDS[1]:
                continue
            if any(q.start < end and q.end > start for q in doc.quotes if q.kind == "speech"):
                continue
            if standing(analysis, [index], m.lexicons.abbreviations) == [index]:
                rewritten = model_rewrite(doc.text[start:end], start, spans)
                found.append((analysis, index, len(spans), doc.text[start:end], rewritten is not None))
    ranked = spread(m.rank(found, lambda c: m.grade_distance(c[3]) + (0 if c[4] else 2) + (0 if c[2] >= 2 else 1)),
                    lambda c: outlet_of(c[0]))
    return [Candidate(f"{a.document.id}:s{i + 1}", outlet_of(a),
                      f"{m.name(outlet_of(a))}, sentence {i + 1}: {n} loaded term(s)"
                      f"{'' if fits else ', no model rewrite'}", None, lambda a=a, i=i: rewrite_item(m, a, i))
            for a, i, n, _, fits in ranked]


def rewrite_item(m: Material, analysis: ArticleAnalysis, index: int) -> dict[str, Any]:
    passage = m.passage(analysis, [index])
    sentence = passage["sentences"][0]
    spans = lexicon_loaded(m, analysis, sentence["start"], sentence["end"])
    original = analysis.document.text[sentence["start"]:sentence["end"]]
    suggestion = model_rewrite(original, sentence["start"], spans)
    entries = {entry.key.lower(): entry for entry in m.lexicons["loaded"]}
    terms = [[s.text, readable("loaded", s.category), s.note, s.alternative or "(none listed)",
              offsets(s.start, s.end)] for s in spans]
    sources = sorted({f"{entries[s.label.lower()].file.rsplit('/', 1)[-1]}:{entries[s.label.lower()].line}"
                      for s in spans})
    note = (f"A model rewrite: “{m.mask(clean(suggestion))}”" if suggestion else
            "No model rewrite: the word list's neutral alternatives do not fit this sentence's grammar; accept any "
            "version that keeps the facts and drops the loaded words.")
    return {
        "passages": [passage],
        "answers": len(spans),
        "key": {"tables": [table("Loaded words", ["Words", "Kind", "Why it is loaded", "Neutral alternative",
                                                   "Where"], terms)],
                "notes": [note, "Check a student's version with: framing exercises check ORIGINAL REWRITE"],
                "small": f"Word list entries: {', '.join(sources)}"},
    }
