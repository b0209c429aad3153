-- 001: LTTH profile schema (the original Node app's tables, cleaned up).
-- Timestamps are unix milliseconds; JSON documents are stored as TEXT.
-- Numbers 010-019 are reserved for the flow engine, 020-029 for alerts/goals.

CREATE TABLE settings (
    key        TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE alert_configs (
    event_type TEXT PRIMARY KEY NOT NULL,
    config     TEXT NOT NULL,                 -- JSON
    updated_at INTEGER NOT NULL
);

CREATE TABLE flows (
    id         TEXT PRIMARY KEY NOT NULL,
    name       TEXT NOT NULL DEFAULT '',
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    definition TEXT NOT NULL,                 -- JSON: the flow's full document
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);

CREATE TABLE variables (
    name       TEXT PRIMARY KEY NOT NULL,
    value      TEXT NOT NULL,                 -- JSON
    updated_at INTEGER NOT NULL
);

CREATE TABLE goals (
    id         TEXT PRIMARY KEY NOT NULL,
    config     TEXT NOT NULL,                 -- JSON
    value      INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);

CREATE TABLE gift_sounds (
    gift_id          INTEGER PRIMARY KEY NOT NULL, -- TikTok gift id (never match by name)
    label            TEXT NOT NULL DEFAULT '',
    sound_url        TEXT NOT NULL DEFAULT '',
    volume           REAL NOT NULL DEFAULT 1.0,
    animation_url    TEXT NOT NULL DEFAULT '',
    animation_type   TEXT NOT NULL DEFAULT '',
    animation_volume REAL NOT NULL DEFAULT 1.0,
    updated_at       INTEGER NOT NULL
);

CREATE TABLE user_voices (
    user_id    TEXT PRIMARY KEY NOT NULL,
    unique_id  TEXT NOT NULL DEFAULT '',
    nickname   TEXT NOT NULL DEFAULT '',
    engine     TEXT NOT NULL DEFAULT '',
    voice      TEXT NOT NULL DEFAULT '',
    enabled    INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
    updated_at INTEGER NOT NULL
);

CREATE TABLE top_gifters (
    user_id     TEXT PRIMARY KEY NOT NULL,
    unique_id   TEXT NOT NULL DEFAULT '',
    nickname    TEXT NOT NULL DEFAULT '',
    avatar_url  TEXT NOT NULL DEFAULT '',
    total_coins INTEGER NOT NULL DEFAULT 0,
    gift_count  INTEGER NOT NULL DEFAULT 0,
    last_ts     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX top_gifters_coins ON top_gifters (total_coins DESC);

CREATE TABLE scores (
    board      TEXT NOT NULL,                 -- gifters | likers | chatters
    period     TEXT NOT NULL,                 -- stream | all
    user_id    TEXT NOT NULL,
    unique_id  TEXT NOT NULL DEFAULT '',
    nickname   TEXT NOT NULL DEFAULT '',
    avatar_url TEXT NOT NULL DEFAULT '',
    value      INTEGER NOT NULL DEFAULT 0,
    last_ts    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (board, period, user_id)
);
CREATE INDEX scores_rank ON scores (board, period, value DESC, last_ts);

-- The event journal: every normalized event except giftStreak progress.
CREATE TABLE events (
    seq       INTEGER PRIMARY KEY,
    msg_id    TEXT NOT NULL DEFAULT '',
    ts        INTEGER NOT NULL,
    type      TEXT NOT NULL,
    user_id   TEXT NOT NULL DEFAULT '',
    unique_id TEXT NOT NULL DEFAULT '',
    json      TEXT NOT NULL
);
CREATE INDEX events_ts ON events (ts);
CREATE INDEX events_type ON events (type, ts);
