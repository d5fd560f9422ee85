"""Lexicons: editable TSV data files with provenance, validated on load.

Each file in ``lexicons/`` is UTF-8, tab-separated, with a header row. Lines that
start with ``#`` are comments; the leading ``# key: value`` comments describe the
file (name, version, description, sources), the way VADER's lexicon carries its
own provenance. Every row has a ``source`` and a ``note`` column.

Loading validates every row and names the file and line of any problem. Like
scikit-learn's check that stop words survive tokenization, it also reports terms
that can never match because the tokenizer would cut them differently.

A story pack (a ``lexicons/`` folder beside a corpus's ``manifest.csv``, such as
``seeds/lexicons/``) and ``--lexicons DIR`` layer files over the bundled ones, in that
order: a row whose key (its term) already exists replaces that entry; new rows are added.
Closed vocabularies (``# allowed_<column>:``) stay the bundled file's, so a layer adds rows
but no new roles or categories. Every file, bundled or layered, is checked against its declared
schema (:mod:`framing.lexicon_schema`): unknown or missing columns, rule names the code lacks and
values outside their lists are errors on their line, never silently ignored.
"""

from __future__ import annotations

import csv
import hashlib
import math
import sys
from collections.abc import Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cached_property
from itertools import compress
from pathlib import Path
from typing import Any

from .corpus.cleaning import CleaningRule, compile_rules
from .corpus.segmentation import SentenceRules, is_word, sentence_rules, token_norm, tokenize
from .errors import FramingInputError
from .learned_words import MODEL_FILE as LEARNED_MODEL_FILE
from .learned_words import RETRAIN_LEARNED as RETRAIN_SLANT
from .learned_words import WORDS_FILE as LEARNED_WORDS_FILE
from .learned_words import load_learned
from .lexicon_schema import SCHEMAS, Schema, parse_allowed, registry_names
from .linear_model import RETRAIN, RETRAIN_ATTRIBUTION, LinearScorer, load_scorer

COMMON_COLUMNS = ("source", "note")  # every schema ends with these (lexicon_schema.py)
# The learned loaded-term scorer (framing/features/loaded.py); a --lexicons folder may hold its own.
SCORER_FILE = "loaded_scorer.json"
# The sentence slant model (framing/slant.py): optional, like the learned lexicon (framing/learned_words.py).
SLANT_FILE = "slant_model.json"
# The learned attribution-cue scorer (framing/features/attribution/scoring.py), layered the same way.
ATTRIBUTION_SCORER_FILE = "attribution_scorer.json"
# Words outside any reporting-verb entry that still mark a quote as reported speech.
EXTRA_REPORTING_CUES = ("according", "quoted", "quoting")
# Lexicons whose keys are matched as token sequences in running text.
TERM_LEXICONS = ("hedges", "loaded", "reporting_verbs", "source_kinds", "headline_cues", "frame_cues")


def bundled_lexicon_dir() -> Path:
    """Where the bundled lexicons live.

    In a source checkout (and an editable install) that is ``lexicons/`` beside the
    package; a wheel installs them as shared data under ``<prefix>/share/framing``.
    They are never copied into, or written to, the package itself.
    """
    candidates = [
        Path(__file__).resolve().parent.parent / "lexicons",
        Path(sys.prefix) / "share" / "framing" / "lexicons",
    ]
    for candidate in candidates:
        if (candidate / "hedges.tsv").is_file():
            return candidate
    raise FramingInputError(
        candidates[0],
        "the bundled lexicons are missing",
        "Reinstall framing, or pass --lexicons DIR with the lexicon files",
    )


@dataclass(frozen=True, slots=True)
class Entry:
    """One lexicon row. ``fields`` holds every declared column (optional ones filled), source and note."""

    key: str
    fields: Mapping[str, str]
    file: str
    line: int

    def __getitem__(self, column: str) -> str:
        """The row's value in ``column``; reading a column the schema does not declare is a bug, not "".

        An empty string for an unknown column once hid a misspelled column name in code and a
        missing ``rule`` column in an override file; both now fail where they happen.
        """
        try:
            return self.fields[column]
        except KeyError:
            raise KeyError(
                f"{self.file}:{self.line}: lexicon column {column!r} is not declared "
                f"(this row has: {', '.join(self.fields)}); see framing/lexicon_schema.py"
            ) from None


@dataclass(frozen=True, slots=True)
class Lexicon:
    """One lexicon file (after overrides): its entries and its provenance header."""

    name: str
    entries: tuple[Entry, ...]
    meta: Mapping[str, str]
    files: tuple[str, ...]

    def __iter__(self) -> Iterator[Entry]:
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    @property
    def version(self) -> str:
        return self.meta.get("version", "")


@dataclass(frozen=True, slots=True, eq=False)
class Lexicons:
    """All lexicons in use, with a checksum that pins them for the report footer.

    Views that parsing needs on every document (term matchers, compiled cleaning
    rules, sentence rules, reporting cues) are built once here, at load time.
    """

    by_name: Mapping[str, Lexicon]
    checksum: str
    warnings: tuple[str, ...]
    matchers: Mapping[str, TermMatcher]
    cleaning_rules: tuple[CleaningRule, ...]
    # Abbreviations by kind and the speech cues the sentence splitter reads (framing/corpus/segmentation.py).
    sentence_rules: SentenceRules
    reporting_cues: frozenset[str]
    # Lower-case stop words of the comparison layer (data, so it need not import scikit-learn).
    stop_words: frozenset[str]
    # The learned score a loaded-term candidate must pass (features/loaded.py); None counts every one.
    loaded_scorer: LinearScorer | None = None
    # The learned score an attribution candidate must pass (features/attribution/scoring.py); None: the rules decide.
    attribution_scorer: LinearScorer | None = None
    # The learned lexicon (features/learned_loaded.py) and the sentence slant model (slant.py); None: not used.
    learned_loaded: LearnedLexicon | None = None
    slant_model: LinearScorer | None = None
    # The learned frame model (features/policy_frames/model.py), from a layer that has one (the optional
    # research-use set); None: frames come from the cue lexicon's rule.
    frame_model: Any = None

    @property
    def abbreviations(self) -> AbstractSet[str]:
        """Every abbreviation (lower case, no final period), whatever its kind: "mr", "sen", "v".

        A view of the segmenter's table, not a copy: the exercises test membership sentence by sentence.
        """
        return self.sentence_rules.abbreviations.keys()

    def __getitem__(self, name: str) -> Lexicon:
        return self.by_name[name]

    def matcher(self, name: str) -> TermMatcher:
        return self.matchers[name]


@dataclass(frozen=True)
class LearnedLexicon:
    """The token-level loaded-language model (framing/learned_words.py) and the bar under which it
    marks a curated match as only "possible"."""

    scorer: LinearScorer
    demote_below: float

    @cached_property
    def context_ceiling(self) -> float:
        """The most a word's voice and place (quotes, capital, position) can add to its score, so scoring
        can skip a word that could not reach the threshold wherever it stood (features/learned_loaded.py)."""
        weights = self.scorer.weights
        voice = max([0.0, *(w for name, w in weights.items() if name.startswith("voice="))])
        return voice + sum(max(0.0, weights.get(name, 0.0))
                           for name in ("in_scare_quote", "capitalized", "first_sentence", "position"))

    @cached_property
    def raising_lexicons(self) -> tuple[str, ...]:
        """The lexicons whose membership can raise a word's score (features/learned_loaded.py)."""
        from .features.learned_loaded import raising_lexicons

        return raising_lexicons(self.scorer.weights)

    @cached_property
    def word_weights(self) -> dict[str, float]:
        """Memo: a word's own weight (word, stem, ending), filled as words are met (a corpus repeats them)."""
        return {}

    @cached_property
    def neighbour_weights(self) -> tuple[dict[str, float], dict[str, float]]:
        """The ``prev=`` and ``next=`` weights by the neighbouring word."""
        weights = self.scorer.weights
        return ({name[5:]: w for name, w in weights.items() if name.startswith("prev=")},
                {name[5:]: w for name, w in weights.items() if name.startswith("next=")})


class TermMatcher:
    """Finds lexicon terms in a token sequence by lookup, not regex alternation.

    Terms are indexed by their first normalized token, then grouped by length, longest
    first, each group a dict from the whole token tuple to its entry. At a position
    only one dict lookup per distinct length is needed (not one comparison per
    candidate: "the" starts fifteen source terms), so matching stays linear in the
    text whatever the lexicon's size. When two entries tokenize alike, the first
    listed wins, as it would in a scan of the candidates in file order.
    """

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        grouped: dict[str, dict[int, dict[tuple[str, ...], Entry]]] = {}
        for entry in entries:
            words = term_tokens(entry.key)
            if words:
                grouped.setdefault(words[0], {}).setdefault(len(words), {}).setdefault(words, entry)
        self._index: dict[str, tuple[tuple[tuple[int, dict[tuple[str, ...], Entry]], ...], Entry | None]] = {}
        for first, by_length in grouped.items():
            longer = tuple(sorted(((n, terms) for n, terms in by_length.items() if n > 1), reverse=True))
            single = by_length.get(1, {}).get((first,))
            self._index[first] = (longer, single)

    def match(self, norms: Sequence[str]) -> Iterator[tuple[int, int, Entry]]:
        """``(first_token, end_token, entry)`` for each longest, non-overlapping match."""
        index = self._index
        resume = 0
        # Only positions whose token starts some term are examined (found at C speed).
        for position in list(compress(range(len(norms)), map(index.__contains__, norms))):
            if position < resume:
                continue
            longer, single = index[norms[position]]
            for length, terms in longer:
                entry = terms.get(tuple(norms[position : position + length]))
                if entry is not None:
                    yield position, position + length, entry
                    resume = position + length
                    break
            else:
                if single is not None:
                    yield position, position + 1, single
                    resume = position + 1


def term_tokens(term: str) -> tuple[str, ...]:
    """A term as the tokenizer would see it in running text."""
    return tuple(token_norm(text) for _, _, text in tokenize(term))


def load_lexicons(
    extra_dir: str | Path | None = None, *, base_dir: str | Path | None = None, packs: Sequence[str | Path] = (),
    scorers: bool = True,
) -> Lexicons:
    """Load and validate the bundled lexicons, then layer story ``packs`` and ``extra_dir`` over them.

    Layers apply in order, each row replacing a row with the same key: bundled < each story
    pack (``seeds/lexicons/``, found beside a corpus by ``story_packs``) < ``--lexicons DIR``,
    so a user's own folder always has the last word. ``scorers`` False leaves the learned
    scorers out (the rules decide): the training scripts must run when a model file is
    missing or broken, since retraining is how it is repaired.
    """
    base = Path(base_dir) if base_dir else bundled_lexicon_dir()
    layers = [base]
    for pack in packs:
        layers.append(_checked_layer(Path(pack), "Put the story pack's .tsv files in a lexicons/ folder"))
    if extra_dir is not None:
        layers.append(_checked_layer(Path(extra_dir), "Pass --lexicons a folder of .tsv files"))

    by_name: dict[str, Lexicon] = {}
    digest = hashlib.sha256()
    warnings: list[str] = []
    for name in SCHEMAS:
        merged: dict[str, Entry] = {}
        meta: dict[str, str] = {}
        files: list[str] = []
        for layer in layers:
            path = layer / f"{name}.tsv"
            if not path.is_file():
                if layer is base:
                    raise FramingInputError(path, "lexicon file is missing", "Restore it from the repository")
                continue
            raw = path.read_bytes()
            digest.update(name.encode() + b"\0" + raw)
            # Closed vocabularies are the bundled file's: a pack or --lexicons folder adds rows,
            # not new categories or roles, which the report, charts and tables are built around.
            closed = {k: v for k, v in meta.items() if k.startswith("allowed_")} if layer is not base else None
            file_meta, entries, absent = _parse_file(path, raw, name, closed=closed)
            meta.update({k: v for k, v in file_meta.items() if k not in (closed or {})})
            files.append(str(path))
            for entry in entries:
                merged[entry.key.lower()] = _inherit(entry, merged.get(entry.key.lower()), absent)
        lexicon = Lexicon(name, tuple(merged.values()), meta, tuple(files))
        if name in TERM_LEXICONS:
            warnings.extend(_unmatchable(lexicon))
        by_name[name] = lexicon
    loaded_scorer = _layered_scorer(layers, SCORER_FILE, RETRAIN, digest, required=False) if scorers else None
    learned, slant = _learned_models(layers, digest) if scorers else (None, None)
    attribution_scorer = (
        _layered_scorer(layers, ATTRIBUTION_SCORER_FILE, RETRAIN_ATTRIBUTION, digest) if scorers else None
    )
    frame_model = _layered_frame_model(layers, digest) if scorers else None
    matchers = {name: TermMatcher(by_name[name].entries) for name in TERM_LEXICONS}
    # Only rows that signal speech tell the quote parser a quote is speech: "refer to" is a cue
    # of attribution, but "the term “X” refers to …" holds a term at a distance.
    cues = {
        words[0]
        for entry in by_name["reporting_verbs"]
        if entry["signals_speech"] != "no" and (words := term_tokens(entry.key))
    }
    speech_cues = frozenset(cues | set(EXTRA_REPORTING_CUES))
    return Lexicons(
        by_name=by_name,
        checksum=digest.hexdigest()[:16],
        warnings=tuple(warnings),
        matchers=matchers,
        cleaning_rules=compile_rules(by_name["cleaning"]),
        sentence_rules=sentence_rules(((entry.key, entry["kind"]) for entry in by_name["abbreviations"]), speech_cues),
        reporting_cues=speech_cues,
        stop_words=frozenset(entry.key.lower() for entry in by_name["stop_words"]),
        loaded_scorer=loaded_scorer,
        attribution_scorer=attribution_scorer,
        learned_loaded=learned,
        slant_model=slant,
        frame_model=frame_model,
    )


def _layered_scorer(
    layers: Sequence[Path], filename: str, retrain: str, digest: Any, *, required: bool = True
) -> LinearScorer | None:
    """The model file of the last layer that has one (the bundled one otherwise), checked and hashed into
    the lexicon checksum: a model decides what is counted as much as a lexicon row does. A model that is
    not ``required`` (trained on data the MIT default cannot ship) is None when no layer has it."""
    path = next((layer / filename for layer in reversed(layers) if (layer / filename).is_file()), None)
    if path is None and not required:
        return None
    path = path or layers[0] / filename
    scorer = load_scorer(path, retrain)
    digest.update(filename.encode() + b"\0" + path.read_bytes())
    return scorer


def _learned_models(layers: Sequence[Path], digest: Any) -> tuple[LearnedLexicon | None, LinearScorer | None]:
    """The learned lexicon (model + word table, from the last layer holding either) and the slant model."""
    folder = next((layer for layer in reversed(layers)
                   if (layer / LEARNED_MODEL_FILE).is_file() or (layer / LEARNED_WORDS_FILE).is_file()), None)
    learned = None
    if folder is not None:
        scorer, demote_below = load_learned(folder)
        for name in (LEARNED_MODEL_FILE, LEARNED_WORDS_FILE):
            digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
        learned = LearnedLexicon(scorer, demote_below)
    return learned, _layered_scorer(layers, SLANT_FILE, RETRAIN_SLANT, digest, required=False)


def _layered_frame_model(layers: Sequence[Path], digest: Any) -> Any:
    """The frame model of the last layer that has one, hashed into the checksum; None when no layer has one."""
    from .features.policy_frames.model import MODEL_FILE, load_frame_model

    path = next((layer / MODEL_FILE for layer in reversed(layers) if (layer / MODEL_FILE).is_file()), None)
    if path is None:
        return None
    model = load_frame_model(path)
    digest.update(MODEL_FILE.encode() + b"\0" + path.read_bytes())
    return model


def _checked_layer(folder: Path, fix: str) -> Path:
    """A folder of lexicon files to layer over the bundled ones, checked for unknown names."""
    if not folder.is_dir():
        raise FramingInputError(folder, "no such lexicon folder", fix)
    unknown = sorted(p.name for p in folder.glob("*.tsv") if p.stem not in SCHEMAS and p.name != LEARNED_WORDS_FILE)
    if unknown:
        raise FramingInputError(
            folder / unknown[0],
            "is not a known lexicon file",
            f"Name it after one of: {', '.join(f'{n}.tsv' for n in SCHEMAS)}",
        )
    return folder


def _inherit(entry: Entry, replaced: Entry | None, absent: frozenset[str]) -> Entry:
    """An override row that leaves out optional columns keeps the replaced row's values for them.

    Re-listing "may" in an override without a ``rule`` column must not drop the rule that
    keeps "May 5" and "Theresa May" from counting as hedges.
    """
    if replaced is None or not absent:
        return entry
    return Entry(entry.key, {**entry.fields, **{c: replaced.fields[c] for c in absent}}, entry.file, entry.line)


def _parse_file(
    path: Path, raw: bytes, name: str, *, closed: Mapping[str, str] | None = None
) -> tuple[dict[str, str], list[Entry], frozenset[str]]:
    """Validated entries of one file, and the optional columns it leaves out.

    ``closed`` (the bundled file's ``allowed_<column>`` values) overrides the file's own lists;
    without it (the bundled file itself) each closed column must declare its list.
    """
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise FramingInputError(path, f"is not UTF-8 (byte {error.start})", "Save the file as UTF-8") from None
    schema = SCHEMAS[name]
    meta: dict[str, str] = {}
    header: list[str] | None = None
    allowed: dict[str, frozenset[str]] = {}
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for line_number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, sep, value = line[1:].partition(":")
            if sep and header is None and key.strip().isidentifier():
                meta[key.strip()] = value.strip()
            continue
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        where = f"{path}:{line_number}"
        if header is None:
            header = [cell.strip() for cell in cells]
            _check_header(where, header, schema)
            allowed = _allowed_values(path, schema, meta, closed)
            continue
        if len(cells) != len(header):
            raise FramingInputError(
                where,
                f"has {len(cells)} tab-separated fields, the header has {len(header)}",
                "Separate columns with one tab each; leave empty cells empty",
            )
        fields = {column.name: column.default for column in schema.columns}
        fields.update((column, cell.strip()) for column, cell in zip(header, cells, strict=True))
        key = fields[schema.key]
        for column in (schema.key, "source"):
            if not fields[column]:
                raise FramingInputError(
                    where, f"the {column!r} column is empty", "Every entry needs a term and a source"
                )
        for column, values in allowed.items():
            if column in header and fields[column] not in values:
                listed = ", ".join(sorted(v or "(empty)" for v in values))
                raise FramingInputError(
                    where,
                    f"{column} {fields[column]!r} is not one of: {listed}",
                    "Use one of the allowed values"
                    + (" (the bundled file's header lists them)" if closed else ", or add it to the header comment"),
                )
        _check_numbers(where, schema, fields)
        lowered = key.lower()
        if lowered in seen:
            raise FramingInputError(
                where, f"duplicate entry {key!r} (first on line {seen[lowered]})", "Keep one row per term"
            )
        seen[lowered] = line_number
        entries.append(Entry(key, fields, str(path), line_number))
    if header is None:
        raise FramingInputError(path, "has no header row", f"Start it with: {chr(9).join(schema.required)}")
    return meta, entries, frozenset(schema.names) - set(header)


def _check_numbers(where: str, schema: Schema, fields: Mapping[str, str]) -> None:
    """Columns declared as numbers (a cue's weight) must read as finite numbers."""
    for column in schema.columns:
        if column.number:
            try:
                value = float(fields[column.name])
            except ValueError:
                value = math.nan
            if not math.isfinite(value):
                raise FramingInputError(
                    where, f"{column.name} {fields[column.name]!r} is not a number", "Write a number such as 1 or 0.5"
                )


def _check_header(where: str, header: list[str], schema: Schema) -> None:
    """Every required column is there, and no column the code does not read."""
    optional = [c.name for c in schema.columns if not c.required]
    described = f"Required: {', '.join(schema.required)}" + (f"; optional: {', '.join(optional)}" if optional else "")
    missing = [column for column in schema.required if column not in header]
    if missing:
        raise FramingInputError(
            where, f"header lacks column(s) {', '.join(missing)}", f"{described} (tab-separated)"
        )
    unknown = [column for column in header if column not in schema.names]
    if unknown:
        raise FramingInputError(
            where, f"header has unknown column(s) {', '.join(map(repr, unknown))}",
            f"Remove or rename them. {described}",
        )
    doubled = sorted({column for column in header if header.count(column) > 1})
    if doubled:
        raise FramingInputError(where, f"header names column(s) twice: {', '.join(doubled)}", "Keep one of each")


def _allowed_values(
    path: Path, schema: Schema, meta: Mapping[str, str], closed: Mapping[str, str] | None
) -> dict[str, frozenset[str]]:
    """Each closed column's values: the bundled header's list, checked against the code's registry."""
    allowed: dict[str, frozenset[str]] = {}
    for column in schema.columns:
        if not column.closed:
            continue
        declared = (closed or {}).get(f"allowed_{column.name}") or meta.get(f"allowed_{column.name}")
        if not declared:
            if closed is None:  # the bundled file declares every closed vocabulary
                raise FramingInputError(
                    path, f"header lacks '# allowed_{column.name}:'", "List the column's values in the header"
                )
            continue
        values = parse_allowed(declared)
        if column.registry:
            unknown = sorted(values - {""} - registry_names(column.registry))
            if unknown:
                module = column.registry.partition(":")[0]
                raise FramingInputError(
                    path,
                    f"'# allowed_{column.name}:' names {', '.join(map(repr, unknown))}, which no rule in {module} "
                    "answers to",
                    f"Fix the spelling; known names: {', '.join(sorted(registry_names(column.registry)))}",
                )
        allowed[column.name] = values
    return allowed


def _unmatchable(lexicon: Lexicon) -> Iterator[str]:
    """Terms the tokenizer can never produce as written in running text."""
    for entry in lexicon.entries:
        tokens = tokenize(entry.key)
        where = f"{entry.file}:{entry.line}"
        if not tokens:
            yield f"{where}: term {entry.key!r} has no tokens and can never match"
        elif [t for _, _, t in tokenize(f"x {entry.key} x")][1:-1] != [t for _, _, t in tokens]:
            yield f"{where}: term {entry.key!r} tokenizes differently in running text and can never match"
        elif any(token_norm(t) != t.lower().replace("’", "'") for _, _, t in tokens if is_word(t)):
            yield f"{where}: term {entry.key!r} has a possessive form that the matcher strips"
