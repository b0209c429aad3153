package goal

import (
	"testing"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

// listen serves the module's routes (and extra ones) on the real listener,
// subscribed to the harness's bus.
func (h *harness) listen(extra ...module.Route) *overlaytest.Listener {
	h.t.Helper()
	return overlaytest.Listen(h.t, h.bus, append(h.m.Routes(), extra...)...)
}

func TestGoalPageInBrowser(t *testing.T) {
	ctx := overlaytest.Browser(t)
	h := newHarness(t, newStore(t))
	l := h.listen(overlaytest.WithoutSharedClient()) // the page's own client
	// Keyed state published now is retained by the listener: the snapshot.
	h.put("likes", `{"name":"<b>Likes</b>","kind":"likes","target":100,"onReach":"hide"}`)

	overlaytest.Navigate(t, ctx, l.URL("/overlay/goal.html?id=likes"))
	overlaytest.WaitJS(t, ctx, "initial state from the snapshot", `!window.LTTH
		&& document.querySelector('.track .count').textContent === '0 / 100'
		&& document.querySelector('.name').textContent === '<b>Likes</b>' && !document.querySelector('.name b')
		&& !document.getElementById('goal').classList.contains('hidden')`)

	like := ev(domain.EventLike)
	like.LikeCount = 50
	h.bus.PublishEvent(like)
	overlaytest.WaitJS(t, ctx, "live update", `document.querySelector('.track .count').textContent === '50 / 100'
		&& document.querySelector('.fill').style.width === '50%'`)

	l.Stop() // LTTH goes away: the page's own client says so and keeps trying
	overlaytest.WaitJS(t, ctx, "waiting badge", `document.getElementById('badge').textContent === 'waiting for LTTH\u2026'`)
	l.Start()
	h.bus.PublishEvent(like)
	overlaytest.WaitJS(t, ctx, "hidden on reach, after reconnecting", `document.getElementById('goal').classList.contains('hidden')
		&& document.getElementById('goal').classList.contains('reached')
		&& document.getElementById('badge').textContent === ''`)
}

func TestGoalPageSharedClientAndReconnect(t *testing.T) {
	ctx := overlaytest.Browser(t)
	h := newHarness(t, newStore(t))
	l := h.listen()
	h.put("coins", `{"name":"Coins","kind":"coins","target":400,"style":"circle"}`) // the snapshot

	overlaytest.Navigate(t, ctx, l.URL("/overlay/goal.html?id=coins"))
	overlaytest.WaitJS(t, ctx, "circle from the snapshot", `window.LTTH && document.getElementById('ltth-status').hidden
		&& document.querySelector('.count.c').textContent === '0 / 400'
		&& getComputedStyle(document.querySelector('.ring')).display !== 'none'
		&& getComputedStyle(document.querySelector('.track')).display === 'none'`)

	l.Stop() // LTTH goes away: the shared client's badge says so
	overlaytest.WaitJS(t, ctx, "waiting badge", `document.getElementById('ltth-status')
		&& document.getElementById('ltth-status').style.opacity !== '0'
		&& document.getElementById('ltth-status').textContent === 'waiting for LTTH\u2026'`)
	if _, err := h.m.Adjust("coins", OpSet, 100); err != nil { // while the page is disconnected
		t.Fatal(err)
	}
	l.Start() // back on the same address: the page reconnects and gets the new snapshot
	overlaytest.WaitJS(t, ctx, "ring progress after reconnect", `document.querySelector('.count.c').textContent === '100 / 400'
		&& Math.abs(parseFloat(document.querySelector('.fg').style.strokeDashoffset) - 2*Math.PI*66*0.75) < 0.5
		&& document.getElementById('ltth-status').style.opacity === '0'`)

	// Reaching a doubling goal shows it full first, then the new target.
	if _, err := h.m.Patch("coins", []byte(`{"onReach":"double"}`)); err != nil {
		t.Fatal(err)
	}
	if _, err := h.m.Adjust("coins", OpSet, 500); err != nil {
		t.Fatal(err)
	}
	overlaytest.WaitJS(t, ctx, "full on reach", `document.getElementById('goal').classList.contains('reached')
		&& document.querySelector('.count.c').textContent === '500 / 400'`)
	overlaytest.WaitJS(t, ctx, "new target after the celebration", `!document.getElementById('goal').classList.contains('reached')
		&& document.querySelector('.count.c').textContent === '500 / 800'`)

	l.Stop() // the connection drops again: the page reconnects and stays right
	if _, err := h.m.Adjust("coins", OpSet, 200); err != nil {
		t.Fatal(err)
	}
	l.Start()
	overlaytest.WaitJS(t, ctx, "state after a dropped connection", `document.querySelector('.count.c').textContent === '200 / 800'`)
}
