"""Train the learned frame model (frame_model.json) and its readable weights (frame_weights.tsv).

Usage::

    python scripts/train_frames.py --data PATH/TO/datasets/frames [-o FILE]  (default: the optional set's file)
    python scripts/train_frames.py --labels my_labels.jsonl -o my_pack/frame_model.json

With ``--data``, it trains on SemEval-2023 Task 3 subtask 2's English development articles
(``semeval2023_frames_dev.jsonl``: research use only, so the model it writes belongs in the
optional set, not the MIT default). With ``--labels``, on your own JSON Lines, one article a
line: ``{"id": ..., "text": ..., "frames": ["Economic", ...], "group": ...}`` (``group``,
default the id, is held out together in cross-validation). Put the file it writes in a
``--lexicons`` folder to use it. It prints and records the cross-validated micro/macro-F1.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the dataset reader lives in benchmarks/, beside this script

from benchmarks.evaluation.frames import frames_file, scores  # noqa: E402
from framing.errors import FramingInputError  # noqa: E402
from framing.features.policy_frames.training import (  # noqa: E402
    FOLDS,
    bar_figures,
    calibrate,
    cross_validated_decisions,
    model_of,
    parse_all,
    read_frame_labels,
)
from framing.fileio import write_atomically  # noqa: E402
from framing.lexicons import load_lexicons  # noqa: E402

SEMEVAL = ("SemEval-2023 Task 3 subtask 2, English training articles (Piskorski et al. 2023), "
           "the 225 development articles: research use")
WEIGHTS_FILE = "readable/frame_weights.tsv"
TOP_WEIGHTS = 40  # per frame and sign, in the readable file


def weights_tsv(model: dict) -> str:
    """The strongest learned weights of each frame as a readable TSV (the JSON holds them all), with provenance."""
    provenance = model["provenance"]
    data = "; ".join(provenance.get("data", {}).values())
    lines = [
        "# name: frame_weights (a readable copy of frame_model.json beside it; framing does not load this file)",
        f"# description: the {TOP_WEIGHTS} largest and {TOP_WEIGHTS} smallest weights of each frame's calibrated"
        " logistic model; w:<word> is a word's sublinear TF-IDF (L2-normalised over the article), w:n:<word> the same"
        " for a word before the head of an organisation's name or a person's title (a name word), c:<frame> that"
        " frame's share of the article's cue weight (lexicons/frame_cues.tsv; cues that only name an office or a"
        " body left out); prior: the frame's base rate in training, from which the lead frame's lift is measured",
        f"# sources: {data}; trained {provenance.get('trained', '')} by {provenance.get('script', '')}",
        f"# licence: {provenance.get('licence', '')}",
        f"# source_licences: {data}",
        "frame\tfeature\tweight",
    ]
    for frame, spec in model["frames"].items():
        lines.append(f"{frame}\tprior\t{spec['prior']}")
        ranked = sorted(spec["weights"].items(), key=lambda item: -item[1])
        for name, weight in ranked[:TOP_WEIGHTS] + ranked[-TOP_WEIGHTS:]:
            lines.append(f"{frame}\t{name}\t{weight}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="the datasets folder, or its frames/ folder (SemEval dev)")
    parser.add_argument("--labels", type=Path, help="your own labelled articles (JSON Lines)")
    parser.add_argument("-o", "--output", type=Path,
                        default=ROOT / "lexicons" / "optional" / "frames-research-use" / "frame_model.json")
    args = parser.parse_args(argv)
    if not args.data and not args.labels:
        parser.error("give --data or --labels")
    try:
        lexicons = load_lexicons(scorers=False)  # cue lexicon only: a broken model must not stop its repair
        texts, data = [], {}
        if args.data:
            texts += read_frame_labels(frames_file(args.data))
            data["semeval"] = SEMEVAL
        if args.labels:
            texts += read_frame_labels(args.labels)
            data["own"] = f"{args.labels.name}: your labels"
        rows = parse_all(texts, lexicons)
    except FramingInputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    decisions = cross_validated_decisions(rows)
    held_out = scores([{d.frame for d in ds} for ds in decisions], [set(r.item.frames) for r in rows])
    model = model_of(rows, calibrate(rows), {
        "purpose": "assigns policy frames to articles (framing/features/policy_frames/model.py)",
        "data": data, "split": "all the given articles; figures cross-validated",
        "licence": "weights and vocabulary: research use only, like the training data (not MIT)",
        "script": "scripts/train_frames.py", "lexicon_checksum": lexicons.checksum,
        "cross_validated": {"folds": FOLDS, "grouped_by": "article (or the given group)",
                            "calibrated_by": "Platt scaling per frame on inner grouped cross-validated scores",
                            "threshold_chosen_by": "max micro+macro-F1 (model and cue rule) on those probabilities",
                            "micro_f1": held_out["micro_f1"], "macro_f1": held_out["macro_f1"]},
    })
    # The bar's held-out figures: each outer fold's bar chosen on its training articles only, applied to the rest.
    model["provenance"]["confidence_bar"]["cross_validated"] = bar_figures(rows, decisions)
    write_atomically(args.output, json.dumps(model, ensure_ascii=False) + "\n")
    readable = args.output.parent / WEIGHTS_FILE
    readable.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(readable, weights_tsv(model))
    print(json.dumps({"cross_validated": model["provenance"]["cross_validated"],
                      "confidence_bar": model["provenance"]["confidence_bar"],
                      "thresholds": sorted({s["threshold"] for s in model["frames"].values()})}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
