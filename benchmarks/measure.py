"""Wall time and peak memory of a command's whole process tree (workers included)."""

from __future__ import annotations

import subprocess
import sys
import time

import psutil


def run(command: list[str]) -> tuple[float, int]:
    """Wall seconds and peak RSS (bytes) of the process tree running ``command``.

    The resident set sizes of the process and all its descendants are summed every
    0.1 s (worker processes are separate, so the parent's own ``ru_maxrss`` misses them).
    """
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        time.sleep(0.1)
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed with status {process.returncode}")
    return time.perf_counter() - start, peak
