"""Characters become lines and words by position alone."""
from followup.extract.page_content import Char
from followup.extract.text_lines import cell_text, line_text, text_lines


def glyphs(text: str, x0: float = 0.0, top: float = 0.0, width: float = 4.0, gap: float = 0.0):
    chars, x = [], x0
    for ch in text:
        chars.append(Char(text=ch, x0=x, top=top, x1=x + width, bottom=top + 8.0, size=8.0, bold=False))
        x += width + gap
    return chars


def test_a_wide_gap_without_a_space_character_is_a_word_space():
    chars = glyphs("Mål") + glyphs("Tid", x0=20.0)
    assert line_text(chars) == "Mål Tid"


def test_ligature_glyphs_are_spelled_out():
    assert line_text(glyphs("speci\ufb01k")) == "specifik"


def test_lines_are_ordered_top_to_bottom_and_a_paragraph_gap_is_a_blank_line():
    chars = glyphs("andra", top=30.0) + glyphs("första", top=0.0) + glyphs("forts", top=9.0)
    assert [line.text for line in text_lines(chars)] == ["första", "forts", "andra"]
    assert cell_text(chars) == "första\nforts\n\nandra"
