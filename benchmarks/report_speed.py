"""How long ``framing analyze`` takes on the bundled seeds, HTML and PDF, cold start included.

Runs the real CLI as a fresh subprocess (so Python start-up and every import is
counted) a few times and prints the seconds of each run and the best and median,
with the CPU seconds (user + sys of the run and its PDF printers) and the load
average: on a shared machine the wall time follows the load, the CPU time much less.
Target: under 5 s on a 2-core laptop. Usage::

    .venv/bin/python benchmarks/report_speed.py [--runs 3] [--format html,pdf] [PATH ...]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

TARGET_SECONDS = 5.0


def time_once(
    paths: list[str], formats: str, command: Sequence[str] = ("analyze",), files_per_format: int = 1
) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh ``framing <command>`` process (``exercises_speed.py`` times ``exercises``).

    CPU is user + sys of every process the run waited for: the CLI, its PDF child and the child's printers.
    """
    with tempfile.TemporaryDirectory() as out:
        argv = [sys.executable, "-m", "framing", *command, *paths, "-o", out, "--format", formats]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        written = sorted(p.name for p in Path(out).iterdir())
    if len(written) != files_per_format * len(formats.split(",")):
        raise SystemExit(f"expected {files_per_format} file(s) per format, got {written}")
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(command: Sequence[str] = ("analyze",), files_per_format: int = 1, doc: str = __doc__) -> int:
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="articles (default: the bundled seeds)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="html,pdf")
    args = parser.parse_args()
    times, cpus = [], []
    for number in range(1, args.runs + 1):
        load = os.getloadavg()[0]
        seconds, cpu = time_once(args.paths, args.format, command, files_per_format)
        times.append(seconds)
        cpus.append(cpu)
        print(f"run {number}: {seconds:.2f} s, {cpu:.2f} s CPU (load average {load:.1f})")
    best, median = min(times), statistics.median(times)
    verdict = "meets" if median < TARGET_SECONDS else "MISSES"
    print(f"best {best:.2f} s, median {median:.2f} s, median CPU {statistics.median(cpus):.2f} s ({args.format}); "
          f"{verdict} the {TARGET_SECONDS:.0f} s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
