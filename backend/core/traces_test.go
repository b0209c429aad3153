package core

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
)

// TestFlowRunHistorySurvivesProfileSwitch: switching away and back rebuilds
// the flow engine; the profile's recent runs must still be listed.
func TestFlowRunHistorySurvivesProfileSwitch(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	flow := `{"id":"thanks","name":"Thanks","enabled":true,"triggers":[{"type":"tiktok.follow"}],
		"actions":[{"type":"variable.set","config":{"name":"last","value":"{nickname}"}}]}`
	if code, body := authed(t, c, http.MethodPut, "/api/flows/thanks", "application/json", strings.NewReader(flow)); code != http.StatusOK {
		t.Fatalf("put flow: %d %s", code, body)
	}
	runs := func() int {
		code, body := authed(t, c, http.MethodGet, "/api/flows/thanks/runs", "", nil)
		var list []json.RawMessage
		if code != http.StatusOK || json.Unmarshal([]byte(body), &list) != nil {
			t.Fatalf("runs: %d %s", code, body)
		}
		return len(list)
	}
	simulate(t, c, map[string]any{"type": "follow", "id": "f1", "nickname": "Ann"})
	waitFor(t, "a run of the flow", func() bool { return runs() == 1 })

	if err := c.CreateProfile("Second"); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"Second", "default"} {
		if err := c.SwitchProfile(context.Background(), p); err != nil {
			t.Fatal(err)
		}
	}
	if n := runs(); n != 1 {
		t.Fatalf("after switching away and back the flow lists %d runs, want 1", n)
	}
}
