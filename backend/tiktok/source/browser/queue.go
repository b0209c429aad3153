package browser

import (
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
)

type captured struct {
	data []byte
	at   time.Time
}

// queue collects the push socket's binary frames from the DevTools event
// callback (which must not block) for the pump goroutine.
type queue struct {
	isPush func(string) bool
	signal chan struct{}

	mu      sync.Mutex
	sockets map[network.RequestID]string
	url     string
	frames  []captured
}

func newQueue(isPush func(string) bool) *queue {
	return &queue{isPush: isPush, signal: make(chan struct{}, 1), sockets: map[network.RequestID]string{}}
}

// onEvent runs on chromedp's read loop: copy, queue, return.
func (q *queue) onEvent(ev any) {
	switch e := ev.(type) {
	case *network.EventWebSocketCreated:
		if !q.isPush(e.URL) {
			return
		}
		q.mu.Lock()
		q.sockets[e.RequestID] = e.URL
		q.url = e.URL
		q.mu.Unlock()
	case *network.EventWebSocketFrameReceived:
		if e.Response == nil || e.Response.Opcode != 2 {
			return
		}
		q.mu.Lock()
		_, ok := q.sockets[e.RequestID]
		if ok {
			q.frames = append(q.frames, captured{data: e.Response.PayloadData, at: time.Now()})
		}
		q.mu.Unlock()
		if !ok {
			return
		}
	case *network.EventWebSocketClosed:
		q.mu.Lock()
		delete(q.sockets, e.RequestID)
		q.mu.Unlock()
		return
	default:
		return
	}
	select {
	case q.signal <- struct{}{}:
	default:
	}
}

func (q *queue) take() []captured {
	q.mu.Lock()
	defer q.mu.Unlock()
	out := q.frames
	q.frames = nil
	return out
}

func (q *queue) socketURL() (string, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.url, q.url != ""
}
