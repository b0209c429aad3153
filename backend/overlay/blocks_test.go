package overlay

import (
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/action/actiontest"
	"github.com/ltth/ltth/backend/domain"
)

const hostile = `<img src=x onerror=alert(1)>`

func TestItemActions(t *testing.T) {
	reg := actiontest.Registry(t, FlowBlocks{}.Blocks())
	e := &domain.Event{Type: domain.EventGift, User: domain.User{Nickname: hostile}, GiftName: "Rose"}
	item := func(typ, cfg string) Item {
		t.Helper()
		msgs, err := actiontest.Exec(t, reg, typ, cfg, e, "ov")
		if err != nil || len(msgs) != 1 || msgs[0].Type != TypeItem {
			t.Fatalf("%s: %v %+v", typ, err, msgs)
		}
		return msgs[0].Data.(Item)
	}
	txt := item("overlay.text", `{"text":"Thanks <i>{nickname}</i>!","html":true,"position":"top","durationMs":2000}`)
	img := item("overlay.image", `{"url":"https://img.test/{giftName}.gif"}`)
	vid := item("overlay.video", `{"url":"/media/clip.mp4","position":"bottom-right"}`)
	clr := item("overlay.clear", `{}`)
	if txt.Kind != "text" || txt.Text != "Thanks <i>"+hostile+"</i>!" || txt.HTML != "Thanks <i>&lt;img src=x onerror=alert(1)&gt;</i>!" ||
		txt.Position != "top" || txt.DurationMs != 2000 || txt.FlowID != "ov" {
		t.Fatalf("text %+v", txt)
	}
	if img.Kind != "image" || img.URL != "https://img.test/Rose.gif" || img.Position != "center" || img.DurationMs != 5000 {
		t.Fatalf("image %+v", img)
	}
	if vid.Kind != "video" || vid.URL != "/media/clip.mp4" || vid.Position != "bottom-right" || clr.Kind != "clear" {
		t.Fatalf("video %+v clear %+v", vid, clr)
	}
}

func TestItemMediaURLSchemes(t *testing.T) {
	reg := actiontest.Registry(t, FlowBlocks{}.Blocks())
	e := &domain.Event{Type: domain.EventChat, Comment: "javascript:alert(1)"}
	msgs, err := actiontest.Exec(t, reg, "overlay.image", `{"url":"{comment}"}`, e, "js")
	if err == nil || !strings.Contains(err.Error(), "only http") || len(msgs) != 0 {
		t.Fatalf("javascript: URL: %v %+v", err, msgs)
	}
}
