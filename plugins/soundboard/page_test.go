package soundboard

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

func TestDashboardPage(t *testing.T) {
	ctx := audioBrowser(t)
	site := fakeSite(t)
	env, id := soundEnv(t, `{"myInstantsBaseUrl": "`+site.URL+`"}`, 200)
	if code, out := env.Do(http.MethodPut, "/api/plugins/soundboard/mappings",
		`[{"trigger":"gift","giftId":5655,"sound":"`+id+`","volume":0.5},{"trigger":"command","command":"!horn","sound":"https://x.example/h.mp3"}]`); code != 200 {
		t.Fatalf("mappings: %d %s", code, out)
	}
	for _, w := range []int64{1024, 1280, 1366, 1920} {
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800)); err != nil {
			t.Fatal(err)
		}
		overlaytest.Navigate(t, ctx, env.URL("/plugins/soundboard/library.html"))
		overlaytest.WaitJS(t, ctx, fmt.Sprintf("loaded at %d px", w), `window.__page && __page.ready
			&& document.querySelectorAll('#mappings tbody tr').length === 2
			&& document.querySelector('#mappings tbody tr input[list]').value === 'Rose (1 coins) #5655'
			&& document.querySelector('#mappings tbody tr select.sound').selectedOptions[0].textContent === 'tone'
			&& document.querySelectorAll('#library li').length === 1
			&& document.documentElement.scrollWidth <= window.innerWidth`)
	}
	overlaytest.WaitJS(t, ctx, "search shows MyInstants results as text", `(function () {
		document.getElementById('q').value = 'airhorn';
		document.getElementById('search-form').requestSubmit();
		return true; })()`)
	overlaytest.WaitJS(t, ctx, "results", `document.querySelectorAll('#results li').length === 3
		&& document.querySelector('#results li .name').textContent === 'MLG Airhorn'`)
	overlaytest.WaitJS(t, ctx, "a changed layout says so", `(function () {
		var s = document.getElementById('category'); s.value = 'memes'; s.onchange(); return true; })()`)
	overlaytest.WaitJS(t, ctx, "layout message", `document.getElementById('msg').className === 'error'
		&& document.getElementById('msg').textContent.includes('layout')`)
	overlaytest.WaitJS(t, ctx, "saving without the token is refused clearly", `(function () {
		document.getElementById('save-mappings').click(); return true; })()`)
	overlaytest.WaitJS(t, ctx, "unauthorized message", `document.getElementById('msg').textContent.includes('token')`)
}
