// Package bus delivers messages (normalized events and state updates) from any
// publisher to every subscriber through bounded queues, in publication order
// per publisher and subscriber.
//
// A subscriber is either lossy or lossless:
//
//   - Lossy (Subscribe): when its queue is full the message is dropped for
//     that subscriber alone and counted. For consumers that may shed load
//     (diagnostic taps); a slow lossy subscriber never slows anything.
//   - Lossless (SubscribeLossless, "counting" consumers: journal, goals,
//     leaderboards, flows, alerts, the /ws hub, plugins that declare it):
//     nothing is ever dropped. When its queue is full, PublishEvent — the
//     entry point of sources (TikTok connection, replay, /api/simulate) —
//     waits until the subscriber has taken a message: backpressure, so a
//     max-speed replay slows down and a live source buffers. Publish — what
//     modules call, often from inside their own handler — never waits: a
//     message that does not fit goes to the subscriber's overflow list,
//     which feeds the queue in order. Because no module handler ever waits
//     on a queue, two lossless consumers that publish to each other (flows
//     → goalCommand, goals → goal state → flow triggers) cannot deadlock;
//     the overflow stays small because every module message is caused by a
//     source event that was itself admitted by backpressure (loops of
//     module messages are bounded by the flow breaker).
//
// The rule for callers: call PublishEvent only from a source, never from a
// bus consumer's handler (it could wait on its own full queue); modules use
// Publish.
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
	mu        sync.Mutex // guards changes of subs
	subs      atomic.Pointer[[]*Subscription]
	ingest    sync.Mutex // serializes waiting publishers (sources)
	published atomic.Uint64
	now       func() time.Time
}

// New returns an empty bus.
func New() *Bus {
	b := &Bus{now: time.Now}
	b.subs.Store(&[]*Subscription{})
	return b
}

// Subscribe registers a lossy subscriber with a queue of size messages:
// when the queue is full, messages are dropped for it and counted.
func (b *Bus) Subscribe(name string, size int, filter Filter) *Subscription {
	return b.add(name, size, filter, false)
}

// SubscribeLossless registers a lossless ("counting") subscriber: nothing
// is dropped for it; a full queue makes PublishEvent wait (see the package
// documentation).
func (b *Bus) SubscribeLossless(name string, size int, filter Filter) *Subscription {
	return b.add(name, size, filter, true)
}

func (b *Bus) add(name string, size int, filter Filter, lossless bool) *Subscription {
	if size <= 0 {
		size = DefaultQueue
	}
	s := newSubscription(b, name, size, filter, lossless)
	b.mu.Lock()
	old := *b.subs.Load()
	subs := make([]*Subscription, len(old), len(old)+1)
	copy(subs, old)
	subs = append(subs, s)
	b.subs.Store(&subs)
	b.mu.Unlock()
	return s
}

func (b *Bus) remove(s *Subscription) {
	b.mu.Lock()
	old := *b.subs.Load()
	subs := make([]*Subscription, 0, len(old))
	for _, x := range old {
		if x != s {
			subs = append(subs, x)
		}
	}
	b.subs.Store(&subs)
	b.mu.Unlock()
}

// Publish delivers m to every subscriber whose filter accepts it. It never
// waits: lossy subscribers drop what does not fit, lossless ones keep it in
// their overflow. Modules publish with it (also from their own handlers).
// A zero TS is set to now.
func (b *Bus) Publish(m domain.Message) {
	b.deliver(m, false)
}

// PublishEvent publishes a normalized event from a source (connection,
// replay, simulate). It waits while a lossless subscriber's queue is full,
// so it must never be called from a bus consumer's handler.
func (b *Bus) PublishEvent(e *domain.Event) {
	if e.TS == 0 {
		e.TS = b.now().UnixMilli()
	}
	b.ingest.Lock()
	b.deliver(domain.EventMessage(e), true)
	b.ingest.Unlock()
}

func (b *Bus) deliver(m domain.Message, wait bool) {
	if m.TS == 0 {
		m.TS = b.now().UnixMilli()
	}
	b.published.Add(1)
	for _, s := range *b.subs.Load() {
		if s.filter != nil && !s.filter(&m) {
			continue
		}
		s.put(m, wait)
	}
}

// Published returns how many messages have been published.
func (b *Bus) Published() uint64 { return b.published.Load() }

// SubscriberStats describes one subscriber for the dashboard.
type SubscriberStats struct {
	Name      string `json:"name"`
	Lossless  bool   `json:"lossless"`
	Queued    int    `json:"queued"`   // in the queue and its overflow
	Capacity  int    `json:"capacity"` // queue length (overflow not included)
	Delivered uint64 `json:"delivered"`
	Dropped   uint64 `json:"dropped"`  // lossy subscribers only
	Overflow  uint64 `json:"overflow"` // messages that went through the overflow
	Waits     uint64 `json:"waits"`    // times a source waited for this queue
}

// Stats returns per-subscriber counters, sorted by name. Subscribers that
// share a name (e.g. one per overlay client) are summed.
func (b *Bus) Stats() []SubscriberStats {
	byName := map[string]*SubscriberStats{}
	for _, s := range *b.subs.Load() {
		st := byName[s.name]
		if st == nil {
			st = &SubscriberStats{Name: s.name, Lossless: s.lossless}
			byName[s.name] = st
		}
		st.Queued += s.Queued()
		st.Capacity += cap(s.ch)
		st.Delivered += s.delivered.Load()
		st.Dropped += s.dropped.Load()
		st.Overflow += s.overflowed.Load()
		st.Waits += s.waits.Load()
	}
	out := make([]SubscriberStats, 0, len(byName))
	for _, st := range byName {
		out = append(out, *st)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}
