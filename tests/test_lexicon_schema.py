"""Declared lexicon schemas: rule names checked against the code, optional columns with defaults, licences."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing.errors import FramingInputError
from framing.lexicon_schema import SCHEMAS
from framing.lexicons import Entry, bundled_lexicon_dir, load_lexicons
from framing.rules import rule_names

ROOT = Path(__file__).resolve().parent.parent
OPTIONAL_LOADED = ROOT / "lexicons" / "optional" / "loaded-research-use"
HEDGE_HEADER = "term\tcategory\trule\tsource\tnote\n"


def _override(tmp_path: Path, name: str, text: str) -> Path:
    folder = tmp_path / "extra"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.tsv").write_text(text, encoding="utf-8")
    return folder


def _bundled_copy(tmp_path: Path, name: str, edit) -> Path:
    base = tmp_path / "base"
    base.mkdir()
    for path in bundled_lexicon_dir().glob("*.tsv"):
        (base / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    (base / "attribution_scorer.json").write_bytes((bundled_lexicon_dir() / "attribution_scorer.json").read_bytes())
    target = base / f"{name}.tsv"
    target.write_text(edit(target.read_text(encoding="utf-8")), encoding="utf-8")
    return base


def test_schema_misspelt_rule_name_is_an_error_on_its_line(tmp_path: Path) -> None:
    extra = _override(tmp_path, "hedges", HEDGE_HEADER + "perchance\tadverb\tmodal_mya\tme\tx\n")
    with pytest.raises(FramingInputError, match=r"hedges.tsv:2: rule 'modal_mya' is not one of"):
        load_lexicons(extra)


def test_schema_allowed_rule_header_is_checked_against_the_code_registry(tmp_path: Path) -> None:
    base = _bundled_copy(tmp_path, "hedges", lambda text: text.replace("# allowed_rule: (empty), ",
                                                                        "# allowed_rule: (empty), modal_mya, "))
    with pytest.raises(FramingInputError, match=r"allowed_rule:' names 'modal_mya', which no rule"):
        load_lexicons(base_dir=base)


@pytest.mark.parametrize(("name", "column"), [(n, c.name) for n, s in SCHEMAS.items() for c in s.columns if c.known])
def test_schema_every_allowed_rule_exists_in_code(general_lexicons, name: str, column: str) -> None:
    schema_column = SCHEMAS[name].column(column)
    declared = general_lexicons[name].meta[f"allowed_{column}"]
    values = {v.strip() for v in declared.split(",")} - {"(empty)"}
    assert values <= schema_column.known


def test_schema_voice_row_rules_are_the_ones_the_voice_rules_read() -> None:
    code = (ROOT / "framing" / "compare" / "voices" / "rules.py").read_text(encoding="utf-8")
    used = set(re.findall(r'entry\["rule"\] (?:==|!=|in) \(?"(\w+)"(?:, "(\w+)")?', code))
    assert {name for pair in used for name in pair if name} == rule_names("voices", "row")


def test_schema_override_without_rule_column_keeps_the_bundled_rule(tmp_path: Path, parse) -> None:
    """Re-listing "may" without the rule column must not make "May 5" a hedge."""
    from framing.analysis import analyze_document
    from framing.corpus import parse_text

    extra = _override(tmp_path, "hedges", "term\tcategory\tsource\tnote\nmay\tmodal\tteacher\tmy note\n")
    custom = load_lexicons(extra)
    entry = next(e for e in custom["hedges"] if e.key == "may")
    assert entry["rule"] == "modal_may" and entry["note"] == "my note"
    doc = parse_text("The vote was held on May 5. Theresa May spoke. Prices may rise.", custom)
    hedges = [s.text for s in analyze_document(doc, custom).spans if s.type == "hedge"]
    assert hedges == ["may"]


def test_schema_new_row_without_optional_column_gets_the_default(tmp_path: Path) -> None:
    extra = _override(tmp_path, "reporting_verbs",
                      "# allowed_stance: neutral\nterm\tlemma\tstance\tsource\tnote\nmutters\tmutter\tneutral\tme\tx\n")
    custom = load_lexicons(extra)
    assert next(e for e in custom["reporting_verbs"] if e.key == "mutters")["signals_speech"] == "yes"
    assert "mutters" in custom.reporting_cues


def test_schema_unknown_column_is_an_error(tmp_path: Path) -> None:
    extra = _override(tmp_path, "hedges", "term\tcategory\tcolour\tsource\tnote\nperchance\tadverb\tred\tme\tx\n")
    with pytest.raises(FramingInputError, match=r"hedges.tsv:1: header has unknown column\(s\) 'colour'"):
        load_lexicons(extra)


def test_schema_missing_required_column_is_an_error(tmp_path: Path) -> None:
    extra = _override(tmp_path, "loaded", "term\tcategory\tsource\tnote\nstooge\tpejorative_label\tme\tx\n")
    with pytest.raises(FramingInputError, match=r"loaded.tsv:1: header lacks column\(s\) alternative"):
        load_lexicons(extra)


def test_schema_closed_value_outside_allowed_list(tmp_path: Path) -> None:
    extra = _override(tmp_path, "voice_roles", "term\trole\tsource\tnote\nmayor\tpotentate\tme\tx\n")
    with pytest.raises(FramingInputError, match=r"voice_roles.tsv:2: role 'potentate' is not one of"):
        load_lexicons(extra)


def test_schema_reading_an_undeclared_column_is_a_bug(general_lexicons) -> None:
    entry = next(iter(general_lexicons["hedges"]))
    assert entry["rule"] == entry.fields["rule"]
    with pytest.raises(KeyError, match="'rul' is not declared"):
        entry["rul"]


def test_schema_entries_hold_every_declared_column(general_lexicons) -> None:
    for name, schema in SCHEMAS.items():
        for entry in general_lexicons[name]:
            assert set(entry.fields) == set(schema.names), f"{entry.file}:{entry.line}"


def _lexicon_files() -> list[Path]:
    return sorted([*bundled_lexicon_dir().glob("*.tsv"), *(ROOT / "seeds" / "lexicons").glob("*.tsv"),
                   *(ROOT / "lexicons" / "optional").glob("*/*.tsv")])


@pytest.mark.parametrize("path", _lexicon_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_licence_every_lexicon_file_declares_its_licence_and_its_sources(path: Path) -> None:
    header = [line for line in path.read_text(encoding="utf-8").splitlines() if line.startswith("#")]
    assert any(line.startswith("# licence: ") and len(line) > 14 for line in header)
    assert any(line.startswith("# source_licences: ") and len(line) > 22 for line in header)


def _research_only(entry: Entry) -> bool:
    return all("Liu" in part or "Riloff" in part for part in entry["source"].split(";"))


def test_licence_default_loaded_set_has_no_research_only_rows(general_lexicons) -> None:
    assert [e.key for e in general_lexicons["loaded"] if _research_only(e)] == []


def test_licence_optional_set_is_off_by_default_and_layering_adds_its_rows(general_lexicons) -> None:
    with_optional = load_lexicons(OPTIONAL_LOADED)
    optional_keys = {e.key for e in with_optional["loaded"]} - {e.key for e in general_lexicons["loaded"]}
    rows = [line for line in (OPTIONAL_LOADED / "loaded.tsv").read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith(("#", "term\t"))]
    assert len(optional_keys) == len(with_optional["loaded"]) - len(general_lexicons["loaded"]) == len(rows) > 0
    assert all(_research_only(e) for e in with_optional["loaded"] if e.key in optional_keys)
    assert with_optional.warnings == ()
    words = [e.key for e in with_optional["loaded"] if e.key in optional_keys and " " not in e.key][:1]
    assert list(with_optional.matcher("loaded").match(words))
    assert not list(general_lexicons.matcher("loaded").match(words))
