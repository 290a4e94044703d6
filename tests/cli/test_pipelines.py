"""followup in pipelines: stdin, --files-from, progress in a log, interruption, stale outputs, duplicates."""
from __future__ import annotations

import csv
import json
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import fake_extractors
from followup_process import ROOT, run_followup
from hostile_pdfs import operator_flood

from followup.batch import JOURNAL, BatchSettings, assign_outputs, run_batch

SAMPLES = ROOT / "samples" / "pdf"
YSTAD = SAMPLES / "ystad-2024-03.pdf"
FAKE = fake_extractors.crash_on_marker  # a one-activity document per file, quickly


def fake_inputs(folder: Path, *contents: bytes) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, content in enumerate(contents):
        path = folder / f"rapport-{number}.pdf"
        path.write_bytes(b"%PDF-1.7 " + content)
        paths.append(path)
    return paths


def csv_rows(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_extract_reads_the_pdf_from_stdin():
    from_file = run_followup("extract", YSTAD)
    with open(YSTAD, "rb") as handle:
        piped = subprocess.run([sys.executable, "-m", "followup", "extract", "-"], stdin=handle, cwd=ROOT,
                               capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0, piped.stderr
    document, expected = json.loads(piped.stdout), json.loads(from_file.stdout)
    assert document["source"]["file"] == "-" and document["activities"] == expected["activities"]
    assert document["period"] == expected["period"] == "2024-03"  # read from the document itself
    rejected = subprocess.run([sys.executable, "-m", "followup", "extract", "-"], input="ingen pdf", cwd=ROOT,
                              capture_output=True, text=True, timeout=300)
    assert rejected.returncode == 3 and rejected.stderr == "error: -: not a PDF (no %PDF header)\n"


def test_python_m_followup_is_the_command():
    result = subprocess.run([sys.executable, "-m", "followup", "--help"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and result.stdout.startswith("Usage: followup ")


def test_batch_reads_its_inputs_from_a_file_or_stdin_and_logs_a_line_per_report(tmp_path):
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"{SAMPLES / 'ystad-2024-09.pdf'}\n\n  {YSTAD}  \n", encoding="utf-8")
    from_file = run_followup("batch", "--files-from", listing, "-o", tmp_path / "a", "--jobs", "2")
    assert from_file.returncode == 0, from_file.stderr
    report = json.loads((tmp_path / "a" / "report.json").read_text())
    assert [entry["file"] for entry in report["inputs"]] == [str(SAMPLES / "ystad-2024-09.pdf"), str(YSTAD)]
    # stderr is a pipe here: one line per finished report, none of a progress bar's control characters,
    # then the line counting the reports' warnings
    *lines, warnings = from_file.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith(("[1/2] ok ", "[2/2] ok ")) for line in lines)
    assert warnings.startswith("warning: ") and " warnings in 2 of 2 reports (" in warnings
    assert "\r" not in from_file.stderr and "pages" in lines[0]

    piped = subprocess.run([sys.executable, "-m", "followup", "batch", "--files-from", "-", "-o", str(tmp_path / "b"),
                            "--quiet"], input=f"{YSTAD}\n", cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and piped.stderr == ""
    assert [e["file"] for e in json.loads((tmp_path / "b" / "report.json").read_text())["inputs"]] == [str(YSTAD)]
    nothing = run_followup("batch", "-o", tmp_path / "c")
    assert nothing.returncode == 2 and "--files-from" in nothing.stderr


def test_progress_every_n_seconds_instead_of_a_line_per_report(tmp_path):
    result = run_followup("batch", YSTAD, SAMPLES / "ystad-2024-09.pdf", "-o", tmp_path / "out", "--jobs", "1",
                          "--progress-interval", "0.5")
    assert result.returncode == 0
    *lines, warnings = result.stderr.splitlines()
    assert lines and all(" settled, 0 failed, " in line for line in lines)
    assert lines[-1].startswith("[2/2] settled")
    assert warnings.startswith("warning: ") and " warnings in 2 of 2 reports (" in warnings


def test_identical_content_given_twice_is_a_duplicate_not_counted_twice(tmp_path):
    copy = tmp_path / "kopia.pdf"
    shutil.copy(YSTAD, copy)
    result = run_followup("batch", YSTAD, copy, "-o", tmp_path / "out")
    assert result.returncode == 0
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert [(e["status"], e["duplicate_of"]) for e in report["inputs"]] == [("ok", None), ("duplicate", str(YSTAD))]
    assert report["summary"]["ok"] == 1 and report["summary"]["duplicates"] == 1 and report["summary"]["failed"] == 0
    assert report["summary"]["activities"] == 23
    assert "1 ok, 0 failed, 1 duplicates" in result.stdout
    assert len(csv_rows(tmp_path / "out" / "activities.csv")) == 23
    assert not (tmp_path / "out" / "kopia.json").exists()


def test_outputs_of_inputs_left_out_are_stale_until_pruned(tmp_path):
    first, second, third = fake_inputs(tmp_path / "in", b"a", b"b", b"c")
    outdir = tmp_path / "out"
    settings = BatchSettings(jobs=1, extractor=FAKE)
    run_batch(assign_outputs([first, second, third]), outdir, settings)
    summary = run_batch(assign_outputs([first, third]), outdir, settings)
    assert summary.stale == ["rapport-1.json"] and (outdir / "rapport-1.json").is_file()
    report = json.loads((outdir / "report.json").read_text())
    assert report["stale"] == ["rapport-1.json"] and report["pruned"] is False
    # Still stale in the next run (the run report remembers it), until pruned.
    assert run_batch(assign_outputs([first]), outdir, settings).stale == ["rapport-1.json", "rapport-2.json"]
    pruned = run_batch(assign_outputs([first]), outdir, BatchSettings(jobs=1, extractor=FAKE, prune=True))
    assert pruned.stale == ["rapport-1.json", "rapport-2.json"] and pruned.pruned
    assert sorted(p.name for p in outdir.glob("*.json")) == ["rapport-0.json", "report.json"]
    assert run_batch(assign_outputs([first]), outdir, settings).stale == []


def test_a_file_of_someone_else_in_outdir_is_never_stale(tmp_path):
    [first] = fake_inputs(tmp_path / "in", b"a")
    outdir = tmp_path / "out"
    outdir.mkdir()
    (outdir / "notes.json").write_text("{}")
    summary = run_batch(assign_outputs([first]), outdir, BatchSettings(jobs=1, extractor=FAKE, prune=True))
    assert summary.stale == [] and (outdir / "notes.json").is_file()


def test_cli_prune_removes_stale_outputs_and_says_so(tmp_path):
    outdir = tmp_path / "out"
    both = run_followup("batch", YSTAD, SAMPLES / "ystad-2024-09.pdf", "-o", outdir, "--jobs", "2")
    assert both.returncode == 0
    kept = run_followup("batch", YSTAD, "-o", outdir)
    assert "1 stale outputs of inputs no longer given, left in place (--prune removes them): ystad-2024-09.json" \
        in kept.stdout and (outdir / "ystad-2024-09.json").is_file()
    pruned = run_followup("batch", YSTAD, "-o", outdir, "--prune")
    assert "removed: ystad-2024-09.json" in pruned.stdout and not (outdir / "ystad-2024-09.json").exists()
    assert len(csv_rows(outdir / "activities.csv")) == 23


def _interrupted_batch(tmp_path: Path, signum: int) -> tuple[subprocess.CompletedProcess, dict]:
    """A batch of a quick report and a slow one, stopped by `signum` once the quick one is done."""
    flood = operator_flood(YSTAD, tmp_path / "flood.pdf", megabytes=40)
    outdir = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-m", "followup", "batch", str(YSTAD), str(flood), "-o", str(outdir),
                                "--jobs", "1", "--quiet"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not (outdir / "ystad-2024-03.json").is_file():
        time.sleep(0.2)
    time.sleep(0.5)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=120)
    return subprocess.CompletedProcess(process.args, process.returncode, "", stderr), \
        json.loads((outdir / "report.json").read_text())


def test_ctrl_c_writes_the_run_report_of_what_finished(tmp_path):
    result, report = _interrupted_batch(tmp_path, signal.SIGINT)
    assert result.returncode == 130 and "Traceback" not in result.stderr
    assert report["summary"]["interrupted"] is True
    assert [(e["file"], e["status"]) for e in report["inputs"]] == [(str(YSTAD), "ok")]
    # The next run still resumes: the finished report is skipped.
    assert (tmp_path / "out" / JOURNAL).is_file()


def test_sigterm_writes_the_run_report_of_what_finished(tmp_path):
    result, report = _interrupted_batch(tmp_path, signal.SIGTERM)
    assert result.returncode == 128 + signal.SIGTERM and "Traceback" not in result.stderr
    assert report["summary"]["interrupted"] is True and report["summary"]["ok"] == 1
    assert [e["file"] for e in report["inputs"]] == [str(YSTAD)]
