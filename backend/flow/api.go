package flow

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// View is a flow as the dashboard sees it: the document plus its status.
// An invalid flow shows "enabled": false and the reason in status.error.
type View struct {
	Flow
	Status Status `json:"status"`
}

// Status is a flow's load and run state.
type Status struct {
	Valid       bool   `json:"valid"`
	Error       string `json:"error,omitempty"`
	Active      bool   `json:"active"` // enabled, valid, breaker closed
	Running     int    `json:"running"`
	Waiting     int    `json:"waiting,omitempty"`
	BreakerOpen bool   `json:"breakerOpen,omitempty"`
	// Definition is the stored document when it is not valid JSON, so it
	// can be repaired.
	Definition string `json:"definition,omitempty"`
}

// view builds the View of en. Caller holds e.mu (read).
func (e *Engine) view(en *entry) View {
	var f Flow
	if en.def != nil {
		f = *en.def
	} else {
		f = Flow{ID: en.rec.ID, Name: en.rec.Name, UpdatedAt: en.rec.UpdatedAt}
	}
	f.Enabled = en.active()
	st := Status{Valid: en.c != nil, Active: en.active()}
	if en.err != nil {
		st.Error = en.err.Error()
	}
	if en.def == nil {
		st.Definition = string(en.rec.Definition)
	}
	if r := e.runners[en.rec.ID]; r != nil {
		st.Running, st.Waiting = r.counts()
		st.BreakerOpen = r.breakerOpen(e.now())
		st.Active = st.Active && !st.BreakerOpen
	}
	return View{Flow: f, Status: st}
}

// Flows lists every stored flow, sorted by name then id.
func (e *Engine) Flows() []View {
	e.mu.RLock()
	defer e.mu.RUnlock()
	out := make([]View, 0, len(e.flows))
	for _, en := range e.flows {
		out = append(out, e.view(en))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Get returns one flow.
func (e *Engine) Get(id string) (View, error) {
	e.mu.RLock()
	defer e.mu.RUnlock()
	en := e.flows[id]
	if en == nil {
		return View{}, ErrNotFound
	}
	return e.view(en), nil
}

// Save validates f and stores it (creating or replacing the flow with its
// id). An invalid flow is refused with an error wrapping ErrInvalid.
func (e *Engine) Save(f *Flow) (View, error) {
	f.normalize()
	c, err := compile(e.reg, f)
	if err != nil {
		return View{}, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	en, err := e.put(f, c, nil)
	if err != nil {
		return View{}, err
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.view(en), nil
}

// put stores f and installs its entry.
func (e *Engine) put(f *Flow, c *compiled, cerr error) (*entry, error) {
	f.UpdatedAt = e.now().UTC()
	rec := FlowRecord{ID: f.ID, Name: f.Name, Enabled: f.Enabled, Definition: f.Encode(), UpdatedAt: f.UpdatedAt}
	if err := e.st.PutFlow(rec); err != nil {
		return nil, fmt.Errorf("saving flow %s: %w", f.ID, err)
	}
	en := &entry{rec: rec, def: f, c: c, err: cerr}
	e.mu.Lock()
	e.flows[f.ID] = en
	e.rebuildLocked()
	e.mu.Unlock()
	return en, nil
}

// Delete removes a flow, its recent runs and its log.
func (e *Engine) Delete(id string) error {
	e.mu.RLock()
	_, ok := e.flows[id]
	e.mu.RUnlock()
	if !ok {
		return ErrNotFound
	}
	if err := e.st.DeleteFlow(id); err != nil {
		return fmt.Errorf("deleting flow %s: %w", id, err)
	}
	e.mu.Lock()
	delete(e.flows, id)
	e.rebuildLocked()
	e.mu.Unlock()
	e.traces.forget(id)
	e.logs.remove(id)
	return nil
}

// SetEnabled switches a flow on or off. Enabling an invalid flow fails with
// its reason.
func (e *Engine) SetEnabled(id string, on bool) (View, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	en := e.flows[id]
	if en == nil {
		return View{}, ErrNotFound
	}
	if on && en.c == nil || en.def == nil {
		return View{}, fmt.Errorf("%w: %w (save a corrected version or delete it)", ErrInvalid, en.err)
	}
	rec := en.rec
	rec.Enabled = on
	rec.UpdatedAt = e.now().UTC()
	f := *en.def
	f.Enabled, f.UpdatedAt = on, rec.UpdatedAt
	rec.Definition = f.Encode()
	next := &entry{rec: rec, def: &f, c: en.c, err: en.err}
	if err := e.st.PutFlow(rec); err != nil {
		return View{}, fmt.Errorf("saving flow %s: %w", id, err)
	}
	e.flows[id] = next
	e.rebuildLocked()
	return e.view(next), nil
}

// Run starts a flow by hand (dashboard button, REST) with an optional
// event and arguments. Its conditions and mode apply; a disabled but valid
// flow can be run.
func (e *Engine) Run(id string, ev *domain.Event, args map[string]string) (Fired, error) {
	e.mu.RLock()
	en, r := e.flows[id], e.runners[id]
	e.mu.RUnlock()
	if en == nil {
		return Fired{}, ErrNotFound
	}
	if en.c == nil {
		return Fired{}, fmt.Errorf("%w: %w", ErrInvalid, en.err)
	}
	tt := TriggerTrace{Type: action.KeyManual, Index: -1, Key: action.KeyManual, Matched: true, Reason: "run by hand"}
	for _, t := range en.c.triggers {
		if t.typ == action.KeyManual {
			tt.Index, tt.Alias = t.index, t.alias
			break
		}
	}
	in := manualInput(ev, args, e.now())
	return e.fire(en, r, tt, &in, in.Args, 0, nil), nil
}

func manualInput(ev *domain.Event, args map[string]string, now time.Time) action.Input {
	in := action.Input{Key: action.KeyManual, Event: ev, Args: args, Now: now}
	if ev != nil {
		m := domain.EventMessage(ev)
		in.Msg = &m
	}
	return in
}

// Runs returns a flow's recent run traces, newest first.
func (e *Engine) Runs(id string) ([]*Trace, error) {
	e.mu.RLock()
	_, ok := e.flows[id]
	e.mu.RUnlock()
	if !ok {
		return nil, ErrNotFound
	}
	return e.traces.list(id), nil
}

// ImportResult reports one imported flow.
type ImportResult struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Enabled bool   `json:"enabled"`
	Error   string `json:"error,omitempty"` // why it was imported disabled
}

// Import stores flows from JSON (one flow object or an array). A flow
// without a usable id gets a new one; an existing id is replaced. A flow
// that does not validate is imported disabled, with the reason.
func (e *Engine) Import(data []byte) ([]ImportResult, error) {
	flows, err := DecodeMany(data)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
	}
	return e.importFlows(flows)
}

// importFlows stores decoded flows (see Import).
func (e *Engine) importFlows(flows []*Flow) ([]ImportResult, error) {
	out := make([]ImportResult, 0, len(flows))
	for _, f := range flows {
		if !ValidID(f.ID) {
			f.ID = NewID()
		}
		keepSecrets(f, e.stored(f.ID))
		f.normalize()
		c, cerr := compile(e.reg, f)
		res := ImportResult{ID: f.ID, Name: f.Name}
		if cerr != nil {
			f.Enabled = false
			res.Error = cerr.Error()
		}
		res.Enabled = f.Enabled
		if _, err := e.put(f, c, cerr); err != nil {
			return out, err
		}
		out = append(out, res)
	}
	return out, nil
}

// Export returns the flows with the given ids (all when none) as a JSON
// array, ready for Import. Flows whose stored document is not JSON are
// left out.
func (e *Engine) Export(ids ...string) []byte {
	return EncodeExport(e.exportFlows(ids))
}

// exportFlows copies the documents of the flows with the given ids (all
// when none), sorted like Flows.
func (e *Engine) exportFlows(ids []string) []Flow {
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	views := e.Flows()
	docs := make([]Flow, 0, len(views))
	e.mu.RLock()
	for _, v := range views {
		en := e.flows[v.ID]
		if en == nil || en.def == nil || len(want) > 0 && !want[v.ID] {
			continue
		}
		docs = append(docs, *en.def)
	}
	e.mu.RUnlock()
	return docs
}

// EncodeExport writes flows as an export file: an indented JSON array.
func EncodeExport(flows []Flow) []byte {
	if flows == nil {
		flows = []Flow{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	_ = enc.Encode(flows) // only json.RawMessage fields can fail, and they were decoded
	return b.Bytes()
}

// Webhook fires the flows listening on incoming webhook hookID. args are the
// request's fields; ev an optional event carried by the request.
func (e *Engine) Webhook(hookID string, args map[string]string, ev *domain.Event) []Fired {
	in := action.Input{Key: action.WebhookKey(hookID), Event: ev, Args: args, Now: e.now(),
		Live: e.live.Load(), Roles: e.opts.Roles}
	if ev != nil {
		m := domain.EventMessage(ev)
		in.Msg = &m
	}
	return e.dispatch(&in, 0)
}

// Variables returns every variable.
func (e *Engine) Variables() map[string]action.Value { return e.vars.snapshot(1 << 30) }

// SetVariables sets variables (a JSON null deletes one).
func (e *Engine) SetVariables(vals map[string]json.RawMessage) error {
	for name, raw := range vals {
		if err := checkVarName(name); err != nil {
			return fmt.Errorf("%w: %w", ErrInvalid, err)
		}
		if t := bytes.TrimSpace(raw); len(t) == 0 || bytes.Equal(t, []byte("null")) { // json decodes null to nil
			if err := e.vars.remove(name); err != nil {
				return err
			}
			continue
		}
		v, err := action.ParseJSONValue(raw)
		if err != nil {
			return fmt.Errorf("%w: variable %s: %w", ErrInvalid, name, err)
		}
		if err := e.vars.set(name, v); err != nil {
			return err
		}
	}
	return nil
}
