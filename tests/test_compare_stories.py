"""Comparing a corpus of several stories: grouping, and alignment only within a story (invented texts)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from framing.compare import facts as facts_module
from framing.compare.common import WordFolder
from framing.compare.many_stories import CORPUS_TABLES, compare_corpus
from framing.compare.stories import group_stories
from framing.corpus import RawArticle
from framing.lexicons import load_lexicons

SHARED = "The mayor said the city would publish a full report on the response next month."
STORIES = {
    "flood": [
        "Floodwater swept through Riverton on Tuesday after the Fenwick river burst its banks. "
        "About 300 homes in Riverton were flooded, officials said. " + SHARED + " "
        "Residents of the Fenwick valley were moved to the Riverton sports hall overnight.",
        "The Fenwick river burst its banks and flooded Riverton, forcing residents from their homes. "
        "At least 320 homes in Riverton were flooded, according to the fire service. " + SHARED + " "
        "Critics slammed the Riverton flood defences as woefully inadequate.",
        "Riverton was flooded when the swollen Fenwick river overtopped its banks on Tuesday. "
        "Hundreds of homes in Riverton were flooded and residents may not return for weeks. " + SHARED,
    ],
    "election": [
        "Voters in Lakeside elected Maria Okafor as their new councillor on Thursday. "
        "Okafor won 54% of the ballots cast in the Lakeside by-election, the returning officer said. " + SHARED,
        "Maria Okafor won the Lakeside by-election with 54% of the ballots, the returning officer said. "
        "Turnout in Lakeside was low, and rivals reportedly questioned the Okafor campaign's spending. " + SHARED,
        "The Lakeside by-election was won by Maria Okafor, who promised cheaper buses for Lakeside. "
        "Okafor took about 55% of the ballots, her campaign claimed. " + SHARED,
    ],
    "strike": [
        "Workers at the Acme textile mill in Northbridge walked out over pay on Monday. "
        "The Acme union said 400 weavers joined the Northbridge strike.",
        "Around 400 weavers at Northbridge's Acme textile mill went on strike over wages. "
        "Acme managers said the mill would stay open during the Northbridge walkout.",
    ],
}
OUTLETS = ["Daily A", "Daily B", "Herald"]


def corpus_rows(with_story: bool = True) -> list[dict[str, str]]:
    rows = []
    for number, (story, texts) in enumerate(STORIES.items()):
        for version, text in enumerate(texts):
            row = {"id": f"{story}-{version}", "outlet": OUTLETS[version], "title": f"{story} report",
                   "date": f"2026-03-{10 + 3 * number:02d}", "text": text}
            if with_story:
                row["story"] = story
            rows.append(row)
    # interleave the stories, as a crawl by date would
    return [rows[i] for i in (0, 3, 6, 1, 4, 7, 2, 5)]


def raw_articles(with_story: bool = True) -> list[RawArticle]:
    return [RawArticle(path=row["id"], **row) for row in corpus_rows(with_story)]


def truth(articles) -> dict[str, str]:
    return {a.id: a.id.split("-")[0] for a in articles}


def same_partition(grouping: pd.DataFrame) -> bool:
    by_story = grouping.groupby("story")["article_id"].apply(lambda ids: frozenset(i.split("-")[0] for i in ids))
    return all(len(groups) == 1 for groups in by_story) and grouping["story"].nunique() == len(STORIES)


def test_stories_come_from_the_story_column() -> None:
    lexicons = load_lexicons()
    grouping = group_stories(raw_articles(), WordFolder(lexicons.stop_words))
    assert set(grouping["method"]) == {"column"}
    assert dict(zip(grouping["article_id"], grouping["story"], strict=True)) == truth(raw_articles())
    assert list(grouping["article_id"]) == [a.id for a in raw_articles()]


def test_stories_by_clustering_find_the_invented_stories() -> None:
    lexicons = load_lexicons()
    grouping = group_stories(raw_articles(with_story=False), WordFolder(lexicons.stop_words), mode="cluster")
    assert set(grouping["method"]) == {"cluster"}
    assert same_partition(grouping)
    assert grouping["similarity"].between(0, 1.0001).all()


def test_stories_clustering_keeps_articles_outside_the_date_window_apart() -> None:
    lexicons = load_lexicons()
    articles = raw_articles(with_story=False)
    moved = [RawArticle(**{**{f: getattr(a, f) for f in a.__slots__}, "date": "2026-06-01"}) if a.id == "flood-2" else a
             for a in articles]
    grouping = group_stories(moved, WordFolder(lexicons.stop_words), mode="cluster", window_days=7)
    story_of = dict(zip(grouping["article_id"], grouping["story"], strict=True))
    assert story_of["flood-2"] != story_of["flood-0"] == story_of["flood-1"]


def test_stories_auto_is_one_story_for_a_small_corpus_without_a_column() -> None:
    lexicons = load_lexicons()
    grouping = group_stories(raw_articles(with_story=False), WordFolder(lexicons.stop_words))
    assert set(grouping["method"]) == {"one"} and grouping["story"].nunique() == 1


def test_compare_corpus_aligns_facts_only_within_stories(monkeypatch) -> None:
    lexicons = load_lexicons()
    sizes: list[int] = []
    original = facts_module.similarity_matrix

    def recording(sentences):
        sizes.append(len(sentences))
        return original(sentences)

    monkeypatch.setattr(facts_module, "similarity_matrix", recording)
    tables = compare_corpus(raw_articles(), lexicons, seed=1)
    assert list(tables) == list(CORPUS_TABLES)
    facts = tables["facts"]
    story_of = truth(raw_articles())
    for _fact_id, rows in facts.groupby("fact_id"):
        assert {story_of[a] for a in rows["article_id"]} == set(rows["story"]) and rows["story"].nunique() == 1
    shared = facts[facts["text"] == SHARED]
    assert set(shared["story"]) == {"flood", "election"}
    assert shared.groupby("story")["fact_id"].nunique().eq(1).all()  # one fact per story, not one across both
    # No all-pairs: the aligner only ever saw one story's sentences at a time.
    assert len(sizes) == len(STORIES) and max(sizes) < len(facts)
    assert set(tables["omissions"]["story"]) <= {"flood", "election", "strike"}


def test_compare_corpus_rates_resample_articles() -> None:
    lexicons = load_lexicons()
    rates = compare_corpus(raw_articles(), lexicons, seed=1)["rates"]
    hedges = rates[rates["measure"] == "hedge"].set_index("outlet")
    assert list(hedges.index) == OUTLETS
    assert hedges.loc["Herald", "n_articles"] == 2 and hedges.loc["Daily A", "n_articles"] == 3
    assert (hedges["ci_low"] <= hedges["rate_per_1k"]).all() and (hedges["rate_per_1k"] <= hedges["ci_high"]).all()
    again = compare_corpus(raw_articles(), lexicons, seed=1)["rates"]
    pd.testing.assert_frame_equal(rates, again)


@pytest.fixture
def corpus_file(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in corpus_rows(with_story=False)), encoding="utf-8")
    return path


def test_compare_cli_clusters_stories_and_jobs_do_not_change_the_tables(corpus_file: Path, tmp_path: Path) -> None:
    for jobs in (1, 2):
        assert main(["compare", str(corpus_file), "-o", str(tmp_path / f"j{jobs}"), "--stories", "cluster",
                     "--jobs", str(jobs), "-q"]) == 0
    names = sorted(p.name for p in (tmp_path / "j1").iterdir())
    assert names == sorted(f"{t}.{ext}" for t in CORPUS_TABLES for ext in ("csv", "json"))
    for name in names:
        assert (tmp_path / "j1" / name).read_bytes() == (tmp_path / "j2" / name).read_bytes(), name
    assert same_partition(pd.read_csv(tmp_path / "j1" / "stories.csv"))


def test_compare_cli_column_mode_without_a_column_is_one_line_error(corpus_file: Path, tmp_path: Path, capsys) -> None:
    assert main(["compare", str(corpus_file), "-o", str(tmp_path / "out"), "--stories", "column", "-q"]) == 2
    err = capsys.readouterr().err.strip()
    assert "has no story" in err and "\n" not in err
    assert not (tmp_path / "out").exists()
