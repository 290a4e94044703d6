"""Column roles come from the header wording in extract/data/headers.toml."""
import pytest

from extract.headers import column_role, load_header_vocabulary, section_of_heading

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
