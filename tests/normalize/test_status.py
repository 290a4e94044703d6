"""Status from colour (through the legend) or from text (normalize/status.py)."""
from __future__ import annotations

import pytest

from followup.normalize.status import status_from_colour, status_from_text, status_of_label
from followup.normalize.vocabulary import load_vocabulary
from followup.schemas.raw import LegendEntry

WORD_LEGEND = [LegendEntry(label="KLART", colour="#92D050"), LegendEntry(label="ARBETE PÅGÅR", colour="#FFC000"),
               LegendEntry(label="FÖRSENAT", colour="#C00000")]


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


@pytest.mark.parametrize("colour, status", [("#92D050", "done"), ("#FFC000", "in_progress"), ("#C00000", "delayed")])
def test_the_legend_colours_map_to_their_labels(colour, status, vocabulary):
    assert status_from_colour(colour, WORD_LEGEND, vocabulary) == status


def test_a_legend_decides_even_against_the_hue(vocabulary):
    # a report whose legend paints done blue and delayed purple
    legend = [LegendEntry(label="Klart", colour="#0070C0"), LegendEntry(label="Försenat", colour="#7030A0")]
    assert status_from_colour("#0072C2", legend, vocabulary) == "done"
    assert status_from_colour("#7030A0", legend, vocabulary) == "delayed"


def test_a_colour_far_from_every_legend_colour_falls_back_to_its_hue(vocabulary):
    legend = [LegendEntry(label="Klart", colour="#0070C0")]
    assert status_from_colour("#FF0000", legend, vocabulary) == "delayed"


@pytest.mark.parametrize("colour, status", [
    ("#00B050", "done"), ("#FFFF00", "in_progress"), ("#FFC000", "in_progress"), ("#FF0000", "delayed"),
    ("#C6EFCE", "done"), ("#FFC7CE", "delayed"), ("#375623", "done"),
])
def test_without_a_legend_the_hue_decides(colour, status, vocabulary):
    assert status_from_colour(colour, [], vocabulary) == status


@pytest.mark.parametrize("colour", [None, "#FFFFFF", "#BFBFBF", "#000000", "not a colour"])
def test_no_colour_or_a_neutral_one_is_no_status(colour, vocabulary):
    assert status_from_colour(colour, WORD_LEGEND, vocabulary) is None
    assert status_from_colour(colour, [], vocabulary) is None


def test_a_legend_entry_whose_label_is_unknown_is_ignored(vocabulary):
    legend = [LegendEntry(label="Övrigt", colour="#FF0000")]
    assert status_from_colour("#FF0000", legend, vocabulary) == "delayed"


@pytest.mark.parametrize("label, status", [("KLART", "done"), ("ARBETE PÅGÅR", "in_progress"), ("FÖRSENAT", "delayed"),
                                           ("Klart ", "done"), ("okänt", None)])
def test_legend_labels(label, status, vocabulary):
    assert status_of_label(label, vocabulary) == status


@pytest.mark.parametrize("note, status", [
    ("Klart 2023-11-30\n1177-basutbud infört", "done"),
    ("22-10-03 KLART\n\nIdentifiering av patientgrupper har gjorts", "done"),
    ("KLART. \n\nWebbtidbok är implementerad.", "done"),
    ("Pågår.\n\nAvd. 2 har deltagit som en pilot.", "in_progress"),
    ("Arbete pågår, bedöms röra sig långsamt framåt", "in_progress"),
    ("Arbete pågår men tar tid!", "in_progress"),
    ("Försenat på grund av SDV.", "delayed"),
    ("Identifiering av patientgrupper har genomförts. Blev inte av! Fortsatt röd", "delayed"),
])
def test_status_stated_at_the_start_of_a_sentence(note, status, vocabulary):
    assert status_from_text(note, vocabulary) == status


@pytest.mark.parametrize("note", [
    "Utbildning av fler vårdadministratörer. Utbildning pågår.",  # a part of the work, not the row
    "Klara aktiviteter återfinns sist",  # "Klara" is not the label "Klar"
    "Ej klart",
    "",
    None,
])
def test_text_without_a_stated_status(note, vocabulary):
    assert status_from_text(note, vocabulary) is None
