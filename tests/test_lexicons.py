"""Lexicon files: provenance on every entry, validation that names file and line, overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import FramingInputError
from framing.lexicons import SCHEMAS, TERM_LEXICONS, bundled_lexicon_dir, load_lexicons


def test_lexicons_bundled_load_without_warnings(lexicons) -> None:
    assert lexicons.warnings == ()
    assert len(lexicons.checksum) == 16


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_lexicons_every_entry_has_source_and_provenance_header(lexicons, name: str) -> None:
    lexicon = lexicons[name]
    assert len(lexicon) > 0
    assert lexicon.meta.get("version") and lexicon.meta.get("description")
    for entry in lexicon:
        assert entry["source"], f"{entry.file}:{entry.line} has no source"


def test_lexicons_loaded_terms_have_alternatives(lexicons) -> None:
    missing = [e.key for e in lexicons["loaded"] if not e["alternative"]]
    assert missing == []


def _copy_bundled(tmp_path: Path) -> Path:
    for path in bundled_lexicon_dir().glob("*.tsv"):
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        # hedges.tsv columns: term, category, rule, source, note
        ("\tadverb\t\tme\tnote", "'term' column is empty"),
        ("perhaps\tadverb\t\t\tnote", "'source' column is empty"),
        ("perhaps\tadverb\tme", "fields"),
    ],
)
def test_lexicons_bad_row_names_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    (tmp_path / "base").mkdir()
    base = _copy_bundled(tmp_path / "base")
    hedges = base / "hedges.tsv"
    lines = hedges.read_text(encoding="utf-8").splitlines()
    lines.append(row)
    hedges.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(FramingInputError) as error:
        load_lexicons(base_dir=base)
    assert f"hedges.tsv:{len(lines)}" in str(error.value)
    assert message in str(error.value)


def test_lexicons_category_must_be_allowed(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "loaded.tsv").write_text(
        "# allowed_category: pejorative_label, intensifier\n"
        "term\tcategory\talternative\tsource\tnote\nstooge\tinsult\tally\tme\tx\n",
        encoding="utf-8",
    )
    with pytest.raises(FramingInputError, match=r"loaded.tsv:3.*'insult' is not one of"):
        load_lexicons(extra)


def test_lexicons_unmatchable_term_is_reported(tmp_path: Path) -> None:
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "hedges.tsv").write_text(
        "term\tcategory\tsource\tnote\nmaduro's\tother\tme\tpossessive never survives normalization\n",
        encoding="utf-8",
    )
    warnings = load_lexicons(extra).warnings
    assert any("maduro's" in w and "hedges.tsv:2" in w for w in warnings)


def test_lexicons_override_adds_entries_and_changes_checksum(tmp_path: Path, lexicons) -> None:
    (tmp_path / "hedges.tsv").write_text(
        "term\tcategory\tsource\tnote\nconceivably\tadverb\tteacher\tadded for class\n", encoding="utf-8"
    )
    custom = load_lexicons(tmp_path)
    assert "conceivably" in {e.key for e in custom["hedges"]}
    assert len(custom["hedges"]) == len(lexicons["hedges"]) + 1
    assert custom.checksum != lexicons.checksum
    matches = list(custom.matcher("hedges").match(["it", "is", "conceivably", "true"]))
    assert [(start, end, entry.key) for start, end, entry in matches] == [(2, 3, "conceivably")]


def test_lexicons_unknown_file_in_override_dir(tmp_path: Path) -> None:
    (tmp_path / "hedgez.tsv").write_text("term\n", encoding="utf-8")
    with pytest.raises(FramingInputError, match="not a known lexicon file"):
        load_lexicons(tmp_path)


def test_lexicons_matcher_prefers_longest_term(lexicons) -> None:
    from framing.lexicons import Entry, TermMatcher

    entries = tuple(Entry(term, {}, "t", i) for i, term in enumerate(["at least", "at"]))
    found = [(s, e, entry.key) for s, e, entry in TermMatcher(entries).match(["at", "least", "83", "at", "home"])]
    assert found == [(0, 2, "at least"), (3, 4, "at")]


@pytest.mark.parametrize("name", TERM_LEXICONS)
def test_lexicons_term_lexicons_have_matchers(lexicons, name: str) -> None:
    assert lexicons.matcher(name) is not None


def test_lexicons_matcher_first_listed_wins_for_same_tokens() -> None:
    from framing.lexicons import Entry, TermMatcher

    entries = (Entry("so-called", {"n": "first"}, "t", 1), Entry("So-Called", {"n": "second"}, "t", 2))
    found = list(TermMatcher(entries).match(["the", "so-called", "cartel"]))
    assert [(s, e, entry["n"]) for s, e, entry in found] == [(1, 2, "first")]


def test_lexicons_stop_words_are_scikit_learns_list(lexicons) -> None:
    """The comparison's stop words moved from scikit-learn into a data file, unchanged."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    assert lexicons.stop_words == ENGLISH_STOP_WORDS


def test_lexicons_stop_words_are_token_norms(lexicons) -> None:
    """Each stop word is compared with one token's norm, so it must be exactly one normalized token."""
    from framing.lexicons import term_tokens

    assert [w for w in sorted(lexicons.stop_words) if term_tokens(w) != (w,)] == []


def test_lexicons_stop_words_override_adds_words(tmp_path: Path, lexicons) -> None:
    (tmp_path / "stop_words.tsv").write_text(
        "term\tsource\tnote\nSaid\tteacher\treporting verb, too frequent in news to be distinctive\n",
        encoding="utf-8",
    )
    custom = load_lexicons(tmp_path)
    assert custom.stop_words == lexicons.stop_words | {"said"}


_VERB_HEADER = "# allowed_signals_speech: yes, no\nterm\tlemma\tstance\tsignals_speech\tsource\tnote\n"


@pytest.mark.parametrize(("row", "speech_cue"), [("mutter\tmutter\tneutral\tyes", True),
                                                 ("mutter\tmutter\tneutral\tno", False)])
def test_lexicons_reporting_cues_only_from_rows_that_signal_speech(tmp_path: Path, row: str, speech_cue: bool) -> None:
    """A row marked signals_speech=no is an attribution cue but does not make a nearby quote speech."""
    (tmp_path / "reporting_verbs.tsv").write_text(f"{_VERB_HEADER}{row}\tme\tx\n", encoding="utf-8")
    custom = load_lexicons(tmp_path)
    assert "mutter" in {e.key for e in custom["reporting_verbs"]}
    assert ("mutter" in custom.reporting_cues) is speech_cue


def test_lexicons_bundled_general_cues_do_not_signal_speech(lexicons) -> None:
    """'refers to', 'made it clear', 'put it' are cues; "refers", "made", "put" by a quote say nothing of speech."""
    keys = {e.key for e in lexicons["reporting_verbs"]}
    assert {"refers to", "made it clear", "put it"} <= keys
    assert not {"refers", "referring", "made", "put"} & lexicons.reporting_cues
    assert {"said", "according", "told"} <= lexicons.reporting_cues


def test_lexicons_every_allowed_column_is_checked(tmp_path: Path) -> None:
    """Not only the second column: a signals_speech value outside its declared list is an error."""
    (tmp_path / "reporting_verbs.tsv").write_text(f"{_VERB_HEADER}mutter\tmutter\tneutral\tmaybe\tme\tx\n",
                                                  encoding="utf-8")
    with pytest.raises(FramingInputError, match=r"reporting_verbs.tsv:3.*signals_speech 'maybe' is not one of"):
        load_lexicons(tmp_path)


def test_term_tokens_fast_path_agrees_with_the_tokenizer_on_every_bundled_term(general_lexicons) -> None:
    """Plain lower-case terms skip the tokenizer when a matcher is built: they must come out as it would give them."""
    from framing.corpus.segmentation import token_norm, tokenize
    from framing.lexicons import term_tokens

    terms = {entry.key for name in TERM_LEXICONS for entry in general_lexicons[name]}
    differing = [t for t in terms if term_tokens(t) != tuple(token_norm(text) for _, _, text in tokenize(t))]
    assert len(terms) > 5000 and differing == []
