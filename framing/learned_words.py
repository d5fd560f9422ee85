"""The learned lexicon as data: a model file plus an editable table of its word weights.

A learned lexicon is two files in a lexicon folder (bundled or ``--lexicons``):

* ``learned_loaded.json`` (format ``framing-linear-model/1``): the intercept, threshold,
  every weight that is not a word's own (stems, endings, neighbours, lexicon memberships,
  voice, position, sentence slant), ``demote_below`` (under it a curated match is only
  "possible") and the provenance;
* ``learned_loaded.tsv``: one row per word, ``word``, ``weight`` (its log-odds
  contribution as a word) and ``examples`` (how many training tokens it had), after a
  ``# key: value`` header (name, version, description, sources, licence,
  source_licences). Edit a weight, delete a row or add one, and the model uses it: the
  table is the word part of the model, not a copy of it.

Schema of the table (:data:`WORD_COLUMNS`): ``word`` a lower-case token norm, no tabs
or spaces; ``weight`` a finite number; ``examples`` a whole number ≥ 0. Any fault in
either file (missing, corrupt, another version, a bad row) is a one-line error naming
the file and line, with the command that retrains it, and exit status 2.
"""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from .errors import FramingInputError
from .fileio import write_atomically
from .linear_model import LinearScorer, load_scorer

MODEL_FILE = "learned_loaded.json"
WORDS_FILE = "learned_loaded.tsv"
WORD_COLUMNS = ("word", "weight", "examples")
WORD_PREFIX = "word="
RETRAIN_LEARNED = (
    "Restore it from the repository, or retrain it with: python scripts/train_learned_lexicon.py --data DATASETS"
)
HEADER_KEYS = ("name", "version", "description", "sources", "licence", "source_licences")


def read_word_weights(path: Path) -> dict[str, tuple[float, int]]:
    """``{word: (weight, examples)}`` from the table; a bad row is a one-line error with its line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise FramingInputError(path, "learned word table is missing", RETRAIN_LEARNED) from None
    except (OSError, UnicodeDecodeError) as error:
        raise FramingInputError(path, f"learned word table is unreadable ({type(error).__name__})",
                                RETRAIN_LEARNED) from None
    rows = [(number, line) for number, line in enumerate(lines, 1) if line.strip() and not line.startswith("#")]
    if not rows or tuple(rows[0][1].split("\t")) != WORD_COLUMNS:
        raise FramingInputError(path, f"the header row must be {' | '.join(WORD_COLUMNS)} (tab-separated)",
                                RETRAIN_LEARNED)
    weights: dict[str, tuple[float, int]] = {}
    for number, line in rows[1:]:
        cells = line.split("\t")
        try:
            word, weight, examples = cells[0], float(cells[1]), int(cells[2])
        except (IndexError, ValueError):
            raise FramingInputError(f"{path}:{number}", "a row needs a word, a numeric weight and a whole "
                                    "examples count", RETRAIN_LEARNED) from None
        if len(cells) != len(WORD_COLUMNS) or not word or word != word.strip() or " " in word:
            raise FramingInputError(f"{path}:{number}", "a row has 3 tab-separated cells and a word without "
                                    "spaces", RETRAIN_LEARNED)
        if not math.isfinite(weight) or examples < 0:
            raise FramingInputError(f"{path}:{number}", "weight must be finite and examples >= 0", RETRAIN_LEARNED)
        weights[word] = (weight, examples)
    return weights


def load_learned(folder: Path) -> tuple[LinearScorer, float]:
    """The scorer with the table's word weights merged in, and its ``demote_below`` bar."""
    scorer = load_scorer(folder / MODEL_FILE, RETRAIN_LEARNED)
    words = read_word_weights(folder / WORDS_FILE)
    weights = {name: w for name, w in scorer.weights.items() if not name.startswith(WORD_PREFIX)}
    weights.update((f"{WORD_PREFIX}{word}", weight) for word, (weight, _) in words.items())
    demote = scorer.provenance.get("demote_below", 0.0)
    if not isinstance(demote, (int, float)) or not 0.0 <= demote <= 1.0:
        raise FramingInputError(folder / MODEL_FILE, "provenance.demote_below must be a number in 0–1",
                                RETRAIN_LEARNED)
    return replace(scorer, weights=weights), float(demote)


def write_word_table(path: Path, weights: dict[str, tuple[float, int]], header: dict[str, str]) -> None:
    """The table, strongest weights first (what a reader wants to see and edit)."""
    lines = [f"# {key}: {header[key]}" for key in HEADER_KEYS if key in header]
    lines.append("\t".join(WORD_COLUMNS))
    for word, (weight, examples) in sorted(weights.items(), key=lambda item: (-item[1][0], item[0])):
        lines.append(f"{word}\t{weight:.4f}\t{examples}")
    write_atomically(path, "\n".join(lines) + "\n")
