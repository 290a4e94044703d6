"""Render a report the way many hospitals keep it: the activity list in a spreadsheet (openpyxl),
published with "Export as PDF" from LibreOffice Calc headless.

The sheet is what a real one holds: a title row and a period row above the table, a legend block
(a shaded swatch beside each status label), a bold shaded header row with wrapped text that
repeats on every printed page (`print_title_rows`), wrapped text in every cell (an author's line
breaks typed with Alt+Enter), column widths, and either thin borders all round or no borders with
the sheet's gridlines printed. The status is the status cell's fill colour, or a word in it.
Landscape A4, fitted to one page wide; Calc never splits a row over a page (rows move whole).
Row heights are Calc's own auto-fit (calc_export.py), as Excel stores them when the text is typed.
"""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from samples.layout import (
    GROUP_FILL,
    HEADER_TEXT_COLOUR,
    ZEBRA_FILL,
    Layout,
    contrast_text,
    table_columns,
)
from samples.model import Activity, Report, plain_cell_text, plain_follow_up_text
from samples.pdf_metadata import pin_metadata
from samples.producer_look import SHEET_COLUMNS, SHEET_PALETTE

FONT = "Arial"
CELL_FONT_PT = 11
TITLE_FONT_PT = 14
OWN_STATUS_STYLE = "fill"
# A sheet shows the status as its cell's colour, as a word on that colour, or as the word alone.
STATUS_STYLES = ("fill", "label", "words")
HEADER_FILL = "D9D9D9"
HIGHLIGHT_FILL = "FFFF00"
BORDERS = ("thin", "gridlines")
# Column widths in characters (Excel's unit) of the sheet's own layout; the page is fitted to one
# page wide, so the total decides how much Calc scales the sheet down.
OWN_WIDTHS = (13, 20, 24, 11, 16, 8, 40, 10)
TOTAL_WIDTH_CHARS = 142
# openpyxl's text rotation of a header turned a quarter anticlockwise (reading bottom to top).
TURNED_TEXT = 90
# Margins in inches (openpyxl's unit): left, right, top, bottom, header, footer.
MARGINS_IN = (0.5, 0.5, 0.75, 0.75, 0.3, 0.3)
# The Python with LibreOffice's `uno` module (Debian's python3-uno), which runs calc_export.py.
UNO_PYTHON = os.environ.get("FOLLOWUP_UNO_PYTHON", "/usr/bin/python3")
CALC_EXPORT = Path(__file__).resolve().parent / "calc_export.py"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class SheetOptions:
    """What a spreadsheet varies beyond the shared layout options: the cell borders."""

    # "thin": thin borders round every table cell; "gridlines": none, the sheet's gridlines printed.
    borders: str = "thin"

    def __post_init__(self) -> None:
        if self.borders not in BORDERS:
            raise ValueError(f"borders is one of {BORDERS}, not {self.borders!r}")


def _fill(colour: str) -> PatternFill:
    return PatternFill(fill_type="solid", start_color=colour, end_color=colour)


class _Sheet:
    """Writes rows top to bottom and styles the table cells."""

    def __init__(self, sheet: Worksheet, width: int, options: SheetOptions, size: float) -> None:
        self.sheet = sheet
        self.width = width
        self.options = options
        self.size = size
        self.row = 1
        side = Side(style="thin", color="000000")
        self.border = Border(left=side, right=side, top=side, bottom=side)

    def font(self, *, bold: bool = False, size: float | None = None, colour: str | None = None) -> Font:
        return Font(name=FONT, size=size or self.size, bold=bold, color=colour)

    def table_cell(self, column: int, value: object, *, bold: bool = False,
                   colour: str | None = None, fill: str | None = None):
        cell = self.sheet.cell(row=self.row, column=column, value=value)
        cell.font = self.font(bold=bold, colour=colour)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if fill:
            cell.fill = _fill(fill)
        if self.options.borders == "thin":
            cell.border = self.border
        return cell

    def merged_line(self, text: str, *, bold: bool = False, size: float | None = None,
                    fill: str | None = None, table: bool = False) -> None:
        """One row with a cell over the whole table width (title, heading, group row)."""
        cell = self.sheet.cell(row=self.row, column=1, value=text)
        cell.font = self.font(bold=bold, size=size)
        cell.alignment = Alignment(wrap_text=False, vertical="center")
        if fill:
            for column in range(1, self.width + 1):
                self.sheet.cell(row=self.row, column=column).fill = _fill(fill)
        if table and self.options.borders == "thin":
            for column in range(1, self.width + 1):
                self.sheet.cell(row=self.row, column=column).border = self.border
        self.sheet.merge_cells(start_row=self.row, start_column=1, end_row=self.row,
                               end_column=self.width)
        self.sheet.row_dimensions[self.row].height = (size or self.size) * 1.6
        self.row += 1

    def skip(self) -> None:
        self.row += 1


def _value(key: str, text: str) -> object:
    """What the author typed: a whole ISO day in a date column is a date cell shown as YYYY-MM-DD."""
    if key in ("deadline", "new_deadline", "start") and _ISO_DAY.fullmatch(text.strip()):
        try:
            return datetime.strptime(text.strip(), "%Y-%m-%d")
        except ValueError:
            return text
    return text


def _legend(out: _Sheet, layout: Layout) -> None:
    """STATUS, then one row per colour: the shaded swatch cell and its label beside it."""
    palette, style = layout.palette_or(SHEET_PALETTE), layout.status_style_or(OWN_STATUS_STYLE, STATUS_STYLES, "a sheet")
    if not layout.legend or style == "words":
        return
    cell = out.sheet.cell(row=out.row, column=1, value="STATUS")
    cell.font = out.font(bold=True)
    out.row += 1
    for status, label in palette.labels:
        colour = palette.colour(status)
        if colour is None:
            continue
        swatch = out.sheet.cell(row=out.row, column=1)
        swatch.fill = _fill(colour)
        if out.options.borders == "thin":
            swatch.border = out.border
        text = out.sheet.cell(row=out.row, column=2, value=label)
        text.font = out.font()
        out.row += 1
    out.skip()


def _header(out: _Sheet, columns: list[tuple[str, str]], layout: Layout) -> int:
    """The header row: bold, shaded, wrapped. Returns its row number."""
    colour = HEADER_TEXT_COLOUR if layout.header_fill else None
    for index, (key, name) in enumerate(columns, start=1):
        cell = out.table_cell(index, name, bold=True, colour=colour,
                              fill=layout.header_fill or HEADER_FILL)
        if key in layout.rotated_headers:
            # Text orientation 90°: the header reads bottom to top, the row as tall as it needs.
            cell.alignment = Alignment(wrap_text=False, vertical="bottom", text_rotation=TURNED_TEXT)
        else:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
    out.row += 1
    return out.row - 1


def _status(out: _Sheet, column: int, status: str, layout: Layout) -> None:
    style, colour = (layout.status_style_or(OWN_STATUS_STYLE, STATUS_STYLES, "a sheet"),
                     layout.palette_or(SHEET_PALETTE).colour(status))
    fill = colour if style in ("fill", "label") else None
    word = layout.status_word(status) if style in ("label", "words") else None
    text_colour = contrast_text(colour) if style == "label" and colour else None
    cell = out.table_cell(column, word, bold=style == "label", colour=text_colour, fill=fill)
    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="center")


def _rows(out: _Sheet, activities: tuple[Activity, ...], keys: list[str], layout: Layout, *,
          completed: bool = False) -> None:
    group = None
    for index, activity in enumerate(activities):
        if layout.areas == "groups" and activity.area != group:
            group = activity.area
            out.merged_line(layout.group_label.format(area=activity.area), bold=True,
                            fill=GROUP_FILL, table=True)
        highlighted = activity.highlighted and layout.highlight
        zebra = layout.zebra and index % 2 and not highlighted
        fill = HIGHLIGHT_FILL if highlighted else ZEBRA_FILL if zebra else None
        for column, key in enumerate(keys, start=1):
            if key == "new_deadline" and completed:
                out.table_cell(column, None, fill=fill)
            elif key == "status":
                _status(out, column, activity.status, layout)
            elif key == "follow_up":
                out.table_cell(column, plain_follow_up_text(activity), fill=fill)
            else:
                text = plain_cell_text(getattr(activity, key) or "")
                cell = out.table_cell(column, _value(key, text), fill=fill)
                if not isinstance(cell.value, str):
                    cell.number_format = "YYYY-MM-DD"
                    cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
        out.row += 1


def _widths(layout: Layout, columns: list[tuple[str, str]], shares: tuple[float, ...]) -> list[float]:
    if layout.is_default:
        return list(shares)
    return [round(TOTAL_WIDTH_CHARS * share / sum(shares), 1) for share in shares]


def build_workbook(report: Report, path: Path, layout: Layout = Layout(),
                   options: SheetOptions = SheetOptions()) -> None:
    """Write the report as one sheet of an .xlsx workbook."""
    if layout.areas == "merged":
        raise ValueError("a sheet's author does not merge Område cells over rows")
    if layout.tables == "area":
        raise ValueError("a sheet holds one table, not one per area")
    active, active_shares = table_columns(layout, SHEET_COLUMNS, OWN_WIDTHS, OWN_WIDTHS,
                                          done=False, padded=False)
    workbook = Workbook()
    workbook.properties.creator = "Uppföljning"
    stamp = datetime(int(report.period[:4]), int(report.period[5:]), 1, tzinfo=UTC).replace(tzinfo=None)
    workbook.properties.created = workbook.properties.modified = stamp
    sheet = workbook.active
    sheet.title = "Aktiviteter"
    size = layout.font_pt or CELL_FONT_PT
    out = _Sheet(sheet, len(active), options, size)
    for index, width in enumerate(_widths(layout, active, active_shares), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width

    out.merged_line(report.title, bold=True, size=TITLE_FONT_PT)
    out.merged_line(report.period_line)
    out.skip()
    _legend(out, layout)
    header_row = _header(out, active, layout)
    _rows(out, report.active, [key for key, _ in active], layout)
    if report.done:
        out.skip()
        out.merged_line("Klara aktiviteter", bold=True, size=size + 2)
        if report.done_intro:
            out.merged_line(report.done_intro)
        # The completed rows keep the sheet's columns; their Ny tid cells stay empty.
        _header(out, active, layout)
        _rows(out, report.done, [key for key, _ in active], layout, completed=True)

    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_area = f"A1:{get_column_letter(len(active))}{out.row - 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = options.borders == "gridlines"
    sheet.sheet_view.showGridLines = True
    left, right, top, bottom, header, footer = MARGINS_IN
    sheet.page_margins.left, sheet.page_margins.right = left, right
    sheet.page_margins.top, sheet.page_margins.bottom = top, bottom
    sheet.page_margins.header, sheet.page_margins.footer = header, footer
    sheet.oddHeader.left.text = report.running_header
    sheet.oddHeader.left.size = 8
    sheet.oddFooter.right.text = "Sida &P av &N"
    sheet.oddFooter.right.size = 8
    workbook.save(path)


def render_sheet(report: Report, pdf_path: Path, source_date_epoch: int,
                 layout: Layout = Layout(), options: SheetOptions = SheetOptions()) -> None:
    """Write the report's PDF through LibreOffice Calc headless ("Export as PDF" of the sheet)."""
    if layout.orientation not in (None, "landscape"):
        raise ValueError("the sheet is printed landscape")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise RuntimeError("LibreOffice Calc is needed: apt-get install libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as work:
        xlsx = Path(work) / f"{report.name}.xlsx"
        build_workbook(report, xlsx, layout, options)
        profile = Path(work, "profile").as_uri()
        env = dict(os.environ, SOURCE_DATE_EPOCH=str(source_date_epoch), TZ="UTC")
        pdf = Path(work) / f"{report.name}.pdf"
        subprocess.run([UNO_PYTHON, str(CALC_EXPORT), soffice, profile, str(xlsx), str(pdf)],
                       check=True, capture_output=True, env=env, timeout=300)
        shutil.copyfile(pdf, pdf_path)
    pin_metadata(pdf_path, source_date_epoch)
