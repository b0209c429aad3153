-- 042: full-text index of chat and question text (owned by backend/history).
-- docid = events.seq. FTS4, not FTS5: the mattn/go-sqlite3 build compiles
-- FTS3/FTS4 in by default, FTS5 only with the sqlite_fts5 build tag. The
-- index is filled incrementally by the history module from the journal
-- (no triggers: imported profiles run with trusted_schema=OFF); its shadow
-- tables are never imported from an upload (it is rebuilt instead).

CREATE VIRTUAL TABLE history_chat_fts USING fts4(text, tokenize=unicode61);
