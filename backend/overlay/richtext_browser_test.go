package overlay_test

import (
	"testing"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
)

// The HTML a flow's alert.show renders for "<b>{nickname}</b> sent <i>Rose</i>"
// with "Text is HTML" when the nickname is hostile: LTTH escapes the value.
const escapedHostile = `<b>&lt;img src=x onerror=window.__xss=1&gt;</b> sent <i>Rose</i>`

// Markup a streamer could type (or a broken plugin send) that must not run.
const hostileMarkup = `<img src=x onerror="window.__xss=2"><script>window.__xss=3</script>` +
	`<span style="color: rgb(255, 0, 0); background-image: url(http://127.0.0.1:1/t)" onclick="window.__xss=4">red</span>` +
	`<a href="javascript:window.__xss=5">link</a><svg onload="window.__xss=6"></svg>` +
	`<strong>strong</strong><img src="https://cdn.invalid/e.png" onerror="window.__xss=7">`

// TestRichTextInBrowser shows a flow alert's and an overlay item's HTML in
// /overlay.html in headless Chromium: the allowed markup renders (bold,
// italic, colour), a hostile nickname shows as text, and nothing hostile
// runs or survives (scripts, handlers, links, non-http images).
func TestRichTextInBrowser(t *testing.T) {
	ctx := overlaytest.Browser(t)
	b := bus.New()
	l := overlaytest.Listen(t, b)
	overlaytest.Navigate(t, ctx, l.URL("/overlay.html?raw=0&lang=en"))
	overlaytest.WaitJS(t, ctx, "feed connected", `document.getElementById('ltth-status') && `+
		`document.getElementById('ltth-status').dataset.state === 'connected'`)

	b.Publish(domain.Message{Type: "alert", Data: map[string]any{"id": "a1", "screen": "main", "eventType": "gift",
		"text": "<b><img src=x onerror=window.__xss=1></b> sent <i>Rose</i>", "html": escapedHostile,
		"durationMs": 60000, "event": map[string]any{"type": "gift", "nickname": "<img src=x onerror=window.__xss=1>"}}})
	overlaytest.WaitJS(t, ctx, "alert shown", `!!document.querySelector('.ltth-alert-text.ltth-rich')`)
	overlaytest.WaitJS(t, ctx, "<b> rendered bold, the nickname as text", `(function () {
		var t = document.querySelector('.ltth-alert-text.ltth-rich'), b = t.querySelector('b');
		return !!b && Number(getComputedStyle(b).fontWeight) >= 700 &&
			Number(getComputedStyle(t).fontWeight) < 700 &&
			b.textContent === '<img src=x onerror=window.__xss=1>' &&
			getComputedStyle(t.querySelector('i')).fontStyle === 'italic' &&
			t.querySelectorAll('img').length === 0 && t.textContent.indexOf(' sent Rose') > 0;
	})()`)

	b.Publish(domain.Message{Type: "overlay", Data: map[string]any{"kind": "text", "text": "plain",
		"html": hostileMarkup, "durationMs": 60000, "position": "top"}})
	overlaytest.WaitJS(t, ctx, "item shown", `!!document.querySelector('.ltth-item-text.ltth-rich')`)
	overlaytest.WaitJS(t, ctx, "only the allow-list survives", `(function () {
		var t = document.querySelector('.ltth-item-text.ltth-rich');
		var span = t.querySelector('span'), imgs = t.querySelectorAll('img');
		var attrs = Array.prototype.some.call(t.querySelectorAll('*'), function (n) {
			return Array.prototype.some.call(n.attributes, function (a) { return /^on/i.test(a.name) || a.name === 'href'; });
		});
		return !!span && span.textContent === 'red' && getComputedStyle(span).color === 'rgb(255, 0, 0)' &&
			span.style.backgroundImage === '' && !t.querySelector('script, a, svg') && !attrs &&
			t.textContent.indexOf('link') >= 0 && !!t.querySelector('strong') &&
			imgs.length === 1 && imgs[0].getAttribute('src') === 'https://cdn.invalid/e.png';
	})()`)
	overlaytest.WaitJS(t, ctx, "a moment for anything hostile to run", `new Promise(function (r) { setTimeout(function () { r(true); }, 300); })`)
	overlaytest.WaitJS(t, ctx, "nothing ran", `window.__xss === undefined`)
}
