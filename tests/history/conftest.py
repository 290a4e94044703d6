"""The sample reports as output documents, extracted once per session from the committed PDFs."""
from __future__ import annotations

from pathlib import Path

import pytest

from followup.output import document_json
from followup.pipeline import extract_document
from schemas import Document

ROOT = Path(__file__).resolve().parents[2]
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
