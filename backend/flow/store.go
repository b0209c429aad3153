package flow

import (
	"encoding/json"
	"time"
)

// FlowRecord is one stored flow. Its fields match store.FlowRecord exactly,
// so core converts between them with a plain conversion:
// flow.FlowRecord(r) and store.FlowRecord(r).
type FlowRecord struct {
	ID         string
	Name       string
	Enabled    bool
	Definition json.RawMessage // the flow's JSON document
	UpdatedAt  time.Time
}

// Store persists flows and variables in the profile. The variable methods
// match *store.DB's; for the flow methods core wraps *store.DB in a small
// adapter (see StoreFuncs) because the record types live in different
// packages.
type Store interface {
	ListFlows() ([]FlowRecord, error)
	PutFlow(r FlowRecord) error
	DeleteFlow(id string) error
	Variables() (map[string][]byte, error) // name -> JSON value
	SetVariable(name string, value []byte) error
	DeleteVariable(name string) error
}

// VariableStore is the variable half of Store (*store.DB satisfies it).
type VariableStore interface {
	Variables() (map[string][]byte, error)
	SetVariable(name string, value []byte) error
	DeleteVariable(name string) error
}

// StoreFuncs adapts a database whose flow methods use its own record type
// (the store package's *DB) to Store. In core:
//
//	flow.StoreFuncs{
//		VariableStore: db,
//		List: func() ([]flow.FlowRecord, error) {
//			rs, err := db.ListFlows()
//			out := make([]flow.FlowRecord, len(rs))
//			for i, r := range rs {
//				out[i] = flow.FlowRecord(r)
//			}
//			return out, err
//		},
//		Put:    func(r flow.FlowRecord) error { return db.PutFlow(store.FlowRecord(r)) },
//		Delete: db.DeleteFlow,
//	}
type StoreFuncs struct {
	VariableStore
	List   func() ([]FlowRecord, error)
	Put    func(FlowRecord) error
	Delete func(id string) error
}

// ListFlows implements Store.
func (s StoreFuncs) ListFlows() ([]FlowRecord, error) { return s.List() }

// PutFlow implements Store.
func (s StoreFuncs) PutFlow(r FlowRecord) error { return s.Put(r) }

// DeleteFlow implements Store.
func (s StoreFuncs) DeleteFlow(id string) error { return s.Delete(id) }
