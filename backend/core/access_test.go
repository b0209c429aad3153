package core

import (
	"net/http"
	"regexp"
	"strings"
	"testing"
)

// publicAPI is every /api/ route readable without the token: it serves no
// profile data and no secrets. Everything else under /api/ needs it.
var publicAPI = map[string]bool{
	"GET /api/health":       true,
	"GET /api/bus":          true,
	"GET /api/openapi.json": true,
	"/api/":                 true, // the JSON 404 for unknown API paths
	// plugins' media (generated speech, sound files) that overlays in OBS play
	"GET /api/plugins/{id}/media/{path...}": true,
	// external plugins authenticate with their own token (backend/plugin/external)
	"GET /api/plugins/ext/ws": true,
}

var wildcard = regexp.MustCompile(`\{[^}]*\}`)

var wildcardName = regexp.MustCompile(`\{([A-Za-z_][A-Za-z0-9_]*)(?:\.\.\.)?\}`)

// TestEveryRouteDeclaresItsAccess walks every route the full application
// registers and checks that only the declared ones are public, then asks
// each private GET without the token (401) and with it (not 401/403).
func TestEveryRouteDeclaresItsAccess(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	routes := c.srv.Routes()
	if len(routes) < 30 {
		t.Fatalf("only %d routes registered", len(routes))
	}
	active := c.profiles.Active()
	for _, r := range routes {
		method, path, _ := strings.Cut(r.Pattern, " ")
		if !strings.Contains(r.Pattern, " ") {
			method, path = "", r.Pattern
		}
		api := strings.HasPrefix(path, "/api/")
		if wantPublic := !api || publicAPI[r.Pattern]; r.Public != wantPublic {
			t.Errorf("%s: public=%v, want %v", r.Pattern, r.Public, wantPublic)
		}
		if !api || r.Public || method != http.MethodGet {
			continue
		}
		url := c.URL() + wildcard.ReplaceAllStringFunc(strings.TrimSuffix(path, "{$}"), func(w string) string {
			if w == "{name}" {
				return active
			}
			return "x"
		})
		if got := get(t, url, ""); got != http.StatusUnauthorized {
			t.Errorf("GET %s without token: %d, want 401", path, got)
		}
		if got := get(t, url, c.Token()); got == http.StatusUnauthorized || got == http.StatusForbidden {
			t.Errorf("GET %s with token: %d", path, got)
		}
	}
	for _, must := range []string{"GET /api/profiles/{name}/export", "GET /api/flows", "GET /api/variables",
		"GET /api/connection/settings", "GET /api/events/recent", "GET /api/profiles", "GET /api/flows/{id}/runs"} {
		found := false
		for _, r := range routes {
			found = found || r.Pattern == must && !r.Public
		}
		if !found {
			t.Errorf("%s is not registered as private", must)
		}
	}
}

func get(t *testing.T, url, token string) int {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}
