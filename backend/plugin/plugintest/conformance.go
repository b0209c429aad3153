package plugintest

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/plugin"
)

var semver = regexp.MustCompile(`^\d+\.\d+\.\d+([-+][0-9A-Za-z.-]+)?$`)

// Conformance is the test every plugin must pass: a sane manifest; start,
// stop and start again; no goroutines left after stop; routes and assets
// mounted while running and 404 when disabled; blocks registered on start
// and removed on stop; settings round trip (defaults, PUT, GET).
func Conformance(t *testing.T, reg plugin.Registration) {
	t.Run("manifest", func(t *testing.T) { checkManifest(t, reg.Manifest) })
	t.Run("lifecycle", func(t *testing.T) { checkLifecycle(t, reg) })
	t.Run("settings", func(t *testing.T) { checkSettings(t, reg) })
}

func checkManifest(t *testing.T, m plugin.Manifest) {
	if m.Description == "" || m.Author == "" {
		t.Error("description and author are required")
	}
	if !semver.MatchString(m.Version) {
		t.Errorf("version %q is not semantic (1.2.3)", m.Version)
	}
	seen := map[string]bool{}
	for _, f := range m.Settings {
		if f.Name == "" || f.Label == "" || seen[f.Name] {
			t.Errorf("setting %q: needs a unique name and a label", f.Name)
		}
		seen[f.Name] = true
	}
	if _, err := action.NewConfig(nil, m.Settings); err != nil {
		t.Errorf("settings defaults do not pass their own schema: %v", err)
	}
	for _, o := range m.Overlays {
		if o.Path == "" || strings.HasPrefix(o.Path, "/") || o.Name == "" || o.Width <= 0 || o.Height <= 0 {
			t.Errorf("overlay %+v: relative path, name and size are required", o)
		}
	}
	if m.Page != "" && strings.HasPrefix(m.Page, "/") {
		t.Errorf("page %q must be relative to /plugins/%s/", m.Page, m.ID)
	}
}

func checkLifecycle(t *testing.T, reg plugin.Registration) {
	e := Start(t, reg)
	id := reg.Manifest.ID
	e.Do(t, "POST", "/api/plugins/"+id+"/disable", "")
	base := SnapshotGoroutines()
	baseBlocks := blockTypes(e.Registry)
	for round := range 2 {
		inf := e.enable(t, id)
		added := without(blockTypes(e.Registry), baseBlocks)
		for _, typ := range added {
			if !namespaced(typ, plugin.BlockPrefixes(id)) {
				t.Errorf("round %d: block %q is not namespaced %v", round, typ, plugin.BlockPrefixes(id))
			}
		}
		paths := mountedPaths(reg.Manifest, inf)
		for _, p := range paths {
			if code, _ := e.Do(t, "GET", p, ""); code == http.StatusNotFound {
				t.Errorf("round %d: GET %s = 404 while running", round, p)
			}
		}
		if code, body := e.Do(t, "POST", "/api/plugins/"+id+"/reload", ""); code != 200 || !strings.Contains(body, `"state":"running"`) {
			t.Fatalf("round %d: reload = %d %s", round, code, body)
		}
		if code, body := e.Do(t, "POST", "/api/plugins/"+id+"/disable", ""); code != 200 || !strings.Contains(body, `"state":"stopped"`) {
			t.Fatalf("round %d: disable = %d %s", round, code, body)
		}
		for _, p := range append(paths, "/plugins/"+id+"/", "/api/plugins/"+id+"/x") {
			if code, _ := e.Do(t, "GET", p, ""); code != http.StatusNotFound {
				t.Errorf("round %d: GET %s = %d after disable, want 404", round, p, code)
			}
		}
		if left := without(blockTypes(e.Registry), baseBlocks); len(left) > 0 || len(blockTypes(e.Registry)) != len(baseBlocks) {
			t.Errorf("round %d: blocks left after stop: %v", round, left)
		}
		base.AssertNoLeaks(t)
	}
}

func namespaced(typ string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

func (e *Env) enable(t *testing.T, id string) plugin.Info {
	t.Helper()
	code, body := e.Do(t, "POST", "/api/plugins/"+id+"/enable", "")
	var inf plugin.Info
	if code != 200 || json.Unmarshal([]byte(body), &inf) != nil || inf.State != plugin.StateRunning {
		t.Fatalf("enable = %d %s", code, body)
	}
	return inf
}

// mountedPaths are the GETs a running plugin must answer: its overlays,
// its page and its GET routes without wildcards.
func mountedPaths(m plugin.Manifest, inf plugin.Info) []string {
	var out []string
	for _, o := range m.Overlays {
		out = append(out, "/plugins/"+m.ID+"/"+o.Path)
	}
	if m.Page != "" {
		out = append(out, "/plugins/"+m.ID+"/"+m.Page)
	}
	for _, r := range inf.Routes {
		if p, ok := strings.CutPrefix(r, "GET "); ok && !strings.ContainsAny(p, "{") && !strings.HasSuffix(p, "/") {
			out = append(out, p)
		}
	}
	return out
}

func blockTypes(r *action.Registry) []string {
	s := r.Schema()
	var out []string
	for _, x := range s.Triggers {
		out = append(out, x.Type)
	}
	for _, x := range s.Conditions {
		out = append(out, x.Type)
	}
	for _, x := range s.Actions {
		out = append(out, x.Type)
	}
	return out
}

func without(xs, minus []string) []string {
	skip := map[string]bool{}
	for _, m := range minus {
		skip[m] = true
	}
	var out []string
	for _, x := range xs {
		if !skip[x] {
			out = append(out, x)
		}
	}
	return out
}

func checkSettings(t *testing.T, reg plugin.Registration) {
	e := Start(t, reg)
	id := reg.Manifest.ID
	e.enable(t, id)
	defaults, _ := action.NewConfig(nil, reg.Manifest.Settings)
	want, _ := defaults.MarshalJSON()
	code, got := e.Do(t, "GET", "/api/plugins/"+id+"/settings", "")
	if code != 200 || !jsonEqual(got, string(want)) {
		t.Fatalf("GET settings = %d %s, want defaults %s", code, got, want)
	}
	// Each field changed on its own: either the plugin takes the value and
	// GET shows it, or it refuses it (422) and keeps running unchanged.
	for _, f := range reg.Manifest.Settings {
		v, ok := changedValue(f)
		if !ok {
			continue
		}
		_, before := e.Do(t, "GET", "/api/plugins/"+id+"/settings", "")
		body, _ := json.Marshal(map[string]any{f.Name: v})
		code, resp := e.Do(t, "PUT", "/api/plugins/"+id+"/settings", string(body))
		_, after := e.Do(t, "GET", "/api/plugins/"+id+"/settings", "")
		var back map[string]any
		json.Unmarshal([]byte(after), &back)
		switch {
		case code == 200 && !reflect.DeepEqual(back[f.Name], v):
			t.Errorf("setting %s = %v after PUT %v", f.Name, back[f.Name], v)
		case code == http.StatusUnprocessableEntity && !jsonEqual(before, after):
			t.Errorf("refused setting %s changed the settings: %s -> %s", f.Name, before, after)
		case code != 200 && code != http.StatusUnprocessableEntity:
			t.Errorf("PUT %s = %d %s", body, code, resp)
		}
		if inf := e.Info(t, id); inf.State != plugin.StateRunning {
			t.Fatalf("after PUT %s (%d %s): %+v", body, code, resp, inf)
		}
	}
	if code, resp := e.Do(t, "PUT", "/api/plugins/"+id+"/settings", string(want)); code != 200 {
		t.Errorf("PUT the defaults = %d %s", code, resp)
	}
	if code, _ := e.Do(t, "PUT", "/api/plugins/"+id+"/settings", `{"no-such-setting-xyz":1}`); code != http.StatusUnprocessableEntity {
		t.Errorf("unknown setting accepted: %d", code)
	}
}

// changedValue is a valid value different from f's default, for the kinds
// the form editor offers.
func changedValue(f action.FieldSpec) (any, bool) {
	switch f.Kind {
	case action.FieldText, action.FieldTemplate:
		if len(f.Options) == 0 {
			return "conformance", true
		}
	case action.FieldNumber:
		n, _ := f.Default.(float64)
		return n + 1, true
	case action.FieldBool:
		b, _ := f.Default.(bool)
		return !b, true
	case action.FieldSelect:
		for _, o := range f.Options {
			if o.Value != f.Default {
				return o.Value, true
			}
		}
	}
	return nil, false
}

func jsonEqual(a, b string) bool {
	var x, y any
	return json.Unmarshal([]byte(a), &x) == nil && json.Unmarshal([]byte(b), &y) == nil && reflect.DeepEqual(x, y)
}
