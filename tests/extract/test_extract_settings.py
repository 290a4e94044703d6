"""extract/'s tolerances are one frozen, validated settings object that reaches every step, and no
function of extract/ takes more than five parameters.

unrepeated-header.pdf (tests/extract/data, WeasyPrint, no rules, the header printed once): the row
"Digitala vårdbesök 8" runs from page 1 to page 2 with only its action ("Utbilda / personalen") and
comment going on, so stitching weighs the evidence: two cells that were empty on page 1 and have
text on page 2 (new_text_in_empty_cell, twice) against the area and goal left empty on page 2, the
deadline and the status dot printed only on page 1; by default it sums to +2.0, the row runs on.
"""
import ast
from pathlib import Path

import pytest
from pydantic import ValidationError

from followup.extract import document as extract_document_module
from followup.extract.document import read_raw_document
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings

REPO = Path(__file__).resolve().parents[2]
DATA = Path(__file__).parent / "data"
UNREPEATED = DATA / "unrepeated-header.pdf"
MAX_PARAMETERS = 5
# Functions whose parameters others decide: pdfminer calls its device's render_char with eight.
OTHERS_INTERFACES = {("readers/pdfminer_reader.py", "render_char")}


def test_a_negative_tolerance_is_refused():
    with pytest.raises(ValidationError, match="snap"):
        ExtractSettings(snap=-2.0)
    with pytest.raises(ValidationError, match="group_fill_share"):
        ExtractSettings(group_fill_share=1.5)  # a share of the table's width is at most all of it


def test_a_weight_of_the_wrong_sign_and_an_unknown_name_are_refused():
    with pytest.raises(ValidationError, match="sentence_closed"):
        ExtractSettings(sentence_closed=1.5)  # a closed sentence is evidence against running on
    with pytest.raises(ValidationError, match="snapp"):
        ExtractSettings(snapp=3.0)


def test_settings_are_frozen_and_each_explains_itself():
    with pytest.raises(ValidationError):
        DEFAULT_SETTINGS.snap = 5.0
    assert all(field.description for field in ExtractSettings.model_fields.values())


def test_read_raw_document_reads_with_the_default_settings_unless_given_others(monkeypatch):
    seen = []
    stitch = extract_document_module.stitch_page_breaks

    def remembering(placed, settings):
        seen.append(settings)
        return stitch(placed, settings)

    monkeypatch.setattr(extract_document_module, "stitch_page_breaks", remembering)
    default = read_raw_document(UNREPEATED)
    mine = ExtractSettings(snap=2.5)
    read_raw_document(UNREPEATED, settings=mine)
    assert seen[0] is DEFAULT_SETTINGS and seen[1] is mine
    # Settings equal to the defaults read the same document.
    assert read_raw_document(UNREPEATED, settings=ExtractSettings()) == default


def _broken_row(raw):
    rows = [row for table in raw.tables for row in table.rows]
    return next(row for row in rows if row.cells["area"].text.startswith("Digitala vårdbesök 8"))


def test_a_stitching_weight_decides_whether_a_row_runs_on_over_the_page_break():
    by_default = read_raw_document(UNREPEATED)
    row = _broken_row(by_default)
    assert row.pages == [1, 2]
    assert "personalen" in row.cells["action"].text
    # New text in two cells empty before the break now outweighs the rest: -5.0 + 4.0.
    stricter = read_raw_document(UNREPEATED, settings=ExtractSettings(new_text_in_empty_cell=-2.5))
    row = _broken_row(stricter)
    assert row.pages == [1]
    assert row.cells["action"].text == ""
    assert sum(len(t.rows) for t in stricter.tables) == sum(len(t.rows) for t in by_default.tables) + 1


def test_a_table_tolerance_changes_what_is_read():
    """A header names its roles only over its wrapped lines ("Sta-" / "tus"); read one line at a
    time, the header of ystad-2024-03 (Word, every cell on one line) is still found, that of
    status-first-two-line-header (WeasyPrint, headers wrapped over two lines) is not."""
    assert read_raw_document(REPO / "samples" / "pdf" / "ystad-2024-03.pdf", settings=ExtractSettings(max_header_lines=1))
    with pytest.raises(extract_document_module.InputRejected, match="no activity table"):
        read_raw_document(DATA / "status-first-two-line-header.pdf", settings=ExtractSettings(max_header_lines=1))


def _parameters(node: ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda) -> list[str]:
    args = node.args
    names = [a.arg for a in args.posonlyargs + args.args + args.kwonlyargs]
    names += [f"*{a.arg}" for a in (args.vararg, args.kwarg) if a is not None]
    return [name for name in names if name not in ("self", "cls")]


def _exempt(path: Path, name: str) -> bool:
    return (path.relative_to(REPO / "extract").as_posix(), name) in OTHERS_INTERFACES


def test_no_function_in_extract_takes_more_than_five_parameters():
    too_many = []
    for path in sorted((REPO / "extract").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                name = getattr(node, "name", "<lambda>")
                if len(_parameters(node)) > MAX_PARAMETERS and not _exempt(path, name):
                    too_many.append(f"{path.relative_to(REPO)}:{node.lineno} {name}{tuple(_parameters(node))}")
    assert not too_many, "\n".join(too_many)
