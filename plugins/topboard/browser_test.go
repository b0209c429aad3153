package topboard

import (
	"testing"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

func TestOverlayUpdatesOnGifts(t *testing.T) {
	ctx := overlaytest.Browser(t)
	env := plugintest.New(t)
	env.StartLeaderboard()
	env.Start(ID, `{"title": "Best fans"}`)

	overlaytest.Navigate(t, ctx, env.URL("/plugins/topboard/overlay.html?top=3"))
	overlaytest.WaitJS(t, ctx, "empty board", `window.LTTH && document.getElementById('ltth-status').hidden
		&& document.querySelector('#top .title')?.textContent === 'Best fans'
		&& document.querySelectorAll('#top .row').length === 0 && document.getElementById('streak').hidden
		&& document.getElementById('board').className === 'vertical'`)

	hostile := &domain.Event{Type: domain.EventGift, User: domain.User{UserID: "h", Nickname: `<img src=x onerror=alert(1)>`},
		GiftID: 7, GiftName: "Lion", RepeatCount: 1, Coins: 500}
	env.Bus.PublishEvent(gift(domain.EventGift, "a", 1, 5, 50))
	env.Bus.PublishEvent(hostile)
	overlaytest.WaitJS(t, ctx, "top list from the leaderboard", `document.querySelectorAll('#top .row').length === 2
		&& document.querySelector('#top .row .name')?.textContent === '<img src=x onerror=alert(1)>'
		&& document.querySelector('#top .row .value')?.textContent === '500'
		&& !document.querySelector('#board img[src="x"]')`)
	overlaytest.WaitJS(t, ctx, "best streak and donors", `!document.getElementById('streak').hidden
		&& document.querySelector('#streak .value')?.textContent === '×1 · 500'
		&& document.querySelectorAll('#donors .row').length === 2
		&& document.querySelector('#donors .row .name')?.textContent === '<img src=x onerror=alert(1)>'`)

	env.Bus.PublishEvent(gift(domain.EventGiftStreak, "a", 1, 80, 800)) // a streak running
	overlaytest.WaitJS(t, ctx, "running streak", `document.querySelector('#streak .card')?.classList.contains('running')
		&& document.querySelector('#streak .name')?.textContent === 'Na'`)
	env.Bus.PublishEvent(gift(domain.EventGift, "a", 1, 100, 1000))
	overlaytest.WaitJS(t, ctx, "a overtakes h", `document.querySelector('#top .row .name')?.textContent === 'Na'
		&& document.querySelector('#top .row .value')?.textContent === '1050'
		&& !document.querySelector('#streak .card')?.classList.contains('running')
		&& document.querySelector('#streak .value')?.textContent === '×100 · 1000'`)
}

func TestOverlayHorizontalAndReconnect(t *testing.T) {
	ctx := overlaytest.Browser(t)
	env := plugintest.New(t)
	env.StartLeaderboard()
	env.Start(ID, "")
	overlaytest.Navigate(t, ctx, env.URL("/plugins/topboard/overlay.html?layout=horizontal&donors=0&accent=red&bg=url(x)"))
	overlaytest.WaitJS(t, ctx, "horizontal", `document.getElementById('board').className === 'horizontal'
		&& getComputedStyle(document.getElementById('board')).flexDirection === 'row'
		&& getComputedStyle(document.documentElement).getPropertyValue('--accent') === 'red'
		&& getComputedStyle(document.documentElement).getPropertyValue('--bg').indexOf('url') < 0
		&& document.getElementById('ltth-status').hidden`)

	env.StopListener()
	overlaytest.WaitJS(t, ctx, "waiting badge", `!document.getElementById('ltth-status').hidden`)
	env.StartListener()
	env.Bus.PublishEvent(gift(domain.EventGift, "z", 1, 1, 5))
	overlaytest.WaitJS(t, ctx, "updates after reconnecting", `document.getElementById('ltth-status').hidden
		&& document.querySelector('#top .row .name') && document.querySelector('#top .row .name')?.textContent === 'Nz'
		&& document.getElementById('donors').hidden`)
}
