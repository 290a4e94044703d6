"""`followup batch`: every good report extracted, every bad one explained, nothing half-written."""
from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import fake_extractors
import pytest
from broken_corpus import OK, REJECTION_CODES, USER_PASSWORD, Case, repeated_pdf
from click.testing import CliRunner
from followup_process import ROOT, run_followup

import followup.batch as batch_module
from followup.batch import (
    BATCH_CSV_COLUMNS,
    BatchSettings,
    InputNotFound,
    assign_outputs,
    code_fingerprint,
    discover_inputs,
    extraction_code_fingerprint,
    run_batch,
)
from followup.cli import main
from followup.schemas import Document


@dataclass
class Run:
    """One finished `followup batch` process and what it left in its output folder."""

    exit_code: int
    stdout: str
    stderr: str
    outdir: Path
    report: dict

    def entry(self, path: Path | str) -> dict:
        [entry] = [e for e in self.report["inputs"] if e["file"] == str(path)]
        return entry

    def outcome(self, path: Path | str) -> str:
        entry = self.entry(path)
        return OK if entry["status"] == "ok" else entry["code"]


@pytest.fixture(scope="module")
def good_reports(example_pdf: Path, sample_pdfs: list[Path], broken_corpus: dict[str, Case],
                 tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The reports the corpus run must extract, one of them another hospital's under the example's own name
    (its content differs by a comment after the end of the file: equal content would be a duplicate)."""
    copy = tmp_path_factory.mktemp("another-hospital") / "2023" / example_pdf.name
    copy.parent.mkdir()
    copy.write_bytes(example_pdf.read_bytes() + b"% another hospital\n")
    return [example_pdf, copy, *sample_pdfs, broken_corpus["owner-password-only"].path]


@pytest.fixture(scope="module")
def corpus_run(good_reports: list[Path], broken_corpus: dict[str, Case],
               tmp_path_factory: pytest.TempPathFactory) -> Run:
    """One batch over the samples, the example (twice, same name) and the whole broken corpus."""
    outdir = tmp_path_factory.mktemp("corpus-run") / "out"
    example, copy = good_reports[:2]
    folders = [broken_corpus["empty"].path.parent, copy.parent.parent, ROOT / "samples" / "pdf"]
    completed = run_followup("batch", example, *folders, "-o", outdir, "--jobs", "2")
    report = json.loads((outdir / "report.json").read_text(encoding="utf-8"))
    return Run(completed.returncode, completed.stdout, completed.stderr, outdir, report)


# ---------------------------------------------------------------- the corpus run


def test_every_good_report_is_extracted_into_its_own_valid_json(corpus_run: Run, good_reports: list[Path]) -> None:
    for path in good_reports:
        entry = corpus_run.entry(path)
        assert entry["status"] == "ok", entry
        document = Document.model_validate_json((corpus_run.outdir / entry["output"]).read_text(encoding="utf-8"))
        assert document.source.pages == entry["pages"] > 0
        assert len(document.activities) == entry["activities"] > 0
        assert 0 < entry["peak_memory_mb"] < 500


def test_every_bad_input_ends_in_an_allowed_outcome(corpus_run: Run, broken_corpus: dict[str, Case]) -> None:
    outcomes = {name: corpus_run.outcome(case.path) for name, case in broken_corpus.items()}
    unexpected = {name: outcome for name, outcome in outcomes.items() if outcome not in broken_corpus[name].expected}
    assert unexpected == {}


def test_a_failed_input_is_recorded_with_a_reason_and_no_traceback(corpus_run: Run) -> None:
    failed = [e for e in corpus_run.report["inputs"] if e["status"] == "failed"]
    assert failed, "the broken corpus must fail somewhere"
    for entry in failed:
        assert entry["code"] in REJECTION_CODES and entry["reason"], entry
        assert entry["traceback"] is None


def test_the_run_exits_1_and_names_each_failure_on_stderr(corpus_run: Run) -> None:
    assert corpus_run.exit_code == 1
    assert "Traceback" not in corpus_run.stderr
    failed = [e for e in corpus_run.report["inputs"] if e["status"] == "failed"]
    for entry in failed:
        assert f"error: {entry['file']}: {entry['reason']}" in corpus_run.stderr.splitlines()


def test_the_summary_gives_counts_and_pages_per_second(corpus_run: Run) -> None:
    summary = corpus_run.report["summary"]
    assert summary["ok"] + summary["failed"] + summary["duplicates"] == summary["inputs"] == len(corpus_run.report["inputs"])
    assert f"{summary['inputs']} inputs: {summary['ok']} ok, {summary['failed']} failed" in corpus_run.stdout
    assert "pages/s" in corpus_run.stdout


def test_output_holds_only_whole_files_of_this_run(corpus_run: Run) -> None:
    extracted = {e["output"] for e in corpus_run.report["inputs"] if e["status"] == "ok"}
    assert {p.name for p in corpus_run.outdir.iterdir()} == extracted | {"activities.csv", "report.json"}


def test_two_reports_of_the_same_name_do_not_overwrite_each_other(corpus_run: Run, good_reports: list[Path]) -> None:
    original, copy = good_reports[0], good_reports[1]
    outputs = {corpus_run.entry(original)["output"], corpus_run.entry(copy)["output"]}
    assert len(outputs) == 2
    assert all(name.startswith(f"{original.stem}-") and name.endswith(".json") for name in outputs)


def test_activities_csv_has_every_activity_of_every_report_in_input_order(corpus_run: Run) -> None:
    rows = list(csv.DictReader(io.StringIO((corpus_run.outdir / "activities.csv").read_text(encoding="utf-8"))))
    extracted = [e for e in corpus_run.report["inputs"] if e["status"] == "ok"]
    assert list(rows[0]) == BATCH_CSV_COLUMNS
    assert [row["source_file"] for row in rows] == [e["file"] for e in extracted for _ in range(e["activities"])]
    for entry in extracted:
        document = Document.model_validate_json((corpus_run.outdir / entry["output"]).read_text(encoding="utf-8"))
        assert {row["period"] for row in rows if row["source_file"] == entry["file"]} == {document.period or ""}


def test_a_report_in_a_batch_is_byte_identical_to_its_extract(corpus_run: Run, example_pdf: Path) -> None:
    extracted = run_followup("extract", example_pdf)
    assert extracted.returncode == 0
    assert (corpus_run.outdir / corpus_run.entry(example_pdf)["output"]).read_text(encoding="utf-8") == extracted.stdout


# ---------------------------------------------------------------- settings and reruns


def test_the_password_opens_encrypted_inputs(broken_corpus: dict[str, Case], tmp_path: Path) -> None:
    encrypted = broken_corpus["encrypted"].path
    summary = run_batch(assign_outputs([encrypted]), tmp_path, BatchSettings(jobs=1, password=USER_PASSWORD))
    assert [(r.status, r.reason) for r in summary.results] == [("ok", None)]


def test_a_rerun_skips_unchanged_reports_and_redoes_changed_or_forced_ones(example_pdf: Path, tmp_path: Path) -> None:
    report = tmp_path / "in" / example_pdf.name
    report.parent.mkdir()
    shutil.copy(example_pdf, report)
    inputs, outdir, settings = assign_outputs([report]), tmp_path / "out", BatchSettings(jobs=1)

    first = run_batch(inputs, outdir, settings)
    csv_of_first = (outdir / "activities.csv").read_bytes()
    second = run_batch(inputs, outdir, settings)
    assert [(r.status, r.skipped) for r in first.results] == [("ok", False)]
    assert [(r.status, r.skipped) for r in second.results] == [("ok", True)]
    assert second.results[0].activities == first.results[0].activities
    assert (outdir / "activities.csv").read_bytes() == csv_of_first

    forced = run_batch(inputs, outdir, BatchSettings(jobs=1, force=True))
    assert [r.skipped for r in forced.results] == [False]
    assert (outdir / "activities.csv").read_bytes() == csv_of_first

    with report.open("ab") as handle:
        handle.write(b"\n% edited after the first run\n")
    changed = run_batch(inputs, outdir, settings)
    assert [r.skipped for r in changed.results] == [False]

    other_period = run_batch(inputs, outdir, BatchSettings(jobs=1, period="2024-01"))
    assert [r.skipped for r in other_period.results] == [False]


def test_a_rerun_after_a_change_to_the_code_extracts_again(
        example_pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The version is the same before and after a code change; the code's own fingerprint is not.
    inputs, outdir, settings = assign_outputs([example_pdf]), tmp_path / "out", BatchSettings(jobs=1)
    run_batch(inputs, outdir, settings)
    assert [r.skipped for r in run_batch(inputs, outdir, settings).results] == [True]
    monkeypatch.setattr(batch_module, "extraction_code_fingerprint", lambda: "code after an edit")
    assert [r.skipped for r in run_batch(inputs, outdir, settings).results] == [False]


def test_the_code_fingerprint_follows_every_source_and_data_file(tmp_path: Path) -> None:
    stage = tmp_path / "normalize"
    (stage / "data").mkdir(parents=True)
    (stage / "dates.py").write_text("MONTHS = 12\n")
    (stage / "data" / "status.toml").write_text("klar = 'done'\n")
    before = code_fingerprint([stage])
    assert code_fingerprint([stage]) == before
    (stage / "data" / "status.toml").write_text("klar = 'in_progress'\n")
    edited = code_fingerprint([stage])
    assert edited != before
    (stage / "__pycache__").mkdir()
    (stage / "__pycache__" / "dates.cpython-311.pyc").write_bytes(b"compiled")
    (stage / "notes.txt").write_text("not code")
    assert code_fingerprint([stage]) == edited
    assert extraction_code_fingerprint() == extraction_code_fingerprint()


def test_a_slow_file_is_stopped_at_the_time_limit_while_the_others_complete(
        example_pdf: Path, broken_corpus: dict[str, Case], tmp_path: Path) -> None:
    # Two hundred copies of the example (some 800 pages, half a minute of reading at today's speed)
    # take far longer than the limit, which the example alone meets easily.
    long_report = repeated_pdf(example_pdf, tmp_path / "long-report.pdf", times=200)
    inputs = assign_outputs([long_report, example_pdf, broken_corpus["empty"].path, broken_corpus["not-a-pdf"].path])
    outdir = tmp_path / "out"
    summary = run_batch(inputs, outdir, BatchSettings(jobs=2, timeout=6))
    assert [(r.status, r.code) for r in summary.results] == [
        ("failed", "timeout"), ("ok", None), ("failed", "empty"), ("failed", "not_pdf")]
    assert summary.results[0].reason == "timed out: reading it took longer than 6 s (--timeout)"
    assert summary.seconds < 30
    # The stopped worker was killed mid-extraction: it must have left nothing behind.
    assert sorted(p.name for p in outdir.iterdir()) == ["activities.csv", f"{example_pdf.stem}.json", "report.json"]


# ---------------------------------------------------------------- failures of the runner's own making


def test_a_worker_that_crashes_is_recorded_and_the_rest_go_on(tmp_path: Path) -> None:
    crashing, fine = _marked(tmp_path / "crashing.pdf", b"CRASH"), _marked(tmp_path / "fine.pdf", b"fine")
    settings = BatchSettings(jobs=1, extractor=fake_extractors.crash_on_marker)
    summary = run_batch(assign_outputs([crashing, fine]), tmp_path / "out", settings)
    assert [(r.status, r.code, r.reason) for r in summary.results] == [
        ("failed", "crashed", "the reading process died (killed by SIGSEGV)"), ("ok", None, None)]


def test_an_unforeseen_exception_is_an_internal_error_with_its_traceback_kept(tmp_path: Path) -> None:
    buggy, fine = _marked(tmp_path / "buggy.pdf", b"BUG"), _marked(tmp_path / "fine.pdf", b"fine")
    settings = BatchSettings(jobs=2, extractor=fake_extractors.bug_on_marker)
    summary = run_batch(assign_outputs([buggy, fine]), tmp_path / "out", settings)
    failed, ok = summary.results
    assert (failed.code, failed.reason) == ("internal", "internal error: ZeroDivisionError: a bug deep in a stage")
    assert "Traceback" in failed.traceback and "bug_on_marker" in failed.traceback
    assert ok.status == "ok"
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert report["inputs"][0]["traceback"] == failed.traceback


def _marked(path: Path, marker: bytes) -> Path:
    path.write_bytes(b"%PDF-1.7\n" + marker + b"\n")
    return path


# ---------------------------------------------------------------- inputs and their names


def test_folders_are_searched_recursively_for_pdfs_of_any_case(tmp_path: Path) -> None:
    for name in ("2023/mars.pdf", "2023/nov/november.PDF", "2024/notes.txt", "a.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"%PDF-")
    assert discover_inputs([str(tmp_path)]) == [
        tmp_path / "a.pdf", tmp_path / "2023" / "mars.pdf", tmp_path / "2023" / "nov" / "november.PDF"]


def test_files_are_taken_as_named_globs_are_expanded_and_nothing_twice(tmp_path: Path) -> None:
    for name in ("lund.pdf", "malmo.pdf", "readme.txt"):
        (tmp_path / name).write_bytes(b"x")
    found = discover_inputs([str(tmp_path / "readme.txt"), str(tmp_path / "*.pdf"), str(tmp_path / "lund.pdf")])
    assert found == [tmp_path / "readme.txt", tmp_path / "lund.pdf", tmp_path / "malmo.pdf"]


def test_an_input_naming_nothing_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputNotFound, match="saknas.pdf"):
        discover_inputs([str(tmp_path / "saknas.pdf")])


def test_output_names_are_unique_stable_and_plain_when_possible() -> None:
    paths = [Path("/a/lil.pdf"), Path("/b/LIL.pdf"), Path("/c/sus.pdf"), Path("/d/report.pdf")]
    names = [i.output for i in assign_outputs(paths)]
    assert names[2] == "sus.json"
    assert len({n.casefold() for n in names}) == 4
    assert names[0].startswith("lil-") and names[1].startswith("LIL-")
    assert names[3] != "report.json", "the run report's name is taken"
    assert [i.output for i in assign_outputs(list(reversed(paths)))] == list(reversed(names))


# ---------------------------------------------------------------- usage


def test_no_pdfs_under_the_inputs_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(tmp_path), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "no PDF files found" in result.output
    assert not (tmp_path / "out").exists()


def test_a_missing_input_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(tmp_path / "saknas.pdf"), "-o", str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "saknas.pdf" in result.output


def test_quiet_prints_only_the_failures(broken_corpus: dict[str, Case], tmp_path: Path) -> None:
    empty = broken_corpus["empty"].path
    result = CliRunner().invoke(main, ["batch", str(empty), "-o", str(tmp_path), "--quiet"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == f"error: {empty}: empty file\n"


def test_a_clean_run_exits_0(example_pdf: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["batch", str(example_pdf), "-o", str(tmp_path), "--jobs", "1"])
    assert result.exit_code == 0, result.output
    assert "1 inputs: 1 ok, 0 failed" in result.stdout
    # stderr is no terminal here: a progress line per report, then one line counting the report's warnings
    document = Document.model_validate_json((tmp_path / f"{example_pdf.stem}.json").read_text(encoding="utf-8"))
    assert document.warnings
    progress, warnings = result.stderr.splitlines()
    assert progress.startswith(f"[1/1] ok {example_pdf} (")
    assert warnings.startswith(f"warning: {len(document.warnings)} warnings in 1 of 1 reports (")


def test_written_files_get_ordinary_permissions(tmp_path):
    import os
    import stat

    from followup.output import write_atomically

    target = tmp_path / "rapport.json"
    write_atomically(target, "{}\n")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~mask
    assert target.read_text() == "{}\n"


def test_the_status_table_counts_each_reports_activities_by_status(tmp_path):
    from followup.status_table import status_table

    csv_file = tmp_path / "activities.csv"
    csv_file.write_text(
        "source_file,period,status,highlighted\n"
        "a.pdf,2024-03,done,true\n"
        "a.pdf,2024-03,delayed,false\n"
        "b.pdf,2024-09,,false\n",
        encoding="utf-8",
    )
    lines = status_table(csv_file).splitlines()
    row_a = next(line for line in lines if line.startswith("a.pdf")).split()
    row_b = next(line for line in lines if line.startswith("b.pdf")).split()
    total = next(line for line in lines if line.startswith("all reports")).split()
    # period, activities, done, in_progress, delayed, unknown, highlighted
    assert row_a[1:] == ["2024-03", "2", "1", "0", "1", "0", "1"]
    assert row_b[1:] == ["2024-09", "1", "0", "0", "0", "1", "0"]
    assert total[2:] == ["3", "1", "0", "1", "1", "1"]


def test_activities_csv_carries_the_extra_columns_of_the_reports_that_have_them(tmp_path: Path, sample_pdfs) -> None:
    numbered = ROOT / "tests" / "extract" / "data" / "extra-columns-numbered.pdf"
    inputs = assign_outputs([sample_pdfs[0], numbered])
    summary = run_batch(inputs, tmp_path, BatchSettings(jobs=1))
    assert all(result.ok for result in summary.results)
    rows = list(csv.DictReader(io.StringIO((tmp_path / "activities.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == BATCH_CSV_COLUMNS + ["Nr", "Startdatum", "Prioritet", "Beräknad kostnad (tkr)"]
    sample_rows = [r for r in rows if r["source_file"] == str(sample_pdfs[0])]
    numbered_rows = [r for r in rows if r["source_file"] == str(numbered)]
    assert sample_rows and all(r["Nr"] == "" for r in sample_rows)
    assert [r["Nr"] for r in numbered_rows] == ["1", "2", "3", "4", "5", "6"]
    assert [r["Prioritet"] for r in numbered_rows][:2] == ["Hög", "Medel"]
