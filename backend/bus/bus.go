// Package bus delivers messages (normalized events and state updates) from any
// publisher to every subscriber through bounded queues. Publishing never
// blocks: when a subscriber's queue is full the message is dropped for that
// subscriber alone and counted, so a slow or stuck subscriber cannot slow
// ingest or the other subscribers.
package bus

import (
	"sort"
	"sync"
	"sync/atomic"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// DefaultQueue is the queue length used when Subscribe is given size <= 0.
const DefaultQueue = 4096

// Filter selects the messages a subscriber wants; nil means all.
type Filter func(m *domain.Message) bool

// EventsOnly is a Filter for subscribers that want normalized events only.
func EventsOnly(m *domain.Message) bool { return m.Event != nil }

// Bus fans messages out to subscribers. The zero value is not usable; call New.
type Bus struct {
	mu        sync.Mutex
	subs      []*Subscription
	published atomic.Uint64
	now       func() time.Time
}

// New returns an empty bus.
func New() *Bus { return &Bus{now: time.Now} }

// Subscription is one subscriber's queue.
type Subscription struct {
	name      string
	ch        chan domain.Message
	filter    Filter
	bus       *Bus
	dropped   atomic.Uint64
	delivered atomic.Uint64
	closed    bool // guarded by bus.mu
}

// Subscribe registers a subscriber with a queue of size messages.
func (b *Bus) Subscribe(name string, size int, filter Filter) *Subscription {
	if size <= 0 {
		size = DefaultQueue
	}
	s := &Subscription{name: name, ch: make(chan domain.Message, size), filter: filter, bus: b}
	b.mu.Lock()
	b.subs = append(b.subs, s)
	b.mu.Unlock()
	return s
}

// Publish delivers m to every subscriber whose filter accepts it, in
// publication order per subscriber. A zero TS is set to now.
func (b *Bus) Publish(m domain.Message) {
	if m.TS == 0 {
		m.TS = b.now().UnixMilli()
	}
	b.mu.Lock()
	b.published.Add(1)
	for _, s := range b.subs {
		if s.filter != nil && !s.filter(&m) {
			continue
		}
		select {
		case s.ch <- m:
			s.delivered.Add(1)
		default:
			s.dropped.Add(1)
		}
	}
	b.mu.Unlock()
}

// PublishEvent publishes a normalized event.
func (b *Bus) PublishEvent(e *domain.Event) {
	if e.TS == 0 {
		e.TS = b.now().UnixMilli()
	}
	b.Publish(domain.EventMessage(e))
}

// Published returns how many messages have been published.
func (b *Bus) Published() uint64 { return b.published.Load() }

// C is the subscriber's queue. It is closed by Close.
func (s *Subscription) C() <-chan domain.Message { return s.ch }

// Name is the name given to Subscribe.
func (s *Subscription) Name() string { return s.name }

// Dropped counts messages lost because the queue was full.
func (s *Subscription) Dropped() uint64 { return s.dropped.Load() }

// Close unsubscribes and closes the queue; queued messages can still be read.
func (s *Subscription) Close() {
	b := s.bus
	b.mu.Lock()
	defer b.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	for i, x := range b.subs {
		if x == s {
			b.subs = append(b.subs[:i:i], b.subs[i+1:]...)
			break
		}
	}
	close(s.ch)
}

// SubscriberStats describes one subscriber for the dashboard.
type SubscriberStats struct {
	Name      string `json:"name"`
	Queued    int    `json:"queued"`
	Capacity  int    `json:"capacity"`
	Delivered uint64 `json:"delivered"`
	Dropped   uint64 `json:"dropped"`
}

// Stats returns per-subscriber counters, sorted by name. Subscribers that
// share a name (e.g. one per overlay client) are summed.
func (b *Bus) Stats() []SubscriberStats {
	b.mu.Lock()
	byName := map[string]*SubscriberStats{}
	for _, s := range b.subs {
		st := byName[s.name]
		if st == nil {
			st = &SubscriberStats{Name: s.name}
			byName[s.name] = st
		}
		st.Queued += len(s.ch)
		st.Capacity += cap(s.ch)
		st.Delivered += s.delivered.Load()
		st.Dropped += s.dropped.Load()
	}
	b.mu.Unlock()
	out := make([]SubscriberStats, 0, len(byName))
	for _, st := range byName {
		out = append(out, *st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
