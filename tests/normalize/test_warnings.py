"""Warnings a reader must see (normalize/warnings.py)."""
from __future__ import annotations

import pytest

from followup.normalize import warnings
from followup.normalize.responsibles import parse_responsible
from followup.normalize.vocabulary import load_vocabulary


def test_a_completed_row_that_is_red_is_flagged():
    warning = warnings.done_but_red("1177 Webbtidbokning", "delayed", page=10, activity_id="a1")
    assert (warning.code, warning.page, warning.activity_id) == ("done_but_red", 10, "a1")
    assert "1177 Webbtidbokning" in warning.message and "red" in warning.message


@pytest.mark.parametrize("status", ["done", "in_progress", None])
def test_a_completed_row_of_another_colour_is_not(status):
    assert warnings.done_but_red("Elab", status) is None


def test_a_deadline_that_is_not_a_date():
    warning = warnings.deadline_warning("SDV", "Löpande", field="new deadline")
    assert warning.code == "deadline_not_date"
    assert "SDV" in warning.message and "Löpande" in warning.message and "new deadline" in warning.message


def test_an_impossible_deadline():
    warning = warnings.deadline_warning("1177 - basutbud", "2021-02-29")
    assert warning.code == "impossible_date"
    assert "2021-02-29" in warning.message and "leap year" in warning.message


@pytest.mark.parametrize("text", ["2021-12-31", "2022-11", "2024-", "hösten 2024", "", None])
def test_real_dates_and_blank_cells_give_no_deadline_warning(text):
    assert warnings.deadline_warning("Elab", text) is None


def test_a_status_cell_without_a_recognisable_colour():
    assert "#0000FF" in warnings.status_colour_unknown("Elab", "#0000FF").message
    assert "no colour" in warnings.status_colour_unknown("Elab", None).message
    assert warnings.status_colour_unknown("Elab", None).code == "status_colour_unknown"


def test_unmatched_and_unknown_responsibles():
    unmatched = warnings.unmatched_unit("Hemvist", "Barnkliniken")
    assert unmatched.code == "unmatched_unit" and "Barnkliniken" in unmatched.message
    unknown = warnings.unknown_responsible("Hemvist", "Kvalitetsansvarig")
    assert unknown.code == "unknown_responsible" and "Kvalitetsansvarig" in unknown.message


@pytest.mark.parametrize("cell, codes", [
    ("Verksamhetschef i samråd med enhetschef Hudmottagningen", []),
    ("Hjärtavd. Malmö", []),  # only a unit, but a known one
    ("Kvalitetsansvarig", ["unknown_responsible"]),
    ("Enhetschef Barnkliniken och Neurologmottagningen", ["unmatched_unit", "unmatched_unit"]),
])
def test_responsible_warnings_tell_unknown_cells_from_unknown_names(cell, codes):
    vocabulary = load_vocabulary()
    responsible, unmatched = parse_responsible(cell, vocabulary)
    found = warnings.responsible_warnings("Hemvist", responsible, unmatched, vocabulary, page=3)
    assert [w.code for w in found] == codes
    assert all(w.page == 3 for w in found)
