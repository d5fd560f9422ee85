"""Wall time and peak memory of a command's whole process tree (workers included)."""

from __future__ import annotations

import subprocess
import sys
import time

import psutil


def run(command: list[str]) -> tuple[float, int, float]:
    """Wall seconds, peak RSS (bytes) and CPU seconds of the process tree running ``command``.

    The resident set sizes of the process and all its descendants are summed every
    0.1 s (worker processes are separate, so the parent's own ``ru_maxrss`` misses them).
    CPU time (user + system, each process's last sample) is reported because on a shared
    machine it varies far less than wall time: words per CPU second is the figure to
    compare across runs, wall time the one to compare job counts with.
    """
    start = time.perf_counter()
    process = psutil.Popen(command, stdout=subprocess.DEVNULL)
    peak = 0
    cpu: dict[int, float] = {}
    while process.poll() is None:
        try:
            tree = [process, *process.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
            for p in tree:
                times = p.cpu_times()
                cpu[p.pid] = times.user + times.system
        except psutil.Error:
            pass
        time.sleep(0.1)
    if process.returncode:
        sys.exit(f"{' '.join(command)} failed with status {process.returncode}")
    return time.perf_counter() - start, peak, sum(cpu.values())
