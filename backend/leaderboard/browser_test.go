package leaderboard

import (
	"encoding/json"
	"strconv"
	"testing"

	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

// rowsJS lists the page's rows top to bottom as "rank name value" strings.
const rowsJS = `[...document.querySelectorAll('.row:not(.gone)')]
	.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
	.map(r => r.querySelector('.rank').textContent + ' ' + r.querySelector('.name').textContent + ' ' +
		r.querySelector('.value').textContent.replace(/[^0-9]/g, '')).join('|')`

// badgeJS is the page's connection badge: the shared client's, else the
// page's own.
const badgeJS = `(window.LTTH ? document.getElementById('ltth-status') : document.getElementById('badge'))`

func TestLeaderboardPageInBrowser(t *testing.T) {
	t.Run("own client", func(t *testing.T) { testLeaderboardPage(t, false) })
	t.Run("shared client", func(t *testing.T) { testLeaderboardPage(t, true) })
}

func testLeaderboardPage(t *testing.T, shared bool) {
	ctx := overlaytest.Browser(t)
	h := newHarness(t, openStore(t, t.TempDir()))
	routes := h.m.Routes()
	if !shared {
		routes = append(routes, overlaytest.WithoutSharedClient())
	}
	l := overlaytest.Listen(t, h.bus, routes...)
	h.bus.PublishEvent(gift("ann", 10))
	h.top(BoardGifters, PeriodStream, "ann") // published and retained: the snapshot

	overlaytest.Navigate(t, ctx, l.URL("/overlay/leaderboard.html?board=gifters&period=stream&limit=3"))
	overlaytest.WaitJS(t, ctx, "snapshot", rowsJS+` === '1 ann 10' && document.getElementById('title').textContent === 'Top gifters'
		&& !!window.LTTH === `+strconv.FormatBool(shared))

	evil := gift("x", 30)
	evil.Nickname = `<img src=x onerror="document.title='pwned'">`
	evil.AvatarURL = "javascript:alert(1)"
	h.bus.PublishEvent(evil)
	h.bus.PublishEvent(gift("bob", 20))
	h.bus.PublishEvent(gift("cat", 5))
	h.bus.PublishEvent(gift("dan", 1)) // beyond limit=3
	want, _ := json.Marshal("1 " + evil.Nickname + " 30|2 bob 20|3 ann 10")
	overlaytest.WaitJS(t, ctx, "live ranking, text only", rowsJS+` === `+string(want)+`
		&& !document.querySelector('.name img') && ![...document.querySelectorAll('.avatar')].some(i => i.src === location.href) && document.title !== 'pwned'
		&& ![...document.querySelectorAll('.avatar')].some(i => i.src.startsWith('javascript'))`)

	if err := h.m.Reset(BoardGifters, PeriodStream); err != nil {
		t.Fatal(err)
	}
	overlaytest.WaitJS(t, ctx, "reset", rowsJS+` === ''`)

	l.Stop() // LTTH goes away: the badge says so; a gift while it is away
	overlaytest.WaitJS(t, ctx, "waiting badge", badgeJS+`.textContent === 'waiting for LTTH\u2026' && `+badgeJS+`.style.opacity !== '0'`)
	h.bus.PublishEvent(gift("eve", 7))
	h.top(BoardGifters, PeriodStream, "eve")
	l.Start() // back on the same address: the page reconnects and gets the snapshot
	overlaytest.WaitJS(t, ctx, "snapshot after reconnect", rowsJS+` === '1 eve 7'
		&& (window.LTTH ? `+badgeJS+`.style.opacity === '0' : `+badgeJS+`.textContent === '')`)
}
