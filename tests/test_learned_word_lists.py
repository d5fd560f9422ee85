"""The learned lexicon's word lists: membership in a public list is a named feature with its own weight.

A model trained where every marked word is on a list ("neg") gives that list a positive weight, so
a word it never saw in training but the list holds scores higher than one the list lacks, and the
span's ``why`` names the list. The table is data with the same bad-input rules as the word table.
Texts and lists are written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import assert_extract_exits_2

from framing.corpus import parse_text
from framing.errors import FramingInputError
from framing.features import loaded
from framing.features.learned_loaded import TokenFeatureReader
from framing.learned_words import (
    LISTS_FILE,
    MODEL_FILE,
    WORDS_FILE,
    read_word_lists,
    write_word_lists,
    write_word_table,
)
from framing.lexicons import load_lexicons
from framing.training import AnnotatedText
from framing.training_learned import train, word_counts

LISTS = {"reneged": ("neg",), "fumed": ("neg",), "sneered": ("neg", "strong"), "deal": ("plain",)}


def trained_folder(folder: Path) -> Path:
    """A model trained with ``LISTS`` on texts where the listed verbs are marked, written as a lexicon folder."""
    texts = []
    verbs = ["reneged", "fumed"]
    for index in range(24):
        slanted = index % 2 == 0
        verb = verbs[index % 4 // 2]
        text = f"Senator {index} {verb} at aides." if slanted else f"Senator {index} spoke with aides."
        marks = ((text.index(verb), text.index(verb) + len(verb)),) if slanted else ()
        texts.append(AnnotatedText(f"t{index}", f"g{index}", text, marks, "own"))
    trained = train(texts, {}, load_lexicons(scorers=False), LISTS)
    model = dict(trained.token_model)
    counts = word_counts(trained.examples)
    words = {n[5:]: (w, counts[n]) for n, w in model["weights"].items() if n.startswith("word=")}
    model["weights"] = {n: w for n, w in model["weights"].items() if not n.startswith("word=")}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / MODEL_FILE).write_text(json.dumps(model), encoding="utf-8")
    write_word_table(folder / WORDS_FILE, words, {"name": "learned_loaded", "licence": "test"})
    write_word_lists(folder / LISTS_FILE, LISTS, {"name": "learned_word_lists", "licence": "test"})
    return folder


def test_word_list_membership_carries_weight_to_unseen_words(tmp_path: Path) -> None:
    lexicons = load_lexicons(trained_folder(tmp_path))
    model = lexicons.learned_loaded
    assert model.scorer.weights["list=neg"] > 0
    assert read_word_lists(tmp_path / LISTS_FILE) == LISTS
    doc = parse_text("The mayor sneered at aides. The mayor strolled with aides.", lexicons)
    reader = TokenFeatureReader(doc, lexicons)
    norms = doc.token_columns().norms
    by_word = {norms[i]: reader.features(i) for i in reader.indexes}
    assert "list=neg" in by_word["sneered"] and not any(n.startswith("list=") for n in by_word["strolled"])
    listed, unlisted = (model.scorer.probability(by_word[w]) for w in ("sneered", "strolled"))
    assert listed > unlisted  # neither word was in training: only the list tells them apart


def test_word_list_is_named_in_the_why_of_a_span(tmp_path: Path) -> None:
    lexicons = load_lexicons(trained_folder(tmp_path))
    spans = loaded.extract(parse_text("The governor reneged at aides.", lexicons), lexicons).spans
    learned = [s for s in spans if s.attrs.get("rule") == "learned_lexicon"]
    assert learned and "in word list neg" in learned[0].attrs["why"]


@pytest.mark.parametrize(("content", "problem"), [
    (None, "missing"),
    ("word\tlists\nugly\tneg list\n", f"{LISTS_FILE}:2"),
    ("word\tlists\nugly word\tneg\n", f"{LISTS_FILE}:2"),
    ("term\tlists\nugly\tneg\n", "header row"),
])
def test_bad_word_list_table_exits_2_with_one_line(tmp_path: Path, capsys, content: str | None, problem: str) -> None:
    folder = trained_folder(tmp_path / "pack")
    if content is None:
        (folder / LISTS_FILE).unlink()
    else:
        (folder / LISTS_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(FramingInputError, match=r"train_learned_lexicon\.py"):
        load_lexicons(folder)
    assert_extract_exits_2(tmp_path, folder, capsys, problem)
