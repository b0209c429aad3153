-- 040: stream history, per-minute series and the viewer database (owned by
-- backend/history). Numbers 040-049 are reserved for history.
-- Timestamps are unix milliseconds.

CREATE TABLE history_streams (
    id              INTEGER PRIMARY KEY,
    source          TEXT    NOT NULL DEFAULT '',
    unique_id       TEXT    NOT NULL DEFAULT '',
    room_id         TEXT    NOT NULL DEFAULT '',
    simulated       INTEGER NOT NULL DEFAULT 0 CHECK (simulated IN (0, 1)),
    started_at      INTEGER NOT NULL,
    ended_at        INTEGER,                      -- NULL while open
    last_ts         INTEGER NOT NULL DEFAULT 0,   -- newest event counted
    coins           INTEGER NOT NULL DEFAULT 0,
    gifts           INTEGER NOT NULL DEFAULT 0,
    likes           INTEGER NOT NULL DEFAULT 0,
    follows         INTEGER NOT NULL DEFAULT 0,
    shares          INTEGER NOT NULL DEFAULT 0,
    subscribes      INTEGER NOT NULL DEFAULT 0,
    chat_messages   INTEGER NOT NULL DEFAULT 0,
    unique_chatters INTEGER NOT NULL DEFAULT 0,
    unique_gifters  INTEGER NOT NULL DEFAULT 0,
    peak_viewers    INTEGER NOT NULL DEFAULT 0,
    viewer_sum      INTEGER NOT NULL DEFAULT 0,
    viewer_samples  INTEGER NOT NULL DEFAULT 0,
    biggest_streak  INTEGER NOT NULL DEFAULT 0    -- coins of the biggest single gift event
);
CREATE INDEX history_streams_started ON history_streams (started_at DESC);

-- One row per stream and minute since its start.
CREATE TABLE history_series (
    stream_id INTEGER NOT NULL,
    minute    INTEGER NOT NULL,
    viewers   INTEGER NOT NULL DEFAULT 0,         -- peak of the minute
    coins     INTEGER NOT NULL DEFAULT 0,
    likes     INTEGER NOT NULL DEFAULT 0,
    chats     INTEGER NOT NULL DEFAULT 0,
    follows   INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (stream_id, minute)
) WITHOUT ROWID;

-- What each user did in each stream (unique chatters/gifters, top gifters,
-- streams attended).
CREATE TABLE history_stream_users (
    stream_id INTEGER NOT NULL,
    user_id   TEXT    NOT NULL,
    coins     INTEGER NOT NULL DEFAULT 0,
    gifts     INTEGER NOT NULL DEFAULT 0,
    likes     INTEGER NOT NULL DEFAULT 0,
    messages  INTEGER NOT NULL DEFAULT 0,
    follows   INTEGER NOT NULL DEFAULT 0,
    shares    INTEGER NOT NULL DEFAULT 0,
    minutes   INTEGER NOT NULL DEFAULT 0,         -- distinct minutes with activity
    points    INTEGER NOT NULL DEFAULT 0,         -- points earned by the rules
    PRIMARY KEY (stream_id, user_id)
) WITHOUT ROWID;
CREATE INDEX history_stream_users_coins ON history_stream_users (stream_id, coins DESC);

-- The viewer database: real (not simulated) events only.
CREATE TABLE history_viewers (
    user_id    TEXT PRIMARY KEY NOT NULL,
    unique_id  TEXT    NOT NULL DEFAULT '',
    nickname   TEXT    NOT NULL DEFAULT '',
    avatar_url TEXT    NOT NULL DEFAULT '',
    first_seen INTEGER NOT NULL,
    last_seen  INTEGER NOT NULL,
    streams    INTEGER NOT NULL DEFAULT 0,
    coins      INTEGER NOT NULL DEFAULT 0,
    gifts      INTEGER NOT NULL DEFAULT 0,
    likes      INTEGER NOT NULL DEFAULT 0,
    messages   INTEGER NOT NULL DEFAULT 0,
    follows    INTEGER NOT NULL DEFAULT 0,
    shares     INTEGER NOT NULL DEFAULT 0,
    minutes    INTEGER NOT NULL DEFAULT 0,
    roles      INTEGER NOT NULL DEFAULT 0,        -- bits: 1 moderator, 2 subscriber, 4 follower
    points     INTEGER NOT NULL DEFAULT 0,
    notes      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX history_viewers_last ON history_viewers (last_seen DESC);
CREATE INDEX history_viewers_coins ON history_viewers (coins DESC);
CREATE INDEX history_viewers_points ON history_viewers (points DESC);
CREATE INDEX history_viewers_unique ON history_viewers (unique_id);

CREATE TABLE history_nicknames (
    user_id    TEXT    NOT NULL,
    nickname   TEXT    NOT NULL,
    first_seen INTEGER NOT NULL,
    PRIMARY KEY (user_id, nickname)
) WITHOUT ROWID;

-- Event search by user (the journal has ts and type indexes already).
CREATE INDEX events_user ON events (user_id, seq);
