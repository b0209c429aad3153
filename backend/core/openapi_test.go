package core

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestEveryRouteIsDocumented walks every route the full application
// registers and checks that /api/openapi.json (public) documents it with a
// summary, and that /api/v1/… reaches the same routes.
func TestEveryRouteIsDocumented(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	if missing := c.srv.UndocumentedRoutes(); len(missing) > 0 {
		t.Errorf("routes without a summary in backend/server/routedocs.go:\n%s", strings.Join(missing, "\n"))
	}
	resp, err := http.Get(c.URL() + "/api/v1/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var doc struct {
		OpenAPI string                                `json:"openapi"`
		Paths   map[string]map[string]json.RawMessage `json:"paths"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&doc) != nil || doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi.json: %d %q", resp.StatusCode, doc.OpenAPI)
	}
	for _, r := range c.srv.Routes() {
		method, path, ok := strings.Cut(r.Pattern, " ")
		if !ok {
			method, path = "GET", r.Pattern
		}
		path = pathParamName.ReplaceAllString(strings.TrimSuffix(path, "{$}"), "{$1}")
		var op struct {
			Summary  string           `json:"summary"`
			Security []map[string]any `json:"security"`
		}
		raw, found := doc.Paths[path][strings.ToLower(method)]
		if !found || json.Unmarshal(raw, &op) != nil || op.Summary == "" {
			t.Errorf("%s is not documented", r.Pattern)
			continue
		}
		if (len(op.Security) == 0) != r.Public {
			t.Errorf("%s: documented security %v, public=%v", r.Pattern, op.Security, r.Public)
		}
	}
}

var pathParamName = wildcardName

func TestVersionedAliasKeepsAccessRules(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	if got := get(t, c.URL()+"/api/v1/health", ""); got != http.StatusOK {
		t.Errorf("GET /api/v1/health: %d", got)
	}
	if got := get(t, c.URL()+"/api/v1/profiles", ""); got != http.StatusUnauthorized {
		t.Errorf("GET /api/v1/profiles without token: %d, want 401", got)
	}
	if got := get(t, c.URL()+"/api/v1/profiles", c.Token()); got != http.StatusOK {
		t.Errorf("GET /api/v1/profiles with token: %d", got)
	}
}
