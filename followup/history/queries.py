"""The questions asked of the history: series, status counts per period, one activity's timeline."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from followup.history.store import HistoryError

STATUSES = ("done", "in_progress", "delayed")
# The columns of `followup history show` for a series and for one activity.
STATUS_COUNT_COLUMNS = ("period", "activities", "done", "in_progress", "delayed", "unknown", "added", "removed")
TIMELINE_COLUMNS = ("period", "id", "section", "status", "deadline", "new_deadline", "changed", "slip_days",
                    "responsible")


@dataclass(frozen=True)
class Series:
    series_id: int
    key: str
    title: str | None
    periods: list[str]


def all_series(connection: sqlite3.Connection) -> list[Series]:
    """Every series with its periods, in key order."""
    rows = connection.execute("SELECT series_id, key, title FROM series ORDER BY key").fetchall()
    return [Series(row["series_id"], row["key"], row["title"], periods_of(connection, row["series_id"]))
            for row in rows]


def periods_of(connection: sqlite3.Connection, series_id: int) -> list[str]:
    return [row[0] for row in connection.execute(
        "SELECT period FROM periods WHERE series_id = ? ORDER BY period", (series_id,))]


def find_series(connection: sqlite3.Connection, name: str | None) -> list[Series]:
    """The series named exactly or by a unique beginning ("ystad"); every series when name is None."""
    series = all_series(connection)
    if name is None:
        return series
    exact = [s for s in series if s.key == name]
    starting = [s for s in series if s.key.startswith(name)]
    chosen = exact or starting
    if len(chosen) != 1:
        known = ", ".join(s.key for s in series) or "none"
        what = "no series" if not chosen else "more than one series"
        raise HistoryError(f"{what} called {name!r} (series: {known})")
    return chosen


def status_counts(connection: sqlite3.Connection, series_id: int) -> list[dict[str, object]]:
    """Per period, oldest first: activities by status, and identities added and removed since the period before."""
    rows = connection.execute(
        "SELECT p.period, a.status, a.identity_id FROM periods p LEFT JOIN activities a ON a.period_id = p.period_id "
        "WHERE p.series_id = ? ORDER BY p.period, a.position", (series_id,)).fetchall()
    by_period: dict[str, list[sqlite3.Row]] = {}
    for row in rows:
        by_period.setdefault(row["period"], []).append(row)
    counts, previous = [], None
    for period, members in by_period.items():
        present = [m for m in members if m["identity_id"] is not None]
        identities = {m["identity_id"] for m in present}
        entry: dict[str, object] = {"period": period, "activities": len(present)}
        for status in STATUSES:
            entry[status] = sum(1 for m in present if m["status"] == status)
        entry["unknown"] = sum(1 for m in present if m["status"] is None)
        entry["added"] = len(identities - previous) if previous is not None else None
        entry["removed"] = len(previous - identities) if previous is not None else None
        counts.append(entry)
        previous = identities
    return counts


def find_identity(connection: sqlite3.Connection, series_id: int | None, name: str) -> tuple[int, str]:
    """(identity_id, key) of an activity named by its identity key, or by its id in any period, or a unique beginning."""
    where, args = ("AND i.series_id = ?", [series_id]) if series_id is not None else ("", [])
    for condition, value in (("i.key = ?", name), ("a.id = ?", name), ("i.key LIKE ? ESCAPE '\\'", _prefix(name)),
                             ("a.id LIKE ? ESCAPE '\\'", _prefix(name))):
        found = connection.execute(
            f"SELECT DISTINCT i.identity_id, i.key FROM identities i JOIN activities a ON a.identity_id = i.identity_id "
            f"WHERE {condition} {where}", [value, *args]).fetchall()
        if len(found) == 1:
            return int(found[0][0]), found[0][1]
        if len(found) > 1:
            raise HistoryError(f"{name!r} names {len(found)} activities ({', '.join(r[1] for r in found[:5])} …); "
                               "give more of it, or --series")
    raise HistoryError(f"no activity {name!r} in the history")


def _prefix(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def timeline(connection: sqlite3.Connection, identity_id: int) -> list[dict[str, object]]:
    """One activity period by period: status, deadlines, what changed since the period before."""
    rows = connection.execute(
        "SELECT p.period, a.id, a.section, a.status, a.deadline_text, a.new_deadline_text, a.changed_fields_json,"
        " a.slip_days, a.responsible_text, a.previous_row FROM activities a JOIN periods p ON p.period_id = a.period_id "
        "WHERE a.identity_id = ? ORDER BY p.period", (identity_id,)).fetchall()
    entries = []
    for row in rows:
        changed = json.loads(row["changed_fields_json"])
        entries.append({
            "period": row["period"], "id": row["id"], "section": row["section"], "status": row["status"],
            "deadline": row["deadline_text"], "new_deadline": row["new_deadline_text"],
            "changed": ", ".join(changed) if row["previous_row"] is not None else "(first period)",
            "slip_days": row["slip_days"], "responsible": row["responsible_text"],
        })
    return entries
