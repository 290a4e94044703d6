"""Line-break repair, issue 15 and issue 9 item 6: the document's own spelling, abbreviations and
function words before a hyphen, pieces of long words, URLs and e-mail addresses."""

import pytest

from followup.normalize.linebreaks import document_words, repair_text, resolve_line_end_hyphen, swedish_lexicon


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        ("Se https://vardgivare.region-exempel.se/\nriktlinjer/digitala-vardmoten för mer",
         "Se https://vardgivare.region-exempel.se/riktlinjer/digitala-vardmoten för mer"),
        ("Skriv till fornamn.efternamn@\nregion-exempel.se i god tid",
         "Skriv till fornamn.efternamn@region-exempel.se i god tid"),
        ("Se https://vardgivare.region-\nexempel.se/riktlinjer", "Se https://vardgivare.region-exempel.se/riktlinjer"),
        ("Se https://vardgivare.region-exempel.se/riktlin-\njer/digitala-vardmoten",
         "Se https://vardgivare.region-exempel.se/riktlinjer/digitala-vardmoten"),
        ("Se https://vardgivare.region-exempel.se/riktlinjer/digitala-\nvardmoten",
         "Se https://vardgivare.region-exempel.se/riktlinjer/digitala-vardmoten"),
        ("fråga lars-\nerik.holm@region-exempel.se", "fråga lars-erik.holm@region-exempel.se"),
        ("skickas till fornamn.ef-\nternamn@region-exem-\npel.se", "skickas till fornamn.efternamn@region-exempel.se"),
        # LibreOffice hyphenates next to a period inside an address.
        ("Skriv till digitalisering-\n.kirurgi@region-exempel.se", "Skriv till digitalisering.kirurgi@region-exempel.se"),
        ("Skriv till vardadress-\n.kirurgi@region-exempel.se", "Skriv till vardadress.kirurgi@region-exempel.se"),
        ("Se https://www.-\nregion-exempel.se/riktlinjer", "Se https://www.region-exempel.se/riktlinjer"),
        ("nås på forskningsstod@-\nregion-exempel.se, och", "nås på forskningsstod@region-exempel.se, och"),
        ("finns på https://www.\n1177.se/vaccinationer", "finns på https://www.1177.se/vaccinationer"),
        # A line inside an address is judged with the address's beginning in view.
        ("https://intranat.region-exempel.se/verksamhet/\nrutiner-for-inskrivning-\noch-overflyttning.",
         "https://intranat.region-exempel.se/verksamhet/rutiner-for-inskrivning-och-overflyttning."),
        ("https://www.region-exempel.se/forskning/\nhemmonitorering-vid-hj-\nartsvikt/slutrapport.",
         "https://www.region-exempel.se/forskning/hemmonitorering-vid-hjartsvikt/slutrapport."),
        ("Information finns på https://www.region-\nexempel.se/smittskydd/\nkikhosta-information-\ntill-vardnadshavare.",
         "Information finns på https://www.region-exempel.se/smittskydd/kikhosta-information-till-vardnadshavare."),
    ],
)
def test_addresses_come_out_exactly_as_written(printed: str, repaired: str) -> None:
    assert repair_text(printed) == repaired


def test_an_address_hyphenated_by_weasyprint_joins_where_the_report_marks_hyphenation() -> None:
    printed = "Se https://vardgivare.region-exempel.se/riktlinjer/digitala-vard\u2010\nmoten"
    repaired = "Se https://vardgivare.region-exempel.se/riktlinjer/digitala-vardmoten"
    assert repair_text(printed, marked_hyphenation=True) == repaired


def test_a_sentence_that_ends_after_an_address_keeps_its_space() -> None:
    assert repair_text("Läs mer på www.1177.se.\nDär finns") == "Läs mer på www.1177.se. Där finns"


def test_an_abbreviation_before_a_word_that_is_also_a_domain_is_prose() -> None:
    assert repair_text("gäller bl.a.\nnu även") == "gäller bl.a. nu även"


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        ("Särskilt adm.-\npersonalen och", "Särskilt adm.-personalen och"),
        ("rutin för tel.-\ntiderna", "rutin för tel.-tiderna"),
        ("adm.-\noch ekonomipersonalen", "adm.- och ekonomipersonalen"),
        ("vi arbetar så-\nsom tidigare", "vi arbetar såsom tidigare"),
        ("vi arbetar så-\nsom sjuksköterskor gör", "vi arbetar såsom sjuksköterskor gör"),
        ("lik-\nsom tidigare", "liksom tidigare"),
        ("såväl sjuk-\nsom tandvård", "såväl sjuk- som tandvård"),
        ("icke-\nakuta besök", "icke-akuta besök"),
    ],
)
def test_abbreviations_and_function_words_before_a_hyphen(printed: str, repaired: str) -> None:
    assert repair_text(printed) == repaired


@pytest.mark.parametrize(
    ("before", "after"),
    [("brister i in-", "formationsö-"), ("sjuksköterske- som un-", "dersköterskebeman-"), ("till di-", "gita-")],
)
def test_a_piece_that_starts_a_known_word_joins(before: str, after: str) -> None:
    assert resolve_line_end_hyphen(before, after) == "join"


def test_the_lexicon_knows_how_words_and_compounds_begin() -> None:
    lexicon = swedish_lexicon()
    assert lexicon.begins_word("informationsö")
    assert lexicon.begins_word("incheckningsautoma")
    assert not lexicon.begins_word("xqzv")


def test_the_document_spelling_of_a_compound_decides_its_line_end_hyphen() -> None:
    hyphenated = document_words(["Alla röntgen-remisser granskas.", "En ny\nvård-planering"])
    closed = document_words(["Alla röntgenremisser granskas."])
    assert repair_text("en röntgen-\nremiss till", document=hyphenated) == "en röntgen-remiss till"
    assert repair_text("en röntgen-\nremiss till", document=closed) == "en röntgenremiss till"
    assert repair_text("en röntgen-\nremiss till") == "en röntgenremiss till"
    # An inflected form counts.
    assert repair_text("den gemensamma vård-\nplaneringen", document=hyphenated).endswith("vård-planeringen")


def test_a_first_element_the_author_hyphenates_elsewhere_keeps_its_hyphen() -> None:
    habit = document_words(["Stroke-vården har infört en ny rutin."])
    assert repair_text("patientens hem. Stroke-\nteamets utvärdering", document=habit) == (
        "patientens hem. Stroke-teamets utvärdering"
    )
    assert repair_text("patientens hem. Stroke-\nteamets utvärdering") == "patientens hem. Stroketeamets utvärdering"
    # Closed compounds on the same first element weigh against the habit.
    both = document_words(["En ny vård-planering.", "Fler vårdcentraler och vårdplatser."])
    assert repair_text("ett vård-\nprogram", document=both) == "ett vårdprogram"
    assert repair_text("ett vård-\nprogram", document=document_words(["vård-planering"])) == "ett vård-program"


def test_a_last_element_the_author_hyphenates_in_a_parallel_compound_keeps_its_hyphen() -> None:
    habit = document_words(["Vid hemgång hålls utskrivnings-samtalet med patienten."])
    assert repair_text("planerat. Inskrivnings-\nsamtalet ska", document=habit) == (
        "planerat. Inskrivnings-samtalet ska"
    )
    assert repair_text("planerat. Inskrivnings-\nsamtalet ska") == "planerat. Inskrivningssamtalet ska"


def test_a_last_element_after_a_first_element_of_another_kind_says_nothing() -> None:
    # "vård-programmet" is no parallel of "åtgärds-" + "program": the first elements end unlike.
    words = document_words(["Det regionala vård-programmet och screening-programmet."])
    assert words.last_element_spelling("åtgärds", "program") is None
    assert repair_text("ett särskilt åtgärds-\nprogram har startats", document=words) == (
        "ett särskilt åtgärdsprogram har startats"
    )


def test_closed_parallel_compounds_weigh_against_the_last_element_habit() -> None:
    both = document_words(["utskrivnings-samtalet, avslutningssamtalet och uppföljningssamtalen"])
    assert both.last_element_spelling("inskrivnings", "samtalet") == "closed"
    assert repair_text("Inskrivnings-\nsamtalet ska", document=both) == "Inskrivningssamtalet ska"


def test_an_e_mail_local_part_keeps_the_hyphen_of_a_name_the_document_writes_in_its_prose() -> None:
    # Case-insensitively: the prose's "Maj-Britt" decides the address's "maj-" + "britt".
    words = document_words(["Kontakta Maj-Britt Sandberg vid frågor."])
    assert repair_text("skriv till maj-\nbritt.sandberg@region-exempel.se", document=words) == (
        "skriv till maj-britt.sandberg@region-exempel.se"
    )


def test_a_document_that_writes_a_compound_both_ways_leaves_the_lexicon_to_decide() -> None:
    both = document_words(["röntgen-remisser och röntgenremisser"])
    assert both.spelling("röntgen", "remiss") is None


def test_pieces_at_line_ends_count_but_not_as_whole_words() -> None:
    words = document_words(["en ny mottagnings-sköters-\nka och patien-\nterna"])
    assert words.spelling("mottagnings", "sköterskor") == "hyphenated"
    assert words.spelling("patien", "terna") is None


def test_an_unknown_abbreviation_before_a_word_the_document_writes_after_a_hyphen_is_kept() -> None:
    words = document_words(["både ssk-ombuden och"])
    assert repair_text("och usk-\nombuden ansvarar", document=words) == "och usk-ombuden ansvarar"


def test_a_seam_the_hyphenation_patterns_never_break_keeps_its_hyphen() -> None:
    assert resolve_line_end_hyphen("blev 58 procent. Patient-", "enkäten visar") == "keep"


def test_a_report_repairs_its_cells_with_its_own_spelling() -> None:
    from followup.normalize.document import build_document
    from followup.normalize.vocabulary import load_vocabulary
    from followup.schemas import RawCell, RawDocument, RawRow, RawTable

    def row(action: str) -> RawRow:
        return RawRow(cells={"area": RawCell(text="Röntgen"), "action": RawCell(text=action)}, pages=[1])

    table = RawTable(section="active", columns=["area", "action"], rows=[
        row("Alla röntgen-remisser granskas av en röntgensjuksköterska."),
        row("Varje röntgen-\nremiss prioriteras och varje röntgen-\nsjuksköterska deltar."),
    ])
    raw = RawDocument(file="rapport.pdf", sha256="0" * 64, pages=1, title="Uppföljning", preamble=[],
                      milestones=[], legend=[], tables=[table])
    document = build_document(raw, load_vocabulary())
    assert document.activities[1].action == "Varje röntgen-remiss prioriteras och varje röntgensjuksköterska deltar."
