"""Column roles come from the header wording in extract/data/headers.toml."""
import pytest

from followup.extract.headers import column_role, header_band, header_bands, load_header_vocabulary, section_of_heading
from followup.extract.page_content import Char
from followup.extract.text_lines import text_lines

VOCABULARY = load_header_vocabulary()


@pytest.mark.parametrize(
    "wording, role",
    [
        ("Område", "area"), ("Mål", "goal"), ("Åtgärd", "action"), ("Aktivitet", "action"),
        ("Tid", "deadline"), ("Tidplan", "deadline"), ("Ansvarig", "responsible"),
        ("Status", "status"), ("Uppföljning", "follow_up"), ("Kommentar", "follow_up"),
        ("Ny tid", "new_deadline"), ("Ny tidplan", "new_deadline"),
    ],
)
def test_every_header_wording_of_the_report_format_names_its_column(wording, role):
    assert column_role(wording, VOCABULARY) == role


def test_a_header_hyphenated_over_two_lines_is_still_recognised():
    assert column_role("Sta-\ntus", VOCABULARY) == "status"
    assert column_role("Uppfölj- ning", VOCABULARY) == "follow_up"


def test_case_and_spacing_do_not_matter():
    assert column_role("NY  TID", VOCABULARY) == "new_deadline"


def test_a_long_header_with_a_typo_is_matched_fuzzily_but_short_ones_are_not():
    assert column_role("Uppfölning", VOCABULARY) == "follow_up"
    assert column_role("Tig", VOCABULARY) is None


def test_unknown_wording_names_no_column():
    assert column_role("Budget", VOCABULARY) is None


def test_section_headings_tell_done_from_active():
    assert section_of_heading("Klara aktiviteter", VOCABULARY) == "done"
    assert section_of_heading("Aktiviteter", VOCABULARY) == "active"


def test_the_same_words_wrapped_into_a_sentence_are_no_heading():
    assert section_of_heading("klara aktiviteter.", VOCABULARY) is None


def test_a_note_in_brackets_does_not_change_the_column():
    assert column_role("Tid (klart senast)", VOCABULARY) == "deadline"
    assert column_role("Ansvarig (chef)", VOCABULARY) == "responsible"


# Header lines set by hand in 8 pt type: a word space is 2.5 pt, the gap between two columns 9 pt.
SIZE, ADVANCE, SPACE, COLUMN_GAP = 8.0, 4.4, 2.5, 9.0


def printed_line(cells, top=100.0, starts=None):
    """A header line whose cells (lists of words) sit a column gap apart, their words a space apart;
    or each cell at its own start (the columns of a table, for the lines of a wrapped header)."""
    chars = []
    x = 50.0
    for i, cell in enumerate(cells):
        x = starts[i] if starts else x
        for word in cell.split():
            for letter in word:
                chars.append(Char(letter, x, top, x + ADVANCE, top + SIZE, SIZE, True))
                x += ADVANCE
            x += SPACE
        x += COLUMN_GAP - SPACE
    [line] = text_lines(chars)
    return line


def test_a_header_cell_of_several_unknown_words_is_one_column():
    line = printed_line(["Nr", "Åtgärd", "Beräknad kostnad", "Ansvarig", "Status", "Uppföljning"])
    cells = header_band([line], VOCABULARY).cells
    assert [(c.role, c.name) for c in cells] == [
        (None, "Nr"), ("action", "Åtgärd"), (None, "Beräknad kostnad"), ("responsible", "Ansvarig"),
        ("status", "Status"), ("follow_up", "Uppföljning")]


def test_known_headers_are_separate_columns_each():
    # each names a role, so no gap is needed to tell them apart
    line = printed_line(["Mål", "Åtgärd", "Tid", "Ansvarig"])
    assert [c.role for c in header_band([line], VOCABULARY).cells] == ["goal", "action", "deadline", "responsible"]


def test_a_header_wrapped_over_two_lines_is_found_as_one_band():
    columns = [50.0, 80.0, 130.0, 190.0]
    top = printed_line(["Sta-", "Åtgärd", "Ansvarig", "Klart"], top=100.0, starts=columns)
    bottom = printed_line(["tus", "", "(funktion)", "senast"], top=109.0, starts=columns)
    [band] = header_bands([top, bottom], VOCABULARY)
    assert [(c.role, c.name) for c in band.cells] == [
        ("status", "Status"), ("action", "Åtgärd"), ("responsible", "Ansvarig (funktion)"),
        ("deadline", "Klart senast")]
    assert not header_bands([top], VOCABULARY)  # one line alone names too few roles


def test_body_text_under_a_header_is_not_taken_into_it():
    header = printed_line(["Område", "Mål", "Åtgärd", "Tid", "Ansvarig"], top=100.0)
    row = printed_line(["Tillgänglighet", "Kortare", "Webbtidbok", "2024-06", "Enhetschef"], top=109.5)
    [band] = header_bands([header, row], VOCABULARY)
    assert band.lines == (header,)


@pytest.mark.parametrize("text, role", [
    ("Nuläge/kommentar", "follow_up"), ("Område/fokus", "area"), ("Åtgärder/aktiviteter", "action"),
    ("Kommentar/status", "follow_up"), ("Planerat datum", "deadline"), ("Statusbedömning", "status"),
    ("Ny planerad tid", "new_deadline"), ("Kostnad/finansiering", None), ("Startdatum", None),
])
def test_words_joined_by_a_slash_name_the_role_they_agree_on(text, role):
    assert column_role(text, load_header_vocabulary()) == role
