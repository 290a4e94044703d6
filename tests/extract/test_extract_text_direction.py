"""Text in any direction: a page is read the way its text reads, whichever way it is stored or displayed.

The fixtures (tests/extract/data, render_rotated_text.py) are sample reports from LibreOffice,
WeasyPrint and Chromium whose pages pikepdf then turned the way other tools turn pages: /Rotate set
without turning the content (a landscape page "rotated" into a portrait binder), the content
itself redrawn a quarter turned (a rotated text matrix), a page drawn mirrored. Every turned report
must give exactly the activities of the untouched sample, with every reader.
"""
from __future__ import annotations

from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from followup.extract.document import PAGE_WITHOUT_ROWS, read_raw_document
from followup.extract.errors import InputRejected
from followup.extract.opening import open_report
from followup.extract.readers import READERS, page_reader
from followup.output import document_json
from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples" / "pdf"

# Fixture → the sample it was made from.
TURNED = {
    "sideways-every-page-rotate-90": "ystad-2024-03",
    "sideways-pages-rotate-mixed": "psykiatri-2024-10",
    "content-turned-quarter": "medicin-web-2024-05",
}


def _document(path: Path, reader: str = "pdfminer"):
    return extract_document(path, reader=reader)


def _pages(path: Path, reader: str = "pdfminer"):
    pdf = open_report(path)
    try:
        return list(page_reader(reader)(pdf, 0))
    finally:
        pdf.close()


def _sideways_chars(path: Path) -> list[int]:
    """Per page, how many characters pdfplumber itself reports as not upright (text not reading left to right)."""
    with pdfplumber.open(path) as pdf:
        return [sum(1 for c in page.chars if not c["upright"] or c["matrix"][0] < 0) for page in pdf.pages]


def test_the_fixtures_are_turned_as_their_names_say():
    with pikepdf.open(DATA / "sideways-every-page-rotate-90.pdf") as pdf:
        assert all(int(page.obj["/Rotate"]) == 90 for page in pdf.pages)
        assert all(float(page.mediabox[2]) > float(page.mediabox[3]) for page in pdf.pages), "content still landscape"
    with pikepdf.open(DATA / "sideways-pages-rotate-mixed.pdf") as pdf:
        assert [int(page.obj.get("/Rotate", 0)) for page in pdf.pages] == [0, 270, 180, 90]
    with pikepdf.open(DATA / "content-turned-quarter.pdf") as pdf:
        assert all("/Rotate" not in page.obj for page in pdf.pages)
        assert all(float(page.mediabox[2]) > float(page.mediabox[3]) for page in pdf.pages), "A4 portrait on its side"
    # As displayed, the text of every turned page runs sideways or upside down.
    assert all(_sideways_chars(DATA / "sideways-every-page-rotate-90.pdf"))
    assert [bool(n) for n in _sideways_chars(DATA / "sideways-pages-rotate-mixed.pdf")] == [False, True, True, True]
    assert all(_sideways_chars(DATA / "content-turned-quarter.pdf"))


@pytest.mark.parametrize("reader", READERS)
@pytest.mark.parametrize("fixture", list(TURNED))
def test_a_turned_report_gives_the_activities_of_the_untouched_one(fixture: str, reader: str):
    turned = _document(DATA / f"{fixture}.pdf", reader)
    original = _document(SAMPLES / f"{TURNED[fixture]}.pdf", reader)
    assert len(turned.activities) == len(original.activities)
    assert turned.activities == original.activities
    assert (turned.title, turned.period, turned.legend, turned.milestones) == \
           (original.title, original.period, original.legend, original.milestones)
    assert turned.warnings == original.warnings, "no page is reported as unread"


@pytest.mark.parametrize("fixture", [*TURNED, "mirrored-page"])
def test_every_reader_gives_the_same_json_for_a_turned_report(fixture: str):
    outputs = {reader: document_json(_document(DATA / f"{fixture}.pdf", reader)) for reader in READERS}
    assert len(set(outputs.values())) == 1, sorted(outputs)


def test_each_page_is_turned_by_the_direction_its_text_runs_in():
    # /Rotate 270 shows the text running up the page, 180 upside down, 90 running down.
    mixed = _pages(DATA / "sideways-pages-rotate-mixed.pdf")
    assert [page.turn for page in mixed] == [0, 90, 180, 270]
    assert all(page.width > page.height for page in mixed), "each page landscape again, as printed"
    turned = _pages(DATA / "content-turned-quarter.pdf")
    assert [page.turn for page in turned] == [90, 270]
    assert all(page.width < page.height for page in turned), "each page A4 portrait again, as printed"
    original = _pages(SAMPLES / "medicin-web-2024-05.pdf")
    for page, upright in zip(turned, original, strict=True):
        assert [c.text for c in page.chars] == [c.text for c in upright.chars]
        assert page.unread_text == 0


@pytest.mark.parametrize("reader", READERS)
def test_a_page_with_text_but_no_rows_is_named_in_a_warning(reader: str):
    """Page 3 of the report is drawn mirrored: its text reads in no direction, so its rows are lost and said to be."""
    document = _document(DATA / "mirrored-page.pdf", reader)
    original = _document(SAMPLES / "ystad-2024-09.pdf", reader)
    warnings = [w for w in document.warnings if w.code == PAGE_WITHOUT_ROWS]
    assert [w.page for w in warnings] == [3]
    assert "Page 3" in warnings[0].message and "mirrored" in warnings[0].message
    elsewhere = [a for a in original.activities if 3 not in a.pages]
    assert elsewhere and all(a in document.activities for a in elsewhere)
    assert not any(3 in a.pages for a in document.activities)


def test_a_front_page_of_title_introduction_and_legend_needs_no_warning():
    # Page 1 of this corpus report holds the title, the introduction and the legend; the table starts on page 2.
    document = _document(REPO / "samples" / "corpus" / "pdf" / "sjostad-2025-02-web-avoid-fill.pdf")
    assert min(page for a in document.activities for page in a.pages) == 2
    assert not [w for w in document.warnings if w.code == PAGE_WITHOUT_ROWS]


@pytest.mark.parametrize("reader", READERS)
def test_text_that_cannot_be_read_is_no_table_not_a_missing_text_layer(reader: str):
    with pytest.raises(InputRejected) as rejected:
        read_raw_document(DATA / "mirrored-every-page.pdf", reader=reader)
    assert rejected.value.code == "no_table"
    assert rejected.value.reason == "no activity table found"


def test_a_file_turned_sideways_on_every_page_is_not_taken_for_a_scan():
    """Before, every character of such a file was dropped and it was rejected as 'no text layer'."""
    raw = read_raw_document(DATA / "sideways-every-page-rotate-90.pdf")
    assert raw.pages == 4 and sum(len(table.rows) for table in raw.tables) > 0
