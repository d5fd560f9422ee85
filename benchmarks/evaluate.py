"""Measure framing's extractors on public annotated data and print the figures.

Usage::

    python benchmarks/evaluate.py {hedges,attribution,bias,readability,stories,gold,all} --data /work/shared/datasets \\
        [--limit N] [--json OUT] [--markdown OUT] [--labels benchmarks/data/source_kind_labels.jsonl]

``gold`` also takes ``--data .../stories/gold_dev.jsonl`` (the hand gold, with basil_dev.jsonl
beside it) and prints a readable table instead of the JSON (the JSON goes to ``--json``).

The datasets are described in the datasets folder's README.md; they are never copied
into the repository. ``--limit N`` reads only the first N rows (sentences, articles or
OneStopEnglish topics) of each dataset, for quick runs. ``--markdown`` writes the accuracy
table published as docs/accuracy.md, with each figure's target and published reference.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script: import the benchmarks package

from benchmarks.evaluation.gold_task import gold_table
from benchmarks.evaluation.tasks import SOURCE_KIND_LABELS, TASKS, run_task
from framing.errors import FramingInputError
from framing.fileio import write_atomically
from framing.lexicons import load_lexicons

# A hand-kept section on the lexicon sets (its figures need a second run with --lexicons), appended as is.
LEXICON_SETS = Path(__file__).resolve().parent.parent / "docs" / "accuracy-lexicon-sets.md"
# A hand-kept section on real three-outlet stories (hand gold and blind grades), appended as is.
REAL_STORIES = Path(__file__).resolve().parent.parent / "docs" / "accuracy-real-stories.md"

# (task, path into the results, figure, dataset, split, metric, target, published reference)
TABLE: list[tuple[str, str, str, str, str, str, str, str]] = [
    ("hedges", "factbank.szeged_categories.cue_overlap.f1", "Hedge cues (categories Szeged annotates)",
     "Szeged FactBank", "dev half", "cue F1, overlap", "≥ 0.75", "—"),
    ("hedges", "factbank.szeged_categories.cue_overlap.precision", "Hedge cues (categories Szeged annotates)",
     "Szeged FactBank", "dev half", "cue precision, overlap", "", "—"),
    ("hedges", "factbank.szeged_categories.cue_overlap.recall", "Hedge cues (categories Szeged annotates)",
     "Szeged FactBank", "dev half", "cue recall, overlap", "", "—"),
    ("hedges", "factbank.szeged_categories_counted.cue_overlap.f1",
     "Hedge cues (categories Szeged annotates, counted spans only)", "Szeged FactBank", "dev half",
     "cue F1, overlap", "", "—"),
    ("hedges", "factbank.szeged_categories.cue_exact.f1", "Hedge cues (categories Szeged annotates)",
     "Szeged FactBank", "dev half", "cue F1, exact", "", "—"),
    ("hedges", "factbank.all_cues.cue_overlap.f1", "Hedge cues (all categories, approximators included)",
     "Szeged FactBank", "dev half", "cue F1, overlap", "≥ 0.75", "—"),
    ("hedges", "factbank.epistemic_cues_no_approximators.cue_overlap.f1",
     "Hedge cues (epistemic types only)", "Szeged FactBank", "dev half", "cue F1, overlap", "", "—"),
    ("hedges", "factbank.szeged_categories.sentence.f1", "Uncertain sentences (categories Szeged annotates)",
     "Szeged FactBank", "dev half", "sentence F1", "", "—"),
    ("hedges", "wikipedia.all_cues.sentence.f1", "Uncertain sentences (all categories)", "Szeged Wikipedia",
     "all 20,748", "sentence F1", "≥ 0.65", "≈ 0.60 best CoNLL-2010 system"),
    ("hedges", "wikipedia.szeged_categories.sentence.f1", "Uncertain sentences (categories Szeged annotates)",
     "Szeged Wikipedia", "all 20,748", "sentence F1", "", "≈ 0.60 best CoNLL-2010 system"),
    ("hedges", "wikipedia.szeged_categories.cue_overlap.f1", "Hedge cues (categories Szeged annotates)",
     "Szeged Wikipedia", "all 20,748", "cue F1, overlap", "", "—"),
    ("hedges", "wikipedia.all_cues.cue_overlap.f1", "Hedge cues (all categories, approximators included)",
     "Szeged Wikipedia", "all 20,748", "cue F1, overlap", "", "—"),
    ("hedges", "wikipedia.epistemic_cues_no_approximators.sentence.f1",
     "Uncertain sentences (epistemic types only)", "Szeged Wikipedia", "all 20,748", "sentence F1", "", "—"),
    ("attribution", "cue.recall", "Attribution cues", "PolNeAR", "dev+train", "cue recall, overlap", "≥ 0.85", "—"),
    ("attribution", "cue.precision", "Attribution cues", "PolNeAR", "dev+train", "cue precision, overlap",
     "≥ 0.75", "—"),
    ("attribution", "cross_validated.at_shipped_threshold.recall", "Attribution cues (learned scorer)", "PolNeAR",
     "dev+train, 5 folds by document", "cue recall, overlap, cross-validated", "≥ 0.80 (issue 9)", "—"),
    ("attribution", "cross_validated.at_shipped_threshold.precision", "Attribution cues (learned scorer)", "PolNeAR",
     "dev+train, 5 folds by document", "cue precision, overlap, cross-validated", "≥ 0.75 (issue 9)", "—"),
    ("attribution", "content_overlap.f1", "Attributed content", "PolNeAR", "dev+train", "content F1, overlap", "",
     "0.84 GGT / 0.83 Citron (quotes, PARC 3.0)"),
    ("attribution", "direct_quotes.f1", "Direct quotes", "PolNeAR", "dev+train", "quote F1, overlap", "",
     "0.84 GGT / 0.83 Citron (PARC 3.0)"),
    ("attribution", "speaker_accuracy", "Quote speaker", "PolNeAR", "dev+train",
     "accuracy (speaker overlaps gold source)", "≥ 0.88", "≈ 0.87 Gender Gap Tracker"),
    ("attribution", "dev_only.cue.recall", "Attribution cues", "PolNeAR", "dev only", "cue recall, overlap", "≥ 0.85",
     "—"),
    ("attribution", "dev_only.cue.precision", "Attribution cues", "PolNeAR", "dev only", "cue precision, overlap",
     "≥ 0.75", "—"),
    ("attribution", "dev_only.speaker_accuracy", "Quote speaker", "PolNeAR", "dev only",
     "accuracy (speaker overlaps gold source)", "≥ 0.88", "≈ 0.87 Gender Gap Tracker"),
    ("attribution", "source_kind.accuracy", "Source kind", "PolNeAR (our labels)", "sample of 150",
     "accuracy where found", "", "—"),
    ("attribution", "source_kind.accuracy_known_kinds", "Source kind", "PolNeAR (our labels)", "sample of 150",
     "accuracy where found, kinds framing knows", "", "—"),
    ("attribution", "source_kind.coverage", "Source kind", "PolNeAR (our labels)", "sample of 150",
     "coverage (source found)", "", "—"),
    ("bias", "words.precision", "Loaded words", "BABE", "dev half", "word precision", "", "—"),
    ("bias", "words.recall", "Loaded words", "BABE", "dev half", "word recall", "", "—"),
    ("bias", "words.f1", "Loaded words", "BABE", "dev half", "word F1", "≥ 0.45", "—"),
    ("bias", "words_rules_only.f1", "Loaded words, lexicon and rules only", "BABE", "dev half", "word F1", "", "—"),
    ("bias", "classifier.macro_f1", "Biased sentences", "BABE", "dev half, 5-fold CV",
     "macro-F1, logistic regression on framing features", "≥ 0.75", "0.80 fine-tuned transformer"),
    ("stories", "loaded.precision", "Own-voice loaded terms", "BASIL", "dev half, 45 events",
     "precision (touches any bias phrase)", "≥ 0.50", "NPOV list 0.07, Liu negative 0.15"),
    ("stories", "loaded.recall", "Own-voice loaded terms", "BASIL", "dev half, 45 events",
     "recall of lexical-bias phrases (quote = no)", "≥ 0.35", "NPOV list 0.12, Liu negative 0.36"),
    ("stories", "loaded.ordering.concordance", "Outlet ordering within events", "BASIL", "dev half, 45 events",
     "pairwise concordance with annotators' lexical-bias rate", "≥ 0.70", "chance 0.50"),
    ("stories", "loaded_cross_validated.precision", "Own-voice loaded terms, scorer cross-validated by event",
     "BASIL", "dev half, 5 folds of events", "precision (touches any bias phrase)", "≥ 0.50", "—"),
    ("stories", "loaded_cross_validated.recall", "Own-voice loaded terms, scorer cross-validated by event",
     "BASIL", "dev half, 5 folds of events", "recall of lexical-bias phrases (quote = no)", "≥ 0.35", "—"),
    ("stories", "loaded_cross_validated.ordering.concordance", "Outlet ordering, scorer cross-validated by event",
     "BASIL", "dev half, 5 folds of events", "pairwise concordance", "≥ 0.70", "chance 0.50"),
    ("stories", "loaded_rules_only.precision", "Own-voice loaded terms, lexicon and rules only", "BASIL",
     "dev half, 45 events", "precision (touches any bias phrase)", "", "—"),
    ("stories", "loaded_rules_only.ordering.concordance", "Outlet ordering, lexicon and rules only", "BASIL",
     "dev half, 45 events", "pairwise concordance", "", "chance 0.50"),
    ("stories", "baselines.npov.ordering.concordance", "Outlet ordering, baseline: NPOV bias lexicon", "BASIL",
     "dev half, 45 events", "pairwise concordance", "", "Recasens et al. 2013"),
    ("stories", "baselines.liu_negative.ordering.concordance", "Outlet ordering, baseline: Liu negative words",
     "BASIL", "dev half, 45 events", "pairwise concordance", "", "Hu & Liu 2004"),
    ("stories", "baselines.riloff_strong.ordering.concordance",
     "Outlet ordering, baseline: Riloff & Wiebe strong subjectives", "BASIL", "dev half, 45 events",
     "pairwise concordance", "", "Riloff & Wiebe 2003"),
    ("bias", "words_learned.f1", "Loaded words, curated + learned lexicon (held out)", "BABE",
     "dev half, 5 folds of sentences", "word F1", "≥ 0.48 (issue 18)", "—"),
    ("bias", "classifier_with_slant.macro_f1", "Biased sentences, framing features + held-out slant", "BABE",
     "dev half, 5-fold CV", "macro-F1", "≥ 0.75 (issue 18)", "0.80 fine-tuned transformer"),
    ("stories", "learned_cross_validated.spans.precision", "Own-voice loaded terms, curated + learned (held out)",
     "BASIL", "dev half, 5 folds of events", "precision (touches any bias phrase)", "≥ 0.25 (issue 18)", "—"),
    ("stories", "learned_cross_validated.spans.recall", "Own-voice loaded terms, curated + learned (held out)",
     "BASIL", "dev half, 5 folds of events", "recall of lexical-bias phrases (quote = no)", "≥ 0.40 (issue 18)", "—"),
    ("stories", "learned_cross_validated.ordering_learned_rate.concordance", "Outlet ordering, learned rate",
     "BASIL", "dev half, 5 folds of events", "pairwise concordance", "≥ 0.65 (issue 18)", "chance 0.50"),
    ("stories", "learned_cross_validated.ordering_slant_mean.concordance", "Outlet ordering, mean sentence slant",
     "BASIL", "dev half (slant trained on BABE)", "pairwise concordance", "≥ 0.65 (issue 18)", "chance 0.50"),
    ("stories", "baselines.shorter_is_more_loaded.ordering.concordance",
     "Outlet ordering, baseline: the shorter article is the more loaded", "BASIL", "dev half, 45 events",
     "pairwise concordance", "", "—"),
    ("stories", "gold_dev_loaded.lexicon_and_learned_held_out.precision", "Loaded spans, curated + learned",
     "our gold, 3 BASIL events", "9 articles", "precision (overlap)", "", "—"),
    ("stories", "gold_dev_loaded.lexicon_and_learned_held_out.recall", "Loaded spans, curated + learned",
     "our gold, 3 BASIL events", "9 articles", "recall (overlap)", "", "—"),
    ("stories", "voices.no_role_share", "Voices with no role (other)", "BASIL", "dev half, 45 events",
     "share of quoted or cited voices", "≤ 0.25", "0.689 before general roles"),
    ("readability", "headline.ordering_accuracy", "Level ordering", "OneStopEnglish", "all 189 topics",
     "ordering accuracy (FK grade)", "≥ 0.95", "—"),
    ("readability", "headline.pairwise_accuracy", "Level ordering", "OneStopEnglish", "all 189 topics",
     "pairwise accuracy (FK grade)", "", "—"),
    ("readability", "headline.spearman", "Level correlation", "OneStopEnglish", "all 189 topics",
     "Spearman ρ (FK grade vs level)", "", "—"),
]

# A figure is shown as n/a when the extractor behind it produced no spans at all, so a broken or
# disabled extractor reads as missing rather than as a score of 0.
REQUIRES = {
    ("hedges", "factbank"): "factbank.predicted_spans",
    ("hedges", "wikipedia"): "wikipedia.predicted_spans",
    ("attribution", "cue"): "predicted_spans.attribution",
    ("attribution", "dev_only"): "predicted_spans.attribution",
    ("attribution", "cross_validated"): "cross_validated.at_shipped_threshold",
    ("attribution", "content_overlap"): "predicted_spans.quote",
    ("attribution", "direct_quotes"): "predicted_spans.quote",
    ("attribution", "speaker_accuracy"): "speaker_judged",
    ("attribution", "source_kind"): "source_kind.found",
    ("bias", "words"): "predicted_loaded_sentences",
    ("bias", "words_rules_only"): "predicted_loaded_sentences",
}


def lookup(results: dict[str, Any], task: str, path: str) -> Any:
    """A figure by dotted path; ``headline`` stands for the readability measure framing headlines."""
    node: Any = results.get(task)
    for part in path.split("."):
        if part == "headline" and isinstance(node, dict):
            node = node.get("measures", {}).get(node.get("headline_measure") or "", None)
        elif isinstance(node, dict):
            node = node.get(part)
        else:
            return None
        if node is None:
            return None
    return node


def markdown_table(results: dict[str, Any], date: str, limit: int | None) -> str:
    """The accuracy table (docs/accuracy.md): one row per figure, with target and reference."""
    lines = [
        "# Accuracy on public data",
        "",
        f"Measured {date} with `python benchmarks/evaluate.py all --data <datasets>`"
        + (f" (`--limit {limit}`)" if limit else "")
        + ". Figures marked n/a come from an extractor that was not available at that run.",
        "",
        "| figure | dataset | split | metric | value | target | published reference | date |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for task, path, figure, dataset, split, metric, target, reference in TABLE:
        if task not in results:
            continue
        value = lookup(results, task, path)
        requirement = REQUIRES.get((task, path.split(".")[0]))
        produced = lookup(results, task, requirement) if requirement else True
        shown = f"{value:.3f}" if isinstance(value, (int, float)) and produced else "n/a"
        cells = [figure, dataset, split, metric, shown, target or "—", reference, date]
        lines.append("| " + " | ".join(cells) + " |")
    hand_kept = (LEXICON_SETS, REAL_STORIES)
    return "\n".join(lines) + "\n" + METHOD + "\n".join(path.read_text(encoding="utf-8") for path in hand_kept)


METHOD = """
## How the figures are measured

- **Data.** The public datasets described in the datasets folder's README (never copied into this
  repository). Each Szeged sentence, BABE sentence and OneStopEnglish text becomes one Document via
  `framing.corpus.parse_text`, without cleaning, so gold offsets index `Document.text`; each PolNeAR
  article is parsed once. PolNeAR: `dev` and `train` compartments, one annotation per article
  (annotator-training copies and double annotations are skipped).
- **Hedges.** Cue figures match predicted `hedge` spans to gold cues one-to-one, by overlap (a shared
  character) or exact offsets. A sentence is predicted uncertain when it has at least one hedge span.
  framing's hedge categories are mapped to Szeged's cue types (`SZEGED_TYPES_OF_CATEGORY` in
  `benchmarks/evaluation/tasks.py`): modal, verb, adverb, adjective, noun, evidential and other →
  `speculation_modal_*` and `speculation_hypo_doxastic`; conditional ("if", "unless") →
  `speculation_hypo_condition`; investigation ("whether") → `speculation_hypo_investigation`;
  approximator ("about 80", "nearly") → none. *Categories Szeged annotates* is the like-for-like
  figure: approximators, which hedge a quantity rather than a proposition and which Szeged's
  guidelines do not annotate, are set aside (framing still counts them, as vagueness). It scores
  every shown hedge span, those marked `confidence: possible` too (accusations, a conditional's
  "will", "even if": Szeged annotates them, framing shows them without counting them);
  *counted spans only* sets those aside. *All
  categories* scores every framing hedge against every Szeged cue. *Epistemic types only* keeps the
  modal and doxastic gold cues and sets aside framing's conditional, investigation and approximator
  hedges. Every approximator framing counts is a false positive in *all categories* (about 140 on the
  FactBank half), so that figure cannot pass 0.75 unless almost every other cue is right; framing keeps
  counting them (vagueness about a quantity is what its users ask about) and does not fit a model to
  drop them. A learned scorer over the other candidates, fitted on Szeged Wikipedia and FactBank with
  documents held out together, lowered the FactBank figure at every threshold (its per-term weights
  follow Wikipedia's annotation), so none is shipped.
- **Attribution.** Cues: `attribution` spans vs gold `cue` fragments (overlap). Content: `quote` spans
  (and any content offsets an attribution span carries) vs gold `content` fragments. Direct quotes:
  precision = quote spans overlapping a gold content, recall = gold contents with quotation marks that
  a quote span overlaps. Speaker accuracy: among direct-quote attributions with a gold source whose
  quote we found, the share whose predicted speaker offsets overlap the gold source (a pronoun source
  such as "he" counts as right only if we point at that pronoun). `speaker_accuracy_lenient` in the
  JSON also accepts a shared capitalized name. The shipped attribution scorer was trained on these
  same documents, so the rows above are in-sample; the *learned scorer, cross-validated* rows refit it
  per fold (5 folds, grouped by document, `framing.training.cross_validated_probabilities`) and score
  each document with a model that never saw it, at the shipped threshold; the JSON's
  `cross_validated.curve` gives precision and recall at other thresholds.
- **Source kind.** 150 gold `source` fragments sampled from PolNeAR (seed 20261122) and labelled by
  hand as named_person, institution, media, anonymous, vague, pronoun or document; the labels (file
  name and offsets only, no text) are in `benchmarks/data/source_kind_labels.jsonl`. Accuracy counts the
  sources we found (an overlapping `source` span, or a quote speaker); coverage is the share found.
- **BABE.** Word figures compare the words inside `loaded` spans with `biased_words` (lower-cased,
  as framing normalizes tokens), per sentence, on Biased and Non-biased sentences; loaded words inside
  quotations are the source's, not the writer's, and are left out. The classifier is a standardized
  logistic regression (balanced classes, C = 1) on named features only (no words): log counts of every
  span type and category framing finds, loaded words in the writer's own voice, the quoted share, and
  register cues (first and second person, contractions, !, ?, dashes, capitals, -ly adverbs,
  superlatives, digit and capital shares), all computed by framing at run time (`register_cues` in
  `framing/features/register.py`; `sentence_features` in `benchmarks/evaluation/tasks.py` only
  assembles and log-scales them); 5-fold stratified cross-validation with seed 0. BABE's figures
  with the shipped loaded-term scorer are partly in-sample (it was trained on BABE's and BASIL's
  development halves), so the word figures are also given with the lexicon and rules alone.
- **Readability.** Per topic, the three rewrites are ordered when the score rises strictly from
  elementary to intermediate to advanced (ties count as wrong); pairwise accuracy counts level pairs.
  Spearman's ρ is pooled over all texts, so it also reflects differences between topics.
- **Development data.** These sets were used while developing framing; lexicons and rules are kept
  general (with sources) rather than fitted to them, and the same measures will be taken on unseen data.
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=[*TASKS, "all"])
    parser.add_argument("--data", required=True, help="folder of the public datasets (see its README.md)")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N rows of each dataset")
    parser.add_argument("--json", dest="json_out", help="write every figure and error list as JSON here")
    parser.add_argument("--markdown", help="write the accuracy table (docs/accuracy.md) here")
    parser.add_argument("--labels", default=str(SOURCE_KIND_LABELS), help="hand-labelled source kinds (JSONL)")
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="date printed in the table")
    parser.add_argument("--lexicons", metavar="DIR", help="a lexicon folder layered over the bundled lexicons "
                        "(e.g. lexicons/optional/loaded-research-use)")
    args = parser.parse_args(argv)
    try:
        lexicons = load_lexicons(args.lexicons)
        names = list(TASKS) if args.task == "all" else [args.task]
        results: dict[str, Any] = {"date": args.date, "limit": args.limit, "lexicon_checksum": lexicons.checksum,
                                   "lexicons": args.lexicons or "bundled"}
        for name in names:
            options = {"labels_path": args.labels} if name == "attribution" else {}
            results[name] = run_task(name, args.data, lexicons, args.limit, **options)
            print(f"== {name} ({results[name]['seconds']} s)", file=sys.stderr)
    except FramingInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    text = json.dumps(results, indent=2, ensure_ascii=False)
    print(gold_table(results["gold"]) if args.task == "gold" else text)
    if args.json_out:
        write_atomically(args.json_out, text + "\n")
    if args.markdown:
        write_atomically(args.markdown, markdown_table(results, args.date, args.limit))
    return 0


if __name__ == "__main__":
    sys.exit(main())
