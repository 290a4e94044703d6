-- Each period's own status legend (the output document's `legend`): label, colour and the status
-- the label names, so that the meeting report can paint statuses in the report's own colours.
CREATE TABLE legend (
    period_id   INTEGER NOT NULL REFERENCES periods(period_id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    label       TEXT NOT NULL,
    colour      TEXT NOT NULL,
    status      TEXT,
    PRIMARY KEY (period_id, position)
);
