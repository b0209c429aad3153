package server

import (
	"bytes"
	"encoding/json"
	"net/http"
	"sort"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
)

// maxBatch bounds how many bus messages the hub encodes and fans out at once.
const maxBatch = 512

type hubConfig struct {
	clientQueue  int
	stallTimeout time.Duration
	pingInterval time.Duration
	pongWait     time.Duration
	writeWait    time.Duration
	busQueue     int
}

func hubConfigFrom(c Config) hubConfig {
	hc := hubConfig{
		clientQueue:  c.ClientQueue,
		stallTimeout: c.StallTimeout,
		pingInterval: c.PingInterval,
		writeWait:    10 * time.Second,
		busQueue:     c.HubQueue,
	}
	if hc.clientQueue <= 0 {
		hc.clientQueue = 4096
	}
	if hc.stallTimeout <= 0 {
		hc.stallTimeout = 10 * time.Second
	}
	if hc.pingInterval <= 0 {
		hc.pingInterval = 20 * time.Second
	}
	if hc.busQueue <= 0 {
		hc.busQueue = 16384
	}
	hc.pongWait = 3 * hc.pingInterval
	if hc.writeWait > hc.stallTimeout {
		hc.writeWait = hc.stallTimeout
	}
	return hc
}

// HubStats describes the /ws feed. Sent counts messages per client (one
// event sent to 50 clients counts 50). Dropped stays 0: a connected client
// never loses a message; a stalled one is disconnected (StalledDisconnects).
type HubStats struct {
	Clients            int    `json:"clients"`
	Sent               uint64 `json:"sent"`
	Dropped            uint64 `json:"dropped"`
	Frames             uint64 `json:"frames"`
	Encoded            uint64 `json:"encoded"`
	EncodeErrors       uint64 `json:"encodeErrors"`
	StalledDisconnects uint64 `json:"stalledDisconnects"`
	Retained           int    `json:"retained"`
}

type retained struct {
	seq  uint64
	env  []byte // the whole {"type","ts","data"} envelope
	data []byte // its data part
}

// hub is the /ws feed: one bus subscription, each message encoded once, the
// bytes fanned out to every client's bounded queue.
type hub struct {
	cfg      hubConfig
	log      zerolog.Logger
	sub      *bus.Subscription
	upgrader websocket.Upgrader
	bufPool  sync.Pool

	mu      sync.Mutex
	clients map[*client]struct{}
	keep    map[string]retained
	seq     uint64
	closed  bool

	startOnce sync.Once
	started   atomic.Bool
	done      chan struct{}

	sent, dropped, frames, stalled, encoded, encErrors atomic.Uint64
}

func newHub(cfg hubConfig, b *bus.Bus, log zerolog.Logger) *hub {
	h := &hub{
		cfg:     cfg,
		log:     log.With().Str("component", "ws-hub").Logger(),
		sub:     b.SubscribeLossless("ws-hub", cfg.busQueue, nil),
		clients: map[*client]struct{}{},
		keep:    map[string]retained{},
		done:    make(chan struct{}),
	}
	h.upgrader = websocket.Upgrader{
		ReadBufferSize:  1024,
		WriteBufferSize: 32 << 10,
		WriteBufferPool: &h.bufPool,
		Error: func(w http.ResponseWriter, _ *http.Request, status int, reason error) {
			httpapi.WriteErrorText(w, status, "websocket: "+reason.Error())
		},
	}
	return h
}

func (h *hub) start() {
	h.startOnce.Do(func() {
		h.started.Store(true)
		go h.run()
	})
}

func (h *hub) run() {
	defer close(h.done)
	batch := make([]domain.Message, 0, maxBatch)
	ch := h.sub.C()
	for m := range ch {
		batch = append(batch[:0], m)
	drain:
		for len(batch) < maxBatch {
			select {
			case m, ok := <-ch:
				if !ok {
					break drain
				}
				batch = append(batch, m)
			default:
				break drain
			}
		}
		h.dispatch(batch)
		clear(batch)
	}
}

// keyed is a retained-state change produced by one batch.
type keyed struct {
	key   string
	clear bool
	env   []byte
	data  []byte
}

// dispatch encodes a batch once and hands the bytes to every client. A
// client never loses a message: when its queue is beyond the limit the hub
// waits for it (backpressure up the bus to the source), and disconnects it
// only when it made no room for the stall timeout — it resyncs from the
// snapshot when it reconnects.
func (h *hub) dispatch(batch []domain.Message) {
	frames, changes := h.encode(batch)
	if len(frames) == 0 {
		return
	}
	now := time.Now()
	var behind []*client
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return
	}
	h.retain(changes)
	for c := range h.clients {
		if c.enqueue(frames, now, h.cfg.clientQueue) {
			behind = append(behind, c)
		}
	}
	h.mu.Unlock()
	for _, c := range behind {
		h.await(c)
	}
}

// await waits until c's queue is back within the limit, c is gone, or it
// has been beyond the limit for the stall timeout (then it is disconnected).
func (h *hub) await(c *client) {
	for {
		n, since := c.backlog()
		if n <= h.cfg.clientQueue || since.IsZero() {
			return
		}
		left := h.cfg.stallTimeout - time.Since(since)
		if left <= 0 {
			h.stalled.Add(1)
			h.log.Warn().Str("remote", c.remote).Int("queued", n).Dur("stalledFor", h.cfg.stallTimeout).
				Msg("disconnecting stalled websocket client")
			go c.closeWith(websocket.CloseTryAgainLater, "client stalled: reconnect to resync")
			return
		}
		t := time.NewTimer(left)
		select {
		case <-c.drained:
		case <-c.done:
		case <-t.C:
		}
		t.Stop()
		select {
		case <-c.done:
			return
		default:
		}
	}
}

// encode writes every message's envelope into one buffer and returns a
// slice per message, plus the retained-state changes.
func (h *hub) encode(batch []domain.Message) ([][]byte, []keyed) {
	buf := make([]byte, 0, len(batch)*512)
	type span struct{ start, data, dataEnd, end int }
	spans := make([]span, 0, len(batch))
	for i := range batch {
		start := len(buf)
		var ds, de int
		var err error
		buf, ds, de, err = appendEnvelope(buf, &batch[i])
		if err != nil {
			buf = buf[:start]
			h.encErrors.Add(1)
			h.log.Warn().Err(err).Str("type", batch[i].Type).Msg("cannot encode message for /ws; skipped")
			spans = append(spans, span{start: -1})
			continue
		}
		spans = append(spans, span{start, ds, de, len(buf)})
	}
	frames := make([][]byte, 0, len(batch))
	var changes []keyed
	for i, sp := range spans {
		if sp.start < 0 {
			continue
		}
		env := buf[sp.start:sp.end:sp.end]
		frames = append(frames, env)
		if m := &batch[i]; m.Key != "" {
			changes = append(changes, keyed{key: m.Key, clear: m.Clear,
				env: bytes.Clone(env), data: bytes.Clone(buf[sp.data:sp.dataEnd])})
		}
	}
	h.encoded.Add(uint64(len(frames)))
	return frames, changes
}

// appendEnvelope appends {"type":..,"ts":..,"data":..} (plus "key", and
// "clear":true, for keyed state) and returns where data starts and ends.
func appendEnvelope(b []byte, m *domain.Message) ([]byte, int, int, error) {
	b = append(b, `{"type":`...)
	b = domain.AppendJSONString(b, m.Type)
	b = append(b, `,"ts":`...)
	b = strconv.AppendInt(b, m.TS, 10)
	if m.Key != "" {
		b = append(b, `,"key":`...)
		b = domain.AppendJSONString(b, m.Key)
		if m.Clear {
			b = append(b, `,"clear":true`...)
		}
	}
	b = append(b, `,"data":`...)
	ds := len(b)
	if m.Event != nil {
		b = m.Event.AppendJSON(b)
	} else {
		data, err := json.Marshal(m.Data)
		if err != nil {
			return b, 0, 0, err
		}
		b = append(b, data...)
	}
	de := len(b)
	return append(b, '}'), ds, de, nil
}

// retain applies keyed changes; h.mu must be held.
func (h *hub) retain(changes []keyed) {
	for _, k := range changes {
		if k.clear {
			delete(h.keep, k.key)
			continue
		}
		h.seq++
		h.keep[k.key] = retained{seq: h.seq, env: k.env, data: k.data}
	}
}

// snapshotLocked builds the snapshot message; h.mu must be held.
func (h *hub) snapshotLocked(now time.Time) []byte {
	list := make([]retained, 0, len(h.keep))
	size := 64
	for _, r := range h.keep {
		list = append(list, r)
		size += len(r.env) + 1
	}
	sort.Slice(list, func(i, j int) bool { return list[i].seq < list[j].seq })
	b := make([]byte, 0, size)
	b = append(b, `{"type":"snapshot","ts":`...)
	b = strconv.AppendInt(b, now.UnixMilli(), 10)
	b = append(b, `,"data":[`...)
	for i, r := range list {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, r.env...)
	}
	return append(b, "]}"...)
}

// register adds a client and fixes its snapshot atomically with respect to
// dispatch, so every message is either in the snapshot or sent after it.
func (h *hub) register(c *client) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	c.snapshot = h.snapshotLocked(time.Now())
	h.clients[c] = struct{}{}
	return true
}

func (h *hub) remove(c *client) {
	h.mu.Lock()
	delete(h.clients, c)
	h.mu.Unlock()
}

// retainedData returns the data of a retained key, or nil.
func (h *hub) retainedData(key string) json.RawMessage {
	h.mu.Lock()
	defer h.mu.Unlock()
	if r, ok := h.keep[key]; ok {
		return json.RawMessage(r.data)
	}
	return nil
}

func (h *hub) stats() HubStats {
	h.mu.Lock()
	n, kept := len(h.clients), len(h.keep)
	h.mu.Unlock()
	return HubStats{
		Clients: n, Retained: kept,
		Sent: h.sent.Load(), Dropped: h.dropped.Load(), Frames: h.frames.Load(),
		Encoded: h.encoded.Load(), EncodeErrors: h.encErrors.Load(),
		StalledDisconnects: h.stalled.Load(),
	}
}

// close disconnects every client, releases the bus subscription and waits
// (briefly) for the dispatch loop to finish.
func (h *hub) close() {
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return
	}
	h.closed = true
	clients := make([]*client, 0, len(h.clients))
	for c := range h.clients {
		clients = append(clients, c)
	}
	h.mu.Unlock()
	h.sub.Close()
	var wg sync.WaitGroup
	for _, c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.closeWith(websocket.CloseGoingAway, "server shutting down")
		}()
	}
	wg.Wait()
	if h.started.Load() {
		select {
		case <-h.done:
		case <-time.After(2 * time.Second):
		}
	}
}

// serveWS upgrades the request and runs the client until it goes away.
func (h *hub) serveWS(w http.ResponseWriter, r *http.Request) {
	conn, err := h.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader has answered
	}
	c := newClient(h, conn, r.RemoteAddr)
	if !h.register(c) {
		c.closeWith(websocket.CloseGoingAway, "server shutting down")
		return
	}
	h.log.Debug().Str("remote", c.remote).Msg("websocket client connected")
	go c.writeLoop()
	c.readLoop()
}
