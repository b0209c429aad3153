package faketiktok

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// TikFinity fakes TikFinity's local event websocket (ws://localhost:21213/):
// push-only, no handshake, one {"event": .., "data": {..}} text frame per event.
type TikFinity struct {
	http *httptest.Server

	mu      sync.Mutex
	clients map[*websocket.Conn]struct{}
	joined  chan struct{}
}

// NewTikFinity starts the fake on 127.0.0.1.
func NewTikFinity() *TikFinity {
	t := &TikFinity{clients: map[*websocket.Conn]struct{}{}, joined: make(chan struct{}, 16)}
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	t.http = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ws, err := up.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		t.mu.Lock()
		t.clients[ws] = struct{}{}
		t.mu.Unlock()
		select {
		case t.joined <- struct{}{}:
		default:
		}
		for { // ignore whatever the client sends, until it goes away
			if _, _, err := ws.ReadMessage(); err != nil {
				break
			}
		}
		t.mu.Lock()
		delete(t.clients, ws)
		t.mu.Unlock()
	}))
	return t
}

// URL is the websocket URL (ws://127.0.0.1:port/).
func (t *TikFinity) URL() string { return "ws" + t.http.URL[len("http"):] + "/" }

// WaitClient blocks until a client connects or the timeout passes.
func (t *TikFinity) WaitClient(timeout time.Duration) bool {
	select {
	case <-t.joined:
		return true
	case <-time.After(timeout):
		return false
	}
}

// Send broadcasts one event frame; data is marshalled as JSON.
func (t *TikFinity) Send(event string, data any) {
	b, _ := json.Marshal(map[string]any{"event": event, "data": data})
	t.SendRaw(string(b))
}

// SendRaw broadcasts a text frame as is.
func (t *TikFinity) SendRaw(text string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for ws := range t.clients {
		_ = ws.SetWriteDeadline(time.Now().Add(5 * time.Second))
		_ = ws.WriteMessage(websocket.TextMessage, []byte(text))
	}
}

// DropClients closes every client socket abruptly.
func (t *TikFinity) DropClients() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for ws := range t.clients {
		_ = ws.UnderlyingConn().Close()
	}
}

// Close stops the fake.
func (t *TikFinity) Close() {
	t.DropClients()
	t.http.CloseClientConnections()
	t.http.Close()
}
