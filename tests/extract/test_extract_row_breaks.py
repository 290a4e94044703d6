"""A row broken over a page is one activity, whatever line it breaks at; a row that starts on the
new page stays a new activity.

Fixtures (tests/extract/data, made by render_rows_and_groups.py): Word grids exported by LibreOffice
with widow control off, the page break placed by the space above the table:
split-after-one-line (only the first line of every column on page 1, words cut in area, goal and
responsible: "Informationssä-" | "kerhet"), split-mid-word (break after the second line, mid-word in
the responsible and comment columns), split-only-comment-continues (only the comment runs on,
starting a new sentence), split-only-dates-continue (only the Tid and Ny tid cells run on), split-only-status-colour (the
comment ends in empty paragraphs, so only the status colour runs on);
short-row-moved-word (rows that may not break: a row of short one-line cells opens page 2) and
whole-rows-moved (WeasyPrint, break-inside: avoid); split-orphans-web (WeasyPrint moves two-line
cells to the next page whole).
"""
from pathlib import Path

import pdfplumber
import pytest

from followup.extract.stitching import _Row, continues_over_break
from followup.extract.tables import Cell, RowTail
from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"
LONG_FOLLOW_UP = (
    "Utbildningen är genomförd på fyra av sex enheter. Loggkontroller görs varje månad och avvikelser "
    "rapporteras till ledningsgruppen. Behörigheterna i journalsystemet ses över inför årsskiftet. Arbetet "
    "med Informationssäkerhet har försenats av sjukskrivningar. Enheterna på Lasarettet följer upp i september."
)


@pytest.mark.parametrize("name", ["split-after-one-line", "split-mid-word", "split-only-comment-continues"])
def test_a_row_broken_over_the_page_is_one_activity_with_its_whole_text(name):
    activities = extract_document(DATA / f"{name}.pdf").activities
    assert [a.pages for a in activities] == [[1], [1, 2], [2]]
    broken = activities[1]
    assert broken.area == "Informationssäkerhet"
    assert broken.goal == "Stärkt informationssäkerhet i vården"
    assert broken.action == "Utbilda all personal i informationssäkerhet och behörighetsstyrning"
    assert broken.responsible.text == "Informationssäkerhetssamordnare"
    assert broken.follow_up == LONG_FOLLOW_UP
    assert (broken.deadline.date, broken.new_deadline.date, broken.status) == ("2024-09-30", "2024-12-31", "in_progress")
    assert [a.area for a in activities] == ["Patientsäkerhet", "Informationssäkerhet", "Kompetens"]


def _second_page_text(name: str) -> str:
    """Page 2's text as pdfplumber reads it (not through followup's own reader)."""
    with pdfplumber.open(DATA / f"{name}.pdf") as pdf:
        assert len(pdf.pages) == 2
        return "".join(c["text"] for c in pdf.pages[1].chars)


def test_the_break_falls_where_each_fixture_says():
    """The fixtures really break where their names say (else the tests above prove nothing)."""
    second_page_part = _second_page_text
    assert "kerhet i vården" in second_page_part("split-after-one-line")
    page_two = second_page_part("split-mid-word")
    assert "kerhet i vården" not in page_two and "ras till ledningsgruppen" in page_two
    page_two = second_page_part("split-only-comment-continues")
    assert "Enheterna på Lasarettet" in page_two and "skrivningar" not in page_two
    page_two = second_page_part("split-only-dates-continue")
    assert "Etapp 3" in page_two and "Samverkan" not in page_two


def test_a_row_whose_status_colour_alone_runs_on_is_one_activity():
    """The comment ends in empty paragraphs; page 2 holds the row's borders and status colour only."""
    assert "Informations" not in _second_page_text("split-only-status-colour")
    activities = extract_document(DATA / "split-only-status-colour.pdf").activities
    assert [a.pages for a in activities] == [[1], [1, 2], [2]]
    assert activities[1].follow_up == LONG_FOLLOW_UP
    assert activities[1].status == "in_progress"
    assert activities[2].area == "Kompetens"


def test_a_row_broken_inside_a_merged_area_cell_is_one_activity_and_every_row_keeps_the_area():
    activities = extract_document(DATA / "split-in-merged-area.pdf").activities
    assert [a.pages for a in activities] == [[1], [1, 2], [2]]
    assert {a.area for a in activities} == {"Patientsäkerhet och informationssäkerhet"}
    assert activities[1].follow_up == LONG_FOLLOW_UP
    assert activities[1].action == "Utbilda all personal i informationssäkerhet och behörighetsstyrning"


def test_a_row_running_over_two_page_breaks_is_one_activity():
    activities = extract_document(DATA / "split-over-three-pages.pdf").activities
    assert [a.pages for a in activities] == [[1], [1, 2, 3], [3]]
    assert activities[1].follow_up == " ".join([LONG_FOLLOW_UP] * 7)
    assert activities[1].goal == "Stärkt informationssäkerhet i vården"


def test_dates_running_over_the_page_stay_with_their_row():
    activities = extract_document(DATA / "split-only-dates-continue.pdf").activities
    assert [a.pages for a in activities] == [[1], [1, 2], [2]]
    dated = activities[1]
    assert dated.area == "Samverkan" and dated.goal == "Samverkan med primärvården"
    assert dated.deadline.text == "Etapp 1 2024-03-31 Etapp 2 2024-06-30 Etapp 3 2024-09-30 Etapp 4 2024-12-31"
    assert dated.new_deadline.text == "Etapp 2 2024-08-31 Etapp 3 2024-10-31 Etapp 4 2025-01-31"
    assert dated.follow_up == "Etapp 1 klar."


def test_a_short_row_opening_the_next_page_is_a_new_activity():
    activities = extract_document(DATA / "short-row-moved-word.pdf").activities
    assert [(a.area, a.pages) for a in activities] == [
        ("Patientsäkerhet", [1]), ("Informationssäkerhet", [1]), ("Kompetens", [1]), ("IT", [2]),
        ("Patientsäkerhet", [2])]
    assert (activities[3].goal, activities[3].action, activities[3].follow_up) == ("Wifi", "Nya accesspunkter", "Klart.")
    assert activities[2].goal == "Handledning av studenter"


def test_rows_moved_whole_to_the_next_page_are_not_stitched():
    activities = extract_document(DATA / "whole-rows-moved.pdf").activities
    assert len(activities) == 11
    assert [a.pages for a in activities] == [[1]] * 7 + [[2]] * 4
    assert activities[6].goal == "Kortare tid på akuten"
    assert activities[7].goal == "Samordnad vårdplanering"


def _row(**texts: str) -> _Row:
    return _Row(cells={key: Cell(text) for key, text in texts.items()}, merged_above=set(), row_fill=None, pages=[1])


COLUMNS = ("area", "goal", "action", "deadline", "follow_up")


def _full(**texts: str) -> _Row:
    return _row(**{role: texts.get(role, "") for role in COLUMNS})


def test_only_the_comment_on_the_new_page_continues_even_as_a_new_sentence():
    before = _full(area="IT", goal="Säker drift", action="Byt servrar", deadline="2024-06-30",
                   follow_up="Två av tre servrar är bytta.")
    assert continues_over_break(before, None, _full(follow_up="Den sista byts i maj."))


def test_a_word_left_open_continues_and_a_fresh_row_with_its_date_does_not():
    before = _full(area="Informationssä-", goal="Stärkt informationssä-", action="Utbilda all personal i",
                   deadline="2024-09-30", follow_up="Utbildningen är")
    after = _full(area="kerhet", goal="kerhet i vården", action="informationssäkerhet", follow_up="genomförd.")
    assert continues_over_break(before, RowTail({}, True), after)
    fresh = _full(area="Kompetens", goal="Handledning", action="Utbilda fler", deadline="2024-09-30",
                  follow_up="Tolv nya handledare.")
    assert not continues_over_break(before, RowTail({}, True), fresh)


def test_a_column_that_had_room_left_starts_a_new_cell():
    before = _full(area="IT", goal="Wifi på alla avdelningar", action="Nya accesspunkter", deadline="",
                   follow_up="Arbetet pågår på avdelning 3.")
    after = _full(goal="nätverket i hus 2", action="kabeldragning", follow_up="Offert begärd.")
    ended_early = RowTail({"goal": 3.0, "action": 3.0, "follow_up": 0.0}, True)
    assert not continues_over_break(before, ended_early, after)
    assert continues_over_break(before, RowTail({"goal": 0.0, "action": 0.0, "follow_up": 0.0}, True), after)


def test_group_rows_never_join():
    group = _row()
    group.group_row = "Område: Kompetensförsörjning"
    assert not continues_over_break(_full(goal="Mål"), None, group)


def test_a_row_broken_in_a_table_without_rules_is_one_activity_and_the_page_footer_no_text():
    """split-unruled: Chromium, no rules; the comment of the middle row runs from page 1 to page 2,
    the last row opens page 3. "Sida 1" and "Sida 2" stand below the table in the Ansvarig column."""
    activities = extract_document(DATA / "split-unruled.pdf").activities
    assert [a.pages for a in activities] == [[1], [1, 2], [3]]
    broken = activities[1]
    assert broken.goal == "Stärkt säkerhet för information i vården"
    assert broken.responsible.text == "Säkerhetschef"
    assert broken.follow_up == f"{LONG_FOLLOW_UP} {LONG_FOLLOW_UP}"
    assert activities[2].goal == "Handledning av studenter"
    assert not any("Sida" in (a.responsible.text or "") for a in activities)


def test_cells_moved_whole_to_the_next_page_by_orphan_control_rejoin_their_row():
    """WeasyPrint leaves the dates, the status dot and one comment line of "Fler digitala vårdbesök"
    on page 1 and moves its two-line goal, action and responsible to page 2."""
    activities = extract_document(DATA / "split-orphans-web.pdf").activities
    assert len(activities) == 11
    broken = activities[5]
    assert broken.pages == [1, 2]
    assert (broken.goal, broken.action) == ("Fler digitala vårdbesök", "Videobesök för uppföljning av stabila patienter")
    assert (broken.deadline.date, broken.new_deadline.date, broken.status) == ("2024-08-31", "2024-12-31", "in_progress")
    assert broken.follow_up == "Tre läkare har börjat. Tekniken fungerar men bokningen är krånglig."
    assert broken.area == "Tillgänglighet och väntetider"


def test_a_number_printed_again_in_a_column_starts_a_new_row():
    """A Nr column prints each row's number once, at its top: "7" above the break, "8" below."""
    before = _full(goal="Kortare väntetider till", action="Fler tider", follow_up="Pågår enligt")
    before.cells["Nr"] = Cell("7")
    after = _full(goal="nybesök och återbesök", action="kvällsmottagning", follow_up="plan.")
    after.cells["Nr"] = Cell("8")
    assert not continues_over_break(before, None, after)
    after.cells["Nr"] = Cell("")
    assert continues_over_break(before, None, after)


def test_paragraphs_moved_whole_beside_a_goal_running_on_do_not_start_a_new_row():
    """Typst breaks a row at a line and moves a short paragraph's lines whole (orphan control): the
    goal runs to the row's bottom and goes on in lower case, while the action and the comment ended a
    paragraph a line higher and their next paragraphs open the new page with a capital."""
    before = _full(goal="Samtliga patienter ska ha en riskbedömning inom ett",
                   action="Riskbedömningen dokumenteras i journalen.", deadline="2024-03-31",
                   follow_up="Andelen trycksår var 6,3 %, lägre än regionsnittet.")
    after = _full(goal="dygn efter inskrivning", action="Punktprevalensmätning två gånger per år.",
                  follow_up="Två avdelningar har haft många nyanställda.")
    goal_fullest = RowTail({"goal": 1.0, "action": 2.1, "deadline": 5.6, "follow_up": 2.1}, True)
    assert continues_over_break(before, goal_fullest, after)
    # The same closed sentences in the columns that set the row's bottom are a new row's.
    all_full = RowTail({"goal": 1.0, "action": 1.0, "deadline": 5.6, "follow_up": 1.0}, True)
    assert not continues_over_break(before, all_full, after)
