"""A batch's tables of every activity of every extracted report, in OUTDIR beside the reports' JSON.

`activities.csv` always (`--csv-dialect` chooses its flavour); on request (`batch --format`) also
`activities.xlsx` (an activities sheet over all reports, a reports sheet with one row per input,
failed ones too, and a warnings sheet with the messages), `activities.jsonl` (one activity per line)
and `activities.parquet`. Every table has `source_file` and `period` in front, the fixed columns of
followup.output.CSV_COLUMNS, then the reports' extra columns (their union, in the order first met).
The tables are built from the documents the run holds (each made once, by its worker, or read once
from a skipped report's JSON), never from their JSON files read back; a workbook is built whole
(openpyxl keeps it in memory).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from followup.output import (
    CSV_COLUMNS,
    CsvDialect,
    activities_csv,
    activity_csv_row,
    activity_records,
    extra_columns,
    records_jsonl,
    replace_atomically,
    warning_codes,
    write_atomically,
)

if TYPE_CHECKING:
    from followup.batch import InputResult
    from followup.schemas import Document
    from followup.workbook import Sheet

BATCH_CSV_COLUMNS = ["source_file", "period", *CSV_COLUMNS]
TABLE_FILES = {"csv": "activities.csv", "xlsx": "activities.xlsx", "jsonl": "activities.jsonl",
               "parquet": "activities.parquet"}
REPORT_COLUMNS = ["source_file", "period", "title", "status", "reason", "pages", "activities", "done", "in_progress",
                  "delayed", "no_status", "highlighted", "warnings"]


@dataclass(frozen=True)
class WarningTally:
    """The warnings of a batch's reports: how many of each code, and in how many reports."""

    codes: dict[str, int] = field(default_factory=dict)
    reports: int = 0

    @property
    def total(self) -> int:
        return sum(self.codes.values())


# Each input's result with its document (None for one not extracted), in input order.
Reports = Sequence[tuple["InputResult", "Document | None"]]


def write_tables(results: Reports, outdir: Path, formats: Sequence[str],
                 dialect: CsvDialect = "rfc4180") -> WarningTally:
    """Write activities.FORMAT for each format (csv among them) and count the reports' warnings."""
    extras: list[str] = []
    codes: Counter[str] = Counter()
    reports = 0
    for _, document in _documents(results):
        extras += extra_columns(document.activities, [*BATCH_CSV_COLUMNS, *extras])
        codes.update(w.code for w in document.warnings)
        reports += bool(document.warnings)
    columns = BATCH_CSV_COLUMNS + extras
    for fmt in dict.fromkeys(formats):
        path = outdir / TABLE_FILES[fmt]
        if fmt == "csv":
            write_atomically(path, activities_csv(_rows(results), columns, dialect))
        elif fmt == "jsonl":
            write_atomically(path, records_jsonl(record for result, document in _documents(results)
                                                 for record in activity_records(document, result.file)))
        elif fmt == "parquet":
            from followup.parquet import write_parquet

            replace_atomically(path, lambda temporary: write_parquet(temporary, _rows(results), columns))
        elif fmt == "xlsx":
            from followup.workbook import write_workbook

            replace_atomically(path, lambda temporary: write_workbook(temporary, batch_sheets(results, columns)))
    return WarningTally(codes=dict(sorted(codes.items())), reports=reports)


def batch_warnings_line(tally: WarningTally, reports: int, table: Path | str) -> str | None:
    """One line for stderr counting a batch's warnings by code, or None when there are none (`table` as shown)."""
    if not tally.total:
        return None
    by_code = ", ".join(f"{code} {n}" for code, n in tally.codes.items())
    noun = "warning" if tally.total == 1 else "warnings"
    return (f"warning: {tally.total} {noun} in {tally.reports} of {reports} reports ({by_code}); "
            f"codes in the warnings column of {table}")


def batch_sheets(results: Reports, columns: list[str]) -> list[Sheet]:
    """The workbook of a batch: every activity, one row per input, every warning."""
    from followup.workbook import WARNING_COLUMNS, Sheet, activity_rows, warning_rows

    activities: list[list[object]] = []
    warnings: list[list[object]] = []
    reports: list[list[object]] = []
    for result, held in results:
        document = held if result.ok else None
        reports.append(_report_row(result, document))
        if document is not None:
            activities += activity_rows(_document_rows(result.file, document), columns, document.legend)
            warnings += warning_rows(document, prefix=[result.file])
    return [Sheet("activities", columns, activities),
            Sheet("reports", REPORT_COLUMNS, reports),
            Sheet("warnings", ["source_file", *WARNING_COLUMNS], warnings)]


def _report_row(result: InputResult, document: Document | None) -> list[object]:
    """One input in the reports sheet: its outcome, and for an extracted report its counts."""
    if document is None:
        reason = result.reason or (f"the same content as {result.duplicate_of}" if result.duplicate_of else None)
        return [result.file, None, None, result.status, reason, result.pages, None, None, None, None, None, None, None]
    statuses = Counter(a.status for a in document.activities)
    return [result.file, document.period, document.title, result.status, None, document.source.pages,
            len(document.activities), statuses["done"], statuses["in_progress"], statuses["delayed"], statuses[None],
            sum(a.highlighted for a in document.activities), len(document.warnings)]


def _documents(results: Reports) -> Iterator[tuple[InputResult, Document]]:
    """(result, document) of every extracted report."""
    for result, document in results:
        if result.ok and document is not None:
            yield result, document


def _document_rows(source_file: str, document: Document) -> Iterator[dict[str, str]]:
    codes = warning_codes(document.warnings)
    for activity in document.activities:
        yield {"source_file": source_file, "period": document.period or "",
               **activity_csv_row(activity, codes.get(activity.id, ()))}


def _rows(results: Reports) -> Iterator[dict[str, str]]:
    """Flattened rows of every extracted report, in input order."""
    for result, document in _documents(results):
        yield from _document_rows(result.file, document)
