"""A table whose header row is printed only once still gives every row on every page.

The fixtures (tests/extract/data, made by render_unrepeated_header.py with WeasyPrint) hold 25
numbered copies of two activities over three pages, once without rules and once with a full grid,
then one completed activity.
"""
from collections import Counter
from pathlib import Path

import pytest

from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"
EXPECTED_AREAS = [f"{name} {i}" for i in range(25) for name in ("Digitala vårdbesök", "Suicidprevention")]


@pytest.mark.parametrize("name", ["unrepeated-header.pdf", "unrepeated-header-grid.pdf"])
def test_rows_on_pages_without_a_header_are_not_lost(name):
    document = extract_document(DATA / name)
    assert document.source.pages == 3
    active = [a for a in document.activities if a.section == "active"]
    assert [a.area for a in active] == EXPECTED_AREAS
    assert Counter(a.status for a in active) == {"in_progress": 25, "delayed": 25}
    assert [(a.area, a.status) for a in document.activities if a.section == "done"] == [("Journal", "done")]


@pytest.mark.parametrize("name", ["unrepeated-header.pdf", "unrepeated-header-grid.pdf"])
def test_the_running_header_is_not_taken_for_a_row(name):
    document = extract_document(DATA / name)
    assert all(a.goal and a.action for a in document.activities)
