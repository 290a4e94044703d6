"""Serialising documents to JSON, JSON Lines and CSV, and writing files atomically."""
from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # the models are imported where a record is built: `followup --help` does not need pydantic
    from followup.schemas import Activity, ActivityRecord, Document, Warning

# One row per activity: the columns of DESIGN.md's Activity, nested values flattened; then one
# column per extra column of the report (its printed header), in the order first met.
CSV_COLUMNS = [
    "id", "section", "area", "goal", "action",
    "deadline", "deadline_date", "deadline_precision",
    "responsible", "responsible_roles", "units",
    "status", "status_source", "follow_up",
    "new_deadline", "new_deadline_date", "new_deadline_precision",
    "highlighted", "pages", "warnings",
]

# CSV as before (`,`, UTF-8 without BOM, LF), or what Swedish Excel opens without an import dialog:
# `;` (the list separator of a Swedish locale), a BOM (else Excel reads cp1252) and CRLF.
CsvDialect = Literal["rfc4180", "excel-sv"]
CSV_DIALECTS: tuple[CsvDialect, ...] = ("rfc4180", "excel-sv")
# Text columns a spreadsheet must not read as a number or a date: an all-digit id (649920652637) or one
# like 12e4567 (a number in scientific notation), a period (2024-03), a printed deadline ("2024-06",
# "April 2021": a Swedish spreadsheet makes both dates); a diff's columns of either version too.
TEXT_COLUMNS = frozenset({"id", "period", "deadline", "new_deadline", "old_id", "new_id", "old_deadline",
                          "old_new_deadline"})
# A value a spreadsheet may read as a number or a date has a digit; a text formula holds one line of at
# most 255 characters (Excel's limit for a string in a formula) without a quote.
_FORMULA_TEXT = re.compile(r'[^"\n]{0,255}')


def document_json(document: Document) -> str:
    """The document as JSON text; the same document always gives the same bytes."""
    return json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


def warning_codes(warnings: Iterable[Warning]) -> dict[str, list[str]]:
    """Activity id → the codes of its warnings, each once, in the order first met."""
    codes: dict[str, list[str]] = {}
    for warning in warnings:
        if warning.activity_id is not None and warning.code not in codes.setdefault(warning.activity_id, []):
            codes[warning.activity_id].append(warning.code)
    return codes


def warnings_line(source: str, warnings: Sequence[Warning]) -> str | None:
    """One line for stderr counting a report's warnings by code, or None when it has none."""
    if not warnings:
        return None
    counts = Counter(w.code for w in warnings)
    by_code = ", ".join(f"{code} {n}" for code, n in sorted(counts.items()))
    noun = "warning" if len(warnings) == 1 else "warnings"
    return f"warning: {source}: {len(warnings)} {noun} ({by_code})"


def activity_csv_row(activity: Activity, warnings: Sequence[str] = ()) -> dict[str, str]:
    """Flatten one activity into the CSV columns; `warnings` are the codes of its warnings."""
    def date_parts(prefix: str, value) -> dict[str, str]:
        return {
            prefix: value.text if value else "",
            f"{prefix}_date": (value.date or "") if value else "",
            f"{prefix}_precision": (value.precision or "") if value else "",
        }

    roles = activity.responsible.roles if activity.responsible else []
    row = {
        "id": activity.id,
        "section": activity.section,
        "area": activity.area or "",
        "goal": activity.goal or "",
        "action": activity.action or "",
        **date_parts("deadline", activity.deadline),
        "responsible": activity.responsible.text if activity.responsible else "",
        "responsible_roles": "; ".join(
            f"{r.role}{' ' + r.unit if r.unit else ''} ({r.relation})" for r in roles
        ),
        "units": "; ".join(activity.units),
        "status": activity.status or "",
        "status_source": activity.status_source or "",
        "follow_up": activity.follow_up or "",
        **date_parts("new_deadline", activity.new_deadline),
        "highlighted": "true" if activity.highlighted else "false",
        "pages": " ".join(str(p) for p in activity.pages),
        "warnings": " ".join(warnings),
    }
    for name, text in activity.extra.items():
        row.setdefault(name, text)  # a header spelled like one of the fixed columns cannot replace it
    return row


def extra_columns(activities: Iterable[Activity], before: Iterable[str] = ()) -> list[str]:
    """The extra columns' headers, in the order first met, that are not already columns."""
    taken = set(before)
    names: list[str] = []
    for activity in activities:
        for name in activity.extra:
            if name not in taken:
                taken.add(name)
                names.append(name)
    return names


def activities_csv(rows: Iterable[dict[str, str]], columns: list[str], dialect: CsvDialect = "rfc4180") -> str:
    """CSV text (header first) of already flattened rows, in the given dialect (see CsvDialect)."""
    buffer = io.StringIO()
    if dialect == "excel-sv":
        buffer.write("\ufeff")
        rows = (_text_kept(row) for row in rows)
    delimiter, line_end = (";", "\r\n") if dialect == "excel-sv" else (",", "\n")
    writer = csv.DictWriter(buffer, fieldnames=columns, delimiter=delimiter, lineterminator=line_end, restval="",
                            extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue()


def _text_kept(row: dict[str, str]) -> dict[str, str]:
    """The row with the values of its text columns that a spreadsheet could read as a number or a date
    written as a text formula (="649920652637"), which Excel and LibreOffice show as the text itself."""
    return {name: f'="{value}"' if name in TEXT_COLUMNS and _as_formula(value) else value for name, value in row.items()}


def text_of_cell(value: str) -> str:
    """A value of an excel-sv CSV as it was before it was kept as text (="2024-03" → 2024-03)."""
    return value[2:-1] if value.startswith('="') and value.endswith('"') and len(value) >= 3 else value


def _as_formula(value: str) -> bool:
    return any(c.isdigit() for c in value) and _FORMULA_TEXT.fullmatch(value) is not None


def document_table(document: Document) -> tuple[list[str], list[dict[str, str]]]:
    """The document's activities flattened: the columns (fixed, then its extra ones) and one row each."""
    codes = warning_codes(document.warnings)
    columns = CSV_COLUMNS + extra_columns(document.activities, CSV_COLUMNS)
    return columns, [activity_csv_row(a, codes.get(a.id, ())) for a in document.activities]


def document_csv(document: Document, dialect: CsvDialect = "rfc4180") -> str:
    """The document's activities as CSV, one row per activity, its warnings' codes in `warnings`."""
    columns, rows = document_table(document)
    return activities_csv(rows, columns, dialect)


def activity_records(document: Document, source_file: str | None = None) -> Iterable[ActivityRecord]:
    """Each activity with the report it comes from and its own warnings (JSON Lines' lines)."""
    from followup.schemas import ActivityRecord

    by_activity: dict[str, list[Warning]] = {}
    for warning in document.warnings:
        if warning.activity_id is not None:
            by_activity.setdefault(warning.activity_id, []).append(warning)
    for activity in document.activities:
        yield ActivityRecord(source_file=source_file or document.source.file, period=document.period,
                             **activity.model_dump(), warnings=by_activity.get(activity.id, []))


def records_jsonl(records: Iterable[ActivityRecord]) -> str:
    """JSON Lines: one record per line, UTF-8, keys in the model's order."""
    return "".join(json.dumps(r.model_dump(mode="json"), ensure_ascii=False) + "\n" for r in records)


def document_jsonl(document: Document) -> str:
    """The document's activities as JSON Lines, one activity (with source, period, warnings) per line."""
    return records_jsonl(activity_records(document))


def write_atomically(path: Path, text: str) -> None:
    """Write text to path so that readers see either the old file or the whole new one."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        os.chmod(tmp, new_file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_atomically(path: Path, write: Callable[[Path], None]) -> None:
    """Have `write` make the file beside `path` under a temporary name, then move it into place."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, new_file_mode())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def new_file_mode() -> int:
    """The permissions any new file gets here (0o666 less the umask).

    mkstemp makes its file private (0600); an output moved into place from one gets these instead.
    """
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
