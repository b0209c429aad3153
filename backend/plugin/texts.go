package plugin

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
)

// Texts are a manifest's shown texts in one more language (plugin.json
// "i18n": {"de": {...}}): the description, settings' labels, help texts and
// option labels, and overlay names. Anything left out stays as the
// manifest says it (English); the dashboard picks the language.
type Texts struct {
	Name        string               `json:"name,omitempty"`
	Description string               `json:"description,omitempty"`
	Settings    map[string]FieldText `json:"settings,omitempty"`
	Overlays    map[string]string    `json:"overlays,omitempty"` // overlay path → name
}

// FieldText is one setting's texts; Options maps an option value to its label.
type FieldText struct {
	Label   string            `json:"label,omitempty"`
	Help    string            `json:"help,omitempty"`
	Options map[string]string `json:"options,omitempty"`
}

var langPattern = regexp.MustCompile(`^[a-z]{2}$`)

// parseTexts decodes the "i18n" member strictly (unknown fields are errors)
// and checks every entry names something the manifest has.
func parseTexts(m *Manifest, raw []byte) error {
	var outer struct {
		I18n json.RawMessage `json:"i18n"`
	}
	if err := json.Unmarshal(raw, &outer); err != nil || len(outer.I18n) == 0 || string(outer.I18n) == "null" {
		m.I18n = nil
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(outer.I18n))
	dec.DisallowUnknownFields()
	var texts map[string]Texts
	if err := dec.Decode(&texts); err != nil {
		return fmt.Errorf("plugin %s: i18n: %w", m.ID, err)
	}
	for lang, t := range texts {
		if err := checkTexts(m, lang, t); err != nil {
			return fmt.Errorf("plugin %s: i18n %q: %w", m.ID, lang, err)
		}
	}
	m.I18n = texts
	return nil
}

func checkTexts(m *Manifest, lang string, t Texts) error {
	if !langPattern.MatchString(lang) || lang == "en" {
		return fmt.Errorf("a language is two lowercase letters, not en (the manifest's own texts are English)")
	}
	fields := map[string]map[string]bool{}
	for _, f := range m.Settings {
		opts := map[string]bool{}
		for _, o := range f.Options {
			opts[o.Value] = true
		}
		fields[f.Name] = opts
	}
	for name, ft := range t.Settings {
		opts, ok := fields[name]
		if !ok {
			return fmt.Errorf("settings: no setting %q", name)
		}
		if ft.Label == "" && ft.Help == "" && len(ft.Options) == 0 {
			return fmt.Errorf("settings %q: no text", name)
		}
		for v, label := range ft.Options {
			if !opts[v] || label == "" {
				return fmt.Errorf("settings %q: no option %q (or an empty label)", name, v)
			}
		}
	}
	paths := map[string]bool{}
	for _, o := range m.Overlays {
		paths[o.Path] = true
	}
	for p, name := range t.Overlays {
		if !paths[p] || name == "" {
			return fmt.Errorf("overlays: no overlay %q (or an empty name)", p)
		}
	}
	return nil
}
