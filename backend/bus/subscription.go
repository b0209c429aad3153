package bus

import (
	"sync"
	"sync/atomic"

	"github.com/ltth/ltth/backend/domain"
)

// Subscription is one subscriber's queue: a channel, and for lossless
// subscribers an ordered overflow list that a pump goroutine moves into the
// channel as the consumer takes messages.
type Subscription struct {
	name     string
	ch       chan domain.Message
	filter   Filter
	bus      *Bus
	lossless bool

	mu      sync.Mutex
	moved   *sync.Cond // signalled when the pump moved a message
	over    []domain.Message
	pumping bool // a pump goroutine owns over (and closing ch)
	closed  bool

	dropped, delivered, overflowed, waits atomic.Uint64
}

func newSubscription(b *Bus, name string, size int, filter Filter, lossless bool) *Subscription {
	s := &Subscription{name: name, ch: make(chan domain.Message, size), filter: filter, bus: b, lossless: lossless}
	s.moved = sync.NewCond(&s.mu)
	return s
}

// put queues m. Lossy: drop when full. Lossless: overflow when full, and
// with wait, return only once the overflow has drained into the queue.
func (s *Subscription) put(m domain.Message, wait bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	if !s.pumping {
		select {
		case s.ch <- m:
			s.delivered.Add(1)
			return
		default:
		}
	}
	if !s.lossless {
		s.dropped.Add(1)
		return
	}
	s.over = append(s.over, m)
	s.overflowed.Add(1)
	if !s.pumping {
		s.pumping = true
		go s.pump()
	}
	if !wait {
		return
	}
	s.waits.Add(1)
	for s.pumping && len(s.over) > 0 && !s.closed {
		s.moved.Wait()
	}
}

// pump moves the overflow into the queue in order, blocking on the
// consumer. It closes the queue if Close was called meanwhile.
func (s *Subscription) pump() {
	s.mu.Lock()
	for len(s.over) > 0 {
		m := s.over[0]
		s.mu.Unlock()
		s.ch <- m
		s.mu.Lock()
		s.over[0] = domain.Message{}
		s.over = s.over[1:]
		s.delivered.Add(1)
		s.moved.Broadcast()
	}
	s.over = nil
	s.pumping = false
	if s.closed {
		close(s.ch)
	}
	s.moved.Broadcast()
	s.mu.Unlock()
}

// C is the subscriber's queue. It is closed by Close (after the overflow of
// a lossless subscriber has been delivered).
func (s *Subscription) C() <-chan domain.Message { return s.ch }

// Name is the name given to Subscribe.
func (s *Subscription) Name() string { return s.name }

// Lossless reports whether the subscriber never loses messages.
func (s *Subscription) Lossless() bool { return s.lossless }

// Dropped counts messages lost because the queue was full (lossy only).
func (s *Subscription) Dropped() uint64 { return s.dropped.Load() }

// Delivered counts messages handed to the consumer's queue so far. A
// source that published an event and then reads Delivered knows the event
// is among the first Delivered messages the consumer takes (the queue is
// FIFO).
func (s *Subscription) Delivered() uint64 { return s.delivered.Load() }

// Queued is how many messages wait for the consumer (queue + overflow).
func (s *Subscription) Queued() int {
	s.mu.Lock()
	n := len(s.over)
	s.mu.Unlock()
	return len(s.ch) + n
}

// Close unsubscribes and closes the queue; queued messages (and a lossless
// subscriber's overflow) can still be read.
func (s *Subscription) Close() {
	s.bus.remove(s)
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	s.closed = true
	s.moved.Broadcast()
	if !s.pumping {
		close(s.ch)
	}
}
