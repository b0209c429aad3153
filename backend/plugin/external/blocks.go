package external

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// BlockDef is an action or trigger a plugin registers. Its flow type is
// "<plugin id>.<name>".
type BlockDef struct {
	Name        string             `json:"name"`
	Label       string             `json:"label"`
	Description string             `json:"description,omitempty"`
	Fields      []action.FieldSpec `json:"fields,omitempty"`
}

var blockName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,31}$`)

const maxBlocks = 32

// contextFor is a context that ends with the session (bounded).
func contextFor(s *session) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	go func() {
		select {
		case <-s.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}

// onCall runs an existing flow action with the given config, off the
// reader goroutine (at most maxCalls at once); the answer is a result
// frame.
func (s *session) onCall(f Frame) error {
	a, ok := s.r.mod.opts.Registry.Action(f.Action)
	if !ok {
		return fmt.Errorf("no action %q", f.Action)
	}
	cfg, err := action.NewConfig(f.Config, a.Fields)
	if err == nil && a.Validate != nil {
		err = a.Validate(cfg)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", f.Action, err)
	}
	select {
	case s.calls <- struct{}{}:
	default:
		return fmt.Errorf("too many calls at once (at most %d)", maxCalls)
	}
	go func() {
		defer func() { <-s.calls }()
		ctx, cancel := contextFor(s)
		defer cancel()
		run := action.NewRun(callHost{s}, action.Scope{Now: time.Now(), Trigger: "plugin:" + s.r.spec.ID}, false, 0)
		run.SetConfig(cfg)
		if err := a.Execute(ctx, run); err != nil && !errors.Is(err, action.ErrStop) {
			s.fail(f, CodeFailed, fmt.Sprintf("%s: %v", f.Action, err))
			return
		}
		s.send(Frame{Type: TypeResult, ID: f.ID, OK: true})
	}()
	return nil
}

// callHost is the engine side of an action a plugin calls: it publishes
// on the bus and logs to the plugin's log; it has no variables.
type callHost struct{ s *session }

func (h callHost) Publish(m domain.Message) { h.s.r.mod.opts.Bus.Publish(m) }
func (h callHost) SetVar(string, action.Value) error {
	return errors.New("variables are not available to plugin calls")
}
func (h callHost) Log(level, msg string) { h.s.r.log.Info().Str("level", level).Msg(msg) }
func (h callHost) Note(string)           {}

// onRegister adds the plugin's actions and triggers to the flow editor,
// all or none. They leave again when the process disconnects.
func (s *session) onRegister(f Frame) error {
	if len(f.Actions)+len(f.Triggers) == 0 || len(f.Actions)+len(f.Triggers) > maxBlocks {
		return fmt.Errorf("register 1 to %d blocks", maxBlocks)
	}
	id := s.r.spec.ID
	var b action.Blocks
	for _, d := range f.Actions {
		if err := d.check(); err != nil {
			return err
		}
		b.Actions = append(b.Actions, s.pluginAction(id+"."+d.Name, d))
	}
	for _, d := range f.Triggers {
		if err := d.check(); err != nil {
			return err
		}
		b.Triggers = append(b.Triggers, pluginTrigger(id, d))
	}
	if err := s.r.h.AddBlocks(b); err != nil {
		return err
	}
	s.mu.Lock()
	closed := s.closed
	if !closed {
		s.blocks.Actions = append(s.blocks.Actions, b.Actions...)
		s.blocks.Triggers = append(s.blocks.Triggers, b.Triggers...)
	}
	types := s.blocks.Types()
	s.mu.Unlock()
	if closed {
		s.r.mod.opts.Registry.RemoveBlocks(b)
		return errNotConnected
	}
	s.r.setStatus(func(st *ProcStatus) { st.Blocks = types })
	s.send(Frame{Type: TypeOK, ID: f.ID, Types: b.Types()})
	return nil
}

func (d *BlockDef) check() error {
	if !blockName.MatchString(d.Name) {
		return fmt.Errorf("block name %q: 1-32 letters, digits, '_' or '-'", d.Name)
	}
	if d.Label == "" || len(d.Label) > 64 || len(d.Description) > 300 || len(d.Fields) > 16 {
		return fmt.Errorf("block %s: a label (up to 64 characters) is required; at most 16 fields", d.Name)
	}
	return nil
}

// pluginAction is a registered action: running it sends an invoke with
// the step's config (templates rendered) and waits for the result.
func (s *session) pluginAction(typ string, d BlockDef) action.Action {
	fields := d.Fields
	return action.Action{
		Info: action.Info{Type: typ, Name: d.Label, Category: "Plugins", Description: d.Description, Fields: fields},
		Execute: func(ctx context.Context, run *action.Run) error {
			cfg := map[string]any{}
			raw, _ := run.Config().MarshalJSON()
			_ = json.Unmarshal(raw, &cfg)
			for _, f := range fields {
				if f.Kind == action.FieldTemplate {
					cfg[f.Name] = run.Text(f.Name)
				}
			}
			b, _ := json.Marshal(cfg)
			return s.invoke(ctx, typ, b, run.Event)
		},
	}
}

// pluginTrigger fires when the plugin publishes event d.Name; each config
// field that is set must equal the event's field of the same name.
func pluginTrigger(id string, d BlockDef) action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: id + "." + d.Name, Name: d.Label, Category: "Plugins", Description: d.Description, Fields: d.Fields},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			want := map[string]string{}
			raw, _ := cfg.MarshalJSON()
			var vals map[string]any
			_ = json.Unmarshal(raw, &vals)
			for k, v := range vals {
				if t := action.ValueOf(v).Text(); t != "" {
					want[k] = t
				}
			}
			return action.Matcher{Keys: []string{"plugin:" + id + ":" + d.Name}, Match: func(in *action.Input) (map[string]string, bool) {
				args := action.FlattenArgs(in.Data(), nil)
				for k, v := range want {
					if args[k] != v {
						return nil, false
					}
				}
				return args, true
			}}, nil
		},
	}
}
