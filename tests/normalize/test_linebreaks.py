"""Line-break repair, rule by rule, with examples from the seed report and issue 3."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.normalize.linebreaks import document_words, repair_text, resolve_line_end_hyphen, swedish_lexicon


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("80% av patien-", "terna ska"),
        ("VO Planerade Operat-", "ioner har under"),
        ("berörda yrkesgrup-", "per samt informat-"),
        ("samt informat-", "ionskampanjer"),
        ("LiL ligger på drygt 70% självin-", "checkning."),
        ("(med stöd av specialistfunkt-", "ion)"),
        ("Verksamhets-", "chef i samråd"),
        ("Sus/program-", "kontor digitali-"),
        ("ut-", "bildningar"),
        ("Identifiering av patientgrupper har ge-", "nomförts."),
    ],
)
def test_a_hyphenation_hyphen_is_dropped(before: str, after: str) -> None:
    assert resolve_line_end_hyphen(before, after) == "join"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Behövs ett tydligare SKALL-", "krav från VC"),
        ("Tillse att det finns kunniga 1177-", "adm"),
        ("nytt IT-", "stöd"),
        ("antalet 1177-", "ärenden"),
        ("av e-", "tjänster via 1177"),
        ("under covid-", "19-pandemin"),
        ("implementerat hela LiL 2024-", "06-01"),
        ("Ögonmottagningen klar med identifiering 2021-", "12-31"),
        ("alla SV-", "avd."),
        ("andel MSI-", "incheckningar"),
        ("bemanning av ssk-", "tjänster"),
        ("bokar op-", "tid"),
        ("den nya drop-", "in-mottagningen"),
        ("perioden jan-", "okt"),
    ],
)
def test_a_real_hyphen_is_kept_and_joined(before: str, after: str) -> None:
    assert resolve_line_end_hyphen(before, after) == "keep"


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("Använda Stöd-", "och behandlingsplattformen"),
        ("inom hälso-", "och sjukvården"),
        ("Kirurgi-", "och urologimottagningen"),
        ("möjliga att av-", "och omboka själva"),
        ("ut till verksamhets-", "och enhetschefer"),
        ("kvalitets-", "eller patientsäkerhetsfrågor"),
        ("barn-", "samt ungdomsmottagningen"),
        ("lång-", "samt kortsiktiga mål"),
        ("inom diabetesmott -", "Nytt slutdatum"),
    ],
)
def test_a_suspended_compound_keeps_hyphen_and_space(before: str, after: str) -> None:
    assert resolve_line_end_hyphen(before, after) == "suspended"


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("röra sig lång-", "samt framåt", "långsamt"),
        ("har gemen-", "samt tagit fram", "gemensamt"),
    ],
)
def test_a_conjunction_that_completes_a_word_is_joined(before: str, after: str, joined: str) -> None:
    assert resolve_line_end_hyphen(before, after) == "join"
    assert joined in repair_text(f"{before}\n{after}")


def test_the_triple_consonant_is_simplified_in_established_words_only() -> None:
    assert repair_text("för att till-\nlåta fler") == "för att tillåta fler"
    assert repair_text("en ny buss-\nstation") == "en ny busstation"
    # A compound formed freely keeps all three (Svenska skrivregler): "stress" + "syndrom".
    assert repair_text("posttraumatiskt stress-\nsyndrom ska") == "posttraumatiskt stresssyndrom ska"


def test_a_closed_swedish_word_wins_over_a_hyphenated_dictionary_entry() -> None:
    # hunspell sv_SE lists "för-slag" beside "förslag"; "drop-in" has no Swedish first part.
    assert repair_text("stödfunktioner. För-\nslag på ny") == "stödfunktioner. Förslag på ny"
    assert repair_text("den nya drop-\nin mottagningen") == "den nya drop-in mottagningen"


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        ("har inte kunnat införas efter-\nsom telefonisystemet byts", "har inte kunnat införas eftersom telefonisystemet byts"),
        ("för såväl läkar-\nsom sjuksköterskeprofessionen", "för såväl läkar- som sjuksköterskeprofessionen"),
        ("för såväl\nläkar-\nsom sjuksköterskor", "för såväl läkar- som sjuksköterskor"),
    ],
)
def test_som_continues_a_suspension_only_after_saval(printed: str, repaired: str) -> None:
    assert repair_text(printed) == repaired


@pytest.mark.parametrize(
    ("printed", "repaired"),
    [
        ("80% av patien-\nterna", "80% av patienterna"),
        ("(med stöd av\nspecialist-funkt-\nion)", "(med stöd av specialist-funktion)"),
        ("enhetschef\nÖgon-mottag-\nningen", "enhetschef Ögon-mottagningen"),
        ("Verksamhets-\nchef i samråd", "Verksamhetschef i samråd"),
        ("Verksamhets- \nchef i samråd", "Verksamhetschef i samråd"),
        ("Verksamhets\nchef", "Verksamhets chef"),
        ("ett tydligare SKALL-\nkrav från VC", "ett tydligare SKALL-krav från VC"),
        ("kunniga 1177-\nadm", "kunniga 1177-adm"),
        ("Använda Stöd-\noch behandlings-\nplattformen i 1177", "Använda Stöd- och behandlingsplattformen i 1177"),
        ("Digitalt möte, utbild-\nning och implemen-\nterat hela LiL 2024-\n06-01",
         "Digitalt möte, utbildning och implementerat hela LiL 2024-06-01"),
        ("beslutade hälso-och\nsjukvårdsledningen", "beslutade hälso- och sjukvårdsledningen"),
        ("verk-\nsamhets- och en-\nhetschefer", "verksamhets- och enhetschefer"),
    ],
)
def test_the_seed_report_is_repaired_like_the_gold(printed: str, repaired: str) -> None:
    assert repair_text(printed) == repaired


def test_whitespace_is_collapsed_inside_lines() -> None:
    assert repair_text("  En  del\tmottagningar   är\ni gång  ") == "En del mottagningar är i gång"


def test_paragraphs_become_lines() -> None:
    text = "Pågår.\n\nAvd. 2 har deltagit\nsom en pilot.\n \nKvarstår ÖV."
    assert repair_text(text) == "Pågår.\nAvd. 2 har deltagit som en pilot.\nKvarstår ÖV."


def test_a_bullet_starts_a_new_line_and_is_kept() -> None:
    text = (
        "*Deltagande i\nmastersarbete\n* Följa den region-\nala handlingsplanen\n"
        "• Sprida handlings-\nplanen\n– Tillse att\n- det finns"
    )
    assert repair_text(text).split("\n") == [
        "*Deltagande i mastersarbete",
        "* Följa den regionala handlingsplanen",
        "• Sprida handlingsplanen",
        "– Tillse att",
        "- det finns",
    ]


def test_a_dash_without_space_is_not_a_bullet() -> None:
    assert repair_text("barn- och\n-tandvård") == "barn- och -tandvård"


def test_a_soft_hyphen_character_always_joins() -> None:
    assert repair_text("SKALL\u00ad\nkrav") == "SKALLkrav"


def test_empty_text_gives_empty_text() -> None:
    assert repair_text("") == ""
    assert repair_text(" \n\n \n") == ""


def test_the_lexicon_knows_words_compounds_and_triple_consonants() -> None:
    lexicon = swedish_lexicon()
    assert lexicon.is_word("patienterna")
    assert lexicon.is_word("verksamhetschef")
    assert lexicon.is_compound("ögonmottagningen")
    assert lexicon.is_word("tillåta")
    assert not lexicon.is_word("hälsooch")
    assert not lexicon.is_word("skallkrav")


lines = st.lists(
    st.text(alphabet="abcdeåäöSKALL1177- •*–\t", min_size=0, max_size=25), max_size=8
)


@settings(max_examples=200, deadline=None)
@given(lines)
def test_repair_never_raises_and_is_idempotent(text_lines: list[str]) -> None:
    repaired = repair_text("\n".join(text_lines))
    assert all(repair_text(line) == line for line in repaired.split("\n"))
    if "\n" not in repaired:
        assert repair_text(repaired) == repaired


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_repair_never_raises_on_any_text(text: str) -> None:
    repair_text(text)


address_lines = st.lists(
    st.text(alphabet="abssnlå.@/:-1 \u2010", min_size=0, max_size=20), max_size=6
)


@settings(max_examples=200, deadline=None)
@given(address_lines)
def test_repair_never_raises_on_address_like_text(text_lines: list[str]) -> None:
    text = "\n".join(text_lines)
    repair_text(text)
    repair_text(text, marked_hyphenation=True, document=document_words([text, text.upper()]))


def test_an_address_broken_before_its_own_hyphen_is_joined_whole():
    # Typst breaks a web address before one of its hyphens: the next line starts "-rutin".
    text = "Rutinen finns på https://intranat.regionexempel.se/\nhamnstad/medicin/direktinlaggning\n-rutin. Den revideras."
    assert repair_text(text) == ("Rutinen finns på https://intranat.regionexempel.se/hamnstad/medicin/"
                                 "direktinlaggning-rutin. Den revideras.")


def test_a_line_starting_with_a_hyphen_after_prose_is_not_an_address():
    assert repair_text("Kvarstående:\n-rutin saknas") == "Kvarstående: -rutin saknas"


def test_a_word_hyphenated_over_three_lines_is_judged_whole():
    # Typst in a narrow A5 cell: "Vår-" + "dadminist-" + "rativa"; the middle piece is no word's part
    # by itself, but "Vårdadminist-" + "rativa" is one word.
    assert repair_text("Enhets-\nchef Vår-\ndadminist-\nrativa en-\nheten") == "Enhetschef Vårdadministrativa enheten"
    assert repair_text("Kliniskt trä-\nningscent-\nrum.") == "Kliniskt träningscentrum."


def test_an_address_broken_after_a_period_keeps_its_hyphen_further_on():
    # Typst breaks an address after a period too; the hyphen two lines on is the address's own.
    text = "Riktlinjen finns på https://\nvardgivare.regionexempel.\nse/vardriktlinjer/digitala-\nvardmoten och"
    assert repair_text(text) == "Riktlinjen finns på https://vardgivare.regionexempel.se/vardriktlinjer/digitala-vardmoten och"


def test_a_sentence_ending_on_a_line_of_its_own_is_no_address():
    assert repair_text("Det är klart.\nNästa.\nvård-\ncentral finns.") == "Det är klart. Nästa. vårdcentral finns."
