"""The ``gold`` task: run framing on the hand-gold events and score it (definitions in :mod:`.gold`).

Each gold event's three BASIL articles are assembled exactly as the datasets README does
(sentences joined by a space, paragraphs by a blank line: :func:`.stories.join_paragraphs`),
parsed with ``raw=True`` so no cleaning moves an offset, analyzed, and compared with
``framing.compare.story_tables`` (outlet = the article's outlet, title = BASIL's title).
Every gold item's ``text`` is checked against the assembled text before anything is scored.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from framing.analysis import ArticleAnalysis, analyze_document
from framing.compare import story_tables
from framing.compare.common import WordFolder
from framing.corpus import RawArticle, parse_document
from framing.errors import FramingInputError
from framing.lexicons import Lexicons

from .datasets import read_jsonl
from .gold import (
    SPAN_TYPES,
    Located,
    ToolFactRow,
    ToolFlag,
    ToolQuote,
    ToolSpan,
    ToolVoice,
    all_and_confident,
    score_fact_pairs,
    score_numbers,
    score_quotes,
    score_span_type,
    score_voices,
)
from .stories import join_paragraphs

GOLD = "stories/gold_dev.jsonl"
BASIL_NAME = "basil_dev.jsonl"
GOLD_LISTS = ("spans", "quotes", "voices", "facts", "numbers")


def confident_at() -> float | None:
    """The comparison's confidence threshold, when this version of framing has one."""
    try:
        from framing.compare.confidence import CONFIDENT_AT  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return None
    return float(CONFIDENT_AT)


def gold_paths(data: str | Path) -> tuple[Path, Path]:
    """The gold file and the BASIL file beside it; ``data`` is either the gold file or the datasets folder."""
    data = Path(data)
    gold = data if data.is_file() else data / GOLD
    basil = gold.parent / BASIL_NAME
    for path in (gold, basil):
        if not path.is_file():
            raise FramingInputError(path, "dataset file not found",
                                    "Pass --data stories/gold_dev.jsonl (with basil_dev.jsonl beside it)")
    return gold, basil


def event_positions(basil: Path) -> tuple[dict[str, int], dict[str, dict[str, Any]]]:
    """Each event's 1-based position by first appearance of ``triplet_uuid``, and the rows by article id."""
    positions: dict[str, int] = {}
    rows: dict[str, dict[str, Any]] = {}
    for _, row in read_jsonl(basil):
        positions.setdefault(row["triplet_uuid"], len(positions) + 1)
        rows[row["id"]] = row
    return positions, rows


def build_article(row: dict[str, Any], outlet: str, lexicons: Lexicons) -> ArticleAnalysis:
    """One BASIL article as framing analyzes it, offsets equal to the gold's assembled text."""
    text, _ = join_paragraphs(row["paragraphs"])
    raw = RawArticle(row["id"], text, "", outlet=outlet, title=row.get("title", ""))
    return analyze_document(parse_document(raw, lexicons, raw=True), lexicons)


def check_gold(event: dict[str, Any], texts: dict[str, str], where: str) -> None:
    """Every gold item with a ``text`` must read exactly that text at its offsets."""
    items = [*event["spans"], *event["voices"], *(m for n in event["numbers"] for m in n["members"])]
    items += [m for f in event["facts"] for m in f["members"]] + event["quotes"]
    for item in items:
        text = texts.get(item["article_id"])
        if text is None:
            raise FramingInputError(where, f"names article {item['article_id']}, which is not in basil_dev.jsonl")
        if "text" in item and text[item["start"] : item["end"]] != item["text"]:
            raise FramingInputError(where, f"offsets {item['start']}-{item['end']} of {item['article_id']} do not "
                                    "hold their text", "Assemble the article as the datasets README says")


POSSIBLE = "possible"  # how an evidence span in doubt is marked (``confidence: possible``)
SPAN_THRESHOLD = 0.5  # for numeric span confidences when the comparison has no CONFIDENT_AT


def confidence_of(value: Any) -> float | None:
    """A row's confidence as a number: None when absent, 0 for a span marked ``possible``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        return 0.0 if value == POSSIBLE else None
    return float(value)


def table_rows(table: pd.DataFrame) -> list[tuple[tuple[str, int, int], float | None, dict[str, Any]]]:
    """Each row of a comparison table that has offsets, as ``((article, start, end), confidence, row)``.

    ``confidence`` is None where the table has no such column (framing before confidences).
    Rows without offsets (a quote no speaker was found for) name no words to match; the
    voices figures count them apart (:func:`speakerless`).
    """
    return [((str(r["article_id"]), int(r["start"]), int(r["end"])), confidence_of(r.get("confidence")), r)
            for r in table.to_dict("records") if r["start"] == r["start"]]


def speakerless(table: pd.DataFrame) -> list[Located]:
    """Voice rows without a speaker's offsets (quotes left unattributed), placed on their words."""
    return [Located(str(r["article_id"]), int(r["words_start"]), int(r["words_end"]))
            for r in table.to_dict("records") if r["start"] != r["start"]]


def tool_records(analyses: Sequence[ArticleAnalysis], tables: dict[str, pd.DataFrame], event: str) -> dict[str, list]:
    """framing's spans, quotes and table rows as the scorer's records (fact and flag ids made per event)."""
    spans, quotes = [], []
    for analysis in analyses:
        doc_id = analysis.document.id
        for s in analysis.spans:
            sure = confidence_of(s.attrs.get("confidence"))
            if s.type in SPAN_TYPES:
                spans.append(ToolSpan(doc_id, s.start, s.end, s.type, s.text, confidence=sure))
            elif s.type == "quote":
                quotes.append(ToolQuote(doc_id, s.start, s.end, str(s.attrs.get("speaker", "")), confidence=sure))
    voices = [ToolVoice(*place, str(r["voice"]), str(r["role"]), str(r.get("via", "")), confidence=sure)
              for place, sure, r in table_rows(tables["voices"])]
    facts = [ToolFactRow(*place, f"{event}/{r['fact_id']}", r["outlet"], confidence=sure)
             for place, sure, r in table_rows(tables["facts"])]
    flags = [ToolFlag(*place, f"{event}/{r['disagreement_id']}", r["kind"], str(r.get("phrase", "")), confidence=sure)
             for place, sure, r in table_rows(tables["disagreements"])]
    return {"spans": spans, "quotes": quotes, "voices": voices, "facts": facts, "flags": flags,
            "speakerless": speakerless(tables["voices"])}


def run_events(data: str | Path, lexicons: Lexicons, limit: int | None = None) -> tuple[list[dict], dict[str, list]]:
    """Every gold event (tagged with its position) and framing's records for its articles, pooled."""
    gold_path, basil = gold_paths(data)
    positions, rows = event_positions(basil)
    events, records = [], {key: [] for key in ("spans", "quotes", "voices", "facts", "flags", "speakerless")}
    for line, event in read_jsonl(gold_path, limit):
        texts = {a["id"]: join_paragraphs(rows[a["id"]]["paragraphs"])[0] for a in event["articles"] if a["id"] in rows}
        check_gold(event, texts, f"{gold_path}:{line}")
        analyses = [build_article(rows[a["id"]], a["outlet"], lexicons) for a in event["articles"]]
        tables = story_tables(analyses, lexicons, WordFolder(lexicons.stop_words))
        position = positions[event["triplet_uuid"]]
        for key, items in tool_records(analyses, tables, str(position)).items():
            records[key] += items
        events.append({**event, "position": position})
    return events, records


def score_all(events: Sequence[dict[str, Any]], records: dict[str, list], threshold: float | None) -> dict[str, Any]:
    """Every figure, on all rows and (where rows carry a confidence) on the confident rows."""
    gold = {key: [item for e in events for item in e[key]] for key in GOLD_LISTS}
    spans_at = threshold if threshold is not None else SPAN_THRESHOLD
    result: dict[str, Any] = {
        f"spans_{kind}": all_and_confident(lambda rows, k=kind: score_span_type(gold["spans"], rows, k),
                                           [s for s in records["spans"] if s.type == kind], spans_at,
                                           unmarked_is_sure=True)
        for kind in SPAN_TYPES
    }
    result["quotes"] = all_and_confident(lambda rows: score_quotes(gold["quotes"], rows), records["quotes"], spans_at,
                                         unmarked_is_sure=True)
    result["voices"] = all_and_confident(lambda rows: score_voices(gold["voices"], rows), records["voices"], threshold)
    result["voices"]["rows_without_speaker"] = len(records["speakerless"])
    result["facts"] = all_and_confident(lambda rows: score_fact_pairs(gold["facts"], rows), records["facts"],
                                        threshold)
    # Flags and fact rows go in together, so the confident figures use confident facts for grouping too.
    result["numbers"] = all_and_confident(
        lambda rows: score_numbers(gold["numbers"], [r for r in rows if isinstance(r, ToolFlag)],
                                   [r for r in rows if isinstance(r, ToolFactRow)]),
        [*records["flags"], *records["facts"]], threshold)
    return result


def evaluate_gold(data_dir: str | Path, lexicons: Lexicons, limit: int | None = None) -> dict[str, Any]:
    """The gold figures pooled over the events, and each event's on its own (``by_event``)."""
    threshold = confident_at()
    events, records = run_events(data_dir, lexicons, limit)
    by_event = {}
    for event in events:
        articles = {a["id"] for a in event["articles"]}
        own = {key: [r for r in rows if r.article in articles] for key, rows in records.items()}
        by_event[str(event["position"])] = score_all([event], own, threshold)
    return {"events": [e["position"] for e in events], "articles": sum(len(e["articles"]) for e in events),
            "confident_at": threshold, "pooled": score_all(events, records, threshold), "by_event": by_event}


# (label, section, figure, the counts shown beside it: numerator key, denominator key)
FIGURES: list[tuple[str, str, str, str, str]] = [
    ("hedge precision", "spans_hedge", "precision", "hits", "judged"),
    ("hedge recall", "spans_hedge", "recall", "found", "gold_required"),
    ("attribution cue precision", "spans_attribution", "precision", "hits", "judged"),
    ("attribution cue recall", "spans_attribution", "recall", "found", "gold_required"),
    ("loaded precision", "spans_loaded", "precision", "hits", "judged"),
    ("loaded recall", "spans_loaded", "recall", "found", "gold_required"),
    ("quote recall", "quotes", "recall", "found", "gold_quotes"),
    ("quote speaker accuracy", "quotes", "speaker_accuracy", "speaker_right", "found"),
    ("quote speaker accuracy, lenient", "quotes", "speaker_accuracy_lenient", "speaker_right_lenient", "found"),
    ("voice rows that are real voices", "voices", "real_voice_share", "real_rows", "tool_rows"),
    ("voice recall", "voices", "recall", "found", "gold_voices"),
    ("voice role accuracy", "voices", "role_accuracy", "role_right", "found"),
    ("fact pair precision", "facts", "precision", "right_pairs", "tool_pairs"),
    ("fact pair recall", "facts", "recall", "gold_pairs_found", "gold_pairs"),
    ("number disagreement precision", "numbers", "disagreement_precision", "", "flags"),
    ("number grouping recall", "numbers", "grouping_recall", "grouped_pairs", "gold_number_pairs"),
]


def cell(block: dict[str, Any] | None, figure: str, numerator: str, denominator: str) -> str:
    """``0.512 (21/41)``, or n/a when there is nothing to divide."""
    if not block:
        return "—"
    value = block.get(figure)
    shown = "n/a" if value is None else f"{value:.3f}"
    if denominator and numerator:
        return f"{shown} ({block.get(numerator)}/{block.get(denominator)})"
    return f"{shown} (of {block.get(denominator)})" if denominator else shown


def gold_table(result: dict[str, Any]) -> str:
    """The readable table: each figure pooled over the events, on all rows and on confident rows."""
    pooled = result["pooled"]
    threshold = result.get("confident_at")
    sure = f"confidence ≥ {threshold}" if threshold is not None else "confident rows (no CONFIDENT_AT in this framing)"
    events = [str(e) for e in result["events"]]
    lines = [f"Hand gold, events {', '.join(events)} by position in basil_dev ({result['articles']} articles); "
             "per-event columns: all rows", "",
             f"| figure | all rows | {sure} | " + " | ".join(f"event {e}" for e in events) + " |",
             "|---|---|---|" + "---|" * len(events)]
    for label, section, figure, numerator, denominator in FIGURES:
        block = pooled.get(section, {})
        per_event = [cell(result["by_event"][e].get(section), figure, "", "") for e in events]
        sure_cell = cell(block.get("confident"), figure, numerator, denominator)
        lines.append(f"| {label} | {cell(block, figure, numerator, denominator)} | {sure_cell} | "
                     + " | ".join(per_event) + " |")
    spans = {kind: pooled[f"spans_{kind}"] for kind in SPAN_TYPES}
    lines += ["", "Spans and quotes: the confident column leaves out those marked `confidence: possible`.",
              "Excused by optional gold (set aside from precision): "
              + ", ".join(f"{k} {v['excused']}" for k, v in spans.items()),
              "Attribution recall by gold source kind: " + json.dumps(spans["attribution"]["recall_by_kind"]),
              f"Number flags: {pooled['numbers']['flags']} (every one a false alarm on this gold); "
              f"actor flags: {pooled['numbers']['actor_flags']}",
              f"Voice rows no gold voice accounts for: {len(pooled['voices']['unmatched_rows'])} (listed in --json)"]
    return "\n".join(lines) + "\n"
