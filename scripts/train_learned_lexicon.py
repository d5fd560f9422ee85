"""Train the learned lexicon and the sentence slant model (lexicons/optional/loaded-research-use/).

Usage::

    python scripts/train_learned_lexicon.py --data PATH/TO/datasets [-o lexicons/optional/loaded-research-use]
        [--word-lists PATH/TO/datasets/lexicons]
    python scripts/train_learned_lexicon.py --annotations my_marks.jsonl -o my_pack/

With ``--data`` it trains on the development halves of BABE (bias/babe_dev.jsonl: each
sentence's biased words and its Biased / Non-biased label; each sentence its own group)
and BASIL (stories/basil_dev.jsonl: the lexical-bias phrases, grouped by event). With
``--annotations`` it also (or only) trains the token model on your own JSON Lines marks,
``{"id", "group", "text", "marked": [[start, end], ...]}`` a line (add ``"slanted": true``
or ``false`` to a line to train the slant model on it too). It writes
``learned_loaded.json`` (every weight but the words'), ``learned_loaded.tsv`` (the word
weights, editable), ``slant_model.json``, and prints the cross-validated figures. The token
model also reads ``learned_word_lists.tsv`` of the output folder (which public word lists hold
each word: ``list=`` features); ``--word-lists`` rebuilds that table from the reference lists
(Recasens et al. 2013's archive, Liu, Riloff & Wiebe) before training. Put the
folder on ``--lexicons`` to use them. BASIL is research-use data and BABE AGPL-3.0: a model
trained on them is not MIT and stays in the optional set.
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the dataset readers live in benchmarks/, beside this script

from benchmarks.evaluation.learned import PRECISION_FLOOR, basil_setup, held_out_of, span_figures  # noqa: E402
from benchmarks.evaluation.stories import babe_labels, babe_texts, basil_lexical_texts  # noqa: E402
from framing.errors import FramingInputError  # noqa: E402
from framing.fileio import write_atomically  # noqa: E402
from framing.learned_words import (  # noqa: E402
    FINGERPRINT_KEY,
    LISTS_FILE,
    MODEL_FILE,
    WORD_PREFIX,
    WORDS_FILE,
    lexicon_fingerprint,
    read_word_lists,
    write_word_lists,
    write_word_table,
)
from framing.lexicons import SLANT_FILE, Lexicons, load_lexicons  # noqa: E402
from framing.training import read_annotations  # noqa: E402
from framing.training_learned import Trained, train, word_counts  # noqa: E402

LICENCES = {
    "basil": "BASIL (Fan et al. 2019), development half, lexical-bias phrases: research use only",
    "babe": "BABE (Spinde et al. 2021), development half, biased words and sentence labels: AGPL-3.0",
}
# The public word lists read as features (name → file under the datasets' lexicons/ folder, source).
# Lists whose membership weighed ~0 in grouped CV (Liu positive, weak subjectives, factives,
# boosters) are left out.
WORD_LISTS = {
    "liu_negative": ("recasens2013-other-via-pryzant/negative_liu2005.txt", "Liu opinion lexicon, negative"),
    "strong_subjective": ("recasens2013-other-via-pryzant/strong_subjectives_riloff2003.txt",
                          "Riloff & Wiebe 2003 strong subjectives (MPQA)"),
    "npov_bias": ("recasens2013/bias-lexicon/bias-lexicon_og.txt", "Recasens et al. 2013 NPOV bias lexicon"),
    "assertive": ("recasens2013/assertives_hooper1975.txt", "Hooper 1975 assertives (via Recasens et al. 2013)"),
    "hedge": ("recasens2013/hedges_hyland2005.txt", "Hyland 2005 hedges (via Recasens et al. 2013)"),
    "report_verb": ("recasens2013/report_verbs.txt", "report verbs (via Recasens et al. 2013)"),
    "implicative": ("recasens2013/implicatives_karttunen1971.txt",
                    "Karttunen 1971 implicatives (via Recasens et al. 2013)"),
}
SINGLE_WORD = re.compile(r"^[a-z][a-z'-]*$")
LICENCE = ("not MIT: derived from research-use (BASIL) and AGPL-3.0 (BABE) annotation; optional set, "
           "use for research and teaching, do not redistribute under MIT")


def own_labels(path: Path) -> dict[str, bool]:
    """The optional ``slanted`` field of your own annotation lines."""
    labels = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line) if line.strip() else {}
        if isinstance(row.get("slanted"), bool):
            labels[str(row["id"])] = row["slanted"]
    return labels


def build_word_lists(folder: Path) -> dict[str, tuple[str, ...]]:
    """``{word: (list, ...)}`` from the reference lists (single lower-case words only; comments skipped)."""
    held: dict[str, list[str]] = {}
    for name, (relative, _) in WORD_LISTS.items():
        path = folder / relative
        if not path.is_file():
            raise FramingInputError(path, "reference word list is missing", "Pass --word-lists the datasets' "
                                    "lexicons/ folder (see its README)")
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            word = line.strip().lower()
            if SINGLE_WORD.match(word) and name not in held.setdefault(word, []):
                held[word].append(name)
    return {word: tuple(names) for word, names in held.items()}


def word_lists(output: Path, rebuild_from: Path | None) -> dict[str, tuple[str, ...]]:
    """The word-list table of ``output``, rebuilt first from ``rebuild_from`` when given (none: no lists)."""
    path = output / LISTS_FILE
    if rebuild_from is not None:
        output.mkdir(parents=True, exist_ok=True)
        write_word_lists(path, build_word_lists(rebuild_from), {
            "name": "learned_word_lists", "version": datetime.date.today().isoformat(),
            "description": "which public word lists hold each word, read by the learned lexicon as list=<name> "
                           "features (framing/features/learned_loaded.py); edit freely, then retrain",
            "sources": "; ".join(source for _, source in WORD_LISTS.values()),
            "licence": "not MIT: the lists' own terms (Liu: research use; MPQA: GPL; Recasens et al.: none "
                       "stated, cite the paper); optional set",
            "source_licences": "Liu opinion lexicon: research use; MPQA subjectivity lexicon: GNU GPL"})
    return read_word_lists(path) if path.is_file() else {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="the public datasets folder (BABE and BASIL development halves)")
    parser.add_argument("--annotations", type=Path, help="your own annotated texts (JSON Lines)")
    parser.add_argument("--word-lists", type=Path, help="rebuild learned_word_lists.tsv from this folder of "
                        "reference lists (the datasets' lexicons/) before training")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "lexicons" / "optional" / "loaded-research-use")
    args = parser.parse_args(argv)
    if not args.data and not args.annotations:
        parser.error("give --data or --annotations")
    try:
        # The research-use rows are features too: the models live in that optional set and are used with it.
        lexicons = load_lexicons(args.output if (args.output / "loaded.tsv").is_file() else None, scorers=False)
        lists = word_lists(args.output, args.word_lists)
        texts, labels, data = [], {}, {}
        if args.data:
            texts += basil_lexical_texts(args.data) + babe_texts(args.data)
            labels.update(babe_labels(args.data))
            data.update(LICENCES)
        if args.annotations:
            texts += read_annotations(args.annotations)
            labels.update(own_labels(args.annotations))
            data["own"] = f"{args.annotations.name}: your annotations"
    except FramingInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    trained = train(texts, labels, lexicons, lists)
    provenance = {"data": data, "split": "development halves only; held-out halves never seen",
                  "licence": LICENCE if args.data else "yours", "lexicon_checksum": lexicons.checksum,
                  FINGERPRINT_KEY: lexicon_fingerprint(lexicons.by_name),
                  "script": "scripts/train_learned_lexicon.py", "word_table": WORDS_FILE,
                  **({"word_lists": LISTS_FILE} if lists else {})}
    model = trained.token_model
    model["provenance"].update(provenance)
    if args.data:
        add_possible_tier(model, trained, args.data, lexicons)
    counts = word_counts(trained.examples)
    words = {name[len(WORD_PREFIX):]: (w, counts[name]) for name, w in model["weights"].items()
             if name.startswith(WORD_PREFIX)}
    shipped = replace_weights(model, {n: w for n, w in model["weights"].items() if not n.startswith(WORD_PREFIX)})
    args.output.mkdir(parents=True, exist_ok=True)
    write_atomically(args.output / MODEL_FILE, json.dumps(shipped, indent=1, ensure_ascii=False) + "\n")
    write_word_table(args.output / WORDS_FILE, words, {
        "name": "learned_loaded", "version": model["provenance"]["trained"],
        "description": "word weights of the learned lexicon (framing/features/learned_loaded.py): word, weight "
                       "(log-odds as a word), examples (training tokens); edit freely",
        "sources": "; ".join(data.values()), "licence": provenance["licence"],
        "source_licences": "BASIL: research use; BABE: AGPL-3.0" if args.data else "yours"})
    if trained.slant_model:
        trained.slant_model["provenance"].update({**provenance, "data": {k: v for k, v in data.items()
                                                                           if k != "basil"}})
        write_atomically(args.output / SLANT_FILE, json.dumps(trained.slant_model, indent=1, ensure_ascii=False) + "\n")
    top = sorted(words.items(), key=lambda kv: -kv[1][0])[:20]
    context = {n: w for n, w in shipped["weights"].items()
               if "=" not in n or n.startswith(("voice=", "lexicon=", "list="))}
    print(json.dumps({"top_words": top, "context_weights": context, "threshold": model["threshold"],
                      "cross_validated": model["provenance"]["cross_validated"],
                      "slant": trained.slant_model["provenance"]["cross_validated"] if trained.slant_model else None},
                     indent=1))
    return 0


def add_possible_tier(model: dict, trained: Trained, data: Path, lexicons: Lexicons) -> None:
    """The possible tier of articles (issue 18): under the confident threshold, down to the highest-recall
    bar whose precision on BASIL's events stays at PRECISION_FLOOR (scored as ``evaluate.py stories`` scores:
    a flag touching any bias phrase is right; recall of the writer's lexical phrases), from held-out
    predictions; its held-out figures, the bar chosen on the other folds of events, go in the provenance."""
    figures = span_figures(*basil_setup(data, lexicons), lexicons, held_out_of(trained))
    keys = ("precision", "recall", "f1", "words_per_article")
    tier = {"chosen_by": f"BASIL articles, held out by event: the highest recall at precision >= {PRECISION_FLOOR}",
            "confident": {k: figures["spans"][k] for k in keys},
            "confident_and_possible_nested": {k: figures["spans_nested_precision_floor"][k]
                                              for k in (*keys, "thresholds_chosen")}}
    model["provenance"]["cross_validated"]["possible_tier"] = tier
    if figures["possible_threshold"] < model["threshold"]:
        model["provenance"]["possible_threshold"] = figures["possible_threshold"]


def replace_weights(model: dict, weights: dict) -> dict:
    """The model file with only ``weights`` (the words live in the table)."""
    return {**model, "weights": weights}


if __name__ == "__main__":
    sys.exit(main())
