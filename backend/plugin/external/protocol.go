package external

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strconv"
)

// Frame types of the plugin protocol (docs/plugin-sdk.md).
const (
	// plugin → LTTH
	TypeHello       = "hello"
	TypeSubscribe   = "subscribe"
	TypePublish     = "publish"
	TypeCall        = "call"
	TypeRegister    = "register"
	TypeGetSettings = "getSettings"
	TypeSetSettings = "setSettings"
	// both ways: the answer to a call (LTTH → plugin) or an invoke (plugin → LTTH)
	TypeResult = "result"
	// LTTH → plugin
	TypeReady    = "ready"
	TypeOK       = "ok"
	TypeError    = "error"
	TypeEvent    = "event"
	TypeInvoke   = "invoke"
	TypeSettings = "settings"
)

// Error codes of error frames.
const (
	CodeBadRequest = "bad_request"
	CodePermission = "permission_denied"
	CodeFailed     = "failed"
	CodeInternal   = "internal"
)

// Frame is every message of the protocol; each type uses some fields.
type Frame struct {
	Type string `json:"type"`
	ID   string `json:"id,omitempty"`

	// hello / ready
	Plugin      string   `json:"plugin,omitempty"`
	Permissions []string `json:"permissions,omitempty"`
	// subscribe
	Events []string `json:"events,omitempty"`
	// event / publish / invoke (event data, or the event that ran the flow)
	Event string          `json:"event,omitempty"`
	TS    int64           `json:"ts,omitempty"`
	Data  json.RawMessage `json:"data,omitempty"`
	// call / invoke
	Action string          `json:"action,omitempty"`
	Config json.RawMessage `json:"config,omitempty"`
	// register
	Actions  []BlockDef `json:"actions,omitempty"`
	Triggers []BlockDef `json:"triggers,omitempty"`
	Types    []string   `json:"types,omitempty"`
	// settings
	Settings json.RawMessage `json:"settings,omitempty"`
	// result / error
	OK    bool   `json:"ok,omitempty"`
	Code  string `json:"code,omitempty"`
	Error string `json:"error,omitempty"`
}

// needs is the permission each request type requires ("" none).
var needs = map[string]string{
	TypeHello: "", TypeResult: "", TypeSubscribe: PermEventsRead, TypePublish: PermEventsPublish,
	TypeCall: PermActionsCall, TypeRegister: PermActionsRegister,
	TypeGetSettings: PermSettings, TypeSetSettings: PermSettings,
}

var (
	errNotConnected  = errors.New("the plugin is not connected")
	errInvokeTimeout = errors.New("the plugin did not answer in time")
	eventName        = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]{0,63}$`)
	typeName         = regexp.MustCompile(`^[A-Za-z*][A-Za-z0-9_:.-]{0,127}$`)
)

type pluginError string

func (e pluginError) Error() string { return "plugin: " + string(e) }

func itoa(n uint64) string { return strconv.FormatUint(n, 10) }

// handle dispatches one frame from the plugin. A frame it may not send
// gets an error frame and is not executed.
func (s *session) handle(raw []byte) {
	var f Frame
	if err := json.Unmarshal(raw, &f); err != nil {
		s.send(Frame{Type: TypeError, Code: CodeBadRequest, Error: "frame is not a JSON object: " + err.Error()})
		return
	}
	perm, known := needs[f.Type]
	switch {
	case !known:
		s.fail(f, CodeBadRequest, fmt.Sprintf("unknown frame type %q", f.Type))
		return
	case f.Type != TypeHello && !s.greeted():
		s.fail(f, CodeBadRequest, "send hello first")
		return
	case perm != "" && !s.r.spec.Has(perm):
		s.r.log.Warn().Msgf("refused %s: permission %s not in plugin.json", f.Type, perm)
		s.fail(f, CodePermission, fmt.Sprintf("%s needs the %q permission, which plugin.json does not ask for", f.Type, perm))
		return
	}
	if err := s.dispatch(f); err != nil {
		s.fail(f, CodeFailed, err.Error())
	}
}

func (s *session) dispatch(f Frame) error {
	switch f.Type {
	case TypeHello:
		return s.onHello(f)
	case TypeSubscribe:
		return s.onSubscribe(f)
	case TypePublish:
		return s.onPublish(f)
	case TypeCall:
		return s.onCall(f)
	case TypeRegister:
		return s.onRegister(f)
	case TypeGetSettings:
		raw, err := s.loadSettings()
		if err == nil {
			s.send(Frame{Type: TypeSettings, ID: f.ID, Settings: raw})
		}
		return err
	case TypeSetSettings:
		return s.onSetSettings(f)
	case TypeResult:
		if !s.result(f) {
			return fmt.Errorf("no invoke %q is waiting", f.ID)
		}
	}
	return nil
}

func (s *session) fail(f Frame, code, msg string) {
	s.send(Frame{Type: TypeError, ID: f.ID, Code: code, Error: msg})
}

func (s *session) greeted() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hello
}

func (s *session) onHello(f Frame) error {
	s.mu.Lock()
	s.hello = true
	s.mu.Unlock()
	sp := s.r.spec
	s.send(Frame{Type: TypeReady, ID: f.ID, Plugin: sp.ID, Permissions: append([]string{}, sp.Permissions...)})
	return nil
}

func (s *session) onSubscribe(f Frame) error {
	set := map[string]bool{}
	for _, t := range f.Events {
		if !typeName.MatchString(t) {
			return fmt.Errorf("event type %q is not valid", t)
		}
		set[t] = true
	}
	if len(set) > 64 {
		return errors.New("at most 64 event types")
	}
	s.r.wanted.Store(&set)
	s.r.setStatus(func(st *ProcStatus) { st.Subscribed = append([]string{}, f.Events...) })
	s.send(Frame{Type: TypeOK, ID: f.ID})
	return nil
}

func (s *session) onPublish(f Frame) error {
	if !eventName.MatchString(f.Event) {
		return fmt.Errorf("event name %q: 1-64 letters, digits, '_' or '-'", f.Event)
	}
	var data any
	if len(f.Data) > 0 {
		if err := json.Unmarshal(f.Data, &data); err != nil {
			return fmt.Errorf("data: %w", err)
		}
	}
	s.r.h.Publish(f.Event, data)
	s.send(Frame{Type: TypeOK, ID: f.ID})
	return nil
}

func (s *session) onSetSettings(f Frame) error {
	st := s.r.mod.settingsStore()
	if st == nil {
		return errors.New("settings are not available")
	}
	ctx, cancel := contextFor(s)
	defer cancel()
	raw, err := st.PutSettings(ctx, s.r.spec.ID, f.Settings)
	if err != nil {
		return err
	}
	s.send(Frame{Type: TypeSettings, ID: f.ID, Settings: raw})
	return nil
}
