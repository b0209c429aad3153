package goal

import (
	"sync"
	"testing"
)

// TEMPORARY until backend/store lands: replaced by the real SQLite store.
type mapStore struct {
	mu sync.Mutex
	m  map[string]Record
}

func (s *mapStore) ListGoals() ([]Record, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Record
	for _, r := range s.m {
		out = append(out, r)
	}
	return out, nil
}

func (s *mapStore) PutGoal(r Record) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.m[r.ID] = r
	return nil
}

func (s *mapStore) SetGoalValue(id string, v int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	r := s.m[id]
	r.Value = v
	s.m[id] = r
	return nil
}

func (s *mapStore) DeleteGoal(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.m, id)
	return nil
}

func newStore(t *testing.T) Store { return &mapStore{m: map[string]Record{}} }
