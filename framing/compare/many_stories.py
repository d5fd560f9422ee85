"""Compare outlets across a corpus of many stories, at a cost close to linear in its articles.

:func:`compare_corpus` groups the articles into stories (:mod:`.stories`: the ``story``
column, or clustering by content and date), then, one story at a time (on ``jobs``
worker processes), analyzes its articles and builds the story tables (labels, facts,
omissions, disagreements, voices, headlines) from that story's articles only, so facts
are never aligned across stories and the quadratic work is bounded by the largest story.
A story that one outlet alone covers has nothing to compare and gets no story rows.
Only counts outlive a story's analyses: per-article span counts for the rates and
per-outlet word counts for the distinctive words, so memory holds one story's documents
per worker, not the corpus's.

Across the corpus:

- ``rates``: the ``rates`` table's columns, but its intervals resample *articles* within
  each outlet (a cluster bootstrap): across many stories an outlet's articles differ far
  more than the sentences within one, and resampling sentences would give intervals that
  are much too narrow;
- ``distinctive``: each outlet's words against all other outlets' (:mod:`.distinctive`);
- ``stories``: which story each article was put in, and how.

Story tables gain a first column ``story``, and their ids are prefixed with it
(``S0003:F012``) so they are unique across the corpus. A corpus that is one story (see
``stories.ONE_STORY_MAX``) gets exactly :func:`~framing.compare.build_comparison`'s tables.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from multiprocessing.pool import Pool
from typing import Any

import numpy as np
import pandas as pd

from ..analysis import ArticleAnalysis, analyze_document
from ..corpus import RawArticle, parse_document
from ..errors import FramingInputError
from ..lexicons import Lexicons
from . import TABLES, build_comparison, story_tables
from .common import WordFolder, outlet_of
from .distinctive import WordCounts
from .rate_intervals import N_BOOT, Units, rates_table
from .stories import group_stories

CORPUS_TABLES = ("stories", *TABLES)
STORY_TABLES = ("labels", "facts", "omissions", "disagreements", "voices", "headlines", "frames")
ID_COLUMNS = ("fact_id", "disagreement_id")
_WORKER: dict[str, Any] = {}


@dataclass
class StoryResult:
    """What one story leaves behind: its tables, and the counts the corpus tables need."""

    tables: dict[str, pd.DataFrame]
    articles: list[tuple[str, int, int, Counter]]  # (outlet, words, sentences, span counts by measure)
    words: WordCounts


def article_counts(analysis: ArticleAnalysis) -> tuple[str, int, int, Counter]:
    """An article's outlet, words, sentences and spans per measure (type and type.category)."""
    counts: Counter = Counter()
    for span in analysis.spans:
        if not span.counted:  # a "possible" finding is not counted (framing.document.Span.counted)
            continue
        counts[span.type] += 1
        if span.category:
            counts[f"{span.type}.{span.category}"] += 1
    doc = analysis.document
    return outlet_of(analysis), doc.n_words, len(doc.sentences), counts


def compare_story(
    story: str, articles: Sequence[RawArticle], lexicons: Lexicons, folder: WordFolder, raw: bool = False
) -> StoryResult:
    """Analyze one story's articles and build its tables (none when a single outlet covers it).

    ``folder`` is shared by all the stories a process compares: its cache of folded and
    stemmed words then fills once, where a fresh one per story spent a fifth of the time
    stemming the same words again.
    """
    analyses = [analyze_document(parse_document(article, lexicons, raw=raw), lexicons) for article in articles]
    words = WordCounts(folder)
    for analysis in analyses:
        words.add(analysis)
    tables: dict[str, pd.DataFrame] = {}
    if len({outlet_of(a) for a in analyses}) > 1:
        for name, frame in story_tables(analyses, lexicons, folder).items():
            frame = frame.copy()
            for column in ID_COLUMNS:
                if column in frame.columns:
                    frame[column] = [f"{story}:{value}" if value else value for value in frame[column]]
            frame.insert(0, "story", story)
            tables[name] = frame
    return StoryResult(tables, [article_counts(a) for a in analyses], words)


def _init_worker(lexicons: Lexicons, raw: bool) -> None:
    _WORKER.update(lexicons=lexicons, raw=raw, folder=WordFolder(lexicons.stop_words))


def _worker_story(item: tuple[str, list[RawArticle]]) -> StoryResult:
    return compare_story(item[0], item[1], _WORKER["lexicons"], _WORKER["folder"], _WORKER["raw"])


def compare_corpus(
    articles: Iterable[RawArticle],
    lexicons: Lexicons,
    *,
    stories: str = "auto",
    window_days: int = 7,
    seed: int = 0,
    jobs: int = 1,
    raw: bool = False,
    progress: bool = False,
) -> dict[str, pd.DataFrame]:
    """The corpus tables (``CORPUS_TABLES``), or ``build_comparison``'s for a single story.

    With ``jobs`` > 1 the worker processes start before the articles are read: forked
    later, each would begin as a copy of the whole corpus and of the story grouping's
    matrices (about 120 MB each for 5,000 articles).
    """
    from ..engine.local import check_jobs, worker_pool

    check_jobs(jobs)
    with ExitStack() as stack:
        pool = stack.enter_context(worker_pool(jobs, _init_worker, (lexicons, raw))) if jobs > 1 else None
        articles = list(articles)
        if not articles:
            raise FramingInputError("(input)", "there are no articles to compare", "Pass at least one article")
        folder = WordFolder(lexicons.stop_words)
        grouping = group_stories(articles, folder, mode=stories, window_days=window_days)
        if grouping["story"].nunique() == 1 and grouping["method"].iat[0] == "one":
            analyses = [analyze_document(parse_document(a, lexicons, raw=raw), lexicons) for a in articles]
            return build_comparison(analyses, lexicons=lexicons, seed=seed)
        members: dict[str, list[RawArticle]] = {}
        for article, story in zip(articles, grouping["story"], strict=True):
            members.setdefault(story, []).append(article)
        del articles  # each story's articles are let go once it is handed out (see _handed_out)
        results = _story_results(members, lexicons, folder, raw, pool, jobs)
        if progress:
            from tqdm import tqdm

            results = tqdm(results, total=len(members), unit=" stories", desc="compare", dynamic_ncols=True)
        return _combine(grouping, results, folder, np.random.default_rng(seed))


def _story_results(
    members: dict[str, list[RawArticle]], lexicons: Lexicons, folder: WordFolder, raw: bool, pool: Pool | None,
    jobs: int,
) -> Iterator[StoryResult]:
    """Each story's result, in story order: in this process, or on the pool's workers."""
    from ..engine.local import ordered_map

    if pool is None:
        return (compare_story(story, group, lexicons, folder, raw) for story, group in _handed_out(members))
    return ordered_map(_worker_story, _handed_out(members), pool, jobs)


def _handed_out(members: dict[str, list[RawArticle]]) -> Iterator[tuple[str, list[RawArticle]]]:
    """The stories in order, each removed from ``members`` as it is handed out, so its texts can be freed."""
    for story in list(members):
        yield story, members.pop(story)


def _combine(
    grouping: pd.DataFrame, results: Iterable[StoryResult], folder: WordFolder, rng: np.random.Generator
) -> dict[str, pd.DataFrame]:
    parts: dict[str, list[pd.DataFrame]] = {}
    per_article: list[tuple[str, int, int, Counter]] = []
    words = WordCounts(folder)
    for result in results:
        for name, frame in result.tables.items():
            parts.setdefault(name, []).append(frame)
        per_article += result.articles
        words.merge(result.words)
    tables: dict[str, pd.DataFrame] = {"stories": grouping}
    tables["rates"] = article_rates(per_article, rng)
    for name in STORY_TABLES:
        frames = parts.pop(name, None)  # a table's story parts go once joined: never all tables twice in memory
        # No story that two outlets cover: the table is empty (its columns come from a story).
        tables[name] = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["story"])
        del frames
    tables["distinctive"] = words.table()
    return {name: tables[name] for name in CORPUS_TABLES}


def article_rates(per_article: Sequence[tuple[str, int, int, Counter]], rng: np.random.Generator,
                  n_boot: int = N_BOOT) -> pd.DataFrame:
    """The ``rates`` table with articles, not sentences, resampled within each outlet."""
    from ..document import SPAN_TYPES

    categories = sorted({m for *_, counts in per_article for m in counts if "." in m})
    measures = [*SPAN_TYPES, *categories]
    column = {measure: i for i, measure in enumerate(measures)}
    rows: dict[str, list[tuple[int, int, Counter]]] = {}
    for outlet, n_words, n_sentences, counts in per_article:
        rows.setdefault(outlet, []).append((n_words, n_sentences, counts))
    units: dict[str, Units] = {}
    for outlet, items in rows.items():
        counts = np.zeros((len(items), len(measures)))
        for i, (_, _, found) in enumerate(items):
            for measure, count in found.items():
                counts[i, column[measure]] = count
        words = np.array([n for n, _, _ in items], dtype=float)
        units[outlet] = Units(words, counts, len(items), sum(s for _, s, _ in items))
    return rates_table(units, measures, rng, n_boot)
