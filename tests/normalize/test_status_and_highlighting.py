"""A status word decides first, then the legend's colour, then the hue; styling is not highlighting.

Unit cases, then the fixtures of tests/extract/data (render_layout_quirks.py) read end to end.
"""
from pathlib import Path

import pytest

from followup.normalize.highlighting import highlighted_rows
from followup.normalize.status import colour_status, status_of_cell
from followup.normalize.vocabulary import load_vocabulary
from followup.pipeline import extract_document
from followup.schemas.raw import LegendEntry

DATA = Path(__file__).parent.parent / "extract" / "data"
# An Office theme legend: blue done, green in progress, orange delayed.
THEME_LEGEND = [LegendEntry(label="Klart", colour="#4472C4"), LegendEntry(label="Pågår", colour="#70AD47"),
                LegendEntry(label="Försenat", colour="#ED7D31")]


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


@pytest.mark.parametrize("word, status", [
    ("Klar", "done"), ("Klart", "done"), ("Genomförd", "done"), ("Slutförd", "done"),
    ("Pågår", "in_progress"), ("Pågående", "in_progress"), ("Enligt plan", "in_progress"),
    ("Försenad", "delayed"), ("Försenat", "delayed"),
    ("Grön", "done"), ("Gul", "in_progress"), ("Röd", "delayed"),
])
def test_a_status_word_in_the_status_cell_decides_before_its_colour(word, status, vocabulary):
    # a red cell says delayed, a green one done: the word wins either way
    assert status_of_cell(word, "#FF0000", [], vocabulary) == (status, "text")
    assert status_of_cell(word, "#4472C4", THEME_LEGEND, vocabulary) == (status, "text")


@pytest.mark.parametrize("word, status", [
    ("KLAR", "done"), ("PÅGÅR", "in_progress"), ("FÖRSENAD", "delayed"),
    ("FÖRSE-\nNAD", "delayed"), ("Pågå\u2010\nende", "in_progress"),
    ("Förs.", "delayed"), ("Påg.", "in_progress"), ("Klart", "done"),
])
def test_status_words_in_capitals_abbreviated_or_hyphenated_in_a_narrow_cell(word, status, vocabulary):
    assert status_of_cell(word, "#FF0000", [], vocabulary) == (status, "text")


@pytest.mark.parametrize("word", ["Ej påbörjad", "Ej påbörjat", "ej påbörjad", "Ej startat", "Ej påb.", "EJ PÅ-\nBÖRJAD"])
def test_not_started_is_no_status_but_a_decided_one(word, vocabulary):
    assert status_of_cell(word, None, [], vocabulary) == (None, "text")
    assert status_of_cell(word, "#FF0000", [], vocabulary) == (None, "text")


def test_without_a_word_the_legend_decides_whatever_its_palette(vocabulary):
    assert status_of_cell("", "#4472C4", THEME_LEGEND, vocabulary) == ("done", "colour")
    # green is "in progress" in this legend although its hue says done; orange is delayed
    assert status_of_cell("", "#70AD47", THEME_LEGEND, vocabulary) == ("in_progress", "colour")
    assert status_of_cell(None, "#ED7D31", THEME_LEGEND, vocabulary) == ("delayed", "colour")
    # a print of the same theme colour a little off, or a lighter tint of it, is still that colour
    assert colour_status("#6FAC46", THEME_LEGEND, vocabulary) == ("in_progress", "colour")
    assert colour_status("#A9D18E", THEME_LEGEND, vocabulary) == ("in_progress", "colour")
    assert colour_status("#8FAADC", THEME_LEGEND, vocabulary) == ("done", "colour")


def test_without_a_legend_the_hue_decides_and_says_so(vocabulary):
    assert colour_status("#00B050", [], vocabulary) == ("done", "hue")
    assert colour_status("#FFC000", [], vocabulary) == ("in_progress", "hue")
    assert colour_status("#FF0000", [], vocabulary) == ("delayed", "hue")


def test_a_legend_that_gives_a_status_another_colour_overrules_the_hue(vocabulary):
    # green far from every legend colour: the legend's "done" is blue, so green is not done
    assert colour_status("#00FF00", THEME_LEGEND, vocabulary) == (None, None)
    # a legend without a delayed entry leaves red to its hue
    partial = THEME_LEGEND[:2]
    assert colour_status("#FF0000", partial, vocabulary) == ("delayed", "hue")


@pytest.mark.parametrize("colour", [None, "#FFFFFF", "#D9D9D9", "#000000"])
def test_no_colour_or_a_neutral_one_and_no_word_is_no_status(colour, vocabulary):
    assert status_of_cell("", colour, THEME_LEGEND, vocabulary) == (None, None)


Y, G, B = "#FFFF00", "#F2F2F2", "#D9E2F3"  # yellow highlight, grey zebra, light blue zebra


@pytest.mark.parametrize("fills, highlighted", [
    ([None, G, None, G, None, G], [False] * 6),  # grey stripes
    ([None, B, None, B, None, B, None, B], [False] * 8),  # chromatic stripes
    ([None, B, Y, B, None, B, None, B], [False, False, True, False, False, False, False, False]),
    ([B, B, B, B, B], [False] * 5),  # every row shaded: the table's background
    ([Y, Y, None, None], [True, True, False, False]),  # two yellow rows of four are still highlights
    ([Y, Y, None, Y], [True, True, False, True]),  # and so are three
    ([Y, None], [True, False]),  # too few rows for a pattern
    ([Y, Y, Y] + [None] * 15 + [Y], [True] * 3 + [False] * 15 + [True]),
    ([None, B, None, Y, None, B, None, B], [False, False, False, True, False, False, False, False]),
])
def test_a_row_is_highlighted_only_when_its_shading_stands_out_from_the_table(fills, highlighted):
    assert highlighted_rows(fills) == highlighted


def test_coloured_status_labels_with_words_and_zebra_rows():
    """Chromium: "Klar", "Enligt plan" (on green), "Försenad" (on amber), "Ej påbörjad" (on grey),
    every other row light blue, a dark header, no legend."""
    document = extract_document(DATA / "status-word-labels.pdf")
    cycle = [("done", "text"), ("in_progress", "text"), ("delayed", "text"), (None, "text")]
    assert [(a.status, a.status_source) for a in document.activities] == (cycle * 3)[:10]
    assert not any(a.highlighted for a in document.activities)
    assert not [w for w in document.warnings if w.code == "status_colour_unknown"]


def test_theme_legend_colours_are_read_through_the_legend():
    document = extract_document(DATA / "theme-legend.pdf")
    active = [a for a in document.activities if a.section == "active"]
    assert [(a.status, a.status_source) for a in active] == [
        ("in_progress", "colour"), ("delayed", "colour"), ("in_progress", "colour"), ("done", "colour")]
    done = [a for a in document.activities if a.section == "done"]
    assert {a.status for a in done} == {"done"}
    assert [a.highlighted for a in done] == [False, True, False, False, False]


def test_without_a_legend_the_status_cells_hue_decides():
    document = extract_document(DATA / "no-legend-hue.pdf")
    assert [(a.status, a.status_source) for a in document.activities] == [
        ("in_progress", "hue"), ("delayed", "hue"), ("in_progress", "hue"), ("done", "hue")]


def test_header_shading_and_zebra_rows_are_no_highlight_but_a_yellow_row_is():
    document = extract_document(DATA / "zebra-and-header-shading.pdf")
    active = [a for a in document.activities if a.section == "active"]
    done = [a for a in document.activities if a.section == "done"]
    assert len(active) == 8 and not any(a.highlighted for a in active)
    assert [a.highlighted for a in done] == [False, False, True] + [False] * 5


def test_a_table_style_bands_its_group_rows_too_and_its_bands_are_no_highlight():
    # Word's "Light Grid" bands every row of the table: with a group row above rows 1, 3, 5 and 7
    # the activity rows' bands fall in pairs, which is the style's rhythm once the group rows are
    # put back in their places. A yellow row is still a highlight.
    band, yellow = "#D3DFEE", "#FFFF00"
    fills = [None, None, band, band, None, None, band, band, None]
    starts = [True, True, False, True, False, True, False, True, False]
    assert highlighted_rows(fills) == [False, False, True, True, False, False, True, True, False]
    assert highlighted_rows(fills, starts) == [False] * 9
    assert highlighted_rows([*fills[:8], yellow], starts)[-1]

