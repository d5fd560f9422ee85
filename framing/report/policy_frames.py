"""The report's frames part: the outlets × frames table, its sentence in words, and links to the evidence.

Built from the same ``frames`` table that ``framing compare`` writes
(:func:`framing.compare.policy_frames.build_frames`), so the report and the CSV agree; each
cell links to the evidence sentences' markers in the articles below (``#ref-a<article>-s<span>``).
Only confident frames make the table, the chart and the sentence in words; frames an outlet carries
only as possible are listed apart with their reason, as the other comparison tables list their
possible rows (:func:`.findings.split_rows`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from ..analysis import ArticleAnalysis
from ..compare.policy_frames import build_frames, frames_summary
from .findings import split_rows

SNIPPET_CHARS = 90


def frames_section(
    analyses: Sequence[ArticleAnalysis], span_ids: dict[tuple[str, int, int, str], str]
) -> dict[str, Any]:
    """The frames part of the report model (``span_ids``: (article id, start, end, label) → marker id)."""
    table, possible = split_rows(build_frames(analyses))
    texts = {a.document.id: a.document.text for a in analyses}
    rules = sorted({rule for rule in table["rule"] if rule}) if not table.empty else []
    frames = list(dict.fromkeys(table["frame"])) if not table.empty else []
    outlets = list(dict.fromkeys(table["outlet"])) if not table.empty else []
    cells: dict[tuple[str, str], dict[str, Any]] = {}
    possible_pairs = set(zip(possible["frame"], possible["outlet"], strict=True)) if not possible.empty else set()
    for record in table.to_dict("records"):
        evidence = _evidence_links(record, texts, span_ids)
        cells[(record["frame"], record["outlet"])] = {
            "score": record["score"], "assigned": record["articles_with_frame"], "n_articles": record["n_articles"],
            "sentences": record["frame_sentences"], "low": record["share_ci_low"], "high": record["share_ci_high"],
            "leads": record["leads"], "left_out": record["outlet"] in record["left_out_by"],
            "alone": record["leads_where_others_leave_out"], "evidence": evidence,
            "possible": (record["frame"], record["outlet"]) in possible_pairs,  # carried, but only as possible
        }
    return {
        "summary": frames_summary(table),
        "outlets": outlets,
        "rows": [{"frame": frame, "label": frame.replace("_", " "),
                  "cells": [cells[(frame, outlet)] for outlet in outlets]} for frame in frames],
        "possible": [{"outlet": record["outlet"], "label": record["frame"].replace("_", " "), "score": record["score"],
                      "assigned": record["articles_with_frame"], "n_articles": record["n_articles"],
                      "reason": record["reason"], "evidence": _evidence_links(record, texts, span_ids)}
                     for record in possible.to_dict("records")],
        "scorer": ("learned model (optional research-use set), with the frames the cue lexicon rule adds"
                   if "frame_model" in rules else "cue lexicon rule"),
    }


def _evidence_links(record: dict[str, Any], texts: dict[str, str],
                    span_ids: dict[tuple[str, int, int, str], str]) -> list[dict[str, str]]:
    """A table row's evidence sentences as marker links, each with a short snippet for its title."""
    links = []
    for place in record["evidence"]:
        article_id, _, offsets = place.rpartition(":")
        start, end = (int(x) for x in offsets.split("-"))
        text = texts.get(article_id, "")[start:end]
        links.append({
            "ref": span_ids.get((article_id, start, end, record["frame"]), ""),
            "snippet": text if len(text) <= SNIPPET_CHARS else text[: SNIPPET_CHARS - 1].rstrip() + "…",
        })
    return links


def span_marker_ids(articles: Sequence[dict[str, Any]]) -> dict[tuple[str, int, int, str], str]:
    """Each frame span's marker id in the report's article models, keyed by article id, offsets and frame."""
    return {(article["id"], note["start"], note["end"], note["label"]): note["id"]
            for article in articles for note in article["notes"] if note["type"] == "frame"}
