-- 005: quarantine for imported settings and flows that run a program or
-- send data elsewhere (browser path, sign server, webhooks). Import moves
-- them here; they take effect only once the user accepts them.
CREATE TABLE pending_review (
    id         INTEGER PRIMARY KEY,
    kind       TEXT NOT NULL CHECK (kind IN ('setting', 'flow')),
    key        TEXT NOT NULL,                 -- setting key or flow id
    value      TEXT NOT NULL,                 -- setting value, or the flow's enabled flag ('1'/'0')
    reason     TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    UNIQUE (kind, key)
);
