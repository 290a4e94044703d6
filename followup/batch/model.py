"""What a batch run is given and what it gives back: settings, inputs, results, the summary."""
from __future__ import annotations

import hashlib
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from followup.batch_tables import WarningTally
from followup.pipeline import extract_document
from followup.schemas.run_report import RunInput

if TYPE_CHECKING:
    from followup.output import CsvDialect
    from followup.schemas import Document

# extract_document's signature: (path, *, period, password, vocabulary_files, reader=..., sha256=...) -> Document.
Extractor = Callable[..., "Document"]


def available_cores() -> int:
    """The cores this process may run on (fewer than the machine's in a container or under taskset)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def extractor_name(extractor: Extractor) -> str:
    """"module:function" of an extractor: how the cache knows it (the default's name as before the callable)."""
    return f"{extractor.__module__}:{extractor.__qualname__}"


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
    # A top-level function with extract_document's signature: it is pickled by name into the workers.
    extractor: Extractor = extract_document
    # Page reader (extract.readers); None: the default. Not in the fingerprint: every reader gives the same output.
    reader: str | None = None
    # Remove the outputs of inputs no longer given (listed as stale in the run report either way).
    prune: bool = False
    # The tables of all activities written into OUTDIR (batch_tables.TABLE_FILES; csv always) and the CSV's
    # dialect. Not in the fingerprint: they are written from the reports' documents, skipped reports included.
    tables: tuple[str, ...] = ("csv",)
    csv_dialect: CsvDialect = "rfc4180"

    def fingerprint(self) -> str:
        """Hash of everything that changes an extraction's output other than the input itself.

        The password is left out: it decides whether a file opens, never what it says. A run computes
        it once (the vocabulary files are hashed then).
        """
        # Looked up on the package, where tests (and embedders) replace it.
        package = sys.modules["followup.batch"]
        facts = {
            "followup": package.followup_version(),
            # The version is not bumped for every change: the code itself keys the cache.
            "code": package.extraction_code_fingerprint(),
            "period": self.period,
            "vocabulary": [package.sha256_of_file(Path(p)) for p in self.vocabulary_files],
            "extractor": extractor_name(self.extractor),
        }
        return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()


@dataclass(frozen=True)
class BatchInput:
    """One input of the run: the file as the user named it and the JSON file it becomes."""

    path: Path
    output: str


# What became of one input is the run report's public record of it, built once.
InputResult = RunInput


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
