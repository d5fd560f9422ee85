"""Train the attribution-cue scorer (lexicons/attribution_scorer.json) on annotated news.

Usage::

    python scripts/train_attribution_scorer.py --data PATH/TO/datasets [-o lexicons/attribution_scorer.json]
    python scripts/train_attribution_scorer.py --annotations my_cues.jsonl -o my_pack/attribution_scorer.json

With ``--data``, it trains on PolNeAR's train and dev parts (attribution/polnear_train_dev.jsonl,
one annotation per article; the marks are the annotated cues, each document a group held
out together in cross-validation). With ``--annotations``, it trains on your own JSON
Lines, the same format as the loaded-term scorer's: ``{"id", "group", "text", "marked":
[[start, end], ...]}`` where ``marked`` are the attribution cues you marked. Put the file
it writes in a ``--lexicons`` folder to use it instead of the bundled one. The threshold
is the lowest whose cross-validated precision reaches ``--min-precision``; the
cross-validated figures are written into the file's provenance and printed.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the dataset readers live in benchmarks/, beside this script

from benchmarks.evaluation.datasets import POLNEAR, dataset_file, polnear_cue_texts, read_polnear  # noqa: E402
from framing.errors import FramingInputError  # noqa: E402
from framing.fileio import write_atomically  # noqa: E402
from framing.lexicons import load_lexicons  # noqa: E402
from framing.training import attribution_examples, fit_scorer, read_annotations  # noqa: E402

LICENCE = (
    "PolNeAR (Newell, Margolin & Ruths 2018), train and dev parts, as distributed in the shared datasets folder "
    "(attribution/polnear_train_dev.jsonl; see its README for terms); the weights hold no text"
)
MIN_PRECISION = 0.75  # issue 9: cue precision must stay >= 0.75


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="the public datasets folder (PolNeAR train and dev)")
    parser.add_argument("--annotations", type=Path, help="your own annotated texts (JSON Lines)")
    parser.add_argument("--min-precision", type=float, default=MIN_PRECISION,
                        help="cross-validated precision the threshold must keep (default %(default)s)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "lexicons" / "attribution_scorer.json")
    args = parser.parse_args(argv)
    if not args.data and not args.annotations:
        parser.error("give --data or --annotations")
    try:
        lexicons = load_lexicons(scorers=False)
        texts, sources = [], {}
        if args.data:
            texts += polnear_cue_texts(read_polnear(dataset_file(args.data, POLNEAR)))
            sources["polnear"] = LICENCE
        if args.annotations:
            texts += read_annotations(args.annotations)
            sources["own"] = f"{args.annotations.name}: your annotations"
        examples = attribution_examples(texts, lexicons)
        model = fit_scorer(examples, min_precision=args.min_precision, grouped_by="document", provenance={
            "purpose": "decides whether an attribution-cue candidate counts (framing/features/attribution/scoring.py)",
            "data": sources,
            "split": "PolNeAR train + dev (one annotation per article); PolNeAR test never seen",
            "licence": "weights: MIT, like framing; see data for the licence of the training set",
            "lexicon_checksum": lexicons.checksum,
            "script": "scripts/train_attribution_scorer.py",
        })
    except FramingInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    write_atomically(args.output, json.dumps(model, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({k: model[k] for k in ("intercept", "threshold")}, indent=2))
    print(json.dumps(model["provenance"]["cross_validated"], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
