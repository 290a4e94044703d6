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
