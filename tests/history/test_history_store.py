"""The history database: migrations, round trip, identities across periods, replacing, transactions."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

import followup.history.adding as adding
from followup.compare import diff_documents
from followup.compare.matching import match_activities
from followup.history.adding import add_document
from followup.history.records import load_document
from followup.history.series import name_without_period, series_key
from followup.history.store import HistoryError, connect, latest_version, split_statements
from followup.output import document_json
from followup.pipeline import extract_document

TABLES = {"series", "periods", "identities", "activities", "milestones", "warnings"}
VIEWS = {"activity_status", "deadline_moves", "days_delayed"}

ROOT = Path(__file__).resolve().parents[2]


def names(connection: sqlite3.Connection, kind: str) -> set[str]:
    return {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = ?", (kind,))}


def identity_of(connection, series, period):
    """Identity key per activity position of one period."""
    return [row[0] for row in connection.execute(
        "SELECT i.key FROM activities a JOIN periods p USING (period_id) JOIN series s USING (series_id)"
        " JOIN identities i ON i.identity_id = a.identity_id WHERE s.key = ? AND p.period = ? ORDER BY a.position",
        (series, period))]


def test_migrations_build_the_schema_and_record_its_version(tmp_path):
    path = tmp_path / "history.db"
    connection = connect(path)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == latest_version() >= 1
    assert names(connection, "table") >= TABLES
    assert names(connection, "view") >= VIEWS
    connection.close()
    again = connect(path)  # nothing left to migrate: opening again changes nothing
    assert again.execute("PRAGMA user_version").fetchone()[0] == latest_version()


def test_a_newer_database_and_a_foreign_file_are_refused(tmp_path):
    newer = tmp_path / "newer.db"
    raw = sqlite3.connect(newer)
    raw.execute(f"PRAGMA user_version = {latest_version() + 1}")
    raw.close()
    with pytest.raises(HistoryError, match="schema version"):
        connect(newer)
    foreign = tmp_path / "notes.db"
    foreign.write_text("not a database at all, just some text that is long enough " * 20)
    with pytest.raises(HistoryError, match="not a history database"):
        connect(foreign)
    with pytest.raises(HistoryError, match="no such history database"):
        connect(tmp_path / "missing.db", create=False)


def test_migration_scripts_are_split_into_whole_statements():
    sql = "-- a comment; with a semicolon\nCREATE TABLE t (x TEXT DEFAULT ';');\n\nCREATE VIEW v AS\nSELECT x\nFROM t;\n"
    assert split_statements(sql) == ["-- a comment; with a semicolon\nCREATE TABLE t (x TEXT DEFAULT ';');",
                                     "CREATE VIEW v AS\nSELECT x\nFROM t;"]


def test_series_are_recognised_from_file_name_and_title(sample_documents):
    assert name_without_period("ystad-2024-03.pdf") == "ystad"
    assert name_without_period("Uppföljning mars 2024 Ystad.pdf") == "uppföljning ystad"
    keys = {name: series_key(document) for name, document in sample_documents.items()}
    assert keys["ystad-2024-03"] == keys["ystad-2024-09"]
    assert keys["medicin-web-2024-05"] == keys["medicin-web-2024-11"]
    assert keys["ystad-2024-03"] != keys["medicin-web-2024-05"]
    assert keys["ystad-2024-03"].startswith("ystad--uppfoljning-av-handlingsplan")


def test_every_document_comes_back_byte_for_byte(tmp_path, sample_documents):
    # A corpus report with extra columns (Nr, Startdatum, Prioritet …) and a theme legend too.
    with_extras = extract_document(ROOT / "samples" / "corpus" / "pdf" / "sjostad-2025-02-web-extras-dot.pdf")
    documents = [*sample_documents.values(), with_extras]
    assert any(a.extra for a in with_extras.activities) and with_extras.legend
    connection = connect(tmp_path / "history.db")
    for document in documents:
        add_document(connection, document)
    for (period_id,) in connection.execute("SELECT period_id FROM periods").fetchall():
        loaded = load_document(connection, period_id)
        original = next(d for d in documents if d.source.sha256 == loaded.source.sha256)
        assert document_json(loaded) == document_json(original)


@pytest.mark.parametrize("pair", [("ystad-2024-03", "ystad-2024-09"), ("medicin-web-2024-05", "medicin-web-2024-11")])
def test_identities_follow_compares_matching(tmp_path, sample_documents, pair):
    old, new = (sample_documents[name] for name in pair)
    connection = connect(tmp_path / "history.db")
    add_document(connection, old)
    add_document(connection, new)
    series = series_key(old)
    before, after = identity_of(connection, series, old.period), identity_of(connection, series, new.period)
    pairs = match_activities(old.activities, new.activities)
    assert pairs, "the two periods share activities"
    for p in pairs:
        assert after[p.new_index] == before[p.old_index]
    paired_new = {p.new_index for p in pairs}
    for index, key in enumerate(after):
        if index not in paired_new:
            assert key.startswith(f"{new.period}/") and key not in before
    identities = connection.execute("SELECT COUNT(*) FROM identities").fetchone()[0]
    assert identities == len(old.activities) + len(new.activities) - len(pairs)
    # What changed per activity is compare's answer too.
    diff = diff_documents(old, new, old_file="old", new_file="new")
    expected = sorted((c.new.id, tuple(c.fields), c.slip_days) for c in diff.activities if c.change in ("changed", "unchanged"))
    stored = sorted((row[0], tuple(json.loads(row[1])), row[2]) for row in connection.execute(
        "SELECT id, changed_fields_json, slip_days FROM activities a JOIN periods p USING (period_id)"
        " WHERE p.period = ? AND previous_row IS NOT NULL", (new.period,)))
    assert stored == expected


def test_the_order_of_adding_does_not_change_identities(tmp_path, sample_documents):
    old, new = sample_documents["ystad-2024-03"], sample_documents["ystad-2024-09"]
    in_order, reversed_order = connect(tmp_path / "a.db"), connect(tmp_path / "b.db")
    add_document(in_order, old)
    add_document(in_order, new)
    add_document(reversed_order, new)
    result = add_document(reversed_order, old)
    assert result.relinked_periods == 1
    series = series_key(old)
    for period in (old.period, new.period):
        assert identity_of(in_order, series, period) == identity_of(reversed_order, series, period)


def snapshot(connection):
    return [tuple(row) for row in connection.execute("SELECT * FROM activity_status ORDER BY series, period, activity")]


def test_adding_a_period_again_replaces_it(tmp_path, sample_documents):
    connection = connect(tmp_path / "history.db")
    for name in ("ystad-2024-03", "ystad-2024-09"):
        add_document(connection, sample_documents[name])
    first = snapshot(connection)
    again = add_document(connection, sample_documents["ystad-2024-03"])
    assert again.replaced
    assert snapshot(connection) == first
    assert connection.execute("SELECT COUNT(*) FROM periods").fetchone()[0] == 2
    # The later period's links were rebuilt onto the replaced period's rows.
    dangling = connection.execute("SELECT COUNT(*) FROM activities a JOIN periods p USING (period_id)"
                                  " WHERE p.period = '2024-09' AND a.previous_row IS NULL").fetchone()[0]
    assert dangling == len(sample_documents["ystad-2024-09"].activities) - sum(
        1 for _ in match_activities(sample_documents["ystad-2024-03"].activities,
                                    sample_documents["ystad-2024-09"].activities))


def test_a_period_that_fails_half_way_is_never_visible(tmp_path, sample_documents, monkeypatch):
    path = tmp_path / "history.db"
    connection = connect(path)
    add_document(connection, sample_documents["ystad-2024-03"])
    before = snapshot(connection)

    def fail(*args, **kwargs):
        raise RuntimeError("disk full, say")

    # The last step of an add: activities, milestones and warnings are already written by then.
    monkeypatch.setattr(adding, "_refresh_series_title", fail)
    with pytest.raises(RuntimeError):
        add_document(connection, sample_documents["ystad-2024-09"])
    other = connect(path)
    assert snapshot(other) == before == snapshot(connection)
    assert other.execute("SELECT COUNT(*) FROM periods").fetchone()[0] == 1
    assert other.execute("SELECT COUNT(*) FROM milestones m JOIN periods p USING (period_id)"
                         " WHERE p.period = '2024-09'").fetchone()[0] == 0


def test_views_answer_deadline_moves_and_days_delayed(tmp_path, sample_documents):
    old, new = sample_documents["ystad-2024-03"], sample_documents["ystad-2024-09"]
    connection = connect(tmp_path / "history.db")
    add_document(connection, old)
    add_document(connection, new)
    diff = diff_documents(old, new, old_file="old", new_file="new")
    later = [row for row in connection.execute("SELECT * FROM deadline_moves WHERE days > 0")]
    # Slips in days are compare's, between whole days only; the view measures every move by first days.
    stored = [row[0] for row in connection.execute("SELECT slip_days FROM activities WHERE slip_days IS NOT NULL")]
    assert sorted(stored) == sorted(diff.summary.deadline_slip_days)
    assert not Counter(diff.summary.deadline_slip_days) - Counter(row["days"] for row in later)
    assert all(row["from_period"] == old.period and row["to_period"] == new.period for row in later)
    delayed = {row["id"]: row for row in connection.execute("SELECT * FROM days_delayed")}
    for activity in new.activities:
        row = delayed.get(activity.id)
        if row is None:
            continue
        if row["done_at"] == f"{row['first_period']}-01":
            assert row["days_delayed"] is None  # done before it was first reported: when is not known
        elif row["days_delayed"] is not None:
            assert row["days_delayed"] >= 0
    assert any(row["days_delayed"] for row in delayed.values())


def test_replacing_an_old_period_relinks_only_as_far_as_identities_change(tmp_path, sample_documents):
    old, new = sample_documents["ystad-2024-03"], sample_documents["ystad-2024-09"]
    third = old.model_copy(update={"period": "2025-03"})  # the older text again: real changes back
    connection = connect(tmp_path / "history.db")
    for document in (old, new, third):
        add_document(connection, document)
    before = snapshot(connection)
    replaced = add_document(connection, old)
    assert replaced.replaced and replaced.relinked_periods == 1
    assert snapshot(connection) == before
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
