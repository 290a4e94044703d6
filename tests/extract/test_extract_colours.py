"""Colours as extract reads them: PDF colour values, and status markers printed as glyphs."""
from followup.extract.colours import colour_hex, is_blank, is_marker_glyph, is_neutral
from followup.extract.fills import glyph_marker
from followup.extract.page_content import Char


def char(text: str, colour=None, x0=0.0) -> Char:
    return Char(text=text, x0=x0, top=0.0, x1=x0 + 5, bottom=8.0, size=8.0, bold=False, colour=colour)


def test_gray_rgb_and_cmyk_colours_become_hex():
    assert colour_hex((0.5,)) == "#808080"
    assert colour_hex((1.0, 0.7529, 0.0)) == "#FFC000"
    assert colour_hex((0.0, 0.0, 0.0, 1.0)) == "#000000"
    assert colour_hex("P0") is None  # a pattern has no single colour


def test_white_is_blank_and_grey_is_neutral_but_amber_is_neither():
    assert is_blank("#FFFFFF") and not is_blank("#FFC000")
    assert is_neutral("#7F7F7F") and not is_neutral("#FFC000")


def test_a_coloured_dot_glyph_is_a_marker_but_letters_and_punctuation_are_not():
    assert is_marker_glyph("●") and is_marker_glyph("■")
    assert not is_marker_glyph("K") and not is_marker_glyph("-") and not is_marker_glyph("7")


def test_glyph_marker_takes_the_first_coloured_symbol_of_the_cell():
    assert glyph_marker([char("●", "#00A651")]) == "#00A651"
    assert glyph_marker([char("K", "#00A651"), char("●", "#E03C31", x0=6)]) == "#E03C31"
    assert glyph_marker([char("●", None)]) is None  # a black dot says nothing
