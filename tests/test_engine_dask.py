"""The Dask engine on a small in-process LocalCluster: the same rows and bytes as the local engine."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from framing.cli import main
from framing.lexicons import load_lexicons

pytestmark = pytest.mark.slow  # PDF printing, a Dask cluster or a whole report: run by CI, skipped by -m 'not slow'

distributed = pytest.importorskip("distributed")
dd = pytest.importorskip("dask.dataframe")
db = pytest.importorskip("dask.bag")

TEXTS = [
    "Officials said the talks may resume next week. Critics called the plan a stunt.",
    "The minister reportedly told reporters that about 80 people were hurt. “We will rebuild,” she said.",
    "The regime slammed the report, according to state media. Analysts suggest the figures could rise.",
    "Police said two men were arrested. Witnesses claimed the car was speeding.",
    "A study suggests the drug is likely to help. Doctors warned that results were preliminary.",
]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=":0") as c:
        yield c


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    rows = [{"id": f"a{i}", "outlet": f"Outlet {i % 2}", "text": text} for i, text in enumerate(TEXTS)]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


def test_dask_cli_writes_the_same_bytes_as_the_local_engine(cluster, corpus: Path, tmp_path: Path) -> None:
    assert main(["extract", str(corpus), "-o", str(tmp_path / "local"), "--format", "parquet", "-q"]) == 0
    assert main(["extract", str(corpus), "-o", str(tmp_path / "dask"), "--format", "parquet", "-q",
                 "--engine", "dask", "--scheduler", cluster.scheduler_address, "--batch-size", "2"]) == 0
    for name in ("articles.parquet", "spans.parquet", "outlets.parquet", "outlets.csv"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name


def _local_tables(corpus: Path, out: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    assert main(["extract", str(corpus), "-o", str(out), "--format", "parquet", "-q"]) == 0
    articles = pd.read_parquet(out / "articles.parquet")
    articles["removed"] = articles["removed"].map(list)
    return articles, pd.read_parquet(out / "spans.parquet")


def test_dask_dataframe_api_matches_the_local_engine(cluster, corpus: Path, tmp_path: Path) -> None:
    from framing.engine.dask_engine import extract_dataframe

    articles, spans = _local_tables(corpus, tmp_path / "local")
    frame = pd.read_json(corpus, lines=True, dtype=False)
    texts = dd.from_pandas(frame, npartitions=2)
    lexicons = load_lexicons()
    with distributed.Client(cluster, set_as_default=False) as client:
        got = client.compute(extract_dataframe(texts, lexicons=lexicons)).result()
        got_spans = client.compute(extract_dataframe(texts, lexicons=lexicons, spans=True)).result()
    got = got.reset_index(drop=True)
    got["path"] = articles["path"]  # the CLI names the file and line; a dataframe has none
    pd.testing.assert_frame_equal(got, articles, check_dtype=False)
    pd.testing.assert_frame_equal(got_spans.reset_index(drop=True), spans, check_dtype=False)


def test_dask_bag_of_texts(cluster) -> None:
    from framing.engine.dask_engine import extract_dataframe

    bag = db.from_sequence(TEXTS, npartitions=2)
    with distributed.Client(cluster, set_as_default=False) as client:
        got = client.compute(extract_dataframe(bag)).result()
    assert list(got["text"]) == TEXTS
    assert got["id"].is_unique and (got["hedge_count"] >= 0).all()


def test_dask_unreachable_scheduler_is_one_line_error(corpus: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code = main(["extract", str(corpus), "-o", str(out), "--format", "jsonl", "-q",
                 "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert code == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("framing: error: tcp://127.0.0.1:9: no Dask scheduler answers") and "\n" not in err
    assert not out.exists() or not any(out.iterdir())
