package history

import (
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

func TestPointsTopIsPublishedWhenPointsChange(t *testing.T) {
	db := openStore(t, t.TempDir())
	b := bus.New()
	sub := b.Subscribe("test", 64, func(m *domain.Message) bool { return m.Type == TypePointsTop })
	defer sub.Close()
	r := newRigOn(t, b, db, 20*time.Millisecond)
	defer r.stop()
	next := func() PointsTop {
		t.Helper()
		select {
		case m := <-sub.C():
			if m.Key != TypePointsTop {
				t.Fatalf("key %q", m.Key)
			}
			return m.Data.(PointsTop)
		case <-time.After(5 * time.Second):
			t.Fatal("no pointsTop message")
		}
		return PointsTop{}
	}
	if got := next(); len(got.Entries) != 0 {
		t.Fatalf("start: %+v", got)
	}
	g := newGen(50, 1_700_000_000_000, 3, "room-p")
	r.publish(g.connected())
	chat := g.base(domain.EventChat)
	chat.User = domain.User{UserID: "u1", UniqueID: "fan", Nickname: "<b>Fan</b>"}
	chat.Comment = "hi"
	r.publish(chat)
	r.settle()
	got := next()
	// one minute (1) + one message (1) by the default rules
	if len(got.Entries) != 1 || got.Entries[0].Points != 2 || got.Entries[0].Nickname != "<b>Fan</b>" {
		t.Fatalf("after a chat: %+v", got)
	}
	if err := r.m.AddPoints(domain.User{UserID: "u2", UniqueID: "other"}, 10); err != nil {
		t.Fatal(err)
	}
	got = next()
	if len(got.Entries) != 2 || got.Entries[0].UserID != "u2" || got.Entries[0].Points != 10 {
		t.Fatalf("after adding points: %+v", got)
	}
}

func TestPointsOverlayIsServedAndWritesTextOnly(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	defer r.stop()
	s := serve(t, r.m)
	html := get(t, s.URL+"/overlay/points.html", 200, nil)
	if !strings.Contains(html, `/overlay/points.js`) {
		t.Fatalf("page %s", html)
	}
	js := get(t, s.URL+"/overlay/points.js", 200, nil)
	if strings.Contains(js, "innerHTML") || !strings.Contains(js, "textContent") || !strings.Contains(js, `"pointsTop"`) {
		t.Error("the overlay script must render names as text from pointsTop messages")
	}
	get(t, s.URL+"/overlay/points.css", 200, nil)
}
