"""Dates as printed → {text, date, precision} (normalize/dates.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup.normalize.dates import date_is_impossible, date_problem, parse_date, printed_text

GOLDS = sorted((Path(__file__).resolve().parents[2] / "samples" / "expected").glob("*-[0-9][0-9].json"))


@pytest.mark.parametrize("printed, date, precision", [
    ("2021-12-31", "2021-12-31", "day"),
    ("22-10-03", "2022-10-03", "day"),
    ("18/5 2021", "2021-05-18", "day"),
    ("1 april 2021", "2021-04-01", "day"),
    ("2021-12-", None, "month"),
    ("2022-11", None, "month"),
    ("April 2021", None, "month"),
    ("september 2023", None, "month"),
    ("2024-", None, "year"),
    ("2024", None, "year"),
])
def test_every_shape_of_report_format(printed, date, precision):
    value = parse_date(printed)
    assert (value.text, value.date, value.precision) == (printed, date, precision)


@pytest.mark.parametrize("printed, precision", [
    ("hösten 2024", "year"),           # a season pins down only its year
    ("våren 2023", "year"),
    ("tidigt under 2026", "year"),     # a part of a year
    ("i slutet av 2023", "year"),
    ("i slutet av april 2024", "month"),
    ("Q3 2024", "year"),               # a quarter is three months: only the year is whole
    ("kvartal 1 2025", "year"),
    ("v. 12 2024", "month"),           # 18–24 March 2024
    ("v. 9 2024", "year"),             # 26 Feb – 3 Mar 2024: two months
    ("vecka 14 2024", "month"),
    ("April–maj 2022", "year"),        # a range within one year
    ("Oktober 2021–april 2022", None),  # a range over two years
    ("2023–2024", None),
])
def test_vaguer_dates_get_the_finest_unit_that_wholly_contains_them(printed, precision):
    value = parse_date(printed)
    assert value.date is None
    assert value.precision == precision
    assert date_problem(printed) is None


def test_a_date_broken_over_two_lines_is_rejoined():
    assert parse_date("2024-\n06-01").text == "2024-06-01"
    assert parse_date("2024-\n06-01").date == "2024-06-01"
    assert parse_date("2021-12-").text == "2021-12-"


def test_a_date_broken_before_its_hyphen_in_a_narrow_column_is_rejoined():
    # a word processor takes "-10" for a minus sign and breaks before it
    assert parse_date("2025\n-10").text == "2025-10"
    assert parse_date("2025\n-09-\n30").date == "2025-09-30"
    assert parse_date("2024 - 2025").text == "2024 - 2025"


def test_trivial_punctuation_and_deadline_words_do_not_hide_a_day():
    assert parse_date(" 2021-12-31. ").date == "2021-12-31"
    assert parse_date("senast 2024-06-30").date == "2024-06-30"
    assert parse_date("(2024-06-30)").date == "2024-06-30"


def test_an_impossible_date_keeps_its_text_and_has_no_date():
    value = parse_date("2021-02-29")
    assert (value.text, value.date, value.precision) == ("2021-02-29", None, None)
    assert date_is_impossible("2021-02-29")
    assert "leap year" in date_problem("2021-02-29")
    assert "month 13" in date_problem("2021-13-01")
    assert date_is_impossible("2021-04-31")


def test_a_cell_of_sentences_mentioning_dates_is_not_a_date():
    cell = ("Kirurgi- och urologimottagningen klar med identifiering 2021-02-29. Ögonmottagningen klar med "
            "identifiering 2021-12-31 Medicinmottagning klar med identifiering 2021-12-31")
    value = parse_date(cell)
    assert (value.date, value.precision) == (None, None)
    assert "2021-02-29" in date_problem(cell)
    assert not date_is_impossible(cell)  # the cell is text; the impossible date is only mentioned


def test_text_that_is_no_date_has_a_problem_and_blank_has_none():
    assert parse_date("Löpande").date is None
    assert "not a date" in date_problem("Löpande")
    assert "not a date" in date_problem("1177")  # the health portal, not the year 1177
    assert parse_date(None) is None and parse_date("  ") is None
    assert date_problem(None) is None and date_problem("") is None


@pytest.mark.parametrize("gold_path", GOLDS, ids=lambda p: p.stem)
def test_gold_deadlines_get_exactly_the_gold_dates(gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    for activity in gold["activities"]:
        assert parse_date(activity["deadline_raw"]).date == activity["deadline"], activity["deadline_raw"]
        if activity["new_deadline_raw"]:
            assert parse_date(activity["new_deadline_raw"]).text == activity["new_deadline_raw"]


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_parse_date_never_raises_and_keeps_the_printed_text(text):
    value = parse_date(text)
    if not text.strip():
        assert value is None
    else:
        assert value.text == printed_text(text)
        assert value.text.split() == text.split() or "-" in value.text
        assert value.date is None or value.precision == "day"
    date_problem(text)


@settings(max_examples=200, deadline=None)
@given(st.dates(), st.sampled_from(["{}", "{} ", "\n{}.", "senast {}"]))
def test_every_valid_printed_day_reads_back_as_itself(day, template):
    assert parse_date(template.format(day.isoformat())).date == day.isoformat()
