"""What a spreadsheet makes of followup's CSV and xlsx: the files opened by LibreOffice Calc (headless).

The excel-sv CSV is opened as Swedish Excel opens a double-clicked .csv: `;`, UTF-8 (the BOM), Swedish
locale, numbers and dates detected; the workbook is converted to CSV, which is what Calc shows in its
cells. Calc is Debian's libreoffice-calc-nogui (.ci/run installs it as root where it is missing);
without it these tests are skipped and say why.
"""
from __future__ import annotations

import csv
import io
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from followup.output import document_csv
from followup.schemas import Document
from followup.workbook import document_sheets, write_workbook

SWEDISH = 1053
ALL_DIGIT_ID = "649920652637"


def csv_filter(separator: str) -> str:
    """Calc's CSV filter options: separator, quote, UTF-8, from line 1, standard columns, Swedish,
    quoted fields not forced to text, special numbers (dates, scientific notation) detected — as Excel does."""
    return f"Text - txt - csv (StarCalc):{ord(separator)},34,76,1,,{SWEDISH},false,true"


@pytest.fixture(scope="module")
def calc(tmp_path_factory: pytest.TempPathFactory):
    """A function converting a file with LibreOffice Calc: (source, target extension, import filter) → path."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed (Debian: libreoffice-calc-nogui)")
    profile = tmp_path_factory.mktemp("libreoffice-profile")
    outdir = tmp_path_factory.mktemp("libreoffice-out")

    def convert(source: Path, target: str, infilter: str | None = None) -> Path:
        command = [soffice, "--headless", f"-env:UserInstallation={profile.as_uri()}"]
        if infilter:
            command.append(f"--infilter={infilter}")
        command += ["--convert-to", target, "--outdir", str(outdir), str(source)]
        completed = subprocess.run(command, capture_output=True, text=True, timeout=240)
        converted = outdir / f"{source.stem}.{target.split(':')[0]}"
        if not converted.is_file():
            if "could not be loaded" in completed.stderr:
                pytest.skip(f"LibreOffice cannot open spreadsheets here (Calc missing?): {completed.stderr.strip()}")
            raise AssertionError(f"LibreOffice did not convert {source.name}: {completed.stdout} {completed.stderr}")
        return converted

    return convert


@pytest.fixture(scope="module")
def ystad(sample_documents: dict[str, Document]) -> Document:
    return sample_documents["ystad-2024-03"]


def cells_of(workbook_path: Path) -> list[dict[str, openpyxl.cell.Cell]]:
    sheet = openpyxl.load_workbook(workbook_path, data_only=True).worksheets[0]
    header = [c.value for c in sheet[1]]
    return [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)]


def test_excel_sv_csv_keeps_every_id_as_text_in_a_spreadsheet(calc, ystad: Document, tmp_path: Path) -> None:
    source = tmp_path / "ystad-sv.csv"
    source.write_bytes(document_csv(ystad, "excel-sv").encode("utf-8"))
    rows = cells_of(calc(source, "xlsx", csv_filter(";")))
    assert len(rows) == len(ystad.activities)
    for row, activity in zip(rows, ystad.activities, strict=True):
        assert (row["id"].value, row["id"].data_type) == (activity.id, "s")
        assert row["area"].value == activity.area
        if activity.deadline and activity.deadline.date:
            assert row["deadline_date"].is_date  # an ISO day is a date to the spreadsheet
        # The printed deadline stays as printed ("2022-11" is no date, 2023-02-29 no day).
        assert row["deadline"].value == (activity.deadline.text if activity.deadline and activity.deadline.text else None)
    assert ALL_DIGIT_ID in [row["id"].value for row in rows]


def test_the_plain_csv_loses_an_all_digit_id_to_a_number(calc, ystad: Document, tmp_path: Path) -> None:
    """Why the Excel dialect writes ids as text: the same spreadsheet turns a bare all-digit id into a number."""
    source = tmp_path / "ystad-plain.csv"
    source.write_bytes(document_csv(ystad).encode("utf-8"))
    rows = cells_of(calc(source, "xlsx", csv_filter(",")))
    digits = next(row["id"] for row in rows if str(row["id"].value) == ALL_DIGIT_ID)
    assert digits.data_type == "n"


def test_a_spreadsheet_shows_the_workbooks_ids_dates_and_statuses(calc, ystad: Document, tmp_path: Path) -> None:
    source = tmp_path / "ystad-book.xlsx"
    write_workbook(source, document_sheets(ystad))
    shown = calc(source, "csv:Text - txt - csv (StarCalc):44,34,76,1")
    rows = list(csv.DictReader(io.StringIO(shown.read_text(encoding="utf-8"))))
    assert [row["id"] for row in rows] == [a.id for a in ystad.activities]
    statuses = {"done": "Klart", "in_progress": "Pågår", "delayed": "Försenat", None: ""}
    for row, activity in zip(rows, ystad.activities, strict=True):
        assert row["deadline_date"] == ((activity.deadline.date or "") if activity.deadline else "")
        assert row["status"] == statuses[activity.status]
        assert row["follow_up"] == (activity.follow_up or "")
