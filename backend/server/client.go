package server

import (
	"errors"
	"io"
	"net"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// readLimit bounds what a client may send (the feed is one-way; clients
// send nothing but control frames today).
const readLimit = 4096

// client is one /ws connection: a queue filled by the hub and a writer
// goroutine that drains it, batching into JSON arrays. Nothing is dropped
// for a connected client; the hub waits for a client whose queue is beyond
// its limit and disconnects it when it stays there for the stall timeout.
type client struct {
	h        *hub
	conn     *websocket.Conn
	remote   string
	snapshot []byte // written first; set by hub.register
	wake     chan struct{}
	done     chan struct{}
	once     sync.Once

	mu        sync.Mutex
	queue     [][]byte
	fullSince time.Time
	drained   chan struct{} // signalled when the writer took the queue
}

func newClient(h *hub, conn *websocket.Conn, remote string) *client {
	return &client{
		h: h, conn: conn, remote: remote,
		wake: make(chan struct{}, 1),
		done: make(chan struct{}),

		drained: make(chan struct{}, 1),
	}
}

// enqueue appends frames: a connected client never loses a message. It
// reports whether the queue is now beyond limit; fullSince records since
// when, so the hub can tell a slow client from a stalled one.
func (c *client) enqueue(frames [][]byte, now time.Time, limit int) bool {
	c.mu.Lock()
	c.queue = append(c.queue, frames...)
	over := len(c.queue) > limit
	if over && c.fullSince.IsZero() {
		c.fullSince = now
	}
	c.mu.Unlock()
	select {
	case c.wake <- struct{}{}:
	default:
	}
	return over
}

// backlog returns the queue length and since when it has been over the
// limit (zero when it is not).
func (c *client) backlog() (int, time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.queue), c.fullSince
}

// take swaps the queue for spare and returns what was queued.
func (c *client) take(spare [][]byte) [][]byte {
	c.mu.Lock()
	q := c.queue
	c.queue = spare
	c.fullSince = time.Time{}
	c.mu.Unlock()
	select {
	case c.drained <- struct{}{}:
	default:
	}
	return q
}

func (c *client) writeLoop() {
	defer c.closeWith(websocket.CloseNormalClosure, "")
	ping := time.NewTicker(c.h.cfg.pingInterval)
	defer ping.Stop()
	if c.write([][]byte{c.snapshot}) != nil {
		return
	}
	c.snapshot = nil
	var spare [][]byte
	for {
		select {
		case <-c.done:
			return
		case <-c.wake:
			batch := c.take(spare)
			if err := c.write(batch); err != nil {
				c.writeFailed(err)
				return
			}
			clear(batch)
			spare = batch[:0]
		case <-ping.C:
			deadline := time.Now().Add(c.h.cfg.writeWait)
			if c.conn.WriteControl(websocket.PingMessage, nil, deadline) != nil {
				return
			}
		}
	}
}

// writeFailed disconnects after a failed write; a write that timed out is a
// stalled client, told why (it resyncs from the snapshot on reconnect).
func (c *client) writeFailed(err error) {
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		c.h.stalled.Add(1)
		c.h.log.Warn().Str("remote", c.remote).Msg("disconnecting stalled websocket client (write timed out)")
		c.closeWith(websocket.CloseTryAgainLater, "client stalled: reconnect to resync")
	}
}

// write sends one message as is, or several as one JSON array frame.
func (c *client) write(batch [][]byte) error {
	if len(batch) == 0 {
		return nil
	}
	if err := c.conn.SetWriteDeadline(time.Now().Add(c.h.cfg.writeWait)); err != nil {
		return err
	}
	var err error
	if len(batch) == 1 {
		err = c.conn.WriteMessage(websocket.TextMessage, batch[0])
	} else {
		err = c.writeArray(batch)
	}
	if err != nil {
		return err
	}
	c.h.sent.Add(uint64(len(batch)))
	c.h.frames.Add(1)
	return nil
}

func (c *client) writeArray(batch [][]byte) error {
	w, err := c.conn.NextWriter(websocket.TextMessage)
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, "["); err != nil {
		return err
	}
	for i, b := range batch {
		if i > 0 {
			if _, err := io.WriteString(w, ","); err != nil {
				return err
			}
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	if _, err := io.WriteString(w, "]"); err != nil {
		return err
	}
	return w.Close()
}

// readLoop handles pongs and discards anything a client sends; it returns
// when the connection fails or the pong deadline passes.
func (c *client) readLoop() {
	defer c.closeWith(websocket.CloseNormalClosure, "")
	c.conn.SetReadLimit(readLimit)
	wait := c.h.cfg.pongWait
	_ = c.conn.SetReadDeadline(time.Now().Add(wait))
	c.conn.SetPongHandler(func(string) error {
		return c.conn.SetReadDeadline(time.Now().Add(wait))
	})
	for {
		_, r, err := c.conn.NextReader()
		if err != nil {
			return
		}
		if _, err := io.Copy(io.Discard, r); err != nil {
			return
		}
		_ = c.conn.SetReadDeadline(time.Now().Add(wait))
	}
}

// closeWith sends a close frame (best effort, briefly) and closes the
// connection once.
func (c *client) closeWith(code int, reason string) {
	c.once.Do(func() {
		close(c.done)
		c.h.remove(c)
		msg := websocket.FormatCloseMessage(code, reason)
		_ = c.conn.WriteControl(websocket.CloseMessage, msg, time.Now().Add(200*time.Millisecond))
		_ = c.conn.Close()
		c.h.log.Debug().Str("remote", c.remote).Str("reason", reason).Msg("websocket client disconnected")
	})
}
