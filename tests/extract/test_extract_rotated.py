"""A landscape report stored as portrait pages turned by /Rotate 90 reads as the landscape one.

rotated-landscape.pdf (tests/extract/data, render_rows_and_groups.py) is a LibreOffice landscape
export whose pages pikepdf rewrote as portrait media boxes with the content turned a quarter
anticlockwise and /Rotate 90, so viewers (and pdftoppm) show it landscape.
"""
from pathlib import Path

import pikepdf

from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"
AREAS = ["Patientsäkerhet"] * 3 + ["Tillgänglighet och väntetider"] * 5 + ["Kompetensförsörjning"] * 3


def test_the_fixture_is_stored_portrait_and_turned_for_display():
    with pikepdf.open(DATA / "rotated-landscape.pdf") as pdf:
        for page in pdf.pages:
            _, _, width, height = (float(v) for v in page.mediabox)
            assert width < height and int(page.obj["/Rotate"]) == 90


def test_a_rotated_page_gives_every_activity_with_its_cells():
    document = extract_document(DATA / "rotated-landscape.pdf")
    assert [a.area for a in document.activities] == AREAS
    assert document.activities[0].goal == "Minska antalet vårdrelaterade infektioner"
    assert document.activities[0].deadline.date == "2024-06-30"
    assert [a.status for a in document.activities[:3]] == ["done", "in_progress", "delayed"]
    assert document.activities[-1].pages == [2]
    assert document.activities[-1].follow_up == "Utbildningen blev inställd i våras."
