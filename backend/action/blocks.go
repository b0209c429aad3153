package action

import "fmt"

// Blocks is a set of flow building blocks one capability owns. A module
// (alert, goal, the connector, overlay, a plugin) returns its Blocks and the
// composition root or the plugin host adds them to the profile's Registry;
// a plugin's blocks are removed again when it is disabled.
type Blocks struct {
	Triggers   []Trigger
	Conditions []Condition
	Actions    []Action
}

// BlockProvider is implemented by modules that own flow blocks. core
// discovers it the way it discovers module.RouteProvider.
type BlockProvider interface {
	Blocks() Blocks
}

// AddBlocks registers every block of b, or none of them: on the first
// error the blocks already added from b are removed again.
func (r *Registry) AddBlocks(b Blocks) error {
	var done Blocks
	fail := func(err error) error {
		r.RemoveBlocks(done)
		return err
	}
	for _, t := range b.Triggers {
		if err := r.AddTrigger(t); err != nil {
			return fail(err)
		}
		done.Triggers = append(done.Triggers, t)
	}
	for _, c := range b.Conditions {
		if err := r.AddCondition(c); err != nil {
			return fail(err)
		}
		done.Conditions = append(done.Conditions, c)
	}
	for _, a := range b.Actions {
		if err := r.AddAction(a); err != nil {
			return fail(err)
		}
		done.Actions = append(done.Actions, a)
	}
	return nil
}

// RemoveBlocks unregisters every block of b (by type id). Missing ids are
// ignored.
func (r *Registry) RemoveBlocks(b Blocks) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, t := range b.Triggers {
		delete(r.triggers, t.Type)
	}
	for _, c := range b.Conditions {
		delete(r.conditions, c.Type)
	}
	for _, a := range b.Actions {
		delete(r.actions, a.Type)
	}
}

// Types lists the type ids of b, for messages and tests.
func (b Blocks) Types() []string {
	var out []string
	for _, t := range b.Triggers {
		out = append(out, "trigger "+t.Type)
	}
	for _, c := range b.Conditions {
		out = append(out, "condition "+c.Type)
	}
	for _, a := range b.Actions {
		out = append(out, "action "+a.Type)
	}
	return out
}

// String is a short description of b.
func (b Blocks) String() string {
	return fmt.Sprintf("%d triggers, %d conditions, %d actions", len(b.Triggers), len(b.Conditions), len(b.Actions))
}
