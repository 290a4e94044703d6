"""Batch extraction: every report under the inputs into OUTDIR, one bad file never stops the rest.

The run writes, all atomically:
- OUTDIR/NAME.json for every report extracted,
- OUTDIR/activities.csv, every activity of every extracted report in input order, with the
  columns `source_file` and `period` in front of followup.output.CSV_COLUMNS, and the reports'
  extra columns (headers followup has no field for) after them; on request also activities.xlsx,
  .jsonl and .parquet (followup.batch_tables),
- OUTDIR/report.json, the run report: per input ok or the reason it failed, pages, activities,
  seconds; it is also the skip cache of the next run.

While the run goes on, each settled input is appended to OUTDIR/.followup-journal.jsonl as it
finishes (after its JSON is written), so a run that is killed loses nothing: the next run reads the
journal with the run report and skips what was done. One run at a time may write into an OUTDIR
(a lock on the folder); a second is refused with BatchLocked.

Each extraction runs in a worker process of our own; a worker that overruns the time limit is
killed and replaced, because pdfplumber can loop in C code where no thread or signal reaches it.
"""
from __future__ import annotations

import contextlib
import functools
import glob
import hashlib
import json
import logging
import multiprocessing
import os
import signal
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from importlib import import_module
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from extract.errors import printable_name, printable_path
from followup.batch_tables import BATCH_CSV_COLUMNS as BATCH_CSV_COLUMNS  # the columns of activities.csv
from followup.batch_tables import TABLE_FILES, WarningTally, write_tables
from followup.hints import with_option_hint
from followup.output import write_atomically

RUN_REPORT = "report.json"
JOURNAL = ".followup-journal.jsonl"
ACTIVITIES_CSV = TABLE_FILES["csv"]
DEFAULT_EXTRACTOR = "followup.pipeline:extract_document"

# A report's JSON may not take the run report's name.
_RESERVED_STEMS = frozenset({Path(RUN_REPORT).stem})
# Recycling workers now and then keeps memory flat over a long batch whatever the libraries cache.
_TASKS_PER_WORKER = 20
# Imported by each worker before it takes work, so the time limit measures extraction, not imports.
_WARM_MODULES = ("pdfplumber", "extract.document", "normalize.document", "normalize.vocabulary")


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container or under taskset)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


class BatchLocked(RuntimeError):
    """Another run is writing into the same OUTDIR."""

    def __init__(self, outdir: Path) -> None:
        super().__init__("another followup batch is writing into this folder; "
                         "wait for it to finish or choose another output folder")
        self.outdir = outdir


class InputNotFound(ValueError):
    """A batch argument is neither a file, a folder nor a glob matching anything."""

    def __init__(self, argument: str) -> None:
        super().__init__(f"{printable_path(argument)}: no such file or folder, and no file matches it as a glob")
        self.argument = argument


@dataclass(frozen=True)
class BatchSettings:
    """How every input of one run is extracted; the cache-relevant part is `fingerprint()`."""

    period: str | None = None
    password: str | None = None
    vocabulary_files: tuple[Path, ...] = ()
    jobs: int = field(default_factory=available_cores)
    timeout: float = 120.0
    # Megabytes of address space a worker may take (extract.limits.cap_memory); None: no cap.
    memory_limit: int | None = None
    force: bool = False
    # "module:function" with extract_document's signature; named, not passed, so workers can import it.
    extractor: str = DEFAULT_EXTRACTOR
    # Page reader (extract.readers); None: the default. Not in the fingerprint: every reader gives the same output.
    reader: str | None = None
    # Remove the outputs of inputs no longer given (listed as stale in the run report either way).
    prune: bool = False
    # The tables of all activities written into OUTDIR (batch_tables.TABLE_FILES; csv always) and the CSV's
    # dialect. Not in the fingerprint: they are written from the reports' JSON, skipped reports included.
    tables: tuple[str, ...] = ("csv",)
    csv_dialect: str = "rfc4180"

    def fingerprint(self) -> str:
        """Hash of everything that changes an extraction's output other than the input itself.

        The password is left out: it decides whether a file opens, never what it says.
        """
        facts = {
            "followup": _followup_version(),
            # The version is not bumped for every change: the code itself keys the cache.
            "code": extraction_code_fingerprint(),
            "period": self.period,
            "vocabulary": [_sha256_of_file(Path(p)) for p in self.vocabulary_files],
            "extractor": self.extractor,
        }
        return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class BatchInput:
    """One input of the run: the file as the user named it and the JSON file it becomes."""

    path: Path
    output: str


@dataclass(frozen=True)
class InputResult:
    """What became of one input; `status` is "ok" or "failed", `code` says why it failed."""

    file: str
    output: str
    sha256: str | None
    settings: str
    status: str
    skipped: bool = False
    reason: str | None = None
    code: str | None = None
    pages: int | None = None
    activities: int | None = None
    seconds: float = 0.0
    # The high-water mark of the worker process's memory when it finished this input (it may
    # have read other inputs before); what a long report costs in memory.
    peak_memory_mb: float | None = None
    traceback: str | None = None
    # status "duplicate": the earlier input with the same content (extracted once, counted once).
    duplicate_of: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def failed(self) -> bool:
        return self.status == "failed"


@dataclass(frozen=True)
class BatchSummary:
    """A finished (or interrupted) run: its results in input order and the wall time it took.

    `stale`: outputs in OUTDIR of inputs no longer given (removed when `pruned`); `interrupted`: the run
    was stopped (Ctrl-C, SIGTERM) and `results` hold only the inputs settled by then.
    """

    results: list[InputResult]
    seconds: float
    jobs: int
    stale: list[str] = field(default_factory=list)
    pruned: bool = False
    interrupted: bool = False
    # The warnings of the extracted reports (written into the tables' warnings column).
    warnings: WarningTally = field(default_factory=WarningTally)

    @property
    def failed(self) -> list[InputResult]:
        return [r for r in self.results if r.failed]

    @property
    def duplicates(self) -> list[InputResult]:
        return [r for r in self.results if r.status == "duplicate"]

    @property
    def ok_count(self) -> int:
        return sum(1 for r in self.results if r.ok)

    @property
    def skipped_count(self) -> int:
        return sum(1 for r in self.results if r.skipped)

    @property
    def pages_extracted(self) -> int:
        """Pages of the reports extracted in this run (skipped ones took no time)."""
        return sum(r.pages or 0 for r in self.results if r.ok and not r.skipped)

    @property
    def activities(self) -> int:
        return sum(r.activities or 0 for r in self.results if r.ok)

    @property
    def peak_memory_mb(self) -> float | None:
        """The most memory any worker process held during the run."""
        peaks = [r.peak_memory_mb for r in self.results if r.peak_memory_mb is not None and not r.skipped]
        return max(peaks, default=None)

    @property
    def pages_per_second(self) -> float | None:
        if self.pages_extracted == 0 or self.seconds <= 0:
            return None
        return self.pages_extracted / self.seconds


# ---------------------------------------------------------------- discovering inputs


def discover_inputs(arguments: Sequence[str]) -> list[Path]:
    """The files named by the arguments, in argument order, each once.

    A file is taken whatever its name; a folder gives every *.pdf under it (any case, recursively,
    sorted); anything else is a glob. Raises InputNotFound for an argument that names nothing.
    """
    found: list[Path] = []
    seen: set[Path] = set()
    for argument in arguments:
        for path in _expand_argument(argument):
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                found.append(path)
    return found


def _expand_argument(argument: str) -> list[Path]:
    path = Path(argument)
    if path.is_file():
        return [path]
    if path.is_dir():
        return _pdfs_under(path)
    matches = sorted(glob.glob(argument, recursive=True))
    if not matches:
        raise InputNotFound(argument)
    expanded: list[Path] = []
    for match in map(Path, matches):
        if match.is_dir():
            expanded.extend(_pdfs_under(match))
        elif match.is_file():
            expanded.append(match)
    return expanded


def _pdfs_under(folder: Path) -> list[Path]:
    pdfs = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        pdfs.extend(Path(root) / name for name in sorted(files) if name.lower().endswith(".pdf"))
    return pdfs


def assign_outputs(paths: Sequence[Path]) -> list[BatchInput]:
    """Give each input its JSON file name in OUTDIR, never two the same.

    NAME.json when the name is unique in the run (ignoring case, as some file systems do);
    otherwise NAME-XXXXXXXX.json for each of the same name, XXXXXXXX from the absolute path, so
    the name does not depend on input order and stays the same from one run to the next.
    """
    stems = [printable_name(path.parent / path.stem) for path in paths]
    counts: dict[str, int] = {}
    for stem in stems:
        counts[stem.casefold()] = counts.get(stem.casefold(), 0) + 1
    inputs = []
    for path, stem in zip(paths, stems, strict=False):
        unique = counts[stem.casefold()] == 1 and stem.casefold() not in _RESERVED_STEMS
        name = f"{stem}.json" if unique else f"{stem}-{_path_tag(path)}.json"
        inputs.append(BatchInput(path=path, output=name))
    return inputs


def _path_tag(path: Path) -> str:
    return hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]


# ---------------------------------------------------------------- running


ResultCallback = Callable[[InputResult], None]


def run_batch(
    inputs: Sequence[BatchInput],
    outdir: Path,
    settings: BatchSettings,
    on_result: ResultCallback | None = None,
) -> BatchSummary:
    """Extract every input into outdir and write activities.csv and the run report.

    Inputs unchanged since the last run into outdir (same content, same settings, extracted then)
    are skipped unless settings.force. `on_result` is told of each input as it is settled.
    Raises BatchLocked when another run is writing into outdir.
    """
    started = time.perf_counter()
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    with _exclusive(outdir):
        return _run_locked(inputs, outdir, settings, on_result, started)


def _run_locked(inputs: Sequence[BatchInput], outdir: Path, settings: BatchSettings,
                on_result: ResultCallback | None, started: float) -> BatchSummary:
    _remove_leftover_temporaries(outdir, [RUN_REPORT, *TABLE_FILES.values(), *(item.output for item in inputs)])
    fingerprint = settings.fingerprint()
    known = _previous_results(outdir)
    previous = {} if settings.force else known
    previous_outputs = [*known, *_previous_stale(outdir)]
    journal = _Journal(outdir / JOURNAL)
    recorded = on_result or (lambda result: None)

    def notify(result: InputResult) -> None:
        journal.append(result)
        recorded(result)

    results: list[InputResult | None] = [None] * len(inputs)
    pending: list[tuple[int, BatchInput, str]] = []
    first_with_content: dict[str, str] = {}
    stale: list[str] = []
    try:
        for index, item in enumerate(inputs):
            settled = _settle_without_extracting(item, fingerprint, previous.get(item.output), outdir)
            sha256 = settled.sha256 if isinstance(settled, InputResult) else settled
            if sha256 is not None and sha256 in first_with_content:
                settled = _duplicate(item, sha256, fingerprint, first_with_content[sha256])
            elif sha256 is not None:
                first_with_content[sha256] = printable_path(item.path)
            if isinstance(settled, InputResult):
                results[index] = settled
                notify(settled)
            else:
                pending.append((index, item, settled))

        stale = _stale_outputs(outdir, previous_outputs, inputs, results)
        for index, item, sha256, outcome in extract_in_workers(pending, settings):
            result = _result_of(item, sha256, fingerprint, outcome)
            if result.ok:
                write_atomically(outdir / item.output, outcome["json"])
            results[index] = result
            notify(result)
    except (KeyboardInterrupt, SystemExit):
        # Ctrl-C or SIGTERM (SystemExit from the CLI's handler): the run report says what finished.
        interrupted = BatchSummary(results=[r for r in results if r is not None],
                                   seconds=time.perf_counter() - started, jobs=settings.jobs, stale=stale,
                                   interrupted=True)
        with contextlib.suppress(OSError):
            write_atomically(outdir / RUN_REPORT, run_report_json(interrupted, settings))
        raise

    if settings.prune:
        for name in stale:
            (outdir / name).unlink(missing_ok=True)
    summary = BatchSummary(
        results=[r for r in results if r is not None],
        seconds=time.perf_counter() - started,
        jobs=settings.jobs,
        stale=stale,
        pruned=settings.prune and bool(stale),
    )
    tally = write_tables(summary.results, outdir, ("csv", *settings.tables), settings.csv_dialect)
    summary = replace(summary, warnings=tally)
    write_atomically(outdir / RUN_REPORT, run_report_json(summary, settings))
    # The run report now holds every result; a journal left by an earlier, killed run is done with.
    journal.remove()
    return summary


class _Journal:
    """OUTDIR/.followup-journal.jsonl: one JSON line per input as it is settled, synced to disk.

    A line is appended whole or, when the run is killed while writing it, torn; a torn line is
    ignored when the journal is read, and its input is extracted again.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def append(self, result: InputResult) -> None:
        line = json.dumps(asdict(result), ensure_ascii=False) + "\n"
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())

    def remove(self) -> None:
        self.path.unlink(missing_ok=True)


class _exclusive:
    """Hold a lock on OUTDIR itself for the run (no lock file left behind); BatchLocked when taken."""

    def __init__(self, outdir: Path) -> None:
        self.outdir = outdir
        self.descriptor: int | None = None

    def __enter__(self) -> _exclusive:
        try:
            import fcntl
        except ImportError:  # not on Windows: no lock, as before
            return self
        descriptor = os.open(self.outdir, os.O_RDONLY)
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(descriptor)
            raise BatchLocked(self.outdir) from None
        self.descriptor = descriptor
        return self

    def __exit__(self, *exc: object) -> None:
        if self.descriptor is not None:
            os.close(self.descriptor)


def _settle_without_extracting(
    item: BatchInput, fingerprint: str, previous: dict[str, Any] | None, outdir: Path
) -> InputResult | str:
    """The input's result when it needs no extraction (unreadable, or unchanged), else its sha256."""
    try:
        sha256 = _sha256_of_file(item.path)
    except OSError as error:
        return InputResult(file=printable_path(item.path), output=item.output, sha256=None, settings=fingerprint,
                           status="failed", reason=f"cannot read: {error.strerror or error}", code="unreadable")
    if (
        previous is not None
        and previous.get("status") == "ok"
        and previous.get("sha256") == sha256
        and previous.get("settings") == fingerprint
        and _is_document(outdir / item.output)
    ):
        return InputResult(file=printable_path(item.path), output=item.output, sha256=sha256, settings=fingerprint,
                           status="ok", skipped=True, pages=previous.get("pages"),
                           activities=previous.get("activities"), seconds=previous.get("seconds", 0.0),
                           peak_memory_mb=previous.get("peak_memory_mb"))
    return sha256


def _duplicate(item: BatchInput, sha256: str, fingerprint: str, original: str) -> InputResult:
    """An input whose content equals an earlier input's: neither extracted nor counted again."""
    return InputResult(file=printable_path(item.path), output=item.output, sha256=sha256, settings=fingerprint,
                       status="duplicate", reason=f"the same content as {original}", duplicate_of=original)


def _stale_outputs(outdir: Path, previous_outputs: Iterable[str], inputs: Sequence[BatchInput],
                   results: Sequence[InputResult | None]) -> list[str]:
    """Report files in OUTDIR that earlier runs wrote for inputs this run does not produce (sorted, each once).

    An input no longer given, or now a duplicate of another input, leaves its old JSON behind; only
    names the run reports recorded count, so no file of anyone else's is ever listed (or pruned).
    """
    produced = {item.output for item, result in zip(inputs, results, strict=True)
                if result is None or result.status != "duplicate"}
    return sorted({name for name in previous_outputs
                   if name not in produced and _is_own_output(name) and (outdir / name).is_file()})


def _is_own_output(name: str) -> bool:
    """A plain NAME.json directly in OUTDIR, as assign_outputs names them (never the run report)."""
    return name.endswith(".json") and "/" not in name and "\\" not in name and name != RUN_REPORT


def _previous_stale(outdir: Path) -> list[str]:
    """The outputs the last run report listed as stale (still stale until given again or pruned)."""
    try:
        report = json.loads((outdir / RUN_REPORT).read_text(encoding="utf-8"))
        return [name for name in report.get("stale", []) if isinstance(name, str)]
    except (OSError, ValueError, AttributeError):
        return []


def _result_of(item: BatchInput, sha256: str, fingerprint: str, outcome: dict[str, Any]) -> InputResult:
    base = InputResult(file=printable_path(item.path), output=item.output, sha256=sha256, settings=fingerprint,
                       status="failed", seconds=round(outcome.get("seconds", 0.0), 3),
                       peak_memory_mb=outcome.get("peak_memory_mb"))
    if outcome["kind"] == "ok":
        return replace(base, status="ok", pages=outcome["pages"], activities=outcome["activities"])
    # The run report is the command line's: its reasons name the option that helps, as its error lines do.
    reason = with_option_hint(outcome["reason"], outcome.get("setting"))
    return replace(base, reason=reason, code=outcome["code"], traceback=outcome.get("traceback"))


def _is_document(path: Path) -> bool:
    """Whether path holds a whole output document (a skipped report's JSON must still be usable)."""
    from schemas import Document

    try:
        Document.model_validate_json(path.read_bytes())
    except (OSError, ValueError):
        return False
    return True


def _remove_leftover_temporaries(outdir: Path, names: Iterable[str]) -> None:
    """Delete temporary files of ours that a killed run left behind (write_atomically's naming)."""
    for name in names:
        for leftover in outdir.glob(f".{glob.escape(name)}.*.tmp"):
            leftover.unlink(missing_ok=True)


def _previous_results(outdir: Path) -> dict[str, dict[str, Any]]:
    """The last runs' results by output name: the run report, then the journal of a run killed since.

    A missing or unreadable run report means no cache; a torn journal line is ignored.
    """
    results: dict[str, dict[str, Any]] = {}
    try:
        report = json.loads((outdir / RUN_REPORT).read_text(encoding="utf-8"))
        results.update((entry["output"], entry) for entry in report["inputs"]
                       if isinstance(entry, dict) and "output" in entry)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    try:
        lines = (outdir / JOURNAL).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict) and isinstance(entry.get("output"), str):
            results[entry["output"]] = entry
    return results


# ---------------------------------------------------------------- reporting


def run_report_json(summary: BatchSummary, settings: BatchSettings) -> str:
    """The run report: settings, totals and one entry per input in input order."""
    from schemas.run_report import RUN_REPORT_VERSION, RunReport

    report = {
        "schema_version": RUN_REPORT_VERSION,
        "settings": {
            "period": settings.period,
            "vocabulary": [str(p) for p in settings.vocabulary_files],
            "jobs": settings.jobs,
            "timeout": settings.timeout,
            "force": settings.force,
            "fingerprint": settings.fingerprint(),
        },
        "summary": {
            "inputs": len(summary.results),
            "ok": summary.ok_count,
            "failed": len(summary.failed),
            "duplicates": len(summary.duplicates),
            "interrupted": summary.interrupted,
            "skipped": summary.skipped_count,
            "pages": summary.pages_extracted,
            "activities": summary.activities,
            "seconds": round(summary.seconds, 3),
            "pages_per_second": round(summary.pages_per_second, 2) if summary.pages_per_second else None,
            "peak_memory_mb": summary.peak_memory_mb,
        },
        "inputs": [asdict(result) for result in summary.results],
        # Outputs of inputs no longer given (or now duplicates); `pruned`: removed by this run.
        "stale": summary.stale,
        "pruned": summary.pruned,
    }
    # Held to the public model (schemas.run_report) before it is written: a field added here
    # without the model fails every batch test.
    RunReport.model_validate(report)
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"


def summary_lines(summary: BatchSummary, outdir: Path) -> list[str]:
    """The one-screen summary of a run (the failed files are listed separately)."""
    rate = f"{summary.pages_per_second:.1f} pages/s" if summary.pages_per_second else "no pages extracted"
    skipped = f" ({summary.skipped_count} unchanged, skipped)" if summary.skipped_count else ""
    memory = f", peak memory of a worker {summary.peak_memory_mb:.0f} MB" if summary.peak_memory_mb else ""
    duplicates = f", {len(summary.duplicates)} duplicates" if summary.duplicates else ""
    stale = []
    if summary.stale:
        done = "removed" if summary.pruned else "left in place (--prune removes them)"
        stale = [f"{len(summary.stale)} stale outputs of inputs no longer given, {done}: {', '.join(summary.stale[:5])}"
                 + (" …" if len(summary.stale) > 5 else "")]
    return [
        f"{len(summary.results)} inputs: {summary.ok_count} ok{skipped}, {len(summary.failed)} failed{duplicates}",
        f"{summary.pages_extracted} pages extracted in {summary.seconds:.1f} s ({rate}, {summary.jobs} jobs{memory})",
        f"{summary.activities} activities in {printable_path(outdir / ACTIVITIES_CSV)}",
        *stale,
        f"run report: {printable_path(outdir / RUN_REPORT)}",
    ]


# ---------------------------------------------------------------- worker processes


def extract_in_workers(
    pending: Sequence[tuple[int, BatchInput, str]], settings: BatchSettings
) -> Iterator[tuple[int, BatchInput, str, dict[str, Any]]]:
    """Yield (index, input, sha256, outcome) as extractions finish, at most settings.jobs at a time.

    Each outcome is a plain dict: kind "ok" with the document's `json`, pages and activities, or kind
    "failed" with `reason`, `code` and `setting` (InputRejected's); read_reports uses it too.
    """
    if not pending:
        return
    by_index = {index: (item, sha256) for index, item, sha256 in pending}
    pool = _WorkerPool(settings, size=min(max(1, settings.jobs), len(pending)))
    try:
        for index, outcome in pool.run((index, str(item.path)) for index, item, _ in pending):
            item, sha256 = by_index[index]
            yield index, item, sha256, outcome
    finally:
        pool.close()


class _Worker:
    """One worker process and the pipe to it; `task` is the (index, path) it is working on."""

    def __init__(self, context: Any, settings: BatchSettings) -> None:
        self.connection, child_end = context.Pipe()
        job = {"extractor": settings.extractor, "period": settings.period, "password": settings.password,
               "vocabulary_files": [str(p) for p in settings.vocabulary_files], "reader": settings.reader,
               "memory_limit": settings.memory_limit}
        self.process = context.Process(target=_worker_main, args=(child_end, job), daemon=True)
        self.process.start()
        child_end.close()
        self.ready = False
        self.task: tuple[int, str] | None = None
        self.deadline = 0.0
        self.tasks_done = 0

    def give(self, task: tuple[int, str], timeout: float) -> None:
        self.connection.send(task)
        self.task = task
        self.deadline = time.monotonic() + timeout

    def stop(self) -> None:
        """Ask the worker to finish; kill it if it does not."""
        with contextlib.suppress(OSError):
            self.connection.send(None)
        self.process.join(timeout=2)
        self.kill()

    def kill(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.connection.close()


class _WorkerPool:
    """Workers taking one file at a time; a worker that times out or dies is replaced."""

    def __init__(self, settings: BatchSettings, size: int) -> None:
        self.settings = settings
        self.size = size
        self.context = _process_context()
        self.workers: list[_Worker] = []
        self.failed_starts = 0

    def run(self, tasks: Iterable[tuple[int, str]]) -> Iterator[tuple[int, dict[str, Any]]]:
        queue = deque(tasks)
        self.workers = [_Worker(self.context, self.settings) for _ in range(min(self.size, len(queue)))]
        while queue or any(w.task for w in self.workers):
            for worker in self.workers:
                if worker.ready and worker.task is None and queue:
                    worker.give(queue.popleft(), self.settings.timeout)
            busy = [w.deadline for w in self.workers if w.task is not None]
            wait_for = max(0.0, min(busy) - time.monotonic()) if busy else None
            readable = wait([w.connection for w in self.workers], timeout=wait_for)
            for worker in list(self.workers):
                if worker.connection in readable:
                    yield from self._hear(worker, queue)
            for worker in list(self.workers):
                if worker.task is not None and time.monotonic() >= worker.deadline:
                    index, _ = worker.task
                    self._replace(worker, queue)
                    timed_out = _failure(f"timed out: reading it took longer than {self.settings.timeout:g} s",
                                         "timeout", setting="timeout")
                    yield index, {**timed_out, "seconds": self.settings.timeout}

    def _hear(self, worker: _Worker, queue: deque) -> Iterator[tuple[int, dict[str, Any]]]:
        try:
            message = worker.connection.recv()
        except (EOFError, OSError):
            yield from self._worker_died(worker, queue)
            return
        if message == "ready":
            worker.ready = True
            return
        index, outcome = message
        worker.task = None
        worker.tasks_done += 1
        if worker.tasks_done >= _TASKS_PER_WORKER:
            self._replace(worker, queue, gently=True)
        yield index, outcome

    def _worker_died(self, worker: _Worker, queue: deque) -> Iterator[tuple[int, dict[str, Any]]]:
        worker.process.join(timeout=5)  # reap it, so its exit code says how it died
        task, code = worker.task, worker.process.exitcode
        if not worker.ready:
            self.failed_starts += 1
        if self.failed_starts > 2 * self.size:
            # Workers cannot even start: fail what is left rather than retry forever.
            while queue:
                index, _ = queue.popleft()
                yield index, _failure("internal error: worker processes fail to start", "internal")
        self._replace(worker, queue)
        if task is not None:
            yield task[0], _failure(f"the reading process died ({_exit_description(code)})", "crashed")

    def _replace(self, worker: _Worker, queue: deque, gently: bool = False) -> None:
        worker.stop() if gently else worker.kill()
        self.workers.remove(worker)
        if queue:
            self.workers.append(_Worker(self.context, self.settings))

    def close(self) -> None:
        for worker in self.workers:
            worker.kill() if worker.task is not None else worker.stop()
        self.workers = []


def _process_context() -> Any:
    # forkserver: fresh processes without copying the parent, yet cheap to start; spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _worker_main(connection: Any, job: dict[str, Any]) -> None:
    """A worker process: extract each (index, path) it is sent, answer (index, outcome)."""
    # Ctrl-C is the parent's to handle; it stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # pdfminer logs every oddity of a damaged file; the run report says what became of the file,
    # and the terminal is for the progress bar and the summary.
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    for name in _WARM_MODULES:
        # A missing stage shows up, with its traceback, as each input's internal error.
        with contextlib.suppress(Exception):
            import_module(name)
    from extract.limits import cap_memory

    cap_memory(job.get("memory_limit"))
    connection.send("ready")
    while True:
        try:
            task = connection.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        index, path = task
        connection.send((index, _extract_outcome(Path(path), job)))


def _extract_outcome(path: Path, job: dict[str, Any]) -> dict[str, Any]:
    """Extract one file and describe the outcome in plain, picklable values; never raises."""
    from extract.errors import InputRejected
    from extract.limits import ResourceLimit, memory_exhausted
    from followup.output import document_json

    started = time.perf_counter()
    try:
        module_name, function_name = job["extractor"].split(":")
        extractor = getattr(import_module(module_name), function_name)
        chosen = {"reader": job["reader"]} if job.get("reader") else {}
        document = extractor(path, period=job["period"], password=job["password"],
                             vocabulary_files=[Path(p) for p in job["vocabulary_files"]], **chosen)
        text = document_json(document)
    except InputRejected as rejected:
        outcome = _failure(rejected.reason, rejected.code, setting=rejected.setting)
    except ResourceLimit as limit:
        outcome = _failure(limit.reason, limit.code, setting=limit.setting)
    except MemoryError:
        outcome = _failure(memory_exhausted(job.get("memory_limit")).reason, "too_large", setting="memory_limit")
    except Exception as error:  # noqa: BLE001 - any bug must become a recorded reason, not a lost run
        outcome = _failure(f"internal error: {type(error).__name__}: {error}", "internal",
                           traceback.format_exc())
    else:
        outcome = {"kind": "ok", "json": text, "pages": document.source.pages,
                   "activities": len(document.activities)}
    outcome["seconds"] = time.perf_counter() - started
    outcome["peak_memory_mb"] = _peak_memory_mb()
    return outcome


def _failure(reason: str, code: str, trace: str | None = None, *, setting: str | None = None) -> dict[str, Any]:
    """A failed outcome; `setting` names the setting that may help (InputRejected.setting)."""
    return {"kind": "failed", "reason": reason, "code": code, "traceback": trace, "setting": setting}


def _peak_memory_mb() -> float | None:
    try:
        import resource
    except ImportError:  # not on Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux counts kilobytes, macOS bytes.
    return round(peak / (1 << 20 if sys.platform == "darwin" else 1 << 10), 1)


def _exit_description(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"killed by signal {-exitcode}"
    return f"exit status {exitcode}"


# ---------------------------------------------------------------- small facts


def _sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# What decides an extraction's output: the stages, their data files, and the pipeline and JSON writer.
EXTRACTION_CODE = ("extract", "normalize", "schemas", "followup.pipeline", "followup.output")
CODE_SUFFIXES = (".py", ".toml", ".json")


@functools.cache
def extraction_code_fingerprint() -> str:
    """Hash of the code and data that extract a report here, so a rerun after any change extracts again."""
    roots = []
    for name in EXTRACTION_CODE:
        module = import_module(name)
        path = Path(module.__file__ or "")
        roots.append(path.parent if path.name == "__init__.py" else path)
    return code_fingerprint(roots)


def code_fingerprint(roots: Sequence[Path]) -> str:
    """Hash of the source and data files under `roots` (files or folders), by relative path and content."""
    digest = hashlib.sha256()
    for root in roots:
        files = [root] if root.is_file() else sorted(
            f for f in root.rglob("*") if f.suffix in CODE_SUFFIXES and "__pycache__" not in f.parts)
        for file in files:
            digest.update(f"{root.name}/{file.relative_to(root) if file != root else ''}".encode())
            digest.update(hashlib.sha256(file.read_bytes()).digest())
    return digest.hexdigest()


def _followup_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("followup")
    except PackageNotFoundError:
        return "unknown"
