"""Which fields of a paired activity changed between two periods (names from DESIGN.md)."""
from __future__ import annotations

import re

from followup.schemas import Activity, DateValue, Responsible
from followup.schemas.diff import FieldName

# The order fields are listed in a change, as in DESIGN.md.
COMPARED_FIELDS: tuple[FieldName, ...] = (
    "section", "area", "goal", "action", "deadline", "responsible",
    "status", "follow_up", "new_deadline", "highlighted",
)
TEXT_FIELDS = frozenset({"area", "goal", "action", "follow_up", "deadline", "responsible", "new_deadline"})


def collapse_whitespace(text: str | None) -> str:
    """Text with every run of whitespace (line breaks included) made one space, ends trimmed."""
    return re.sub(r"\s+", " ", text or "").strip()


def comparable(activity: Activity, field: FieldName) -> object:
    """The value of a field as compared: texts whitespace-collapsed, dates and responsibles by text."""
    value = getattr(activity, field)
    if isinstance(value, (DateValue, Responsible)):
        return collapse_whitespace(value.text)
    if field in TEXT_FIELDS:
        # An empty cell and a missing one read the same to a reader.
        return collapse_whitespace(value)
    return value


def changed_fields(old: Activity, new: Activity) -> list[FieldName]:
    """The fields whose values differ between the old and the new version of one activity."""
    return [f for f in COMPARED_FIELDS if comparable(old, f) != comparable(new, f)]
