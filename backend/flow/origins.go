package flow

import (
	"sync"
	"sync/atomic"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// origins remembers the messages runs published, so a flow triggered by a
// message another flow published (event re-entry) runs one level deeper
// and the loop guard can stop a chain that feeds itself through the bus.
// Messages are identified by their event pointer, or by type and
// timestamp for state messages.
type origins struct {
	n  atomic.Int32
	mu sync.Mutex
	m  map[any]origin
}

type origin struct {
	depth int
	exp   time.Time
}

type stateKey struct {
	typ string
	ts  int64
}

// originTTL is how long a published message is remembered.
const originTTL = 10 * time.Second

func newOrigins() *origins { return &origins{m: map[any]origin{}} }

func originKey(m *domain.Message) any {
	if m.Event != nil {
		return m.Event
	}
	return stateKey{m.Type, m.TS}
}

// note records that a run at depth published m.
func (o *origins) note(m *domain.Message, depth int, now time.Time) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if len(o.m) >= 256 {
		for k, v := range o.m {
			if now.After(v.exp) {
				delete(o.m, k)
			}
		}
		if len(o.m) >= 4096 {
			clear(o.m)
		}
	}
	o.m[originKey(m)] = origin{depth: depth + 1, exp: now.Add(originTTL)}
	o.n.Store(int32(len(o.m)))
}

// depthOf returns the run depth for flows m triggers (0 unless a run
// published it).
func (o *origins) depthOf(m *domain.Message, now time.Time) int {
	if o.n.Load() == 0 {
		return 0
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	k := originKey(m)
	v, ok := o.m[k]
	if !ok {
		return 0
	}
	delete(o.m, k)
	o.n.Store(int32(len(o.m)))
	return v.depth
}
