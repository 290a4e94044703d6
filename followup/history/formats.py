"""Rows of `followup history show` as a terminal table, CSV, JSON or an Excel workbook."""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from followup.output import CsvDialect, activities_csv

# A cell wider than this is cut with "…" in the terminal table (CSV and JSON keep it whole).
MAX_CELL_WIDTH = 48


def _cell(value: object) -> str:
    if value is None:
        return ""
    text = " ".join(str(value).split())
    return text if len(text) <= MAX_CELL_WIDTH else text[: MAX_CELL_WIDTH - 1] + "…"


def as_table(rows: Sequence[dict[str, object]], columns: Sequence[str]) -> str:
    """Columns aligned with spaces, numbers to the right; a header and a rule."""
    cells = [[_cell(row.get(c)) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    numeric = [all(isinstance(row.get(c), int) or row.get(c) is None for row in rows) and bool(rows)
               for c in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(v.rjust(w) if n else v.ljust(w) for v, w, n in zip(values, widths, numeric, strict=True)).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *(line(r) for r in cells)]) + "\n"


def as_csv(rows: Sequence[dict[str, object]], columns: Sequence[str], dialect: CsvDialect = "rfc4180") -> str:
    """CSV of the rows in the given dialect (followup.output.CsvDialect); empty where a value is None."""
    return activities_csv(({c: "" if row.get(c) is None else str(row.get(c)) for c in columns} for row in rows),
                          list(columns), dialect)


def as_json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


# Excel allows sheet names of at most 31 characters, without []:*?/\ .
_SHEET_NAME_LENGTH = 31
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def write_xlsx(path: Path, blocks: Sequence[tuple[str, Sequence[dict[str, object]], Sequence[str]]]) -> None:
    """One sheet per block (a series or an activity): a bold frozen header with filters, typed cells."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook()
    workbook.remove(workbook.active)
    used: set[str] = set()
    for name, rows, columns in blocks:
        sheet = workbook.create_sheet(_sheet_name(name, used))
        sheet.append(list(columns))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append([row.get(c) for c in columns])
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        for index, column in enumerate(columns, start=1):
            longest = max([len(str(column))] + [len(str(row.get(column) or "")) for row in rows])
            sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_CELL_WIDTH)
    workbook.save(path)


def _sheet_name(name: str, used: set[str]) -> str:
    base = _SHEET_NAME_FORBIDDEN.sub("-", name)[:_SHEET_NAME_LENGTH] or "blad"
    candidate, number = base, 1
    while candidate in used:
        number += 1
        candidate = f"{base[:_SHEET_NAME_LENGTH - len(str(number)) - 1]}~{number}"
    used.add(candidate)
    return candidate
