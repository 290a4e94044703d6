"""Dates as printed in follow-up reports → {text, date, precision}.

Rules (REPORT-FORMAT.md, "Dates in many shapes"):
- `text` is what is printed, whitespace collapsed, a date broken over two lines rejoined
  ("2024-\\n06-01" and "2025\\n-06-01" → "2024-06-01", "2025-06-01"); nothing else is
  rewritten ("2021-12-" stays "2021-12-").
- `date` is an ISO day only when the cell *is* a whole valid day, give or take trivial punctuation
  and a deadline word ("senast", "ca", "Klart"). A cell of sentences that mentions dates is prose,
  not a date: date null, precision null.
- `precision` is the finest calendar unit that wholly contains what is printed: "2021-12-31" day,
  "2022-11" and "April 2021" month, "2024-" year. A season ("hösten 2024"), a part of a year
  ("tidigt under 2026"), a quarter ("Q3 2024") or a range inside one year ("april–maj 2022") only
  pin down the year → year; a week → month when its seven days fall in one month, else year; a
  range over two years → null.
- An impossible date ("2021-02-29", month 13) keeps its text, has date null and precision null
  (it names no real period), and `date_problem` says why.
- The span (`date_span`, DateValue.first_day/last_day) is the first and last day of what is printed:
  a day itself, a month or year whole, a quarter or week its days, a range from its start's first day
  to its end's last; a season or a part of a year counts as the whole year. None where precision is
  None for lack of a date (prose, a week of no year, an impossible date, a stretch before a day).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from followup.schemas.document import DateValue, Precision

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
MONTH_NAMES_SV = ("", "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
                  "september", "oktober", "november", "december")
# Only these are taken for a bare year or month: "1177" (the health portal) is everywhere in these reports.
FIRST_YEAR, LAST_YEAR = 1990, 2099

_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_SEASON = r"(?:våren|vår|sommaren|sommar|hösten|höst|vintern|vinter|vårterminen|höstterminen|vt|ht)"
_YEAR4 = r"(\d{4})"
_YEAR = r"'?(\d{4}|\d{2})"

# Words that may stand before a date in a deadline cell without changing what it names.
_DEADLINE_WORDS = re.compile(
    r"^(?:senast|ca\.?|cirka|prel\.?|preliminärt|prognos:?|beräknat|beräknad|införande|planerat|"
    r"planerad|klart|klar|start|nytt datum:?|ny tid:?)\s+", re.IGNORECASE)
# Words that make the date a stretch of time around or inside the period named after them.
_PART_OF = re.compile(
    r"^(?:tidigt|sent|senare|under|i|början|slutet|mitten|av|till|inför|efter|före|innan|"
    r"första|andra|halvåret|kvartalet)\s+", re.IGNORECASE)
_TRIVIAL_EDGES = " .,;:!()[]*\"'”“"

_ISO_DAY = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
_SHORT_DAY = re.compile(r"(\d{2})-(\d{2})-(\d{2})")
_SLASH_DAY = re.compile(r"(\d{1,2})/(\d{1,2})[ -]" + _YEAR)
_NAMED_DAY = re.compile(r"(\d{1,2})(?::[ae])?\s+" + _MONTH + r"\s+" + _YEAR4, re.IGNORECASE)
_ISO_MONTH = re.compile(r"(\d{4})-(\d{1,2})-?")
_SHORT_MONTH = re.compile(r"(\d{2})-(\d{2})")
_NAMED_MONTH = re.compile(_MONTH + r"\s*[-']?\s*" + _YEAR, re.IGNORECASE)
_YEAR_ONLY = re.compile(r"(\d{4})-?")
_SEASON_YEAR = re.compile(_SEASON + r"\s+" + _YEAR4, re.IGNORECASE)
_QUARTER = re.compile(
    r"(?:(?:q|k|kv\.?|kvartal)\s*([1-4])\s*[,/]?\s*" + _YEAR4 + r"|" + _YEAR4 + r"\s*[-\s]?q([1-4])"
    r"|([1-4])(?::[ae])?\s+kvartalet\s+" + _YEAR4 + r"|(?:h|halvår)\s*([12])\s*[,/]?\s*" + _YEAR4 + ")",
    re.IGNORECASE)
_WEEK = re.compile(r"(?:v\.?|vecka|veckan)\s*(\d{1,2})(?:\s*[,/-]?\s*" + _YEAR4 + ")?", re.IGNORECASE)
_RANGE_SPLIT = re.compile(r"\s*[–—]\s*|\s+-\s+|(?<=\d{4})-(?=\d{4}$)|(?<=[a-zåäö])-(?=[a-zåäö])|\s+till\s+", re.IGNORECASE)

# A whole day inside running text, for finding impossible dates in prose.
_DAY_IN_TEXT = re.compile(r"(?<![\d-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{2}-\d{2}-\d{2})(?![\d-])")


@dataclass(frozen=True)
class _Reading:
    """What a cell says as a date, plus whether its shape was understood and why it is impossible."""

    value: DateValue
    recognised: bool
    impossible: str | None = None
    year: int | None = None  # the year and month the reading lies within, when it lies in one
    month: int | None = None
    first: dt.date | None = None  # the first and last day of what is printed, when it names a stretch of days
    last: dt.date | None = None


def printed_text(text: str) -> str:
    """The printed text with whitespace collapsed and dates broken over two lines rejoined: after
    the hyphen ("2024-" / "06-01") or, in a column too narrow for the date, before it ("2025" /
    "-10", where a word processor takes the hyphen for a minus sign)."""
    collapsed = " ".join(text.split())
    return re.sub(r"(\d-) (?=\d)|(?<=\d) (-\d)", lambda m: m.group(1) or m.group(2), collapsed)


def parse_date(text: str | None) -> DateValue | None:
    """The date a deadline (Tid, Ny tid) or milestone cell prints; None when the cell is blank."""
    if text is None or not text.strip():
        return None
    return _read(printed_text(text)).value


@lru_cache(maxsize=4096)
def date_span(text: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day a printed date covers: "2024-" is 2024-01-01…2024-12-31; None when it names none.

    Cached: compare asks for the same deadlines over and over, and a DateValue is read from its text.
    """
    if text is None or not text.strip():
        return None
    reading = _read(printed_text(text))
    if reading.impossible or reading.first is None or reading.last is None:
        return None
    return reading.first, reading.last


def date_problem(text: str | None) -> str | None:
    """Why a deadline cell is not a usable date, in words for a reader; None when it is one.

    A blank cell has no problem (there is no deadline); "2022-11" or "hösten 2024" are coarse but
    real dates, so no problem either.
    """
    if text is None or not text.strip():
        return None
    printed = printed_text(text)
    reading = _read(printed)
    if reading.impossible:
        return reading.impossible
    if reading.recognised:
        return None
    shown = printed if len(printed) <= 60 else printed[:57] + "…"
    impossible_inside = [d for d in _DAY_IN_TEXT.findall(printed) if _day_problem_of_text(d)]
    if impossible_inside:
        return (f"'{shown}' is text, not a date, and the date {impossible_inside[0]} in it does not exist "
                f"({_day_problem_of_text(impossible_inside[0])})")
    return f"'{shown}' is not a date"


def date_is_impossible(text: str | None) -> bool:
    """Whether the cell is shaped as a date that does not exist ("2021-02-29", "2021-13")."""
    if text is None or not text.strip():
        return False
    return _read(printed_text(text)).impossible is not None


def _read(printed: str) -> _Reading:
    core = printed.strip(_TRIVIAL_EDGES)
    while (stripped := _DEADLINE_WORDS.sub("", core, count=1)) != core:
        core = stripped.strip(_TRIVIAL_EDGES)
    part_of = False
    while (stripped := _PART_OF.sub("", core, count=1)) != core:
        core, part_of = stripped.strip(_TRIVIAL_EDGES), True
    reading = _read_single(printed, core) or _read_range(printed, core)
    if reading is None:
        return _Reading(DateValue(text=printed), recognised=False)
    if part_of and reading.value.precision is not None:
        # "tidigt under 2026", "i slutet av april 2024": a stretch inside the period, not a day of it.
        precision = None if reading.value.precision == "day" else reading.value.precision
        span = (reading.first, reading.last) if precision else (None, None)
        return _Reading(DateValue(text=printed, precision=precision), recognised=True, first=span[0], last=span[1])
    return reading


def _read_single(printed: str, core: str) -> _Reading | None:
    if m := _ISO_DAY.fullmatch(core):
        return _day(printed, int(m[1]), int(m[2]), int(m[3]))
    if m := _SHORT_DAY.fullmatch(core):
        return _day(printed, 2000 + int(m[1]), int(m[2]), int(m[3]))
    if m := _SLASH_DAY.fullmatch(core):
        return _day(printed, _full_year(m[3]), int(m[2]), int(m[1]))
    if (m := _NAMED_DAY.fullmatch(core)) and (month := _month_number(m[2])):
        return _day(printed, int(m[3]), month, int(m[1]))
    if m := _ISO_MONTH.fullmatch(core):
        return _month(printed, int(m[1]), int(m[2]))
    if m := _SHORT_MONTH.fullmatch(core):
        return _month(printed, 2000 + int(m[1]), int(m[2]))
    if (m := _NAMED_MONTH.fullmatch(core)) and (month := _month_number(m[1])):
        return _month(printed, _full_year(m[2]), month)
    if m := _YEAR_ONLY.fullmatch(core):
        return _year(printed, int(m[1]))
    if m := _SEASON_YEAR.fullmatch(core):
        return _year(printed, int(m[1]))
    if m := _QUARTER.fullmatch(core):
        return _part_of_year(printed, int(next(g for g in (m[2], m[3], m[6], m[8]) if g)), m)
    if m := _WEEK.fullmatch(core):
        return _week(printed, int(m[1]), int(m[2]) if m[2] else None)
    return None


def _read_range(printed: str, core: str) -> _Reading | None:
    """ "april–maj 2022", "Oktober 2021–april 2022", "2023–2024": one value for the whole stretch."""
    ends = _RANGE_SPLIT.split(core)
    if len(ends) != 2:
        return None
    start_text, end_text = ends
    end = _read_single(end_text, end_text)
    if end is None:
        return None
    start = _read_single(start_text, start_text)
    start_month = _month_number(start_text.strip(". "))
    if start is None and start_month and end.year:
        start = _month(start_text, end.year, start_month)  # "april–maj 2022": the start borrows the end's year
    if start is None:
        return None
    for part in (start, end):
        if part.impossible:
            return _Reading(DateValue(text=printed), recognised=True, impossible=part.impossible)
    return _Reading(DateValue(text=printed, precision=_common_precision(start, end)), recognised=True,
                    first=start.first, last=end.last if start.first and end.last and start.first <= end.last else None)


def _common_precision(start: _Reading, end: _Reading) -> Precision | None:
    """The finest unit holding both ends of a range: month, year, or None across years."""
    if start.year is None or start.year != end.year:
        return None
    if start.month is not None and start.month == end.month:
        return "month"
    return "year"


def _month_number(name: str) -> int | None:
    return MONTHS.get(name.casefold())


def _full_year(printed_year: str) -> int:
    return int(printed_year) if len(printed_year) == 4 else 2000 + int(printed_year)


def _plausible(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def _day(printed: str, year: int, month: int, day: int) -> _Reading | None:
    # A whole day is unmistakably a date whatever its year; only bare years need to be plausible.
    if year < 1:
        return None
    problem = _day_problem(year, month, day)
    if problem:
        return _Reading(DateValue(text=printed), recognised=True, impossible=f"'{printed}' does not exist ({problem})")
    day_value = dt.date(year, month, day)
    return _Reading(DateValue(text=printed, date=day_value.isoformat(), precision="day"),
                    recognised=True, year=year, month=month, first=day_value, last=day_value)


def _month(printed: str, year: int, month: int) -> _Reading | None:
    if not _plausible(year):
        return None
    if not 1 <= month <= 12:
        return _Reading(DateValue(text=printed), recognised=True,
                        impossible=f"'{printed}' does not exist (there is no month {month})")
    return _Reading(DateValue(text=printed, precision="month"), recognised=True, year=year, month=month,
                    first=dt.date(year, month, 1), last=dt.date(year, month, calendar.monthrange(year, month)[1]))


def _year(printed: str, year: int) -> _Reading | None:
    if not _plausible(year):
        return None
    return _Reading(DateValue(text=printed, precision="year"), recognised=True, year=year,
                    first=dt.date(year, 1, 1), last=dt.date(year, 12, 31))


def _part_of_year(printed: str, year: int, quarter: re.Match[str]) -> _Reading | None:
    """A quarter ("Q3 2024") or half ("H1 2024"): precision year, its span the months it names."""
    reading = _year(printed, year)
    if reading is None:
        return None
    number = next(g for g in (quarter[1], quarter[4], quarter[5]) if g) if not quarter[7] else None
    months = (3 * int(number) - 2, 3 * int(number)) if number else (6 * int(quarter[7]) - 5, 6 * int(quarter[7]))
    last_day = calendar.monthrange(year, months[1])[1]
    return replace(reading, first=dt.date(year, months[0], 1), last=dt.date(year, months[1], last_day))


def _week(printed: str, week: int, year: int | None) -> _Reading | None:
    if year is None:
        return _Reading(DateValue(text=printed), recognised=True)  # a week of no stated year
    if not _plausible(year):
        return None
    try:
        monday = dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return _Reading(DateValue(text=printed), recognised=True,
                        impossible=f"'{printed}' does not exist (there is no week {week} in {year})")
    sunday = monday + dt.timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return _Reading(DateValue(text=printed, precision="month"), recognised=True, year=monday.year, month=monday.month,
                        first=monday, last=sunday)
    precision: Precision | None = "year" if monday.year == sunday.year else None
    return _Reading(DateValue(text=printed, precision=precision), recognised=True,
                    year=monday.year if precision else None, first=monday, last=sunday)


def _day_problem(year: int, month: int, day: int) -> str | None:
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    days_in_month = calendar.monthrange(year, month)[1]
    if 1 <= day <= days_in_month:
        return None
    if month == 2 and day == 29:
        return f"{year} is not a leap year"
    return f"{MONTH_NAMES_SV[month]} {year} has {days_in_month} days"


def _day_problem_of_text(printed_day: str) -> str | None:
    parts = [int(part) for part in printed_day.split("-")]
    year = parts[0] if parts[0] >= 100 else 2000 + parts[0]
    return _day_problem(year, parts[1], parts[2])
