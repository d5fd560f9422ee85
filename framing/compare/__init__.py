"""Comparison layer: tidy pandas tables that compare outlets covering the same story.

The package is callable: ``framing.compare(analyses)`` is :func:`framing.api.compare`, which
returns these tables as a :class:`~framing.compare.result.Comparison`.

``build_comparison(analyses)`` returns one DataFrame per question a reader asks:

- ``rates``: each outlet's rate per 1,000 words of every span type and category, with a
  bootstrap 95% interval and whether its difference from the rest is within the noise
  (:mod:`.rate_intervals`);
- ``labels``: what each outlet calls the entities the articles share (:mod:`.labels`);
- ``facts``, ``omissions``, ``disagreements``: statements aligned across outlets, the
  shared facts an outlet leaves out, and numbers or actors that differ (:mod:`.facts`);
- ``voices``: who is quoted or cited, grouped by role, with their words (:mod:`.voices`);
- ``distinctive``: each outlet's most distinctive words, by weighted log-odds with an
  informative Dirichlet prior (:mod:`.distinctive`);
- ``headlines``: headlines that assert what the body hedges, or frame it differently
  (:mod:`.headlines`);
- ``frames``: the policy frames each outlet gives the story, with evidence sentences, and the
  frames others leave out (:mod:`.policy_frames`).

Each module's docstring documents its table's columns. Every row that stems from words
carries their offsets (``article_id:start-end`` or start/end columns) into the article's
analyzed text, so each number can be traced to the words behind it.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from .._callable import make_callable
from ..analysis import ArticleAnalysis
from ..errors import FramingInputError
from ..lexicons import Lexicons, load_lexicons
from .common import WordFolder
from .distinctive import build_distinctive
from .export import write_tables
from .facts import build_facts
from .headlines import build_headlines
from .labels import build_labels, collect_label_uses, load_pins
from .policy_frames import build_frames
from .rate_intervals import build_rates
from .voices import build_voices

make_callable(__name__, "compare")  # framing.compare(analyses) is framing.api.compare (see framing._callable)

__all__ = ["TABLES", "build_comparison", "export_comparison", "export_tables", "story_tables"]

TABLES = ("rates", "labels", "facts", "omissions", "disagreements", "voices", "distinctive", "headlines", "frames")


def build_comparison(
    analyses: Sequence[ArticleAnalysis], *, lexicons: Lexicons | None = None, seed: int = 0
) -> dict[str, pd.DataFrame]:
    """All comparison tables for ``analyses`` (keys in ``TABLES``).

    ``seed`` fixes the bootstrap: the same articles and seed give the same intervals.
    """
    analyses = list(analyses)
    if not analyses:
        raise FramingInputError("(input)", "there are no articles to compare", "Pass at least one article")
    lexicons = lexicons or load_lexicons()
    folder = WordFolder(lexicons.stop_words)
    tables = {
        "rates": build_rates(analyses, np.random.default_rng(seed)),
        "distinctive": build_distinctive(analyses, folder),
        **story_tables(analyses, lexicons, folder),
    }
    return {name: tables[name] for name in TABLES}


def story_tables(
    analyses: Sequence[ArticleAnalysis], lexicons: Lexicons, folder: WordFolder
) -> dict[str, pd.DataFrame]:
    """The tables that compare outlets on one story: labels, facts, omissions, disagreements, voices, headlines.

    Each aligns or matches across all the articles it is given, so it is only built
    within a story (for a corpus, :mod:`.many_stories` calls it story by story).
    """
    pins = load_pins(lexicons)
    mentions = collect_label_uses(analyses, pins, folder)
    facts, omissions, disagreements = build_facts(analyses, lexicons, folder, mentions, pins)
    return {
        "labels": build_labels(analyses, lexicons, folder, mentions),
        "facts": facts,
        "omissions": omissions,
        "disagreements": disagreements,
        "voices": build_voices(analyses, lexicons, folder, mentions=mentions),
        "headlines": build_headlines(analyses, lexicons, folder, mentions=mentions, pins=pins),
        "frames": build_frames(analyses),
    }


def export_comparison(
    analyses: Sequence[ArticleAnalysis], out_dir: Path, *, lexicons: Lexicons | None = None, seed: int = 0
) -> list[Path]:
    """Write ``<table>.csv`` and ``<table>.json`` for every table into ``out_dir``.

    Everything is computed and rendered before the first file is written, and each file
    is written atomically, so an error leaves nothing half-written.
    """
    return export_tables(build_comparison(analyses, lexicons=lexicons, seed=seed), out_dir)


def export_tables(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write ``<table>.csv`` and ``<table>.json`` for each of ``tables`` (rendered first, then written)."""
    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise FramingInputError(out_dir, "is a file, not a folder", "Pass -o a folder to write the tables into")
    return write_tables(tables, out_dir)
