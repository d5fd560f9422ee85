"""The learned lexicon as data: a model file plus an editable table of its word weights.

A learned lexicon is two files in a lexicon folder (bundled or ``--lexicons``):

* ``learned_loaded.json`` (format ``framing-linear-model/1``): the intercept, threshold,
  every weight that is not a word's own (stems, endings, neighbours, lexicon memberships,
  voice, position, sentence slant), ``demote_below`` (under it a curated match is only
  "possible"), ``sentence_threshold`` (the threshold for a lone sentence; ``threshold`` serves
  articles), ``possible_threshold`` (articles: a word scored from it up to ``threshold`` is shown as
  "possible" with its reason, not counted) and the provenance;
* ``learned_loaded.tsv``: one row per word, ``word``, ``weight`` (its log-odds
  contribution as a word) and ``examples`` (how many training tokens it had), after a
  ``# key: value`` header (name, version, description, sources, licence,
  source_licences). Edit a weight, delete a row or add one, and the model uses it: the
  table is the word part of the model, not a copy of it.

* ``learned_word_lists.tsv`` (needed when the model has ``list=`` weights): one row per word,
  ``word`` and ``lists`` (comma-separated names of the public word lists that hold it: Liu
  negative, Riloff & Wiebe strong subjectives, the NPOV bias lexicon, Hooper's assertives,
  Hyland's hedges, report verbs, Karttunen's implicatives). Membership is a feature
  (``list=<name>``) with its own learned weight, so a word no annotator marked but a list holds
  still carries some weight; edit the table like any lexicon.

Schema of the table (:data:`WORD_COLUMNS`): ``word`` a lower-case token norm, no tabs
or spaces; ``weight`` a finite number; ``examples`` a whole number ≥ 0. Any fault in
either file (missing, corrupt, another version, a bad row) is a one-line error naming
the file and line, with the command that retrains it, and exit status 2.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path

from .errors import FramingInputError
from .fileio import write_atomically
from .linear_model import LinearScorer, load_scorer

MODEL_FILE = "learned_loaded.json"
WORDS_FILE = "learned_loaded.tsv"
WORD_COLUMNS = ("word", "weight", "examples")
LISTS_FILE = "learned_word_lists.tsv"
LIST_COLUMNS = ("word", "lists")
LIST_PREFIX = "list="
WORD_PREFIX = "word="
RETRAIN_LEARNED = (
    "Restore it from the repository, or retrain it with: python scripts/train_learned_lexicon.py --data DATASETS"
)
HEADER_KEYS = ("name", "version", "description", "sources", "licence", "source_licences")
# The lexicons whose membership the model reads as ``lexicon=`` features (loaded: by category).
LEXICON_FEATURES = ("hedges", "reporting_verbs", "source_kinds")
FINGERPRINT_KEY = "feature_lexicons"  # provenance: the rows of those lexicons the model was trained with


def lexicon_fingerprint(by_name: Mapping[str, Iterable]) -> dict[str, str]:
    """Each feature lexicon's rows as the model reads them ("683 terms, 3f2a..."): the terms (and the loaded
    rows' categories), so a row added to a lexicon later, bundled or layered, shows as a changed feature."""
    prints = {}
    for name in (*LEXICON_FEATURES, "loaded"):
        rows = sorted(f"{entry.key.lower()}\t{entry['category'] if name == 'loaded' else ''}"
                      for entry in by_name[name])
        prints[name] = f"{len(rows)} terms, {hashlib.sha256(chr(10).join(rows).encode()).hexdigest()[:12]}"
    return prints


def lexicon_drift(provenance: Mapping, by_name: Mapping[str, Iterable]) -> list[str]:
    """A warning for each feature lexicon whose rows differ from those the model was trained with (none when
    the model did not record them): its ``lexicon=`` weights would read rows it never saw."""
    trained = provenance.get(FINGERPRINT_KEY)
    if not isinstance(trained, Mapping):
        return []
    now = lexicon_fingerprint(by_name)
    return [f"{MODEL_FILE}: lexicon '{name}' is not the one the model was trained with ({trained[name]} then, "
            f"{now[name]} now): its lexicon= features read rows it never saw. {RETRAIN_LEARNED}"
            for name in now if name in trained and trained[name] != now[name]]


def _table_rows(path: Path, columns: tuple[str, ...], what: str) -> list[tuple[int, list[str]]]:
    """The numbered data rows of a ``# key: value``-headed TSV whose header row is ``columns``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise FramingInputError(path, f"{what} is missing", RETRAIN_LEARNED) from None
    except (OSError, UnicodeDecodeError) as error:
        raise FramingInputError(path, f"{what} is unreadable ({type(error).__name__})", RETRAIN_LEARNED) from None
    rows = [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows or tuple(rows[0][1].split("\t")) != columns:
        raise FramingInputError(path, f"the header row must be {' | '.join(columns)} (tab-separated)",
                                RETRAIN_LEARNED)
    return [(number, line.split("\t")) for number, line in rows[1:]]


def _check_word(path: Path, number: int, cells: list[str], columns: tuple[str, ...]) -> str:
    word = cells[0]
    if len(cells) != len(columns) or not word or word != word.strip() or " " in word:
        raise FramingInputError(f"{path}:{number}", f"a row has {len(columns)} tab-separated cells and a word "
                                "without spaces", RETRAIN_LEARNED)
    return word


def read_word_weights(path: Path) -> dict[str, tuple[float, int]]:
    """``{word: (weight, examples)}`` from the table; a bad row is a one-line error with its line."""
    weights: dict[str, tuple[float, int]] = {}
    for number, cells in _table_rows(path, WORD_COLUMNS, "learned word table"):
        try:
            weight, examples = float(cells[1]), int(cells[2])
        except (IndexError, ValueError):
            raise FramingInputError(f"{path}:{number}", "a row needs a word, a numeric weight and a whole "
                                    "examples count", RETRAIN_LEARNED) from None
        word = _check_word(path, number, cells, WORD_COLUMNS)
        if not math.isfinite(weight) or examples < 0:
            raise FramingInputError(f"{path}:{number}", "weight must be finite and examples >= 0", RETRAIN_LEARNED)
        weights[word] = (weight, examples)
    return weights


def read_word_lists(path: Path) -> dict[str, tuple[str, ...]]:
    """``{word: (list name, ...)}`` from the word-list table; a bad row is a one-line error with its line."""
    lists: dict[str, tuple[str, ...]] = {}
    for number, cells in _table_rows(path, LIST_COLUMNS, "learned word-list table"):
        word = _check_word(path, number, cells, LIST_COLUMNS)
        names = tuple(name.strip() for name in cells[1].split(","))
        if not all(name and " " not in name for name in names):
            raise FramingInputError(f"{path}:{number}", "lists must be comma-separated names without spaces",
                                    RETRAIN_LEARNED)
        lists[word] = names
    return lists


def load_learned(folder: Path) -> tuple[LinearScorer, float, dict[str, tuple[str, ...]],
                                       tuple[float | None, float | None]]:
    """The scorer with the table's word weights merged in, its ``demote_below`` bar, the word lists
    its ``list=`` features read (required when it has such weights), and two optional bars: the
    lone-sentence threshold (``provenance.sentence_threshold``; None: the threshold serves both) and
    the possible tier's bar for articles (``provenance.possible_threshold``; None: one tier)."""
    scorer = load_scorer(folder / MODEL_FILE, RETRAIN_LEARNED)
    words = read_word_weights(folder / WORDS_FILE)
    weights = {name: w for name, w in scorer.weights.items() if not name.startswith(WORD_PREFIX)}
    weights.update((f"{WORD_PREFIX}{word}", weight) for word, (weight, _) in words.items())
    demote = scorer.provenance.get("demote_below", 0.0)
    if not isinstance(demote, (int, float)) or not 0.0 <= demote <= 1.0:
        raise FramingInputError(folder / MODEL_FILE, "provenance.demote_below must be a number in 0–1",
                                RETRAIN_LEARNED)
    sentence, possible = (_optional_bar(folder, scorer, key) for key in ("sentence_threshold", "possible_threshold"))
    uses_lists = any(name.startswith(LIST_PREFIX) for name in weights)
    lists = read_word_lists(folder / LISTS_FILE) if uses_lists else {}
    return replace(scorer, weights=weights), float(demote), lists, (sentence, possible)


def _optional_bar(folder: Path, scorer: LinearScorer, key: str) -> float | None:
    """``provenance.<key>``, a probability strictly between 0 and 1, or None when the file has none."""
    value = scorer.provenance.get(key)
    if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or not 0.0 < value < 1.0):
        raise FramingInputError(folder / MODEL_FILE, f"provenance.{key} must be a number in 0–1", RETRAIN_LEARNED)
    return None if value is None else float(value)


def write_word_table(path: Path, weights: dict[str, tuple[float, int]], header: dict[str, str]) -> None:
    """The table, strongest weights first (what a reader wants to see and edit)."""
    ranked = sorted(weights.items(), key=lambda item: (-item[1][0], item[0]))
    rows = [f"{word}\t{weight:.4f}\t{examples}" for word, (weight, examples) in ranked]
    _write_table(path, header, WORD_COLUMNS, rows)


def write_word_lists(path: Path, lists: dict[str, tuple[str, ...]], header: dict[str, str]) -> None:
    """The word-list table, in alphabetical order."""
    _write_table(path, header, LIST_COLUMNS, [f"{word}\t{','.join(names)}" for word, names in sorted(lists.items())])


def _write_table(path: Path, header: dict[str, str], columns: tuple[str, ...], rows: list[str]) -> None:
    lines = [f"# {key}: {header[key]}" for key in HEADER_KEYS if key in header]
    write_atomically(path, "\n".join([*lines, "\t".join(columns), *rows]) + "\n")
