package action

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
)

// FieldKind tells the dashboard's form editor which input to show and the
// engine how to check a config value.
type FieldKind string

// Field kinds.
const (
	FieldText       FieldKind = "text"       // a string
	FieldNumber     FieldKind = "number"     // a JSON number
	FieldBool       FieldKind = "bool"       // true/false
	FieldSelect     FieldKind = "select"     // one of Options
	FieldTemplate   FieldKind = "template"   // a string with {placeholders}, precompiled
	FieldList       FieldKind = "list"       // a list of strings (or of Options when set)
	FieldJSON       FieldKind = "json"       // any JSON value
	FieldConditions FieldKind = "conditions" // a nested list of conditions (and/or/not groups)
)

// Option is one choice of a select or list field.
type Option struct {
	Value string `json:"value"`
	Label string `json:"label"`
}

// FieldSpec describes one config field, for validation and for the form
// editor (a JSON-schema-like list).
type FieldSpec struct {
	Name     string    `json:"name"`
	Label    string    `json:"label"`
	Kind     FieldKind `json:"kind"`
	Options  []Option  `json:"options,omitempty"`
	Default  any       `json:"default,omitempty"`
	Required bool      `json:"required,omitempty"`
	Help     string    `json:"help,omitempty"`
	// OptionsURL is a GET endpoint answering [{"value","label"}] that the
	// form editor offers as suggestions (live lists such as OBS scenes).
	// "{field}" in it is replaced by that field's current value, e.g.
	// "/api/obs/options?kind=sources&scene={scene}". The value stays free
	// text; it is not checked against the list.
	OptionsURL string `json:"optionsUrl,omitempty"`
	// Open keeps a select's value that is not among its Options (a name
	// saved by an older version): the editor still offers it and the block
	// falls back at run time, so an upgrade never switches a flow off.
	Open bool `json:"open,omitempty"`
}

// Config is an element's config checked against its FieldSpecs, with
// defaults applied and template fields precompiled. It is immutable.
type Config struct {
	raw   map[string]json.RawMessage
	vals  map[string]any // string, float64, bool, []string or json.RawMessage
	tmpls map[string]*Template
}

// NewConfig checks raw (a JSON object, or empty) against specs. Unknown keys
// are an error, so typos do not pass silently.
func NewConfig(raw json.RawMessage, specs []FieldSpec) (*Config, error) {
	c := &Config{raw: map[string]json.RawMessage{}, vals: map[string]any{}, tmpls: map[string]*Template{}}
	if len(bytes.TrimSpace(raw)) > 0 && !bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		if err := json.Unmarshal(raw, &c.raw); err != nil {
			return nil, fmt.Errorf("config must be a JSON object: %w", err)
		}
	}
	known := make(map[string]bool, len(specs))
	for i := range specs {
		known[specs[i].Name] = true
		if err := c.load(&specs[i]); err != nil {
			return nil, err
		}
	}
	var unknown []string
	for k := range c.raw {
		if !known[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("unknown config field %q", unknown[0])
	}
	return c, nil
}

func (c *Config) load(f *FieldSpec) error {
	raw, ok := c.raw[f.Name]
	if !ok || bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
		if f.Required {
			return fmt.Errorf("%s is required", f.Name)
		}
		if f.Default == nil {
			return nil
		}
		b, err := json.Marshal(f.Default)
		if err != nil {
			return fmt.Errorf("%s: bad default: %w", f.Name, err)
		}
		raw = b
	}
	v, err := decodeField(f, raw)
	if err != nil {
		return fmt.Errorf("%s: %w", f.Name, err)
	}
	if f.Required && isEmpty(v) {
		return fmt.Errorf("%s is required", f.Name)
	}
	c.vals[f.Name] = v
	if f.Kind == FieldTemplate {
		c.tmpls[f.Name] = CompileTemplate(v.(string))
	}
	return nil
}

func decodeField(f *FieldSpec, raw json.RawMessage) (any, error) {
	switch f.Kind {
	case FieldNumber:
		var n float64
		if err := json.Unmarshal(raw, &n); err != nil {
			return nil, fmt.Errorf("must be a number")
		}
		return n, nil
	case FieldBool:
		var b bool
		if err := json.Unmarshal(raw, &b); err != nil {
			return nil, fmt.Errorf("must be true or false")
		}
		return b, nil
	case FieldText, FieldTemplate, FieldSelect:
		return decodeString(f, raw)
	case FieldList:
		return decodeList(f, raw)
	}
	return raw, nil // json, conditions
}

func decodeString(f *FieldSpec, raw json.RawMessage) (any, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		var n json.Number
		if f.Kind == FieldSelect || json.Unmarshal(raw, &n) != nil {
			return nil, fmt.Errorf("must be a string")
		}
		s = n.String()
	}
	// an empty optional select is unset (the block's default applies)
	if f.Kind == FieldSelect && len(f.Options) > 0 && !f.Open && !hasOption(f.Options, s) && (s != "" || f.Required) {
		return nil, fmt.Errorf("%q is not one of the options", s)
	}
	return s, nil
}

func decodeList(f *FieldSpec, raw json.RawMessage) (any, error) {
	var xs []any
	if err := json.Unmarshal(raw, &xs); err != nil {
		var s string
		if json.Unmarshal(raw, &s) != nil {
			return nil, fmt.Errorf("must be a list")
		}
		xs = []any{s}
	}
	out := make([]string, 0, len(xs))
	for _, x := range xs {
		var s string
		switch t := x.(type) {
		case string:
			s = t
		case float64:
			s = strconv.FormatFloat(t, 'f', -1, 64)
		case bool:
			s = strconv.FormatBool(t)
		default:
			return nil, fmt.Errorf("list items must be strings or numbers")
		}
		if len(f.Options) > 0 && !hasOption(f.Options, s) {
			return nil, fmt.Errorf("%q is not one of the options", s)
		}
		out = append(out, s)
	}
	return out, nil
}

func hasOption(opts []Option, v string) bool {
	for _, o := range opts {
		if o.Value == v {
			return true
		}
	}
	return false
}

func isEmpty(v any) bool {
	switch t := v.(type) {
	case string:
		return t == ""
	case []string:
		return len(t) == 0
	case json.RawMessage:
		s := bytes.TrimSpace(t)
		return len(s) == 0 || bytes.Equal(s, []byte("[]")) || bytes.Equal(s, []byte("{}"))
	}
	return false
}

// Has reports whether the field has a value (given or defaulted).
func (c *Config) Has(name string) bool { _, ok := c.vals[name]; return ok }

// String returns a text, template (source) or select field; "" when unset.
func (c *Config) String(name string) string { s, _ := c.vals[name].(string); return s }

// Number returns a number field; 0 when unset.
func (c *Config) Number(name string) float64 { n, _ := c.vals[name].(float64); return n }

// Int returns a number field truncated to an integer.
func (c *Config) Int(name string) int64 { return int64(c.Number(name)) }

// Bool returns a bool field; false when unset.
func (c *Config) Bool(name string) bool { b, _ := c.vals[name].(bool); return b }

// Strings returns a list field.
func (c *Config) Strings(name string) []string { l, _ := c.vals[name].([]string); return l }

// Raw returns a json or conditions field as written.
func (c *Config) Raw(name string) json.RawMessage { r, _ := c.vals[name].(json.RawMessage); return r }

// Template returns a template field's compiled template (an empty template
// when unset, never nil).
func (c *Config) Template(name string) *Template {
	if t := c.tmpls[name]; t != nil {
		return t
	}
	return CompileTemplate("")
}

// Decode decodes the config (defaults applied) into v, e.g. a struct with
// json tags.
func (c *Config) Decode(v any) error {
	b, err := c.MarshalJSON()
	if err != nil {
		return err
	}
	return json.Unmarshal(b, v)
}

// MarshalJSON writes the config with defaults applied.
func (c *Config) MarshalJSON() ([]byte, error) { return json.Marshal(c.vals) }
