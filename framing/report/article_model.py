"""One article of the report: its highlighted paragraphs, its evidence notes and their reader's words.

:func:`article_model` turns an analysis into plain data for the templates: the text split
into flat segments with the highlight layers over each, a numbered marker per span, and
the notes grouped by what fired them (type, lexicon entry, category), each saying in
words why the span counts (:func:`reader_reason`). Rule ids and feature weights stay in a
collapsed technical detail, never in print.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

from ..analysis import ArticleAnalysis
from ..document import POSSIBLE, SPAN_TYPES, Span
from ..features.loaded_terms import CURATED_LEXICONS
from ..features.rule_notes import describe_rule
from ..lexicons import Lexicons
from ..rates import per_thousand

# How each span type is named, marked and drawn. The marker letter and the
# drawing style (not the colour) carry the meaning, so the legend still reads in
# grayscale print and for colour-blind readers.
SPAN_STYLE: dict[str, dict[str, str]] = {
    "hedge": {"name": "Hedge", "plural": "Hedges", "marker": "H", "style": "dotted underline",
              "counts": "words that soften a claim (may, reportedly, appears to)"},
    "attribution": {"name": "Attribution", "plural": "Attributions", "marker": "A", "style": "bold, solid underline",
                    "counts": "reporting verbs that attribute a claim to someone (said, claimed)"},
    "loaded": {"name": "Loaded term", "plural": "Loaded terms", "marker": "L",
               "style": "shaded background (dashed underline: possible, not counted)",
               "counts": "words with a charged connotation, each with a more neutral alternative"},
    "quote": {"name": "Quote", "plural": "Quotes", "marker": "Q", "style": "italic, bars at both ends",
              "counts": "passages of reported speech inside quotation marks"},
    "source": {"name": "Source", "plural": "Sources", "marker": "S", "style": "thin box",
               "counts": "who is cited, by kind (named person, institution, media, anonymous, vague)"},
    "frame": {"name": "Frame sentence", "plural": "Frame sentences", "marker": "F", "style": "dashed line above",
              "counts": "the sentences that carry each policy frame an article is given (at most three per frame)"},
}
# Which lexicon explains a span of each type (its label is that lexicon's key).
# The lexicons whose rows each span type names (loaded terms: the curated files, loaded.tsv first).
SPAN_LEXICON = {"hedge": ("hedges",), "loaded": CURATED_LEXICONS, "attribution": ("reporting_verbs",),
                "source": ("source_kinds",)}
SHORT_ARTICLE_WORDS = 300


def display_value(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return "" if math.isnan(value) else f"{value:,.2f}"
    if isinstance(value, list | tuple | set):
        return ", ".join(display_value(v) for v in value)
    return "" if value is None else str(value)


def lexicon_entry_index(lexicons: Lexicons) -> dict[str, dict[str, dict[str, str]]]:
    """``{span_type: {term: details}}`` so each highlight can name its lexicon entry's source."""
    index: dict[str, dict[str, dict[str, str]]] = {}
    for span_type, names in SPAN_LEXICON.items():
        rows: dict[str, dict[str, str]] = {}
        for name in names:
            for entry in lexicons.by_name.get(name, ()):
                rows.setdefault(entry.key.lower(),
                                {"file": f"{name}.tsv", "line": str(entry.line), "source": entry["source"]})
        if rows:
            index[span_type] = rows
    return index


def article_model(
    index: int, analysis: ArticleAnalysis, entry_index: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """One article: its metadata, highlighted paragraphs, evidence notes, quotes and sources."""
    doc = analysis.document
    prefix = f"a{index}"
    spans = sorted(analysis.spans, key=lambda s: (s.start, -s.end, SPAN_TYPES.index(s.type)))
    per_type: Counter[str] = Counter()  # every span, for the markers' numbers
    counted: Counter[str] = Counter()  # the spans the overview's rates count (no "possible" ones)
    notes = []
    for number, span in enumerate(spans):
        per_type[span.type] += 1
        counted[span.type] += span.counted
        notes.append(span_note(f"{prefix}-s{number}", per_type[span.type], span, entry_index))
    entries = entry_groups(prefix, notes)
    return {
        "index": index,
        "anchor": f"article-{index}",
        "id": doc.id,
        "label": doc.outlet or doc.id,
        "outlet": doc.outlet,
        "title": doc.title,
        "byline": doc.byline,
        "date": doc.date,
        "url": doc.url,
        "n_words": doc.n_words,
        "n_sentences": len(doc.sentences),
        "short": doc.n_words < SHORT_ARTICLE_WORDS,
        "counts": {t: counted[t] for t in SPAN_TYPES},
        "possible": {t: per_type[t] - counted[t] for t in SPAN_TYPES},
        "rates": {t: per_thousand(counted[t], doc.n_words) for t in SPAN_TYPES},
        "text": paragraphs(doc.text, notes),
        "notes": notes,
        "entries": entries,
        "quotes": [note for note in notes if note["type"] == "quote"],
        "sources": [note for note in notes if note["type"] == "source"],
    }


def entry_groups(prefix: str, notes: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """The evidence notes grouped by what fired them (type, lexicon entry, category).

    "said" may fire thirty times in one article; explaining it once, with the
    markers of all thirty places, keeps the notes readable (and the PDF short)
    while every marker still links to its explanation.
    """
    groups: dict[tuple[str, str, str], dict[str, Any]] = {}
    for note in notes:
        key = (note["type"], note["label"].lower(), note["category"], note["possible"])
        group = groups.get(key)
        if group is None:
            group = groups[key] = {
                "id": f"{prefix}-e{len(groups)}", "type": note["type"], "type_name": note["type_name"],
                "label": note["label"], "category": note["category"], "note": note["note"],
                "alternative": note["alternative"], "entry": note["entry"], "details": note["details"],
                "reason": note["reason"], "possible": note["possible"],
                "markers": [], "texts": [],
            }
        group["markers"].append({"id": note["id"], "marker": note["marker"]})
        if note["text"] not in group["texts"]:
            group["texts"].append(note["text"])
        note["group"] = group["id"]
    return list(groups.values())


def span_note(span_id: str, number: int, span: Span, entry_index: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """What a highlight says about itself: type, words, lexicon entry, note, alternative."""
    attrs = dict(span.attrs)
    entry = entry_index.get(span.type, {}).get(span.label.lower())
    details = [(key.replace("_", " "), display_value(value)) for key, value in sorted(attrs.items())
               if key not in ("speaker", "speaker_kind", "verb", "stance", "words")  # a frame's words: in its note
               and not key.endswith(("_start", "_end"))
               and display_value(value)]
    return {
        "id": span_id,
        "type": span.type,
        "marker": f"{SPAN_STYLE[span.type]['marker']}{number}",
        "type_name": SPAN_STYLE[span.type]["name"],
        "start": span.start,
        "end": span.end,
        "text": span.text,
        "label": span.label,
        "category": span.category.replace("_", " "),
        "note": span.note,
        "alternative": span.alternative,
        "entry": entry,
        "speaker": str(attrs.get("speaker", "") or ""),
        "speaker_kind": str(attrs.get("speaker_kind", "") or "").replace("_", " "),
        "verb": str(attrs.get("verb", "") or ""),
        "stance": str(attrs.get("stance", "") or ""),
        "details": details,
        "reason": reader_reason(attrs),
        "possible": not span.counted,  # (its note says it is shown, not counted, and why)
        "explanation": hover_title(span, entry),
    }


SIGNED_WEIGHT = re.compile(r"[+-]\d+\.\d\d")  # a feature's contribution as a learned model's reason lists it


def reader_reason(attrs: Mapping[str, Any]) -> str:
    """Why a span counts, in a reader's words: the rule's own description and the learned score.

    Rule ids and feature weights (``rule``, ``why``) stay in the JSON and in the HTML's collapsed
    technical detail; print shows only this sentence.
    """
    if attrs.get("confidence") == POSSIBLE and attrs.get("reason"):
        # (a possible finding: why it is under the bar, in words; the feature weights a learned model's
        # reason ends with, after ": ", stay in the technical detail)
        head, colon, weights = str(attrs["reason"]).partition(": ")
        return head if colon and SIGNED_WEIGHT.search(weights) else str(attrs["reason"])
    parts = ["possible, shown but not counted"] if attrs.get("confidence") == POSSIBLE else []
    description = describe_rule(str(attrs.get("rule") or ""))
    if description:
        parts.append(description)
    score = attrs.get("score")
    if isinstance(score, int | float) and not isinstance(score, bool) and math.isfinite(score):
        parts.append(f"learned score {score:.2f} (1 = surely counts)")
    return "; ".join(parts)


def hover_title(span: Span, entry: Mapping[str, str] | None) -> str:
    """One line for a hover title: ``Loaded term (pejorative label) — regime: note. Neutral: government``."""
    name = SPAN_STYLE[span.type]["name"]
    parts = [f"{name} ({span.category.replace('_', ' ')})" if span.category else name, f" — {span.label}"]
    if span.note:
        parts.append(f": {span.note}")
    if span.alternative:
        parts.append(f". Neutral alternative: {span.alternative}")
    if entry:
        parts.append(f". Lexicon: {entry['file']} line {entry['line']} ({entry['source']})")
    if span.attrs.get("rule"):
        parts.append(f". Rule: {span.attrs['rule']}")  # the attribution rule that read it
    return "".join(parts)


def paragraphs(text: str, notes: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The text split into paragraphs, each a flat list of segments.

    Every span boundary splits the text, so each segment is covered by a fixed
    set of spans; nested or overlapping spans (a loaded term inside a quote)
    then never need overlapping markup. A segment records, per span type, which
    spans cover it and whether one of them starts or ends there (to draw boxes
    and bars only at a span's real edges). A span's marker (``L3``) follows the
    segment where it ends; a span crossing a paragraph break is split there and
    marked once, in the last paragraph it reaches. Spans that cover no visible
    text (empty, or only a line break) are listed as ``unplaced`` so that every
    span still gets its marker.
    """
    blocks = []
    position = 0
    for line in text.split("\n"):
        if line.strip():
            blocks.append((position, position + len(line)))
        position += len(line) + 1
    last_block: dict[str, int] = {}
    for number, (block_start, block_end) in enumerate(blocks):
        for note in notes:
            if note["start"] < block_end and note["end"] > block_start:
                last_block[note["id"]] = number
    result = []
    for number, (block_start, block_end) in enumerate(blocks):
        inside = [n for n in notes if n["start"] < block_end and n["end"] > block_start]
        cuts = {block_start, block_end}
        for note in inside:
            cuts.add(max(note["start"], block_start))
            cuts.add(min(note["end"], block_end))
        edges = sorted(cuts)
        segments = []
        for seg_start, seg_end in pairwise(edges):
            covering = [n for n in inside if n["start"] <= seg_start and seg_end <= n["end"]]
            layers: list[dict[str, Any]] = []
            for span_type in SPAN_TYPES:
                of_type = [n for n in covering if n["type"] == span_type]
                if of_type:
                    layers.append({
                        "type": span_type,
                        "ids": " ".join(n["id"] for n in of_type),
                        "starts": any(n["start"] == seg_start or seg_start == block_start for n in of_type),
                        "ends": any(n["end"] == seg_end or seg_end == block_end for n in of_type),
                        "possible": all(n.get("possible") for n in of_type),  # drawn lighter: not counted
                    })
            if layers:  # one tooltip per segment, on the outermost layer: it lists every span there
                layers[0]["title"] = "\n".join(n["explanation"] for n in covering)
            ending = [n for n in inside if min(n["end"], block_end) == seg_end and last_block[n["id"]] == number]
            segments.append({
                "text": text[seg_start:seg_end],
                "layers": layers,
                "markers": [marker(n) for n in ending],
            })
        result.append(segments)
    unplaced = [marker(n) for n in notes if n["id"] not in last_block]
    return {"blocks": result, "unplaced": unplaced}


def marker(note: Mapping[str, Any]) -> dict[str, str]:
    return {"id": note["id"], "type": note["type"], "marker": note["marker"], "title": note["explanation"],
            "group": note.get("group", note["id"])}


# --- method and provenance --------------------------------------------------------
