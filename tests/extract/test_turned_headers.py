"""Header text turned a quarter in a narrow column (a spreadsheet's text orientation, CSS rotate,
Word's "bottom to top" text direction) is read, laid flat where it stands, not dropped.

The corpus variants `*-turned-headers` (samples/corpus) show it on whole reports from every producer;
these tests check the mechanism on the committed PDFs and on characters made up here.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from followup.extract.opening import open_report
from followup.extract.page_content import Char, ReadPage, page_content
from followup.extract.readers import READERS, page_reader
from followup.extract.settings import DEFAULT_SETTINGS
from followup.pipeline import extract_document

CORPUS = Path(__file__).resolve().parents[2] / "samples" / "corpus" / "pdf"


def _running_up(text: str, x0: float, foot: float, size: float = 8.0) -> list[Char]:
    """Glyphs of one line turned a quarter anticlockwise (reading bottom to top), each half a size long."""
    advance = size / 2
    return [Char(letter, x0, foot - (i + 1) * advance, x0 + size, foot - i * advance, advance, False,
                 direction=90, upright=False) for i, letter in enumerate(text)]


def test_a_turned_line_is_laid_flat_at_its_foot_within_its_width():
    upright = [Char(letter, 100 + 5 * i, 90, 105 + 5 * i, 98, 8.0, True) for i, letter in enumerate("Mål Aktivitet")]
    turned = _running_up("Ny tid", 300, 150)
    page = page_content(ReadPage(1, 600, 800, upright + turned, [], [], []), DEFAULT_SETTINGS)
    assert page.turn == 0 and page.unread_text == 0
    flat = [c for c in page.chars if not c.upright]
    assert "".join(c.text for c in flat) == "Ny tid", "read in its own direction, the word space kept"
    assert all(300 <= c.x0 <= c.x1 <= 308 for c in flat), "inside the column the turned line stood in"
    assert {(c.top, c.bottom) for c in flat} == {(142, 150)}, "one glyph high, at the line's foot"


def test_turned_lines_side_by_side_are_runs_of_their_own():
    upright = [Char(letter, 100 + 5 * i, 90, 105 + 5 * i, 98, 8.0, True) for i, letter in enumerate("Insatsområde Mål")]
    turned = _running_up("Status", 300, 150) + _running_up("Start", 340, 150)
    page = page_content(ReadPage(1, 600, 800, upright + turned, [], [], []), DEFAULT_SETTINGS)
    flat = sorted((c for c in page.chars if not c.upright), key=lambda c: c.x0)
    assert "".join(c.text for c in flat) == "StatusStart"
    assert max(c.x1 for c in flat[:6]) <= 308 < 340 <= min(c.x0 for c in flat[6:])


@pytest.mark.parametrize("reader", READERS)
def test_every_reader_reads_the_turned_header_words(reader: str):
    pdf = open_report(CORPUS / "sjostad-2025-02-web-turned-headers-dark.pdf")
    try:
        first = next(iter(page_reader(reader)(pdf, 0)))
    finally:
        pdf.close()
    flat = "".join(c.text for c in first.chars if not c.upright)
    assert all(word in flat for word in ("Klart senast", "Status", "Ny tidplan")), flat


def test_turned_headers_name_their_columns():
    document = extract_document(CORPUS / "vastkust-2024-06-browser-turned-headers.pdf")
    first = document.activities[0].model_dump(mode="json")
    assert (first["deadline"]["text"], first["status"], first["new_deadline"]["text"]) == ("2024-12-31", "delayed", "Q2 2025")
    assert first["extra"] == {"Nr": "A1", "Prioritet": "Hög"}


def test_a_quarter_turn_written_with_a_rounding_error_is_still_turned():
    # Typst writes a quarter turn's cos 90° as 6.1e-17, so pdfminer's a·d > 0 calls the glyphs upright;
    # they run up the page all the same and are read once, laid flat, not also as a line of their own.
    upright = [Char(letter, 100 + 5 * i, 90, 105 + 5 * i, 98, 8.0, True) for i, letter in enumerate("Mål Åtgärd")]
    turned = [Char(c.text, c.x0, c.top, c.x1, c.bottom, c.size, False, direction=90, upright=True)
              for c in _running_up("Status", 300, 150)]
    page = page_content(ReadPage(1, 600, 800, upright + turned, [], [], []), DEFAULT_SETTINGS)
    column = [c for c in page.chars if 300 <= c.x0 < 308]
    assert "".join(c.text for c in column) == "Status", "once, not also glyph by glyph up the column"
    assert {(c.top, c.bottom) for c in column} == {(142, 150)}, "laid flat at its foot"


def test_a_centred_turned_header_takes_its_column_from_its_own_shaded_cell():
    # iText centres a header turned a quarter in its cell; the table has rules under its rows only, so
    # the column's left edge is the header cell's own shading, not the turned text's: the status
    # label centred below it stays in its column and no row's first line is read as a group row.
    document = extract_document(CORPUS / "norrmark-2024-04-itext-rotated-label.pdf")
    first = document.activities[0].model_dump(mode="json")
    assert first["area"] == "Vårdrelaterade infektioner" and first["status"] == "in_progress"
    assert first["extra"] == {"Nr": "1.1"} and len(document.activities) == 15
