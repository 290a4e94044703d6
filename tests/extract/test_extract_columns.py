"""Columns come from the header, whatever set of columns a report has and in whatever order.

The fixtures (tests/extract/data, made by render_layout_quirks.py with WeasyPrint, Chromium and
LibreOffice) hold the same activities in differently built tables.
"""
from pathlib import Path

import pytest

from followup.extract.document import read_raw_document
from followup.extract.headers import header_text
from followup.output import document_csv
from followup.pipeline import extract_document

DATA = Path(__file__).parent / "data"
ACTIONS = ["Inför webbtidbok för nybesök", "Fallriskbedömning vid inskrivning",
           "Basutbud i 1177 för alla mottagningar", "Introduktionsprogram för nya sjuksköterskor"]
DONE_ACTIONS = ["Hälsosamtal med alla medarbetare", "Tidsbokning via telefon med återuppringning"]
DEADLINES = ["2024-06-30", "2024-03-31", "2024-12-31", "2024-05-31"]
RESPONSIBLES = ["Enhetschef", "Vårdenhetschef", "IT-samordnare", "Enhetschef"]
STATUSES = ["in_progress", "delayed", "in_progress", "done"]
# The same two tables, Status first, printed by WeasyPrint, Chromium and LibreOffice.
STATUS_FIRST = ["status-first-two-line-header.pdf", "status-first-two-line-header-chromium.pdf",
                "status-first-two-line-header-word.pdf"]


@pytest.mark.parametrize("lines, text", [
    (["Sta-", "tus"], "Status"),
    (["Start\u2010", "datum"], "Startdatum"),
    (["Sta \u2010", "tus"], "Status"),  # Chromium prints the hyphen a space apart
    (["Kommentar/", "uppföljning"], "Kommentar/uppföljning"),
    (["Ansvarig", "(funktion)"], "Ansvarig (funktion)"),
    (["Klart", "senast"], "Klart senast"),
    (["Beräknad  kostnad", " (tkr)"], "Beräknad kostnad (tkr)"),
    (["Covid-", "19"], "Covid- 19"),  # not a hyphenated word: a digit follows
])
def test_a_header_wrapped_over_lines_reads_as_printed_on_one(lines, text):
    assert header_text(lines) == text


@pytest.mark.parametrize("name", STATUS_FIRST)
def test_status_first_and_headers_wrapped_over_two_lines(name):
    """Sta-/tus, Ansvarig/(funktion), Klart/senast, Kommentar/uppföljning wrapped; aligned to the bottom
    (WeasyPrint, rules under the rows), to the middle (Chromium, no rules) or to the top (LibreOffice,
    full grid); no Område, no Mål."""
    raw = read_raw_document(DATA / name)
    assert [t.columns for t in raw.tables] == [
        ["status", "action", "responsible", "deadline", "follow_up", "new_deadline"],
        ["status", "action", "responsible", "deadline", "follow_up"],
    ]
    document = extract_document(DATA / name)
    active = [a for a in document.activities if a.section == "active"]
    assert [a.action for a in active] == ACTIONS
    assert [a.deadline.text for a in active] == DEADLINES
    assert [a.responsible.text for a in active] == RESPONSIBLES
    assert [a.status for a in active] == STATUSES
    assert [a.new_deadline.text if a.new_deadline else None for a in active] == [None, "2024-09-30", None, None]
    assert all(a.area is None and a.goal is None for a in document.activities)


@pytest.mark.parametrize("name", STATUS_FIRST)
def test_the_completed_table_without_a_heading_is_known_by_its_missing_ny_tid_column(name):
    raw = read_raw_document(DATA / name)
    assert [(t.section, t.heading) for t in raw.tables] == [("active", "Aktiviteter"), ("done", None)]
    document = extract_document(DATA / name)
    assert [a.action for a in document.activities if a.section == "done"] == DONE_ACTIONS


@pytest.mark.parametrize("name", ["extra-columns-numbered.pdf", "extra-columns-numbered-grid.pdf"])
def test_columns_followup_has_no_field_for_are_kept_as_extra_cells(name):
    """Chromium without any rules (columns from the header words and the gaps between them), and
    WeasyPrint with a full grid."""
    raw = read_raw_document(DATA / name)
    assert [t.columns for t in raw.tables] == [["action", "responsible", "deadline", "status", "follow_up"]] * 2
    assert [t.extra_columns for t in raw.tables] == [["Nr", "Startdatum", "Prioritet", "Beräknad kostnad (tkr)"]] * 2
    document = extract_document(DATA / name)
    assert [a.extra for a in document.activities] == [
        {"Nr": "1", "Startdatum": "2024-01-15", "Prioritet": "Hög", "Beräknad kostnad (tkr)": "120"},
        {"Nr": "2", "Startdatum": "2023-11-01", "Prioritet": "Medel", "Beräknad kostnad (tkr)": "40"},
        {"Nr": "3", "Startdatum": "2024-02-01", "Prioritet": "Låg", "Beräknad kostnad (tkr)": "15"},
        {"Nr": "4", "Startdatum": "2024-01-08", "Prioritet": "Hög", "Beräknad kostnad (tkr)": "80"},
        {"Nr": "5", "Startdatum": "2023-09-01", "Prioritet": "Medel", "Beräknad kostnad (tkr)": "0"},
        {"Nr": "6", "Startdatum": "2023-10-01", "Prioritet": "Hög", "Beräknad kostnad (tkr)": "60"},
    ]
    # Slutdatum is the deadline; the unknown columns do not spill into their neighbours.
    assert [a.deadline.text for a in document.activities][:4] == DEADLINES
    assert [a.action for a in document.activities] == ACTIONS + DONE_ACTIONS
    assert [a.section for a in document.activities] == ["active"] * 4 + ["done"] * 2


def test_extra_columns_follow_the_fixed_ones_in_the_csv():
    document = extract_document(DATA / "extra-columns-numbered.pdf")
    header, first = document_csv(document).splitlines()[:2]
    assert header.endswith(",pages,warnings,Nr,Startdatum,Prioritet,Beräknad kostnad (tkr)")
    assert first.endswith(",1,2024-01-15,Hög,120")


def test_a_report_without_extra_columns_has_none():
    document = extract_document(DATA / "theme-legend.pdf")
    assert all(a.extra == {} for a in document.activities)


def test_a_legend_of_shaded_cells_with_the_label_inside_is_read_whatever_its_colours():
    raw = read_raw_document(DATA / "theme-legend.pdf")
    assert [(e.label, e.colour) for e in raw.legend] == [
        ("Klart", "#4472C4"), ("Pågår", "#70AD47"), ("Försenat", "#ED7D31")]


def test_a_heading_printed_right_under_the_previous_table_still_names_the_next():
    raw = read_raw_document(DATA / "theme-legend.pdf")
    assert [(t.section, t.heading) for t in raw.tables] == [("active", "Aktiviteter"), ("done", "Klara aktiviteter")]
    assert raw.tables[1].columns[0] == "area"
