"""The spreadsheet producer: what the workbook holds (built, never rendered here) and the committed
Calc exports it gave."""
from __future__ import annotations

from pathlib import Path

import pikepdf
import pytest
from openpyxl import load_workbook

from followup.pipeline import extract_document
from samples.corpus import load_variants, variant_report
from samples.layout import PALETTES
from samples.sheet_report import HEADER_FILL, SheetOptions, build_workbook

SHEETS = [v for v in load_variants() if v.producer == "sheet"]


def _variant(name: str):
    return next(v for v in SHEETS if v.name == name)


def _built(tmp_path: Path, name: str):
    variant = _variant(name)
    path = tmp_path / f"{name}.xlsx"
    build_workbook(variant_report(variant), path, variant.layout, SheetOptions(**dict(variant.sheet)))
    return load_workbook(path).active


def _header_row(sheet) -> int:
    return next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "Område")


def test_the_sheet_is_printed_like_a_real_export(tmp_path: Path) -> None:
    sheet = _built(tmp_path, "hamnstad-2025-05-sheet")
    header = _header_row(sheet)
    assert sheet.print_title_rows == f"${header}:${header}"
    setup = sheet.page_setup
    assert (setup.orientation, int(setup.paperSize)) == ("landscape", int(sheet.PAPERSIZE_A4))
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0) and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert not sheet.print_options.gridLines
    cell = sheet.cell(header, 1)
    assert cell.font.b and cell.alignment.wrap_text and cell.fill.fgColor.rgb.endswith(HEADER_FILL)
    assert cell.border.left.style == "thin"
    assert sheet.column_dimensions["G"].width > sheet.column_dimensions["F"].width  # follow-up widest
    # Title and period rows above, a legend block of swatches with their labels beside them.
    assert sheet.cell(1, 1).value.startswith("Medicinkliniken") and "A1:H1" in sheet.merged_cells
    assert sheet.cell(4, 1).value == "STATUS" and sheet.cell(5, 2).value == "Klart"
    # An author's line breaks are typed into the cell; the status is the cell's colour, no word.
    body = header + 1
    assert "\n" in sheet.cell(body, 3).value and sheet.cell(body, 6).value is None
    assert sheet.cell(body, 6).fill.fgColor.rgb.endswith("FFFF00")


def test_a_variant_prints_gridlines_status_labels_and_group_rows(tmp_path: Path) -> None:
    sheet = _built(tmp_path, "hamnstad-2025-05-sheet-groups-label")
    assert sheet.print_options.gridLines
    header = next(row for row in range(1, sheet.max_row + 1) if sheet.cell(row, 1).value == "Nr")
    assert sheet.cell(header, 1).border.left.style is None
    assert sheet.cell(header + 1, 1).value == "Område: Vårdplatser"
    status = sheet.cell(header + 2, 7)
    assert status.value == "Pågår" and status.fill.fgColor.rgb.endswith(PALETTES["theme"].colour("in_progress"))


def test_completed_rows_keep_the_columns_with_an_empty_new_deadline(tmp_path: Path) -> None:
    sheet = _built(tmp_path, "hamnstad-2025-05-sheet")
    headers = [r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 1).value == "Område"]
    assert len(headers) == 2
    done = headers[1] + 1
    assert sheet.cell(done, 2).value.startswith("Telemetri") and sheet.cell(done, 8).value is None


@pytest.mark.parametrize("variant", SHEETS, ids=lambda v: v.name)
def test_the_committed_exports_are_landscape_a4_with_pinned_dates(variant) -> None:
    report = variant_report(variant)
    with pikepdf.open(variant.pdf) as pdf:
        assert len(pdf.pages) >= 2
        for page in pdf.pages:
            width, height = (float(v) for v in page.mediabox[2:])
            assert round(width) == 842 and round(height) == 595
        assert str(pdf.docinfo["/Producer"]).startswith("LibreOffice")
        assert str(pdf.docinfo["/CreationDate"]).startswith(f"D:{report.period.replace('-', '')}01")


def test_the_sheet_legend_of_swatch_cells_decides_the_status() -> None:
    """Pastel colours: orange is delayed only through the legend (the hue alone says in progress)."""
    document = extract_document(_variant("norrmark-2024-10-sheet-pastel-zebra").pdf)
    assert [e.label for e in document.legend] == ["Klar", "Pågår", "Risk för försening"]
    delayed = [a for a in document.activities if a.status == "delayed"]
    assert delayed and all(a.status_source == "colour" for a in delayed)
