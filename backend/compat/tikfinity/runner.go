package tikfinity

import (
	"context"
	"net"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/websocket"

	"github.com/ltth/ltth/backend/bus"
)

// runner is one listening session: the listeners, the bus subscription and
// the connected clients. The subscription is lossy: external tools are
// viewers, not counters, and the bus never waits for them.
type runner struct {
	opts Options
	lns  []net.Listener
	srv  *http.Server
	sub  *bus.Subscription
	up   websocket.Upgrader
	wg   sync.WaitGroup

	mu      sync.Mutex
	clients map[*client]struct{}
	closed  bool

	sent, dropped atomic.Uint64
}

type client struct {
	ws   *websocket.Conn
	out  chan []byte
	done chan struct{}
	once sync.Once
}

func (c *client) close() { c.once.Do(func() { close(c.done); _ = c.ws.Close() }) }

func newRunner(opts Options, lns []net.Listener) *runner {
	r := &runner{opts: opts, lns: lns, clients: map[*client]struct{}{}}
	// Any origin: overlays load from https sites, file:// and OBS, as
	// with TikFinity. The socket only pushes public LIVE events.
	r.up = websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	r.srv = &http.Server{Handler: http.HandlerFunc(r.serveHTTP), ReadHeaderTimeout: 10 * time.Second}
	r.sub = opts.Bus.Subscribe("compat-tikfinity", 4096, bus.EventsOnly)
	return r
}

func (r *runner) start(ctx context.Context) {
	for _, ln := range r.lns {
		go func() { _ = r.srv.Serve(ln) }()
	}
	r.wg.Add(1)
	go r.pump(ctx)
}

// pump encodes each event once and offers it to every client.
func (r *runner) pump(ctx context.Context) {
	defer r.wg.Done()
	enc := newEncoder()
	for {
		select {
		case <-ctx.Done():
			return
		case m, ok := <-r.sub.C():
			if !ok {
				return
			}
			if b, ok := enc.encode(m.Event); ok {
				r.broadcast(b)
			}
		}
	}
}

func (r *runner) broadcast(b []byte) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for c := range r.clients {
		select {
		case c.out <- b:
		default:
			r.dropped.Add(1)
		}
	}
}

func (r *runner) serveHTTP(w http.ResponseWriter, req *http.Request) {
	if !websocket.IsWebSocketUpgrade(req) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusUpgradeRequired)
		_, _ = w.Write([]byte("LTTH: TikFinity-compatible event websocket; connect with ws://localhost:<port>/\n"))
		return
	}
	ws, err := r.up.Upgrade(w, req, nil)
	if err != nil {
		return
	}
	c := &client{ws: ws, out: make(chan []byte, r.opts.ClientQueue), done: make(chan struct{})}
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		c.close()
		return
	}
	r.clients[c] = struct{}{}
	r.mu.Unlock()
	go r.read(c)
	r.write(c)
}

// read discards what the client sends (TikFinity ignores it too) and
// notices when it leaves.
func (r *runner) read(c *client) {
	defer c.close()
	c.ws.SetReadLimit(4096)
	wait := 3 * r.opts.PingInterval
	_ = c.ws.SetReadDeadline(time.Now().Add(wait))
	c.ws.SetPongHandler(func(string) error { return c.ws.SetReadDeadline(time.Now().Add(wait)) })
	for {
		if _, _, err := c.ws.ReadMessage(); err != nil {
			return
		}
		_ = c.ws.SetReadDeadline(time.Now().Add(wait))
	}
}

// write sends queued frames and keepalive pings until the client leaves.
func (r *runner) write(c *client) {
	defer func() {
		r.mu.Lock()
		delete(r.clients, c)
		r.mu.Unlock()
		c.close()
	}()
	ping := time.NewTicker(r.opts.PingInterval)
	defer ping.Stop()
	for {
		select {
		case <-c.done:
			return
		case b := <-c.out:
			_ = c.ws.SetWriteDeadline(time.Now().Add(10 * time.Second))
			if c.ws.WriteMessage(websocket.TextMessage, b) != nil {
				return
			}
			r.sent.Add(1)
		case <-ping.C:
			if c.ws.WriteControl(websocket.PingMessage, nil, time.Now().Add(5*time.Second)) != nil {
				return
			}
		}
	}
}

func (r *runner) addrs() []string {
	out := make([]string, len(r.lns))
	for i, ln := range r.lns {
		out[i] = ln.Addr().String()
	}
	return out
}

func (r *runner) stats() (clients int, sent, dropped uint64) {
	r.mu.Lock()
	clients = len(r.clients)
	r.mu.Unlock()
	return clients, r.sent.Load(), r.dropped.Load() + r.sub.Dropped()
}

// close stops listening, disconnects every client and unsubscribes.
func (r *runner) close() {
	r.mu.Lock()
	r.closed = true
	cs := make([]*client, 0, len(r.clients))
	for c := range r.clients {
		cs = append(cs, c)
	}
	r.mu.Unlock()
	_ = r.srv.Close()
	// Close the sockets here too: a Serve goroutine that had not started
	// yet would close its listener only later, and the port must be free
	// when Stop returns.
	for _, ln := range r.lns {
		_ = ln.Close()
	}
	for _, c := range cs {
		c.close()
	}
	r.sub.Close()
	r.wg.Wait()
}
