"""Readers for the public evaluation datasets (formats in /work/shared/datasets/README.md).

Each reader turns JSON Lines rows into small frozen records and checks, while reading,
that every gold offset really indexes the row's text: a benchmark that silently scores
against shifted offsets would publish wrong figures. The datasets stay outside the
repository; readers take their path as an argument and never copy text anywhere.

Rows become framing Documents through :func:`to_document`, which calls
``framing.corpus.parse_text`` without cleaning, so gold offsets index ``Document.text``.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Any

from framing.corpus import parse_text
from framing.document import Document
from framing.errors import FramingInputError
from framing.lexicons import Lexicons
from framing.training import AnnotatedText

Fragments = tuple[tuple[int, int], ...]

# Where each task's file lives under the datasets folder.
HEDGES_WIKI = "hedges/szeged_wiki.jsonl"
HEDGES_FACTBANK = "hedges/szeged_factbank_dev.jsonl"
POLNEAR = "attribution/polnear_train_dev.jsonl"
BABE = "bias/babe_dev.jsonl"
ONESTOP = "readability/onestopenglish.jsonl"


@dataclass(frozen=True, slots=True)
class Cue:
    """A gold hedge cue: ``text[start:end]`` of its sentence, with its Szeged type."""

    start: int
    end: int
    type: str
    text: str


@dataclass(frozen=True, slots=True)
class HedgeSentence:
    id: str
    text: str
    uncertain: bool
    cues: tuple[Cue, ...]


@dataclass(frozen=True, slots=True)
class Fragment:
    """A possibly discontinuous gold span (PolNeAR source, cue or content)."""

    fragments: Fragments
    text: str

    @property
    def start(self) -> int:
        return self.fragments[0][0]

    @property
    def end(self) -> int:
        return self.fragments[-1][1]


@dataclass(frozen=True, slots=True)
class Attribution:
    source: Fragment | None
    cue: Fragment | None
    content: Fragment | None


@dataclass(frozen=True, slots=True)
class PolnearDoc:
    filename: str
    compartment: str
    publisher: str
    text: str
    attributions: tuple[Attribution, ...]


@dataclass(frozen=True, slots=True)
class BabeSentence:
    id: str
    text: str
    label: str
    biased_words: tuple[str, ...]
    outlet: str


@dataclass(frozen=True, slots=True)
class LevelledText:
    topic: str
    level: str
    level_index: int
    text: str


def dataset_file(data_dir: str | Path, relative: str) -> Path:
    """The path of one dataset file, or a FramingInputError that says where it was expected."""
    path = Path(data_dir) / relative
    if not path.is_file():
        raise FramingInputError(
            path, "dataset file not found", "Pass --data the folder described in datasets/README.md"
        )
    return path


def read_jsonl(path: str | Path, limit: int | None = None) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(line number, object)`` for each non-empty line; bad JSON names the line."""
    with open(path, encoding="utf-8") as stream:
        numbered = ((n, line) for n, line in enumerate(stream, start=1) if line.strip())
        for number, line in islice(numbered, limit):
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                raise FramingInputError(f"{path}:{number}", f"is not valid JSON ({error.msg})", "") from None
            if not isinstance(row, dict):
                raise FramingInputError(f"{path}:{number}", "is not a JSON object", "")
            yield number, row


def _field(row: dict[str, Any], key: str, where: str) -> Any:
    if key not in row:
        raise FramingInputError(where, f"lacks the {key!r} field", "Check the dataset format in its README")
    return row[key]


def _check_offsets(text: str, start: int, end: int, expected: str | None, where: str) -> None:
    if not (0 <= start <= end <= len(text)):
        raise FramingInputError(where, f"offsets [{start}, {end}) fall outside the text ({len(text)} characters)")
    if expected is not None and text[start:end] != expected:
        raise FramingInputError(where, f"offsets [{start}, {end}) give {text[start:end]!r}, not {expected!r}")


def read_hedges(path: str | Path, limit: int | None = None) -> list[HedgeSentence]:
    """Szeged Uncertainty Corpus sentences (Wikipedia or FactBank) with their cues."""
    sentences = []
    for number, row in read_jsonl(path, limit):
        where = f"{path}:{number}"
        text = _field(row, "text", where)
        cues = []
        for cue in _field(row, "cues", where):
            _check_offsets(text, cue["start"], cue["end"], cue.get("text"), where)
            cues.append(Cue(cue["start"], cue["end"], cue.get("type", ""), text[cue["start"] : cue["end"]]))
        sentence_id = f"{row.get('doc_id', '')}/{row.get('sent_id', number)}"
        sentences.append(HedgeSentence(sentence_id, text, bool(_field(row, "uncertain", where)), tuple(cues)))
    return sentences


def _fragment(text: str, value: dict[str, Any] | None, where: str) -> Fragment | None:
    """A PolNeAR fragment, checked: its pieces joined by a space give its ``text`` (trailing space aside)."""
    if not value or not value.get("fragments"):
        return None
    pieces = tuple((int(start), int(end)) for start, end in value["fragments"])
    for start, end in pieces:
        _check_offsets(text, start, end, None, where)
    joined = " ".join(text[start:end] for start, end in pieces)
    stated = value.get("text")
    if stated is not None and joined.strip() != stated.strip():
        raise FramingInputError(where, f"fragments give {joined[:60]!r}, not {stated[:60]!r}")
    return Fragment(pieces, joined)


def read_polnear(
    path: str | Path, limit: int | None = None, *, compartments: tuple[str, ...] = ("dev", "train")
) -> list[PolnearDoc]:
    """PolNeAR documents from ``compartments``, one annotation per file name.

    Some files were annotated several times (annotator training, double annotation);
    scoring each copy would count the same sentences twice, so the first copy in
    ``compartments`` order is kept.
    """
    chosen: dict[str, PolnearDoc] = {}
    for number, row in read_jsonl(path):
        where = f"{path}:{number}"
        compartment = row.get("compartment", "")
        if compartment not in compartments:
            continue
        filename = _field(row, "filename", where)
        previous = chosen.get(filename)
        if previous is not None and compartments.index(previous.compartment) <= compartments.index(compartment):
            continue
        text = _field(row, "text", where)
        attributions = tuple(
            Attribution(
                _fragment(text, item.get("source"), where),
                _fragment(text, item.get("cue"), where),
                _fragment(text, item.get("content"), where),
            )
            for item in _field(row, "attributions", where)
        )
        chosen[filename] = PolnearDoc(filename, compartment, row.get("publisher", ""), text, attributions)
    docs = sorted(chosen.values(), key=lambda doc: (compartments.index(doc.compartment), doc.filename))
    return docs[:limit] if limit is not None else docs


def polnear_cue_texts(docs: Iterable[PolnearDoc]) -> list[AnnotatedText]:
    """PolNeAR articles as annotated texts whose marks are the cues, each document its own group.

    The training script and the benchmark's cross-validation read the same marks, so the
    model is scored on exactly what it was trained to find.
    """
    return [
        AnnotatedText(doc.filename, f"polnear:{doc.filename}", doc.text,
                      tuple(piece for a in doc.attributions if a.cue for piece in a.cue.fragments), "polnear")
        for doc in docs
    ]


def parse_word_list(value: Any, where: str) -> tuple[str, ...]:
    """BABE's ``biased_words``: a Python-literal list as a string (or already a list)."""
    if isinstance(value, list):
        words = value
    else:
        try:
            words = ast.literal_eval(value or "[]")
        except (ValueError, SyntaxError):
            raise FramingInputError(where, f"biased_words {value!r} is not a Python list literal") from None
    if not isinstance(words, (list, tuple)) or not all(isinstance(word, str) for word in words):
        raise FramingInputError(where, f"biased_words {value!r} is not a list of strings")
    return tuple(words)


def read_babe(path: str | Path, limit: int | None = None) -> list[BabeSentence]:
    """BABE sentences with their expert label and biased words."""
    sentences = []
    for number, row in read_jsonl(path, limit):
        where = f"{path}:{number}"
        sentences.append(
            BabeSentence(
                f"babe-{number}",
                _field(row, "text", where),
                _field(row, "label_bias", where),
                parse_word_list(row.get("biased_words", "[]"), where),
                row.get("outlet", ""),
            )
        )
    return sentences


def read_onestop(path: str | Path, limit: int | None = None) -> list[LevelledText]:
    """OneStopEnglish texts; ``limit`` counts topics, so each kept topic has all its levels."""
    texts = []
    topics: list[str] = []
    for number, row in read_jsonl(path):
        where = f"{path}:{number}"
        topic = _field(row, "topic", where)
        if topic not in topics:
            if limit is not None and len(topics) >= limit:
                continue
            topics.append(topic)
        level = _field(row, "level", where)
        texts.append(LevelledText(topic, level, int(_field(row, "level_index", where)), _field(row, "text", where)))
    return texts


def to_document(text: str, lexicons: Lexicons, doc_id: str) -> Document:
    """A dataset row's text as a Document, uncleaned, so gold offsets index ``doc.text``."""
    return parse_text(text, lexicons, id=doc_id)
