"""Where `framing extract --jobs N` spends the parent's CPU, and the run's critical path in CPU seconds.

    python benchmarks/extract_phases.py CORPUS.jsonl --jobs 2 [--out /tmp/phases-out]

One extraction (a JSON Lines folder, as ``extract_scale.py --format jsonl`` writes) in this process,
with ``time.process_time`` marks: imports, lexicons, the pool's start, the first and the last batch
of rows, the files committed. With ``--jobs 2`` or more it prints the critical path: the parent's CPU
until the pool starts + the busier worker's CPU + the parent's CPU after the last article. Against
``--jobs 1``'s total CPU that is the speed-up two free cores would give (the parent's share of the
cores while the workers run left out), and unlike wall time it can be read on a shared machine.
Build a corpus with ``extract_scale.build_corpus``. Run from the checkout to measure (PYTHONPATH=.).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START = time.process_time()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="a JSON Lines corpus")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=Path("/tmp/framing-phases-out"), help="output folder")
    args = parser.parse_args()
    marks: list[tuple[str, float]] = []
    workers: list[float] = []

    def mark(name: str) -> None:
        marks.append((name, time.process_time() - START))

    import psutil

    import framing.engine as engine
    import framing.engine.local as local
    from framing.analysis import corpus_lexicons

    mark("imports")
    lexicons = corpus_lexicons([args.corpus], None)
    mark("lexicons")
    pool, run_local = local.worker_pool, engine.run_local

    @contextmanager
    def timed_pool(*pool_args, **pool_kwargs) -> Iterator:
        mark("pool started")
        with pool(*pool_args, **pool_kwargs) as started:
            yield started
            workers.extend(sum(child.cpu_times()[:2]) for child in psutil.Process().children())

    def timed_batches(*run_args, **run_kwargs) -> Iterator:
        for number, batch in enumerate(run_local(*run_args, **run_kwargs)):
            if number == 0:
                mark("first batch")
            yield batch
        mark("last batch")

    local.worker_pool, engine.run_local = timed_pool, timed_batches
    engine.extract_corpus([args.corpus], engine.ExtractOutput(folder=args.out, fmt="jsonl"), lexicons, jobs=args.jobs)
    mark("committed")
    times = dict(marks)
    print("parent CPU-s at: " + "  ".join(f"{name} {seconds:.2f}" for name, seconds in marks))
    if workers:
        tail = times["committed"] - times["last batch"]
        path = times["pool started"] + max(workers) + tail
        print(f"workers' CPU-s {', '.join(f'{w:.2f}' for w in workers)}; critical path {times['pool started']:.2f} "
              f"+ {max(workers):.2f} + {tail:.2f} = {path:.2f} CPU-s")
    else:
        print(f"total CPU-s {times['committed']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
