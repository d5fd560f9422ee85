"""Cross-outlet fact pairs on the hand gold: why gold pairs are missed, and weights checked leave-one-event-out.

Usage::

    python benchmarks/fact_pairs_loeo.py --data DIR/stories/gold_dev.jsonl [--grid]

For each gold event (3 BASIL events, see the datasets README), builds framing's facts table
and prints:

- **causes**: every gold cross-outlet member pair by what happened to it: paired on
  confident rows; scored at or above ``CONFIDENT_AT`` but not paired (grouping);
  scored 0.5 to ``CONFIDENT_AT``; scored lower; penalised as "different actors" or
  "both quote someone, in different words"; blocked (different day or number); never
  scored (cosine under ``fact_pairs.MIN_COSINE`` and no shared quotation or figure); or
  a member that is no facts sentence (a headline, or a sentence under five words);
- with ``--grid``: the named weights of :func:`framing.compare.fact_pairs.score_pair`
  over a small grid, each setting's pooled confident precision and recall in-sample, and
  the leave-one-event-out figure: for each event, the setting that gives the most recall
  at precision ≥ ``TARGET_PRECISION`` on the other two (ties: higher precision, then the
  shipped weights) scores the held-out event; counts are pooled over the three.

Nothing is written; the figures go to stdout. Short phrases only: no article text is printed.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the benchmarks package

from benchmarks.evaluation.datasets import read_jsonl
from benchmarks.evaluation.gold import ToolFactRow, cross_pairs, member, score_fact_pairs
from benchmarks.evaluation.gold_task import build_article, event_positions, gold_paths, table_rows
from framing.analysis import ArticleAnalysis
from framing.compare import fact_pairs
from framing.compare.common import Sentence, WordFolder
from framing.compare.confidence import CONFIDENT_AT
from framing.compare.facts import build_facts, collect_sentences, event_scores
from framing.compare.labels import collect_label_uses, load_pins
from framing.compare.tfidf import similarity_matrix
from framing.lexicons import Lexicons, load_lexicons

TARGET_PRECISION = 0.85
# The weights the grid varies (fact_pairs module constants) and the values tried; the shipped value is among them.
GRID = {
    "SAME_FIGURE": (0.4, 0.5),
    "MAIN_ACTORS": (0.15, 0.25),
    "SHARED_WORD": (0.1, 0.15),
}
Event = tuple[int, dict[str, Any], list[ArticleAnalysis]]
Counts = tuple[int, int, int, int]  # right pairs, tool pairs, gold pairs found, gold pairs


def load_events(data: Path, lexicons: Lexicons) -> list[Event]:
    """Each gold event's position, gold and analysed articles (offsets as the gold's)."""
    gold_path, basil = gold_paths(data)
    positions, rows = event_positions(basil)
    return [(positions[event["triplet_uuid"]], event,
             [build_article(rows[a["id"]], a["outlet"], lexicons) for a in event["articles"]])
            for _, event in read_jsonl(gold_path)]


def confident_counts(events: list[Event], lexicons: Lexicons) -> dict[int, Counts]:
    """Per event, the fact-pair counts of the confident rows (as ``evaluate.py gold`` scores them)."""
    folder, pins = WordFolder(lexicons.stop_words), load_pins(lexicons)
    counts = {}
    for position, event, analyses in events:
        facts, _, _ = build_facts(analyses, lexicons, folder, collect_label_uses(analyses, pins, folder), pins)
        rows = [ToolFactRow(*place, f"{position}/{r['fact_id']}", r["outlet"], confidence=sure)
                for place, sure, r in table_rows(facts) if sure is not None and sure >= CONFIDENT_AT]
        s = score_fact_pairs(event["facts"], rows)
        counts[position] = (s["right_pairs"], s["tool_pairs"], s["gold_pairs_found"], s["gold_pairs"])
    return counts


def causes(events: list[Event], lexicons: Lexicons) -> Counter[str]:
    """Every gold cross-outlet member pair (facts without ``only_one``, each pair once) by what the scorer did."""
    folder, pins = WordFolder(lexicons.stop_words), load_pins(lexicons)
    found: Counter[str] = Counter()
    for _, event, analyses in events:
        sentences, _, keys = collect_sentences(analyses, folder, collect_label_uses(analyses, pins, folder))
        scores, reasons = event_scores(sentences, keys, similarity_matrix(sentences), folder)
        wanted = set().union(*(cross_pairs(member(m) for m in f["members"])
                               for f in event["facts"] if not f.get("only_one")))
        for pair in wanted:
            first, second = sorted(pair)
            found[cause(sentence_at(sentences, first), sentence_at(sentences, second), scores, reasons)] += 1
    return found


def sentence_at(sentences: list[Sentence], item: tuple[str, int, int]) -> int | None:
    """The index of the facts sentence that overlaps a gold member, or None (a headline, a short sentence)."""
    return next((k for k, s in enumerate(sentences)
                 if s.article_id == item[0] and s.start < item[2] and item[1] < s.end), None)


def cause(i: int | None, j: int | None, scores: Any, reasons: dict) -> str:
    """What the event scorer made of one gold pair of sentences (``i``, ``j``)."""
    if i is None or j is None:
        return "a member is no facts sentence (headline, or under five words)"
    reason = reasons[(i, j)].reason if (i, j) in reasons else None
    if reason is None:
        return "never scored: little word overlap, no shared quotation or figure"
    if reason.startswith("not paired"):
        return "blocked: different day or number"
    if scores[i, j] >= CONFIDENT_AT:
        return f"scored ≥ {CONFIDENT_AT}"
    if "different actors" in reason:
        return "penalised: different actors"
    if "in different words" in reason:
        return "penalised: both quote someone, in different words"
    return "scored 0.5 to 0.7" if scores[i, j] >= 0.5 else "scored under 0.5: too few shared words or actors"


@contextmanager
def weights(setting: dict[str, float]) -> Iterator[None]:
    """``fact_pairs``' named weights set to ``setting`` for the block, then restored."""
    saved = {name: getattr(fact_pairs, name) for name in setting}
    try:
        for name, value in setting.items():
            setattr(fact_pairs, name, value)
        yield
    finally:
        for name, value in saved.items():
            setattr(fact_pairs, name, value)


def pooled(counts: dict[int, Counts], events: list[int]) -> Counts:
    right, pairs, found, wanted = (sum(counts[e][k] for e in events) for k in range(4))
    return right, pairs, found, wanted


def figures(counts: Counts) -> str:
    right, pairs, found, wanted = counts
    return f"P {right / pairs if pairs else 0:.3f} ({right}/{pairs}) R {found / wanted:.3f} ({found}/{wanted})"


def leave_one_event_out(events: list[Event], lexicons: Lexicons) -> None:
    """Print each grid setting in-sample and the leave-one-event-out figure."""
    shipped = {name: getattr(fact_pairs, name) for name in GRID}
    settings = [dict(zip(GRID, values, strict=True)) for values in itertools.product(*GRID.values())]
    table = []
    for setting in settings:
        with weights(setting):
            table.append(confident_counts(events, lexicons))
    positions = [position for position, _, _ in events]
    for setting, counts in zip(settings, table, strict=True):
        print(f"  in-sample {setting}: {figures(pooled(counts, positions))}")
    total = (0, 0, 0, 0)
    for held in positions:
        train = [p for p in positions if p != held]

        def rank(k: int, train: list[int] = train) -> tuple:
            right, pairs, found, wanted = pooled(table[k], train)
            precision = right / pairs if pairs else 0.0
            return precision >= TARGET_PRECISION, found / wanted, precision, settings[k] == shipped

        best = max(range(len(settings)), key=rank)
        held_counts = table[best][held]
        print(f"  event {held} held out: chose {settings[best]}: {figures(held_counts)}")
        total = tuple(a + b for a, b in zip(total, held_counts, strict=True))  # type: ignore[assignment]
    print(f"leave-one-event-out, pooled: {figures(total)}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="stories/gold_dev.jsonl (basil_dev.jsonl beside it)")
    parser.add_argument("--grid", action="store_true", help="check the named weights leave-one-event-out")
    args = parser.parse_args()
    lexicons = load_lexicons()
    events = load_events(args.data, lexicons)
    counts = confident_counts(events, lexicons)
    print(f"confident rows (≥ {CONFIDENT_AT}), shipped weights: {figures(pooled(counts, list(counts)))}")
    for position, event_counts in counts.items():
        print(f"  event {position}: {figures(event_counts)}")
    print("gold cross-outlet member pairs by cause:")
    for why, n in causes(events, lexicons).most_common():
        print(f"  {n:4d}  {why}")
    if args.grid:
        leave_one_event_out(events, lexicons)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
