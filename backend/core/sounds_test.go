package core

import (
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// TestStopAllSounds: the tray's "Stop all sounds" reaches the soundboard
// (its stop message goes to the overlays) and says so when the soundboard
// is off.
func TestStopAllSounds(t *testing.T) {
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	pcall(t, c, "POST", "/api/plugins/soundboard/disable", "", nil)
	if err := c.StopAllSounds(); err == nil {
		t.Fatal("StopAllSounds with the soundboard off: no error")
	}
	if code := pcall(t, c, "POST", "/api/plugins/soundboard/enable", "", nil); code != 200 {
		t.Fatalf("enable soundboard: %d", code)
	}
	sub := c.bus.Subscribe("test", 16, func(m *domain.Message) bool { return m.Type == "plugin:soundboard:stop" })
	defer sub.Close()
	if err := c.StopAllSounds(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sub.C():
	case <-time.After(3 * time.Second):
		t.Fatal("no plugin:soundboard:stop message after StopAllSounds")
	}
}
