"""Areas given as full-width group rows ("Område: Patientsäkerhet") instead of an Område column.

The fixtures (tests/extract/data, made by render_rows_and_groups.py) hold the same eleven activities
in three groups, the second group running over the page break without being repeated:
group-rows-word (Word grid exported by LibreOffice, shaded bold merged cells "Område: …"; in
group-rows-word-open-sides without their left and right borders),
group-rows-web (WeasyPrint, horizontal rules only, bare shaded names) and group-rows-unruled
(Chromium, no rules, bold "Område: …" lines).
"""
from pathlib import Path

import pytest

from followup.extract.document import read_raw_document
from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"
FIXTURES = ["group-rows-word.pdf", "group-rows-word-open-sides.pdf", "group-rows-web.pdf", "group-rows-unruled.pdf"]
AREAS = ["Patientsäkerhet"] * 3 + ["Tillgänglighet och väntetider"] * 5 + ["Kompetensförsörjning"] * 3
GOALS_FIRST_WORDS = ["Minska", "Säker", "Färre", "Kortare", "Bättre", "Fler", "Kortare", "Samordnad",
                     "Behålla", "Introduktion", "Handledning"]
STATUSES = ["done", "in_progress", "delayed", "in_progress", "done", "in_progress", "delayed", "in_progress",
            "in_progress", "done", "delayed"]


@pytest.mark.parametrize("name", FIXTURES)
def test_every_activity_gets_the_area_of_the_group_row_above_it(name):
    document = extract_document(DATA / name)
    assert document.source.pages == 2
    assert [a.area for a in document.activities] == AREAS
    assert [a.goal.split()[0] for a in document.activities] == GOALS_FIRST_WORDS
    assert [a.status for a in document.activities] == STATUSES


@pytest.mark.parametrize("name", FIXTURES)
def test_the_group_continues_on_the_next_page_where_it_is_not_repeated(name):
    activities = extract_document(DATA / name).activities
    on_second_page = [a.area for a in activities if a.pages == [2]]
    assert on_second_page[0] == "Tillgänglighet och väntetider"
    assert on_second_page[-1] == "Kompetensförsörjning"


@pytest.mark.parametrize("name", FIXTURES)
def test_group_rows_are_no_activities_and_keep_their_printed_text_in_the_raw_rows(name):
    raw = read_raw_document(DATA / name)
    rows = [row for table in raw.tables for row in table.rows]
    assert len(rows) == 11
    assert "area" not in raw.tables[0].columns
    label = "" if name == "group-rows-web.pdf" else "Område: "
    assert [row.group for row in rows] == [label + area for area in AREAS]
    assert not any("Område" in cell.text for row in rows for cell in row.cells.values())


def test_a_table_without_group_rows_has_no_groups():
    raw = read_raw_document(DATA / "unrepeated-header-grid.pdf")
    assert all(row.group is None for table in raw.tables for row in table.rows)


def test_a_row_broken_over_the_page_inside_a_group_keeps_its_group_and_its_text():
    activities = extract_document(DATA / "group-rows-word.pdf").activities
    broken = activities[5]
    assert broken.pages == [1, 2]
    assert broken.area == "Tillgänglighet och väntetider"
    assert broken.action == "Videobesök för uppföljning av stabila patienter"
    assert broken.responsible.text == "Medicinskt ansvarig läkare"
    assert broken.follow_up == "Tre läkare har börjat. Tekniken fungerar men bokningen är krånglig."


def test_a_group_row_last_on_its_page_names_the_rows_on_the_next_page():
    """group-at-page-end-unruled: Chromium, no rules, the header printed only on page 1; the rows of
    "Tillgänglighet och väntetider" and "Kompetensförsörjning" start on the page after their group row."""
    document = extract_document(DATA / "group-at-page-end-unruled.pdf")
    assert document.source.pages == 3
    activities = document.activities
    assert [a.area for a in activities] == AREAS
    assert [a.pages for a in activities] == [[1]] * 3 + [[2]] * 5 + [[3]] * 3
    assert [a.goal.split()[0] for a in activities] == GOALS_FIRST_WORDS
