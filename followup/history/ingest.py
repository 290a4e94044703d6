"""`followup history add`: reports (PDFs or extracted JSON) into the history database.

PDFs go through followup.batch (its discovery, worker pool, per-file time limit and error
isolation) into a temporary folder; JSON documents are read as they are. Then every document is
added in period order, each in a transaction of its own: a bad input is reported and skipped, and
the others still go in.
"""
from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from followup.batch import RUN_REPORT, BatchSettings, InputResult, assign_outputs, discover_inputs, run_batch
from followup.history.adding import Added, add_document
from followup.history.store import HistoryError
from followup.schemas import Document


@dataclass(frozen=True)
class Outcome:
    """What became of one input: added (with what it did) or failed (with why)."""

    file: str
    added: Added | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.added is not None


def discover_history_inputs(arguments: Sequence[str]) -> list[Path]:
    """Batch's inputs, and under each folder its extracted JSON documents too (batch's run report left out)."""
    found: list[Path] = []
    for argument in arguments:
        found.extend(discover_inputs([argument]))
        if Path(argument).is_dir():
            found.extend(sorted(p for p in Path(argument).rglob("*") if p.suffix.lower() == ".json"
                                and p.is_file() and p.name != RUN_REPORT))
    unique: dict[Path, Path] = {}
    for path in found:
        unique.setdefault(path.resolve(), path)
    return list(unique.values())


def read_documents(paths: Sequence[Path], settings: BatchSettings,
                   on_result: Callable[[InputResult], None] | None = None) -> tuple[list[tuple[str, Document]], list[Outcome]]:
    """(file, document) of every readable input, and the failures, each in input order."""
    pdfs = [p for p in paths if p.suffix.lower() != ".json"]
    documents: dict[str, Document] = {}
    failures: list[Outcome] = []
    if pdfs:
        with tempfile.TemporaryDirectory(prefix="followup-history-") as scratch:
            summary = run_batch(assign_outputs(pdfs), Path(scratch), settings, on_result=on_result)
            for result in summary.results:
                if result.ok:
                    documents[result.file] = Document.model_validate_json((Path(scratch) / result.output).read_bytes())
                elif result.failed:  # a duplicate of an earlier input is that input's period: nothing to add
                    failures.append(Outcome(result.file, reason=result.reason))
    for path in paths:
        if path.suffix.lower() == ".json":
            try:
                document = Document.model_validate_json(path.read_bytes())
            except OSError as error:
                failures.append(Outcome(str(path), reason=f"cannot read: {error.strerror or error}"))
                continue
            except ValidationError as invalid:
                first = invalid.errors()[0]
                where = ".".join(str(p) for p in first["loc"]) or "document"
                failures.append(Outcome(str(path), reason=f"not a followup document ({where}: {first['msg']})"))
                continue
            if settings.period:
                document = document.model_copy(update={"period": settings.period})
            documents[str(path)] = document
    ordered = [(str(p), documents[str(p)]) for p in paths if str(p) in documents]
    return ordered, failures


def add_documents(connection: sqlite3.Connection, documents: Sequence[tuple[str, Document]],
                  series: str | None = None) -> list[Outcome]:
    """Add each document, oldest period first (so no later period needs linking again)."""
    outcomes = []
    for file, document in sorted(documents, key=lambda item: item[1].period or ""):
        try:
            outcomes.append(Outcome(file, added=add_document(connection, document, series=series)))
        except HistoryError as error:
            outcomes.append(Outcome(file, reason=str(error)))
        except sqlite3.Error as error:  # locked past the busy timeout, disk full, read-only file
            outcomes.append(Outcome(file, reason=f"database error: {error}"))
    return outcomes
