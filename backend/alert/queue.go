package alert

import (
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// Alert is the `alert` state message payload (docs/architecture.md).
type Alert struct {
	ID        string `json:"id"`
	Screen    string `json:"screen"`
	EventType string `json:"eventType"`
	Text      string `json:"text"`
	// HTML is Text as HTML, set only by a flow's alert.show with "Text is
	// HTML" (the template's markup kept, inserted values escaped). Overlays
	// insert it through a small tag allow-list and otherwise show Text.
	HTML       string        `json:"html,omitempty"`
	ImageURL   string        `json:"imageUrl"`
	SoundURL   string        `json:"soundUrl"`
	VideoURL   string        `json:"videoUrl"`
	DurationMs int           `json:"durationMs"`
	Animation  string        `json:"animation"`
	Event      *domain.Event `json:"event"`
	FlowID     string        `json:"flowId,omitempty"` // the flow that asked for it, if any
}

// Control is the `alertControl` state message payload.
type Control struct {
	Screen string `json:"screen"`
	Action string `json:"action"` // "skip" | "clear"
}

// Paused is the `alertsPaused` state message payload.
type Paused struct {
	Paused bool `json:"paused"`
}

// item is one queued alert.
type item struct {
	alert    Alert
	priority int
	seq      uint64
	streak   string // combo streak key when the alert is a merged combo step
	burst    *burst // set for event alerts: what a burst of its kind folds into
	base     string // requested alerts folded together: the text without "×N"
	repeats  int    // ...and how many were folded (0: none)
}

// before reports whether a is shown before b: higher priority, then older.
func (a *item) before(b *item) bool {
	if a.priority != b.priority {
		return a.priority > b.priority
	}
	return a.seq < b.seq
}

// screen is one overlay screen: the alert on display and the waiting ones.
type screen struct {
	name    string
	pending []*item // unordered; long only by coalesce's bound (maxQueue + kinds)
	current *item
	timer   *time.Timer
	gen     uint64 // bumped whenever current changes, so stale timers are ignored
	merged  uint64 // alerts folded into a waiting one (coalesce)
}

// push appends it to the waiting alerts; nothing is ever dropped (a long
// queue coalesces instead, see coalesce).
func (s *screen) push(it *item) {
	s.pending = append(s.pending, it)
}

// merge replaces the pending alert of the same combo streak, if any, so a
// long combo shows its latest count instead of queueing every step.
func (s *screen) merge(it *item) bool {
	if it.streak == "" {
		return false
	}
	for _, p := range s.pending {
		if p.streak == it.streak {
			p.alert = it.alert
			return true
		}
	}
	return false
}

func (s *screen) worst() int {
	w := -1
	for i, p := range s.pending {
		if w < 0 || s.pending[w].before(p) {
			w = i
		}
	}
	return w
}

// pop removes and returns the next alert to show, or nil.
func (s *screen) pop() *item {
	if len(s.pending) == 0 {
		return nil
	}
	b := 0
	for i, p := range s.pending {
		if p.before(s.pending[b]) {
			b = i
		}
	}
	it := s.pending[b]
	s.pending = append(s.pending[:b], s.pending[b+1:]...)
	return it
}

// stop ends the current alert (if any) and invalidates its timer.
func (s *screen) stop() bool {
	had := s.current != nil
	if s.timer != nil {
		s.timer.Stop()
		s.timer = nil
	}
	s.current = nil
	s.gen++
	return had
}

// ScreenStatus describes one screen for the dashboard.
type ScreenStatus struct {
	Name    string `json:"name"`
	Showing *Alert `json:"showing,omitempty"`
	Queued  int    `json:"queued"`
	// Coalesced counts alerts folded into a waiting alert of the same kind
	// during a burst ("5 viewers sent 312 Roses"); alerts are never dropped.
	Coalesced uint64 `json:"coalesced"`
}

func (s *screen) status() ScreenStatus {
	st := ScreenStatus{Name: s.name, Queued: len(s.pending), Coalesced: s.merged}
	if s.current != nil {
		a := s.current.alert
		st.Showing = &a
	}
	return st
}
