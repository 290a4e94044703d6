"""Output documents into rows of the history database and back, field for field."""
from __future__ import annotations

import json
import sqlite3
from typing import Any

from followup.compare.summary import date_start, effective_deadline
from followup.schemas import Activity, DateValue, Document, LegendColour, Milestone, Responsible, Role, Source, Warning

# The activity columns that hold the output document's fields (the rest say how it is linked).
ACTIVITY_COLUMNS = (
    "id", "section", "area", "goal", "action",
    "deadline_text", "deadline_date", "deadline_precision", "deadline_start",
    "responsible_text", "responsible_roles_json", "units_json",
    "status", "status_source", "follow_up",
    "new_deadline_text", "new_deadline_date", "new_deadline_precision", "new_deadline_start",
    "effective_deadline", "highlighted", "pages_json", "extra_json",
)


def period_start(period: str) -> str:
    """The first day of a YYYY-MM period, ISO."""
    return f"{period}-01"


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def activity_values(activity: Activity) -> dict[str, Any]:
    """The column values of one activity."""
    responsible = activity.responsible
    return {
        "id": activity.id,
        "section": activity.section,
        "area": activity.area,
        "goal": activity.goal,
        "action": activity.action,
        **_date_columns("deadline", activity.deadline),
        "responsible_text": responsible.text if responsible else None,
        "responsible_roles_json": (json.dumps([r.model_dump() for r in responsible.roles], ensure_ascii=False)
                                   if responsible else None),
        "units_json": json.dumps(activity.units, ensure_ascii=False),
        "status": activity.status,
        "status_source": activity.status_source,
        "follow_up": activity.follow_up,
        **_date_columns("new_deadline", activity.new_deadline),
        "effective_deadline": _iso(effective_deadline(activity)),
        "highlighted": int(activity.highlighted),
        "pages_json": json.dumps(activity.pages),
        "extra_json": json.dumps(activity.extra, ensure_ascii=False),
    }


def _date_columns(prefix: str, value: DateValue | None) -> dict[str, Any]:
    """A printed date's columns: text, ISO day, precision, and the first day it stands for."""
    return {f"{prefix}_text": value.text if value else None, f"{prefix}_date": value.date if value else None,
            f"{prefix}_precision": value.precision if value else None, f"{prefix}_start": _iso(date_start(value))}


def _date_value(text: str | None, date: str | None, precision: str | None) -> DateValue | None:
    return None if text is None else DateValue(text=text, date=date, precision=precision)


def activity_of_row(row: sqlite3.Row) -> Activity:
    """The Activity a row was made from."""
    responsible = None
    if row["responsible_text"] is not None:
        roles = [Role(**role) for role in json.loads(row["responsible_roles_json"] or "[]")]
        responsible = Responsible(text=row["responsible_text"], roles=roles)
    return Activity(
        id=row["id"], section=row["section"], area=row["area"], goal=row["goal"], action=row["action"],
        deadline=_date_value(row["deadline_text"], row["deadline_date"], row["deadline_precision"]),
        responsible=responsible, units=json.loads(row["units_json"]),
        status=row["status"], status_source=row["status_source"], follow_up=row["follow_up"],
        new_deadline=_date_value(row["new_deadline_text"], row["new_deadline_date"], row["new_deadline_precision"]),
        highlighted=bool(row["highlighted"]), pages=json.loads(row["pages_json"]),
        extra=json.loads(row["extra_json"]),
    )


def load_activities(connection: sqlite3.Connection, period_id: int) -> tuple[list[int], list[Activity]]:
    """The rows (activity_row) and Activities of one period, in document order."""
    rows = connection.execute(
        f"SELECT activity_row, {', '.join(ACTIVITY_COLUMNS)} FROM activities WHERE period_id = ? ORDER BY position",
        (period_id,)).fetchall()
    return [row["activity_row"] for row in rows], [activity_of_row(row) for row in rows]


def load_document(connection: sqlite3.Connection, period_id: int) -> Document:
    """The output document one period was added from (the same JSON, byte for byte)."""
    period = connection.execute("SELECT * FROM periods WHERE period_id = ?", (period_id,)).fetchone()
    _, activities = load_activities(connection, period_id)
    milestones = [Milestone(label=m["label"], date=_date_value(m["date_text"], m["date"], m["precision"]))
                  for m in connection.execute("SELECT * FROM milestones WHERE period_id = ? ORDER BY position",
                                              (period_id,))]
    warnings = [Warning(code=w["code"], message=w["message"], page=w["page"], activity_id=w["activity_id"])
                for w in connection.execute("SELECT * FROM warnings WHERE period_id = ? ORDER BY position",
                                            (period_id,))]
    legend = load_legend(connection, period_id)
    return Document(
        schema_version=period["schema_version"],
        source=Source(file=period["source_file"], sha256=period["source_sha256"], pages=period["pages"]),
        title=period["title"], period=period["period"], milestones=milestones, legend=legend,
        activities=activities, warnings=warnings,
    )


def load_legend(connection: sqlite3.Connection, period_id: int) -> list[LegendColour]:
    """The status legend of one period, in the report's order."""
    return [LegendColour(label=e["label"], colour=e["colour"], status=e["status"])
            for e in connection.execute("SELECT * FROM legend WHERE period_id = ? ORDER BY position", (period_id,))]


def insert_period_details(connection: sqlite3.Connection, period_id: int, document: Document) -> None:
    """A period's milestones, warnings and status legend, in the document's order."""
    connection.executemany(
        "INSERT INTO milestones (period_id, position, label, date_text, date, precision) VALUES (?, ?, ?, ?, ?, ?)",
        [(period_id, i, m.label, m.date.text if m.date else None, m.date.date if m.date else None,
          m.date.precision if m.date else None) for i, m in enumerate(document.milestones)])
    connection.executemany(
        "INSERT INTO warnings (period_id, position, code, message, page, activity_id) VALUES (?, ?, ?, ?, ?, ?)",
        [(period_id, i, w.code, w.message, w.page, w.activity_id) for i, w in enumerate(document.warnings)])
    connection.executemany(
        "INSERT INTO legend (period_id, position, label, colour, status) VALUES (?, ?, ?, ?, ?)",
        [(period_id, i, e.label, e.colour, e.status) for i, e in enumerate(document.legend)])
