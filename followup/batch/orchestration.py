"""run_batch: the inputs settled from the cache or extracted in workers, then the outputs written, under a lock."""
from __future__ import annotations

import contextlib
import glob
import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from followup.batch.cache import (
    JOURNAL,
    Journal,
    previous_results,
    previous_stale,
    settle_without_extracting,
    stale_outputs,
)
from followup.batch.inputs import duplicate
from followup.batch.model import BatchInput, BatchSettings, BatchSummary, InputResult
from followup.batch.pool import extract_in_workers
from followup.batch.run_report import RUN_REPORT, run_report_json
from followup.batch_tables import TABLE_FILES, write_tables
from followup.extract.errors import printable_path
from followup.hints import with_option_hint
from followup.output import write_atomically

if TYPE_CHECKING:
    from followup.schemas import Document

ResultCallback = Callable[[InputResult], None]


class BatchLocked(RuntimeError):
    """Another run is writing into the same OUTDIR."""

    def __init__(self, outdir: Path) -> None:
        super().__init__("another followup batch is writing into this folder; "
                         "wait for it to finish or choose another output folder")
        self.outdir = outdir


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
    known = previous_results(outdir)
    previous = {} if settings.force else known
    previous_outputs = [*known, *previous_stale(outdir)]
    journal = Journal(outdir / JOURNAL)
    recorded = on_result or (lambda result: None)

    def notify(result: InputResult) -> None:
        journal.append(result)
        recorded(result)

    results: list[InputResult | None] = [None] * len(inputs)
    # Each report's document, as a worker made it or as read once from a skipped report's JSON: the tables'.
    documents: list[Document | None] = [None] * len(inputs)
    pending: list[tuple[int, BatchInput, str | None]] = []
    first_with_content: dict[str, str] = {}
    stale: list[str] = []
    try:
        for index, item in enumerate(inputs):
            settled, sha256, documents[index] = settle_without_extracting(item, fingerprint, previous.get(item.output),
                                                                          outdir)
            if sha256 is not None and sha256 in first_with_content:
                settled, documents[index] = duplicate(item, sha256, fingerprint, first_with_content[sha256]), None
            elif sha256 is not None:
                first_with_content[sha256] = printable_path(item.path)
            if settled is not None:
                results[index] = settled
                notify(settled)
            else:
                pending.append((index, item, sha256))

        stale = stale_outputs(outdir, previous_outputs, inputs, results)
        for index, item, sha256, outcome in extract_in_workers(pending, settings):
            result = _result_of(item, sha256, fingerprint, outcome)
            if result.ok:
                write_atomically(outdir / item.output, outcome["json"])
                documents[index] = outcome["document"]
            results[index] = result
            notify(result)
    except (KeyboardInterrupt, SystemExit):
        # Ctrl-C or SIGTERM (SystemExit from the CLI's handler): the run report says what finished.
        interrupted = BatchSummary(results=[r for r in results if r is not None],
                                   seconds=time.perf_counter() - started, jobs=settings.jobs, stale=stale,
                                   interrupted=True)
        with contextlib.suppress(OSError):
            write_atomically(outdir / RUN_REPORT, run_report_json(interrupted, settings, fingerprint))
        raise

    if settings.prune:
        for name in stale:
            (outdir / name).unlink(missing_ok=True)
    settled_reports = [(r, d) for r, d in zip(results, documents, strict=True) if r is not None]
    summary = BatchSummary(
        results=[r for r, _ in settled_reports],
        seconds=time.perf_counter() - started,
        jobs=settings.jobs,
        stale=stale,
        pruned=settings.prune and bool(stale),
    )
    tally = write_tables(settled_reports, outdir, ("csv", *settings.tables), settings.csv_dialect)
    summary = replace(summary, warnings=tally)
    write_atomically(outdir / RUN_REPORT, run_report_json(summary, settings, fingerprint))
    # The run report now holds every result; a journal left by an earlier, killed run is done with.
    journal.remove()
    return summary


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


def _result_of(item: BatchInput, sha256: str | None, fingerprint: str, outcome: dict[str, Any]) -> InputResult:
    """An extracted input's result from its worker's outcome."""
    base = InputResult(file=printable_path(item.path), output=item.output, sha256=sha256, settings=fingerprint,
                       status="failed", seconds=round(outcome.get("seconds", 0.0), 3),
                       peak_memory_mb=outcome.get("peak_memory_mb"))
    if outcome["kind"] == "ok":
        return base.model_copy(update={"status": "ok", "pages": outcome["pages"], "activities": outcome["activities"]})
    # The run report is the command line's: its reasons name the option that helps, as its error lines do.
    reason = with_option_hint(outcome["reason"], outcome.get("setting"))
    return base.model_copy(update={"reason": reason, "code": outcome["code"], "traceback": outcome.get("traceback")})


def _remove_leftover_temporaries(outdir: Path, names: Iterable[str]) -> None:
    """Delete temporary files of ours that a killed run left behind (write_atomically's naming)."""
    for name in names:
        for leftover in outdir.glob(f".{glob.escape(name)}.*.tmp"):
            leftover.unlink(missing_ok=True)
