"""Words cut without a hyphen at a cell's edge (spreadsheets): which full line ends run on."""
from __future__ import annotations

import pytest

from followup.normalize.cut_words import cuts_long_words, is_cut_word, join_cut_words, word_start_above
from followup.normalize.linebreaks import document_words
from followup.schemas import LineEnd


@pytest.mark.parametrize(("line", "below"), [
    ("Kompetensförsörjn", "ing"),
    ("Beläggningsgraden på medicinavdelningarn", "a ska inte överstiga"),
    ("Informationssäker", "het"),
    ("Chefläkare i samråd med informationssäkerhet", "ssamordnare"),
    ("1177 Webbtidboknin", "g"),
    ("Rutinen finns på https://intranat.regionexempel.se/hamnstad/me", "dicin/direktinlaggning-rutin."),
    ("se https://vardgivare.regionexempel.se/kunskapsstod", "/senior-alert-riskbedomning."),
    ("lönetillägg för specialistsjuksköterskor", "."),
    # The line after a "https://" the layout broke after: its domain and path show the address.
    ("intra.regionexempel.se/norrmark/patientsakerh", "et/larandeforum-2024."),
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
    # An address by its domain and path, then the prose after it.
    ("tra.osterasen.se/kvinnokliniken/bemanning-forlossning", "varje måndag."),
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
    # The address's last segment, words joined by hyphens (jspdf-autotable cut it inside a word).
    ("Riktlinjen finns på https://intra.regionexempel.se/hr/riktlinjer/hal", "sosamma-scheman-heltid-som-norm."),
])
def test_a_word_cut_after_other_words_on_its_line_runs_on(line: str, below: str) -> None:
    assert is_cut_word(line, below)


@pytest.mark.parametrize(("line", "below"), [
    ("om lågdosabc", "acetylsalicylsyra"),  # a whole word that filled the line: no known word joined
    ("(med stöd av", "e-hälsoenheten)"),  # "ave" is a word, but "e-hälso…" is more than its rest
    ("publiceras på https://www.1177.se/regionexempel/fast-lakarkontakt", "under december."),
    ("Resultaten finns i rapport", "https://intra.regionexempel.se"),
    ("Läs mer på https://www.1177.se/regionexempel", "Fram-och-tillbaka-resor ersätts."),  # prose starts
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


def _cut(line: str, below: str) -> LineEnd:
    return LineEnd(line=line, next=below, kind="cut", fits=0)


def _hyphen(line: str, below: str) -> LineEnd:
    return LineEnd(line=line, next=below, kind="hyphen", fits=0)


def test_a_report_whose_long_words_are_cut_twice_and_never_hyphenated_cuts_long_words() -> None:
    certain = [_cut("Informationssäkerhetskl", "assningen genomförs"), _cut("Kompetensförsörjn", "ing")]
    assert cuts_long_words(certain)
    # One cut could be a word the lexicon lacks.
    assert not cuts_long_words(certain[:1])
    # Two words that filled their line prove nothing.
    assert not cuts_long_words([_cut("genomförs i regionens", "verktyg"), _cut("Verksamhetschef", "VO Kirurgi")])
    # A report that hyphenates ("samtli-" + "ga", WeasyPrint's U+2010 too) is not one that cuts.
    assert not cuts_long_words([*certain, _hyphen("samtli-", "ga")])
    assert not cuts_long_words([*certain, _hyphen("samtli\u2010", "ga")])


@pytest.mark.parametrize(("line", "below"), [
    ("informationssäkerhets", "klassning och en"),
    ("ska ha en aktuell informations", "säkerhetsklassning"),
])
def test_a_linking_form_before_the_rest_of_its_compound_runs_on_where_long_words_are_cut(line: str,
                                                                                          below: str) -> None:
    assert is_cut_word(line, below, cuts_long=True)
    # Where the producer is not seen to cut, the author may have written the two words apart.
    assert not is_cut_word(line, below)


def test_words_of_their_own_stay_apart_where_long_words_are_cut() -> None:
    assert not is_cut_word("Antal återbesök över", "medicinskt måldatum", cuts_long=True)
    assert not is_cut_word("patienter på ortopedisk", "avdelning", cuts_long=True)
    assert not is_cut_word("Verksamhets", "chef respektive")


@pytest.mark.parametrize(("line", "below"), [
    ("avstämning med kommunernas", "biståndshandläggare."),
    ("Införa regionens", "riktlinje för digitala"),
    ("enligt sjukhusets", "rutin"),
    ("kan genomföras", "digitalt."),  # a passive's s after a vowel
])
def test_a_definite_genitive_or_a_passive_is_no_linking_form_where_long_words_are_cut(line: str, below: str) -> None:
    # A compound begins with the bare stem ("regionriktlinje"), never with a definite form.
    assert not is_cut_word(line, below, cuts_long=True)

def test_the_document_writing_the_word_inflected_runs_the_cut_word_on() -> None:
    words = document_words(["Punktprevalensmätningen i mars visade färre trycksår"])
    assert is_cut_word("Punktprevalensm", "ätning två", words=words)
    assert not is_cut_word("Punktprevalensm", "ätning två")  # the lexicon alone knows no such word
    # Only an inflectional ending counts: "schemaläggningen" is no "schemaläggning" + "enligt".
    words = document_words(["Uppföljning av schemaläggningen görs"])
    assert not is_cut_word("Schemaläggning", "enligt regionens", words=words)


def test_a_compound_beginning_with_a_word_the_document_writes_runs_on() -> None:
    # "egenmonitorering" + "s" + "utrustning": the lexicon lists neither the whole nor its first part.
    text = "Pilot med digital\negenmonitoreringsutrust\nning för 30 patienter"
    words = document_words([text, "Egenmonitorering i hemmet"])
    assert is_cut_word("egenmonitoreringsutrust", "ning för 30 patienter", words=words)
    assert not is_cut_word("egenmonitoreringsutrust", "ning för 30 patienter", words=document_words([text]))
    # A first piece the lexicon knows, or that the document writes elsewhere, may end a word of its own.
    words = document_words(["Vårdrelaterade infektioner", "Arbete mot vårdrelaterade infektioner"])
    assert not is_cut_word("Vårdrelaterade", "infektioner", words=words)


@pytest.mark.parametrize(("line", "below"), [
    ("https://www.1177.se/regionexempel/fast-lakarkontakt", "under december."),
    ("https://vardgivare.regionexempel.se/vardriktlinjer/digitala-vardmoten", "och har presenterats"),
    ("https://intra.regionexempel.se/hr/riktlinjer", "på intranätet"),
])
def test_an_address_that_filled_its_line_ends_where_the_prose_after_it_starts(line: str, below: str) -> None:
    assert not is_cut_word(line, below)


def test_the_rest_of_an_address_is_no_prose_word() -> None:
    assert is_cut_word("https://intra.regionexempel.se/hr/riktlinjer/halsosa", "mma-scheman-heltid.")
    assert is_cut_word("https://vardgivare.regionexempel.se/vardriktlinjer/digit", "ala-vardmoten och")
    assert is_cut_word("https://vardgivare.regionexempel.se/v", "ardriktlinjer")
