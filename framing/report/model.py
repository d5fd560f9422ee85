"""The report model: everything the report shows, as plain dicts and lists.

The HTML and the PDF are both rendered from this one model, so they can never
disagree. Nothing here renders: it only decides *what* to show (numbers per
outlet, the flattened highlight segments of each article, the evidence notes,
provenance), which keeps it testable without a browser or a PDF engine.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import math
import os
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from .. import __version__
from ..analysis import ArticleAnalysis
from ..document import SPAN_TYPES
from ..lexicons import Lexicons
from ..rates import WordWeightedMeans, per_thousand
from .article_model import SHORT_ARTICLE_WORDS, SPAN_STYLE, article_model, display_value, lexicon_entry_index
from .findings import MAX_POSSIBLE_ROWS, highlights, overview_words, possible_note, split_rows
from .loaded_voices import loaded_voice_rows
from .policy_frames import frames_section, span_marker_ids

# The span types the overview gives as rates per 1,000 words (table rows, chart panels). Frame sentences
# are not a device counted per word: the frames have their own part of the overview (policy_frames.py).
RATE_MEASURES = tuple(t for t in SPAN_TYPES if t != "frame")
# Readability values the overview knows by name; the reading-ease score is not a grade.
READABILITY_LABELS = {
    "flesch_kincaid_grade": "Flesch–Kincaid grade",
    "gunning_fog": "Gunning fog",
    "smog_index": "SMOG",
    "smog": "SMOG",
    "coleman_liau_index": "Coleman–Liau",
    "coleman_liau": "Coleman–Liau",
    "automated_readability_index": "ARI",
    "ari": "ARI",
    "dale_chall": "Dale–Chall",
    "dale_chall_readability_score": "Dale–Chall",
    "linsear_write_formula": "Linsear Write",
    "flesch_reading_ease": "Flesch reading ease",
}
NOT_A_GRADE = {"flesch_reading_ease", "dale_chall", "dale_chall_readability_score"}
# Articles shorter than this give rates too noisy to compare; the report says so.
# Comparison tables are summaries: show this many rows, point to ``framing compare`` for the rest.
MAX_COMPARISON_ROWS = 12
# Comparison tables already shown elsewhere (rates: as intervals in the overview table).
SHOWN_ELSEWHERE = {"rates", "frames"}  # frames: in their own part of the overview
# The columns a reader needs from each comparison table (the CSV export has them all);
# unknown tables fall back to their first few columns that are not offsets or ids.
COMPARISON_COLUMNS = {
    "labels": ["entity", "outlet", "label", "count", "category", "scare_quoted"],
    "facts": ["fact", "n_outlets", "outlets"],
    "omissions": ["fact", "outlet", "n_outlets_carrying", "possibly_carried"],
    "disagreements": ["kind", "outlet", "value", "phrase"],
    "voices": ["outlet", "voice", "role", "role_reason", "kind", "verb"],
    "distinctive": ["outlet", "term", "count", "rate_per_1k", "rest_rate_per_1k", "within_noise"],
    "headlines": ["outlet", "headline", "frame_differs", "reason"],
}
# What a table's rows mean, where its columns alone do not say it.
COMPARISON_NOTES = {
    "headlines": (
        "What each headline adds or leaves out against the other headlines (an element most of them lack, "
        "or one most of them carry) and against its own article: actors, party labels, allegations and "
        "charges, numbers and money, loaded words, and certainty where the body hedges. Places count as "
        "actors; names are matched by surname."
    ),
}
MAX_COMPARISON_COLUMNS = 6
MAX_CELL_CHARS = 180
# Cells a reader needs whole: a headline's reasons are the point of its row.
LONG_CELL_CHARS = {"reason": 900}
HEATMAP_TERMS = 25


def build_report_model(
    analyses: Sequence[ArticleAnalysis],
    lexicons: Lexicons,
    *,
    title: str = "",
    comparison: Mapping[str, Any] | None = None,
    generated: _dt.date | None = None,
) -> dict[str, Any]:
    """The whole report as plain data.

    ``comparison`` is what :func:`framing.compare.build_comparison` returned (or
    ``None``); its ``rates`` table, when it carries ``ci_low``/``ci_high``, adds
    uncertainty to the overview. A model built without it is complete for every
    section but the overview's intervals and the comparison tables, so the PDF can
    start printing the articles while the comparison is computed
    (:func:`with_comparison` adds it later).
    """
    generated = generated or report_date()
    entry_index = lexicon_entry_index(lexicons)
    source_kinds = allowed_values(lexicons, "source_kinds", "kind")
    articles = [article_model(index, analysis, entry_index) for index, analysis in enumerate(analyses)]
    outlets = outlet_rows(analyses, source_kinds)
    model = {
        "title": title or "How the outlets framed the story",
        "version": __version__,
        "date": generated.isoformat(),
        "n_articles": len(analyses),
        "n_outlets": len(outlets),
        "n_words": sum(a.document.n_words for a in analyses),
        "span_types": [{"type": t, **SPAN_STYLE[t]} for t in SPAN_TYPES],
        "measures": [{"key": t, "label": SPAN_STYLE[t]["plural"]} for t in RATE_MEASURES],
        "source_kinds": [{"key": kind, "label": kind.replace("_", " ")} for kind in source_kinds],
        "readability": readability_columns(analyses),
        "outlets": outlets,
        "loaded_matrix": loaded_matrix(analyses, [row["outlet"] for row in outlets]),
        "loaded_voices": loaded_voice_rows(analyses, lexicons),
        "frames": frames_section(analyses, span_marker_ids(articles)),  # report/policy_frames.py
        "articles": articles,
        "short_articles": [a["label"] for a in articles if a["n_words"] < SHORT_ARTICLE_WORDS],
        "short_article_words": SHORT_ARTICLE_WORDS,
        "lexicons": lexicon_rows(lexicons),
        "lexicon_checksum": lexicons.checksum,
        "inputs": [
            {"id": a.document.id, "outlet": a.document.outlet, "path": a.document.path,
             "sha256": sha256_text(a.document.raw_text)}
            for a in analyses
        ],
    }
    return with_comparison(model, comparison)


def with_comparison(model: Mapping[str, Any], comparison: Mapping[str, Any] | None) -> dict[str, Any]:
    """A copy of ``model`` with the comparison's rate intervals and tables (none when it is ``None``)."""
    intervals = rate_intervals(comparison)
    outlets = [{**row, "intervals": intervals.get(row["outlet"], {})} for row in model["outlets"]]
    measures = {measure["key"]: measure["label"] for measure in model["measures"]}
    return {
        **model,
        "outlets": outlets,
        "has_intervals": bool(intervals),
        "highlights": highlights(outlets, list(measures), bool(intervals)),
        "overview_words": overview_words(outlets, measures, bool(intervals)),
        "comparison": comparison_tables(comparison),
    }


def report_date() -> _dt.date:
    """Today (UTC), or ``SOURCE_DATE_EPOCH`` when set, so a rebuilt report can be byte-identical."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.timezone.utc).date()
    return _dt.datetime.now(tz=_dt.timezone.utc).date()


def sha256_text(text: str) -> str:
    """The input's checksum; "surrogatepass" so a lone surrogate from the Python API cannot crash the report."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


# --- overview numbers -------------------------------------------------------------


def outlet_rows(analyses: Sequence[ArticleAnalysis], source_kinds: Sequence[str]) -> list[dict[str, Any]]:
    """Per-outlet rates, pooled over the outlet's articles (total count / total words).

    Pooling (not averaging per-article rates) keeps a 100-word article from
    weighing as much as a 2,000-word one.
    """
    grouped: dict[str, list[ArticleAnalysis]] = defaultdict(list)
    for analysis in analyses:
        grouped[analysis.document.outlet or analysis.document.id].append(analysis)
    rows = []
    for outlet, members in grouped.items():
        words = sum(a.document.n_words for a in members)
        counts: Counter[str] = Counter()
        kinds: Counter[str] = Counter()
        for analysis in members:
            for span in analysis.spans:
                if not span.counted:  # a "possible" finding: shown with its reason, not counted
                    continue
                counts[span.type] += 1
                if span.type == "source":
                    kinds[span.category or "unknown"] += 1
        all_kinds = list(source_kinds) + sorted(set(kinds) - set(source_kinds))
        grades = weighted_readability(members)
        rows.append({
            "outlet": outlet,
            "n_articles": len(members),
            "n_words": words,
            "counts": {t: counts[t] for t in SPAN_TYPES},
            "rates": {t: per_thousand(counts[t], words) for t in SPAN_TYPES},
            "source_counts": {k: kinds[k] for k in all_kinds},
            "source_rates": {k: per_thousand(kinds[k], words) for k in all_kinds},
            "readability": grades,
            "short": words < SHORT_ARTICLE_WORDS,
        })
    return rows


def readability_key(feature: str) -> str | None:
    """The plain formula name of a readability feature, or None if it is not one.

    Only formulas known by name are shown: a feature such as ``readability_words``
    is a count, not a grade, and must not land in the grades chart.
    """
    name = feature
    for prefix in ("readability.", "readability_"):
        if name.startswith(prefix):
            name = name[len(prefix):]
            break
    return name if name in READABILITY_LABELS else None


def readability_columns(analyses: Sequence[ArticleAnalysis]) -> list[dict[str, Any]]:
    """The readability measures present in the features, known formulas first."""
    seen: dict[str, str] = {}
    for analysis in analyses:
        for feature, value in analysis.features.items():
            name = readability_key(feature)
            if name and isinstance(value, int | float) and name not in seen:
                seen[name] = feature
    order = list(READABILITY_LABELS)
    names = sorted(seen, key=lambda n: (order.index(n) if n in order else len(order), n))
    return [
        {"key": name, "feature": seen[name], "label": READABILITY_LABELS.get(name, name.replace("_", " ")),
         "is_grade": name not in NOT_A_GRADE}
        for name in names
    ]


def weighted_readability(members: Sequence[ArticleAnalysis]) -> dict[str, float]:
    """Each formula's mean over an outlet's articles, weighted by words (:class:`~framing.rates.WordWeightedMeans`)."""
    means = WordWeightedMeans()
    for analysis in members:
        scores = {readability_key(feature): value for feature, value in analysis.features.items()}
        means.add({name: value for name, value in scores.items() if name}, analysis.document.n_words)
    return means.means()


def loaded_matrix(analyses: Sequence[ArticleAnalysis], outlets: Sequence[str]) -> dict[str, Any]:
    """Counts of the most used loaded terms per outlet (rows: terms, columns: outlets). Only counted findings:
    a "possible" one (a weaker-tier row, or one a learned model doubts) is shown in the text, not tallied."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for analysis in analyses:
        outlet = analysis.document.outlet or analysis.document.id
        for span in analysis.spans_of("loaded"):
            if span.counted:
                counts[span.label.lower()][outlet] += 1
    ranked = sorted(counts, key=lambda term: (-sum(counts[term].values()), term))
    terms = ranked[:HEATMAP_TERMS]
    return {
        "terms": terms,
        "outlets": list(outlets),
        "counts": [[counts[term][outlet] for outlet in outlets] for term in terms],
        "n_terms": len(ranked),
    }


def rate_intervals(comparison: Mapping[str, Any] | None) -> dict[str, dict[str, dict[str, Any]]]:
    """``{outlet: {span_type: {low, high, within_noise}}}`` from the comparison's ``rates`` table.

    The comparison layer is built separately; this reads the long form
    (one row per outlet and measure) and ignores anything it cannot place.
    """
    table = (comparison or {}).get("rates")
    if table is None or not hasattr(table, "columns"):
        return {}
    frame = table.reset_index() if "outlet" not in table.columns else table
    columns = set(frame.columns)
    if not {"outlet", "ci_low", "ci_high"} <= columns:
        return {}
    measure_column = next((c for c in ("measure", "feature", "metric", "span_type", "type") if c in columns), None)
    if measure_column is None:
        return {}
    intervals: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for record in frame.to_dict("records"):
        span_type = measure_type(str(record[measure_column]))
        low, high = record.get("ci_low"), record.get("ci_high")
        if span_type is None or not is_finite_number(low) or not is_finite_number(high):
            continue
        intervals[str(record["outlet"])][span_type] = {
            "low": float(low), "high": float(high), "within_noise": bool(record.get("within_noise", False)),
        }
    return dict(intervals)


def measure_type(measure: str) -> str | None:
    """Map a comparison measure name (``hedge_per_1k``, ``hedges``) to a span type."""
    name = measure.lower().removesuffix("_per_1k").removesuffix("_rate")
    for span_type in SPAN_TYPES:
        if name in (span_type, span_type + "s"):
            return span_type
    return "loaded" if name == "loaded_terms" else None


def is_finite_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def comparison_tables(comparison: Mapping[str, Any] | None) -> list[dict[str, Any]]:
    """Each comparison DataFrame as a captioned table of display strings.

    Only the columns a reader needs are kept (offsets and ids are for the CSV
    export), repeated rows are merged, and long cells are shortened, so the
    tables fit a page and a phone.
    """
    tables = []
    for name, frame in (comparison or {}).items():
        if name in SHOWN_ELSEWHERE or not hasattr(frame, "columns") or not hasattr(frame, "to_dict"):
            continue
        if getattr(frame.index, "name", None) or any(getattr(frame.index, "names", []) or []):
            frame = frame.reset_index()
        available = [str(column) for column in frame.columns]
        wanted = [c for c in COMPARISON_COLUMNS.get(str(name), []) if c in available]
        if not wanted:
            wanted = [c for c in available if not c.endswith(("_start", "_end", "_id", "_index"))
                      and c not in ("start", "end", "evidence")][:MAX_COMPARISON_COLUMNS]
        confident, possible = split_rows(frame)
        rows = display_rows(confident, wanted)
        weak_columns = wanted + [c for c in ("confidence", "reason") if c in available and c not in wanted]
        weak = display_rows(possible, weak_columns)
        tables.append({
            "name": str(name),
            "title": str(name).replace("_", " ").capitalize(),
            "note": COMPARISON_NOTES.get(str(name), ""),
            "columns": [column.replace("_", " ") for column in wanted],
            "rows": rows[:MAX_COMPARISON_ROWS],
            "n_rows": len(rows),
            "possible_columns": [column.replace("_", " ") for column in weak_columns],
            "possible_rows": weak[:MAX_POSSIBLE_ROWS],
            "n_possible": len(weak),
            "possible_note": possible_note(len(weak)) if weak else "",
        })
    return tables


def display_rows(frame: Any, columns: Sequence[str]) -> list[list[str]]:
    """``frame``'s ``columns`` as display strings, repeated rows merged, long cells shortened."""
    rows: list[list[str]] = []
    limits = [LONG_CELL_CHARS.get(column, MAX_CELL_CHARS) for column in columns]
    for record in frame[list(columns)].to_dict("split")["data"]:
        row = [shorten(display_value(value), limit) for value, limit in zip(record, limits, strict=True)]
        if row not in rows:
            rows.append(row)
    return rows


def shorten(text: str, limit: int = MAX_CELL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def allowed_values(lexicons: Lexicons, name: str, column: str) -> list[str]:
    lexicon = lexicons.by_name.get(name)
    if lexicon is None:
        return []
    declared = lexicon.meta.get(f"allowed_{column}", "")
    values = [v.strip() for v in declared.split(",") if v.strip()]
    for entry in lexicon:
        if entry[column] and entry[column] not in values:
            values.append(entry[column])
    return values


def lexicon_rows(lexicons: Lexicons) -> list[dict[str, Any]]:
    return [
        {"name": name, "version": lexicon.version, "entries": len(lexicon),
         "description": lexicon.meta.get("description", ""), "sources": lexicon.meta.get("sources", ""),
         "overridden": len(lexicon.files) > 1}
        for name, lexicon in lexicons.by_name.items()
    ]
