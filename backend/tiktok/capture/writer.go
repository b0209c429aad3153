// Package capture reads and writes capture files: JSON lines, one raw
// websocket message per line, {"t": <unix ms received>, "frame": "<base64
// of the binary WebcastPushFrame>"}; blank lines are ignored. The connector
// records live traffic with Writer; Reader and Replay play it back.
package capture

import (
	"encoding/base64"
	"errors"
	"io"
	"os"
	"strconv"
	"sync"
	"time"
)

// DefaultSyncEvery is how often a file Writer fsyncs at most.
const DefaultSyncEvery = 2 * time.Second

// Writer appends records. Each record reaches the file as one complete line
// in a single write, so a crash leaves at most one truncated last line
// (which Reader reports or skips). It fsyncs at most every SyncEvery and on
// Close. Safe for concurrent use.
type Writer struct {
	// SyncEvery bounds the time between fsyncs; <= 0 means DefaultSyncEvery.
	SyncEvery time.Duration

	mu       sync.Mutex
	w        io.Writer
	buf      []byte
	lastSync time.Time
	records  int64
	err      error
}

// Create opens path for appending (creating it with mode 0600), so toggling
// a recording off and on continues the same file.
func Create(path string) (*Writer, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	return NewWriter(f), nil
}

// NewWriter writes records to w. When w has Sync (an *os.File) it is
// fsynced; when it has Close, Close closes it.
func NewWriter(w io.Writer) *Writer {
	return &Writer{w: w, lastSync: time.Now()}
}

// Write appends one frame received at t.
func (w *Writer) Write(t time.Time, frame []byte) error {
	return w.WriteMs(t.UnixMilli(), frame)
}

// WriteMs appends one frame received at unix ms t.
func (w *Writer) WriteMs(t int64, frame []byte) error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.err != nil {
		return w.err
	}
	w.buf = AppendRecord(w.buf[:0], t, frame)
	if _, err := w.w.Write(w.buf); err != nil {
		w.err = err
		return err
	}
	if cap(w.buf) > 1<<20 {
		w.buf = nil
	}
	w.records++
	return w.maybeSync()
}

func (w *Writer) maybeSync() error {
	every := w.SyncEvery
	if every <= 0 {
		every = DefaultSyncEvery
	}
	if now := time.Now(); now.Sub(w.lastSync) >= every {
		w.lastSync = now
		if err := w.sync(); err != nil {
			w.err = err
			return err
		}
	}
	return nil
}

func (w *Writer) sync() error {
	if s, ok := w.w.(interface{ Sync() error }); ok {
		return s.Sync()
	}
	return nil
}

// Records returns how many records this Writer has written.
func (w *Writer) Records() int64 {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.records
}

// Close fsyncs and closes the underlying file.
func (w *Writer) Close() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if errors.Is(w.err, os.ErrClosed) {
		return nil
	}
	serr := w.sync()
	var cerr error
	if c, ok := w.w.(io.Closer); ok {
		cerr = c.Close()
	}
	w.err = os.ErrClosed
	if serr != nil {
		return serr
	}
	return cerr
}

// AppendRecord appends one capture line (with its newline) to b.
func AppendRecord(b []byte, t int64, frame []byte) []byte {
	b = append(b, `{"t":`...)
	b = strconv.AppendInt(b, t, 10)
	b = append(b, `,"frame":"`...)
	b = base64.StdEncoding.AppendEncode(b, frame)
	return append(b, '"', '}', '\n')
}
