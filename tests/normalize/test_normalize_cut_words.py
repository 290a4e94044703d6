"""Words cut without a hyphen at a cell's edge (spreadsheets): which full line ends run on."""
from __future__ import annotations

import pytest

from followup.normalize.cut_words import is_cut_word, join_cut_words, word_start_above


@pytest.mark.parametrize(("line", "below"), [
    ("Kompetensförsörjn", "ing"),
    ("Beläggningsgraden på medicinavdelningarn", "a ska inte överstiga"),
    ("Informationssäker", "het"),
    ("Chefläkare i samråd med informationssäkerhet", "ssamordnare"),
    ("1177 Webbtidboknin", "g"),
    ("Rutinen finns på https://intranat.regionexempel.se/hamnstad/me", "dicin/direktinlaggning-rutin."),
    ("se https://vardgivare.regionexempel.se/kunskapsstod", "/senior-alert-riskbedomning."),
    ("lönetillägg för specialistsjuksköterskor", "."),
])
def test_a_word_cut_at_the_edge_runs_on(line: str, below: str) -> None:
    assert is_cut_word(line, below)


@pytest.mark.parametrize(("line", "below"), [
    ("Telemetriövervakning", "på samtliga medicinavdelningar"),
    ("patienter på ortopedisk", "avdelning"),
    ("genomförs i regionens", "verktyg för samtliga"),
    ("Verksamhetschef", "Hälso-centralen Fjällby"),
    ("Länssjukhuset Norrmark", "i samverkan"),
    ("kontakta kvalitet@regionexempel.se", "• uppföljning"),
    # A short piece going on with a hyphen is a word of its own ("e-utbildning"), not a cut word's end.
    ("Obligatorisk", "e-utbildning med påminnelser"),
])
def test_two_words_that_filled_the_line_stay_apart(line: str, below: str) -> None:
    assert not is_cut_word(line, below)


def test_only_the_line_ends_extract_noted_are_joined_and_renamed() -> None:
    text = "Kompetensförsörjn\ning\n\nInformationssäker\nhet och vård-\nplats"
    joined, renamed = join_cut_words(text, [("Informationssäker", "het och vård-")])
    assert joined == "Kompetensförsörjn\ning\n\nInformationssäkerhet och vård-\nplats"
    # The hyphen's room was measured at "het och vård-", which is now the end of the joined line.
    assert renamed["het och vård-"] == "Informationssäkerhet och vård-"


def test_the_rest_of_a_hyphenated_word_is_judged_as_the_whole_word() -> None:
    # "gyne-" + "kologiska" is "gynekologiska", a word of its own before "vårdav-" + "delningen".
    text = "den gyne-\nkologiska\nvårdav-\ndelningen"
    assert join_cut_words(text, [("kologiska", "vårdav-")]) == (text, {})
    # "gra-" + "viditets-" + "övervak" is "graviditetsövervak", no word: it runs on into "ning".
    joined, _ = join_cut_words("och gra-\nviditets-\növervak\nning i", [("övervak", "ning i")])
    assert joined == "och gra-\nviditets-\növervakning i"


def test_the_start_of_a_hyphenated_word_is_read_over_every_line_it_took() -> None:
    assert word_start_above(["och gra-", "viditets-", "övervak"], 2) == "graviditets"
    assert word_start_above(["vård och", "övervak"], 1) == ""
    assert word_start_above(["och gra-", "viditets övervak"], 1) == ""


# ReportLab's splitLongWords fills the line before it cuts a word too long for the cell, so the
# first piece follows other words on its line; such a line end is joined only on the words' say.
@pytest.mark.parametrize(("line", "below"), [
    ("Delegeringsordning i gipsteknik och rönt", "genbedömning för sjuksköterskor."),
    ("Akut ortopedi och tr", "aumavård"),
    ("Riktlinjen finns på https://vardgivare.regionexempel.se/v", "ardriktlinjer/digitala-vardmoten och har"),
    ("Resultaten finns i rapport http", "s://intra.regionexempel.se/bergslagen"),
])
def test_a_word_cut_after_other_words_on_its_line_runs_on(line: str, below: str) -> None:
    assert is_cut_word(line, below)


@pytest.mark.parametrize(("line", "below"), [
    ("om lågdosabc", "acetylsalicylsyra"),  # a whole word that filled the line: no known word joined
    ("(med stöd av", "e-hälsoenheten)"),  # "ave" is a word, but "e-hälso…" is more than its rest
    ("publiceras på https://www.1177.se/regionexempel/fast-lakarkontakt", "under december."),
    ("Resultaten finns i rapport", "https://intra.regionexempel.se"),
])
def test_a_whole_word_after_others_at_a_full_line_end_stays_apart(line: str, below: str) -> None:
    assert not is_cut_word(line, below)


def test_a_date_cut_at_the_edge_runs_on() -> None:
    assert is_cut_word("2025-12-3", "1")
    assert is_cut_word("Ny tid 2026-06-3", "0.")
    assert not is_cut_word("kl. 08.00–12.00", "14")


def test_a_word_cut_twice_is_judged_whole_over_its_three_lines() -> None:
    text = "ankomst till aku\ntmottagninge\nn"
    cuts = [("ankomst till aku", "tmottagninge"), ("tmottagninge", "n")]
    assert join_cut_words(text, cuts)[0] == "ankomst till akutmottagningen"
    text = "Reserverad ak\nutoperationssa\nl varje vardag"
    cuts = [("Reserverad ak", "utoperationssa"), ("utoperationssa", "l varje vardag")]
    assert join_cut_words(text, cuts)[0] == "Reserverad akutoperationssal varje vardag"


def test_a_full_line_under_a_cut_word_may_be_only_full() -> None:
    # "genbedömning" ends the word and happens to fill its line: "för" starts the next word.
    text = "teknik och rönt\ngenbedömning\nför sjukskö-\nterskor."
    cuts = [("teknik och rönt", "genbedömning"), ("genbedömning", "för sjukskö-")]
    assert join_cut_words(text, cuts)[0] == "teknik och röntgenbedömning\nför sjukskö-\nterskor."


def test_an_address_cut_over_several_lines_runs_on_to_its_end() -> None:
    text = "rapport http\ns://intra.regionexempel.se/berg\nslagen/hoftfraktur-24-timmar-veck\nouppfoljning."
    cuts = [("rapport http", "s://intra.regionexempel.se/berg"),
            ("s://intra.regionexempel.se/berg", "slagen/hoftfraktur-24-timmar-veck"),
            ("slagen/hoftfraktur-24-timmar-veck", "ouppfoljning.")]
    assert join_cut_words(text, cuts)[0] == \
        "rapport https://intra.regionexempel.se/bergslagen/hoftfraktur-24-timmar-veckouppfoljning."
