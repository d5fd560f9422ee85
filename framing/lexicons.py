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

import hashlib
import sys
from collections.abc import Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .corpus.cleaning import CleaningRule, compile_rules
from .corpus.segmentation import SentenceRules, sentence_rules
from .errors import FramingInputError
from .learned_words import LISTS_FILE as LEARNED_LISTS_FILE
from .learned_words import MODEL_FILE as LEARNED_MODEL_FILE
from .learned_words import RETRAIN_LEARNED as RETRAIN_SLANT
from .learned_words import WORDS_FILE as LEARNED_WORDS_FILE
from .learned_words import lexicon_drift, load_learned
from .lexicon_files import Entry, Lexicon, inherit_absent, parse_file, unmatchable
from .lexicon_schema import SCHEMAS
from .linear_model import RETRAIN, RETRAIN_ATTRIBUTION, LinearScorer, load_scorer
from .term_matcher import TermMatcher, term_tokens

# Entry, Lexicon (lexicon_files.py) and TermMatcher, term_tokens (term_matcher.py) are read from here.
__all__ = [
    "ATTRIBUTION_SCORER_FILE", "EXTRA_REPORTING_CUES", "SCORER_FILE", "SLANT_FILE", "TERM_LEXICONS", "Entry",
    "LearnedLexicon", "Lexicon", "Lexicons", "TermMatcher", "bundled_lexicon_dir", "load_lexicons", "term_tokens",
]

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
TERM_LEXICONS = ("hedges", "loaded", "loaded_drama", "loaded_idioms", "reporting_verbs", "source_kinds",
                 "headline_cues", "frame_cues")


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
    # word → the public word lists holding it (``list=`` features; learned_word_lists.tsv)
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict, hash=False, compare=False)
    # The threshold for a lone sentence (``provenance.sentence_threshold``); None: the scorer's, as for articles.
    sentence_threshold: float | None = None
    # The bar of the "possible" tier for articles (``provenance.possible_threshold``): a word scored from it up to
    # the confident threshold is shown as possible with its reason, never counted. None: one tier.
    possible_threshold: float | None = None

    def threshold_for(self, sentences: int) -> float:
        """The threshold a word must reach in a text of ``sentences`` sentences: a lone sentence has its own,
        chosen on lone annotated sentences (which hold far more loaded words than articles do)."""
        if sentences == 1 and self.sentence_threshold is not None:
            return self.sentence_threshold
        return self.scorer.threshold

    def shown_from(self, sentences: int) -> float:
        """The lowest score at which a word is shown at all in a text of ``sentences`` sentences: the possible
        tier's bar in an article (chosen on articles: BASIL's events), else the confident threshold."""
        confident = self.threshold_for(sentences)
        if sentences > 1 and self.possible_threshold is not None:
            return min(self.possible_threshold, confident)
        return confident

    @cached_property
    def context_ceiling_voice(self) -> float:
        """The most a word's voice can add, so scoring can skip a word that could not reach the threshold in
        any voice (features/learned_bound.py, ``reachable``)."""
        return max([0.0, *(w for name, w in self.scorer.weights.items() if name.startswith("voice="))])

    @cached_property
    def lexicon_ceiling(self) -> float:
        """The most lexicon memberships can add to a word's score (every positive ``lexicon=`` weight)."""
        return sum(max(0.0, w) for name, w in self.scorer.weights.items() if name.startswith("lexicon="))

    @cached_property
    def positive_lexicons(self) -> tuple[tuple[str, float], ...]:
        """The memberships that can raise a word's score, with their weights (``loaded:<category>``,
        ``hedges``...; features/learned_bound.py)."""
        prefix = "lexicon="
        return tuple(sorted((name[len(prefix):], w) for name, w in self.scorer.weights.items()
                            if name.startswith(prefix) and w > 0))

    @cached_property
    def word_weights(self) -> dict[str, float]:
        """Memo: a word's own weight (word, stem, ending), filled as words are met (a corpus repeats them)."""
        return {}

    @cached_property
    def neighbour_ceiling(self) -> float:
        """The most a word's two neighbours can add to its score (the highest ``prev=`` and ``next=`` weights, or
        0), so scoring can skip a word that could not reach the threshold between any neighbours
        (features/learned_bound.py, ``hopeful_tokens``)."""
        return sum(max([0.0, *weights.values()]) for weights in self.neighbour_weights)

    @cached_property
    def neighbour_weights(self) -> tuple[dict[str, float], dict[str, float]]:
        """The ``prev=`` and ``next=`` weights by the neighbouring word."""
        weights = self.scorer.weights
        return ({name[5:]: w for name, w in weights.items() if name.startswith("prev=")},
                {name[5:]: w for name, w in weights.items() if name.startswith("next=")})


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

    digest = hashlib.sha256()
    warnings: list[str] = []
    by_name = {name: _layered_lexicon(name, layers, digest, warnings) for name in SCHEMAS}
    loaded_scorer = _layered_scorer(layers, SCORER_FILE, RETRAIN, digest, required=False) if scorers else None
    learned, slant = _learned_models(layers, digest) if scorers else (None, None)
    if learned is not None:  # (the model's lexicon= features are pinned to the rows it was trained with)
        warnings.extend(lexicon_drift(learned.scorer.provenance, by_name))
    attribution_scorer = (
        _layered_scorer(layers, ATTRIBUTION_SCORER_FILE, RETRAIN_ATTRIBUTION, digest) if scorers else None
    )
    frame_model = _layered_frame_model(layers, digest) if scorers else None
    matchers = {name: TermMatcher(by_name[name].entries) for name in TERM_LEXICONS}
    speech_cues = _speech_cues(by_name["reporting_verbs"])
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


def _layered_lexicon(name: str, layers: Sequence[Path], digest: Any, warnings: list[str]) -> Lexicon:
    """One lexicon with every layer's rows over the bundled file's (the first layer), hashed into ``digest``."""
    base = layers[0]
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
        file_meta, entries, absent = parse_file(path, raw, name, closed=closed)
        meta.update({k: v for k, v in file_meta.items() if k not in (closed or {})})
        files.append(str(path))
        for entry in entries:
            merged[entry.key.lower()] = inherit_absent(entry, merged.get(entry.key.lower()), absent)
    lexicon = Lexicon(name, tuple(merged.values()), meta, tuple(files))
    if name in TERM_LEXICONS:
        warnings.extend(unmatchable(lexicon))
    return lexicon


def _speech_cues(reporting_verbs: Lexicon) -> frozenset[str]:
    """First words of the reporting-verb rows that signal speech, and the extra cues.

    Only rows that signal speech tell the quote parser a quote is speech: "refer to" is a cue
    of attribution, but "the term “X” refers to …" holds a term at a distance.
    """
    cues = {
        words[0] for entry in reporting_verbs if entry["signals_speech"] != "no" and (words := term_tokens(entry.key))
    }
    return frozenset(cues | set(EXTRA_REPORTING_CUES))


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
        scorer, demote_below, lists, (sentence_threshold, possible_threshold) = load_learned(folder)
        for name in (LEARNED_MODEL_FILE, LEARNED_WORDS_FILE, LEARNED_LISTS_FILE):
            if name != LEARNED_LISTS_FILE or lists:
                digest.update(name.encode() + b"\0" + (folder / name).read_bytes())
        learned = LearnedLexicon(scorer, demote_below, lists, sentence_threshold, possible_threshold)
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
    model_tables = (LEARNED_WORDS_FILE, LEARNED_LISTS_FILE)  # (the learned lexicon's own tables)
    unknown = sorted(p.name for p in folder.glob("*.tsv") if p.stem not in SCHEMAS and p.name not in model_tables)
    if unknown:
        raise FramingInputError(
            folder / unknown[0],
            "is not a known lexicon file",
            f"Name it after one of: {', '.join(f'{n}.tsv' for n in SCHEMAS)}",
        )
    return folder
