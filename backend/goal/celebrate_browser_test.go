package goal

import (
	"testing"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

// Reaching a goal that rolls over: the overlay shows a "Goal reached!"
// banner with the goal full, and only then moves on to the next target.
func TestGoalPageCelebratesBeforeRollingOver(t *testing.T) {
	ctx := overlaytest.Browser(t)
	h := newHarness(t, newStore(t))
	l := h.listen()
	h.put("likes", `{"name":"Like goal","kind":"likes","target":100,"onReach":"add","increment":100}`)

	overlaytest.Navigate(t, ctx, l.URL("/overlay/goal.html?id=likes"))
	overlaytest.WaitJS(t, ctx, "initial state", `document.querySelector('.track .count').textContent === '0 / 100'
		&& !document.querySelector('#celebrate.on')`)

	like := ev(domain.EventLike)
	like.LikeCount = 120
	h.bus.PublishEvent(like)
	overlaytest.WaitJS(t, ctx, "banner over a full goal", `(() => {
		const b = document.querySelector('#celebrate.on')
		return b && getComputedStyle(b).display === 'flex' && b.textContent === 'Goal reached!Like goal'
			&& document.querySelector('.fill').style.width === '100%'
			&& document.querySelector('.track .count').textContent === '120 / 100' })()`)
	overlaytest.WaitJS(t, ctx, "then the next target, banner gone", `!document.querySelector('#celebrate.on')
		&& document.querySelector('.track .count').textContent === '120 / 200'`)
}

// The banner speaks the overlay's language (?lang=de, as the designer sets it).
func TestGoalPageCelebratesInGerman(t *testing.T) {
	ctx := overlaytest.Browser(t)
	h := newHarness(t, newStore(t))
	l := h.listen()
	h.put("likes", `{"name":"Like-Ziel","kind":"likes","target":10}`)

	overlaytest.Navigate(t, ctx, l.URL("/overlay/goal.html?id=likes&lang=de"))
	overlaytest.WaitJS(t, ctx, "initial state", `document.querySelector('.track .count')?.textContent === '0 / 10'`)
	like := ev(domain.EventLike)
	like.LikeCount = 12
	h.bus.PublishEvent(like)
	overlaytest.WaitJS(t, ctx, "German banner", `document.querySelector('#celebrate')?.textContent === 'Ziel erreicht!Like-Ziel'`)
}
