// Package normalize turns decoded TikTok LIVE messages into the normalized
// events of the contract (domain.Event): method → type mapping, user and
// role fields, gift streaks (progress, one counted gift per streak, timeout
// commit), de-duplication by message id, monotonic like totals.
//
// One Normalizer belongs to one watched stream and must outlive the
// connections it is fed from: keep the same instance across reconnects and
// source fail-overs, because its de-duplication set is what stops history
// re-sent after a reconnect (or by a second source) from counting twice.
// Pipeline wraps decode + normalize for raw websocket frames.
package normalize

import (
	"errors"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/tiktok/webcastpb"
)

// Defaults for Options.
const (
	DefaultStreakTimeout = 10 * time.Second
	DefaultDedupSize     = 100_000
	maxOpenStreaks       = 10_000
	maxUnknownNames      = 64
	endedStreakMemory    = 16_384
	subscriberMemory     = 4_096
	subscribeWindowMs    = int64(time.Hour / time.Millisecond)
)

// Errors passed to Options.OnSkip.
var (
	// ErrUnknownMethod: a method the contract has no event for.
	ErrUnknownMethod = errors.New("unknown webcast method")
	// ErrMalformedPayload: a payload that is not a protobuf message.
	ErrMalformedPayload = errors.New("malformed message payload")
)

// Options configures a Normalizer. The zero value is usable.
type Options struct {
	// StreakTimeout commits a gift streak whose end never arrived this long
	// after its last message (default DefaultStreakTimeout).
	StreakTimeout time.Duration
	// DedupSize is how many recent message ids are remembered (default
	// DefaultDedupSize).
	DedupSize int
	// Source is copied into Event.Source ("tiktok", "euler", "replay", ...).
	Source string
	// SkipHistory drops messages flagged is_history (the recent-chat backfill
	// of an initial fetch). By default they are emitted once, like other
	// clients do; duplicates are dropped either way.
	SkipHistory bool
	// Now is the clock used when a receive time is zero (default time.Now).
	Now func() time.Time
	// OnSkip, when set, is told about every skipped message: unknown methods
	// (err = ErrUnknownMethod) and malformed payloads. For debug logging.
	OnSkip func(method string, err error)
}

// Stats counts what a Normalizer has seen. Unknown method names are kept
// for the first 64 distinct names.
type Stats struct {
	Messages       uint64 // envelopes given to Normalize
	Events         uint64 // events produced (including streak commits)
	Duplicates     uint64 // dropped: message id already seen
	DuplicateEnds  uint64 // dropped: streak message for an already ended streak
	Unknown        uint64 // skipped: method with no event
	Malformed      uint64 // skipped: payload failed to decode
	Ignored        uint64 // known method, nothing to emit (pause, sub-gift notice, ...)
	History        uint64 // skipped: is_history with SkipHistory
	StreakTimeouts uint64 // streaks committed without their end: timeout, stream end, FlushAll
	Clamped        uint64 // events with an out-of-range count (negative diamonds, repeat or likes) clamped to 0/1
	OpenStreaks    int
	UnknownMethods map[string]uint64
}

// Normalizer is safe for concurrent use (a read loop may call Append while a
// ticker calls Tick).
type Normalizer struct {
	mu      sync.Mutex
	opts    Options
	seen    *boundedMap[uint64, struct{}]
	streaks streakBook
	subs    *boundedMap[string, int64]
	likes   likeState
	stats   Stats
}

type likeState struct {
	room int64
	max  int64
}

// New returns a Normalizer with opts (zero fields get defaults).
func New(opts Options) *Normalizer {
	if opts.StreakTimeout <= 0 {
		opts.StreakTimeout = DefaultStreakTimeout
	}
	if opts.DedupSize <= 0 {
		opts.DedupSize = DefaultDedupSize
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	return &Normalizer{
		opts:    opts,
		seen:    newBoundedMap[uint64, struct{}](opts.DedupSize),
		streaks: newStreakBook(opts.StreakTimeout),
		subs:    newBoundedMap[string, int64](subscriberMemory),
	}
}

// Normalize returns the events for one message received at recv (zero =
// now). Convenience form of Append.
func (n *Normalizer) Normalize(m *webcastpb.BaseProtoMessage, recv time.Time) []domain.Event {
	return n.Append(nil, m, recv)
}

// Append appends the events for m (zero or more) to dst.
func (n *Normalizer) Append(dst []domain.Event, m *webcastpb.BaseProtoMessage, recv time.Time) []domain.Event {
	if recv.IsZero() {
		recv = n.opts.Now()
	}
	raw := rawMsg{method: []byte(m.GetMethod()), payload: m.GetPayload(), msgID: uint64(m.GetMsgId()), history: m.GetIsHistory()}
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.appendLocked(dst, &raw, recv.UnixMilli())
}

// Tick commits the streaks that have seen no message for StreakTimeout as
// of now and returns their gift events. Call it periodically (about once a
// second) while connected; Pipeline also calls it for every frame.
func (n *Normalizer) Tick(now time.Time) []domain.Event {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.tickLocked(nil, now.UnixMilli())
}

// FlushAll commits every open streak (stream end, shutdown, end of a
// replay) and returns their gift events.
func (n *Normalizer) FlushAll() []domain.Event {
	n.mu.Lock()
	defer n.mu.Unlock()
	return n.flushLocked(nil)
}

// Stats returns a snapshot of the counters.
func (n *Normalizer) Stats() Stats {
	n.mu.Lock()
	defer n.mu.Unlock()
	s := n.stats
	s.OpenStreaks = n.streaks.openCount()
	s.StreakTimeouts = n.streaks.committed
	s.UnknownMethods = make(map[string]uint64, len(n.stats.UnknownMethods))
	for k, v := range n.stats.UnknownMethods {
		s.UnknownMethods[k] = v
	}
	return s
}

func (n *Normalizer) tickLocked(dst []domain.Event, nowMs int64) []domain.Event {
	before := len(dst)
	dst = n.streaks.expire(dst, nowMs)
	n.countCommits(len(dst) - before)
	return dst
}

func (n *Normalizer) flushLocked(dst []domain.Event) []domain.Event {
	before := len(dst)
	dst = n.streaks.flush(dst)
	n.countCommits(len(dst) - before)
	return dst
}

func (n *Normalizer) countCommits(k int) { n.stats.Events += uint64(k) }

func (n *Normalizer) appendLocked(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	n.stats.Messages++
	if n.opts.SkipHistory && m.history {
		n.stats.History++
		return dst
	}
	before := len(dst)
	dst = n.dispatch(dst, m, recvMs)
	n.stats.Events += uint64(len(dst) - before)
	return dst
}

func (n *Normalizer) skipUnknown(method []byte) {
	n.stats.Unknown++
	if n.stats.UnknownMethods == nil {
		n.stats.UnknownMethods = make(map[string]uint64)
	}
	if _, ok := n.stats.UnknownMethods[string(method)]; ok || len(n.stats.UnknownMethods) < maxUnknownNames {
		n.stats.UnknownMethods[string(method)]++
	}
	if n.opts.OnSkip != nil {
		n.opts.OnSkip(string(method), ErrUnknownMethod)
	}
}

// parsed counts a payload that failed to parse (ok == false).
func (n *Normalizer) parsed(m *rawMsg, ok bool) bool {
	if !ok {
		n.stats.Malformed++
		if n.opts.OnSkip != nil {
			n.opts.OnSkip(string(m.method), ErrMalformedPayload)
		}
	}
	return ok
}

// admit applies de-duplication and builds the common event fields.
// ok is false when the message was already seen.
func (n *Normalizer) admit(m *rawMsg, c *commonView, recvMs int64) (domain.Event, bool) {
	id := c.msgID
	if id == 0 {
		id = m.msgID
	}
	if id != 0 && !n.seen.add(id, struct{}{}) {
		n.stats.Duplicates++
		return domain.Event{}, false
	}
	return domain.Event{ID: formatID(id), TS: eventTS(c.createTime, recvMs), Source: n.opts.Source}, true
}
