package plugin

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/action"
)

// Profile setting keys of the host, namespaced by plugin id.
func enabledKey(id string) string  { return "plugin." + id + ".enabled" }
func settingsKey(id string) string { return "plugin." + id + ".settings" }

// loadEnabled reads a plugin's enabled flag; the manifest's default on
// first sight.
func (m *Manager) loadEnabled(in *instance) (bool, error) {
	v, ok, err := m.opts.Store.GetSetting(enabledKey(in.id()))
	if err != nil {
		return false, fmt.Errorf("reading enabled flag: %w", err)
	}
	if !ok {
		return in.reg.Manifest.DefaultEnabled, nil
	}
	return v == "true", nil
}

func (m *Manager) saveEnabled(in *instance, on bool) error {
	v := "false"
	if on {
		v = "true"
	}
	return m.opts.Store.SetSetting(enabledKey(in.id()), v)
}

// settings returns a plugin's stored settings checked against its schema,
// defaults filled in. Stored values the schema no longer accepts (a plugin
// update renamed or retyped a field) fall back to their defaults and are
// logged; they stay in the store until the next save.
func (m *Manager) settings(in *instance) (*action.Config, error) {
	raw, _, err := m.opts.Store.GetSetting(settingsKey(in.id()))
	if err != nil {
		return nil, fmt.Errorf("reading settings: %w", err)
	}
	specs := in.reg.Manifest.Settings
	kept := map[string]json.RawMessage{}
	var stored map[string]json.RawMessage
	if raw != "" {
		if err := json.Unmarshal([]byte(raw), &stored); err != nil {
			in.logs.add(zerolog.WarnLevel, "stored settings are not a JSON object; using defaults")
		}
	}
	for i := range specs {
		v, ok := stored[specs[i].Name]
		if !ok {
			continue
		}
		one := map[string]json.RawMessage{specs[i].Name: v}
		b, _ := json.Marshal(one)
		if _, err := action.NewConfig(b, specs[i:i+1]); err != nil {
			in.logs.add(zerolog.WarnLevel, fmt.Sprintf("stored setting ignored (%v); using its default", err))
			continue
		}
		kept[specs[i].Name] = v
	}
	b, _ := json.Marshal(kept)
	cfg, err := action.NewConfig(b, specs)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSettings, err)
	}
	return cfg, nil
}

// Settings returns a plugin's settings (defaults applied) as JSON.
func (m *Manager) Settings(id string) (json.RawMessage, error) {
	in := m.byID[id]
	if in == nil {
		return nil, fmt.Errorf("%q: %w", id, ErrUnknown)
	}
	cfg, err := m.settings(in)
	if err != nil {
		return nil, err
	}
	return cfg.MarshalJSON()
}

// decodeStrict reads exactly one JSON object from r.
func decodeStrict(r io.Reader) (json.RawMessage, error) {
	dec := json.NewDecoder(r)
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		return nil, fmt.Errorf("%w: body must be a JSON object: %v", ErrSettings, err)
	}
	if obj == nil {
		return nil, fmt.Errorf("%w: body must be a JSON object", ErrSettings)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%w: trailing data after the JSON object", ErrSettings)
	}
	return json.Marshal(obj)
}

// PutSettings validates raw (a JSON object; unknown keys and wrong types
// are rejected) against the plugin's schema, stores it, and applies it to
// a running plugin: SettingsChanged when it implements SettingsReloader,
// a restart otherwise. When the plugin rejects them (an error from
// SettingsChanged or from Start), the previous settings are restored and
// applied again, and the error is returned (ErrSettings).
func (m *Manager) PutSettings(ctx context.Context, id string, raw []byte) (json.RawMessage, error) {
	in := m.byID[id]
	if in == nil {
		return nil, fmt.Errorf("%q: %w", id, ErrUnknown)
	}
	obj, err := decodeStrict(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	cfg, err := action.NewConfig(obj, in.reg.Manifest.Settings)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrSettings, err)
	}
	norm, err := cfg.MarshalJSON()
	if err != nil {
		return nil, err
	}
	m.opMu.Lock()
	defer m.opMu.Unlock()
	prev, had, err := m.opts.Store.GetSetting(settingsKey(id))
	if err != nil {
		return nil, err
	}
	if !had {
		prev = "{}"
	}
	if err := m.opts.Store.SetSetting(settingsKey(id), string(norm)); err != nil {
		return nil, err
	}
	running := in.current() != nil
	if rejected := m.applySettingsLocked(ctx, in); running && rejected != nil {
		// the plugin refused them: keep what it ran with before
		if err := m.opts.Store.SetSetting(settingsKey(id), prev); err != nil {
			return nil, errors.Join(rejected, err)
		}
		if in.current() == nil {
			m.reloadLocked(ctx, in) // its restart with them failed: start it as before
		} else if err := m.applySettingsLocked(ctx, in); err != nil {
			if rt := in.current(); rt != nil {
				rt.fail("settings", err)
			}
		}
		m.publishState()
		return nil, fmt.Errorf("%w: %v", ErrSettings, rejected)
	}
	return norm, nil
}

// applySettingsLocked hands the stored settings to a running plugin:
// SettingsChanged, or a restart. An error means the plugin rejected them.
func (m *Manager) applySettingsLocked(ctx context.Context, in *instance) error {
	rt := in.current()
	if rt == nil {
		return nil
	}
	if sr, ok := rt.p.(SettingsReloader); ok {
		return guard("settings", sr.SettingsChanged)
	}
	m.reloadLocked(ctx, in)
	if inf := in.info(); inf.State == StateError {
		return errors.New(inf.Error)
	}
	return nil
}

// kv is a plugin's namespaced storage.
type kv struct {
	st Store
	id string
}

func (k kv) Get(key string) ([]byte, bool, error) { return k.st.PluginKVGet(k.id, key) }
func (k kv) Put(key string, v []byte) error       { return k.st.PluginKVPut(k.id, key, v) }
func (k kv) Delete(key string) error              { return k.st.PluginKVDelete(k.id, key) }
func (k kv) Keys() ([]string, error)              { return k.st.PluginKVKeys(k.id) }
