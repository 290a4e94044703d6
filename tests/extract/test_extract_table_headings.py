"""Headings over tables as areas (extract/stitching.py stitch_page_breaks).

A heading set right above a table's header (TableSlice.caption, page_furniture.caption_above) names
the rows below it when a table goes on under a heading of its own: one table per area, each under
its area's name, or a group row that ReportLab draws right above the header it repeats mid-page.
One table under a heading is no such evidence: that heading may be the report's title.
"""
from __future__ import annotations

from followup.extract.page_content import Box, Char
from followup.extract.stitching import PlacedSlice, stitch_page_breaks
from followup.extract.tables import Cell, Column, SliceRow, TableSlice
from followup.extract.text_lines import TextLine

COLUMNS = [Column("action", 40, 200, "Åtgärd"), Column("deadline", 200, 280, "Klart senast")]


def _heading(text: str, top: float) -> TextLine:
    """A bold line of 10 pt characters, 6 pt apart."""
    chars = tuple(Char(c, 40 + 6 * i, top, 46 + 6 * i, top + 10, 10, True) for i, c in enumerate(text))
    return TextLine(chars, Box(40, top, 46 + 6 * len(text), top + 10))


def _slice(page: int, top: float, actions: list[str], caption: str | None) -> TableSlice:
    rows = [SliceRow(top + 20 + 30 * i, top + 50 + 30 * i,
                     {"action": Cell(action), "deadline": Cell("2025-06-30")})
            for i, action in enumerate(actions)]
    return TableSlice(page, top, COLUMNS, rows, top + 20 + 30 * len(actions),
                      caption=_heading(caption, top - 14) if caption else None)


def _areas(placed: list[PlacedSlice]) -> list[tuple[str, str | None]]:
    return [(row.cells["action"].text, row.group) for table in stitch_page_breaks(placed) for row in table.rows]


def test_each_table_heading_names_the_rows_of_its_table_the_first_too():
    placed = [
        PlacedSlice(_slice(1, 100, ["Checklista CVK"], "Vårdrelaterade infektioner"), "active", "Aktiviteter", True),
        PlacedSlice(_slice(1, 300, ["Läkemedelsgenomgång"], "Läkemedelssäkerhet"), "active", "Aktiviteter", False),
        PlacedSlice(_slice(2, 60, ["Sensormattor"], "Fall och trycksår"), "active", "Aktiviteter", False),
    ]
    assert _areas(placed) == [("Checklista CVK", "Vårdrelaterade infektioner"),
                              ("Läkemedelsgenomgång", "Läkemedelssäkerhet"),
                              ("Sensormattor", "Fall och trycksår")]


def test_a_group_row_drawn_above_a_repeated_header_names_the_rows_after_it():
    """ReportLab: the header drawn again mid-page under the group row of the rows that follow."""
    placed = [
        PlacedSlice(_slice(1, 100, ["Barnmorska per födande"], None), "active", None, True),
        PlacedSlice(_slice(1, 400, ["Riskbedömning v. 12"], "Område: Specialistmödravård"), "active", None, False),
    ]
    assert _areas(placed) == [("Barnmorska per födande", None),
                              ("Riskbedömning v. 12", "Område: Specialistmödravård")]


def test_one_table_under_a_heading_gets_no_area_from_it():
    placed = [PlacedSlice(_slice(1, 100, ["Checklista CVK", "Sepsislarm"], "Handlingsplan 2025"), "active", None, True),
              PlacedSlice(_slice(2, 60, ["Läkemedelsgenomgång"], None), "active", None, False)]
    assert [group for _, group in _areas(placed)] == [None, None, None]


def test_a_heading_over_a_table_of_other_columns_starts_a_table_of_its_own_and_names_nothing():
    other = [Column("goal", 40, 200, "Mål"), Column("deadline", 200, 280, "Klart senast")]
    second = _slice(1, 300, ["Läkemedelsgenomgång"], "Bilaga: mål")
    second.columns = other
    second.rows = [SliceRow(320, 350, {"goal": Cell("Färre fel"), "deadline": Cell("2025")})]
    placed = [PlacedSlice(_slice(1, 100, ["Checklista CVK"], "Handlingsplan 2025"), "active", None, True),
              PlacedSlice(second, "active", None, False)]
    tables = stitch_page_breaks(placed)
    assert len(tables) == 2
    assert all(row.group is None for table in tables for row in table.rows)
