"""Fixtures for the whole suite: the memory cap lifted after each test, and the sample reports as
output documents, extracted once per session from the committed PDFs (history and report tests)."""
from __future__ import annotations

import resource
from collections.abc import Iterator
from pathlib import Path

import pytest

from followup.output import document_json
from followup.pipeline import extract_document
from followup.schemas import Document


@pytest.fixture(autouse=True)
def no_address_space_cap_in_the_test_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """A command invoked in the test process (click's CliRunner) does not cap its address space:
    the cap would hold the whole pytest process, every library the suite has loaded by then, to the
    memory meant for one report, so whether a sample fits would depend on the tests run before it.
    The cap itself is tested on the command in a process of its own (tests/cli/test_robustness.py)."""
    monkeypatch.setattr("followup.extract.limits.cap_memory", lambda megabytes: False)


@pytest.fixture(autouse=True)
def address_space_limit_restored() -> Iterator[None]:
    """The CLI caps its own address space (extract.limits.cap_memory); a command invoked in the test
    process (click's CliRunner) must not leave that cap on the tests after it, nor on the browsers and
    workers they start."""
    before = resource.getrlimit(resource.RLIMIT_AS)
    yield
    if resource.getrlimit(resource.RLIMIT_AS) != before:
        resource.setrlimit(resource.RLIMIT_AS, before)


ROOT = Path(__file__).resolve().parents[1]
# Two periods of two reports: a Word/LibreOffice pair and a WeasyPrint web pair.
SAMPLE_PERIODS = ("ystad-2024-03", "ystad-2024-09", "medicin-web-2024-05", "medicin-web-2024-11")


@pytest.fixture(scope="session")
def sample_documents() -> dict[str, Document]:
    return {name: extract_document(ROOT / "samples" / "pdf" / f"{name}.pdf") for name in SAMPLE_PERIODS}


@pytest.fixture(scope="session")
def sample_json_dir(sample_documents: dict[str, Document], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample documents as extracted JSON files, as `followup batch` writes them."""
    folder = tmp_path_factory.mktemp("sample-json")
    for name, document in sample_documents.items():
        (folder / f"{name}.json").write_text(document_json(document), encoding="utf-8")
    return folder
