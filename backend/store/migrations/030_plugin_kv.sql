-- plugin_kv is the plugin host's key-value storage: one namespace per
-- plugin id, values are JSON. A known table, so exported and imported
-- profiles keep it.
CREATE TABLE plugin_kv (
    plugin     TEXT    NOT NULL,
    key        TEXT    NOT NULL,
    value      TEXT    NOT NULL,
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (plugin, key)
) WITHOUT ROWID;
