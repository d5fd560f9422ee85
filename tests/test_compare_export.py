"""`framing compare -o DIR`: one CSV and one JSON per table, nothing half-written."""

from __future__ import annotations

import csv
import json

import pytest

from framing import compare
from framing.cli import main
from framing.compare import TABLES, build_comparison, export_comparison
from framing.errors import FramingInputError


def test_comparison_has_every_table(seed_analyses, lexicons):
    tables = build_comparison(list(seed_analyses.values()), lexicons=lexicons)
    assert tuple(tables) == TABLES
    assert not tables["rates"].empty and not tables["facts"].empty


def test_export_writes_csv_and_json_for_every_table(tmp_path, seed_analyses):
    paths = export_comparison(list(seed_analyses.values()), tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{t}.{ext}" for t in TABLES for ext in ("csv", "json"))
    labels = json.loads((tmp_path / "labels.json").read_text(encoding="utf-8"))
    assert isinstance(labels[0]["evidence"], list)
    with (tmp_path / "labels.csv").open(encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == len(labels)
    assert rows[0]["evidence"] == "; ".join(labels[0]["evidence"])


def test_export_leaves_nothing_when_a_table_fails(tmp_path, seed_analyses, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(compare, "build_distinctive", broken)
    with pytest.raises(RuntimeError):
        export_comparison(list(seed_analyses.values()), tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_compare_refuses_an_empty_corpus():
    with pytest.raises(FramingInputError):
        build_comparison([])


def test_cli_compare_writes_the_tables(tmp_path, capsys):
    assert main(["compare", "-o", str(tmp_path)]) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == 2 * len(TABLES)
    facts = json.loads((tmp_path / "facts.json").read_text(encoding="utf-8"))
    assert {"fact_id", "outlet", "start", "end", "text"} <= set(facts[0])


def test_cli_compare_pins_entities_from_the_lexicons_folder(tmp_path):
    pins = tmp_path / "lexicons"
    pins.mkdir()
    (pins / "entities.tsv").write_text(
        "# allowed_kind: name, qualifier, role, event\n"
        "term\tkind\tentity\tsource\tnote\n"
        "Southern Lance\tname\tOperation Southern Lance\ttest\tthe US naval operation\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert main(["compare", "--lexicons", str(pins), "-o", str(out)]) == 0
    labels = json.loads((out / "labels.json").read_text(encoding="utf-8"))
    pinned = {row["outlet"] for row in labels if row["entity"] == "Operation Southern Lance"}
    assert pinned == {"Source B", "Source D"}
    assert all(row["entity_source"] == "pinned" for row in labels if row["entity"] == "Operation Southern Lance")


def test_export_json_records_one_row_per_line_with_missing_values_as_null() -> None:
    import numpy as np
    import pandas as pd

    from framing.compare.export import json_records

    frame = pd.DataFrame({
        "outlet": pd.array(["Daily Ledger", None], dtype="string"),
        "rate": [1.5, np.nan],
        "count": pd.array([3, None], dtype="Int64"),
        "evidence": [["said", {"kind": "actor", "start": np.int64(4)}], None],
        "shared": [True, False],
    })
    text = json_records(frame)
    lines = text.splitlines()
    assert lines[0] == "[" and lines[-1] == "]" and len(lines) == 4
    assert json.loads(text) == [
        {"outlet": "Daily Ledger", "rate": 1.5, "count": 3, "evidence": ["said", {"kind": "actor", "start": 4}],
         "shared": True},
        {"outlet": None, "rate": None, "count": None, "evidence": None, "shared": False},
    ]
    assert json.loads(json_records(frame.iloc[:0])) == []


def test_export_leaves_nothing_when_a_later_file_fails_to_render(tmp_path, monkeypatch):
    """Files are written one at a time to temporaries: a failure after some of them removes them all."""
    import pandas as pd

    from framing.compare import export

    rendered = []

    def fails_on_the_second(frame):
        rendered.append(frame)
        if len(rendered) == 2:
            raise RuntimeError("boom")
        return iter(["[]\n"])

    monkeypatch.setattr(export, "json_pieces", fails_on_the_second)
    tables = {"first": pd.DataFrame({"a": [1]}), "second": pd.DataFrame({"b": ["x"]})}
    with pytest.raises(RuntimeError):
        export.write_tables(tables, tmp_path / "out")
    assert len(rendered) == 2  # the first table's two files were written before the failure
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
