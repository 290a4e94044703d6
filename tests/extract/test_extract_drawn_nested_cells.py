"""A small table inside a comment cell drawn without vertical rules, whose cells a browser draws one
by one (each cell's bottom border and shading its own): the cells show its column edge, and a
wrapped cell is read whole before the row's next cell (nested.drawn_cell_edges)."""
from typewriter import typed_chars

from followup.extract.nested import drawn_cell_edges, nested_table_text
from followup.extract.page_content import Box, Char, Fill, Ruling

SIZE = 8.0
GLYPH = 4.0
# The row of the report's own table the comment sits in, and the comment cell.
ROW_TOP, ROW_BOTTOM = 350.0, 540.0
CELL = Box(327.0, ROW_TOP, 445.0, ROW_BOTTOM)
# The nested table: two columns meeting at x 391.7, three rows.
LEFT, MIDDLE, RIGHT = 329.8, 391.7, 442.8
ROWS = (412.6, 432.1, 451.9, 463.2)


def _chars(text: str, x: float, top: float) -> list[Char]:
    return typed_chars(text, x, top, glyph=GLYPH, size=SIZE)


def _borders() -> list[Ruling]:
    """Each cell's bottom border drawn on its own (the first row's top has none)."""
    return [Ruling("h", y, x0, x1) for y in ROWS[1:] for x0, x1 in ((LEFT, MIDDLE), (MIDDLE, RIGHT))]


def _shading() -> list[Fill]:
    return [Fill(Box(x0, top, x1, bottom), "#F2F2F2") for top, bottom in zip(ROWS, ROWS[1:], strict=False)
            for x0, x1 in ((LEFT, MIDDLE), (MIDDLE, RIGHT))]


def _comment() -> list[Char]:
    return (_chars("Köp av vård:", 332.6, 400.0)
            + _chars("Vårdgivare", 332.6, 415.0) + _chars("Operationer", 394.6, 415.0)
            + _chars("Ortopedicentrum", 332.6, 434.8) + _chars("64", 394.6, 434.8)
            + _chars("Väst", 332.6, 443.3)
            + _chars("Lasarettet", 332.6, 454.5) + _chars("22", 394.6, 454.5))


def test_cells_drawn_one_by_one_show_the_column_edge_and_read_a_wrapped_cell_whole():
    rulings = _borders()
    drawn = drawn_cell_edges(rulings, _shading(), ROW_TOP, ROW_BOTTOM)
    edges = [r for r in drawn if r.orientation == "v"]
    assert [round(r.position, 1) for r in edges] == [MIDDLE]
    assert (edges[0].start, edges[0].end) == (ROWS[0], ROWS[-1])  # the shading shows the first row too
    text = nested_table_text(_comment(), rulings + drawn, CELL)
    text = getattr(text, "text", text)  # the text itself, or its holder
    rows = [" ".join(row.split()) for row in text.split("\n\n")[1].split("\n")]
    assert " ".join(rows) == "Vårdgivare Operationer Ortopedicentrum Väst 64 Lasarettet 22"


def test_borders_alone_show_the_edge_and_the_report_tables_own_cells_do_not():
    assert [r.position for r in drawn_cell_edges(_borders(), [], ROW_TOP, ROW_BOTTOM)] == [MIDDLE]
    # The report's own cells, drawn the same way, meet on the row's top and bottom rules: not inside.
    own = [Ruling("h", y, x0, x1) for y in (ROW_TOP, ROW_BOTTOM) for x0, x1 in ((76.9, 134.6), (134.6, 196.9))]
    shaded = [Fill(Box(x0, ROW_TOP, x1, ROW_BOTTOM), "#F2F2F2") for x0, x1 in ((76.9, 134.6), (134.6, 196.9))]
    assert drawn_cell_edges(own, shaded, ROW_TOP, ROW_BOTTOM) == []


def test_one_row_drawn_so_is_no_table():
    one = [Ruling("h", ROWS[1], x0, x1) for x0, x1 in ((LEFT, MIDDLE), (MIDDLE, RIGHT))]
    assert drawn_cell_edges(one, [], ROW_TOP, ROW_BOTTOM) == []
