"""A word cut at the edge of a nested table's cell (iText 2.1.7: "Ortopedicentru" / "m Väst" in a
small ruled table inside a comment cell) is noted as in any ruled cell, with the lines as the
nested row's text shows them, for normalize to read (nested.py, cut_words.py)."""
from typewriter import typed_chars

from followup.extract.nested import nested_table_text
from followup.extract.page_content import Box, Char, Ruling
from followup.schemas.raw import LineEnd

SIZE = 9.0
GLYPH = 5.0  # every glyph this wide, a space as wide
# The nested table: rules at x 10, 80 and 150; rows between y 100, 112 and 140. Its first cell's
# text runs from x 12 to at most 78 (2 pt of padding): 13 glyphs and 1 pt to spare.
COLUMNS = (10.0, 80.0, 150.0)
ROWS = (100.0, 112.0, 140.0)
OUTER = Box(0.0, 90.0, 300.0, 200.0)


def _chars(text: str, x: float, top: float) -> list[Char]:
    return typed_chars(text, x, top, glyph=GLYPH, size=SIZE)


def _rulings() -> list[Ruling]:
    vertical = [Ruling("v", x, ROWS[0], ROWS[-1]) for x in COLUMNS]
    across = [Ruling("h", y, COLUMNS[0], COLUMNS[-1]) for y in ROWS]
    return vertical + across


def _nested(first: str, rest: str):
    chars = (_chars("Vårdgivare", 12, 101) + _chars("Antal", 82, 101)
             + _chars(first, 12, 113) + _chars(rest, 12, 125) + _chars("64", 82, 113))
    return nested_table_text(chars, _rulings(), OUTER)


def test_a_word_cut_at_a_nested_cells_edge_is_noted_with_its_rows_text() -> None:
    nested = _nested("Ortopedicentr", "um Väst")
    assert nested is not None
    assert nested.text == "Vårdgivare Antal\nOrtopedicentr\num Väst 64"
    # The nested row reads "um Väst 64": the next cell's text runs on with the cell's last line.
    assert nested.line_ends == (LineEnd(line="Ortopedicentr", next="um Väst 64", kind="cut", fits=0),)


def test_a_nested_cells_line_with_room_left_was_wrapped_at_a_space() -> None:
    nested = _nested("Lasarettet i", "Hagby")
    assert nested is not None
    assert nested.text == "Vårdgivare Antal\nLasarettet i\nHagby 64"
    assert nested.line_ends == ()
