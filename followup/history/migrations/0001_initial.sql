-- History store, version 1: every period of every report, activities linked across periods.
-- Dates are ISO 8601 text ('2024-03-01'); *_json columns hold JSON arrays; booleans are 0/1.

-- One follow-up plan of one hospital or unit, followed period after period.
CREATE TABLE series (
    series_id   INTEGER PRIMARY KEY,
    key         TEXT NOT NULL UNIQUE,   -- from title and file name, or --series
    title       TEXT                    -- the title of its latest period
);

-- One report: a period of a series. Adding the same period again replaces it.
CREATE TABLE periods (
    period_id       INTEGER PRIMARY KEY,
    series_id       INTEGER NOT NULL REFERENCES series(series_id) ON DELETE CASCADE,
    period          TEXT NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]'),
    period_start    TEXT NOT NULL,      -- the first day of the period's month
    title           TEXT,
    source_file     TEXT NOT NULL,
    source_sha256   TEXT NOT NULL,
    pages           INTEGER NOT NULL,
    schema_version  TEXT NOT NULL,      -- of the output document it was read from
    added_at        TEXT NOT NULL,      -- UTC, when it was added
    UNIQUE (series_id, period)
);

-- One activity as the whole series knows it, whatever its text in each period.
CREATE TABLE identities (
    identity_id  INTEGER PRIMARY KEY,
    series_id    INTEGER NOT NULL REFERENCES series(series_id) ON DELETE CASCADE,
    key          TEXT NOT NULL,         -- "<first period>/<its id then>", e.g. "2024-03/a1b2c3d4"
    first_period TEXT NOT NULL,
    UNIQUE (series_id, key)
);

-- Every field of every activity of every period (the output document's Activity).
CREATE TABLE activities (
    activity_row            INTEGER PRIMARY KEY,
    period_id               INTEGER NOT NULL REFERENCES periods(period_id) ON DELETE CASCADE,
    position                INTEGER NOT NULL,   -- order in the document, from 0
    identity_id             INTEGER NOT NULL REFERENCES identities(identity_id),
    previous_row            INTEGER REFERENCES activities(activity_row) ON DELETE SET NULL,  -- same identity, previous period
    match_score             REAL,               -- compare's similarity to previous_row (1.0 by equal id)
    changed_fields_json     TEXT NOT NULL DEFAULT '[]',  -- fields changed since previous_row (compare's names)
    slip_days               INTEGER,            -- days the effective deadline moved later since previous_row
    id                      TEXT NOT NULL,
    section                 TEXT NOT NULL CHECK (section IN ('active', 'done')),
    area                    TEXT,
    goal                    TEXT,
    action                  TEXT,
    deadline_text           TEXT,
    deadline_date           TEXT,
    deadline_precision      TEXT,
    deadline_start          TEXT,               -- first day the printed deadline can mean
    responsible_text        TEXT,
    responsible_roles_json  TEXT,               -- [{"role", "unit", "relation"}], null without a responsible
    units_json              TEXT NOT NULL DEFAULT '[]',
    status                  TEXT CHECK (status IN ('done', 'in_progress', 'delayed')),
    status_source           TEXT,
    follow_up               TEXT,
    new_deadline_text       TEXT,
    new_deadline_date       TEXT,
    new_deadline_precision  TEXT,
    new_deadline_start      TEXT,
    effective_deadline      TEXT,               -- Ny tid when printed, else Tid (start day)
    highlighted             INTEGER NOT NULL DEFAULT 0,
    pages_json              TEXT NOT NULL DEFAULT '[]',
    UNIQUE (period_id, position)
);
CREATE INDEX activities_identity ON activities(identity_id);

CREATE TABLE milestones (
    period_id   INTEGER NOT NULL REFERENCES periods(period_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    date_text   TEXT,
    date        TEXT,
    precision   TEXT,
    PRIMARY KEY (period_id, position)
);

CREATE TABLE warnings (
    period_id    INTEGER NOT NULL REFERENCES periods(period_id) ON DELETE CASCADE,
    position     INTEGER NOT NULL,
    code         TEXT NOT NULL,
    message      TEXT NOT NULL,
    page         INTEGER,
    activity_id  TEXT,
    PRIMARY KEY (period_id, position)
);

-- Status of every activity in every period, oldest period first.
CREATE VIEW activity_status AS
SELECT s.key AS series, p.period, i.key AS activity, a.id, a.section, a.status, a.area, a.goal, a.action,
       a.deadline_text, a.new_deadline_text, a.effective_deadline, a.responsible_text, a.changed_fields_json
FROM activities a
JOIN periods p ON p.period_id = a.period_id
JOIN series s ON s.series_id = p.series_id
JOIN identities i ON i.identity_id = a.identity_id;

-- Every time an activity's effective deadline changed from one period to the next.
CREATE VIEW deadline_moves AS
SELECT s.key AS series, i.key AS activity, pp.period AS from_period, p.period AS to_period,
       prev.effective_deadline AS from_deadline, a.effective_deadline AS to_deadline,
       CAST(julianday(a.effective_deadline) - julianday(prev.effective_deadline) AS INTEGER) AS days,
       a.responsible_text AS responsible, a.goal, a.action
FROM activities a
JOIN activities prev ON prev.activity_row = a.previous_row
JOIN periods p ON p.period_id = a.period_id
JOIN periods pp ON pp.period_id = prev.period_id
JOIN series s ON s.series_id = p.series_id
JOIN identities i ON i.identity_id = a.identity_id
WHERE a.effective_deadline IS NOT NULL AND prev.effective_deadline IS NOT NULL
  AND a.effective_deadline <> prev.effective_deadline;

-- Per activity, as of its latest period: its first deadline (Tid of its first period), the one that
-- holds now, and days_delayed: how far past the first deadline it was when first reported done (an
-- upper bound: it was done between two reports), or still is at its latest period when not done.
-- Null for an activity already done when first seen: when it was done is not known.
CREATE VIEW days_delayed AS
WITH per_identity AS (
    SELECT a.identity_id,
           MIN(p.period) AS first_period,
           MAX(p.period) AS last_period,
           MIN(CASE WHEN a.section = 'done' OR a.status = 'done' THEN p.period_start END) AS done_at
    FROM activities a JOIN periods p ON p.period_id = a.period_id
    GROUP BY a.identity_id
),
first_row AS (
    SELECT a.identity_id, COALESCE(a.deadline_start, a.effective_deadline) AS first_deadline
    FROM activities a JOIN periods p ON p.period_id = a.period_id
    JOIN per_identity pi ON pi.identity_id = a.identity_id AND pi.first_period = p.period
),
last_row AS (
    SELECT a.*, p.period, p.period_start
    FROM activities a JOIN periods p ON p.period_id = a.period_id
    JOIN per_identity pi ON pi.identity_id = a.identity_id AND pi.last_period = p.period
)
SELECT s.key AS series, i.key AS activity, l.id, pi.first_period, l.period AS last_period,
       l.status, l.section, f.first_deadline, l.effective_deadline AS current_deadline,
       CAST(julianday(l.effective_deadline) - julianday(f.first_deadline) AS INTEGER) AS deadline_moved_days,
       pi.done_at,
       CASE WHEN pi.done_at IS NULL OR pi.done_at > pi.first_period || '-01'
            THEN MAX(0, CAST(julianday(COALESCE(pi.done_at, l.period_start)) - julianday(f.first_deadline) AS INTEGER))
       END AS days_delayed,
       l.responsible_text AS responsible, l.area, l.goal, l.action
FROM last_row l
JOIN per_identity pi ON pi.identity_id = l.identity_id
JOIN first_row f ON f.identity_id = l.identity_id
JOIN identities i ON i.identity_id = l.identity_id
JOIN series s ON s.series_id = i.series_id
WHERE f.first_deadline IS NOT NULL;
