"""How a producer draws its hyphens tells the layout's from the author's, when the report shows it does.

LibreOffice draws a hyphen it adds at a line end by a text operator of its own and a typed one with
its word; WeasyPrint draws both with the word and Chromium both apart. The report's certain cases
decide whether the drawing is believed (normalize/hyphen_drawing.py).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from followup.normalize.hyphen_drawing import (
    drawing_tells_hyphenation,
    hyphenates_nothing,
    is_certain_break,
    is_certain_typed,
)
from followup.normalize.linebreaks import repair_text, swedish_lexicon
from followup.pipeline import extract_document
from followup.schemas import LineEnd

REPO = Path(__file__).resolve().parents[2]


def _end(line: str, below: str, drawn: str | None) -> LineEnd:
    return LineEnd(line=line, next=below, fits=0, drawn=drawn)


# A LibreOffice report: its own hyphens apart, the author's "Verksamhets-" with the word.
LIBREOFFICE = [_end("Uppföljningen visar att samtli-", "ga enheter", "apart"),
               _end("under projek-", "tet har", "apart"),
               _end("Verksamhets-", "chef VO Medicin", "with_word")]


def test_a_report_drawing_its_own_hyphens_apart_and_typed_ones_with_the_word_is_believed():
    assert drawing_tells_hyphenation(LIBREOFFICE)


def test_one_certain_break_drawn_apart_is_not_yet_a_habit():
    assert not drawing_tells_hyphenation(LIBREOFFICE[1:])


def test_a_certain_break_drawn_with_its_word_means_the_producer_draws_every_hyphen_so():
    # WeasyPrint: hyphenation and typed hyphens alike in the word's operator.
    assert not drawing_tells_hyphenation([*LIBREOFFICE, _end("patien-", "terna väntar", "with_word")])


def test_a_typed_hyphen_drawn_apart_means_apart_says_nothing():
    # Chromium draws "HR-" apart from "HR": apart is not the layout's mark there.
    assert not drawing_tells_hyphenation([*LIBREOFFICE, _end("med HR-", "partner", "apart")])


def test_without_a_hyphen_drawn_with_its_word_there_is_nothing_to_decide():
    assert not drawing_tells_hyphenation(LIBREOFFICE[:2])


@pytest.mark.parametrize(("line", "below", "certain"), [
    ("samtli-", "ga", True),          # "samtli" is no word and begins no compound
    ("Verksamhets-", "chef", False),  # a compound's first part: the author may have typed it
    ("vård-", "planering", False),    # a word on its own
    ("IT-", "stöd", False),
])
def test_a_certain_break_is_a_piece_only_hyphenation_explains(line, below, certain):
    assert is_certain_break(line, below, swedish_lexicon()) is certain


@pytest.mark.parametrize(("line", "below", "typed"), [
    ("IT-", "stöd", True), ("2024-", "06-01", True), ("e-", "tjänster", True), ("vård-", "planering", False),
    ("FÖRSE-", "NAD", False), ("EJ PÅ-", "BÖRJAD", False),  # a word in capitals, broken like any other
])
def test_a_certain_typed_hyphen_follows_an_acronym_a_digit_or_one_letter(line, below, typed):
    assert is_certain_typed(line, below) is typed


def test_the_drawing_decides_before_the_lexicon():
    text = "Verksamhets-\nchef VO Medicin"
    assert repair_text(text) == "Verksamhetschef VO Medicin"
    assert repair_text(text, drawn={("Verksamhets-", "chef VO Medicin"): "with_word"}) == "Verksamhets-chef VO Medicin"
    address = "https://vardgivare.regionexempel.se/vard-\nriktlinjer/digitala-vardmoten."
    drawn = {("https://vardgivare.regionexempel.se/vard-", "riktlinjer/digitala-vardmoten."): "apart"}
    assert repair_text(address, drawn=drawn) == "https://vardgivare.regionexempel.se/vardriktlinjer/digitala-vardmoten."


def test_a_libreoffice_report_keeps_the_hyphen_its_author_typed_at_a_line_end():
    # The corpus variant prints "Verksamhets-" / "chef" twice: once typed, once LibreOffice's own.
    document = extract_document(REPO / "samples/corpus/pdf/vastkust-2024-06-word-extras-theme.pdf")
    responsibles = [a.responsible.text for a in document.activities if a.responsible]
    assert "Verksamhets-chef VO Medicin" in responsibles
    assert "Verksamhetschef Ortopedi i samråd med produktionsplanerare" in responsibles


# A browser printing without hyphenation: every line-end hyphen is one the author typed.
TYPED_ONLY = [_end("Verksamhets-", "chef VO Medicin", None), _end("1177-", "ärenden", None),
              _end("Hälso-", "centralen", None), _end("senast 2024-", "06-01", None),
              _end("https://intra.regionexempel.se/senior-alert-", "riskbedomning", None)]


def test_a_report_whose_line_end_hyphens_include_no_certain_break_hyphenates_nothing() -> None:
    assert hyphenates_nothing(TYPED_ONLY)
    # Too few to tell: a short report's hyphenation may all have fallen at compound seams.
    assert not hyphenates_nothing(TYPED_ONLY[:4])
    # One certain break (WeasyPrint's U+2010 counts as its hyphen) shows the producer hyphenates.
    assert not hyphenates_nothing([*TYPED_ONLY, _end("Uppföljningen visar att samtli-", "ga enheter", None)])
    assert not hyphenates_nothing([*TYPED_ONLY, _end("Uppföljningen visar att samtli\u2010", "ga enheter", None)])


def test_a_certain_break_may_end_in_the_producers_own_hyphen():
    lexicon = swedish_lexicon()
    assert is_certain_break("Uppföljningen visar att samtli\u2010", "ga enheter", lexicon)
    assert is_certain_break("Uppföljningen visar att samtli-", "ga enheter", lexicon)
