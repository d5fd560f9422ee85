"""One function per benchmark task: run framing's extractors on a public dataset and score them.

Each ``evaluate_*`` function reads a dataset, parses every row once, runs only the
extractors the task needs, and returns a plain dict of figures (JSON-ready) together
with an error analysis: the most frequent false positives and false negatives, so the
people who maintain lexicons and rules can see *which words* cost precision or recall.

The ``score_*`` functions are pure (gold records + predicted spans in, figures out),
so tests can check them on hand-made rows without the datasets.
"""

from __future__ import annotations

import json
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from benchmarks.evaluation.frames import evaluate_frames
from framing.corpus.segmentation import is_word, token_norm, tokenize
from framing.document import Document, Span
from framing.errors import FramingInputError
from framing.features.loaded import SCARE_LABEL
from framing.lexicons import Lexicons

from .datasets import (
    BABE,
    HEDGES_FACTBANK,
    HEDGES_WIKI,
    ONESTOP,
    POLNEAR,
    BabeSentence,
    HedgeSentence,
    LevelledText,
    PolnearDoc,
    dataset_file,
    polnear_cue_texts,
    read_babe,
    read_hedges,
    read_onestop,
    read_polnear,
    to_document,
)
from .gold_task import evaluate_gold
from .metrics import Scores, bag_scores, binary_f1, match_fragments, match_spans, ordering_accuracy, overlaps
from .stories import evaluate_stories

# Szeged cue types that are epistemic hedges in framing's sense; "if" (condition) and
# "whether" (investigation) mark non-factual clauses rather than the writer's doubt.
EPISTEMIC_TYPES = frozenset({"speculation_modal_probable", "speculation_modal_possible", "speculation_hypo_doxastic"})
CONDITION_TYPES = frozenset({"speculation_hypo_condition"})
INVESTIGATION_TYPES = frozenset({"speculation_hypo_investigation"})
# Which Szeged Uncertainty Corpus cue types (Szarvas et al. 2012) each framing hedge category
# corresponds to. Epistemic modals, verbs, adverbs, adjectives and nouns of possibility,
# evidentials and opinion markers are Szeged's modal and doxastic speculation; framing's
# conditional and investigation cues are its hypothetical condition and investigation types.
# Approximators ("about 80", "at least 21") map to nothing: they hedge the precision of a
# quantity, which Szeged does not annotate, so the "szeged_categories" figure leaves them out
# (framing still counts them as vagueness). A category missing here is taken as epistemic.
SZEGED_TYPES_OF_CATEGORY: dict[str, frozenset[str]] = {
    "modal": EPISTEMIC_TYPES,
    "verb": EPISTEMIC_TYPES,
    "adverb": EPISTEMIC_TYPES,
    "adjective": EPISTEMIC_TYPES,
    "noun": EPISTEMIC_TYPES,
    "evidential": EPISTEMIC_TYPES,
    "other": EPISTEMIC_TYPES,
    "conditional": CONDITION_TYPES,
    "investigation": INVESTIGATION_TYPES,
    "approximator": frozenset(),
}
QUOTE_MARKS = frozenset('"“”«»')
TOP_ERRORS = 15
SOURCE_KIND_LABELS = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "source_kind_labels.jsonl"


def run_extractors_named(doc: Document, lexicons: Lexicons, names: Sequence[str]) -> list[Span]:
    """Spans of the named extractors only, in framing's run order (quotes before attribution)."""
    from framing.features import extractors

    spans: list[Span] = []
    for name, extract in extractors().items():
        if name in names:
            spans.extend(extract(doc, lexicons).spans)
    return spans


def _top(counter: Counter[str]) -> list[list[Any]]:
    return [[text, count] for text, count in counter.most_common(TOP_ERRORS)]


def _lower(text: str) -> str:
    return " ".join(text.lower().split())


# --- Hedges -----------------------------------------------------------------------------------


def szeged_types(category: str) -> frozenset[str]:
    """The Szeged cue types a framing hedge category corresponds to (:data:`SZEGED_TYPES_OF_CATEGORY`)."""
    return SZEGED_TYPES_OF_CATEGORY.get(category, EPISTEMIC_TYPES)


def szeged_annotates(category: str) -> bool:
    """Whether Szeged annotates some cue type of this framing hedge category (approximators: no)."""
    return bool(szeged_types(category))


# Each hedges figure: (name, Szeged cue types kept in gold (None: all), which framing categories
# are compared, what the figure means). Predictions of other categories are set aside, as are
# predictions that overlap a gold cue of a type not kept: that annotation says nothing about them.
HEDGE_VARIANTS: tuple[tuple[str, frozenset[str] | None, Callable[[str], bool], str], ...] = (
    ("all_cues", None, lambda category: True,
     "every framing hedge category against every Szeged cue type"),
    ("szeged_categories", None, szeged_annotates,
     "framing categories Szeged annotates against every Szeged cue type; approximators set aside"),
    ("epistemic_cues", EPISTEMIC_TYPES, lambda category: szeged_types(category) <= EPISTEMIC_TYPES,
     "Szeged's modal and doxastic cues; framing's conditional and investigation cues set aside"),
    ("epistemic_cues_no_approximators", EPISTEMIC_TYPES,
     lambda category: bool(szeged_types(category)) and szeged_types(category) <= EPISTEMIC_TYPES,
     "Szeged's modal and doxastic cues; framing's conditional, investigation and approximator cues set aside"),
)

# The like-for-like figure on the spans framing counts only: a span marked ``confidence: possible``
# (framing.features.hedge_doubts: an accusation, a conditional's "will") is shown but not counted, and
# the Szeged guidelines annotate most of them, so the figure above scores every shown span.
COUNTED_VARIANT = "szeged_categories_counted"
COUNTED_MEANING = "as szeged_categories, on the spans framing counts (those marked possible set aside)"


def score_hedges(sentences: Sequence[HedgeSentence], predicted: dict[str, list[Span]]) -> dict[str, Any]:
    """Cue-level (overlap, exact) and sentence-level scores, one set per :data:`HEDGE_VARIANTS` entry.

    ``szeged_categories`` is the like-for-like figure: framing's categories are mapped to
    Szeged's cue types (:data:`SZEGED_TYPES_OF_CATEGORY`) and those Szeged does not
    annotate (approximators) are set aside. ``all_cues`` scores every framing hedge.
    For the epistemic figures, gold is restricted to :data:`EPISTEMIC_TYPES` and a prediction
    that overlaps a non-epistemic gold cue ("if", "whether") is set aside, neither right nor
    wrong, because that annotation says nothing about it in the restricted task.
    """
    texts = {s.id: s.text for s in sentences}
    result: dict[str, Any] = {
        "sentences": len(sentences),
        "uncertain_sentences": sum(s.uncertain for s in sentences),
        "gold_cues": sum(len(s.cues) for s in sentences),
        "predicted_spans": sum(len(predicted.get(s.id, [])) for s in sentences),
        "szeged_types_of_category": {c: sorted(t) for c, t in SZEGED_TYPES_OF_CATEGORY.items()},
    }
    for name, keep, compared, meaning in HEDGE_VARIANTS:
        result[name] = {"compares": meaning, **_score_variant(sentences, predicted, keep, compared, texts)}
    counted = {key: [span for span in spans if span.counted] for key, spans in predicted.items()}
    result[COUNTED_VARIANT] = {"compares": COUNTED_MEANING,
                               **_score_variant(sentences, counted, None, szeged_annotates, texts)}
    false_by_category: Counter[str] = Counter()
    for sentence in sentences:
        for s in predicted.get(sentence.id, []):
            if not any(overlaps(s.start, s.end, [(c.start, c.end)]) for c in sentence.cues):
                false_by_category[s.category or "(none)"] += 1
    result["false_positives_by_category"] = dict(false_by_category.most_common())
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for sentence in sentences:
        spans = predicted.get(sentence.id, [])
        for cue in sentence.cues:
            by_type[cue.type][1] += 1
            by_type[cue.type][0] += any(overlaps(s.start, s.end, [(cue.start, cue.end)]) for s in spans)
    result["recall_by_type"] = {t: round(found / total, 3) for t, (found, total) in sorted(by_type.items())}
    return result


def _score_variant(
    sentences: Sequence[HedgeSentence], predicted: dict[str, list[Span]], keep: frozenset[str] | None,
    compared: Callable[[str], bool], texts: dict[str, str],
) -> dict[str, Any]:
    """Cue (overlap, exact) and sentence scores of one variant: gold cues of the ``keep`` types, predictions
    of the ``compared`` categories that overlap no set-aside gold cue."""
    pred_keys: list[tuple[str, int, int]] = []
    gold_keys: list[tuple[str, int, int]] = []
    gold_flags: list[bool] = []
    pred_flags: list[bool] = []
    for sentence in sentences:
        kept = [c for c in sentence.cues if keep is None or c.type in keep]
        ignored = [(c.start, c.end) for c in sentence.cues if keep is not None and c.type not in keep]
        spans = [
            (sentence.id, s.start, s.end)
            for s in predicted.get(sentence.id, [])
            if not overlaps(s.start, s.end, ignored) and compared(s.category)
        ]
        pred_keys.extend(spans)
        gold_keys.extend((sentence.id, c.start, c.end) for c in kept)
        gold_flags.append(bool(kept))
        pred_flags.append(bool(spans))
    overlap, _, false_pos, false_neg = match_spans(pred_keys, gold_keys, mode="overlap")
    exact = match_spans(pred_keys, gold_keys, mode="exact")[0]
    return {
        "cue_overlap": overlap.as_dict(),
        "cue_exact": exact.as_dict(),
        "sentence": binary_f1(pred_flags, gold_flags).as_dict(),
        "top_false_positives": _top(Counter(_lower(texts[d][s:e]) for d, s, e in false_pos)),
        "top_false_negatives": _top(Counter(_lower(texts[d][s:e]) for d, s, e in false_neg)),
    }


def evaluate_hedges(data_dir: str | Path, lexicons: Lexicons, limit: int | None = None) -> dict[str, Any]:
    """Szeged FactBank (news, development half) and Szeged Wikipedia, one Document per sentence."""
    results: dict[str, Any] = {}
    for name, relative in (("factbank", HEDGES_FACTBANK), ("wikipedia", HEDGES_WIKI)):
        sentences = read_hedges(dataset_file(data_dir, relative), limit)
        predicted = {
            s.id: [span for span in run_extractors_named(to_document(s.text, lexicons, s.id), lexicons, ["hedging"])
                   if span.type == "hedge"]
            for s in sentences
        }
        results[name] = score_hedges(sentences, predicted)
    return results


# --- Attribution ------------------------------------------------------------------------------


def is_direct(content_text: str) -> bool:
    """PolNeAR contents with quotation marks are direct quotes (the dataset README's rule)."""
    return any(mark in QUOTE_MARKS for mark in content_text)


def _speaker_offsets(span: Span) -> tuple[int, int] | None:
    start, end = span.attrs.get("speaker_start"), span.attrs.get("speaker_end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return start, end
    return None


def _content_spans(spans: Iterable[Span]) -> list[tuple[int, int]]:
    """What we claim as reported content: quote spans, plus any content offsets an attribution carries.

    An attribution's content that overlaps a quote span is the same content claimed twice
    ("“…,” he said" reports the quote), so it is counted once, as the quote.
    """
    spans = list(spans)
    found = [(span.start, span.end) for span in spans if span.type == "quote"]
    quoted = list(found)
    for span in spans:
        if span.type == "attribution":
            start, end = span.attrs.get("content_start"), span.attrs.get("content_end")
            if isinstance(start, int) and isinstance(end, int) and end > start and not overlaps(start, end, quoted):
                found.append((start, end))
    return found


def _shared_name(predicted: str, gold: str) -> bool:
    """Lenient speaker check: the same words, or a capitalized word in common ("Clinton" vs "Hillary Clinton").

    It forgives pointing at another mention of the same speaker, which strict offsets do not.
    """
    if predicted and _lower(predicted) == _lower(gold):
        return True
    names = {t[2].lower() for t in tokenize(predicted) if t[2][:1].isupper()}
    return bool(names & {t[2].lower() for t in tokenize(gold) if t[2][:1].isupper()})


def score_attribution(docs: Sequence[PolnearDoc], predicted: dict[str, list[Span]]) -> dict[str, Any]:
    """Cue P/R/F1, content overlap F1, direct-quote recall and speaker accuracy on PolNeAR."""
    texts = {doc.filename: doc.text for doc in docs}
    cue_pred, cue_gold, src_pred, src_gold, content_pred, content_gold = [], [], [], [], [], []
    direct_total = direct_found = speaker_total = speaker_right = speaker_lenient = 0
    speaker_errors: Counter[str] = Counter()
    missed_direct: Counter[str] = Counter()
    quote_pred = quote_hits = 0
    for doc in docs:
        name = doc.filename
        spans = predicted.get(name, [])
        cue_pred += [(name, s.start, s.end) for s in spans if s.type == "attribution"]
        src_pred += [(name, s.start, s.end) for s in spans if s.type == "source"]
        contents = _content_spans(spans)
        content_pred += [(name, start, end) for start, end in contents]
        gold_contents = [a.content.fragments for a in doc.attributions if a.content]
        quotes = [s for s in spans if s.type == "quote"]
        quote_pred += len(quotes)
        quote_hits += sum(1 for q in quotes if any(overlaps(q.start, q.end, g) for g in gold_contents))
        for attribution in doc.attributions:
            if attribution.cue:
                cue_gold.append((name, attribution.cue.fragments))
            if attribution.source:
                src_gold.append((name, attribution.source.fragments))
            if not attribution.content:
                continue
            content_gold.append((name, attribution.content.fragments))
            if not is_direct(attribution.content.text):
                continue
            direct_total += 1
            pieces = attribution.content.fragments
            hits = [q for q in quotes if overlaps(q.start, q.end, pieces)]
            if not hits:
                cue_text = attribution.cue.text if attribution.cue else ""
                missed_direct[_lower(cue_text) or "(no cue)"] += 1
                continue
            direct_found += 1
            if not attribution.source:
                continue
            quote = max(hits, key=lambda q: sum(max(0, min(q.end, e) - max(q.start, s)) for s, e in pieces))
            speaker_total += 1
            offsets = _speaker_offsets(quote)
            strict = offsets is not None and overlaps(*offsets, attribution.source.fragments)
            speaker_text = str(quote.attrs.get("speaker", ""))
            speaker_right += strict
            speaker_lenient += strict or _shared_name(speaker_text, attribution.source.text)
            if not strict:
                speaker_errors[f"{_lower(attribution.source.text)} -> {_lower(speaker_text) or '(none)'}"] += 1
    cues, _, cue_fp, cue_fn = match_fragments(cue_pred, cue_gold)
    sources = match_fragments(src_pred, src_gold)[0]
    content = match_fragments(content_pred, content_gold)[0]
    direct_quotes = Scores(quote_hits, quote_pred - quote_hits, direct_total - direct_found)
    counts = Counter(span.type for spans in predicted.values() for span in spans)
    return {
        "documents": len(docs),
        "gold_attributions": sum(len(doc.attributions) for doc in docs),
        "predicted_spans": {kind: counts[kind] for kind in ("attribution", "quote", "source")},
        "cue": cues.as_dict(),
        "source_span": sources.as_dict(),
        "content_overlap": content.as_dict(),
        "direct_quotes": {
            **direct_quotes.as_dict(),
            "note": "precision: quote spans overlapping any gold content; recall: direct gold contents found",
        },
        "speaker_accuracy": round(speaker_right / speaker_total, 3) if speaker_total else 0.0,
        "speaker_accuracy_lenient": round(speaker_lenient / speaker_total, 3) if speaker_total else 0.0,
        "speaker_judged": speaker_total,
        "cue_top_false_positives": _top(Counter(_lower(texts[d][s:e]) for d, s, e in cue_fp)),
        "cue_top_false_negatives": _top(
            Counter(_lower(" ".join(texts[d][s:e] for s, e in pieces)) for d, pieces in cue_fn)
        ),
        "direct_quotes_missed_by_cue": _top(missed_direct),
        "speaker_top_errors": _top(speaker_errors),
    }


def read_source_kind_labels(path: str | Path) -> list[dict[str, Any]]:
    """Our hand labels: rows ``{filename, start, end, kind}`` (offsets into PolNeAR's text)."""
    rows = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        row = json.loads(line)
        missing = [key for key in ("filename", "start", "end", "kind") if key not in row]
        if missing:
            raise FramingInputError(f"{path}:{number}", f"lacks {', '.join(missing)}", "")
        rows.append(row)
    return rows


def predicted_source_kind(spans: Sequence[Span], start: int, end: int) -> str | None:
    """The kind we give the words ``[start, end)``: an overlapping source span's, else a quote speaker's."""

    def shared(a: int, b: int) -> int:
        return max(0, min(b, end) - max(a, start))

    sources = [s for s in spans if s.type == "source" and shared(s.start, s.end)]
    if sources:
        return max(sources, key=lambda s: shared(s.start, s.end)).category or ""
    for quote in spans:
        offsets = _speaker_offsets(quote) if quote.type == "quote" else None
        if offsets and shared(*offsets):
            return str(quote.attrs.get("speaker_kind", ""))
    return None


def score_source_kinds(
    labels: Sequence[dict[str, Any]],
    docs: dict[str, PolnearDoc],
    predicted: dict[str, list[Span]],
    known_kinds: Collection[str] = (),
) -> dict[str, Any]:
    """Accuracy of our source kind on hand-labelled gold sources, where we found the source at all.

    Our labels include kinds framing may not predict (``pronoun``, ``document``); besides the
    accuracy over every found source, ``accuracy_known_kinds`` counts only labels among
    ``known_kinds`` (the kinds the source_kinds lexicon allows), so the two are not confused.
    """
    confusion: Counter[str] = Counter()
    judged = found = right = found_known = right_known = 0
    for row in labels:
        doc = docs.get(row["filename"])
        if doc is None:
            continue
        if not (0 <= row["start"] < row["end"] <= len(doc.text)):
            raise FramingInputError(row["filename"], f"label offsets {row['start']}–{row['end']} fall outside the text")
        judged += 1
        kind = predicted_source_kind(predicted.get(row["filename"], []), row["start"], row["end"])
        if kind is None:
            continue
        found += 1
        right += kind == row["kind"]
        if row["kind"] in known_kinds:
            found_known += 1
            right_known += kind == row["kind"]
        if kind != row["kind"]:
            confusion[f"{row['kind']} -> {kind or '(none)'}"] += 1
    return {
        "labelled": len(labels),
        "judged": judged,
        "found": found,
        "coverage": round(found / judged, 3) if judged else 0.0,
        "accuracy": round(right / found, 3) if found else 0.0,
        "accuracy_known_kinds": round(right_known / found_known, 3) if found_known else 0.0,
        "known_kinds": sorted(known_kinds),
        "label_counts": dict(Counter(row["kind"] for row in labels).most_common()),
        "top_confusions": _top(confusion),
    }


# Thresholds of the cross-validated precision–recall curve of the attribution scorer.
CUE_CURVE = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


def cross_validated_cues(docs: Sequence[PolnearDoc], lexicons: Lexicons) -> dict[str, Any]:
    """Cue P/R of the attribution scorer refitted per fold, each document predicted by a model that never saw it.

    The shipped model was trained on these same documents, so its figure above is
    in-sample; this one is what to expect on other news of the kind. The candidates and
    their labels are the training script's (:func:`framing.training.attribution_examples`),
    the folds :func:`framing.training.cross_validated_probabilities` (grouped by document),
    and each threshold's kept candidates are matched to the gold cues like the spans above.
    """
    from framing.training import attribution_examples, cross_validated_probabilities

    examples = attribution_examples(polnear_cue_texts(docs), lexicons)
    held_out = cross_validated_probabilities(examples)
    gold = [(doc.filename, a.cue.fragments) for doc in docs for a in doc.attributions if a.cue]

    def at(threshold: float) -> dict[str, Any]:
        kept = [example.span for example, p in zip(examples, held_out, strict=True) if p >= threshold]
        return {"threshold": threshold, **match_fragments(kept, gold)[0].as_dict()}

    curve = [at(threshold) for threshold in CUE_CURVE]
    scorer = lexicons.attribution_scorer
    return {
        "method": "5-fold GroupKFold by document; logistic regression refitted per fold on the other documents",
        "candidates": len(examples),
        "candidate_recall_ceiling": match_fragments([e.span for e in examples], gold)[0].as_dict()["recall"],
        "at_shipped_threshold": at(scorer.threshold) if scorer is not None else None,
        "curve": curve,
    }


def evaluate_attribution(
    data_dir: str | Path,
    lexicons: Lexicons,
    limit: int | None = None,
    labels_path: str | Path = SOURCE_KIND_LABELS,
) -> dict[str, Any]:
    """PolNeAR dev + train (one annotation per article), each article parsed once."""
    docs = read_polnear(dataset_file(data_dir, POLNEAR), limit)
    predicted = {
        doc.filename: run_extractors_named(
            to_document(doc.text, lexicons, doc.filename), lexicons, ["reported_speech"]
        )
        for doc in docs
    }
    result = score_attribution(docs, predicted)
    result["split"] = "+".join(sorted({doc.compartment for doc in docs}))
    dev = [doc for doc in docs if doc.compartment == "dev"]
    if dev and len(dev) < len(docs):
        # PolNeAR's own dev split alone, so the figures can be compared with work that uses it.
        dev_scores = score_attribution(dev, predicted)
        keys = ("documents", "cue", "content_overlap", "direct_quotes", "speaker_accuracy", "speaker_judged")
        result["dev_only"] = {key: dev_scores[key] for key in keys}
    result["cross_validated"] = cross_validated_cues(docs, lexicons)
    if Path(labels_path).is_file():
        labels = read_source_kind_labels(labels_path)
        allowed = lexicons["source_kinds"].meta.get("allowed_kind", "")
        known = {kind.strip() for kind in allowed.split(",") if kind.strip()}
        result["source_kind"] = score_source_kinds(labels, {doc.filename: doc for doc in docs}, predicted, known)
    return result


# --- Loaded language (BABE) -------------------------------------------------------------------


def word_norms(text: str) -> list[str]:
    """Words of a phrase as framing normalizes them (lower case, no possessive, no quote marks)."""
    return [token_norm(t[2]) for t in tokenize(text) if is_word(t[2])]


def loaded_words(doc: Document, spans: Iterable[Span], *, own_words_only: bool = True) -> set[str]:
    """The normalized words inside loaded spans, by default only the writer's own.

    BABE's annotators mark the words in which the text's author takes sides. A loaded
    word inside a speech quote is the speaker's (framing reports it, split into quoted
    words), and the words inside a scare quote are the ones the writer holds at a
    distance: there the bias is in the quotation marks, which a word list cannot mark
    (a lexicon term inside the scare quote still counts: its ``term_spans``). So the
    word-level comparison leaves both out unless ``own_words_only`` is off.
    """
    words: set[str] = set()
    for span in spans:
        if span.type != "loaded" or not span.counted:  # a "possible" finding: shown, not counted
            continue
        # A lexicon term inside a scare quote is one finding with it (``term_spans``), and its words count.
        scare = own_words_only and span.label == SCARE_LABEL
        ranges = [tuple(r) for r in span.attrs.get("term_spans", [])] if scare else [(span.start, span.end)]
        words.update(
            t.norm
            for t in doc.tokens
            if t.is_word
            and any(start <= t.start and t.end <= end for start, end in ranges)
            and not (own_words_only and doc.is_quoted(t.start, t.end))
        )
    return words


def score_biased_words(sentences: Sequence[BabeSentence], predicted_words: dict[str, set[str]]) -> dict[str, Any]:
    """Per-word P/R/F1 against BABE's ``biased_words``, on Biased and Non-biased sentences."""
    total = Scores(0, 0, 0)
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for sentence in sentences:
        gold = {word for phrase in sentence.biased_words for word in word_norms(phrase)}
        found = predicted_words.get(sentence.id, set())
        total = total + bag_scores(found, gold)
        fp.update(found - gold)
        fn.update(gold - found)
    return {**total.as_dict(), "top_false_positives": _top(fp), "top_false_negatives": _top(fn)}


# Readability ratios (not the grade formulas, which are combinations of them).
READABILITY_FEATURES = ("words_per_sentence", "syllables_per_word", "complex_word_share")


def sentence_features(doc: Document, lexicons: Lexicons) -> dict[str, float]:
    """Named, countable properties of one sentence, all computed by framing at run time.

    Counts are log-scaled (``log1p``): one loaded word in a sentence matters, the fifth
    much less, and per-1,000-word rates of a 25-word sentence only add noise. Besides
    every span type and category count (loaded words by category, hedges by kind,
    reporting verbs by stance, sources by kind, quotes, scare quotes), it keeps the
    loaded words in the writer's own voice apart from quoted ones, the share of quoted
    words, the readability ratios, and the register cues of
    :func:`framing.features.register.register_cues` (first and second person,
    contractions, "!", "?", dashes, capitals, ``-ly`` adverbs, superlatives, digit and
    capital shares). Nothing here describes text on its own: it only assembles and scales.
    """
    from math import log1p

    from framing.features import run_extractors
    from framing.features.register import COUNT_CUES, register_cues

    values, spans = run_extractors(doc, lexicons)
    row = {k: log1p(v) for k, v in values.items() if k.endswith("_count") and isinstance(v, (int, float))}
    own_loaded = [s for s in spans if s.type == "loaded" and not doc.is_quoted(s.start, s.end)]
    row["loaded_own_count"] = log1p(len(own_loaded))
    row["n_words"] = log1p(sum(t.is_word for t in doc.tokens))
    row["quoted_word_share"] = doc.n_quoted_words / max(1, sum(t.is_word for t in doc.tokens))
    row.update({k: log1p(v) if k in COUNT_CUES else v for k, v in register_cues(doc).items()})
    row.update({k: float(values[k]) for k in READABILITY_FEATURES if isinstance(values.get(k), (int, float))})
    return row


def feature_matrix(docs: Sequence[Document], lexicons: Lexicons) -> tuple[Any, list[str], str]:
    """One row of :func:`sentence_features` per parsed sentence, columns named (absent counts are 0)."""
    from sklearn.feature_extraction import DictVectorizer

    rows = [sentence_features(doc, lexicons) for doc in docs]
    vectorizer = DictVectorizer(sparse=False)
    matrix = vectorizer.fit_transform(rows)
    return matrix, list(vectorizer.get_feature_names_out()), "benchmarks.evaluation.tasks.sentence_features"


def classify_sentences(
    matrix: Any, labels: Sequence[str], names: Sequence[str] = (), folds: int = 5
) -> dict[str, Any]:
    """Macro-F1 of a logistic regression on transparent features, stratified k-fold CV (seed 0).

    The weights of a model fitted on all rows are reported too, so a reader can see which
    framing features carry the decision; a positive weight favours ``weights_favour`` (the
    second label in sorted order). Features are standardised inside each training fold, and
    nothing else is fitted on the data: the lexicons behind the features are fixed beforehand.
    C stays at 1: choosing it by nested CV (0.01 to 1) gave the same BABE macro-F1 (0.723).
    """
    import numpy as np
    from sklearn.dummy import DummyClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import f1_score
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    y = np.asarray(labels)
    x = np.nan_to_num(np.asarray(matrix, dtype=float))
    cv = StratifiedKFold(n_splits=folds, shuffle=True, random_state=0)
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=2000, class_weight="balanced"))
    predicted = cross_val_predict(model, x, y, cv=cv)
    baseline = cross_val_predict(DummyClassifier(strategy="stratified", random_state=0), x, y, cv=cv)
    fitted = model.fit(x, y)[-1]
    weights = fitted.coef_[0]
    order = np.argsort(-np.abs(weights))[:TOP_ERRORS]
    return {
        "top_weights": [[names[i] if i < len(names) else f"x{i}", round(float(weights[i]), 3)] for i in order],
        "weights_favour": str(fitted.classes_[1]),
        "macro_f1": round(float(f1_score(y, predicted, average="macro")), 3),
        "chance_macro_f1": round(float(f1_score(y, baseline, average="macro")), 3),
        "folds": folds,
        "sentences": len(y),
        "features": x.shape[1],
    }


def evaluate_bias(data_dir: str | Path, lexicons: Lexicons, limit: int | None = None) -> dict[str, Any]:
    """BABE: loaded words vs ``biased_words``, and a feature-based sentence classifier.

    The learned lexicon and slant model of the optional set were fitted on this very half, so they
    are left out of ``lexicons`` here and scored only from held-out predictions (``words_learned``).
    """
    from .learned import model_lists

    lists = model_lists(lexicons)  # (the word lists the shipped model reads: the retraining reads them too)
    lexicons = replace(lexicons, learned_loaded=None, slant_model=None)
    sentences = [s for s in read_babe(dataset_file(data_dir, BABE), limit) if s.label in ("Biased", "Non-biased")]
    docs = [to_document(sentence.text, lexicons, sentence.id) for sentence in sentences]  # parsed once, used twice
    predicted_words: dict[str, set[str]] = {}
    rules_only_words: dict[str, set[str]] = {}
    # The lexicon and its rules alone: the optional learned models were trained on BABE's dev half.
    rules_only = replace(lexicons, loaded_scorer=None, learned_loaded=None, slant_model=None)
    flags = []
    for sentence, doc in zip(sentences, docs, strict=True):
        spans = run_extractors_named(doc, lexicons, ["loaded"])
        predicted_words[sentence.id] = loaded_words(doc, spans)
        rules_only_words[sentence.id] = loaded_words(doc, run_extractors_named(doc, rules_only, ["loaded"]))
        flags.append(any(span.type == "loaded" for span in spans))
    gold_flags = [s.label == "Biased" for s in sentences]
    result: dict[str, Any] = {
        "sentences": len(sentences),
        "biased_sentences": sum(gold_flags),
        "words": score_biased_words(sentences, predicted_words),
        "words_rules_only": score_biased_words(sentences, rules_only_words),
        "predicted_loaded_sentences": sum(flags),
        "sentence_any_loaded": binary_f1(flags, gold_flags).as_dict(),
    }
    if len(set(gold_flags)) == 2 and min(sum(gold_flags), len(gold_flags) - sum(gold_flags)) >= 5:
        matrix, names, origin = feature_matrix(docs, lexicons)
        scores = classify_sentences(matrix, [s.label for s in sentences], names)
        result["classifier"] = {**scores, "feature_source": origin}
        result.update(learned_bias_figures(sentences, docs, rules_only, data_dir, (matrix, names), lists))
    return result


def learned_bias_figures(sentences: Sequence[BabeSentence], docs: Sequence[Document], rules_only: Lexicons,
                         data_dir: str | Path, features: tuple[Any, list[str]], lists: frozenset = frozenset(),
                         ) -> dict[str, Any]:
    """BABE with the learned lexicon and slant model, from held-out predictions only (benchmarks/evaluation/learned.py).

    ``words_learned``: biased-word scores of curated + learned words outside speech quotations (as the
    curated ``words`` figure counts; ``words_learned_own_voice``: also outside paraphrase); ``slant``: the slant model's
    own cross-validated macro-F1; ``classifier_with_slant``: the named-feature classifier with the
    held-out slant probability and learned-word count added as two more columns.
    """
    import numpy as np

    from .learned import cached_run

    held = cached_run(str(data_dir), rules_only, lists)
    figures, words = babe_word_figures(sentences, docs, rules_only, held)
    learned_counts = [len(words[s.id]) for s in sentences]
    slant = [held.trained.slant_held_out.get(sentence.id, 0.0) for sentence in sentences]
    matrix, names = features
    extended = np.column_stack([np.asarray(matrix, dtype=float), slant, np.log1p(learned_counts)])
    scores = classify_sentences(extended, [s.label for s in sentences], [*names, "slant_held_out", "learned_count"])
    return {**figures,
            "learned_threshold": held.trained.token_model["threshold"],
            "learned_sentence_threshold": held.trained.token_model["provenance"].get("sentence_threshold"),
            "slant": held.trained.slant_model["provenance"]["cross_validated"] if held.trained.slant_model else None,
            "classifier_with_slant": scores}


def babe_word_figures(sentences: Sequence[BabeSentence], docs: Sequence[Document], rules_only: Lexicons,
                      held: Any) -> tuple[dict[str, Any], dict[str, set[str]]]:
    """BABE biased-word figures of curated + held-out learned words (``held``: a
    :class:`benchmarks.evaluation.learned.HeldOut`): at the trained thresholds, a sweep, framing's own voice
    only, and a threshold chosen nested (on the other folds of sentences); and the words at the trained ones."""
    from .learned import SWEEP, UNQUOTED, nested_threshold, own_voice_spans

    curated = {s.id: [(span.start, span.end) for span in run_extractors_named(doc, rules_only, ["loaded"])
                      if span.type == "loaded" and span.label != SCARE_LABEL]
               for s, doc in zip(sentences, docs, strict=True)}

    def words_at(threshold: float | None, within: str = UNQUOTED) -> dict[str, set[str]]:
        words = {}
        for sentence, doc in zip(sentences, docs, strict=True):
            spans = own_voice_spans(doc, rules_only, curated[sentence.id], held, sentence.id, threshold,
                                    within=within)
            words[sentence.id] = {t.norm for t in doc.tokens if t.is_word and any(a <= t.start and t.end <= b
                                                                                for a, b in spans)}
        return words

    words = words_at(None)
    sweep = {str(t): {k: v for k, v in score_biased_words(sentences, words_at(t)).items() if not k.startswith("top")}
             for t in SWEEP}
    strict = {k: v for k, v in score_biased_words(sentences, words_at(None, "own_voice")).items()
              if not k.startswith("top")}
    by_id = {s.id: s for s in sentences}
    nested = nested_threshold([s.id for s in sentences], {s.id: s.id for s in sentences}, words_at,
                              lambda ids, found: score_biased_words([by_id[i] for i in ids], found))
    return {"words_learned": score_biased_words(sentences, words), "words_learned_own_voice": strict,
            "words_learned_threshold_sweep": sweep, "words_learned_nested_threshold": nested}, words

# --- Readability (OneStopEnglish) -------------------------------------------------------------


def score_readability(texts: Sequence[LevelledText], scores: Sequence[float], *, harder_is_higher: bool = True):
    """Ordering accuracy per topic (all levels in order), pairwise accuracy and Spearman's rho with level."""
    from scipy.stats import spearmanr

    by_topic: dict[str, list[tuple[int, float]]] = defaultdict(list)
    sign = 1.0 if harder_is_higher else -1.0
    for text, score in zip(texts, scores, strict=True):
        by_topic[text.topic].append((text.level_index, sign * score))
    ordering = ordering_accuracy(by_topic)
    rho = spearmanr([t.level_index for t in texts], [sign * s for s in scores]).statistic if len(texts) > 2 else 0.0
    misordered = [
        [topic, [round(s * sign, 2) for _, s in sorted(items)]]
        for topic, items in sorted(by_topic.items())
        if [s for _, s in sorted(items)] != sorted(s for _, s in items) or len({s for _, s in items}) < len(items)
    ]
    return {
        "ordering_accuracy": round(ordering["ordered"], 3),
        "pairwise_accuracy": round(ordering["pairwise"], 3),
        "spearman": round(float(rho), 3),
        "topics": ordering["groups"],
        "misordered_examples": misordered[:TOP_ERRORS],
        "misordered": len(misordered),
    }


def evaluate_readability(data_dir: str | Path, lexicons: Lexicons, limit: int | None = None) -> dict[str, Any]:
    """OneStopEnglish: ordering and correlation for every readability value framing computes.

    (textstat is not used as a reference here: for English it fetches NLTK's cmudict at
    run time, which must never happen offline.)
    """
    from framing.features import extractors

    texts = read_onestop(dataset_file(data_dir, ONESTOP), limit)
    extract = extractors()["readability"]
    values = [extract(to_document(t.text, lexicons, f"{t.topic}/{t.level}"), lexicons).values for t in texts]
    # Offsets of evidence (longest_sentence_start) are not measures of difficulty.
    keys = sorted(
        {k for v in values for k, x in v.items() if isinstance(x, (int, float)) and not k.endswith(("_start", "_end"))}
    )
    result: dict[str, Any] = {"texts": len(texts), "measures": {}}
    for key in keys:
        column = [float(v.get(key, 0.0)) for v in values]
        # Reading-ease scores fall as texts get harder; every other measure rises.
        result["measures"][key] = score_readability(texts, column, harder_is_higher="ease" not in key)
    headline = next((k for k in keys if "kincaid" in k or k.endswith("fk_grade")), None)
    result["headline_measure"] = headline
    return result


TASKS: dict[str, Callable[..., dict[str, Any]]] = {
    "hedges": evaluate_hedges,
    "attribution": evaluate_attribution,
    "bias": evaluate_bias,
    "readability": evaluate_readability,
    "stories": evaluate_stories,
    "gold": evaluate_gold,
    "frames": evaluate_frames,
}


def run_task(
    name: str, data_dir: str | Path, lexicons: Lexicons, limit: int | None = None, **options: Any
) -> dict[str, Any]:
    """One task's figures with its wall-clock time (``options`` go to the task, e.g. ``labels_path``)."""
    started = time.perf_counter()
    result = TASKS[name](data_dir, lexicons, limit, **options)
    result["seconds"] = round(time.perf_counter() - started, 1)
    return result
