"""Shared inputs of the CLI tests: the example report, the samples, and the broken corpus."""
from __future__ import annotations

from pathlib import Path

import pytest
from broken_corpus import Case, build_corpus
from followup_process import EXAMPLE_PDF, ROOT


@pytest.fixture(scope="session")
def example_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sample report under a name and content of its own, so a batch over samples/pdf sees it neither as
    a name twice nor as a duplicate (a comment after the end of the file, which readers skip)."""
    assert EXAMPLE_PDF.is_file(), f"the example report is missing: {EXAMPLE_PDF}"
    copy = tmp_path_factory.mktemp("example") / "rapport-2024-03.pdf"
    copy.write_bytes(EXAMPLE_PDF.read_bytes() + b"\n% the example of the CLI tests\n")
    return copy


@pytest.fixture(scope="session")
def sample_pdfs() -> list[Path]:
    """The generated sample reports (samples/pdf), all of which must extract."""
    return sorted((ROOT / "samples" / "pdf").glob("*.pdf"))


@pytest.fixture(scope="session")
def broken_corpus(example_pdf: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Case]:
    """Every broken variant of the example, built once per test session."""
    return build_corpus(example_pdf, tmp_path_factory.mktemp("broken"))
