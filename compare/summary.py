"""The answer to "what happened since last time?": counts, status transitions, deadline slips."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import date

from schemas import Activity, DateValue
from schemas.diff import ActivityChange, DiffSummary

SWEDISH_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "maj": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "okt": 10, "nov": 11, "dec": 12,
}
_MONTH_NAME = re.compile(r"\b(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]*\.?[\s–-]", re.IGNORECASE)
_YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
_YEAR_MONTH = re.compile(r"\b((?:19|20)\d{2})-(0[1-9]|1[0-2])\b")


def date_start(value: DateValue | None) -> date | None:
    """The first day a printed date can mean: the day itself, or the 1st of its month or year.

    None when nothing is printed or it is not a date ("Beräknat införande ..." without precision).
    """
    if value is None:
        return None
    if value.date:
        return date.fromisoformat(value.date)
    if value.precision == "month":
        numeric = _YEAR_MONTH.search(value.text)
        if numeric:
            return date(int(numeric.group(1)), int(numeric.group(2)), 1)
        named, year = _MONTH_NAME.search(value.text), _YEAR.search(value.text)
        if named and year:
            return date(int(year.group(1)), SWEDISH_MONTHS[named.group(1).lower()], 1)
    if value.precision in ("month", "year"):
        year = _YEAR.search(value.text)
        if year:
            return date(int(year.group(1)), 1, 1)
    return None


def effective_deadline(activity: Activity) -> date | None:
    """The deadline that holds: Ny tid when one is printed, else Tid."""
    if activity.new_deadline is not None and activity.new_deadline.text.strip():
        return date_start(activity.new_deadline)
    return date_start(activity.deadline)


def slip_days(old: Activity, new: Activity) -> int | None:
    """Days the effective deadline moved later, or None when it did not move later or is unknown."""
    before, after = effective_deadline(old), effective_deadline(new)
    if before is None or after is None or after <= before:
        return None
    return (after - before).days


def is_done(activity: Activity) -> bool:
    return activity.status == "done" or activity.section == "done"


def completed(change: ActivityChange) -> bool:
    """The activity was not done last time and is now."""
    return change.old is not None and change.new is not None and is_done(change.new) and not is_done(change.old)


def turned_delayed(change: ActivityChange) -> bool:
    return (change.old is not None and change.new is not None
            and change.old.status != "delayed" and change.new.status == "delayed")


def slipped(change: ActivityChange) -> bool:
    """The deadline moved later or the status turned delayed."""
    return change.slip_days is not None or turned_delayed(change)


def status_transition(change: ActivityChange) -> str | None:
    """"in_progress → done" when the status changed, else None; an unknown status reads "unknown"."""
    if change.old is None or change.new is None or change.old.status == change.new.status:
        return None
    return f"{change.old.status or 'unknown'} → {change.new.status or 'unknown'}"


def summarize(changes: Sequence[ActivityChange]) -> DiffSummary:
    """Counts per kind of change, status transitions and deadline slips of a list of changes."""
    kinds = Counter(c.change for c in changes)
    transitions = Counter(t for t in map(status_transition, changes) if t)
    return DiffSummary(
        added=kinds["added"],
        removed=kinds["removed"],
        changed=kinds["changed"],
        unchanged=kinds["unchanged"],
        status_transitions=dict(sorted(transitions.items())),
        deadline_slips=sum(1 for c in changes if slipped(c)),
        deadline_slip_days=[c.slip_days for c in changes if c.slip_days is not None],
        completed=sum(1 for c in changes if completed(c)),
        turned_delayed=sum(1 for c in changes if turned_delayed(c)),
    )
