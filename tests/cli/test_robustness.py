"""Issue 13: what a hostile user found. Every case ends in a result or one clean line, never a traceback."""
from __future__ import annotations

import fcntl
import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import fake_extractors
import pytest
from followup_process import ROOT, run_followup
from hostile_pdfs import deflate_bomb, huge_unicode_range, operator_flood, page_fonts_broken, reversed_boxes

from followup.batch import JOURNAL, BatchSettings, assign_outputs, run_batch
from followup.extract.errors import InputRejected
from followup.output import document_json
from followup.pipeline import extract_document
from followup.schemas import Document
from samples.gold import mismatches

YSTAD = ROOT / "samples" / "pdf" / "ystad-2024-03.pdf"
YSTAD_GOLD = ROOT / "samples" / "expected" / "ystad-2024-03.json"
LATIN1_NAME = b"rapport-\xe5\xe4\xf6.pdf"  # åäö in Latin-1, as old zip archives name files


def one_error_line(stderr: str) -> str:
    """stderr must be exactly one `error:` line and no traceback; that line."""
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
    return lines[0]


# ---------------------------------------------------------------- page boxes, repair


def test_a_media_box_with_its_corners_swapped_reads_like_the_original(tmp_path: Path) -> None:
    swapped = reversed_boxes(YSTAD, tmp_path / "ystad-2024-03.pdf")
    gold = json.loads(YSTAD_GOLD.read_text(encoding="utf-8"))
    assert mismatches(extract_document(swapped), gold) == []


def test_a_truncated_download_is_repaired_and_says_so(tmp_path: Path) -> None:
    cut = tmp_path / "ystad-2024-03.pdf"
    cut.write_bytes(YSTAD.read_bytes()[: int(YSTAD.stat().st_size * 0.9)])
    document = extract_document(cut)
    assert [w.code for w in document.warnings if w.code == "repaired"] == ["repaired"]
    assert document.activities


def test_a_page_that_cannot_be_read_even_after_repair_is_named_not_dropped(tmp_path: Path) -> None:
    broken = page_fonts_broken(YSTAD, tmp_path / "ystad-2024-03.pdf", page=2)
    document = extract_document(broken)
    unreadable = [w for w in document.warnings if w.code == "page_unreadable"]
    assert [w.page for w in unreadable] == [2]
    assert document.source.pages == 4
    assert all(2 not in a.pages for a in document.activities) and document.activities


def test_a_file_past_repair_is_rejected_in_words_then_the_detail(tmp_path: Path) -> None:
    stub = tmp_path / "stump.pdf"
    stub.write_bytes(YSTAD.read_bytes()[:2000])
    with pytest.raises(InputRejected) as caught:
        extract_document(stub)
    assert caught.value.code == "damaged"
    assert caught.value.reason.startswith("damaged PDF: the file is broken and cannot be read, even after repair (")


# ---------------------------------------------------------------- file names


def test_extract_takes_a_file_name_that_is_not_utf8(tmp_path: Path) -> None:
    odd = Path(os.fsdecode(bytes(tmp_path) + b"/" + LATIN1_NAME))
    odd.write_bytes(YSTAD.read_bytes())
    result = run_followup("extract", odd, "-o", tmp_path / "out.json")
    assert result.returncode == 0, result.stderr
    document = Document.model_validate_json((tmp_path / "out.json").read_bytes())
    assert document.source.file == "rapport-\\xe5\\xe4\\xf6.pdf"


def test_batch_reports_every_odd_name_on_one_line(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    Path(os.fsdecode(bytes(inputs) + b"/" + LATIN1_NAME)).write_bytes(YSTAD.read_bytes())
    (inputs / "rad\nbrytning.pdf").write_bytes(b"%PDF-1.7\nnot really\n")
    result = run_followup("batch", inputs, "-o", tmp_path / "out", "--quiet")
    assert result.returncode == 1
    assert one_error_line(result.stderr).startswith("error: ") and "rad\\nbrytning.pdf: " in result.stderr
    report = json.loads((tmp_path / "out" / "report.json").read_text(encoding="utf-8"))
    assert sorted(e["file"].rsplit("/", 1)[-1] for e in report["inputs"]) == [
        "rad\\nbrytning.pdf", "rapport-\\xe5\\xe4\\xf6.pdf"]
    assert (tmp_path / "out" / "rapport-\\xe5\\xe4\\xf6.json").is_file()


# ---------------------------------------------------------------- output places


def test_output_below_a_regular_file_is_one_error_line(tmp_path: Path) -> None:
    (tmp_path / "fil").write_text("x")
    result = run_followup("extract", YSTAD, "-o", tmp_path / "fil" / "out.json")
    assert result.returncode == 1
    assert "cannot write the output" in one_error_line(result.stderr)


def test_output_where_nothing_can_be_created_is_one_error_line() -> None:
    result = run_followup("extract", YSTAD, "-o", "/proc/followup-out.json")
    assert result.returncode == 1
    assert one_error_line(result.stderr).startswith("error: /proc/followup-out.json: cannot write the output")


def test_output_onto_a_full_disk_is_one_error_line_and_no_leftover(tmp_path: Path) -> None:
    def small_files_only() -> None:
        # What a full disk does to a writer: the write fails (EFBIG here, ENOSPC there).
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))

    result = subprocess.run([sys.executable, "-m", "followup.cli", "extract", str(YSTAD), "-o", str(tmp_path / "out.json")],
                            cwd=ROOT, capture_output=True, text=True, timeout=300, preexec_fn=small_files_only)
    assert result.returncode == 1
    assert "cannot write the output" in one_error_line(result.stderr)
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- documents


@pytest.mark.parametrize("date", ["2024-02-30", "snart"])
def test_diff_rejects_a_document_whose_iso_day_is_no_day(tmp_path: Path, date: str) -> None:
    (tmp_path / "new.json").write_text(document_json(extract_document(YSTAD)), encoding="utf-8")
    document = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    first = next(a for a in document["activities"] if a.get("deadline"))
    first["deadline"]["date"] = date
    (tmp_path / "old.json").write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    result = run_followup("diff", tmp_path / "old.json", tmp_path / "new.json")
    assert result.returncode == 3
    assert "not a followup document (activities." in one_error_line(result.stderr)


# ---------------------------------------------------------------- limits of our own


def test_a_double_deflated_bomb_is_too_large(tmp_path: Path) -> None:
    bomb = deflate_bomb(YSTAD, tmp_path / "bomb.pdf", inflated_mb=300)
    result = run_followup("extract", bomb)
    assert result.returncode == 3
    assert ": too large: a stream inflates to more than" in one_error_line(result.stderr)


def test_a_font_map_filling_memory_is_too_large_at_the_memory_limit(tmp_path: Path) -> None:
    greedy = huge_unicode_range(YSTAD, tmp_path / "range.pdf")
    result = run_followup("extract", greedy, "--memory-limit", "512")
    assert result.returncode == 3
    assert ": too large: reading it needs more memory than the limit" in one_error_line(result.stderr)


def test_a_page_of_endless_drawing_is_stopped_at_the_time_limit(tmp_path: Path) -> None:
    flood = operator_flood(YSTAD, tmp_path / "flood.pdf", megabytes=40)
    result = run_followup("extract", flood, "--timeout", "3")
    assert result.returncode == 3
    assert one_error_line(result.stderr).endswith(": timed out: reading it took longer than 3 s (--timeout)")


# ---------------------------------------------------------------- batch: kills, locks, Ctrl-C


def _good_copies(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for number in range(count):
        copy = folder / f"rapport-{number}.pdf"
        copy.write_bytes(YSTAD.read_bytes() + f"% copy {number}\n".encode())
        copies.append(copy)
    return copies


def test_a_batch_killed_midway_is_resumed_without_redoing_what_was_done(tmp_path: Path) -> None:
    done_first = _good_copies(tmp_path / "in", 4)
    hanging = tmp_path / "in" / "zz-hangs.pdf"
    hanging.write_bytes(b"%PDF-1.7\nHANG\n")
    outdir = tmp_path / "out"
    script = (
        "import sys; from pathlib import Path; sys.path.insert(0, sys.argv[1]); import fake_extractors;"
        "from followup.batch import BatchSettings, assign_outputs, run_batch;"
        "paths = [Path(p) for p in sys.argv[3:]];"
        "run_batch(assign_outputs(paths), Path(sys.argv[2]),"
        " BatchSettings(jobs=1, timeout=600, extractor=fake_extractors.hang_on_marker))")
    process = subprocess.Popen([sys.executable, "-c", script, str(Path(__file__).parent), str(outdir),
                                *map(str, done_first), str(hanging)], cwd=ROOT, start_new_session=True)
    try:
        journal = outdir / JOURNAL
        deadline = time.monotonic() + 240
        while time.monotonic() < deadline and process.poll() is None:
            if journal.is_file() and len(journal.read_text(encoding="utf-8").splitlines()) >= 4:
                break
            time.sleep(0.2)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    settings = BatchSettings(jobs=1, timeout=2, extractor=fake_extractors.hang_on_marker)
    resumed = run_batch(assign_outputs([*done_first, hanging]), outdir, settings)
    assert [(r.skipped, r.status) for r in resumed.results] == [(True, "ok")] * 4 + [(False, "failed")]
    assert not (outdir / JOURNAL).exists()


def test_a_second_batch_into_the_same_folder_is_refused_clearly(tmp_path: Path) -> None:
    outdir = tmp_path / "out"
    outdir.mkdir()
    held = os.open(outdir, os.O_RDONLY)
    try:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        result = run_followup("batch", YSTAD, "-o", outdir)
    finally:
        os.close(held)
    assert result.returncode == 2
    assert "another followup batch is writing into this folder" in one_error_line(result.stderr)
    assert list(outdir.iterdir()) == []


def test_ctrl_c_stops_a_batch_with_status_130(tmp_path: Path) -> None:
    flood = operator_flood(YSTAD, tmp_path / "flood.pdf", megabytes=40)
    process = subprocess.Popen([sys.executable, "-m", "followup.cli", "batch", str(flood), "-o", str(tmp_path / "out"),
                                "--quiet"], cwd=ROOT, stderr=subprocess.PIPE, text=True)
    # Once the worker has the file, Ctrl-C reaches the run (workers leave it to their parent).
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (tmp_path / "out").is_dir():
        time.sleep(0.2)
    time.sleep(3)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130
    assert "Traceback" not in stderr and stderr.strip().splitlines() == ["interrupted"]
