"""A running header that a table's rows reach into (page_furniture.running_header_chars).

A CSS grid's row split over a page break resumes at the top of the next page's area, level with or
above the running header that WeasyPrint sets in the page's margin box; the header then stands
among the rows. It is known by being printed exactly where the previous page printed it, with text
new to the page level with it.
"""
from __future__ import annotations

from followup.extract.page_content import Char
from followup.extract.page_furniture import margin_places, margin_runs, running_header_chars
from followup.extract.text_lines import text_lines

PAGE_HEIGHT = 600.0
HEADER = "Sjukhuset Verksamhetsplan"


def _chars(text: str, x: float, top: float) -> list[Char]:
    return [Char(c, x + 5 * i, top, x + 5 * (i + 1), top + 8, 8.0, False) for i, c in enumerate(text)]


def _previous_page() -> list[Char]:
    """A page with the running header alone at its top and a title under it."""
    return _chars(HEADER, 30, 11) + _chars("Uppföljning 2025", 30, 40)


def _found(chars: list[Char]) -> list[str]:
    previous = _previous_page()
    runs = margin_runs(text_lines(previous), PAGE_HEIGHT)
    found = running_header_chars(chars, runs, margin_places(previous, PAGE_HEIGHT), PAGE_HEIGHT)
    return [line.chars[0].text + "…" for _, line in found]


def test_the_running_header_is_taken_out_when_a_continued_row_starts_above_it():
    page = _chars(HEADER, 30, 11) + _chars("Enhetschefer vårdav-", 220, 7) + _chars("delningar", 220, 16)
    assert _found(page) == ["S…"]


def test_a_running_header_standing_clear_of_the_rows_is_left_to_the_readers():
    page = _chars(HEADER, 30, 11) + _chars("Enhetschefer", 220, 40)
    assert _found(page) == []


def test_a_header_printed_again_beside_other_recurring_text_is_no_running_header_among_rows():
    """A table header repeated on every page stands level with its own wrapped line, both printed
    where the previous page printed them."""
    previous_extra = _chars("Sta-", 300, 6)
    page = _chars(HEADER, 30, 11) + previous_extra
    previous = _previous_page() + previous_extra
    runs = margin_runs(text_lines(previous), PAGE_HEIGHT)
    assert running_header_chars(page, runs, margin_places(previous, PAGE_HEIGHT), PAGE_HEIGHT) == []


def test_a_line_printed_elsewhere_on_this_page_is_no_running_header():
    page = _chars(HEADER, 31, 11) + _chars("Enhetschefer", 220, 7)
    assert _found(page) == []
