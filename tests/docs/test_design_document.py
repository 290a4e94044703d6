"""docs/DESIGN.md is the public contract: every code a user or tool can meet is listed there."""
from pathlib import Path

import pytest

import normalize.warnings
from extract import document
from extract.errors import REJECTION_CODES
from schemas import Activity, Document

DESIGN = (Path(__file__).resolve().parents[2] / "docs" / "DESIGN.md").read_text(encoding="utf-8")
WARNING_CODES = sorted(
    {value for name, value in vars(normalize.warnings).items() if name.isupper() and isinstance(value, str)}
    | {document.REPAIRED, document.PAGE_UNREADABLE, document.PAGE_WITHOUT_ROWS}
)


@pytest.mark.parametrize("code", sorted(REJECTION_CODES))
def test_every_rejection_code_is_documented(code: str) -> None:
    assert f"`{code}`" in DESIGN


@pytest.mark.parametrize("code", WARNING_CODES)
def test_every_warning_code_is_documented(code: str) -> None:
    assert f"`{code}`" in DESIGN


@pytest.mark.parametrize("field", sorted(set(Document.model_fields) | set(Activity.model_fields)))
def test_every_field_of_the_output_document_is_in_its_example(field: str) -> None:
    assert f'"{field}"' in DESIGN
