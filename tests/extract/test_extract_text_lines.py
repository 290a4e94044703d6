"""Characters become lines and words by position alone."""
import dataclasses
import random

import pytest

from followup.extract.page_content import Box, Char
from followup.extract.settings import DEFAULT_SETTINGS, ExtractSettings
from followup.extract.text_lines import CharIndex, InReadingOrder, cell_text, line_text, split_by_columns, text_lines

WORD_GAP = DEFAULT_SETTINGS.word_gap


def glyphs(text: str, x0: float = 0.0, top: float = 0.0, width: float = 4.0, gap: float = 0.0):
    chars, x = [], x0
    for ch in text:
        chars.append(Char(text=ch, x0=x, top=top, x1=x + width, bottom=top + 8.0, size=8.0, bold=False))
        x += width + gap
    return chars


def test_a_wide_gap_without_a_space_character_is_a_word_space():
    chars = glyphs("Mål") + glyphs("Tid", x0=20.0)
    assert line_text(chars, WORD_GAP) == "Mål Tid"


def test_ligature_glyphs_are_spelled_out():
    assert line_text(glyphs("speci\ufb01k"), WORD_GAP) == "specifik"


def test_lines_are_ordered_top_to_bottom_and_a_paragraph_gap_is_a_blank_line():
    chars = glyphs("andra", top=30.0) + glyphs("första", top=0.0) + glyphs("forts", top=9.0)
    assert [line.text_with(WORD_GAP) for line in text_lines(chars)] == ["första", "forts", "andra"]
    assert cell_text(chars) == "första\nforts\n\nandra"


def test_the_word_and_paragraph_gaps_are_settings():
    # "Mål" and "Tid" 8 pt apart: 1.0 font size, a word space by default, not when the word gap is wider.
    chars = glyphs("Mål") + glyphs("Tid", x0=20.0)
    assert line_text(chars, 1.5) == "MålTid"
    [line] = text_lines(chars)
    assert line.text_with(WORD_GAP) == "Mål Tid" and [w.text for w in line.words_with(1.5)] == ["MålTid"]
    # Lines 22 pt apart (a gap of 2.75 line heights): a paragraph by default, one paragraph with a wider gap.
    two = glyphs("första", top=0.0) + glyphs("andra", top=30.0)
    assert cell_text(two) == "första\n\nandra"
    assert cell_text(two, ExtractSettings(paragraph_gap=3.0)) == "första\nandra"
    # Centres 9 pt apart (8 pt type) are one line when the tolerance is more than a line.
    assert [line.text_with(WORD_GAP) for line in text_lines(glyphs("ab") + glyphs("cd", x0=8.0, top=9.0),
                                                            ExtractSettings(line_tolerance=1.2))] == ["abcd"]


def test_chars_and_boxes_are_built_as_their_dataclass_would_and_stay_frozen():
    char = Char("a", 1.0, 2.0, 3.0, 4.0, 8.0, True)
    assert (char.colour, char.direction, char.upright) == (None, 0, True)  # the dataclass's defaults
    assert char == Char(text="a", x0=1.0, top=2.0, x1=3.0, bottom=4.0, size=8.0, bold=True, colour=None)
    assert dataclasses.replace(char, x0=0.5).x0 == 0.5 and hash(char) == hash(Char("a", 1.0, 2.0, 3.0, 4.0, 8.0, True))
    assert Box(1.0, 2.0, 3.0, 4.0).area == 4.0
    with pytest.raises(dataclasses.FrozenInstanceError):
        char.x0 = 0.0  # type: ignore[misc]


def test_characters_in_reading_order_give_the_lines_sorted_ones_give():
    rng = random.Random(7)
    chars = [Char(chr(97 + rng.randrange(26)), x, top, x + 4.0, top + 8.0, 8.0, False)
             for top in (0.0, 0.4, 9.0, 30.0) for x in rng.sample(range(0, 200, 4), 20)]
    rng.shuffle(chars)
    index = CharIndex(chars)
    band = index.band(0.0, 100.0)
    assert isinstance(band, InReadingOrder)
    columns = split_by_columns(band, [0.0, 60.0, 200.0])
    assert all(isinstance(column, InReadingOrder) for column in columns)
    for column in columns:
        assert text_lines(column) == text_lines(list(column)[::-1])
    assert index.text_lines() == text_lines(chars)
