"""Building small Documents for the compare tests, and reading the samples' gold files."""
from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from followup.schemas import Activity, DateValue, Document, Responsible, Source


def stable_id(area: str | None, goal: str | None, action: str | None) -> str:
    """An id that, like the pipeline's, is equal when area, goal and action are equal."""
    key = "\x1f".join(" ".join((t or "").split()) for t in (area, goal, action))
    return hashlib.sha1(key.encode()).hexdigest()[:12]


def date_value(text: str | None) -> DateValue | None:
    """A DateValue as normalize would give it: ISO only for a whole valid day, precision from the text."""
    if text is None:
        return None
    try:
        iso: str | None = date.fromisoformat(text.strip()).isoformat()
    except ValueError:
        iso = None
    if iso:
        precision = "day"
    elif re.search(r"\d{4}-\d{2}|(jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-zåäö]* \d{4}", text, re.I):
        precision = "month"
    elif re.search(r"\d{4}", text):
        precision = "year"
    else:
        precision = None
    return DateValue(text=text, date=iso, precision=precision)


def activity(goal: str, *, area: str = "Digitalt möte", action: str = "Utbildning av personal",
             section: str = "active", deadline: str | None = "2023-12-31",
             responsible: str | None = "Verksamhetschef", status: str | None = "in_progress",
             follow_up: str | None = "Arbete pågår.", new_deadline: str | None = None,
             highlighted: bool = False) -> Activity:
    """One activity with sensible defaults; only what a test is about needs saying."""
    return Activity(
        id=stable_id(area, goal, action), section=section, area=area, goal=goal, action=action,
        deadline=date_value(deadline), responsible=Responsible(text=responsible) if responsible else None,
        status=status, follow_up=follow_up, new_deadline=date_value(new_deadline), highlighted=highlighted,
    )


def document(activities: list[Activity], *, period: str | None = None, file: str = "report.pdf") -> Document:
    return Document(source=Source(file=file, sha256="0" * 64, pages=1), period=period, activities=activities)


def gold_activity(gold: dict[str, Any]) -> Activity:
    """A gold-format activity (samples/expected) as a schemas.Activity."""
    return activity(
        gold["goal"], area=gold["area"], action=gold["action"], section=gold["section"],
        deadline=gold.get("deadline_raw"), responsible=gold.get("responsible"), status=gold.get("status"),
        follow_up=gold.get("follow_up"), new_deadline=gold.get("new_deadline_raw"),
        highlighted=bool(gold.get("highlighted")),
    )


def gold_document(gold: dict[str, Any]) -> Document:
    return document([gold_activity(a) for a in gold["activities"]], period=gold.get("period"), file=gold["file"])
