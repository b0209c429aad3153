package goal

import "time"

// Record is one stored goal: its configuration (JSON of Goal) and value.
type Record struct {
	ID        string
	Config    []byte
	Value     int64
	UpdatedAt time.Time
}

// Store persists goals; *store.DB satisfies it.
type Store interface {
	ListGoals() ([]Record, error)
	PutGoal(r Record) error
	SetGoalValue(id string, value int64) error
	DeleteGoal(id string) error
}

func newRecord(id string, cfg []byte, value int64) Record {
	return Record{ID: id, Config: cfg, Value: value, UpdatedAt: time.Now()}
}
