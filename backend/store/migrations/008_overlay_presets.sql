-- overlay_presets are the overlay designer's saved looks: a name the
-- overlay URL refers to (?preset=name), the overlay it was made for, the
-- validated style parameters (JSON object of strings) and custom CSS.
CREATE TABLE overlay_presets (
    name       TEXT    NOT NULL PRIMARY KEY,
    overlay    TEXT    NOT NULL,
    params     TEXT    NOT NULL,
    css        TEXT    NOT NULL DEFAULT '',
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;
