package goal

import (
	"encoding/json"
	"fmt"
	"sort"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
)

// Errors callers can tell apart.
var (
	ErrNotFound = httpapi.NewError(httpapi.ErrNotFound, "goal not found")
	ErrInvalid  = httpapi.NewError(httpapi.ErrInvalid, "invalid goal request")
)

// Ops of Adjust and of goalCommand messages.
const (
	OpAdd   = "add"
	OpSet   = "set"
	OpReset = "reset" // value 0, target back to StartTarget, visible again
)

// Command is the Data of a "goalCommand" bus message (sent by flows).
type Command struct {
	GoalID string `json:"goalId"`
	Op     string `json:"op"`
	Amount int64  `json:"amount"`
}

// View is a goal as the dashboard and GET /api/goals show it.
type View struct {
	Goal
	Value      int64  `json:"value"`
	Reached    bool   `json:"reached"`
	OverlayURL string `json:"overlayUrl"`
}

func view(e *entry) View {
	return View{Goal: e.goal, Value: e.value, Reached: e.value >= e.goal.Target, OverlayURL: OverlayURL(e.goal.ID)}
}

// List returns every goal, sorted by name then id.
func (m *Module) List() []View {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := make([]View, 0, len(m.goals))
	for _, e := range m.goals {
		out = append(out, view(e))
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Name != out[j].Name {
			return out[i].Name < out[j].Name
		}
		return out[i].ID < out[j].ID
	})
	return out
}

// Get returns one goal.
func (m *Module) Get(id string) (View, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.goals[id]
	if e == nil {
		return View{}, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	return view(e), nil
}

// Patch creates goal id or updates it with the JSON fields of patch (see
// DecodeInput and Update).
func (m *Module) Patch(id string, patch []byte) (View, error) {
	in, err := DecodeInput(patch)
	if err != nil {
		return View{}, err
	}
	return m.Update(id, in)
}

// Update creates goal id or updates it with the fields of in (absent
// fields keep their value; a new goal needs at least kind and target).
func (m *Module) Update(id string, in Input) (View, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.goals[id]
	var g Goal
	if e != nil {
		g = e.goal
	}
	g = in.apply(g)
	g.ID = id
	if err := g.Validate(); err != nil {
		return View{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	return m.replace(e, g)
}

// replace stores g (a new goal when e is nil) and re-evaluates it. Callers hold mu.
func (m *Module) replace(e *entry, g Goal) (View, error) {
	if e == nil {
		e = &entry{}
	}
	old := *e
	e.goal = g
	if err := m.putGoal(e); err != nil {
		*e = old
		return View{}, err
	}
	m.goals[g.ID] = e
	if err := m.change(e, e.value, true); err != nil {
		return View{}, err
	}
	return view(e), nil
}

// Delete removes a goal and clears its overlay state.
func (m *Module) Delete(id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.goals[id] == nil {
		return fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	if err := m.st.DeleteGoal(id); err != nil {
		return fmt.Errorf("delete goal %s: %w", id, err)
	}
	delete(m.goals, id)
	m.bus.Publish(domain.Message{Type: TypeGoal, Key: key(id), Clear: true,
		Data: map[string]any{"id": id, "deleted": true, "visible": false}})
	return nil
}

// Adjust changes a goal's value by hand: add amount (may be negative), set
// it to amount, or reset the goal.
func (m *Module) Adjust(id, op string, amount int64) (View, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	e := m.goals[id]
	if e == nil {
		return View{}, fmt.Errorf("%w: %q", ErrNotFound, id)
	}
	var err error
	switch op {
	case OpAdd:
		err = m.change(e, domain.SatAdd(e.value, amount), true)
	case OpSet:
		if amount < 0 {
			return View{}, fmt.Errorf("%w: set needs an amount >= 0", ErrInvalid)
		}
		err = m.change(e, amount, true)
	case OpReset:
		err = m.reset(e)
	default:
		return View{}, fmt.Errorf("%w: op must be add, set or reset", ErrInvalid)
	}
	return view(e), err
}

// reset puts a goal back to its start: value 0, start target, visible.
// Callers hold mu.
func (m *Module) reset(e *entry) error {
	e.value = 0
	e.goal.Target = e.goal.StartTarget
	e.goal.Hidden = false
	err := m.putGoal(e)
	m.publish(e)
	return err
}

// command handles the Data of a goalCommand message, which may be a
// Command, a map[string]any or any other JSON-shaped value.
func (m *Module) command(data any) error {
	var c Command
	var raw []byte
	switch d := data.(type) {
	case []byte:
		raw = d
	case json.RawMessage:
		raw = d
	default:
		b, err := json.Marshal(data)
		if err != nil {
			return fmt.Errorf("goalCommand data: %w", err)
		}
		raw = b
	}
	if err := json.Unmarshal(raw, &c); err != nil {
		return fmt.Errorf("goalCommand data: %w", err)
	}
	_, err := m.Adjust(c.GoalID, c.Op, c.Amount)
	return err
}
