package goal

import (
	"encoding/json"
	"time"
)

// Record is one stored goal: its configuration (JSON of Goal) and value.
// Its layout is that of store.GoalRecord, so the store's records convert to
// it without this package importing the store.
type Record struct {
	ID        string          `json:"id"`
	Config    json.RawMessage `json:"config"`
	Value     int64           `json:"value"`
	UpdatedAt time.Time       `json:"updatedAt"`
}

// RecordType matches record types laid out like Record (store.GoalRecord).
type RecordType interface {
	~struct {
		ID        string          `json:"id"`
		Config    json.RawMessage `json:"config"`
		Value     int64           `json:"value"`
		UpdatedAt time.Time       `json:"updatedAt"`
	}
}

// Store persists goals. *store.DB satisfies Store[store.GoalRecord], so the
// composition root passes it to New as is (R is inferred).
type Store[R RecordType] interface {
	ListGoals() ([]R, error)
	PutGoal(r R) error
	SetGoalValue(id string, value int64) error
	DeleteGoal(id string) error
}

// records is Store in terms of Record, what the module works with.
type records interface {
	ListGoals() ([]Record, error)
	PutGoal(r Record) error
	SetGoalValue(id string, value int64) error
	DeleteGoal(id string) error
}

// adapter converts between a store's record type and Record.
type adapter[R RecordType] struct{ Store[R] }

func (a adapter[R]) ListGoals() ([]Record, error) {
	rs, err := a.Store.ListGoals()
	out := make([]Record, len(rs))
	for i, r := range rs {
		out[i] = Record(r)
	}
	return out, err
}

func (a adapter[R]) PutGoal(r Record) error { return a.Store.PutGoal(R(r)) }

func newRecord(id string, cfg []byte, value int64) Record {
	return Record{ID: id, Config: cfg, Value: value, UpdatedAt: time.Now()}
}
