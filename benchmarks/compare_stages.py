"""CPU seconds per stage of ``framing compare`` on a corpus, in one process (``--jobs 1``'s path).

    python benchmarks/compare_stages.py CORPUS.jsonl [--stories cluster] [--profile OUT.prof]

Stages, timed with ``time.process_time`` (CPU of this process, so other load on a shared
machine barely moves them): read the corpus, group it into stories, then per story the
extraction (``parse_document`` + ``analyze_document``) and each story table's builder
(label uses, facts, labels, voices, headlines, frames, and the word counts), then the
corpus tables (``rates``, joining the story tables, ``distinctive``) and the export.
With ``--jobs 2`` the stories' extraction and tables run in the workers; everything
else (reading, grouping, the corpus tables, the export) runs in the parent alone.
``--profile`` also writes a cProfile of the whole run (``framing compare`` itself
leaves with ``os._exit`` and so never writes one).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from framing.analysis import analyze_document, corpus_lexicons
from framing.compare import export_tables
from framing.compare import many_stories as corpus_mode
from framing.compare.common import WordFolder
from framing.compare.facts import build_facts
from framing.compare.headlines import build_headlines
from framing.compare.labels import build_labels, collect_label_uses, load_pins
from framing.compare.policy_frames import build_frames
from framing.compare.stories import group_stories
from framing.compare.voices import build_voices
from framing.corpus import parse_document
from framing.corpus.streaming import iter_articles


class Clock:
    """CPU seconds per stage name, summed over every call."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def __call__(self, stage: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        result = function(*args, **kwargs)
        self.seconds[stage] += time.process_time() - start
        return result


def story_tables_timed(clock: Clock, analyses: list, lexicons: Any, folder: WordFolder) -> dict:
    """``framing.compare.story_tables``, each builder timed on its own."""
    pins = load_pins(lexicons)
    mentions = clock("label uses", collect_label_uses, analyses, pins, folder)
    facts, omissions, disagreements = clock("facts", build_facts, analyses, lexicons, folder, mentions, pins)
    return {
        "labels": clock("labels", build_labels, analyses, lexicons, folder, mentions),
        "facts": facts, "omissions": omissions, "disagreements": disagreements,
        "voices": clock("voices", build_voices, analyses, lexicons, folder, mentions=mentions),
        "headlines": clock("headlines", build_headlines, analyses, lexicons, folder, mentions=mentions, pins=pins),
        "frames": clock("frames", build_frames, analyses),
    }


def run(corpus: Path, stories: str, out: Path) -> Clock:
    """The corpus mode of ``framing compare``, stage by stage (same calls as ``compare_corpus``)."""
    import numpy as np

    clock = Clock()
    lexicons = clock("lexicons", corpus_lexicons, [corpus], None)
    articles = clock("read", lambda: list(iter_articles([corpus])))
    folder = WordFolder(lexicons.stop_words)
    grouping = clock("group stories", group_stories, articles, folder, mode=stories)
    members: dict[str, list] = {}
    for article, story in zip(articles, grouping["story"], strict=True):
        members.setdefault(story, []).append(article)
    results = []
    timed = {
        "story_tables": lambda analyses, lexicons, folder: story_tables_timed(clock, analyses, lexicons, folder),
        "analyze_document": lambda doc, lex: clock("extraction", analyze_document, doc, lex),
        "parse_document": lambda article, lex, raw=False: clock("extraction", parse_document, article, lex, raw=raw),
    }
    originals = {name: getattr(corpus_mode, name) for name in timed}
    vars(corpus_mode).update(timed)
    try:
        for story, group in members.items():
            start = time.process_time()
            results.append(corpus_mode.compare_story(story, group, lexicons, folder))
            clock.seconds["story total"] += time.process_time() - start
    finally:
        vars(corpus_mode).update(originals)
    tables = clock("combine (rates, join, distinctive)", corpus_mode._combine, grouping, results, folder,
                   np.random.default_rng(0))
    clock("export", export_tables, tables, out)
    return clock


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--stories", default="cluster", choices=("cluster", "column"))
    parser.add_argument("--profile", type=Path, help="write a cProfile of the run here")
    args = parser.parse_args()
    total = time.process_time()
    with tempfile.TemporaryDirectory(prefix="compare-stages-") as tmp:
        profiler = cProfile.Profile() if args.profile else None
        if profiler:
            profiler.enable()
        clock = run(args.corpus, args.stories, Path(tmp))
        if profiler:
            profiler.disable()
            profiler.dump_stats(args.profile)
    story = clock.seconds.pop("story total")
    inside = sum(clock.seconds[name] for name in ("extraction", "label uses", "facts", "labels", "voices",
                                                  "headlines", "frames"))
    clock.seconds["word counts and story bookkeeping"] = story - inside
    for name, seconds in clock.seconds.items():
        print(f"{name:<36} {seconds:7.2f} s CPU")
    print(f"{'total (this process)':<36} {time.process_time() - total:7.2f} s CPU")
    return 0


if __name__ == "__main__":
    sys.exit(main())
