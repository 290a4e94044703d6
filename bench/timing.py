"""Honest clocks: medians of repeated runs, peak memory of a fresh process."""
from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

# The child reports its wall time and its own peak resident set: VmHWM, not ru_maxrss, which Linux
# carries over from the forked parent's image across exec (the bench itself holds camelot and a JVM).
_CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
start = time.perf_counter()
{setup}
elapsed = time.perf_counter() - start
with open("/proc/self/status") as status:
    peak_kb = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:"))
print(json.dumps({{"seconds": elapsed, "peak_rss_mb": peak_kb / 1024}}))
"""


@dataclass(frozen=True)
class Timing:
    """Median and spread of repeated runs, in seconds; `cpu`: the CPU seconds of the same runs, when measured."""

    median: float
    runs: list[float]
    cpu: list[float] = field(default_factory=list)

    @property
    def cpu_median(self) -> float:
        """The median CPU time: on a shared machine, what the work itself cost, without the waits for a core."""
        return statistics.median(self.cpu) if self.cpu else float("nan")


def median_seconds(work: Callable[[], object], *, runs: int = 3, warmups: int = 0) -> Timing:
    """Run `work` warmups + runs times; the median of the timed runs."""
    for _ in range(warmups):
        work()
    seconds = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - start)
    return Timing(statistics.median(seconds), seconds)


def interleaved_seconds(works: dict[str, Callable[[], object]], *, runs: int = 3) -> dict[str, Timing]:
    """Each work once as a warm-up, then `runs` rounds with every work once per round, in turn.

    Taking turns spreads the machine's drift (other processes, frequency) over all of them alike,
    so their ratios hold even on a shared, noisy machine.
    """
    for work in works.values():
        work()
    seconds: dict[str, list[float]] = {name: [] for name in works}
    cpu: dict[str, list[float]] = {name: [] for name in works}
    for _ in range(runs):
        for name, work in works.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            work()
            seconds[name].append(time.perf_counter() - start)
            cpu[name].append(time.process_time() - start_cpu)
    return {name: Timing(statistics.median(runs_s), runs_s, cpu[name]) for name, runs_s in seconds.items()}


def command_seconds(command: list[str], *, runs: int = 3, before: Callable[[], object] = lambda: None) -> Timing:
    """Median wall time of a command line, `before` run untimed ahead of each run."""
    seconds = []
    for _ in range(runs):
        before()
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
    return Timing(statistics.median(seconds), seconds)


def command_times(command: list[str], *, runs: int = 3) -> Timing:
    """Wall and CPU time (user + system, from the kernel's accounting of the finished child) of a command line."""
    seconds, cpu = [], []
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        seconds.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
    return Timing(statistics.median(seconds), seconds, cpu)


def in_fresh_process(code: str, root: Path) -> dict[str, float]:
    """Run Python `code` in a new interpreter: its wall time and peak resident memory (MB).

    A fresh process, so nothing measured before (or the bench's own imports) counts in its peak.
    """
    child = _CHILD.format(root=str(root), setup=code)
    done = subprocess.run([sys.executable, "-c", child], check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])
