"""Shared inputs of the CLI tests: the example report, the samples, and the broken corpus."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from broken_corpus import Case, build_corpus

ROOT = Path(__file__).resolve().parents[2]
# CI checks the shared folder out beside the repository.
EXAMPLE_PDF = ROOT.parent / "shared" / "examples" / "lil-2023-11.pdf"


@pytest.fixture(scope="session")
def example_pdf() -> Path:
    assert EXAMPLE_PDF.is_file(), f"the example report is missing: {EXAMPLE_PDF}"
    return EXAMPLE_PDF


@pytest.fixture(scope="session")
def sample_pdfs() -> list[Path]:
    """The generated sample reports (samples/pdf), all of which must extract."""
    return sorted((ROOT / "samples" / "pdf").glob("*.pdf"))


@pytest.fixture(scope="session")
def broken_corpus(example_pdf: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """Every broken variant of the example, built once per test session."""
    return build_corpus(example_pdf, tmp_path_factory.mktemp("broken"))


def run_followup(*arguments: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The followup command in a process of its own, as a user runs it."""
    return subprocess.run([sys.executable, "-m", "followup.cli", *map(str, arguments)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
