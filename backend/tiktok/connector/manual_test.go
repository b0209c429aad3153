package connector

import (
	"context"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/tiktok/faketiktok"
)

// restart stops the connector and starts a new one on the same profile
// database with auto-connect, as a restart or a switch back to the profile
// does.
func (e *env) restart(t *testing.T) *Connector {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.c.Stop(ctx); err != nil {
		t.Fatal(err)
	}
	e.http.Close()
	cfg := testConfig(e.fk)
	cfg.AutoConnect = true
	e.c = e.newConnector(cfg)
	return e.c
}

// TestManualDisconnectSticksAcrossRestarts: after the streamer presses
// Disconnect, starting the profile again must not connect; after Connect it
// must auto-connect again.
func TestManualDisconnectSticksAcrossRestarts(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct"}})
	var st Status
	if code := e.do("POST", "/api/connection/connect", `{"target":"@streamer"}`, &st); code != 202 {
		t.Fatalf("connect: %d", code)
	}
	e.waitState(StateConnected, "direct")
	e.do("POST", "/api/connection/disconnect", "", &st)

	c := e.restart(t)
	time.Sleep(300 * time.Millisecond)
	if s := c.Status().State; s != StateDisconnected {
		t.Fatalf("after a manual disconnect and a restart the state is %q, want disconnected", s)
	}
	// A plain Stop (shutdown, profile switch away) is not a manual choice.
	if code := e.do("POST", "/api/connection/connect", "", &st); code != 202 {
		t.Fatalf("connect again: %d", code)
	}
	e.waitState(StateConnected, "direct")
	c = e.restart(t)
	e.waitFor("auto-connect after the streamer connected again", 5*time.Second, func() bool {
		return c.Status().State == StateConnected
	})
}
