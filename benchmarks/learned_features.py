"""Feature variants of the learned lexicon, each measured with grouped, nested cross-validation (issue 18).

    python benchmarks/learned_features.py --data /work/shared/datasets \\
        [--lexicons lexicons/optional/loaded-research-use] [--variants base,shape,...] [--json OUT]

Each variant retrains the token model (``framing.training_learned.train_tokens``: 5 folds grouped
by BASIL event or BABE sentence) on the shipped model's features plus extra feature groups built
here, and is scored from held-out predictions only, the way ``benchmarks/evaluate.py bias|stories``
scores the shipped setup: BABE biased-word F1 at the trained thresholds and at a threshold chosen
on the other folds (nested); BASIL precision / lexical recall at the trained threshold, and nested
at the highest recall whose inner precision stays at 0.25; the words shown per BASIL article. The
sentence slant feature is held out as in training. Groups tried here that are not in
``framing/features/learned_loaded.py`` are experiments: only a group that raises the nested BABE
figure is worth moving into the extractor (and its reachability bound).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.evaluation.datasets import BABE, dataset_file, read_babe, to_document  # noqa: E402
from benchmarks.evaluation.learned import basil_setup, held_out_of, model_lists, span_figures  # noqa: E402
from benchmarks.evaluation.stories import babe_labels, babe_texts, basil_lexical_texts  # noqa: E402
from benchmarks.evaluation.tasks import babe_word_figures  # noqa: E402
from framing.features.learned_loaded import TokenFeatureReader  # noqa: E402
from framing.features.learned_word_features import is_content  # noqa: E402
from framing.lexicons import Lexicons, load_lexicons  # noqa: E402
from framing.stemming import stem  # noqa: E402
from framing.training_learned import TOKEN_C, TokenExample, Trained, train, train_tokens  # noqa: E402

Extra = Callable[[TokenFeatureReader, int], dict[str, float]]


def shape(reader: TokenFeatureReader, index: int) -> dict[str, float]:
    """Word-shape classes: hyphenated, -ly adverb, long word, all capitals."""
    norm, text = reader.columns.norms[index], reader.columns.texts[index]
    found = {"shape=hyphen": "-" in norm, "shape=ly": norm.endswith("ly"), "shape=long": len(norm) >= 9,
             "shape=allcaps": len(text) > 1 and text.isupper()}
    return {name: 1.0 for name, on in found.items() if on}


def pairs(reader: TokenFeatureReader, index: int) -> dict[str, float]:
    """The stem pair of the word with each neighbour ("tore into", "lashed out")."""
    norms = reader.columns.norms
    word = stem(norms[index])
    before = stem(norms[index - 1]) if index else "<start>"
    after = stem(norms[index + 1]) if index + 1 < len(norms) else "<end>"
    return {f"pair_prev={before}_{word}": 1.0, f"pair_next={word}_{after}": 1.0}


def neighbour_lexicons(reader: TokenFeatureReader, index: int) -> dict[str, float]:
    """The lexicons and word lists holding each neighbouring word."""
    norms, found = reader.columns.norms, {}
    for side, other in (("prev", index - 1), ("next", index + 1)):
        if 0 <= other < len(norms):
            found.update((f"{side}_lexicon={name}", 1.0) for name in reader.memberships(other))
            found.update((f"{side}_list={name}", 1.0) for name in reader.lists.get(norms[other], ()))
    return found


def sentence_place(reader: TokenFeatureReader, index: int) -> dict[str, float]:
    """Where the word sits in its sentence: its first word, and the relative position."""
    sentences = reader.columns.sentences
    first = index == 0 or sentences[index - 1] != sentences[index]
    tokens = reader.voices.sentence_tokens(sentences[index])
    width = max(tokens.stop - tokens.start - 1, 1)
    return {"sentence_place": (index - tokens.start) / width, **({"sentence_first_word": 1.0} if first else {})}


def head_pair(reader: TokenFeatureReader, index: int) -> dict[str, float]:
    """The stem pair of the word with the next content word of its sentence (the noun an adjective or an
    adverb leans on, without a parser): "radical agenda", "brutally attack"."""
    columns, stop = reader.columns, reader.lexicons.stop_words
    for other in range(index + 1, min(index + 4, len(columns.norms))):
        if columns.sentences[other] != columns.sentences[index]:
            break
        if columns.is_word[other] and is_content(columns.norms[other], stop):
            return {f"head={stem(columns.norms[index])}_{stem(columns.norms[other])}": 1.0}
    return {}


def slant_high(reader: TokenFeatureReader, index: int) -> dict[str, float]:
    """A step on the sentence prior: the slant model calls the sentence slanted (probability ≥ 0.5)."""
    sentence = reader.columns.sentences[index]
    return {"sentence_slanted": 1.0} if sentence < len(reader.slant) and reader.slant[sentence] >= 0.5 else {}


GROUPS: dict[str, Extra] = {"shape": shape, "pairs": pairs, "neighbour_lexicons": neighbour_lexicons,
                            "sentence_place": sentence_place, "head": head_pair, "slant_high": slant_high}
# name → (extra groups, C, positive class weight)
VARIANTS: dict[str, tuple[tuple[str, ...], float, float]] = {
    "base": ((), TOKEN_C, 1.0),
    **{f"+{name}": ((name,), TOKEN_C, 1.0) for name in GROUPS},
    "C 0.2": ((), 0.2, 1.0), "C 0.45": ((), 0.45, 1.0),
    "positive weight 1.5": ((), TOKEN_C, 1.5),
}


def extra_features(texts: Sequence[Any], examples: Sequence[TokenExample], lexicons: Lexicons,
                   lists: Mapping[str, tuple[str, ...]], slant: Mapping[str, Sequence[float]]
                   ) -> dict[tuple[str, int], dict[str, dict[str, float]]]:
    """Every extra group's features of each example, keyed by (text id, token start)."""
    wanted = {(e.text_id, e.start) for e in examples}
    found: dict[tuple[str, int], dict[str, dict[str, float]]] = {}
    for item in texts:
        doc = to_document(item.text, lexicons, item.id)
        reader = TokenFeatureReader(doc, lexicons, slant.get(item.id, []), lists)
        for index, start in enumerate(doc.token_columns().starts):
            if (item.id, start) in wanted:
                found[(item.id, start)] = {name: group(reader, index) for name, group in GROUPS.items()}
    return found


def with_groups(examples: Sequence[TokenExample], extras: Mapping[tuple[str, int], Mapping[str, dict[str, float]]],
                groups: Sequence[str]) -> list[TokenExample]:
    if not groups:
        return list(examples)
    return [replace(e, features={**e.features, **{k: v for g in groups
                                                  for k, v in extras[(e.text_id, e.start)][g].items()}})
            for e in examples]


def measure(held: Any, babe: tuple, basil: tuple, rules_only: Lexicons) -> dict[str, Any]:
    """The figures issue 18 targets, from one variant's held-out predictions."""
    words, _ = babe_word_figures(*babe, rules_only, held)
    spans = span_figures(*basil, rules_only, held)
    pick = ("precision", "recall", "f1")
    return {"babe_word_f1": words["words_learned"]["f1"],
            "babe_word_f1_nested": words["words_learned_nested_threshold"]["f1"],
            "basil_trained": {k: spans["spans"][k] for k in pick},
            "basil_words_per_article": spans["spans"]["words_per_article"],
            "basil_nested_floor": {**{k: spans["spans_nested_precision_floor"][k] for k in pick},
                                   "words_per_article": spans["spans_nested_precision_floor"]["words_per_article"],
                                   "thresholds": spans["spans_nested_precision_floor"]["thresholds_chosen"]},
            "possible_threshold": spans["possible_threshold"],
            "thresholds": [held.trained.token_model["threshold"],
                           held.trained.token_model["provenance"]["sentence_threshold"]]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--lexicons", type=Path, default=ROOT / "lexicons" / "optional" / "loaded-research-use")
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated names; a+b joins groups")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    lexicons = load_lexicons(args.lexicons)
    lists = dict(model_lists(lexicons))
    rules_only = replace(lexicons, loaded_scorer=None, learned_loaded=None, slant_model=None)
    texts = basil_lexical_texts(args.data) + babe_texts(args.data)
    base = train(texts, babe_labels(args.data), rules_only, lists)
    extras = extra_features(texts, base.examples, rules_only, lists, sentence_slants(base, texts, rules_only))
    sentences = [s for s in read_babe(dataset_file(args.data, BABE)) if s.label in ("Biased", "Non-biased")]
    babe = (sentences, [to_document(s.text, rules_only, s.id) for s in sentences])
    basil = basil_setup(args.data, rules_only)
    marks = {t.id: t.marked for t in texts}
    results = {}
    for name in args.variants.split(","):
        groups, c, weight = variant(name)
        examples = with_groups(base.examples, extras, groups)
        model, oof = train_tokens(examples, marks, c, weight)
        held = held_out_of(Trained(model, base.slant_model, examples, oof, base.slant_held_out))
        results[name] = measure(held, babe, basil, rules_only)
        print(name, json.dumps(results[name]), flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


def variant(name: str) -> tuple[tuple[str, ...], float, float]:
    """A named variant, or groups joined by '+' ("+shape+pairs"), optionally "@C" ("+shape@0.45")."""
    if name in VARIANTS:
        return VARIANTS[name]
    spec, _, c = name.partition("@")
    return tuple(g for g in spec.split("+") if g), float(c) if c else TOKEN_C, 1.0


def sentence_slants(base: Trained, texts: Sequence[Any], lexicons: Lexicons) -> dict[str, list[float]]:
    """Each text's sentence slant as training saw it: the held-out sentence probability for BABE, the
    slant model's scores of each sentence for BASIL (read back from the examples' own feature)."""
    slants: dict[str, dict[int, float]] = {}
    for e in base.examples:
        if "sentence_slant" in e.features:
            slants.setdefault(e.text_id, {})[e.start] = e.features["sentence_slant"]
    result = {}
    for item in texts:
        doc = to_document(item.text, lexicons, item.id)
        by_start = slants.get(item.id, {})
        columns = doc.token_columns()
        per_sentence = {columns.sentences[i]: by_start[s] for i, s in enumerate(columns.starts) if s in by_start}
        result[item.id] = [per_sentence.get(n, 0.0) for n in range(len(doc.sentences))]
    return result


if __name__ == "__main__":
    sys.exit(main())
