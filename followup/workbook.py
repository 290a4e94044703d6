"""Excel workbooks (`--format xlsx`) of activities, warnings, a batch's reports and a diff's changes.

Written with openpyxl, as `history show --format xlsx` is: a bold frozen header with filters, column
widths from the content, long text wrapped. Cells are typed: a date where a whole day is printed
(`deadline_date`, `new_deadline_date`), true/false for `highlighted`, numbers for counts and scores,
text everywhere else — the id too, which may be all digits (649920652637) and must not become a
number. The status cell holds its Swedish word (Klart, Pågår, Försenat) on the colour the report's
own legend gives that status, or the usual traffic light where it has none (both from
followup/meeting_report/templates/report.toml, shared with the meeting report).

The same content gives the same bytes: the workbook's creation and modification times and the
archive's entry times are fixed (openpyxl stamps the time of saving into both).
"""
from __future__ import annotations

import datetime
import re
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from followup.meeting_report.labels import Labels, labels, with_colours
from followup.schemas import Document, LegendColour

# Widest column, in characters; longer text wraps within it.
MAX_WIDTH = 50
MIN_WIDTH = 8
DATE_FORMAT = "yyyy-mm-dd"
TEXT_FORMAT = "@"
# Every workbook claims this moment as its creation and last change, so that its bytes depend on
# its content only (the zip format cannot store times before 1980).
FIXED_TIME = datetime.datetime(1980, 1, 1)
DATE_COLUMNS = frozenset({"deadline_date", "new_deadline_date"})
STATUS_COLUMNS = frozenset({"status", "old_status", "new_status"})
INT_COLUMNS = frozenset({"slip_days", "pages_in_report", "activities", "done", "in_progress", "delayed", "no_status",
                         "highlighted_rows", "warnings_in_report"})
FLOAT_COLUMNS = frozenset({"score"})


@dataclass(frozen=True)
class Painted:
    """A cell's text on a background colour, with a font colour that reads on it ("#RRGGBB")."""

    text: str
    fill: str
    font: str


@dataclass(frozen=True)
class Sheet:
    """One worksheet: a header row of `columns`, then `rows` of typed values (None: an empty cell)."""

    name: str
    columns: list[str]
    rows: list[list[object]] = field(default_factory=list)
    # Columns whose cells are text whatever they look like (Excel's "@" format).
    text_columns: frozenset[str] = frozenset({"id", "activity_id", "old_id", "new_id"})


def status_words(legend: Sequence[LegendColour]) -> Labels:
    """The Swedish status words, painted in the colours this report's legend gives each status."""
    colours: dict[str, str] = {}
    for entry in legend:
        if entry.status is not None:
            colours.setdefault(entry.status, entry.colour.lower())
    return with_colours(labels(), colours)


def status_cell(status: str, words: Labels) -> Painted | None:
    """The cell of a status code (done, in_progress, delayed); an empty cell for no status."""
    if not status:
        return None
    style = words.status(status)
    return Painted(style.label, style.colour, style.text_colour)


def typed_cell(column: str, text: str, words: Labels) -> object:
    """A flattened CSV value as the cell a spreadsheet should hold (see the module's docstring)."""
    if text == "":
        return None
    if column in DATE_COLUMNS:
        return datetime.date.fromisoformat(text)
    if column == "highlighted":
        return text == "true"
    if column in STATUS_COLUMNS:
        return status_cell(text, words)
    if column in INT_COLUMNS:
        return int(text)
    if column in FLOAT_COLUMNS:
        return float(text)
    return text


def activity_rows(rows: Iterable[dict[str, str]], columns: Sequence[str], legend: Sequence[LegendColour]) -> list[list[object]]:
    """Flattened activity rows (followup.output.activity_csv_row) of one report as typed cells."""
    words = status_words(legend)
    return [[typed_cell(c, row.get(c, ""), words) for c in columns] for row in rows]


def warning_rows(document: Document, prefix: Sequence[object] = ()) -> list[list[object]]:
    """One row per warning of a document: code, message, page, activity id (after `prefix`)."""
    return [[*prefix, w.code, w.message, w.page, w.activity_id] for w in document.warnings]


WARNING_COLUMNS = ["code", "message", "page", "activity_id"]


def write_workbook(path: Path, sheets: Sequence[Sheet]) -> None:
    """Write the sheets into one workbook at `path`, byte for byte the same for the same sheets."""
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.remove(workbook.active)
    for sheet in sheets:
        _fill_sheet(workbook.create_sheet(sheet.name), sheet)
    workbook.properties.creator = "followup"
    workbook.properties.created = FIXED_TIME
    workbook.save(path)
    _fix_times(path)


def _fill_sheet(worksheet, sheet: Sheet) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    worksheet.append(sheet.columns)
    for cell in worksheet[1]:
        cell.font = Font(bold=True)
    wrapped = Alignment(wrap_text=True, vertical="top")
    top = Alignment(vertical="top")
    for values in sheet.rows:
        worksheet.append([_storable(v.text if isinstance(v, Painted) else v) for v in values])
        for cell, value, column in zip(worksheet[worksheet.max_row], values, sheet.columns, strict=True):
            if isinstance(value, Painted):
                cell.fill = PatternFill("solid", start_color=value.fill[1:].upper(), end_color=value.fill[1:].upper())
                cell.font = Font(color=value.font[1:].upper())
            if isinstance(value, datetime.date):
                cell.number_format = DATE_FORMAT
            elif column in sheet.text_columns:
                cell.number_format = TEXT_FORMAT
            long_text = isinstance(value, str) and ("\n" in value or len(value) > MAX_WIDTH)
            cell.alignment = wrapped if long_text else top
    worksheet.freeze_panes = "A2"
    worksheet.auto_filter.ref = worksheet.dimensions
    for index, column in enumerate(sheet.columns, start=1):
        longest = max([_width_of(column), *(_width_of(_shown(row[index - 1])) for row in sheet.rows)])
        worksheet.column_dimensions[get_column_letter(index)].width = max(MIN_WIDTH, min(longest + 2, MAX_WIDTH))


def _storable(value: object) -> object:
    """The value with the control characters XML cannot hold (a damaged PDF's text may have them) shown as
    U+FFFD: openpyxl refuses them, and a workbook must not fail over one character."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value) if isinstance(value, str) else value


def _shown(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Painted):
        return value.text
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _width_of(text: str) -> int:
    """The longest line of the text, in characters."""
    return max((len(line) for line in text.split("\n")), default=0)


_CORE_TIMES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(</dcterms:)")


def _fix_times(path: Path) -> None:
    """Rewrite the archive with every entry dated FIXED_TIME and the document properties' times too."""
    with zipfile.ZipFile(path) as archive:
        entries = [(info.filename, archive.read(info)) for info in archive.infolist()]
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = _CORE_TIMES.sub(rb"\g<1>" + stamp + rb"\g<2>", data)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)


def document_sheets(document: Document) -> list[Sheet]:
    """`extract --format xlsx`: the activities (columns as in CSV) and the warnings with their messages."""
    from followup.output import document_table

    columns, rows = document_table(document)
    return [Sheet("activities", columns, activity_rows(rows, columns, document.legend)),
            Sheet("warnings", WARNING_COLUMNS, warning_rows(document))]
