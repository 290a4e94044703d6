"""Full line ends of a ruled cell where a word may have been cut without a hyphen (extract's part:
the geometry; normalize/cut_words.py reads the words)."""
from __future__ import annotations

from followup.extract.cut_words import LineSketch, cell_edge, cut_line_ends, cut_over_break, sketch_lines, text_bounds
from followup.extract.page_content import Box, Char
from followup.extract.settings import ExtractSettings
from followup.extract.text_lines import TextLine

WIDTH = 5.0  # every glyph 5 pt wide, 10 pt type
PADDING = 2.0


def _line(text: str, top: float, x0: float = PADDING) -> TextLine:
    chars = tuple(Char(c, x0 + i * WIDTH, top, x0 + (i + 1) * WIDTH, top + 10, 10.0, False)
                  for i, c in enumerate(text))
    return TextLine(chars, Box(chars[0].x0, top, chars[-1].x1, top + 10))


def _cell(*texts: str) -> list[LineSketch]:
    return sketch_lines([_line(text, 12.0 * i) for i, text in enumerate(texts)], ExtractSettings().word_gap)


# The cell runs from 0 to 64 pt: 60 pt of text (12 glyphs) between 2 pt of padding on each side.
CELL = (0.0, 64.0)


def test_a_word_cut_where_the_line_is_full() -> None:
    assert cut_line_ends(_cell("Kompetensför", "sörjning"), *CELL, 0.05) == [0]


def test_a_line_with_room_for_the_next_glyph_was_wrapped_at_a_space() -> None:
    assert cut_line_ends(_cell("Kompetensf", "örsörjning"), *CELL, 0.05) == []


def test_a_next_word_that_fits_a_line_of_its_own_was_moved_there_whole() -> None:
    # "ab" fills the line with the words before it; "cd" would have fitted a whole line.
    assert cut_line_ends(_cell("vård och abc", "de"), *CELL, 0.05) == []


def test_punctuation_and_list_marks() -> None:
    assert cut_line_ends(_cell("sjuksköterskorna", "."), *CELL, 0.05) == []  # sticks out: not this cell's text
    assert cut_line_ends(_cell("sjukskötersk", "orna."), *CELL, 0.05) == [0]
    assert cut_line_ends(_cell("sjukskötersk", "• lista"), *CELL, 0.05) == []


def test_a_full_line_end_after_other_words_is_noted_for_normalize_to_judge() -> None:
    # ReportLab fills the line before it cuts a word too long for the cell ("om lågdosace" +
    # "tylsalicylsyra"); a wrapper moving the word to a line of its own leaves a whole word at the
    # full line's end ("om lågdosabc" + "acetylsalicylsyra"). The geometry is the same: both are
    # noted, and normalize/cut_words.py asks a known word of the pieces after other words.
    assert cut_line_ends(_cell("om lågdosace", "tylsalicylsyra"), *CELL, 0.05) == [0]
    assert cut_line_ends(_cell("om lågdosabc", "acetylsalicylsyra"), *CELL, 0.05) == [0]
    assert cut_line_ends(_cell("lågdosacetyl", "salicylsyra"), *CELL, 0.05) == [0]


def test_a_full_line_may_end_in_the_right_padding_but_not_past_the_cell() -> None:
    # jspdf-autotable wraps a cell's text to its width plus a point: the line runs into the padding.
    gap = ExtractSettings().word_gap
    into_padding = sketch_lines([_line("Kompetensför", 0.0, x0=PADDING + 1), _line("sörjning", 12.0)], gap)
    assert cut_line_ends(into_padding, *CELL, 0.05) == [0]
    past_the_cell = sketch_lines([_line("Kompetensför", 0.0, x0=PADDING + 3), _line("sörjning", 12.0)], gap)
    assert cut_line_ends(past_the_cell, *CELL, 0.05) == []


def test_a_word_cut_over_three_lines_is_judged_whole() -> None:
    # ReportLab fills each line: "regionala l" / "äkemedelsförsörj" / "ningen". The first two
    # pieces together ("l" + 11 glyphs) would fit the cell, but the word runs on past the second.
    # The second line is full to within a glyph, so "l" and its 11 glyphs just fit a line.
    assert cut_line_ends(_cell("i regional l", "äkemedelsfö", "rsörjningen"), *CELL, 0.05) == [0, 1]
    # A second line of more than the word's piece: the first piece could have gone there whole.
    assert cut_line_ends(_cell("i regional l", "äkemedel fö", "rsörjningen"), *CELL, 0.05) == [1]


def _row(**cells: list[LineSketch]) -> tuple[object, dict[str, list[LineSketch]]]:
    return object(), cells


def test_without_vertical_rules_a_column_ends_where_its_full_lines_end() -> None:
    # Two lines end at 62 pt; a web address alone past them (to 137 pt) is no edge of the column.
    lines = _cell("ab https://x.se/lång-adress", "Kompetensför", "Vårdhygienen", "sörjning")
    assert text_bounds([_row(follow_up=lines)], ExtractSettings())["follow_up"] == (PADDING, PADDING + 12 * WIDTH)
    # A column whose lines all end apart has no edge to measure against: nothing is noted there.
    assert "goal" not in text_bounds([_row(goal=_cell("Minska fallskador", "hos äldre"))], ExtractSettings())


def test_a_word_cut_at_a_page_break_is_measured_across_it() -> None:
    # A row running over a page break (pdfmake, Typst): the cell's last line on one page, full to
    # the edge, and its first line on the next page are measured as two lines of one cell.
    above = cell_edge(_cell("vård och", "Kompetensför"), *CELL)
    below = cell_edge(_cell("sörjning och", "mer"), *CELL)
    assert above is not None and below is not None and cut_over_break(above, below, 0.05)
    roomy = cell_edge(_cell("vård och", "Kompetensf"), *CELL)
    rest = cell_edge(_cell("örsörjning"), *CELL)
    assert roomy is not None and rest is not None and not cut_over_break(roomy, rest, 0.05)
    # A word that would have fitted a line of its own was moved to the next page whole.
    filled = cell_edge(_cell("vård och abc"), *CELL)
    short = cell_edge(_cell("de och"), *CELL)
    assert filled is not None and short is not None and not cut_over_break(filled, short, 0.05)


def test_a_table_without_any_rules_is_measured_by_its_text_edges_too() -> None:
    # ReportLab draws the table without rules: rules between rows would tell nothing of where a
    # column ends either, so its text edge is where its full lines end, pooled from every slice of
    # the table with its columns. "…rapport https://intra.re" + "gionexempel.se/…" fills its line
    # up to that edge and is noted; a line with room left is not.
    from followup.extract.tables import Cell, Column, SliceRow, TableSlice, note_cut_words_by_text_edges

    def _slice(lines: list[LineSketch]) -> tuple[TableSlice, SliceRow]:
        text = "\n".join(line.text for line in lines)
        row = SliceRow(0.0, 100.0, {"follow_up": Cell(text)})
        columns = [Column("follow_up", 0.0, 64.0)]
        return TableSlice(1, 0.0, columns, [row], 100.0, unbounded_lines=[(row, {"follow_up": lines})]), row

    # Two lines end at 62 pt (12 glyphs): the column's text edge.
    cut, cut_row = _slice(_cell("se https://a", "bcd.se/ef", "Vårdhygienen"))
    roomy, roomy_row = _slice(_cell("se https://", "abcd.se/efgh"))
    note_cut_words_by_text_edges([cut, roomy], ExtractSettings())
    assert [(end.line, end.next, end.kind) for end in cut_row.cells["follow_up"].line_ends] == [
        ("se https://a", "bcd.se/ef", "cut")]
    assert roomy_row.cells["follow_up"].line_ends == ()
