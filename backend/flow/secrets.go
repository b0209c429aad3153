package flow

import (
	"encoding/json"
	"strings"
)

// SecretMask replaces a secret's value on every read over the API. A PUT
// that sends it back keeps the stored value (secrets are write-only).
const SecretMask = "••••"

// webhookType is the action whose "headers" values are secrets (API keys,
// bearer tokens of other tools).
const webhookType = "webhook.send"

// headersOf returns an element's webhook headers, or nil.
func headersOf(el *Element) map[string]string {
	if el.Type != webhookType || len(el.Config) == 0 {
		return nil
	}
	var cfg struct {
		Headers map[string]string `json:"headers"`
	}
	if json.Unmarshal(el.Config, &cfg) != nil {
		return nil
	}
	return cfg.Headers
}

// withHeaders returns el's config with its "headers" replaced by h; the
// other fields are kept as they are.
func withHeaders(el *Element, h map[string]string) json.RawMessage {
	var cfg map[string]json.RawMessage
	if json.Unmarshal(el.Config, &cfg) != nil {
		return el.Config
	}
	b, err := json.Marshal(h)
	if err != nil {
		return el.Config
	}
	cfg["headers"] = b
	out, err := json.Marshal(cfg)
	if err != nil {
		return el.Config
	}
	return out
}

// maskedFlow is a copy of f whose webhook header values read as SecretMask
// (header names stay visible).
func maskedFlow(f Flow) Flow {
	acts := make([]Element, len(f.Actions))
	copy(acts, f.Actions)
	for i := range acts {
		h := headersOf(&acts[i])
		if len(h) == 0 {
			continue
		}
		m := make(map[string]string, len(h))
		for k := range h {
			m[k] = SecretMask
		}
		acts[i].Config = withHeaders(&acts[i], m)
	}
	f.Actions = acts
	return f
}

// maskedViews masks every view's secrets.
func maskedViews(vs []View) []View {
	for i := range vs {
		vs[i].Flow = maskedFlow(vs[i].Flow)
	}
	return vs
}

// keepSecrets puts the stored values back into f wherever a header value
// is still the mask: from the old action at the same position, else from
// any old webhook action with a header of that name. A masked header
// without a stored value is dropped (the mask is never stored as a secret).
func keepSecrets(f *Flow, old *Flow) {
	for i := range f.Actions {
		h := headersOf(&f.Actions[i])
		changed := false
		for name, v := range h {
			if !strings.HasPrefix(v, SecretMask) {
				continue
			}
			changed = true
			if stored, ok := storedHeader(old, i, name); ok {
				h[name] = stored
			} else {
				delete(h, name)
			}
		}
		if changed {
			f.Actions[i].Config = withHeaders(&f.Actions[i], h)
		}
	}
}

func storedHeader(old *Flow, i int, name string) (string, bool) {
	if old == nil {
		return "", false
	}
	if i < len(old.Actions) {
		if v, ok := headersOf(&old.Actions[i])[name]; ok {
			return v, true
		}
	}
	for j := range old.Actions {
		if v, ok := headersOf(&old.Actions[j])[name]; ok {
			return v, true
		}
	}
	return "", false
}

// stored returns the stored document of flow id, or nil.
func (e *Engine) stored(id string) *Flow {
	e.mu.RLock()
	defer e.mu.RUnlock()
	if en := e.flows[id]; en != nil && en.def != nil {
		f := *en.def
		return &f
	}
	return nil
}
