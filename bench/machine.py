"""The machine a benchmark ran on, as the README states it."""
from __future__ import annotations

import os
import platform
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return 0.0


def describe_machine() -> dict[str, object]:
    """Cores usable, CPU model, RAM, OS and Python version."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cores": cores,
        "cpu": _cpu_model(),
        "ram_gb": _memory_gb(),
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
    }


_SPIN = "x = 0\nfor i in range(20_000_000):\n    x += i\n"


def parallel_ceiling(cores: int) -> float:
    """The speed-up this machine gives `cores` pure-Python processes over one: no batch can beat it.

    Two vCPUs that are hyperthreads of one core, or a throttled container, give far less than 2×.
    """
    import subprocess
    import sys
    import time

    def run(processes: int) -> float:
        start = time.perf_counter()
        children = [subprocess.Popen([sys.executable, "-c", _SPIN]) for _ in range(processes)]
        for child in children:
            child.wait()
        return time.perf_counter() - start

    one = run(1)
    return cores * one / run(cores)
