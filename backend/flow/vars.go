package flow

import (
	"encoding/json"
	"fmt"
	"sync"

	"github.com/ltth/ltth/backend/action"
)

// varStore caches the profile's variables and writes every change through
// to the store, so they survive restarts.
type varStore struct {
	st VariableStore
	mu sync.RWMutex
	m  map[string]action.Value
}

func newVarStore(st VariableStore) *varStore {
	return &varStore{st: st, m: map[string]action.Value{}}
}

// checkVarName accepts names usable as {var.name} in templates.
func checkVarName(name string) error {
	if _, err := action.ParseRef("var." + name); err != nil || name == "" {
		return fmt.Errorf("invalid variable name %q (letters, digits, _ . - :)", name)
	}
	return nil
}

func (v *varStore) load() error {
	raw, err := v.st.Variables()
	if err != nil {
		return err
	}
	m := make(map[string]action.Value, len(raw))
	for k, b := range raw {
		val, err := action.ParseJSONValue(b)
		if err != nil {
			val = action.StringValue(string(b))
		}
		m[k] = val
	}
	v.mu.Lock()
	v.m = m
	v.mu.Unlock()
	return nil
}

func (v *varStore) get(name string) (action.Value, bool) {
	v.mu.RLock()
	defer v.mu.RUnlock()
	val, ok := v.m[name]
	return val, ok
}

func (v *varStore) set(name string, val action.Value) error {
	b, err := json.Marshal(val)
	if err != nil {
		return err
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if err := v.st.SetVariable(name, b); err != nil {
		return fmt.Errorf("saving variable %s: %w", name, err)
	}
	v.m[name] = val
	return nil
}

// add increments a numeric variable atomically (a missing or non-numeric
// variable counts as 0).
func (v *varStore) add(name string, delta float64) (action.Value, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	cur, _ := v.m[name].Float()
	nv := action.NumberValue(cur + delta)
	b, _ := json.Marshal(nv)
	if err := v.st.SetVariable(name, b); err != nil {
		return action.Value{}, fmt.Errorf("saving variable %s: %w", name, err)
	}
	v.m[name] = nv
	return nv, nil
}

func (v *varStore) remove(name string) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if _, ok := v.m[name]; !ok {
		return nil // the store reports a missing variable as an error
	}
	if err := v.st.DeleteVariable(name); err != nil {
		return err
	}
	delete(v.m, name)
	return nil
}

// snapshot copies up to max variables.
func (v *varStore) snapshot(max int) map[string]action.Value {
	v.mu.RLock()
	defer v.mu.RUnlock()
	out := make(map[string]action.Value, min(len(v.m), max))
	for k, val := range v.m {
		if len(out) >= max {
			break
		}
		out[k] = val
	}
	return out
}
