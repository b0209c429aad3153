package hud

import (
	"fmt"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/overlay/overlaytest"
	"github.com/ltth/ltth/plugins/internal/plugintest"
)

const hostile = `<img src=x onerror=alert(1)>`

func chat(user, text string) *domain.Event {
	return &domain.Event{Type: domain.EventChat, User: domain.User{UserID: user, Nickname: "N" + user}, Comment: text}
}

func TestChatShowsHostileTextAsText(t *testing.T) {
	ctx := overlaytest.Browser(t)
	env := plugintest.New(t)
	env.StartLeaderboard()
	env.Start(ID, `{"chatMaxLines": 3}`)
	overlaytest.Navigate(t, ctx, env.URL("/plugins/hud/chat.html?fade=0"))
	overlaytest.WaitJS(t, ctx, "connected", `window.__chat && document.getElementById('ltth-status').hidden`)

	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, User: domain.User{UserID: "m", Nickname: `<b>mod</b>`, IsModerator: true,
		AvatarURL: "javascript:alert(2)"}, Comment: hostile})
	overlaytest.WaitJS(t, ctx, "hostile message as text", `__chat.lines() === 1
		&& document.querySelector('.line .text')?.textContent === '<img src=x onerror=alert(1)>'
		&& document.querySelector('.line .name')?.textContent === '<b>mod</b>'
		&& document.querySelectorAll('#chat img, #chat b').length === 0
		&& document.querySelector('.line .badge.mod')?.textContent === 'MOD'`)

	env.Bus.PublishEvent(&domain.Event{Type: domain.EventGift, User: domain.User{UserID: "g", Nickname: "Gifter"}, Coins: 100, RepeatCount: 1})
	time.Sleep(100 * time.Millisecond)       // the leaderboard publishes its board
	env.Bus.PublishEvent(chat("x", "!rain")) // a command: hidden
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventChat, User: domain.User{UserID: "g", Nickname: "Gifter", IsSubscriber: true}, Comment: "hi"})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventEmote, User: domain.User{UserID: "e", Nickname: "E"}, EmoteURL: env.URL("/plugins/hud/hud.css")})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventEmote, User: domain.User{UserID: "e", Nickname: "E"}, EmoteURL: "javascript:alert(3)"})
	overlaytest.WaitJS(t, ctx, "badges and emote", `__chat.lines() === 3
		&& document.querySelector('.line:nth-child(2) .name')?.textContent === 'Gifter'
		&& document.querySelector('.line:nth-child(2) .badge.sub') && document.querySelector('.line:nth-child(2) .badge.top')
		&& document.querySelector('.line:nth-child(3) img.emote')?.src.indexOf('http://') === 0
		&& document.querySelectorAll('img.emote').length === 1
		&& !document.body.textContent.includes('!rain')`)

	env.Bus.PublishEvent(chat("y", "four"))
	overlaytest.WaitJS(t, ctx, "max lines (settings)", `__chat.lines() === 3
		&& document.querySelector('.line:last-child .text')?.textContent === 'four'
		&& document.querySelector('.line:first-child .name')?.textContent === 'Gifter'`)
}

func TestChatFadesAndReconnects(t *testing.T) {
	ctx := overlaytest.Browser(t)
	env := plugintest.New(t)
	env.Start(ID, "")
	overlaytest.Navigate(t, ctx, env.URL("/plugins/hud/chat.html?fade=1&max=2&align=top&commands=1"))
	overlaytest.WaitJS(t, ctx, "connected", `window.__chat && document.getElementById('ltth-status').hidden`)
	env.Bus.PublishEvent(chat("a", "!hello"))
	overlaytest.WaitJS(t, ctx, "commands shown on request", `__chat.lines() === 1
		&& document.getElementById('chat').className === 'top'`)
	overlaytest.WaitJS(t, ctx, "faded out", `__chat.lines() === 0`)

	env.StopListener()
	overlaytest.WaitJS(t, ctx, "waiting badge", `!document.getElementById('ltth-status').hidden`)
	env.StartListener()
	overlaytest.WaitJS(t, ctx, "reconnected", `document.getElementById('ltth-status').hidden`)
	env.Bus.PublishEvent(chat("b", "back"))
	overlaytest.WaitJS(t, ctx, "chat after reconnecting", `__chat.lines() === 1`)

	for i := 0; i < 40; i++ { // a burst: the feed batches it into arrays
		env.Bus.PublishEvent(chat("c", fmt.Sprintf("m%d", i)))
	}
	overlaytest.WaitJS(t, ctx, "every message of the burst, newest first", `__chat.lines() === 2
		&& document.querySelector('.line:first-child .text')?.textContent === 'm39'
		&& document.querySelector('.line:last-child .text')?.textContent === 'm38'`)
}

func TestHUDShowsStats(t *testing.T) {
	ctx := overlaytest.Browser(t)
	env := plugintest.New(t)
	env.Start(ID, "")
	overlaytest.Navigate(t, ctx, env.URL("/plugins/hud/overlay.html?show=likes,viewers,uptime&layout=vertical"))
	overlaytest.WaitJS(t, ctx, "tiles", `document.getElementById('ltth-status').hidden
		&& document.getElementById('hud').classList.contains('vertical')
		&& document.querySelector('#hud .tile:not([hidden])')?.dataset.stat === 'likes'
		&& document.querySelector('[data-stat="shares"]').hidden`)
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventConnected, RoomID: "r", TS: time.Now().Add(-time.Hour - 2*time.Minute).UnixMilli()})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventViewers, ViewerCount: 1234})
	env.Bus.PublishEvent(&domain.Event{Type: domain.EventLike, LikeCount: 10, TotalLikeCount: 15300})
	overlaytest.WaitJS(t, ctx, "stats", `document.querySelector('[data-stat="viewers"] .value')?.textContent === '1,234'
		&& document.querySelector('[data-stat="likes"] .value')?.textContent === '15.3K'
		&& /^1:02:0\d$/.test(document.querySelector('[data-stat="uptime"] .value')?.textContent)`)
}
