"""How long ``framing analyze`` takes on the bundled seeds, HTML and PDF, cold start included.

Runs the real CLI as a fresh subprocess (so Python start-up and every import is
counted) a few times and prints the seconds of each run and the best and median.
Target: under 5 s on a 2-core laptop. Usage::

    .venv/bin/python benchmarks/report_speed.py [--runs 3] [--format html,pdf] [PATH ...]
"""

from __future__ import annotations

import argparse
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
) -> float:
    """Seconds of one fresh ``framing <command>`` process (``exercises_speed.py`` times ``exercises``)."""
    with tempfile.TemporaryDirectory() as out:
        argv = [sys.executable, "-m", "framing", *command, *paths, "-o", out, "--format", formats]
        start = time.perf_counter()
        subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - start
        written = sorted(p.name for p in Path(out).iterdir())
    if len(written) != files_per_format * len(formats.split(",")):
        raise SystemExit(f"expected {files_per_format} file(s) per format, got {written}")
    return elapsed


def main(command: Sequence[str] = ("analyze",), files_per_format: int = 1, doc: str = __doc__) -> int:
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="articles (default: the bundled seeds)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--format", default="html,pdf")
    args = parser.parse_args()
    times = [time_once(args.paths, args.format, command, files_per_format) for _ in range(args.runs)]
    for number, seconds in enumerate(times, start=1):
        print(f"run {number}: {seconds:.2f} s")
    best, median = min(times), statistics.median(times)
    verdict = "meets" if median < TARGET_SECONDS else "MISSES"
    print(f"best {best:.2f} s, median {median:.2f} s ({args.format}); {verdict} the {TARGET_SECONDS:.0f} s target")
    return 0


if __name__ == "__main__":
    sys.exit(main())
