package connector

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/tiktok/faketiktok"
	"github.com/ltth/ltth/backend/tiktok/source"
)

// TestTimelineNamesTheCauseNotTheLastSource: TikTok refuses the direct
// handshake and TikFinity (tried last) is not running. The timeline entry
// for the failed round must blame the handshake, not TikFinity.
func TestTimelineNamesTheCauseNotTheLastSource(t *testing.T) {
	e := newEnv(t, faketiktok.Options{}, Settings{Sources: []string{"direct", "tikfinity"}})
	e.fk.RefuseHandshakes(-1, "415", "DEVICE_BLOCKED")
	if err := e.c.Connect(context.Background(), "streamer"); err != nil {
		t.Fatal(err)
	}
	var round TimelineEntry
	e.waitFor("a failed round in the timeline", 10*time.Second, func() bool {
		for _, en := range e.c.Status().Timeline {
			if strings.HasPrefix(en.Reason, "no source could connect") {
				round = en
				return true
			}
		}
		return false
	})
	if round.Source != "direct" || round.Code != string(source.CodeHandshakeRefused) || !strings.Contains(round.Reason, "direct") {
		t.Fatalf("the failed round blames %q (%s): %q; want direct, handshake_refused", round.Source, round.Code, round.Reason)
	}
}
