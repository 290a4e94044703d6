"""A report typeset with Typst on A5 at 6.5 pt (issue 9): its narrow columns show two quirks of a
producer that justifies every paragraph and never breaks a word it has no break point in.

- header-justified-shaded.pdf: the Ny tidplan column's header breaks "Ny tid-" / "plan", and
  justification spreads "Ny" and "tid-" to the cell's edges, further apart than two columns stand.
  Read by the gaps alone they were two columns ("Ny plan", "tid-"), and the dates under them ran
  over the edge between. The header row is shaded cell by cell: one cell's shading holds both words.
- words-run-past-cell.pdf: a date too wide for the Tidplan column runs through the next cell's
  padding up to its text ("2024-12-31" touching "Verksam-"), and an e-mail address runs on past the
  table's right edge. Each row's first line was read as a group row (its text over the column
  edges) and the address ended the table.

The fixtures are rendered by data/render_typst_a5.py with the corpus's Typst producer.
"""
from dataclasses import replace
from pathlib import Path

import pytest

from followup.extract.document import read_raw_document
from followup.extract.headers import HeaderBand, HeaderCell, column_role, joined_by_shading, load_header_vocabulary
from followup.extract.page_content import Box, Char, Fill
from followup.extract.text_lines import TextLine, Word, split_by_columns, split_keeping_words
from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"
HEADER = DATA / "header-justified-shaded.pdf"
WORDS = DATA / "words-run-past-cell.pdf"


@pytest.mark.parametrize("pdf", [HEADER, WORDS], ids=lambda p: p.stem)
def test_every_row_is_read_whole_with_its_dates_and_comment(pdf: Path) -> None:
    activities = extract_document(pdf).activities
    assert [a.goal for a in activities] == [
        "Följsamheten till basala hygienrutiner ska vara minst 95 %",
        "Alla patienter 75 år och äldre ska få en läkemedelsavstämning"]
    assert [a.deadline.text for a in activities if a.deadline] == ["2024-12-31", "2024-06-30"]
    assert [a.new_deadline.text for a in activities if a.new_deadline] == ["2025-03-31", "2024-12-31"]
    assert [a.responsible.text for a in activities if a.responsible] == [
        "Verksamhetschef respektive VO", "Chefläkare i samråd med verksamhetscheferna"]
    assert activities[0].follow_up == ("Mätningen i mars visar en samlad följsamhet på 88 %. Frågor om "
                                       "mätningen skickas till vardhygien.norrmark@regionexempel.se.")


def test_the_justified_header_cell_names_one_column() -> None:
    table = read_raw_document(HEADER).tables[0]
    assert table.columns == ["goal", "action", "deadline", "responsible", "status", "follow_up", "new_deadline"]
    assert table.extra_columns == []


def _word(text: str, x0: float, x1: float, top: float) -> Word:
    return Word(text, Box(x0, top, x1, top + 6.5), 6.5, True)


def _band(*cells: tuple[str, tuple[Word, ...]]) -> HeaderBand:
    """A header band of two lines (tops 100 and 108) with these cells, each named and given its role."""
    vocabulary = load_header_vocabulary()
    lines = tuple(TextLine((), Box(0, top, 400, top + 6.5)) for top in (100.0, 108.0))
    return HeaderBand(lines, tuple(HeaderCell(column_role(name, vocabulary), words, name) for name, words in cells))


# "Uppföljning" | "Ny" ... "tid-" over "plan": the last two cells split by justification.
SPREAD = _band(("Uppföljning", (_word("Uppföljning", 246.6, 290.0, 100.0),)),
               ("Ny plan", (_word("Ny", 345.4, 355.1, 100.0), _word("plan", 345.4, 361.3, 108.0))),
               ("tid-", (_word("tid-", 365.6, 378.3, 100.0),)))


def test_header_words_one_cell_shading_holds_are_one_cell() -> None:
    shading = [Fill(Box(243.6, 96.0, 342.0, 116.0), "#DCE6F1"), Fill(Box(342.0, 96.0, 379.8, 116.0), "#DCE6F1")]
    joined = joined_by_shading(SPREAD, shading, load_header_vocabulary())
    assert [(c.name, c.role) for c in joined.cells] == [("Uppföljning", "follow_up"), ("Ny tidplan", "new_deadline")]


def test_a_header_shaded_as_one_band_or_not_at_all_joins_nothing() -> None:
    vocabulary = load_header_vocabulary()
    whole_row = [Fill(Box(39.7, 96.0, 379.8, 116.0), "#DCE6F1")]
    assert joined_by_shading(SPREAD, whole_row, vocabulary) == SPREAD
    assert joined_by_shading(SPREAD, [], vocabulary) == SPREAD


def test_two_cells_naming_columns_stay_apart_under_one_shading() -> None:
    # A spreadsheet may paint a range of header cells as one rectangle.
    band = _band(("Mål", (_word("Mål", 42.7, 55.8, 100.0),)), ("Status", (_word("Status", 70.0, 90.0, 100.0),)),
                 ("Uppföljning", (_word("Uppföljning", 246.6, 290.0, 100.0),)))
    range_fill = [Fill(Box(39.7, 96.0, 100.0, 116.0), "#DCE6F1")]
    assert joined_by_shading(band, range_fill, load_header_vocabulary()) == band


def _glyphs(text: str, x0: float, *, runs: tuple[int, ...] = (0,), width: float = 4.0) -> list[Char]:
    """One line's glyphs edge to edge from x0; `runs`: the indices that open a text operator."""
    return [Char(ch, x0 + i * width, 100.0, x0 + (i + 1) * width, 106.5, 6.5, False, opens_run=i in runs)
            for i, ch in enumerate(text)]


def test_a_word_running_past_its_column_stays_in_the_column_it_starts_in() -> None:
    # "2024-12-31" from 137 to 177 over the edge at 172; "Verksam-" opens its own run at 177, touching.
    line = _glyphs("2024-12-31", 137.0) + _glyphs("Verksam-", 177.0)
    edges = [134.0, 172.0, 213.0]
    assert ["".join(c.text for c in column) for column in split_by_columns(line, edges)] == ["2024-12-3", "1Verksam-"]
    assert ["".join(c.text for c in column) for column in split_keeping_words(line, edges)] == [
        "2024-12-31", "Verksam-"]


def test_a_word_running_past_the_last_edge_is_kept_not_dropped() -> None:
    address = _glyphs("a@regionexempel.se", 300.0)  # 72 pt: to 372, past the table's edge at 340
    assert ["".join(c.text for c in column) for column in split_keeping_words(address, [250.0, 340.0])] == [
        "a@regionexempel.se"]


def test_glyphs_drawn_one_by_one_are_split_by_their_centres_as_before() -> None:
    # Chromium opens a text operator at every glyph: nothing tells a run-on word from the next cell.
    line = [replace(c, opens_run=True) for c in _glyphs("Läkemedelssäkerhet", 40.0)]
    edges = [39.0, 70.0, 200.0]
    assert split_keeping_words(line, edges) == split_by_columns(line, edges)
