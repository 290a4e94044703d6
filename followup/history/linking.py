"""One identity per activity over all the periods of a series.

Each period's activities are paired with the previous period's by compare's matching (equal ids,
then similarity of area, goal and action, with the sibling rule), so an activity keeps its identity
while its text is edited and when it moves to "Klara aktiviteter". An activity without a partner in
the previous period starts a new identity, named after its first period and its id there.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from followup.compare.changes import changed_fields
from followup.compare.matching import match_activities
from followup.compare.summary import slip_days
from followup.schemas import Activity


@dataclass(frozen=True)
class Link:
    """How one activity of a period relates to the series: its identity and its previous period."""

    identity: str
    previous_index: int | None = None
    score: float | None = None
    changed: list[str] = field(default_factory=list)
    slip_days: int | None = None


def new_identity(period: str, activity_id: str, taken: set[str]) -> str:
    """"<period>/<id>", made unique within the period when a report repeats an id."""
    base = f"{period}/{activity_id}"
    key, n = base, 2
    while key in taken:
        key, n = f"{base}#{n}", n + 1
    return key


def link_period(period: str, current: Sequence[Activity],
                previous: Sequence[Activity] = (), previous_identities: Sequence[str] = ()) -> list[Link]:
    """The links of `current` (one period's activities) given the previous period's, in current's order."""
    pairs = {pair.new_index: pair for pair in match_activities(previous, current)} if previous else {}
    links: list[Link] = []
    taken: set[str] = set()
    for index, activity in enumerate(current):
        pair = pairs.get(index)
        if pair is None:
            key = new_identity(period, activity.id, taken)
            links.append(Link(identity=key))
        else:
            before = previous[pair.old_index]
            key = previous_identities[pair.old_index]
            links.append(Link(identity=key, previous_index=pair.old_index, score=pair.score,
                              changed=list(changed_fields(before, activity)), slip_days=slip_days(before, activity)))
        taken.add(key)
    return links
