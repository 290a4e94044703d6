"""Whether a line keeps to the table's columns: two cells' texts touching across an edge do, a text
running over it does not, and a small table inside a cell may reach a little past the cell's edge.

Lines are built from glyph boxes 4 pt wide, set edge to edge as a PDF sets the glyphs of one word.
"""
from followup.extract.page_content import Box, Char
from followup.extract.settings import DEFAULT_SETTINGS
from followup.extract.tables import _fits_columns
from followup.extract.text_lines import text_lines

EDGES = [0.0, 40.0, 120.0]


def glyphs(text: str, x0: float, width: float = 4.0):
    return [Char(text=ch, x0=x0 + i * width, top=0.0, x1=x0 + (i + 1) * width, bottom=8.0, size=8.0, bold=False)
            for i, ch in enumerate(text)]


def line_of(*parts):
    return text_lines([c for part in parts for c in part])[0]


def test_a_date_run_to_its_cell_border_touches_the_next_cell_without_leaving_the_columns():
    # "2025-12-31" fills its cell up to x = 42, the next cell's text starts 1 pt later at its own edge.
    date = glyphs("2025-12-31", x0=2.0)
    name = glyphs("Sjukhusdirektör", x0=43.0)
    assert len(line_of(date, name).words_with(DEFAULT_SETTINGS.word_gap)) == 1  # glued into one word by position alone
    assert _fits_columns(line_of(date, name), EDGES)


def test_a_text_running_over_the_edge_does_not_keep_to_the_columns():
    assert not _fits_columns(line_of(glyphs("Tillgänglighet", x0=10.0)), EDGES)


def test_a_nested_table_reaching_a_little_past_its_cell_keeps_to_the_columns():
    number = glyphs("112", x0=91.0)  # ends at 103, three points past the edge at 100
    line = line_of(number)
    assert not _fits_columns(line, [0.0, 40.0, 100.0, 160.0])
    nested = Box(60.0, -2.0, 100.0, 10.0)
    assert _fits_columns(line, [0.0, 40.0, 100.0, 160.0], [nested])
