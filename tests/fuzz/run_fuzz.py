"""`make fuzz`: many damaged copies of the samples through followup, and what repair recovers.

    python tests/fuzz/run_fuzz.py [--count 520] [--seed 13] [--jobs 2] [--recovery 40]

Prints the outcomes per kind of damage, every problem (an exception, an unclean reason, a page
dropped without a warning), and the share of gold activities (samples/expected) recovered exactly
from truncated and bit-flipped copies, without and with repair. Exits 1 when there is a problem.
"""
from __future__ import annotations

import argparse
import collections
import logging
import multiprocessing
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from fuzzing import activities_recovered, load_gold, outcome_of, read_without_repair  # noqa: E402
from mutants import EXPECTED, SAMPLES, bit_flips, mutants, truncated  # noqa: E402

from followup.extract.limits import DEFAULT_MEMORY_LIMIT_MB, cap_memory  # noqa: E402


def _prepare_worker() -> None:
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    cap_memory(DEFAULT_MEMORY_LIMIT_MB)


def _judge(task: tuple[str, str]) -> tuple[str, str, list[str], list[str], float]:
    kind, path = task
    outcome = outcome_of(Path(path))
    return kind, outcome.status, outcome.problems, outcome.warnings, outcome.seconds


def _recovery(task: tuple[str, str, str]) -> tuple[str, int, int, int]:
    kind, path, expected = task
    gold = load_gold(Path(expected))
    before = activities_recovered(read_without_repair(Path(path)), gold)
    after = activities_recovered(outcome_of(Path(path)).document, gold)
    return kind, len(gold["activities"]), before, after


def fuzz(count: int, seed: int, jobs: int, folder: Path) -> int:
    tasks = []
    for mutant in mutants(count, seed):
        path = folder / f"{mutant.name}.pdf"
        path.write_bytes(mutant.data)
        tasks.append((mutant.kind, str(path)))
    table: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    problems, repaired, unreadable, slowest = [], 0, 0, 0.0
    started = time.perf_counter()
    with multiprocessing.get_context("forkserver").Pool(jobs, initializer=_prepare_worker) as pool:
        for (kind, path), (_, status, found, warnings, seconds) in zip(tasks, pool.imap(_judge, tasks), strict=False):
            table[kind][status] += 1
            problems += [f"{Path(path).name}: {p}" for p in found]
            repaired += "repaired" in warnings
            unreadable += "page_unreadable" in warnings
            slowest = max(slowest, seconds)
    statuses = sorted({s for counter in table.values() for s in counter}, key=lambda s: (s != "ok", s))
    print(f"{count} mutants of {len(SAMPLES)} samples (seed {seed}), {time.perf_counter() - started:.0f} s, "
          f"{jobs} jobs, slowest {slowest:.1f} s\n")
    print("| damage | " + " | ".join(statuses) + " |")
    print("|---|" + "---:|" * len(statuses))
    for kind, counter in table.items():
        print(f"| {kind} | " + " | ".join(str(counter[s]) for s in statuses) + " |")
    totals = collections.Counter()
    for counter in table.values():
        totals.update(counter)
    print("| all | " + " | ".join(str(totals[s]) for s in statuses) + " |")
    print(f"\nextracted from a repaired copy: {repaired}; with a page_unreadable warning: {unreadable}")
    print(f"problems (tracebacks, unclean reasons, pages dropped silently): {len(problems)}")
    for problem in problems:
        print("  " + problem)
    return len(problems)


def recovery(per_kind: int, seed: int, jobs: int, folder: Path) -> None:
    golds = {sample: EXPECTED / f"{sample.stem}.json" for sample in SAMPLES}
    tasks = []
    for kind, damage in (("truncated 60-95 %", truncated), ("bit flips", bit_flips)):
        for number in range(per_kind):
            sample = SAMPLES[number % len(SAMPLES)]
            data = damage(sample.read_bytes(), random.Random(f"recovery-{seed}-{kind}-{number}"))
            path = folder / f"recovery-{kind[:9].replace(' ', '-')}-{number:03d}-{sample.name}"
            path.write_bytes(data)
            tasks.append((kind, str(path), str(golds[sample])))
    sums: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    with multiprocessing.get_context("forkserver").Pool(jobs, initializer=_prepare_worker) as pool:
        for kind, gold, before, after in pool.imap(_recovery, tasks):
            entry = sums[kind]
            entry[0] += 1
            entry[1] += gold
            entry[2] += before
            entry[3] += after
    print("\n| damaged copies | files | gold activities | recovered exactly without repair | with repair |")
    print("|---|---:|---:|---:|---:|")
    for kind, (files, gold, before, after) in sums.items():
        print(f"| {kind} | {files} | {gold} | {before} ({before / gold:.1%}) | {after} ({after / gold:.1%}) |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=520)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--recovery", type=int, default=40, help="damaged copies per kind for the recovery figures")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="followup-fuzz-") as folder:
        problems = fuzz(arguments.count, arguments.seed, arguments.jobs, Path(folder))
        if arguments.recovery:
            recovery(arguments.recovery, arguments.seed, arguments.jobs, Path(folder))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
