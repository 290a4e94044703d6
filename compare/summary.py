"""The answer to "what happened since last time?": counts, status transitions, deadline slips."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from followup.schemas import Activity, DateValue
from followup.schemas.diff import ActivityChange, DiffSummary


def date_start(value: DateValue | None) -> date | None:
    """The first day a printed date can mean: the day itself, or the 1st of its month or year.

    None when nothing is printed or it is not a date ("Beräknat införande ..." without precision).
    """
    return value.first_day if value is not None else None


def effective_deadline_value(activity: Activity) -> DateValue | None:
    """The deadline that holds, as printed: Ny tid when one is printed, else Tid."""
    if activity.new_deadline is not None and activity.new_deadline.text.strip():
        return activity.new_deadline
    return activity.deadline


def effective_deadline(activity: Activity) -> date | None:
    """The first day of the deadline that holds: Ny tid when one is printed, else Tid."""
    return date_start(effective_deadline_value(activity))


@dataclass(frozen=True)
class DeadlineMove:
    """The effective deadline moved later: from one printed date to another; `days` only between whole days."""

    before: DateValue
    after: DateValue
    days: int | None


def deadline_move(old: Activity, new: Activity) -> DeadlineMove | None:
    """How the effective deadline moved later, or None when it did not (or either side names no days).

    Dates are compared as the stretches of days they cover: "2024-" is the whole year, so 2023-12-31 →
    "2024-" moved into 2024 (not by one day), and 2024-06-30 → "2024-" did not move at all (the new
    deadline is merely vaguer). A move counts when the new stretch begins after the old one ends; it is
    measured in days only between two whole days.
    """
    before, after = effective_deadline_value(old), effective_deadline_value(new)
    if before is None or after is None or before.span is None or after.span is None:
        return None
    if after.span[0] <= before.span[1]:
        return None
    days = (after.span[0] - before.span[0]).days if before.is_day and after.is_day else None
    return DeadlineMove(before=before, after=after, days=days)


def slip_days(old: Activity, new: Activity) -> int | None:
    """Days the effective deadline moved later between two whole days; None otherwise (see deadline_move)."""
    move = deadline_move(old, new)
    return move.days if move is not None else None


def is_done(activity: Activity) -> bool:
    return activity.status == "done" or activity.section == "done"


def completed(change: ActivityChange) -> bool:
    """The activity was not done last time and is now."""
    return change.old is not None and change.new is not None and is_done(change.new) and not is_done(change.old)


def turned_delayed(change: ActivityChange) -> bool:
    return (change.old is not None and change.new is not None
            and change.old.status != "delayed" and change.new.status == "delayed")


def moved_later(change: ActivityChange) -> DeadlineMove | None:
    """The effective deadline's move later between the change's two versions, if it moved later."""
    if change.old is None or change.new is None:
        return None
    return deadline_move(change.old, change.new)


def slipped(change: ActivityChange) -> bool:
    """The deadline moved later (into a later day or period) or the status turned delayed."""
    return moved_later(change) is not None or turned_delayed(change)


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
