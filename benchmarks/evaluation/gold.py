"""Score framing's evidence and comparison rows against the hand gold of three BASIL events.

The gold (``stories/gold_dev.jsonl``, described in the datasets folder's README) marks, per
article, hedges, attribution cues and loaded words, direct quotes with their speaker, each
source's first mention with its role, and across the three outlets the facts they share and
the numbers they repeat. Every function here is pure: gold rows (the JSON objects as read)
and the tool's rows (the small records below) in, figures out, so the tests can check the
definitions on made-up rows without the data.

A tool item matches a gold item when their character ranges overlap in the same article.
Each tool record may carry a ``confidence`` (the comparison tables' column, when present);
:func:`all_and_confident` scores all rows and, beside them, only the rows at or above the
threshold, so a reader sees what the "possible" rows cost or bring.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any, TypeVar

SPAN_TYPES = ("hedge", "attribution", "loaded")
PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "it", "him", "her", "them"})
LEADING_WORDS = frozenset({"the", "a", "an", "many", "some", "several"})
TOP_ERRORS = 15


@dataclass(frozen=True, slots=True)
class Located:
    """Where a tool row stands: ``[start, end)`` of one article, and how sure the tool is (if it says)."""

    article: str
    start: int
    end: int
    confidence: float | None = field(default=None, kw_only=True)


@dataclass(frozen=True, slots=True)
class ToolSpan(Located):
    """One evidence span framing found (a hedge, attribution cue or loaded term)."""

    type: str
    text: str = ""


@dataclass(frozen=True, slots=True)
class ToolQuote(Located):
    speaker: str


@dataclass(frozen=True, slots=True)
class ToolVoice(Located):
    """One row of the comparison's voices table."""

    voice: str
    role: str
    via: str = ""


@dataclass(frozen=True, slots=True)
class ToolFactRow(Located):
    """One sentence of one fact of the comparison's facts table."""

    fact_id: str
    outlet: str


@dataclass(frozen=True, slots=True)
class ToolFlag(Located):
    """One row of the disagreements table (one outlet's value in one disagreement)."""

    flag_id: str
    kind: str
    text: str = ""


Row = TypeVar("Row", ToolSpan, ToolQuote, ToolVoice, ToolFactRow, ToolFlag)


def touches(article: str, start: int, end: int, gold: dict[str, Any]) -> bool:
    """Whether ``[start, end)`` of ``article`` shares a character with a gold item."""
    return article == gold["article_id"] and start < gold["end"] and gold["start"] < end


def ratio(part: int, whole: int) -> float | None:
    """``part / whole`` rounded, or None when there is nothing to divide (shown as n/a)."""
    return round(part / whole, 3) if whole else None


def short(text: str, limit: int = 40) -> str:
    """A phrase cut to a few words, for error lists (never whole sentences of the articles)."""
    text = " ".join(text.split()).lower()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def most_frequent(counts: Counter[str]) -> list[str]:
    return [f"{phrase} ({n})" for phrase, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_ERRORS]]


def all_and_confident(
    score: Callable[[Sequence[Row]], dict[str, Any]], rows: Sequence[Row], threshold: float | None,
    *, unmarked_is_sure: bool = False,
) -> dict[str, Any]:
    """``score`` on every row, plus ``confident``: on rows at or above ``threshold`` only.

    The confident block appears only when a threshold is known and some row carries a
    confidence. A row without one is kept out of it (nothing vouches for it), except where
    ``unmarked_is_sure``: evidence spans carry a confidence only when they are in doubt
    (``confidence: possible``), so an unmarked span is one framing counts.
    """
    result = score(rows)
    if threshold is not None and any(row.confidence is not None for row in rows):
        sure = [row for row in rows if (unmarked_is_sure if row.confidence is None else row.confidence >= threshold)]
        result["confident"] = {"threshold": threshold, "rows": len(sure), **score(sure)}
    return result


# --- spans ------------------------------------------------------------------------------------


def score_span_type(gold: Sequence[dict[str, Any]], tool: Sequence[ToolSpan], span_type: str) -> dict[str, Any]:
    """Precision and recall of one span type, optional gold spans excusing what they overlap.

    A tool span that overlaps a required gold span is a hit; one that overlaps only optional
    gold spans is *excused* (neither right nor wrong: set aside from ``precision``, counted as
    right in ``precision_lenient``); any other is a false alarm. Recall counts the required
    gold spans any tool span overlaps; ``recall_by_kind`` splits it by the gold ``kind``.
    """
    wanted = [g for g in gold if g["type"] == span_type]
    required = [g for g in wanted if not g.get("optional")]
    optional = [g for g in wanted if g.get("optional")]
    spans = [s for s in tool if s.type == span_type]
    hits = excused = 0
    false_alarms: Counter[str] = Counter()
    for s in spans:
        if any(touches(s.article, s.start, s.end, g) for g in required):
            hits += 1
        elif any(touches(s.article, s.start, s.end, g) for g in optional):
            excused += 1
        else:
            false_alarms[short(s.text)] += 1
    found = [g for g in required if any(touches(s.article, s.start, s.end, g) for s in spans)]
    misses = Counter(short(g["text"]) for g in required if g not in found)
    return {
        "precision": ratio(hits, len(spans) - excused),
        "precision_lenient": ratio(hits + excused, len(spans)),
        "recall": ratio(len(found), len(required)),
        "tool_spans": len(spans), "judged": len(spans) - excused, "found": len(found), "hits": hits,
        "excused": excused, "false_alarms": len(spans) - hits - excused,
        "gold_required": len(required), "gold_optional": len(optional),
        "recall_by_kind": kind_recall(required, found),
        "top_false_alarms": most_frequent(false_alarms), "top_misses": most_frequent(misses),
    }


def kind_recall(required: Sequence[dict[str, Any]], found: Sequence[dict[str, Any]]) -> dict[str, str]:
    """``found/required`` per gold ``kind`` (attribution cues), empty for types without kinds."""
    totals = Counter(g["kind"] for g in required if g.get("kind"))
    hits = Counter(g["kind"] for g in found if g.get("kind"))
    return {kind: f"{hits[kind]}/{n}" for kind, n in sorted(totals.items())}


# --- quotes -----------------------------------------------------------------------------------


def words_of(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def contains_words(longer: str, shorter: str) -> bool:
    """Whether the words of ``shorter`` occur in a row inside ``longer`` (case and punctuation aside)."""
    outer, inner = words_of(longer), words_of(shorter)
    return bool(inner) and any(outer[i : i + len(inner)] == inner for i in range(len(outer) - len(inner) + 1))


def speaker_matches(speaker: str, key: str, *, lenient: bool = False) -> bool:
    """The tool's speaker contains the gold surname or organisation (``lenient``: or is part of it).

    A bare pronoun never matches: it names nobody a reader could check.
    """
    if not speaker or speaker.strip().lower() in PRONOUNS:
        return False
    return contains_words(speaker, key) or (lenient and contains_words(key, speaker))


def best_overlap(gold: dict[str, Any], rows: Iterable[Row]) -> Row | None:
    """The tool row of the gold item's article that shares most characters with it."""
    best, most = None, 0
    for row in rows:
        if touches(row.article, row.start, row.end, gold):
            shared = min(row.end, gold["end"]) - max(row.start, gold["start"])
            if shared > most:
                best, most = row, shared
    return best


def score_quotes(gold: Sequence[dict[str, Any]], tool: Sequence[ToolQuote]) -> dict[str, Any]:
    """Quote recall, and speaker accuracy over the gold quotes found (strict and lenient)."""
    found = [(g, q) for g in gold if (q := best_overlap(g, tool)) is not None]
    right = [(g, q) for g, q in found if speaker_matches(q.speaker, g["speaker_key"])]
    lenient = [(g, q) for g, q in found if speaker_matches(q.speaker, g["speaker_key"], lenient=True)]
    wrong = Counter(f"{short(q.speaker or '(none)', 30)} for {g['speaker_key']}" for g, q in found
                    if not speaker_matches(q.speaker, g["speaker_key"], lenient=True))
    return {
        "recall": ratio(len(found), len(gold)),
        "speaker_accuracy": ratio(len(right), len(found)),
        "speaker_accuracy_lenient": ratio(len(lenient), len(found)),
        "gold_quotes": len(gold), "found": len(found), "speaker_right": len(right),
        "speaker_right_lenient": len(lenient),
        "tool_quotes": len(tool),
        "tool_quotes_on_gold": sum(1 for q in tool if any(touches(q.article, q.start, q.end, g) for g in gold)),
        "wrong_speakers": most_frequent(wrong),
    }


# --- voices -----------------------------------------------------------------------------------


def name_key(name: str) -> str:
    """A name's last word, lower case, possessive dropped: "Michael R. Bloomberg" and "Bloomberg's" → bloomberg."""
    words = [w for w in words_of(re.sub(r"['’]s\b", "", name)) if w not in LEADING_WORDS]
    return words[-1] if words else ""


def same_voice(row: ToolVoice, gold: dict[str, Any]) -> bool:
    """A voice row is the gold voice when it overlaps its mention or names it (same article)."""
    if row.article != gold["article_id"]:
        return False
    key = name_key(row.voice)
    return touches(row.article, row.start, row.end, gold) or (key not in PRONOUNS and key == name_key(gold["name"]))


def matched_voice(gold: dict[str, Any], rows: Sequence[ToolVoice]) -> ToolVoice | None:
    """The row that stands for a gold voice: the one on its mention, else its first same-name row."""
    on_mention = best_overlap(gold, rows)
    if on_mention is not None:
        return on_mention
    named = sorted((r for r in rows if same_voice(r, gold)), key=lambda r: r.start)
    return named[0] if named else None


def score_voices(gold: Sequence[dict[str, Any]], tool: Sequence[ToolVoice]) -> dict[str, Any]:
    """The share of voice rows that are real voices, voice recall and role accuracy over voices found.

    ``unmatched_rows`` lists every row no gold voice accounts for (voice, role, offsets), so a
    reader can judge whether the gold or the tool is wrong.
    """
    real = [r for r in tool if any(same_voice(r, g) for g in gold)]
    unmatched = [r for r in tool if r not in real]
    pairs = [(g, r) for g in gold if (r := matched_voice(g, tool)) is not None]
    right = [(g, r) for g, r in pairs if r.role == g["role"]]
    confusions = Counter(f"{g['role']} → {r.role}" for g, r in pairs if r.role != g["role"])
    return {
        "real_voice_share": ratio(len(real), len(tool)),
        "recall": ratio(len(pairs), len(gold)),
        "role_accuracy": ratio(len(right), len(pairs)),
        "tool_rows": len(tool), "real_rows": len(real), "gold_voices": len(gold), "found": len(pairs),
        "role_right": len(right),
        "role_confusions": most_frequent(confusions),
        "unmatched_rows": [
            {"article": r.article, "start": r.start, "end": r.end, "voice": short(r.voice, 30), "role": r.role,
             "via": r.via} for r in unmatched
        ],
    }


# --- facts and numbers ------------------------------------------------------------------------


Member = tuple[str, int, int]  # (article id, start, end)


def member(item: dict[str, Any]) -> Member:
    return (item["article_id"], item["start"], item["end"])


def cross_pairs(members: Iterable[Member]) -> set[frozenset[Member]]:
    """Every unordered pair of members from two different articles (outlets)."""
    return {frozenset((a, b)) for a, b in combinations(sorted(set(members)), 2) if a[0] != b[0]}


def tool_pairs(rows: Sequence[ToolFactRow]) -> list[tuple[ToolFactRow, ToolFactRow]]:
    """The tool's cross-outlet sentence pairs: two rows of one fact from different outlets."""
    by_fact: dict[str, list[ToolFactRow]] = {}
    for row in rows:
        by_fact.setdefault(row.fact_id, []).append(row)
    return [(a, b) for group in by_fact.values() for a, b in combinations(group, 2) if a.outlet != b.outlet]


def row_touches(row: ToolFactRow, item: Member) -> bool:
    return row.article == item[0] and row.start < item[2] and item[1] < row.end


def pairs_member_pair(pair: tuple[ToolFactRow, ToolFactRow], gold_pair: frozenset[Member]) -> bool:
    """Whether a tool pair's two sentences lie on the gold pair's two members (either order)."""
    first, second = sorted(gold_pair)
    a, b = pair
    return (row_touches(a, first) and row_touches(b, second)) or (row_touches(b, first) and row_touches(a, second))


def gold_fact_pairs(facts: Sequence[dict[str, Any]]) -> list[set[frozenset[Member]]]:
    """Per gold fact, its cross-outlet member pairs."""
    return [cross_pairs(member(m) for m in fact["members"]) for fact in facts]


def score_fact_pairs(facts: Sequence[dict[str, Any]], rows: Sequence[ToolFactRow]) -> dict[str, Any]:
    """Precision of the tool's cross-outlet pairs against any gold fact; recall of the gold pairs.

    Recall counts only facts at least two outlets state (no ``only_one``); precision accepts a
    pair that lies on two members of any gold fact, since every gold pair comes from a
    multi-outlet fact anyway.
    """
    per_fact = gold_fact_pairs(facts)
    pairs = tool_pairs(rows)
    right = sum(1 for pair in pairs if any(pairs_member_pair(pair, g) for fact in per_fact for g in fact))
    wanted = set().union(*gold_fact_pairs([f for f in facts if not f.get("only_one")]))
    found = sum(1 for g in wanted if any(pairs_member_pair(pair, g) for pair in pairs))
    return {"precision": ratio(right, len(pairs)), "recall": ratio(found, len(wanted)),
            "tool_pairs": len(pairs), "right_pairs": right, "gold_pairs": len(wanted), "gold_pairs_found": found,
            "tool_facts": len({r.fact_id for r in rows}), "gold_facts": len(facts)}


def score_numbers(
    groups: Sequence[dict[str, Any]], flags: Sequence[ToolFlag], rows: Sequence[ToolFactRow]
) -> dict[str, Any]:
    """Disagreement precision (flags that match a gold group with ``agree: false``) and grouping recall.

    A number flag matches a disagreeing gold group when two of its rows lie on two of the group's
    members. Grouping recall is the share of gold cross-outlet number pairs whose two sentences
    the facts table puts in one fact: the alignment a number comparison needs first.
    """
    by_flag: dict[str, list[ToolFlag]] = {}
    for flag in flags:
        if flag.kind == "number":
            by_flag.setdefault(flag.flag_id, []).append(flag)
    disagreeing = [[member(m) for m in g["members"]] for g in groups if not g.get("agree", True)]
    right = sum(1 for parts in by_flag.values() if any(lies_on_two(parts, members) for members in disagreeing))
    wanted = set().union(*(cross_pairs(member(m) for m in g["members"]) for g in groups))
    pairs = tool_pairs(rows)
    grouped = sum(1 for g in wanted if any(pairs_member_pair(pair, g) for pair in pairs))
    return {
        "disagreement_precision": ratio(right, len(by_flag)), "flags": len(by_flag),
        "false_alarms": len(by_flag) - right,
        "flagged_values": [" / ".join(short(f.text, 20) for f in parts) for parts in by_flag.values()][:TOP_ERRORS],
        "actor_flags": len({f.flag_id for f in flags if f.kind == "actor"}),
        "grouping_recall": ratio(grouped, len(wanted)), "gold_number_pairs": len(wanted), "grouped_pairs": grouped,
        "gold_groups": len(groups), "gold_disagreeing_groups": len(disagreeing),
    }


def lies_on_two(parts: Sequence[ToolFlag], members: Sequence[Member]) -> bool:
    """Whether the flag's rows overlap at least two distinct members of a gold group."""
    hit = {m for m in members for f in parts if f.article == m[0] and f.start < m[2] and m[1] < f.end}
    return len(hit) >= 2
