"""Comparing an extracted Document with a hand-checked gold file (samples/expected, shared examples).

The gold format is flat: one value per field as a reader checks it on the page (see
samples/README.md). Texts are compared with whitespace collapsed, as the shared scorer does.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from followup.schemas import Activity, Document

GOLD_FIELDS = ("section", "area", "goal", "action", "deadline_raw", "deadline", "responsible", "status",
               "follow_up", "new_deadline_raw", "highlighted")


@dataclass(frozen=True)
class Mismatch:
    index: int
    field: str
    expected: Any
    got: Any


def gold_view(activity: Activity) -> dict[str, Any]:
    """An activity as the gold files state it."""
    return {
        "section": activity.section,
        "area": activity.area,
        "goal": activity.goal,
        "action": activity.action,
        "deadline_raw": activity.deadline.text if activity.deadline else None,
        "deadline": activity.deadline.date if activity.deadline else None,
        "responsible": activity.responsible.text if activity.responsible else None,
        "status": activity.status,
        "follow_up": activity.follow_up,
        "new_deadline_raw": activity.new_deadline.text if activity.new_deadline else None,
        "highlighted": activity.highlighted,
    }


def comparable(value: Any) -> Any:
    if value is None or isinstance(value, bool):
        return value
    text = " ".join(str(value).split())
    return text or None


def mismatches(document: Document, gold: dict[str, Any]) -> list[Mismatch]:
    """Every field where the document differs from the gold, activities taken in reading order."""
    found = []
    expected = gold["activities"]
    for i in range(max(len(expected), len(document.activities))):
        want: dict | None = expected[i] if i < len(expected) else None
        got = gold_view(document.activities[i]) if i < len(document.activities) else None
        for field in GOLD_FIELDS:
            a = comparable(want.get(field)) if want else "<missing>"
            b = comparable(got.get(field)) if got else "<missing>"
            if field == "highlighted":
                a, b = (bool(want.get(field)) if want else a), (got.get(field) if got else b)
            if a != b:
                found.append(Mismatch(i, field, a, b))
    return found
