"""Where the learned frame model's stage cost sits: its scores alone, its decisions, the whole path, the cue rule.

    python benchmarks/frames_floor.py /work/shared/datasets/news/bbc_news.jsonl [--limit 200] [--passes 7]

Parses the texts first (untimed), once with the optional research-use set and once with the default
lexicons, then times in CPU seconds (fastest of ``--passes``) four nested pieces of the ``policy_frames``
stage on the same documents:

* ``scores``: the name ranges, side clauses, the per-token vocabulary lookup, the cue hits, every item's
  contribution and the logits: what scoring an article needs, without its sentence sums or evidence;
* ``decisions``: the model's decisions as :func:`model_decisions` returns them (sentence sums, candidates,
  the cue rule's frames added), without evidence sentences or spans;
* ``model``: the whole stage with the model (:func:`policy_frames.extract`);
* ``rule``: the whole stage with the default cue rule.

The gap between ``model`` and ``decisions`` is the evidence and spans of the assigned frames; the stage's
share of extraction comes from ``throughput.py``'s breakdown, where it also pays for cold caches.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's framing, not an installed one

from benchmarks.extraction_cost import fastest_pass
from benchmarks.throughput import load_texts

OPTIONAL_SET = Path(__file__).resolve().parents[1] / "lexicons" / "optional" / "frames-research-use"


def model_pieces() -> dict[str, Callable[[Any, Any], Any]]:
    """The nested pieces of the model path, each a function of (document, lexicons)."""
    from framing.features.policy_frames.clauses import asides
    from framing.features.policy_frames.cues import CUE_LEXICON, cue_hits
    from framing.features.policy_frames.model import _parts, known_words, model_decisions
    from framing.features.policy_frames.name_words import name_word_ranges

    def inputs(doc: Any, lexicons: Any) -> tuple[Any, ...]:
        model = lexicons.frame_model
        names = name_word_ranges(doc)
        clauses = asides(doc, names=names)
        known = known_words(doc, model, names, lexicons.matcher(CUE_LEXICON))
        return model, names, clauses, known, cue_hits(doc, lexicons, clauses, known.cue_starts)

    def scores(doc: Any, lexicons: Any) -> Any:
        model, names, clauses, known, hits = inputs(doc, lexicons)
        return model.arrays.intercepts + _parts(doc, hits, model, clauses, names, known).contributions.sum(axis=0)

    def decisions(doc: Any, lexicons: Any) -> Any:
        model, names, clauses, known, hits = inputs(doc, lexicons)
        return model_decisions(doc, hits, model, clauses, names, known)

    return {"scores": scores, "decisions": decisions}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("path", type=Path, help="JSON Lines file with a 'text' (or 'paragraphs') field per line")
    parser.add_argument("--limit", type=int, default=200, help="use only the first N texts")
    parser.add_argument("--passes", type=int, default=7, help="timed passes per piece (the fastest is shown)")
    args = parser.parse_args(argv)

    from framing.corpus import parse_text
    from framing.features import policy_frames
    from framing.lexicons import load_lexicons

    texts = load_texts(args.path, args.limit)
    with_model, default = load_lexicons(OPTIONAL_SET), load_lexicons(None)
    model_docs = [parse_text(text, with_model) for text in texts]
    rule_docs = [parse_text(text, default) for text in texts]
    runs = [(name, piece, model_docs, with_model) for name, piece in model_pieces().items()]
    runs += [("model", policy_frames.extract, model_docs, with_model),
             ("rule", policy_frames.extract, rule_docs, default)]
    for name, piece, docs, lexicons in runs:
        piece(docs[0], lexicons)  # warm-up
        seconds = fastest_pass(lambda p=piece, d=docs, x=lexicons: [p(doc, x) for doc in d], args.passes)
        print(f"{name:10s} {seconds:.4f} CPU s ({len(docs)} texts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
