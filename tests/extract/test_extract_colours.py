"""Colours as extract reads them: PDF colour values, and status markers printed as glyphs."""
from followup.extract.colours import colour_hex, is_blank, is_marker_glyph, is_neutral
from followup.extract.fills import cell_shading, glyph_marker
from followup.extract.page_content import Box, Char, Fill
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings


def char(text: str, colour=None, x0=0.0) -> Char:
    return Char(text=text, x0=x0, top=0.0, x1=x0 + 5, bottom=8.0, size=8.0, bold=False, colour=colour)


def test_gray_rgb_and_cmyk_colours_become_hex():
    assert colour_hex((0.5,)) == "#808080"
    assert colour_hex((1.0, 0.7529, 0.0)) == "#FFC000"
    assert colour_hex((0.0, 0.0, 0.0, 1.0)) == "#000000"
    assert colour_hex("P0") is None  # a pattern has no single colour


def test_white_is_blank_and_grey_is_neutral_but_amber_is_neither():
    settings = DEFAULT_SETTINGS
    assert is_blank("#FFFFFF", settings.blank_min_channel) and not is_blank("#FFC000", settings.blank_min_channel)
    assert is_neutral("#7F7F7F", settings.neutral_max_spread) and not is_neutral("#FFC000", settings.neutral_max_spread)


def test_how_near_white_and_how_grey_are_settings():
    # A pale tint (F2F2F2, zebra striping) is background by default; a stricter setting keeps it.
    assert is_blank("#F7F7F7", DEFAULT_SETTINGS.blank_min_channel)
    assert not is_blank("#F7F7F7", ExtractSettings(blank_min_channel=250).blank_min_channel)
    assert not is_neutral("#7FA0C0", DEFAULT_SETTINGS.neutral_max_spread)  # a grey-blue 65 apart
    assert is_neutral("#7FA0C0", ExtractSettings(neutral_max_spread=70).neutral_max_spread)


def test_a_coloured_dot_glyph_is_a_marker_but_letters_and_punctuation_are_not():
    assert is_marker_glyph("●") and is_marker_glyph("■")
    assert not is_marker_glyph("K") and not is_marker_glyph("-") and not is_marker_glyph("7")


def test_glyph_marker_takes_the_first_coloured_symbol_of_the_cell():
    assert glyph_marker([char("●", "#00A651")]) == "#00A651"
    assert glyph_marker([char("K", "#00A651"), char("●", "#E03C31", x0=6)]) == "#E03C31"
    assert glyph_marker([char("●", None)]) is None  # a black dot says nothing


def test_a_cell_shows_the_fill_painted_last_over_a_striped_row():
    # ReportLab paints a zebra row's BACKGROUND across the row, then the status cell's own on top.
    cell = Box(100, 50, 130, 80)
    stripe = Fill(Box(10, 50, 500, 80), "#F2F2F2")
    status = Fill(Box(100, 50, 130, 80), "#D9534F")
    assert cell_shading(cell, [stripe, status]) == "#D9534F"
    assert cell_shading(cell, [status, stripe]) == "#F2F2F2"


def test_a_fill_covering_more_of_the_cell_shades_it_whatever_the_order():
    cell = Box(100, 50, 130, 80)
    row = Fill(Box(10, 50, 500, 80), "#FFF2A0")
    corner = Fill(Box(100, 50, 115, 65), "#00B050")  # a quarter of the cell
    assert cell_shading(cell, [row, corner]) == "#FFF2A0"


def test_a_status_fill_narrower_than_its_cell_still_shows_over_a_striped_row():
    # A table without vertical rules: the status column's box comes from its header words and
    # reaches past the status cell's own fill, which the zebra row's stripe fills on both sides.
    cell = Box(96, 50, 134, 80)
    stripe = Fill(Box(10, 50, 500, 80), "#F2F2F2")
    status = Fill(Box(100, 50, 128, 80), "#F0AD4E")
    assert cell_shading(cell, [stripe, status]) == "#F0AD4E"
    assert cell_shading(cell, [status, stripe]) == "#F2F2F2"
