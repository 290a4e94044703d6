"""The writers of followup.output, workbook and parquet, on the sample reports: each file read back."""
from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from followup.meeting_report.labels import labels
from followup.output import (
    CSV_COLUMNS,
    activities_csv,
    document_csv,
    document_jsonl,
    document_table,
    text_of_cell,
    warnings_line,
)
from followup.parquet import write_parquet
from followup.schemas import ActivityRecord, Document
from followup.workbook import FIXED_TIME, document_sheets, write_workbook

# The sample whose impossible deadline (2023-02-29) belongs to an activity with an all-digit id.
YSTAD = "ystad-2024-03"
ALL_DIGIT_ID = "649920652637"


def codes_of(document: Document, activity_id: str) -> list[str]:
    """The codes of an activity's warnings, each once, in the document's order."""
    return list(dict.fromkeys(w.code for w in document.warnings if w.activity_id == activity_id))


@pytest.fixture(scope="module")
def ystad(sample_documents: dict[str, Document]) -> Document:
    document = sample_documents[YSTAD]
    assert any(a.id == ALL_DIGIT_ID for a in document.activities)
    assert any(w.code == "impossible_date" and w.activity_id == ALL_DIGIT_ID for w in document.warnings)
    return document


# ---------------------------------------------------------------- CSV


def test_csv_carries_each_activitys_warning_codes(sample_documents: dict[str, Document]) -> None:
    for document in sample_documents.values():
        rows = list(csv.DictReader(io.StringIO(document_csv(document))))
        assert list(rows[0])[: len(CSV_COLUMNS)] == CSV_COLUMNS
        assert [row["warnings"].split() for row in rows] == [codes_of(document, a.id) for a in document.activities]
    # Not vacuous: the samples have warnings on activities.
    assert any(w.activity_id for d in sample_documents.values() for w in d.warnings)


def test_excel_sv_dialect_is_semicolons_utf8_with_bom_and_crlf(ystad: Document) -> None:
    text = document_csv(ystad, "excel-sv")
    assert text.startswith("\ufeffid;section;area;")
    assert text.count("\r\n") >= len(ystad.activities) + 1
    plain = list(csv.DictReader(io.StringIO(document_csv(ystad))))
    excel = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert len(excel) == len(plain) == len(ystad.activities)
    kept_as_text = ("id", "deadline", "new_deadline")
    for p, e in zip(plain, excel, strict=True):
        # The id and a printed deadline with a digit in it are written as a text formula; the rest as it is.
        for column in kept_as_text:
            assert e[column] == (f'="{p[column]}"' if any(c.isdigit() for c in p[column]) else p[column])
        assert {k: v for k, v in e.items() if k not in kept_as_text} == {k: v for k, v in p.items() if k not in kept_as_text}
    assert f'="{ALL_DIGIT_ID}"' in [e["id"] for e in excel]


def test_a_kept_text_reads_back_as_it_was() -> None:
    assert [text_of_cell(v) for v in ('="2024-03"', "2024-03", '="', '=""', "")] == ["2024-03", "2024-03", '="', "", ""]


def test_excel_sv_writes_a_text_formula_only_where_one_can_hold_the_value() -> None:
    rows = [{"id": "649920652637", "deadline": "April 2021", "area": "2024"},
            {"id": "abcdef", "deadline": "2024-06\n(ny tid)", "area": ""},
            {"id": "1", "deadline": 'v. 12 "prel"', "area": ""},
            {"id": "2", "deadline": "1" * 256, "area": ""}]
    text = activities_csv(rows, ["id", "deadline", "area"], "excel-sv")
    parsed = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), delimiter=";"))
    assert parsed == [["id", "deadline", "area"],
                      ['="649920652637"', '="April 2021"', "2024"],  # area is free text: not touched
                      ["abcdef", "2024-06\n(ny tid)", ""],  # no digit; a line break cannot be in a formula
                      ['="1"', 'v. 12 "prel"', ""],  # a quote cannot either
                      ['="2"', "1" * 256, ""]]  # nor more than 255 characters


def test_the_default_csv_dialect_is_unchanged_commas_and_lf() -> None:
    text = activities_csv([{"id": "649920652637", "area": "Å, ä"}], ["id", "area"])
    assert text == 'id,area\n649920652637,"Å, ä"\n'


def test_warnings_line_counts_by_code(ystad: Document) -> None:
    line = warnings_line("ystad.pdf", ystad.warnings)
    assert line is not None and "\n" not in line
    assert line.startswith(f"warning: ystad.pdf: {len(ystad.warnings)} warnings (")
    for code in {w.code for w in ystad.warnings}:
        assert f"{code} {sum(w.code == code for w in ystad.warnings)}" in line
    assert warnings_line("ren.pdf", []) is None


# ---------------------------------------------------------------- JSON Lines


def test_jsonl_has_one_record_per_activity_with_its_warnings(ystad: Document) -> None:
    lines = document_jsonl(ystad).splitlines()
    assert len(lines) == len(ystad.activities)
    for line, activity in zip(lines, ystad.activities, strict=True):
        record = ActivityRecord.model_validate(json.loads(line))
        assert record.source_file == ystad.source.file and record.period == ystad.period
        assert record.model_dump(include=set(type(activity).model_fields)) == activity.model_dump()
        assert [w.code for w in record.warnings] == [w.code for w in ystad.warnings if w.activity_id == activity.id]


# ---------------------------------------------------------------- Parquet


def test_parquet_is_typed_and_holds_every_activity(ystad: Document, tmp_path: Path) -> None:
    columns, rows = document_table(ystad)
    path = tmp_path / "ystad.parquet"
    write_parquet(path, rows, columns)
    table = pq.read_table(path)
    assert table.column_names == columns
    assert table.schema.field("id").type == pa.string()
    assert table.schema.field("deadline_date").type == pa.date32()
    assert table.schema.field("highlighted").type == pa.bool_()
    assert table.schema.field("pages").type == pa.list_(pa.int32())
    assert table.schema.field("warnings").type == pa.list_(pa.string())
    frame = pd.read_parquet(path)
    assert list(frame["id"]) == [a.id for a in ystad.activities]
    assert list(frame["deadline_date"]) == [
        datetime.date.fromisoformat(a.deadline.date) if a.deadline and a.deadline.date else None
        for a in ystad.activities]
    assert [list(p) for p in frame["pages"]] == [a.pages for a in ystad.activities]
    assert list(frame["highlighted"]) == [a.highlighted for a in ystad.activities]
    assert [list(w) for w in frame["warnings"]] == [codes_of(ystad, a.id) for a in ystad.activities]
    assert list(frame["area"]) == [a.area for a in ystad.activities]
    again = tmp_path / "again.parquet"
    write_parquet(again, rows, columns)
    assert again.read_bytes() == path.read_bytes()


# ---------------------------------------------------------------- Excel


@pytest.fixture(scope="module")
def ystad_workbook(ystad: Document, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xlsx") / "ystad.xlsx"
    write_workbook(path, document_sheets(ystad))
    return path


def test_workbook_has_an_activities_and_a_warnings_sheet(ystad: Document, ystad_workbook: Path) -> None:
    workbook = openpyxl.load_workbook(ystad_workbook)
    assert workbook.sheetnames == ["activities", "warnings"]
    activities = workbook["activities"]
    header = [c.value for c in activities[1]]
    assert header[: len(CSV_COLUMNS)] == CSV_COLUMNS
    assert activities.max_row == len(ystad.activities) + 1
    assert activities.freeze_panes == "A2"
    assert activities.auto_filter.ref == activities.dimensions
    assert all(c.font.bold for c in activities[1])
    warnings = list(workbook["warnings"].values)
    assert warnings[0] == ("code", "message", "page", "activity_id")
    assert warnings[1:] == [(w.code, w.message, w.page, w.activity_id) for w in ystad.warnings]


def test_workbook_cells_are_typed(ystad: Document, ystad_workbook: Path) -> None:
    sheet = openpyxl.load_workbook(ystad_workbook)["activities"]
    header = [c.value for c in sheet[1]]
    for row, activity in zip(sheet.iter_rows(min_row=2), ystad.activities, strict=True):
        cell = dict(zip(header, row, strict=True))
        assert cell["id"].value == activity.id and cell["id"].data_type == "s" and cell["id"].number_format == "@"
        if activity.deadline and activity.deadline.date:
            assert cell["deadline_date"].is_date
            assert cell["deadline_date"].value.date() == datetime.date.fromisoformat(activity.deadline.date)
        else:
            assert cell["deadline_date"].value is None
        assert cell["deadline"].value == (activity.deadline.text if activity.deadline and activity.deadline.text else None)
        assert cell["highlighted"].value is activity.highlighted
        assert (cell["warnings"].value or "").split() == codes_of(ystad, activity.id)
    # pandas sees the same: the all-digit id as text, a date column of dates.
    frame = pd.read_excel(ystad_workbook, sheet_name="activities")
    assert ALL_DIGIT_ID in set(frame["id"]) and frame["id"].map(type).eq(str).all()
    assert pd.api.types.is_datetime64_any_dtype(frame["deadline_date"])


def test_workbook_status_cells_have_the_swedish_word_on_the_reports_legend_colour(
        ystad: Document, ystad_workbook: Path) -> None:
    sheet = openpyxl.load_workbook(ystad_workbook)["activities"]
    column = [c.value for c in sheet[1]].index("status")
    legend = {entry.status: entry.colour.upper() for entry in ystad.legend if entry.status}
    words = labels()
    assert set(legend) == {"done", "in_progress", "delayed"}
    for row, activity in zip(sheet.iter_rows(min_row=2), ystad.activities, strict=True):
        cell = row[column]
        if activity.status is None:
            assert cell.value is None
            continue
        assert cell.value == words.status(activity.status).label
        assert cell.fill.fgColor.rgb[-6:] == legend[activity.status][1:]
    assert {c.value for c in sheet[get_letter(column)][1:]} >= {"Klart", "Pågår", "Försenat"}


def get_letter(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def test_workbook_long_text_wraps_within_a_bounded_width(ystad_workbook: Path) -> None:
    sheet = openpyxl.load_workbook(ystad_workbook)["activities"]
    column = [c.value for c in sheet[1]].index("follow_up")
    letter = get_letter(column)
    assert 8 <= sheet.column_dimensions[letter].width <= 50
    assert any(c.alignment.wrap_text for c in sheet[letter][1:] if c.value and len(c.value) > 50)


def test_the_same_document_gives_the_same_workbook_bytes(ystad: Document, ystad_workbook: Path, tmp_path: Path) -> None:
    with zipfile.ZipFile(ystad_workbook) as archive:
        assert {info.date_time for info in archive.infolist()} == {FIXED_TIME.timetuple()[:6]}
    properties = openpyxl.load_workbook(ystad_workbook).properties
    assert properties.created == properties.modified == FIXED_TIME
    again = tmp_path / "again.xlsx"
    write_workbook(again, document_sheets(ystad))
    assert again.read_bytes() == ystad_workbook.read_bytes()


def test_a_control_character_in_a_cell_does_not_stop_the_workbook(ystad: Document, tmp_path: Path) -> None:
    first = ystad.activities[0].model_copy(update={"follow_up": "Klart\x0b enligt\x00 plan"})
    document = ystad.model_copy(update={"activities": [first]})
    write_workbook(tmp_path / "kontroll.xlsx", document_sheets(document))
    sheet = openpyxl.load_workbook(tmp_path / "kontroll.xlsx")["activities"]
    column = [c.value for c in sheet[1]].index("follow_up")
    assert sheet.cell(row=2, column=column + 1).value == "Klart\ufffd enligt\ufffd plan"
