package tts

import (
	"context"
	"errors"
	"sync"
	"time"
)

// Item is one message waiting to be spoken.
type Item struct {
	ID     string  `json:"id"`
	Text   string  `json:"text"`
	User   string  `json:"user,omitempty"`
	UserID string  `json:"userId,omitempty"`
	Voice  string  `json:"voice,omitempty"`
	Engine string  `json:"engine,omitempty"`
	Lang   string  `json:"lang,omitempty"`
	Volume float64 `json:"volume"`
	At     int64   `json:"at"` // unix ms when it arrived
}

// ErrQueueFull is returned by Push when the queue holds Max items.
var ErrQueueFull = errors.New("the speech queue is full")

// Queue is the bounded, pausable FIFO of messages to speak.
type Queue struct {
	mu     sync.Mutex
	items  []Item
	max    int
	paused bool
	wake   chan struct{}
	skip   chan struct{}
}

// NewQueue returns a queue of at most max items.
func NewQueue(max int) *Queue {
	return &Queue{max: max, wake: make(chan struct{}, 1), skip: make(chan struct{}, 1)}
}

func (q *Queue) signal() {
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// SetMax changes the size limit (items over it stay).
func (q *Queue) SetMax(n int) { q.mu.Lock(); q.max = n; q.mu.Unlock() }

// Push appends an item.
func (q *Queue) Push(it Item) error {
	q.mu.Lock()
	defer q.mu.Unlock()
	if len(q.items) >= q.max {
		return ErrQueueFull
	}
	q.items = append(q.items, it)
	q.signal()
	return nil
}

// Next waits for the first item while not paused; false when ctx ends.
func (q *Queue) Next(ctx context.Context) (Item, bool) {
	for {
		q.mu.Lock()
		if !q.paused && len(q.items) > 0 {
			it := q.items[0]
			q.items = q.items[1:]
			q.mu.Unlock()
			return it, true
		}
		q.mu.Unlock()
		select {
		case <-ctx.Done():
			return Item{}, false
		case <-q.wake:
		}
	}
}

// Pause stops (true) or resumes (false) handing out items.
func (q *Queue) Pause(p bool) {
	q.mu.Lock()
	q.paused = p
	q.mu.Unlock()
	q.signal()
}

// Paused reports the pause state.
func (q *Queue) Paused() bool { q.mu.Lock(); defer q.mu.Unlock(); return q.paused }

// Clear drops every waiting item and returns how many.
func (q *Queue) Clear() int {
	q.mu.Lock()
	defer q.mu.Unlock()
	n := len(q.items)
	q.items = nil
	return n
}

// Items returns a copy of the waiting items.
func (q *Queue) Items() []Item {
	q.mu.Lock()
	defer q.mu.Unlock()
	return append([]Item{}, q.items...)
}

// Skip ends the wait for the item being spoken.
func (q *Queue) Skip() {
	select {
	case q.skip <- struct{}{}:
	default:
	}
}

// Arm forgets a skip sent before the next clip starts.
func (q *Queue) Arm() {
	select {
	case <-q.skip:
	default:
	}
}

// Wait waits d of unpaused time (the clip playing), or until Skip or ctx.
func (q *Queue) Wait(ctx context.Context, d time.Duration) {
	tick := time.NewTicker(20 * time.Millisecond)
	defer tick.Stop()
	for d > 0 {
		select {
		case <-ctx.Done():
			return
		case <-q.skip:
			return
		case <-tick.C:
			if !q.Paused() {
				d -= 20 * time.Millisecond
			}
		}
	}
}
