"""Documents and diffs as pandas DataFrames with typed columns (Document.to_dataframe, Diff.to_dataframe).

Texts are pandas' string dtype, dates datetime64 (the first and last day a printed date covers),
statuses and sections categories of their fixed values, days and pages nullable integers.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from followup.schemas.diff import Diff
    from followup.schemas.document import Activity, DateValue, Document

SECTIONS = ("active", "done")
STATUSES = ("done", "in_progress", "delayed")
STATUS_SOURCES = ("colour", "text", "hue")
PRECISIONS = ("day", "month", "year")
CHANGES = ("added", "removed", "changed", "unchanged")
RELATIONS = ("lead", "consulted", "support")


def _date_columns(prefix: str, value: DateValue | None) -> dict[str, Any]:
    """A printed date as its text, ISO day, precision and the first and last day it covers."""
    span = value.span if value is not None else None
    return {
        prefix: value.text if value is not None else None,
        f"{prefix}_date": value.date if value is not None else None,
        f"{prefix}_precision": value.precision if value is not None else None,
        f"{prefix}_first_day": span[0] if span else None,
        f"{prefix}_last_day": span[1] if span else None,
    }


def activity_record(activity: Activity) -> dict[str, Any]:
    """One activity as a flat record (nested values flattened; extra columns after the fixed ones)."""
    record = {
        "id": activity.id, "section": activity.section, "area": activity.area, "goal": activity.goal,
        "action": activity.action, **_date_columns("deadline", activity.deadline),
        "responsible": activity.responsible.text if activity.responsible else None,
        "units": "; ".join(activity.units) or None, "status": activity.status,
        "status_source": activity.status_source, "follow_up": activity.follow_up,
        **_date_columns("new_deadline", activity.new_deadline),
        "highlighted": activity.highlighted, "first_page": min(activity.pages, default=None),
        "last_page": max(activity.pages, default=None),
    }
    for name, text in activity.extra.items():
        record.setdefault(name, text)
    return record


_TEXT = ("id", "area", "goal", "action", "deadline", "responsible", "units", "follow_up", "new_deadline",
         "source_file", "period")
_CATEGORIES = {"section": SECTIONS, "status": STATUSES, "status_source": STATUS_SOURCES,
               "deadline_precision": PRECISIONS, "new_deadline_precision": PRECISIONS}


def _typed(frame: pd.DataFrame, text: tuple[str, ...], categories: dict[str, tuple[str, ...]],
           integers: tuple[str, ...] = ()) -> pd.DataFrame:
    """Give each known column its dtype; dates (columns ending _date, _first_day, _last_day) datetime64."""
    import pandas as pd

    for column in frame.columns:
        if column in categories:
            frame[column] = pd.Categorical(frame[column], categories=list(categories[column]))
        elif column.endswith(("_date", "_first_day", "_last_day")):
            frame[column] = pd.to_datetime(frame[column]).astype("datetime64[ns]")
        elif column in integers or column.endswith("_page"):
            frame[column] = frame[column].astype("Int64")
        elif column == "highlighted":
            frame[column] = frame[column].astype(bool)
        elif column in text or frame[column].dtype == object:
            frame[column] = frame[column].astype("string")
    return frame


def document_frame(document: Document) -> pd.DataFrame:
    """One row per activity, typed; `source_file` and `period` in front."""
    import pandas as pd

    rows = [{"source_file": document.source.file, "period": document.period, **activity_record(a)}
            for a in document.activities]
    columns = _all_columns(rows) if rows else ["source_file", "period", *activity_record(_empty_activity())]
    frame = pd.DataFrame(rows, columns=columns)
    return _typed(frame, _TEXT, _CATEGORIES)


def roles_frame(document: Document) -> pd.DataFrame:
    """The long table of who is responsible: one row per role named in an activity's responsible cell
    (activity_id, role, unit, relation), and a row with no role for each unit no role names."""
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for activity in document.activities:
        roles = activity.responsible.roles if activity.responsible else []
        named_units = {role.unit for role in roles if role.unit}
        rows += [{"activity_id": activity.id, "role": r.role, "unit": r.unit, "relation": r.relation} for r in roles]
        rows += [{"activity_id": activity.id, "role": None, "unit": unit, "relation": None}
                 for unit in activity.units if unit not in named_units]
    frame = pd.DataFrame(rows, columns=["activity_id", "role", "unit", "relation"])
    return _typed(frame, ("activity_id", "role", "unit"), {"relation": RELATIONS})


def diff_frame(diff: Diff) -> pd.DataFrame:
    """One row per activity of the diff: the change, both ids, statuses and dates of both versions."""
    import pandas as pd

    rows = []
    for change in diff.activities:
        old, new = change.old, change.new
        current = new if new is not None else old
        if current is None:
            raise ValueError("an activity change without either version")
        rows.append({
            "change": change.change, "old_id": old.id if old else None, "new_id": new.id if new else None,
            "area": current.area, "goal": current.goal, "section": current.section,
            "old_status": old.status if old else None, "new_status": new.status if new else None,
            **_prefixed("old_", _date_columns("deadline", old.deadline if old else None)),
            **_date_columns("deadline", current.deadline),
            **_prefixed("old_", _date_columns("new_deadline", old.new_deadline if old else None)),
            **_date_columns("new_deadline", current.new_deadline),
            "fields": " ".join(change.fields), "score": change.score, "slip_days": change.slip_days,
        })
    columns = ["change", "old_id", "new_id", "area", "goal", "section", "old_status", "new_status",
               *_prefixed("old_", _date_columns("deadline", None)), *_date_columns("deadline", None),
               *_prefixed("old_", _date_columns("new_deadline", None)), *_date_columns("new_deadline", None),
               "fields", "score", "slip_days"]
    frame = pd.DataFrame(rows, columns=columns)
    categories = {"change": CHANGES, "section": SECTIONS, "old_status": STATUSES, "new_status": STATUSES,
                  **{c: PRECISIONS for c in columns if c.endswith("_precision")}}
    frame["score"] = frame["score"].astype("Float64")
    return _typed(frame, ("old_id", "new_id", "area", "goal", "fields", *[c for c in columns if c.endswith("deadline")]),
                  categories, integers=("slip_days",))


def _prefixed(prefix: str, record: dict[str, Any]) -> dict[str, Any]:
    return {prefix + key: value for key, value in record.items()}


def _all_columns(rows: list[dict[str, Any]]) -> list[str]:
    """Every column of every row, in the order first met (extra columns differ between activities)."""
    return list(dict.fromkeys(key for row in rows for key in row))


def _empty_activity() -> Activity:
    from followup.schemas.document import Activity

    return Activity(id="", section="active")
