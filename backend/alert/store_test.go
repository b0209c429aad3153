package alert

import (
	"sync"
	"testing"
)

// TEMPORARY until backend/store lands: replaced by the real SQLite store.
type mapStore struct {
	mu sync.Mutex
	m  map[string][]byte
}

func (s *mapStore) AlertConfigs() (map[string][]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := map[string][]byte{}
	for k, v := range s.m {
		out[k] = v
	}
	return out, nil
}

func (s *mapStore) PutAlertConfig(t string, b []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[t] = b
	return nil
}

func newStore(t *testing.T) Store { return &mapStore{m: map[string][]byte{}} }
