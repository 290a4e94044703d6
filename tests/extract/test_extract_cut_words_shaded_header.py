"""A table without vertical rules whose heading cells are shaded one by one (a PDF library's table,
fpdf2) shows each column's edges by its heading's shading, so words the library cut at a cell's edge
without a hyphen are read whole, on the pages after the header too.

The fixture (tests/extract/data, made by render_cut_words_shaded_header.py with fpdf2): twenty rows
over two pages, a rule under the header only, the header printed once; "Kompetensförsö" / "rjning N"
in the Område column and "Försen" / "ad" in the Status column of every row.
"""
from pathlib import Path

from followup.extract.cut_words import header_cell_edges
from followup.extract.page_content import Box, Fill
from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"


def test_words_cut_in_an_unruled_table_with_shaded_headings_are_read_whole():
    document = extract_document(DATA / "cut-words-shaded-header.pdf")
    assert document.source.pages == 2
    assert [a.area for a in document.activities] == [f"Kompetensförsörjning {n}" for n in range(1, 21)]


def test_a_status_word_cut_at_its_cells_edge_still_names_the_status():
    document = extract_document(DATA / "cut-words-shaded-header.pdf")
    assert {a.status for a in document.activities} == {"delayed"}


def _fill(x0: float, x1: float, top: float = 100.0, bottom: float = 112.0) -> Fill:
    return Fill(Box(x0, top, x1, bottom), "#DDE4EE")


COLUMNS = [("area", 40.0, 100.0), ("goal", 100.0, 170.0), ("status", 170.0, 200.0)]


def test_each_shaded_heading_gives_its_columns_edges():
    fills = [_fill(36, 98), _fill(98, 168), _fill(168, 204)]
    assert header_cell_edges(fills, COLUMNS, 102.0, 110.0) == {
        "area": (36, 98), "goal": (98, 168), "status": (168, 204)}


def test_a_header_shaded_as_one_band_gives_no_edges():
    assert header_cell_edges([_fill(36, 204)], COLUMNS, 102.0, 110.0) == {}


def test_shading_outside_the_header_band_gives_no_edges():
    fills = [_fill(36, 98, 200, 212), _fill(98, 168, 200, 212)]
    assert header_cell_edges(fills, COLUMNS, 102.0, 110.0) == {}


def test_a_highlighted_first_row_reaching_into_the_band_does_not_hide_the_headings():
    # The band may end a little below the header's own shading, inside the first row's fills.
    fills = [_fill(36, 98), _fill(98, 168), _fill(168, 204), _fill(36, 98, 112, 130), _fill(98, 168, 112, 130)]
    assert header_cell_edges(fills, COLUMNS, 102.0, 113.5) == {
        "area": (36, 98), "goal": (98, 168), "status": (168, 204)}


def test_a_header_word_cut_at_its_shaded_cells_edge_is_read_whole():
    # iText cuts "Prioritet" in a narrow column at 6.5 pt: "Priorit" / "et"; the extra column keeps
    # the header as it was written.
    corpus = Path(__file__).resolve().parents[2] / "samples" / "corpus" / "pdf"
    document = extract_document(corpus / "hamnstad-2025-05-itext-words-extras-a5.pdf")
    assert {tuple(a.extra) for a in document.activities} == {("Prioritet", "Startdatum")}
