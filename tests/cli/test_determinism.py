"""The same report gives byte-identical JSON: twice in one process, and in another process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from followup_process import ROOT

from followup.output import document_json
from followup.pipeline import extract_document


def test_the_same_report_gives_the_same_bytes_in_one_process_and_across_processes(example_pdf: Path) -> None:
    first = document_json(extract_document(example_pdf))
    second = document_json(extract_document(example_pdf))
    # Another hash seed changes the order of sets and dicts built from them: output must not care.
    other_process = subprocess.run(
        [sys.executable, "-m", "followup.cli", "extract", str(example_pdf)], cwd=ROOT,
        capture_output=True, timeout=300, env={**os.environ, "PYTHONHASHSEED": "12345"})
    assert other_process.returncode == 0, other_process.stderr
    assert first.encode("utf-8") == second.encode("utf-8") == other_process.stdout
