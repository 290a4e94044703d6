"""Warnings for what a reader of the output must see: inconsistencies flagged, never silently fixed.

Each function is pure and returns a `schemas.Warning` (or None when there is nothing to say); the
message is English, names the activity by its area, and quotes what was printed.
"""
from __future__ import annotations

from followup.normalize.dates import date_is_impossible, date_problem
from followup.normalize.responsibles import units_named
from followup.normalize.vocabulary import Vocabulary
from followup.schemas.codes import WarningCode
from followup.schemas.document import Responsible, Status, Warning

DONE_BUT_RED: WarningCode = "done_but_red"
DEADLINE_NOT_DATE: WarningCode = "deadline_not_date"
IMPOSSIBLE_DATE: WarningCode = "impossible_date"
STATUS_COLOUR_UNKNOWN: WarningCode = "status_colour_unknown"
UNMATCHED_UNIT: WarningCode = "unmatched_unit"
UNKNOWN_RESPONSIBLE: WarningCode = "unknown_responsible"


def _named(area: str | None) -> str:
    return f"activity '{area}'" if area else "an activity with no area"


def done_but_red(
    area: str | None, status: Status | None, *, page: int | None = None, activity_id: str | None = None
) -> Warning | None:
    """A row of the completed table ("Klara aktiviteter") whose status is delayed (red)."""
    if status != "delayed":
        return None
    return Warning(
        code=DONE_BUT_RED,
        message=f"The {_named(area)} is listed among completed activities but its status is red (delayed).",
        page=page, activity_id=activity_id,
    )


def deadline_warning(
    area: str | None, text: str | None, *, field: str = "deadline",
    page: int | None = None, activity_id: str | None = None,
) -> Warning | None:
    """A deadline cell (`field`: "deadline" or "new deadline") that is not a date or names no real day."""
    problem = date_problem(text)
    if problem is None:
        return None
    code = IMPOSSIBLE_DATE if date_is_impossible(text) else DEADLINE_NOT_DATE
    return Warning(code=code, message=f"The {field} of the {_named(area)} is unusable: {problem}.",
                   page=page, activity_id=activity_id)


def status_colour_unknown(
    area: str | None, colour: str | None, *, page: int | None = None, activity_id: str | None = None
) -> Warning:
    """A status cell whose colour (or lack of one) shows no status."""
    seen = f"is coloured {colour}, which matches no legend colour or status hue" if colour else "has no colour"
    return Warning(code=STATUS_COLOUR_UNKNOWN, message=f"The status cell of the {_named(area)} {seen}.",
                   page=page, activity_id=activity_id)


def unmatched_unit(
    area: str | None, name: str, *, page: int | None = None, activity_id: str | None = None
) -> Warning:
    """A name in the responsible cell that matched no known unit or role (see parse_responsible)."""
    return Warning(
        code=UNMATCHED_UNIT,
        message=f"The responsible of the {_named(area)} names '{name}', which matches no known unit or role.",
        page=page, activity_id=activity_id,
    )


def unknown_responsible(
    area: str | None, text: str, *, page: int | None = None, activity_id: str | None = None
) -> Warning:
    """A responsible cell in which no role and no unit could be recognised at all.

    A cell naming only a unit ("Hjärtavd. Malmö") has no role but is not unknown: see
    `responsible_warnings`, which tells the two apart.
    """
    return Warning(
        code=UNKNOWN_RESPONSIBLE,
        message=f"The responsible of the {_named(area)}, '{text}', names no known role or unit.",
        page=page, activity_id=activity_id,
    )


def responsible_warnings(
    area: str | None, responsible: Responsible | None, unmatched: list[str], vocabulary: Vocabulary,
    *, page: int | None = None, activity_id: str | None = None,
) -> list[Warning]:
    """The warnings a parsed responsible cell deserves (`unmatched` as parse_responsible returned it).

    A cell with no role and no unit at all is one unknown_responsible; otherwise each unmatched name
    is an unmatched_unit. A cell naming only a known unit is fine.
    """
    if responsible is None:
        return []
    if not responsible.roles and not units_named([responsible.text], vocabulary):
        return [unknown_responsible(area, responsible.text, page=page, activity_id=activity_id)]
    return [unmatched_unit(area, name, page=page, activity_id=activity_id) for name in unmatched]
