package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/domain"
)

// eventRow is one pending events row; json is the event's contract JSON.
type eventRow struct {
	msgID, typ, userID, uniqueID, json string
	ts                                 int64
}

// batchWriter owns the journal's pinned connection and prepared insert.
type batchWriter struct {
	db   *DB
	conn *sql.Conn
	ins  *sql.Stmt
	rows []eventRow
	buf  []byte
}

func (w *batchWriter) add(e *domain.Event) int {
	w.buf = e.AppendJSON(w.buf[:0])
	w.rows = append(w.rows, eventRow{msgID: e.ID, typ: string(e.Type), userID: e.UserID,
		uniqueID: e.UniqueID, json: string(w.buf), ts: e.TS})
	return len(w.rows)
}

func (w *batchWriter) reset() {
	clear(w.rows)
	w.rows = w.rows[:0]
}

const insertEvent = `INSERT INTO events (msg_id, ts, type, user_id, unique_id, json) VALUES (?, ?, ?, ?, ?, ?)`

func (w *batchWriter) connect() error {
	if w.conn != nil {
		return nil
	}
	ctx := context.Background()
	conn, err := w.db.sql.Conn(ctx)
	if err != nil {
		return err
	}
	ins, err := conn.PrepareContext(ctx, insertEvent)
	if err != nil {
		conn.Close()
		return err
	}
	// Routine checkpoints run in the background (checkpointer); this is
	// only the safety net should they fall behind.
	// The journal retries failed batches itself (keeping them), so it waits
	// only briefly for a lock: a database locked by another process then
	// shows as degraded quickly and Close keeps its 1 s bound.
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout = %d", journalBusyTimeoutMS)); err != nil {
		ins.Close()
		conn.Close()
		return err
	}
	if _, err := conn.ExecContext(ctx, fmt.Sprintf("PRAGMA wal_autocheckpoint = %d", journalAutoCheckpoint)); err != nil {
		ins.Close()
		conn.Close()
		return err
	}
	w.conn, w.ins = conn, ins
	return nil
}

func (w *batchWriter) disconnect() {
	if w.conn != nil {
		w.ins.Close()
		w.conn.Close()
		w.conn, w.ins = nil, nil
	}
}

// write commits the pending rows in one transaction. On failure the rows
// are kept; a broken connection is replaced on the next attempt.
func (w *batchWriter) write() error {
	err := w.connect()
	if err == nil {
		err = w.tx()
	}
	if err != nil {
		if errors.Is(err, driver.ErrBadConn) || errors.Is(err, sql.ErrConnDone) {
			w.disconnect()
		}
		return classify(w.db.path, err)
	}
	w.reset()
	return nil
}

// tx runs BEGIN IMMEDIATE ... COMMIT on the pinned connection, so the
// prepared statement is reused across batches without re-preparing.
func (w *batchWriter) tx() error {
	ctx := context.Background()
	if _, err := w.conn.ExecContext(ctx, "BEGIN IMMEDIATE"); err != nil {
		return err
	}
	for i := range w.rows {
		r := &w.rows[i]
		if _, err := w.ins.ExecContext(ctx, r.msgID, r.ts, r.typ, r.userID, r.uniqueID, r.json); err != nil {
			_, _ = w.conn.ExecContext(ctx, "ROLLBACK")
			return err
		}
	}
	if _, err := w.conn.ExecContext(ctx, "COMMIT"); err != nil {
		_, _ = w.conn.ExecContext(ctx, "ROLLBACK")
		return err
	}
	return nil
}

// journalAutoCheckpoint is the WAL size (pages) at which a journal commit
// checkpoints by itself; normally the checkpointer keeps the WAL far smaller.
const journalAutoCheckpoint = 4096

// journalBusyTimeoutMS is how long one journal write waits for a lock.
const journalBusyTimeoutMS = 250

// checkpointEvery is the shortest time between background checkpoints.
const checkpointEvery = 250 * time.Millisecond

// checkpointer copies WAL content into the database file off the journal's
// commit path (PASSIVE: never blocks writers or readers), after writes.
type checkpointer struct {
	db   *DB
	log  zerolog.Logger
	kick chan struct{}
	quit chan struct{}
	done chan struct{}
}

func startCheckpointer(db *DB, log zerolog.Logger) *checkpointer {
	c := &checkpointer{db: db, log: log, kick: make(chan struct{}, 1),
		quit: make(chan struct{}), done: make(chan struct{})}
	go c.run()
	return c
}

// wrote tells the checkpointer a batch was committed (never blocks).
func (c *checkpointer) wrote() {
	select {
	case c.kick <- struct{}{}:
	default:
	}
}

func (c *checkpointer) stop() {
	close(c.quit)
	<-c.done
}

func (c *checkpointer) run() {
	defer close(c.done)
	for {
		select {
		case <-c.quit:
			return
		case <-c.kick:
		}
		var busy, frames, copied int
		err := c.db.sql.QueryRowContext(context.Background(), "PRAGMA wal_checkpoint(PASSIVE)").
			Scan(&busy, &frames, &copied)
		if err != nil {
			c.log.Debug().Err(err).Msg("background checkpoint failed")
		}
		select {
		case <-c.quit:
			return
		case <-time.After(checkpointEvery):
		}
	}
}
