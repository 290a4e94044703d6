"""The history database: opening it, migrating its schema, and one transaction at a time.

One SQLite file (standard library sqlite3), in the default rollback-journal mode so that it stays a
single file a user can copy and open in any SQLite tool. The schema is built by the numbered SQL
files in `migrations/`, applied in order; `PRAGMA user_version` holds the number of the last one.
"""
from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

# A writer waits this long for another process's transaction to finish before giving up: an `add`
# of one period holds the lock for well under a second, so a minute is patience, not a hang.
BUSY_TIMEOUT_SECONDS = 60.0
_MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class HistoryError(Exception):
    """The database cannot be used: not a history database, or newer than this followup."""


def migrations() -> list[tuple[int, str]]:
    """(version, SQL) of every migration shipped with followup, in order."""
    found = []
    for entry in resources.files("followup.history").joinpath("migrations").iterdir():
        match = _MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.read_text(encoding="utf-8")))
    found.sort()
    if [version for version, _ in found] != list(range(1, len(found) + 1)):
        raise HistoryError("migrations are not numbered 1, 2, 3 … without gaps")
    return found


def latest_version() -> int:
    return len(migrations())


def connect(path: Path | str, *, create: bool = True) -> sqlite3.Connection:
    """Open the history database at path, creating and migrating it as needed.

    The connection is in autocommit mode: every change goes through `transaction()`.
    """
    if not create and str(path) != ":memory:" and not Path(path).is_file():
        raise HistoryError(f"{path}: no such history database")
    try:
        connection = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None)
    except sqlite3.Error as error:
        raise HistoryError(f"{path}: cannot open ({error})") from None
    connection.row_factory = sqlite3.Row
    connection.execute("PRAGMA foreign_keys = ON")
    try:
        migrate(connection)
    except sqlite3.DatabaseError as error:
        connection.close()
        raise HistoryError(f"{path}: not a history database ({error})") from None
    except HistoryError:
        connection.close()
        raise
    return connection


@contextmanager
def transaction(connection: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One write transaction: all of it is visible to other readers, or none of it.

    BEGIN IMMEDIATE takes the write lock at once, so two writers queue (busy timeout) instead of
    both reading and then failing to upgrade their locks.
    """
    connection.execute("BEGIN IMMEDIATE")
    try:
        yield connection
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def migrate(connection: sqlite3.Connection) -> int:
    """Apply the migrations the database lacks, each in its own transaction; return the version reached."""
    known = migrations()
    for version, sql in known:
        if _user_version(connection) >= version:
            continue
        with transaction(connection):
            # Another process may have migrated while this one waited for the lock.
            if _user_version(connection) >= version:
                continue
            for statement in split_statements(sql):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version:d}")
    reached = _user_version(connection)
    if reached > len(known):
        raise HistoryError(f"the database has schema version {reached}; this followup knows up to {len(known)}")
    return reached


def _user_version(connection: sqlite3.Connection) -> int:
    return int(connection.execute("PRAGMA user_version").fetchone()[0])


def split_statements(sql: str) -> list[str]:
    """The complete SQL statements of a script, in order (sqlite3 runs one statement per execute)."""
    statements, pending = [], ""
    for line in sql.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            if _has_code(pending):
                statements.append(pending.strip())
            pending = ""
    if _has_code(pending):
        raise HistoryError(f"incomplete SQL statement in a migration: {pending.strip()[:80]}")
    return statements


def _has_code(sql: str) -> bool:
    return any(line.strip() and not line.strip().startswith("--") for line in sql.splitlines())
