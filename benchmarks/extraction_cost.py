"""One stage of extraction (or textstat's five formulas) on fixed texts: CPU seconds, or a workload to count.

    python benchmarks/extraction_cost.py {parse,reported_speech,analysis,textstat} DATA [--limit 200] [--passes 3]

``parse`` runs ``parse_text`` on every text; ``reported_speech`` the quotes-and-attribution extractor and
``analysis`` the full ``analyze_document`` on texts parsed beforehand (untimed); ``textstat`` the five
formulas as ``throughput.py`` runs them (offline, caches cleared before each text). Each runs once on the
first text (warm-up), then ``--passes`` times over all texts, and the fastest pass is printed in CPU
seconds. On a shared machine CPU seconds move with the load and an instruction count does not: run the
script under valgrind with ``--passes 0`` and ``--passes 1``; the difference of the two "Collected"
totals is the stage's instructions per pass (start-up, loading and parsing cancel out)::

    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/extraction_cost.py STAGE DATA --passes 0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null python benchmarks/extraction_cost.py STAGE DATA --passes 1

Instructions are not time (cache misses and C-level work weigh differently), but they compare two
versions of the code without the load's noise (``frames_cost.py`` does the same for the frames stage).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout's framing, not an installed one

from benchmarks.throughput import load_texts

STAGES = ("parse", "reported_speech", "analysis", "textstat")


def stage_runner(stage: str, texts: list[str], nltk_dir: Path) -> Callable[[list[str]], None]:
    """A function that runs ``stage`` over some of ``texts`` (by position), with everything it needs loaded."""
    if stage == "textstat":
        from benchmarks.throughput import TEXTSTAT_FORMULAS, offline_textstat, run_textstat, textstat_caches

        textstat_module = offline_textstat(nltk_dir)
        for name in TEXTSTAT_FORMULAS:
            getattr(textstat_module, name)("Warm up the dictionaries. Once.")
        clears = textstat_caches(textstat_module)
        return lambda some: run_textstat(textstat_module, some, clears)
    from framing.analysis import analyze_document
    from framing.corpus import parse_text
    from framing.features import reported_speech
    from framing.lexicons import load_lexicons

    lexicons = load_lexicons()
    docs = {} if stage == "parse" else {text: parse_text(text, lexicons) for text in texts}
    extract = reported_speech.extract if stage == "reported_speech" else analyze_document

    def run(some: list[str]) -> None:
        for text in some:
            if stage == "parse":
                parse_text(text, lexicons)
            else:
                extract(docs[text], lexicons)

    return run


def fastest_pass(run: Callable[[], object], passes: int) -> float:
    """The fewest CPU seconds ``run`` took in ``passes`` calls (infinity for none)."""
    best = float("inf")
    for _ in range(passes):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("stage", choices=STAGES)
    parser.add_argument("path", type=Path, help="JSON Lines file with a 'text' field per line")
    parser.add_argument("--limit", type=int, default=200, help="use only the first N texts")
    parser.add_argument("--passes", type=int, default=3, help="passes over the texts (0: load and warm up only)")
    args = parser.parse_args(argv)

    texts = load_texts(args.path, args.limit)
    with tempfile.TemporaryDirectory(prefix="framing-nltk-") as nltk_dir:
        run = stage_runner(args.stage, texts, Path(nltk_dir))
        run(texts[:1])
        best = fastest_pass(lambda: run(texts), args.passes)
    if args.passes:
        print(f"{args.stage}, {len(texts)} texts, fastest of {args.passes} passes: {best:.4f} CPU s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
