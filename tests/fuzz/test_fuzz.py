"""Fuzzing: damaged copies of the samples (fixed seed) end in a valid document or one clean rejection.

Run in this process through the library (bounded: about a second each), and a few through the CLI
as a user runs it. `make fuzz` runs many more (README, Reliability).
"""
from __future__ import annotations

import collections
import json
import logging
import subprocess
import sys
from pathlib import Path

import pytest
from fuzzing import outcome_of
from mutants import MUTATIONS, ROOT, mutants

from followup.output import warnings_line
from followup.schemas import Document

SEED = 13
# Every kind of damage eight times, the samples in turn: about two minutes here (~1 s a mutant).
IN_PROCESS = 8 * len(MUTATIONS)
THROUGH_CLI = 6


@pytest.fixture(scope="module")
def mutant_files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("mutants")
    files = []
    for mutant in mutants(IN_PROCESS, SEED):
        path = folder / f"{mutant.name}.pdf"
        path.write_bytes(mutant.data)
        files.append((mutant.kind, path))
    return files


def test_every_mutant_is_extracted_or_cleanly_rejected(mutant_files: list[tuple[str, Path]]) -> None:
    logging.getLogger("pdfminer").setLevel(logging.CRITICAL)
    outcomes = collections.Counter()
    problems = []
    for _kind, path in mutant_files:
        outcome = outcome_of(path)
        outcomes[outcome.status] += 1
        problems += [f"{path.name}: {problem}" for problem in outcome.problems]
    assert problems == []
    # The damage is real: some copies are read (repaired or not), some are past reading.
    assert outcomes["ok"] > 0 and sum(n for status, n in outcomes.items() if status != "ok") > 0


def test_mutants_through_the_command_line_exit_0_with_a_document_or_3_with_one_line(
        mutant_files: list[tuple[str, Path]]) -> None:
    step = len(mutant_files) // THROUGH_CLI
    for _kind, path in mutant_files[::step][:THROUGH_CLI]:
        result = subprocess.run([sys.executable, "-m", "followup.cli", "extract", str(path)], cwd=ROOT,
                                capture_output=True, text=True, timeout=300)
        assert "Traceback" not in result.stderr, path.name
        if result.returncode == 0:
            document = Document.model_validate(json.loads(result.stdout))
            # Nothing on stderr but, for a report with warnings, the one line counting them.
            assert result.stderr == (f"{warnings_line(str(path), document.warnings)}\n" if document.warnings else "")
        else:
            assert result.returncode == 3, (path.name, result.stderr)
            lines = result.stderr.splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"error: {path}: "), (path.name, result.stderr)
