package core

import (
	"sync"

	"github.com/ltth/ltth/backend/flow"
)

// flowTraceStores keeps each profile's flow run history for the life of the
// process: a profile switch rebuilds the flow engine, and switching back
// must still show the runs.
type flowTraceStores struct {
	mu sync.Mutex
	m  map[string]*flow.TraceStore
}

// flowTraces returns profile's run history store, creating it once.
func (c *Core) flowTraces(profile string) *flow.TraceStore {
	st := &c.traces
	st.mu.Lock()
	defer st.mu.Unlock()
	if st.m == nil {
		st.m = map[string]*flow.TraceStore{}
	}
	if t := st.m[profile]; t != nil {
		return t
	}
	t := flow.NewTraceStore(0)
	st.m[profile] = t
	return t
}
