package goal

import (
	"testing"

	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

// TestGoalPageHonoursDesignerParams: the overlay designer's params reach
// the goal page through the shared client's style layer: the accent wins
// over the goal's own colour, text colour, font, size and scale apply; an
// invalid value is ignored.
func TestGoalPageHonoursDesignerParams(t *testing.T) {
	ctx := overlaytest.Browser(t)
	h := newHarness(t, newStore(t))
	l := h.listen()
	h.put("coins", `{"name":"Coins","kind":"coins","target":400,"color":"#ff0000"}`)

	overlaytest.Navigate(t, ctx, l.URL("/overlay/goal.html?id=coins&accent=%2300ff00&text=rgb(1,2,3)&font=georgia&size=30&scale=1.5&bg=red;x"))
	overlaytest.WaitJS(t, ctx, "styled goal", `(function () {
		var fill = document.querySelector('.fill'), name = document.querySelector('.name');
		if (!fill || name.textContent !== 'Coins' || !window.LTTHStyle) return false;
		var b = getComputedStyle(document.body);
		return getComputedStyle(fill).backgroundColor === 'rgb(0, 255, 0)' && getComputedStyle(name).color === 'rgb(1, 2, 3)' &&
			/Georgia/.test(b.fontFamily) && b.fontSize === '30px' && document.documentElement.style.zoom === '1.5' &&
			LTTHStyle.get('bg') === '';
	})()`)
}
