"""`followup history add` and `followup history show`, run as commands; two adds at once on one database."""
from __future__ import annotations

import csv
import io
import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from followup.history.series import series_key

ROOT = Path(__file__).resolve().parents[2]


def followup(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "followup.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=cwd)


def test_add_pdfs_and_json_then_show_per_series(tmp_path, sample_json_dir, sample_documents):
    reports = tmp_path / "reports"
    reports.mkdir()
    for name in ("ystad-2024-03", "ystad-2024-09"):
        shutil.copy(ROOT / "samples" / "pdf" / f"{name}.pdf", reports)
    (reports / "tom.pdf").write_bytes(b"")
    database = tmp_path / "history.db"
    added = followup("history", "add", database, reports, sample_json_dir / "medicin-web-2024-05.json",
                     sample_json_dir / "medicin-web-2024-11.json", "--jobs", "2")
    assert added.returncode == 1, added.stderr  # one bad input; the others are in
    assert f"error: {reports / 'tom.pdf'}: empty file" in added.stderr
    assert "4 added, 1 failed" in added.stdout

    shown = followup("history", "show", database, "--format", "json")
    assert shown.returncode == 0, shown.stderr
    counts = json.loads(shown.stdout)
    ystad = counts[series_key(sample_documents["ystad-2024-03"])]
    assert [row["period"] for row in ystad] == ["2024-03", "2024-09"]
    for row, name in zip(ystad, ("ystad-2024-03", "ystad-2024-09"), strict=True):
        activities = sample_documents[name].activities
        assert row["activities"] == len(activities)
        assert row["delayed"] == sum(1 for a in activities if a.status == "delayed")
    assert ystad[0]["added"] is None and ystad[1]["added"] >= 0

    table = followup("history", "show", database, "--series", "medicin")
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[1].split() == ["period", "activities", "done", "in_progress", "delayed",
                                                    "unknown", "added", "removed"]
    assert "2024-05" in table.stdout and "2024-11" in table.stdout and "ystad" not in table.stdout


def test_show_the_timeline_of_one_activity(tmp_path, sample_json_dir, sample_documents):
    database = tmp_path / "history.db"
    assert followup("history", "add", database, sample_json_dir, "--quiet").returncode == 0
    connection = sqlite3.connect(database)
    moved_id, days = connection.execute(
        "SELECT a.id, a.slip_days FROM activities a WHERE a.slip_days > 0 ORDER BY a.slip_days DESC LIMIT 1").fetchone()
    shown = followup("history", "show", database, "--activity", moved_id, "--format", "csv")
    assert shown.returncode == 0, shown.stderr
    rows = list(csv.DictReader(io.StringIO(shown.stdout)))
    assert len(rows) == 2
    assert rows[0]["changed"] == "(first period)"
    assert rows[1]["slip_days"] == str(days) and "new_deadline" in rows[1]["changed"]
    assert rows[0]["activity"] == rows[1]["activity"]

    missing = followup("history", "show", database, "--activity", "no-such-activity")
    assert missing.returncode == 2 and "no activity" in missing.stderr


def test_series_can_be_named_by_the_user(tmp_path, sample_json_dir):
    database = tmp_path / "history.db"
    result = followup("history", "add", database, sample_json_dir / "ystad-2024-03.json",
                      sample_json_dir / "ystad-2024-09.json", "--series", "ystad-digital")
    assert result.returncode == 0, result.stderr
    keys = [row[0] for row in sqlite3.connect(database).execute("SELECT key FROM series")]
    assert keys == ["ystad-digital"]


def test_two_adds_at_once_on_one_database(tmp_path, sample_json_dir):
    """Two processes writing the same file: both finish, nothing is lost or corrupted."""
    database = tmp_path / "history.db"
    groups = [[sample_json_dir / "ystad-2024-03.json", sample_json_dir / "ystad-2024-09.json"],
              [sample_json_dir / "medicin-web-2024-05.json", sample_json_dir / "medicin-web-2024-11.json"]]
    # Each process adds its pair several times (copies in folders of their own, so that they are not
    # taken as one input), so that the two processes' transactions interleave.
    repeats = 4
    inputs = []
    for number, group in enumerate(groups):
        copies = []
        for repeat in range(repeats):
            folder = tmp_path / f"process-{number}" / f"copy-{repeat}"
            folder.mkdir(parents=True)
            copies += [shutil.copy(path, folder) for path in group]
        inputs.append(copies)
    processes = [subprocess.Popen([sys.executable, "-m", "followup.cli", "history", "add", str(database),
                                   *map(str, copies), "--quiet"],
                                  cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for copies in inputs]
    for process in processes:
        _, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, stderr
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    periods = connection.execute("SELECT s.key, p.period FROM periods p JOIN series s USING (series_id) "
                                 "ORDER BY 1, 2").fetchall()
    assert [p for _, p in periods] == ["2024-05", "2024-11", "2024-03", "2024-09"]
    single = tmp_path / "single.db"
    assert followup("history", "add", single, *groups[0], *groups[1], "--quiet").returncode == 0
    query = ("SELECT series, period, activity, id, status FROM activity_status ORDER BY series, period, activity")
    assert connection.execute(query).fetchall() == sqlite3.connect(single).execute(query).fetchall()


def test_a_report_without_period_or_a_foreign_database_is_an_error_line(tmp_path, sample_documents):
    from followup.output import document_json

    undated = tmp_path / "odaterad.json"
    undated.write_text(document_json(sample_documents["ystad-2024-03"].model_copy(update={"period": None})),
                       encoding="utf-8")
    database = tmp_path / "history.db"
    result = followup("history", "add", database, undated)
    assert result.returncode == 1
    assert result.stderr.strip() == f"error: {undated}: the report's period is unknown: give it with --period YYYY-MM"
    dated = followup("history", "add", database, undated, "--period", "2024-03", "--quiet")
    assert dated.returncode == 0, dated.stderr
    assert sqlite3.connect(database).execute("SELECT period FROM periods").fetchall() == [("2024-03",)]

    foreign = tmp_path / "anteckningar.db"
    foreign.write_text("inte en databas " * 100)
    for command in (("history", "add", foreign, undated), ("history", "show", foreign), ("report", foreign, "-o",
                                                                                           tmp_path / "x.html")):
        run = followup(*command)
        assert run.returncode == 2 and "not a history database" in run.stderr and "Traceback" not in run.stderr


def test_show_as_an_excel_workbook_has_a_sheet_per_series_with_typed_counts(tmp_path, sample_json_dir,
                                                                             sample_documents):
    from openpyxl import load_workbook

    database = tmp_path / "history.db"
    assert followup("history", "add", database, sample_json_dir, "--quiet").returncode == 0
    assert followup("history", "show", database, "--format", "xlsx").returncode == 2  # a workbook needs -o
    workbook_path = tmp_path / "status.xlsx"
    shown = followup("history", "show", database, "--format", "xlsx", "-o", workbook_path)
    assert shown.returncode == 0, shown.stderr
    workbook = load_workbook(workbook_path)
    assert len(workbook.sheetnames) == 2
    sheet = workbook[next(name for name in workbook.sheetnames if name.startswith("ystad"))]
    header, *rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert header[:5] == ["period", "activities", "done", "in_progress", "delayed"]
    assert [row[0] for row in rows] == ["2024-03", "2024-09"]
    assert rows[0][1] == len(sample_documents["ystad-2024-03"].activities) and isinstance(rows[0][1], int)
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref


def test_show_takes_the_format_from_the_output_name(tmp_path, sample_json_dir, sample_documents):
    from openpyxl import load_workbook

    database = tmp_path / "history.db"
    assert followup("history", "add", database, sample_json_dir, "--quiet").returncode == 0
    assert followup("history", "show", database, "-o", tmp_path / "status.xlsx").returncode == 0
    assert len(load_workbook(tmp_path / "status.xlsx").sheetnames) == 2
    assert followup("history", "show", database, "-o", tmp_path / "status.csv").returncode == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "status.csv").read_text(encoding="utf-8"))))
    assert {row["series"] for row in rows} == {series_key(d) for d in sample_documents.values()}
    contradiction = followup("history", "show", database, "-o", tmp_path / "status.csv", "--format", "json")
    assert contradiction.returncode == 2 and "contradicts" in contradiction.stderr
    swedish = followup("history", "show", database, "--csv-dialect", "excel-sv")
    assert swedish.returncode == 0 and swedish.stdout.startswith("\ufeffseries;period;activities;")
