"""`followup extract` on bad input: exit 3 and one line `error: FILE: REASON`, never a traceback."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from broken_corpus import OK, USER_PASSWORD, Case
from click.testing import CliRunner, Result
from followup_process import run_followup

from followup.cli import main
from followup.output import warnings_line
from followup.schemas import Document

# Those with one right answer, and a damaged copy or two that may or may not still be readable.
CASES = ["empty", "not-a-pdf", "header-only", "encrypted", "owner-password-only", "scanned", "no-table",
         "huge-page", "truncated-50", "truncated-98", "flipped-1", "flipped-2"]


def extract(path: Path, password: str | None = None) -> Result:
    arguments = ["extract", str(path)] + (["--password", password] if password else [])
    return CliRunner().invoke(main, arguments)


def outcome_of(result: Result, path: Path) -> str:
    """OK for a valid document on stdout, else the rejection's reason, after checking the contract."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    if result.exit_code == 0:
        Document.model_validate(json.loads(result.stdout))
        return OK
    assert result.exit_code == 3
    assert result.stdout == ""
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {path}: ")
    return line.removeprefix(f"error: {path}: ")


@pytest.mark.parametrize("name", CASES)
def test_a_bad_input_is_rejected_with_its_reason_or_read_despite_the_damage(
        name: str, broken_corpus: dict[str, Case]) -> None:
    case = broken_corpus[name]
    outcome = outcome_of(extract(case.path), case.path)
    if case.expected == {OK}:
        assert outcome == OK
    elif OK not in case.expected:
        assert outcome != OK


@pytest.mark.parametrize("name, reason_starts", [
    ("empty", "empty file"),
    ("not-a-pdf", "not a PDF"),
    ("encrypted", "encrypted"),
    ("scanned", "no text layer"),
    ("no-table", "no activity table"),
    ("no-table-wrong-startxref", "no activity table found (qpdf finds the file damaged, but its repaired copy reads the same)"),
])
def test_the_reason_says_what_is_wrong(name: str, reason_starts: str, broken_corpus: dict[str, Case]) -> None:
    case = broken_corpus[name]
    assert outcome_of(extract(case.path), case.path).startswith(reason_starts)


def test_the_password_opens_an_encrypted_report(broken_corpus: dict[str, Case]) -> None:
    case = broken_corpus["encrypted"]
    assert outcome_of(extract(case.path, password=USER_PASSWORD), case.path) == OK


def test_a_wrong_password_is_a_rejection(broken_corpus: dict[str, Case]) -> None:
    case = broken_corpus["encrypted"]
    assert outcome_of(extract(case.path, password="fel-lösen"), case.path).startswith("encrypted")


def test_a_damaged_file_gives_one_line_on_stderr_in_a_real_process(broken_corpus: dict[str, Case]) -> None:
    # In a real process the PDF library's own complaints would reach stderr too; they must not.
    case = broken_corpus["flipped-1"]
    completed = run_followup("extract", case.path)
    assert completed.returncode in (0, 3)
    if completed.returncode == 3:
        assert completed.stdout == ""
        [line] = completed.stderr.splitlines()
        assert line.startswith(f"error: {case.path}: ")
    else:
        # Nothing on stderr but, for a report with warnings, the one line counting them.
        document = Document.model_validate_json(completed.stdout)
        assert completed.stderr == (f"{warnings_line(str(case.path), document.warnings)}\n" if document.warnings else "")
