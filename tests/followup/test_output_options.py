"""The shared output options: the format from the output's name, contradictions, and each command's files."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from pathlib import Path

import click
import openpyxl
import pandas as pd
import pytest
from click.testing import CliRunner

from followup.batch import BatchSettings, InputResult
from followup.batch_tables import BATCH_CSV_COLUMNS, batch_warnings_line, write_tables
from followup.cli import main
from followup.diff_output import DIFF_CSV_COLUMNS
from followup.output_options import chosen_output
from followup.schemas import ActivityRecord, Document

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "pdf" / "ystad-2024-03.pdf"
EXTRACT_FORMATS = ["json", "csv", "jsonl", "xlsx", "parquet"]


def run(*arguments: object):
    return CliRunner().invoke(main, [str(a) for a in arguments])


# ---------------------------------------------------------------- choosing the format


@pytest.mark.parametrize(("name", "expected"), [
    ("ut.xlsx", "xlsx"), ("ut.CSV", "csv"), ("ut.json", "json"), ("ut.jsonl", "jsonl"), ("ut.parquet", "parquet"),
    ("ut.txt", "json"),
])
def test_the_output_name_chooses_the_format(name: str, expected: str) -> None:
    assert chosen_output(None, Path(name), None, EXTRACT_FORMATS, "json").format == expected


def test_format_overrides_an_unknown_suffix_and_stdout_gets_the_default() -> None:
    assert chosen_output("csv", Path("ut.txt"), None, EXTRACT_FORMATS, "json").format == "csv"
    assert chosen_output(None, None, None, EXTRACT_FORMATS, "json").format == "json"
    # A CSV dialect alone asks for CSV.
    choice = chosen_output(None, None, "excel-sv", EXTRACT_FORMATS, "json")
    assert (choice.format, choice.csv_dialect) == ("csv", "excel-sv")


@pytest.mark.parametrize(("given", "name", "dialect", "message"), [
    ("json", "ut.csv", None, "contradicts"),
    (None, "ut.md", None, "cannot write md"),
    ("xlsx", None, None, "-o FILE.xlsx"),
    ("parquet", None, None, "-o FILE.parquet"),
    ("json", None, "excel-sv", "--csv-dialect applies to CSV"),
    (None, "ut.xlsx", "excel-sv", "--csv-dialect applies to CSV"),
])
def test_contradictions_are_usage_errors(given, name, dialect, message) -> None:
    with pytest.raises(click.UsageError, match=message):
        chosen_output(given, Path(name) if name else None, dialect, EXTRACT_FORMATS, "json")


def test_a_usage_error_stops_before_any_work_and_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "ut.csv"
    result = run("extract", SAMPLE, "-o", out, "--format", "json")
    assert result.exit_code == 2
    assert "contradicts" in result.stderr and "Traceback" not in result.output
    assert not out.exists()


def test_missing_pyarrow_is_a_clear_usage_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # None in sys.modules makes `import pyarrow` fail as if it were not installed.
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    monkeypatch.setitem(sys.modules, "pyarrow.parquet", None)
    result = run("extract", SAMPLE, "-o", tmp_path / "ut.parquet")
    assert result.exit_code == 2
    assert "Parquet output needs pyarrow: pip install 'followup[parquet]'" in result.stderr
    assert "Traceback" not in result.output and result.exception is None or isinstance(result.exception, SystemExit)


# ---------------------------------------------------------------- extract and diff through the CLI


def test_extract_writes_the_format_its_output_name_asks_for(tmp_path: Path) -> None:
    for suffix in ("csv", "xlsx", "jsonl", "parquet"):
        out = tmp_path / f"ystad.{suffix}"
        result = run("extract", SAMPLE, "-o", out)
        assert result.exit_code == 0, result.output
        assert result.stdout == "" and result.stderr.startswith(f"warning: {SAMPLE}: ")
    assert openpyxl.load_workbook(tmp_path / "ystad.xlsx").sheetnames == ["activities", "warnings"]
    rows = list(csv.DictReader(io.StringIO((tmp_path / "ystad.csv").read_text(encoding="utf-8"))))
    records = [ActivityRecord.model_validate_json(line)
               for line in (tmp_path / "ystad.jsonl").read_text(encoding="utf-8").splitlines()]
    frame = pd.read_parquet(tmp_path / "ystad.parquet")
    assert [r["id"] for r in rows] == [r.id for r in records] == list(frame["id"])
    assert "649920652637" in list(frame["id"])


def test_diff_writes_a_workbook_of_changes_and_typed_parquet(sample_json_dir: Path, tmp_path: Path) -> None:
    old, new = sample_json_dir / "ystad-2024-03.json", sample_json_dir / "ystad-2024-09.json"
    expected = json.loads(run("diff", old, new).stdout)
    assert run("diff", old, new, "-o", tmp_path / "changes.xlsx").exit_code == 0
    workbook = openpyxl.load_workbook(tmp_path / "changes.xlsx")
    assert workbook.sheetnames == ["changes", "summary"]
    changes = list(workbook["changes"].values)
    assert len(changes) == len(expected["activities"]) + 1
    header = changes[0]
    for row, change in zip(changes[1:], expected["activities"], strict=True):
        cell = dict(zip(header, row, strict=True))
        assert cell["change"] == change["change"]
        assert cell["slip_days"] == change["slip_days"]
        assert cell["score"] == (None if change["score"] is None else round(change["score"], 3))
    summary = dict(list(workbook["summary"].values)[1:])
    assert {k: summary[k] for k in ("added", "removed", "changed", "unchanged")} == \
        {k: expected["summary"][k] for k in ("added", "removed", "changed", "unchanged")}
    assert run("diff", old, new, "-o", tmp_path / "changes.parquet").exit_code == 0
    frame = pd.read_parquet(tmp_path / "changes.parquet")
    assert [list(f) for f in frame["fields"]] == [c["fields"] for c in expected["activities"]]
    lines = run("diff", old, new, "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line) for line in lines] == expected["activities"]


def test_diff_csv_in_the_excel_dialect(sample_json_dir: Path) -> None:
    result = run("diff", sample_json_dir / "ystad-2024-03.json", sample_json_dir / "ystad-2024-09.json",
                 "--csv-dialect", "excel-sv")
    assert result.exit_code == 0, result.output
    # stdout_bytes: click's Result.stdout turns CRLF into LF.
    assert result.stdout_bytes.startswith(("\ufeff" + ";".join(DIFF_CSV_COLUMNS) + "\r\n").encode())
    rows = list(csv.DictReader(io.StringIO(result.stdout_bytes.decode("utf-8-sig"), newline=""), delimiter=";"))
    # Both versions' ids and printed deadlines are kept as text.
    assert all(row["old_id"].startswith('="') or not row["old_id"] for row in rows)
    assert any(row["old_deadline"].startswith('="') for row in rows)


# ---------------------------------------------------------------- batch


def results_of(folder: Path, names: list[str]) -> list[tuple[InputResult, Document | None]]:
    """A batch's results with the documents it holds: the named reports' JSON in folder, then a failed input."""
    ok = [(InputResult(file=f"in/{name}.pdf", output=f"{name}.json", sha256=None, settings="", status="ok"),
           Document.model_validate_json((folder / f"{name}.json").read_bytes())) for name in names]
    failed = InputResult(file="in/tom.pdf", output="tom.json", sha256=None, settings="", status="failed",
                         reason="empty file", code="empty")
    return [*ok, (failed, None)]


def test_batch_tables_hold_every_report_and_a_reports_sheet(sample_json_dir: Path, sample_documents, tmp_path: Path) -> None:
    names = ["ystad-2024-03", "medicin-web-2024-05"]
    for name in names:
        shutil.copy(sample_json_dir / f"{name}.json", tmp_path)
    results = results_of(tmp_path, names)
    tally = write_tables(results, tmp_path, ["csv", "xlsx", "jsonl", "parquet"], "excel-sv")
    documents: list[Document] = [sample_documents[n] for n in names]
    activities = sum(len(d.activities) for d in documents)

    assert tally.total == sum(len(d.warnings) for d in documents) and tally.reports == 2
    line = batch_warnings_line(tally, 2, tmp_path / "activities.csv")
    assert line is not None and line.startswith(f"warning: {tally.total} warnings in 2 of 2 reports (")

    text = (tmp_path / "activities.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff" + ";".join(BATCH_CSV_COLUMNS[:3]))
    workbook = openpyxl.load_workbook(tmp_path / "activities.xlsx")
    assert workbook.sheetnames == ["activities", "reports", "warnings"]
    assert workbook["activities"].max_row == activities + 1
    reports = [dict(zip(list(workbook["reports"].values)[0], row, strict=True))
               for row in list(workbook["reports"].values)[1:]]
    assert [r["source_file"] for r in reports] == ["in/ystad-2024-03.pdf", "in/medicin-web-2024-05.pdf", "in/tom.pdf"]
    for report, document in zip(reports, documents, strict=False):
        assert report["status"] == "ok" and report["period"] == document.period
        assert report["activities"] == len(document.activities)
        assert report["done"] == sum(a.status == "done" for a in document.activities)
        assert report["warnings"] == len(document.warnings)
    assert reports[2]["status"] == "failed" and reports[2]["reason"] == "empty file"
    warnings = list(workbook["warnings"].values)[1:]
    assert len(warnings) == tally.total and {w[0] for w in warnings} == {"in/ystad-2024-03.pdf", "in/medicin-web-2024-05.pdf"}

    lines = (tmp_path / "activities.jsonl").read_text(encoding="utf-8").splitlines()
    assert [ActivityRecord.model_validate_json(x).source_file for x in lines] == \
        [f"in/{n}.pdf" for n, d in zip(names, documents, strict=True) for _ in d.activities]
    frame = pd.read_parquet(tmp_path / "activities.parquet")
    assert len(frame) == activities and list(frame.columns[:3]) == BATCH_CSV_COLUMNS[:3]


def test_batch_command_writes_the_tables_asked_for(tmp_path: Path) -> None:
    outdir = tmp_path / "ut"
    result = run("batch", SAMPLE, "-o", outdir, "--jobs", "1", "--format", "xlsx", "--csv-dialect", "excel-sv")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in outdir.iterdir()) == ["activities.csv", "activities.xlsx", "report.json",
                                                        "ystad-2024-03.json"]
    # The status table reads the Excel dialect too, periods as printed.
    line = next(line for line in result.stdout.splitlines() if line.startswith(str(SAMPLE)))
    assert line.split()[1:3] == ["2024-03", "23"]
    settings = BatchSettings()
    assert settings.tables == ("csv",) and settings.csv_dialect == "rfc4180"
