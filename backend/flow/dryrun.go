package flow

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// TestRequest is a "test with sample event" request. With neither Event
// nor Message, a sample event for the flow's first trigger is used.
type TestRequest struct {
	Event *domain.Event `json:"event,omitempty"`
	// Message is a sample state message, e.g. {"type":"goal","data":{...}}.
	Message *SampleMessage    `json:"message,omitempty"`
	Args    map[string]string `json:"args,omitempty"`
	// Flow tests this (unsaved) definition instead of the stored one.
	Flow *Flow `json:"flow,omitempty"`
	// Force runs the actions even when no trigger matches or a condition
	// fails.
	Force bool `json:"force,omitempty"`
}

// SampleMessage is a state message for a test.
type SampleMessage struct {
	Type string          `json:"type"`
	Data json.RawMessage `json:"data"`
}

// Test runs a flow in dry-run mode against a sample and returns the trace:
// which trigger matched, each condition with its reason, and what each
// action would do. Nothing is published, stored, sent or waited for, and no
// cooldown or counter changes.
func (e *Engine) Test(id string, req TestRequest) (*Trace, error) {
	c, err := e.testTarget(id, req.Flow)
	if err != nil {
		return nil, err
	}
	in := sampleInput(c, &req, e.now())
	tt, args := matchSample(c, &in)
	for k, v := range req.Args {
		if args == nil {
			args = map[string]string{}
		}
		args[k] = v
	}
	rs := e.newRun(c, nil, tt, &in, args, 0, true)
	defer e.finish(rs)
	if !tt.Matched && !req.Force {
		rs.trace.Status, rs.trace.Reason = StatusRejected, tt.Reason
		return rs.trace, nil
	}
	ok, traces := rs.eval().All(c.conds)
	rs.trace.Conditions = traces
	if !ok && !req.Force {
		rs.trace.Status, rs.trace.Reason = StatusRejected, "conditions not met"
		return rs.trace, nil
	}
	rs.t0 = time.Now()
	rs.trace.Status = e.runSteps(rs, c.actions, &rs.trace.Actions)
	return rs.trace, nil
}

// testTarget compiles the flow to test.
func (e *Engine) testTarget(id string, f *Flow) (*compiled, error) {
	if f != nil {
		if f.ID == "" {
			f.ID = id
		}
		f.normalize()
		c, err := compile(e.reg, f)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrInvalid, err)
		}
		return c, nil
	}
	e.mu.RLock()
	en := e.flows[id]
	e.mu.RUnlock()
	if en == nil {
		return nil, ErrNotFound
	}
	if en.c == nil {
		return nil, fmt.Errorf("%w: %w", ErrInvalid, en.err)
	}
	return en.c, nil
}

// sampleInput builds the dry-run input from the request.
func sampleInput(c *compiled, req *TestRequest, now time.Time) action.Input {
	in := action.Input{Now: now, DryRun: true, Live: true, Args: req.Args}
	switch {
	case req.Event != nil:
		m := domain.EventMessage(req.Event)
		in.Key, in.Msg, in.Event = m.Type, &m, req.Event
	case req.Message != nil:
		m := domain.Message{Type: req.Message.Type, TS: now.UnixMilli(), Data: req.Message.Data}
		in.Key, in.Msg = m.Type, &m
	default:
		for _, t := range c.triggers {
			if ev := SampleEvent(domain.EventType(firstKey(t.m.Keys))); ev != nil {
				m := domain.EventMessage(ev)
				in.Key, in.Msg, in.Event = m.Type, &m, ev
				break
			}
		}
	}
	return in
}

func firstKey(keys []string) string {
	if len(keys) == 0 {
		return ""
	}
	return keys[0]
}

// matchSample finds the first trigger matching the sample.
func matchSample(c *compiled, in *action.Input) (TriggerTrace, map[string]string) {
	if in.Key == "" {
		return TriggerTrace{Type: "test", Index: -1, Matched: true,
			Reason: "no sample for this trigger: trigger not evaluated"}, nil
	}
	for _, t := range c.triggers {
		if !slices.Contains(t.m.Keys, in.Key) {
			continue
		}
		if args, ok := t.m.Match(in); ok {
			return TriggerTrace{Type: t.typ, Index: t.index, Alias: t.alias, Key: in.Key, Matched: true}, args
		}
	}
	return TriggerTrace{Type: "test", Index: -1, Key: in.Key,
		Reason: "no trigger of this flow matches the sample " + in.Key}, nil
}

// SampleEvent returns a plausible event of type t for tests and previews
// (nil for an unknown type).
func SampleEvent(t domain.EventType) *domain.Event {
	if !t.Valid() {
		return nil
	}
	e := &domain.Event{Type: t, ID: "sample", TS: time.Now().UnixMilli(), Source: "simulator", Simulated: true}
	if t.HasUser() {
		e.User = domain.User{UserID: "1000", UniqueID: "sample_viewer", Nickname: "Sample Viewer", IsFollower: true}
	}
	switch t {
	case domain.EventChat:
		e.Comment = "Hello from the flow test!"
	case domain.EventGift, domain.EventGiftStreak:
		e.GiftID, e.GiftName, e.DiamondCount, e.RepeatCount, e.Coins, e.Streakable = 5655, "Rose", 1, 10, 10, true
	case domain.EventLike:
		e.LikeCount, e.TotalLikeCount = 15, 1000
	case domain.EventSubscribe:
		e.SubMonth = 1
	case domain.EventViewers:
		e.ViewerCount = 100
	case domain.EventQuestion:
		e.Question = "How are you?"
	case domain.EventConnected, domain.EventDisconnected:
		e.RoomID, e.UniqueID = "1", "streamer"
	}
	return e
}
