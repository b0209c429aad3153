package leaderboard

import (
	"testing"

	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

// TestLeaderboardPageHonoursDesignerParams: the overlay designer's params
// reach the leaderboard page through the shared client's style layer
// (accent, text colour, font); a value off the allow-list is ignored.
func TestLeaderboardPageHonoursDesignerParams(t *testing.T) {
	ctx := overlaytest.Browser(t)
	h := newHarness(t, openStore(t, t.TempDir()))
	l := overlaytest.Listen(t, h.bus, h.m.Routes()...)
	h.bus.PublishEvent(gift("ann", 10))
	h.top(BoardGifters, PeriodStream, "ann")

	overlaytest.Navigate(t, ctx, l.URL("/overlay/leaderboard.html?board=gifters&period=stream&accent=%23abc&text=%23ffff00&font=mono&anim=explode"))
	overlaytest.WaitJS(t, ctx, "styled rows", `(function () {
		var rank = document.querySelector('.row:not(.gone) .rank'), title = document.getElementById('title');
		if (!rank || !window.LTTHStyle) return false;
		return getComputedStyle(rank).color === 'rgb(170, 187, 204)' && getComputedStyle(title).color === 'rgb(170, 187, 204)' &&
			getComputedStyle(document.querySelector('.name')).color === 'rgb(255, 255, 0)' &&
			/monospace/.test(getComputedStyle(document.body).fontFamily) && LTTHStyle.get('anim') === '';
	})()`)
}
