"""Adding one period of one report to the history, in one transaction.

The period's activities are linked to the previous period's; the periods after it (when an older
report is added late, or one is replaced) are linked again in turn, so every identity runs through
the series in period order whatever order the reports were added in.
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from followup.history.linking import Link, link_period
from followup.history.records import (
    ACTIVITY_COLUMNS,
    activity_values,
    insert_period_details,
    load_activities,
    period_start,
)
from followup.history.series import series_key
from followup.history.store import HistoryError, transaction
from followup.schemas import Activity, Document


@dataclass(frozen=True)
class Added:
    """What adding one document did."""

    series: str
    period: str
    activities: int
    replaced: bool
    continued: int  # activities linked to an activity of the previous period
    relinked_periods: int  # later periods linked again


def add_document(connection: sqlite3.Connection, document: Document, *, series: str | None = None,
                 now: datetime | None = None) -> Added:
    """Put one document into the history as a period of its series (replacing that period if present)."""
    if not document.period:
        raise HistoryError("the report's period is unknown: give it with --period YYYY-MM")
    key = series or series_key(document)
    added_at = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with transaction(connection):
        series_id = _series_id(connection, key, document.title)
        replaced = connection.execute("DELETE FROM periods WHERE series_id = ? AND period = ?",
                                      (series_id, document.period)).rowcount > 0
        period_id = _inserted(connection.execute(
            "INSERT INTO periods (series_id, period, period_start, title, source_file, source_sha256, pages,"
            " schema_version, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (series_id, document.period, period_start(document.period), document.title, document.source.file,
             document.source.sha256, document.source.pages, document.schema_version, added_at)))
        insert_period_details(connection, period_id, document)
        previous = _previous_period(connection, series_id, document.period)
        links = link_period(document.period, document.activities, *_linked(connection, previous))
        _insert_activities(connection, series_id, period_id, document.activities, links,
                           _rows_of(connection, previous))
        relinked = _relink_after(connection, series_id, document.period)
        _drop_unused_identities(connection, series_id)
        _refresh_series_title(connection, series_id)
    return Added(series=key, period=document.period, activities=len(document.activities), replaced=replaced,
                 continued=sum(1 for link in links if link.previous_index is not None), relinked_periods=relinked)


def _inserted(cursor: sqlite3.Cursor) -> int:
    """The rowid an INSERT gave its row (typeshed types lastrowid optional: it is None only before any INSERT)."""
    rowid = cursor.lastrowid
    if rowid is None:
        raise TypeError("an INSERT left no lastrowid")
    return rowid


def _series_id(connection: sqlite3.Connection, key: str, title: str | None) -> int:
    row = connection.execute("SELECT series_id FROM series WHERE key = ?", (key,)).fetchone()
    if row:
        return int(row[0])
    return _inserted(connection.execute("INSERT INTO series (key, title) VALUES (?, ?)", (key, title)))


def _refresh_series_title(connection: sqlite3.Connection, series_id: int) -> None:
    connection.execute(
        "UPDATE series SET title = (SELECT title FROM periods WHERE series_id = ?1 ORDER BY period DESC LIMIT 1)"
        " WHERE series_id = ?1", (series_id,))


def _previous_period(connection: sqlite3.Connection, series_id: int, period: str) -> int | None:
    row = connection.execute("SELECT period_id FROM periods WHERE series_id = ? AND period < ? "
                             "ORDER BY period DESC LIMIT 1", (series_id, period)).fetchone()
    return int(row[0]) if row else None


def _linked(connection: sqlite3.Connection, period_id: int | None) -> tuple[list[Activity], list[str]]:
    """A period's activities and their identity keys, in document order (nothing for no period)."""
    if period_id is None:
        return [], []
    _, activities = load_activities(connection, period_id)
    keys = [row[0] for row in connection.execute(
        "SELECT i.key FROM activities a JOIN identities i ON i.identity_id = a.identity_id "
        "WHERE a.period_id = ? ORDER BY a.position", (period_id,))]
    return activities, keys


def _rows_of(connection: sqlite3.Connection, period_id: int | None) -> list[int]:
    if period_id is None:
        return []
    return [row[0] for row in connection.execute(
        "SELECT activity_row FROM activities WHERE period_id = ? ORDER BY position", (period_id,))]


def _identity_id(connection: sqlite3.Connection, series_id: int, key: str) -> int:
    row = connection.execute("SELECT identity_id FROM identities WHERE series_id = ? AND key = ?",
                             (series_id, key)).fetchone()
    if row:
        return int(row[0])
    first_period = key.split("/", 1)[0]
    return _inserted(connection.execute("INSERT INTO identities (series_id, key, first_period) VALUES (?, ?, ?)",
                                        (series_id, key, first_period)))


def _link_values(connection: sqlite3.Connection, series_id: int, link: Link, previous_rows: Sequence[int]
                 ) -> dict[str, object]:
    return {
        "identity_id": _identity_id(connection, series_id, link.identity),
        "previous_row": previous_rows[link.previous_index] if link.previous_index is not None else None,
        "match_score": link.score,
        "changed_fields_json": json.dumps(link.changed),
        "slip_days": link.slip_days,
    }


def _insert_activities(connection: sqlite3.Connection, series_id: int, period_id: int,
                       activities: Sequence[Activity], links: Sequence[Link], previous_rows: Sequence[int]) -> None:
    columns = ("period_id", "position", "identity_id", "previous_row", "match_score", "changed_fields_json",
               "slip_days", *ACTIVITY_COLUMNS)
    sql = f"INSERT INTO activities ({', '.join(columns)}) VALUES ({', '.join(':' + c for c in columns)})"
    connection.executemany(sql, [
        {"period_id": period_id, "position": position,
         **_link_values(connection, series_id, link, previous_rows), **activity_values(activity)}
        for position, (activity, link) in enumerate(zip(activities, links, strict=True))])


def _relink_after(connection: sqlite3.Connection, series_id: int, period: str) -> int:
    """Link the periods after `period` again, in order; returns how many were linked again.

    A period whose identities come out as they were leaves every later one as it was (each period
    is linked from the one before only), so the walk stops there.
    """
    later = connection.execute("SELECT period_id, period FROM periods WHERE series_id = ? AND period > ? "
                               "ORDER BY period", (series_id, period)).fetchall()
    previous_id = _previous_period(connection, series_id, later[0]["period"]) if later else None
    relinked = 0
    for row in later:
        rows, activities = load_activities(connection, row["period_id"])
        _, identities_before = _linked(connection, row["period_id"])
        links = link_period(row["period"], activities, *_linked(connection, previous_id))
        previous_rows = _rows_of(connection, previous_id)
        connection.executemany(
            "UPDATE activities SET identity_id = :identity_id, previous_row = :previous_row,"
            " match_score = :match_score, changed_fields_json = :changed_fields_json, slip_days = :slip_days"
            " WHERE activity_row = :activity_row",
            [{"activity_row": activity_row, **_link_values(connection, series_id, link, previous_rows)}
             for activity_row, link in zip(rows, links, strict=True)])
        previous_id = row["period_id"]
        relinked += 1
        if [link.identity for link in links] == identities_before:
            break
    return relinked


def _drop_unused_identities(connection: sqlite3.Connection, series_id: int) -> None:
    connection.execute("DELETE FROM identities WHERE series_id = ? AND identity_id NOT IN "
                       "(SELECT DISTINCT identity_id FROM activities)", (series_id,))
