"""The room left at a hyphenated line end is evidence about the hyphen (issue 15).

An automatic hyphenator breaks a word at the last hyphenation point whose piece still fits on the
line. When the next line starts with a piece that would have fitted after a later point of the joined
word, no hyphenator broke there: the author typed the hyphen. extract measures the room per line
end of a cell (RawCell.line_ends), normalize keeps such a hyphen.

The fixture (data/render_line_end_room.py) is a Word report exported to PDF by LibreOffice with
Swedish automatic hyphenation, the way real reports are made.
"""
from dataclasses import replace
from pathlib import Path

import pytest

from followup.extract.document import read_raw_document
from followup.extract.page_content import Char
from followup.extract.settings import ExtractSettings
from followup.extract.text_lines import hyphen_drawing, line_end_room, text_lines
from followup.normalize.linebreaks import repair_text
from followup.pipeline import extract_document

FIXTURE = Path(__file__).parent / "data" / "line-end-room-word.pdf"


@pytest.fixture(scope="module")
def comment_cell():
    raw = read_raw_document(FIXTURE)
    return raw.tables[0].rows[0].cells["follow_up"]


def test_the_author_typed_hyphen_stands_at_a_line_end_with_room_for_a_later_point(comment_cell) -> None:
    # LibreOffice ended the line at the author's "Ambulans-" although "per" (ambulans-per-sonalen)
    # would have fitted: a hyphenator would have broken there.
    lines = comment_cell.text.split("\n")
    assert lines[0].endswith("och Ambulans-") and lines[1].startswith("personalen ")
    room = {(end.line, end.next): end.fits for end in comment_cell.line_ends}
    assert room[lines[0], lines[1]] >= len("per")


def test_a_typed_hyphen_with_room_for_a_later_point_is_kept_and_an_automatic_one_joined() -> None:
    follow_up = extract_document(FIXTURE).activities[0].follow_up
    assert follow_up is not None
    assert "akuten och Ambulans-personalen i den" in follow_up
    # LibreOffice's own hyphen two lines down ("informations-" + "överföring") is joined.
    assert "om informationsöverföring vid" in follow_up


def test_without_the_room_the_text_alone_would_join_the_compound(comment_cell) -> None:
    # Swedish writes "ambulanspersonalen" closed too: the words alone cannot tell (issue 15).
    assert "Ambulanspersonalen" in repair_text(comment_cell.text)


def test_automatic_hyphens_of_the_other_cells_are_joined() -> None:
    activities = extract_document(FIXTURE).activities
    assert "och väntetiden till första" in (activities[1].follow_up or "")
    assert "gånger om dagen tillsammans" in (activities[2].follow_up or "")


def _line(text: str, top: float, x0: float = 0.0, width: float = 5.0) -> list[Char]:
    chars, x = [], x0
    for ch in text:
        chars.append(Char(text=ch, x0=x, top=top, x1=x + width, bottom=top + 10.0, size=10.0, bold=False))
        x += width
    return chars


def test_the_room_is_measured_from_the_widest_line_of_several_words() -> None:
    # Glyphs 5 pt wide: the edge is that of "vårdsenheten har" (80 pt), so "Tand-" (25 pt) leaves
    # 55 pt less the slack: 10 glyphs. The single longer word below ("Kvalitetsregistret", 90 pt)
    # does not set the edge (one word may stick out of its column).
    chars = (_line("vi och de fyra", 0) + _line("Tand-", 12) + _line("vårdsenheten har", 24)
             + _line("Kvalitetsregistret", 36))
    ends = line_end_room(text_lines(chars), ExtractSettings(hyphen_room_slack=0.01))
    assert [(e.line, e.next, e.fits) for e in ends] == [("Tand-", "vårdsenheten har", 10)]


def test_justified_text_leaves_no_room() -> None:
    # Every line of several words ends where "Tand-" ends: no room is left anywhere.
    chars = _line("en rad o", 0, width=25.0 / 8) + _line("Tand-", 12) + _line("vårdsenheten", 24)
    ends = line_end_room(text_lines(chars), ExtractSettings(hyphen_room_slack=0.01))
    assert [(e.line, e.fits) for e in ends] == [("Tand-", 0)]


def test_a_hyphen_drawn_by_an_operator_of_its_own_is_noted_apart_from_its_word() -> None:
    # LibreOffice draws the hyphens it adds by a text operator of their own, typed ones with the word.
    typed = _line("Verksamhets-", 0) + _line("chef VO Medicin", 12)
    added = _line("samtli", 24) + [replace(c, opens_run=True) for c in _line("-", 24, x0=30.0)] + _line("ga", 36)
    ends = line_end_room(text_lines(typed + added), ExtractSettings(hyphen_room_slack=0.01))
    assert [(e.line, e.drawn) for e in ends] == [("Verksamhets-", "with_word"), ("samtli-", "apart")]


def test_a_line_ending_in_a_dash_after_a_space_has_no_hyphen_drawing() -> None:
    chars = _line("mott -", 0) + _line("Nytt arbetssätt", 12)
    assert hyphen_drawing(text_lines(chars)[0].chars) is None
