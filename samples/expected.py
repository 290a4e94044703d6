"""Expected outputs written from the content files: what a perfect reader recovers from each PDF.

The gold format is that of /work/shared/examples/lil-2023-11.gold.json. Text values are the
source text with whitespace collapsed; a nested table is read row by row, its cells separated by
a space. Nothing here looks at a PDF.
"""
from __future__ import annotations

import re
import tomllib
from datetime import date
from pathlib import Path

from samples.layout import EXTRA_HEADERS, FIELD_COLUMNS, Layout, header_text
from samples.model import EXTRA_FIELDS, Activity, Report, paragraphs

DIFF_FIELDS = ("section", "area", "goal", "action", "deadline", "responsible", "status",
               "follow_up", "new_deadline", "highlighted")
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SHORT_DAY = re.compile(r"(\d{2})-(\d{2})-(\d{2})")
_NAMED_DAY = re.compile(r"(\d{1,2}) (\w+) (\d{4})")
# A two-digit year in a follow-up report is this century's.
CENTURY = 2000
MONTHS = tuple(tomllib.loads(
    (Path(__file__).resolve().parent / "swedish_months.toml").read_text(encoding="utf-8"))["months"])


def source_text(text: str) -> str:
    """The text a perfect reader recovers from a cell: its paragraphs joined by single spaces."""
    return " ".join(" ".join(line.split()) for line, _ in paragraphs(text))


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def iso_day(printed: str) -> str | None:
    """The ISO date when the printed value is exactly one whole valid day, else None.

    A whole day is printed as 2024-12-31, as 24-12-31 (this century) or as "1 oktober 2025".
    """
    text = printed.strip()
    match = _ISO_DAY.fullmatch(text)
    if match:
        return _day(*(int(part) for part in match.groups()))
    match = _SHORT_DAY.fullmatch(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return _day(CENTURY + year, month, day)
    match = _NAMED_DAY.fullmatch(text)
    if match and match.group(2).lower() in MONTHS:
        return _day(int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1,
                    int(match.group(1)))
    return None


def _follow_up(activity: Activity) -> str:
    parts = [source_text(activity.follow_up)]
    parts += [" ".join(cell.strip() for cell in row) for row in activity.follow_up_table]
    if activity.follow_up_after:
        parts.append(source_text(activity.follow_up_after))
    return " ".join(part for part in parts if part)


def expected_activity(activity: Activity, section: str, layout: Layout | None = None) -> dict:
    """One activity in the gold format; with a layout, as that layout prints it (corpus gold)."""
    new_deadline = None
    if section == "active" and activity.new_deadline:
        new_deadline = source_text(activity.new_deadline)
    deadline = source_text(activity.deadline)
    gold = {
        "section": section,
        "area": source_text(activity.area),
        "goal": source_text(activity.goal),
        "action": source_text(activity.action),
        "deadline_raw": deadline,
        "deadline": iso_day(deadline),
        "responsible": source_text(activity.responsible),
        "status": activity.status,
        "follow_up": _follow_up(activity),
        "new_deadline_raw": new_deadline,
        "highlighted": activity.highlighted,
    }
    return gold if layout is None else _as_printed(gold, activity, section, layout)


# Gold field of each column followup has a field for.
_GOLD_FIELDS = {"area": ("area",), "goal": ("goal",), "action": ("action",),
                "deadline": ("deadline_raw", "deadline"), "responsible": ("responsible",),
                "status": ("status",), "follow_up": ("follow_up",),
                "new_deadline": ("new_deadline_raw",)}


def _as_printed(gold: dict, activity: Activity, section: str, layout: Layout) -> dict:
    """Null the fields of columns the layout does not print; add the extra columns' text.

    A row not started has no status; a group row, or the heading over a table of one area's rows,
    names the area of the rows under it; only a layout that marks rows highlights them.
    """
    keys = layout.column_keys(FIELD_COLUMNS, done=section == "done")
    if layout.areas == "groups" or layout.tables == "area":
        keys += ("area",)
    for column, names in _GOLD_FIELDS.items():
        if column not in keys:
            for name in names:
                gold[name] = None
    if activity.status == "not_started":
        gold["status"] = None
    gold["highlighted"] = activity.highlighted and layout.highlight
    gold["extra"] = {
        header_text(layout.header(key, EXTRA_HEADERS)): source_text(getattr(activity, key))
        for key in keys if key in EXTRA_FIELDS
    }
    return gold


def expected_document(report: Report, layout: Layout | None = None) -> dict:
    """The whole report in the gold format, activities in reading order."""
    return {
        "file": report.pdf_name,
        "period": report.period,
        "title": report.title,
        "milestones": [{"label": source_text(m.label), "date": m.date} for m in report.milestones],
        "activities": [expected_activity(a, "active", layout) for a in report.active]
        + [expected_activity(a, "done", layout) for a in report.done],
    }


def _compared(activity: dict) -> dict:
    values = {name: activity.get(name) for name in DIFF_FIELDS}
    # Deadlines are compared by their printed text.
    values["deadline"] = activity["deadline_raw"]
    values["new_deadline"] = activity["new_deadline_raw"]
    return values


def _keys(report: Report) -> list[str]:
    return [a.key for a in report.active + report.done]


def expected_diff(old: Report, new: Report, old_layout: Layout | None = None,
                  new_layout: Layout | None = None) -> dict:
    """The changes between two periods of one report, matched by the activities' keys.

    Indices point into the `activities` of the two expected documents. Changes follow the new
    report's order; removed activities come last, in the old order. Each change also names its
    key, for the reader of the file.
    """
    old_doc, new_doc = expected_document(old, old_layout), expected_document(new, new_layout)
    old_keys, new_keys = _keys(old), _keys(new)
    changes = []
    for j, key in enumerate(new_keys):
        if key not in old_keys:
            changes.append({"key": key, "change": "added", "old_index": None, "new_index": j,
                            "fields": []})
            continue
        i = old_keys.index(key)
        before = _compared(old_doc["activities"][i])
        after = _compared(new_doc["activities"][j])
        fields = [name for name in DIFF_FIELDS if before[name] != after[name]]
        changes.append({"key": key, "change": "changed" if fields else "unchanged",
                        "old_index": i, "new_index": j, "fields": fields})
    for i, key in enumerate(old_keys):
        if key not in new_keys:
            changes.append({"key": key, "change": "removed", "old_index": i, "new_index": None,
                            "fields": []})
    return {"old": old.pdf_name, "new": new.pdf_name, "changes": changes}
