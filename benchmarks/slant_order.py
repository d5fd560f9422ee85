"""BASIL outlet order by sentence slant: every variant held out by events, and the nested choice.

    python benchmarks/slant_order.py --data PATH/TO/datasets [--folds 9] [--json out.json]

Reads BASIL's development events and BABE's development half (see
``benchmarks/evaluation/slant_order.py`` for the variants and how each is held out), prints a table of
every variant's outlet order with its 95% bootstrap interval over events, the nested choice among them,
and the baseline "the shorter article is the more loaded". It uses the optional research-use lexicons
for memberships and for the learned lexicon's held-out rate (retrained by the stories benchmark's
cross-validation; the shipped models are never read). About 15 CPU minutes.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.evaluation.datasets import BABE, dataset_file, read_babe, to_document
from benchmarks.evaluation.learned import cached_run, model_lists, own_voice_spans
from benchmarks.evaluation.slant_order import (
    Article,
    Sentence,
    document_sentences,
    evaluate_variants,
    one_sentence,
)
from benchmarks.evaluation.stories import BASIL, lexical_rate, own_word_count, read_basil
from framing.analysis import analyze_document
from framing.lexicons import Lexicons, load_lexicons

OPTIONAL = Path(__file__).resolve().parent.parent / "lexicons" / "optional" / "loaded-research-use"


def basil_articles(data: Path, lexicons: Lexicons) -> list[Article]:
    """BASIL's articles as the experiment reads them, with the held-out learned-lexicon rate."""
    rules = replace(lexicons, loaded_scorer=None, learned_loaded=None, slant_model=None)
    held = cached_run(str(data), rules, model_lists(lexicons))
    articles = []
    for story in read_basil(dataset_file(data, BASIL)):
        doc = to_document(story.text, rules, story.id)
        spans = analyze_document(doc, rules).spans
        curated = [(s.start, s.end) for s in spans if s.type == "loaded"]
        learned = own_voice_spans(doc, rules, curated, held, story.id)
        articles.append(Article(story.id, story.event, own_word_count(doc), lexical_rate(story, doc),
                                tuple(document_sentences(doc, spans, story.phrases)),
                                1000.0 * len(learned) / own_word_count(doc)))
    return articles


def babe_sentences(data: Path, lexicons: Lexicons) -> list[Sentence]:
    """BABE's labelled sentences (Biased / Non-biased) as training sentences."""
    rules = replace(lexicons, loaded_scorer=None, learned_loaded=None, slant_model=None)
    rows = []
    for item in read_babe(dataset_file(data, BABE)):
        if item.label in {"Biased", "Non-biased"}:
            doc = to_document(item.text, rules, item.id)
            rows.append(one_sentence(document_sentences(doc, analyze_document(doc, rules).spans),
                                     item.label == "Biased"))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True, help="the datasets folder")
    parser.add_argument("--folds", type=int, default=9, help="outer folds of events")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    lexicons = load_lexicons(str(OPTIONAL))
    result = evaluate_variants(basil_articles(args.data, lexicons), babe_sentences(args.data, lexicons), args.folds)
    print("| variant | outlet order | 95% interval |\n|---|---|---|")
    for name, figure in result["variants"].items():
        print(f"| {name} | {figure['concordance']:.3f} | {figure['interval_95']} |")
    for name in ("nested", "shorter_is_more_loaded"):
        print(f"| **{name}** | {result[name]['concordance']:.3f} | {result[name]['interval_95']} |")
    print("nested choices:", "; ".join(result["nested"]["chosen"]))
    chance = result["chance_of_the_best"]
    print(f"the best of {chance['variants']} random measures: median {chance['median']}, "
          f"95th percentile {chance['percentile_95']}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
