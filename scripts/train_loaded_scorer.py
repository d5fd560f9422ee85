"""Train the loaded-term scorer (lexicons/loaded_scorer.json) on annotated news.

Usage::

    python scripts/train_loaded_scorer.py --data PATH/TO/datasets [-o lexicons/loaded_scorer.json]
    python scripts/train_loaded_scorer.py --annotations my_marks.jsonl -o my_pack/loaded_scorer.json

With ``--data``, it trains on the development halves of BASIL (stories/basil_dev.jsonl:
every bias phrase the annotators marked, grouped by event) and BABE (bias/babe_dev.jsonl:
the biased words of each sentence; sentences with no agreement are left out). With
``--annotations``, it trains on your own JSON Lines, one text a line:
``{"id": ..., "group": ..., "text": ..., "marked": [[start, end], ...]}`` where ``group`` is
the event or document to hold out together in cross-validation. Put the file it writes in
a ``--lexicons`` folder to use it instead of the bundled one. The cross-validated figures
are written into the file's provenance and printed.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the dataset readers live in benchmarks/, beside this script

from benchmarks.evaluation.stories import babe_texts, basil_texts  # noqa: E402
from framing.training import loaded_examples, run_training  # noqa: E402

LICENCES = {
    "basil": "BASIL (Fan et al. 2019), development half: research use; the weights hold no text",
    "babe": "BABE (Spinde et al. 2021), development half: AGPL-3.0 data; the weights hold no text",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="the public datasets folder (BASIL and BABE development halves)")
    parser.add_argument("--annotations", type=Path, help="your own annotated texts (JSON Lines)")
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "lexicons" / "loaded_scorer.json")
    args = parser.parse_args(argv)
    if not args.data and not args.annotations:
        parser.error("give --data or --annotations")
    return run_training(
        args.data, args.annotations, args.output,
        texts_from_data=lambda folder: basil_texts(folder) + babe_texts(folder), licences=LICENCES,
        examples_of=loaded_examples, provenance={
            "purpose": "decides whether a loaded-term candidate counts (framing/features/loaded.py)",
            "split": "development halves only; held-out halves never seen",
            "licence": "weights: MIT, like framing; see data for the licences of the training sets",
            "script": "scripts/train_loaded_scorer.py",
        },
    )

if __name__ == "__main__":
    sys.exit(main())
