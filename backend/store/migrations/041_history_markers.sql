-- 041: chart markers of a stream (owned by backend/history): big gifts,
-- goals reached and connection gaps. A gap has an end (NULL while open).
-- Timestamps are unix milliseconds.

CREATE TABLE history_markers (
    stream_id INTEGER NOT NULL,
    ts        INTEGER NOT NULL,
    kind      TEXT    NOT NULL CHECK (kind IN ('bigGift', 'goal', 'gap')),
    label     TEXT    NOT NULL DEFAULT '',
    end_ts    INTEGER,
    PRIMARY KEY (stream_id, ts, kind, label)
) WITHOUT ROWID;
