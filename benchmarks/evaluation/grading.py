"""Rows for blind grading: each evidence type and comparison table as rows a grader can judge.

A grader sees a row's words, offsets, the sentence around them (words marked ⟦so⟧) and the
fields to judge, never how the tool decided: the rule, lexicon label, learned score, reason
and confidence go to a separate key (``Sampled.key``), joined to the grades afterwards so
the figures can be split by rule and by confidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

from framing.analysis import ArticleAnalysis
from framing.document import Document, Span

from .gold import ToolFactRow, tool_pairs

CONTEXT_CHARACTERS = 700
LONG_FIELD = 300
HIDDEN_SPAN_KEYS = ("rule", "label", "score", "why", "note", "confidence", "reason")
HIDDEN_ROW_KEYS = ("confidence", "reason", "role_reason", "role_term", "similarity")
QUESTIONS = {
    "hedges": "Is the marked text a hedge (uncertainty or vagueness)? If so, is `category` right?",
    "attribution": "Is the marked text a reporting cue? Is `source` who is reported, and are `source_kind` "
                   "and `stance` right?",
    "loaded": "Is the marked text loaded (evaluative, emotive or slanted) wording?",
    "quotes": "Is the marked text a direct quotation, and is `speaker` who said it?",
    "voices": "Is `voice` a real source quoted or cited here, and is `role` right?",
    "labels": "Does `outlet` call `entity` by `label`? Are `loaded_terms` and `scare_quoted` right?",
    "fact_pairs": "Do the two sentences (two outlets) state the same fact?",
    "disagreements": "Do the values refer to the same quantity (or event) and really differ?",
    "headlines": "Are the listed elements right, and is `frame_differs` right?",
}


@dataclass(frozen=True, slots=True)
class Event:
    """One event's analyses and comparison tables, with its position in the dataset."""

    position: int
    analyses: tuple[ArticleAnalysis, ...]
    tables: dict[str, pd.DataFrame]

    def document(self, article_id: str) -> Document:
        return next(a.document for a in self.analyses if a.document.id == article_id)


@dataclass(frozen=True, slots=True)
class Sampled:
    """A row for the grader (``shown``) and what the tool knew about it (``key``, never shown)."""

    shown: dict[str, Any]
    key: dict[str, Any]


def sentence_range(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentences holding ``[start, end)``, cut to about 700 characters around it."""
    first = min(doc.sentences[doc.sentence_of(start)][0], start)
    last = max(doc.sentences[doc.sentence_of(max(start, end - 1))][1], end)
    if last - first > CONTEXT_CHARACTERS:
        room = max(0, (CONTEXT_CHARACTERS - (end - start)) // 2)
        first, last = max(first, start - room), min(last, end + room)
    return first, last


def context(doc: Document, start: int, end: int, second: tuple[int, int] | None = None) -> str:
    """The sentences around the words, marked ⟦…⟧, and around ``second`` (a source, a speaker), marked ⟪…⟫.

    When the two lie in sentences apart, both are shown, joined by " … ".
    """
    marks = sorted([(start, end, "⟦", "⟧")] + ([(*second, "⟪", "⟫")] if second and second[0] < second[1] else []))
    if len(marks) == 2 and marks[0][1] > marks[1][0]:  # overlapping words: mark the main ones only
        marks = [(start, end, "⟦", "⟧")]
    ranges: list[list[int]] = []
    for low, high in (sentence_range(doc, m[0], m[1]) for m in marks):
        if ranges and low <= ranges[-1][1]:
            ranges[-1][1] = max(ranges[-1][1], high)
        else:
            ranges.append([low, high])
    pieces = []
    for low, high in ranges:
        text, cursor = "", low
        for m_start, m_end, opening, closing in marks:
            if low <= m_start and m_end <= high:
                text += doc.text[cursor:m_start] + opening + doc.text[m_start:m_end] + closing
                cursor = m_end
        pieces.append(" ".join((text + doc.text[cursor:high]).split()))
    return " … ".join(pieces)


def cut(value: str) -> str:
    return value if len(value) <= LONG_FIELD else value[: LONG_FIELD - 1] + "…"


def place(
    event: Event, doc: Document, start: int, end: int, second: tuple[int, int] | None = None
) -> dict[str, Any]:
    """Where a row's words are, with their text and context (``second``: other words to show marked)."""
    return {"event": event.position, "outlet": doc.outlet, "article_id": doc.id, "start": start, "end": end,
            "text": doc.text[start:end], "context": context(doc, start, end, second)}


def span_key(span: Span) -> dict[str, Any]:
    details = {"label": span.label, **{k: span.attrs.get(k) for k in HIDDEN_SPAN_KEYS if k in span.attrs}}
    return {k: v for k, v in details.items() if v not in (None, "")}


def second_words(span: Span) -> tuple[int, int] | None:
    """The words a span points at (an attribution's source, a quote's speaker), to show marked."""
    for prefix in ("source", "speaker"):
        start, end = span.attrs.get(f"{prefix}_start"), span.attrs.get(f"{prefix}_end")
        if isinstance(start, int) and isinstance(end, int):
            return start, end
    return None


def span_rows(event: Event, span_type: str, judge: Callable[[ArticleAnalysis, Span], dict[str, Any]]) -> list[Sampled]:
    """One row per span of ``span_type``, its fields from ``judge``."""
    return [Sampled({**place(event, a.document, s.start, s.end, second_words(s)), "judge": judge(a, s)}, span_key(s))
            for a in event.analyses for s in a.spans if s.type == span_type]


def attribution_fields(analysis: ArticleAnalysis, span: Span) -> dict[str, Any]:
    """The cue's source words and kind (from the source span the cue points at) and its stance."""
    doc, attrs = analysis.document, span.attrs
    start, end = attrs.get("source_start"), attrs.get("source_end")
    source = doc.text[start:end] if start is not None and end is not None else ""
    kind = next((s.category for s in analysis.spans_of("source")
                 if s.attrs.get("cue_start") == span.start and s.start == start), "")
    return {"source": source, "source_start": start, "source_end": end, "source_kind": kind, "stance": span.category}


def evidence_rows(event: Event) -> dict[str, list[Sampled]]:
    """The article-level evidence: hedges, attribution cues with sources, loaded terms, quotes."""
    return {
        "hedges": span_rows(event, "hedge", lambda a, s: {"category": s.category}),
        "attribution": span_rows(event, "attribution", attribution_fields),
        "loaded": span_rows(event, "loaded", lambda a, s: {"category": s.category,
                                                           "in_quote": a.document.is_quoted(s.start, s.end)}),
        "quotes": span_rows(event, "quote", lambda a, s: {"speaker": s.attrs.get("speaker", ""),
                                                          "speaker_kind": s.attrs.get("speaker_kind", "")}),
    }


def records(table: pd.DataFrame) -> list[dict[str, Any]]:
    return table.to_dict("records")


def hidden(row: dict[str, Any]) -> dict[str, Any]:
    return {k: row[k] for k in HIDDEN_ROW_KEYS if k in row and row[k] is not None and row[k] == row[k]}


def voice_rows(event: Event) -> list[Sampled]:
    """One row per voice; a quote nobody was found to speak is placed on its words."""
    rows = []
    for r in records(event.tables["voices"]):
        doc = event.document(r["article_id"])
        fields = {"voice": r["voice"], "role": r["role"], "kind": r["kind"], "via": r["via"], "verb": r["verb"],
                  "words": cut(str(r["words"]))}
        start, end = (r["start"], r["end"]) if r["start"] == r["start"] else (r["words_start"], r["words_end"])
        rows.append(Sampled({**place(event, doc, int(start), int(end)), "judge": fields}, hidden(r)))
    return rows


def first_evidence(evidence: Sequence[str] | str) -> tuple[str, int, int]:
    """The first ``article_id:start-end`` of a row's evidence (a list, or ``;``-joined as in CSV) as its parts."""
    first = (evidence.split(";") if isinstance(evidence, str) else list(evidence))[0].strip()
    article, _, offsets = first.rpartition(":")
    start, _, end = offsets.partition("-")
    return article, int(start), int(end)


def label_evidence(event: Event, row: dict[str, Any]) -> tuple[str, int, int]:
    """The first use whose words are the row's label ("Mr. Trump", not "Mr. Trump’s"), else the first use."""
    evidence = row["evidence"]
    for item in evidence.split(";") if isinstance(evidence, str) else evidence:
        article, start, end = first_evidence(item)
        if event.document(article).text[start:end] == row["label"]:
            return article, start, end
    return first_evidence(evidence)


def label_rows(event: Event) -> list[Sampled]:
    rows = []
    for r in records(event.tables["labels"]):
        article, start, end = label_evidence(event, r)
        fields = {"entity": r["entity"], "label": r["label"], "variants": r["variants"], "count": r["count"],
                  "loaded_terms": r["loaded_terms"], "scare_quoted": r["scare_quoted"]}
        key = {**hidden(r), "entity_source": r["entity_source"], "category": r["category"]}
        rows.append(Sampled({**place(event, event.document(article), start, end), "judge": fields}, key))
    return rows


def fact_pair_rows(event: Event) -> list[Sampled]:
    """One row per cross-outlet pair of sentences the facts table puts in one fact."""
    table = records(event.tables["facts"])
    facts = [ToolFactRow(r["article_id"], int(r["start"]), int(r["end"]), str(r["fact_id"]), r["outlet"])
             for r in table]
    by_place = {(r["article_id"], int(r["start"]), int(r["end"])): r for r in table}
    rows = []
    for a, b in tool_pairs(facts):
        doc_a, doc_b = event.document(a.article), event.document(b.article)
        first, second = place(event, doc_a, a.start, a.end), place(event, doc_b, b.start, b.end)
        shown = {"event": event.position, "pair": [first, second],
                 "judge": {"outlets": f"{doc_a.outlet} / {doc_b.outlet}"}}
        key = {"fact_id": a.fact_id, **{f"{side}_{k}": v for side, row in (("a", a), ("b", b))
                                        for k, v in hidden(by_place[(row.article, row.start, row.end)]).items()}}
        rows.append(Sampled(shown, key))
    return rows


def plain_number(value: Any) -> Any:
    """45000000.0 as "45,000,000", so a grader reads the value as the article writes it."""
    if isinstance(value, float) and value == value and value.is_integer():
        return f"{int(value):,}"
    return value


def disagreement_rows(event: Event) -> list[Sampled]:
    """One row per disagreement, every outlet's value with its sentence."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for r in records(event.tables["disagreements"]):
        groups.setdefault(str(r["disagreement_id"]), []).append(r)
    rows = []
    for ident, members in groups.items():
        values = [{**place(event, event.document(m["article_id"]), int(m["start"]), int(m["end"])),
                   "value": plain_number(m["value"])} for m in members]
        rows.append(Sampled({"event": event.position, "values": values, "judge": {"kind": members[0]["kind"]}},
                            {"disagreement_id": ident, "fact_id": members[0]["fact_id"], **hidden(members[0])}))
    return rows


def element_texts(elements: Iterable[dict[str, Any]]) -> list[str]:
    return [f"{e.get('kind', '')}: {e.get('text', '')}" + (f" ({e['outlet']})" if e.get("outlet") else "")
            for e in elements or []]


def headline_rows(event: Event) -> list[Sampled]:
    rows = []
    for r in records(event.tables["headlines"]):
        doc = event.document(r["article_id"])
        start, end = r.get("body_start"), r.get("body_end")
        body = place(event, doc, int(start), int(end)) if start is not None and start == start else {}
        fields = {"headline": r["headline"], "adds_vs_others": element_texts(r["adds_vs_others"]),
                  "omits_vs_others": element_texts(r["omits_vs_others"]),
                  "adds_vs_body": element_texts(r["adds_vs_body"]),
                  "asserts_what_body_hedges": bool(r["asserts_what_body_hedges"]),
                  "frame_differs": bool(r["frame_differs"])}
        shown = {"event": event.position, "outlet": doc.outlet, "article_id": doc.id,
                 "body_sentence": body.get("context", ""), "judge": fields}
        rows.append(Sampled(shown, hidden(r)))
    return rows


def event_rows(event: Event) -> dict[str, list[Sampled]]:
    """Every table's rows for one event, keyed by the names of :data:`QUESTIONS`."""
    return {**evidence_rows(event), "voices": voice_rows(event), "labels": label_rows(event),
            "fact_pairs": fact_pair_rows(event), "disagreements": disagreement_rows(event),
            "headlines": headline_rows(event)}


def pooled_rows(events: Sequence[Event]) -> dict[str, list[Sampled]]:
    pooled: dict[str, list[Sampled]] = {name: [] for name in QUESTIONS}
    for event in events:
        for name, rows in event_rows(event).items():
            pooled[name] += rows
    return pooled
