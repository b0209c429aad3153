package external

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/websocket"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
)

// Limits of one plugin connection.
const (
	maxFrame     = 1 << 20
	writeTimeout = 5 * time.Second
	maxCalls     = 8 // concurrent "call" frames per plugin
)

// session is one process's token and (once it connected) its websocket.
// It ends when the process exits or the plugin stops: the token is
// revoked, the connection closed, its blocks removed.
type session struct {
	r      *runner
	token  string
	ctrl   chan []byte // replies and invokes: never dropped
	events chan []byte // bounded event queue: full means drop
	done   chan struct{}
	calls  chan struct{}

	mu      sync.Mutex
	claimed bool
	hello   bool
	closed  bool
	conn    *websocket.Conn
	blocks  action.Blocks
	pending map[string]chan Frame
	seq     uint64
}

func newSession(r *runner, token string) *session {
	return &session{r: r, token: token, ctrl: make(chan []byte, 64), events: make(chan []byte, r.mod.opts.QueueSize),
		done: make(chan struct{}), calls: make(chan struct{}, maxCalls), pending: map[string]chan Frame{}}
}

// serveWS authenticates a plugin by its token and serves its connection.
func (m *Module) serveWS(w http.ResponseWriter, r *http.Request) {
	tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	m.mu.Lock()
	s := m.sessions[strings.TrimSpace(tok)]
	m.mu.Unlock()
	if !ok || s == nil {
		httpapi.WriteErrorText(w, http.StatusUnauthorized, "a valid plugin token is required (LTTH_PLUGIN_TOKEN as Authorization: Bearer)")
		return
	}
	if !s.claim() {
		httpapi.WriteErrorText(w, http.StatusConflict, "this plugin token is already connected or revoked")
		return
	}
	c, err := m.upgrader.Upgrade(w, r, nil)
	if err != nil {
		return // the upgrader answered
	}
	s.serve(c)
}

// claim admits the first connection of a live session.
func (s *session) claim() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.claimed || s.closed {
		return false
	}
	s.claimed = true
	return true
}

// serve runs the connection until it breaks or the session ends.
func (s *session) serve(c *websocket.Conn) {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		c.Close()
		return
	}
	s.conn = c
	s.mu.Unlock()
	s.r.setStatus(func(st *ProcStatus) { st.Connected = true })
	s.r.log.Info().Msg("connected")
	c.SetReadLimit(maxFrame)
	go s.writeLoop(c)
	for {
		_, raw, err := c.ReadMessage()
		if err != nil {
			break
		}
		s.handle(raw)
	}
	s.close()
}

// writeLoop sends replies first, then queued events.
func (s *session) writeLoop(c *websocket.Conn) {
	for {
		var b []byte
		select {
		case <-s.done:
			_ = c.WriteControl(websocket.CloseMessage, websocket.FormatCloseMessage(websocket.CloseGoingAway, "plugin stopped"), time.Now().Add(time.Second))
			c.Close()
			return
		case b = <-s.ctrl:
		default:
			select {
			case <-s.done:
				continue
			case b = <-s.ctrl:
			case b = <-s.events:
			}
		}
		_ = c.SetWriteDeadline(time.Now().Add(writeTimeout))
		if err := c.WriteMessage(websocket.TextMessage, b); err != nil {
			s.close()
			c.Close()
			return
		}
	}
}

// send queues a control frame; it waits for room (the reader is the
// natural backpressure) unless the session ended.
func (s *session) send(f Frame) {
	b, err := json.Marshal(f)
	if err != nil {
		b, _ = json.Marshal(Frame{Type: TypeError, ID: f.ID, Code: CodeInternal, Error: err.Error()})
	}
	select {
	case s.ctrl <- b:
	case <-s.done:
	}
}

// queueEvent offers m to the event queue; false means it was dropped.
func (s *session) queueEvent(m domain.Message) bool {
	select {
	case s.events <- eventFrame(m):
		return true
	default:
		return false
	}
}

// eventFrame is the event frame of m, written without reflection for
// events (the hot path: Event.AppendJSON).
func eventFrame(m domain.Message) []byte {
	typ, _ := json.Marshal(m.Type)
	b := make([]byte, 0, 400)
	b = append(append(b, `{"type":"event","event":`...), typ...)
	b = strconv.AppendInt(append(b, `,"ts":`...), m.TS, 10)
	b = append(b, `,"data":`...)
	if m.Event != nil {
		b = m.Event.AppendJSON(b)
	} else if d, err := json.Marshal(m.Data); err == nil {
		b = append(b, d...)
	} else {
		b = append(b, "null"...)
	}
	return append(b, '}')
}

// close ends the session once: token revoked by the runner, pending
// invokes failed, registered blocks removed.
func (s *session) close() {
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		return
	}
	s.closed = true
	close(s.done)
	b := s.blocks
	s.blocks = action.Blocks{}
	pend := s.pending
	s.pending = map[string]chan Frame{}
	connected := s.conn != nil
	s.mu.Unlock()
	for _, ch := range pend {
		ch <- Frame{Type: TypeResult, Error: "plugin disconnected"}
	}
	if len(b.Types()) > 0 {
		s.r.mod.opts.Registry.RemoveBlocks(b)
		if f := s.r.mod.opts.BlocksChanged; f != nil {
			f()
		}
	}
	s.r.wanted.Store(nil)
	s.r.setStatus(func(st *ProcStatus) { st.Connected, st.Subscribed, st.Blocks = false, nil, nil })
	if connected {
		s.r.log.Info().Msg("disconnected")
	}
}

// pushSettings sends the current settings (after a change in LTTH).
func (s *session) pushSettings() {
	s.mu.Lock()
	ready := s.hello && !s.closed
	s.mu.Unlock()
	if !ready {
		return
	}
	raw, err := s.loadSettings()
	if err != nil {
		return
	}
	go s.send(Frame{Type: TypeSettings, Settings: raw})
}

func (s *session) loadSettings() (json.RawMessage, error) {
	st := s.r.mod.settingsStore()
	if st == nil {
		return json.RawMessage("{}"), nil
	}
	return st.Settings(s.r.spec.ID)
}

// invoke sends an invoke frame and waits for the plugin's result.
func (s *session) invoke(ctx context.Context, typ string, cfg json.RawMessage, ev *domain.Event) error {
	s.mu.Lock()
	if s.closed || !s.hello {
		s.mu.Unlock()
		return errNotConnected
	}
	s.seq++
	id := "inv-" + itoa(s.seq)
	ch := make(chan Frame, 1)
	s.pending[id] = ch
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.pending, id)
		s.mu.Unlock()
	}()
	f := Frame{Type: TypeInvoke, ID: id, Action: typ, Config: cfg}
	if ev != nil {
		f.Data, _ = json.Marshal(ev)
	}
	ctx, cancel := context.WithTimeout(ctx, s.r.mod.opts.InvokeTimeout)
	defer cancel()
	b, _ := json.Marshal(f)
	select { // a plugin that does not read cannot hold the flow beyond the timeout
	case s.ctrl <- b:
	case <-s.done:
		return errNotConnected
	case <-ctx.Done():
		return errInvokeTimeout
	}
	select {
	case res := <-ch:
		if res.Error != "" {
			return pluginError(res.Error)
		}
		return nil
	case <-ctx.Done():
		return errInvokeTimeout
	}
}

// result hands an invoke's result to its waiter.
func (s *session) result(f Frame) bool {
	s.mu.Lock()
	ch, ok := s.pending[f.ID]
	delete(s.pending, f.ID)
	s.mu.Unlock()
	if ok {
		ch <- f
	}
	return ok
}
