"""docs/DESIGN.md is the public contract: every code a user or tool can meet is listed there."""
from pathlib import Path

import pytest

from followup.extract import document
from followup.normalize import warnings as normalize_warnings
from followup.schemas import Activity, Document
from followup.schemas.codes import FAILURES, REJECTION_CODES, WARNING_CODES, WARNINGS

DESIGN = (Path(__file__).resolve().parents[2] / "docs" / "DESIGN.md").read_text(encoding="utf-8")
README = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
# The warning codes the stages actually emit: constants of normalize.warnings and extract.document.
EMITTED_WARNINGS = sorted(
    {value for name, value in vars(normalize_warnings).items() if name.isupper() and isinstance(value, str)}
    | {document.REPAIRED, document.PAGE_UNREADABLE, document.PAGE_WITHOUT_ROWS}
)


@pytest.mark.parametrize("code", sorted(REJECTION_CODES))
def test_every_rejection_code_is_documented(code: str) -> None:
    assert f"`{code}`" in DESIGN


@pytest.mark.parametrize("code", sorted(WARNING_CODES))
def test_every_warning_code_is_documented(code: str) -> None:
    assert f"`{code}`" in DESIGN
    assert WARNINGS[code]


def test_every_warning_the_stages_emit_is_in_the_catalogue() -> None:
    assert set(EMITTED_WARNINGS) <= WARNING_CODES


@pytest.mark.parametrize("code", sorted(FAILURES))
def test_every_failure_code_is_in_the_readme(code: str) -> None:
    assert f"`{code}`" in README


@pytest.mark.parametrize("field", sorted(set(Document.model_fields) | set(Activity.model_fields)))
def test_every_field_of_the_output_document_is_in_its_example(field: str) -> None:
    assert f'"{field}"' in DESIGN
