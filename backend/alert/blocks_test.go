package alert

import (
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/action/actiontest"
	"github.com/ltth/ltth/backend/domain"
)

const hostile = `<img src=x onerror=alert(1)>`

func hostileGift() *domain.Event {
	return &domain.Event{Type: domain.EventGift, ID: "42", User: domain.User{UserID: "7", UniqueID: "h", Nickname: hostile},
		GiftID: 5655, GiftName: "Rose", DiamondCount: 1, RepeatCount: 150, Coins: 150,
		GiftPictureURL: "https://cdn.test/rose.png?a=1&b=2"}
}

func showAlert(t *testing.T, cfg string, e *domain.Event) (Alert, error) {
	t.Helper()
	reg := actiontest.Registry(t, (&Module{}).Blocks())
	msgs, err := actiontest.Exec(t, reg, "alert.show", cfg, e, "flow1")
	if err != nil {
		return Alert{}, err
	}
	if len(msgs) != 1 || msgs[0].Type != TypeRequest {
		t.Fatalf("published %+v", msgs)
	}
	return msgs[0].Data.(Alert), nil
}

func TestShowActionEscapesHTMLTarget(t *testing.T) {
	a, err := showAlert(t, `{"text":"<b>{nickname}</b> sent {giftName}","html":true,"imageUrl":"{giftPictureUrl}",
		"soundUrl":"/sounds/{giftName}.mp3","durationMs":3000}`, hostileGift())
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.HTML, "<img") || a.HTML != "<b>&lt;img src=x onerror=alert(1)&gt;</b> sent Rose" {
		t.Fatalf("HTML target not escaped: %q", a.HTML)
	}
	if a.Text != "<b>"+hostile+"</b> sent Rose" { // plain text: the overlay inserts it as a text node
		t.Fatalf("text %q", a.Text)
	}
	if a.ImageURL != "https://cdn.test/rose.png?a=1&b=2" || a.SoundURL != "/sounds/Rose.mp3" || a.DurationMs != 3000 ||
		a.Screen != "main" || a.EventType != "gift" || a.Event == nil || a.FlowID != "flow1" {
		t.Fatalf("alert %+v", a)
	}
	plain, _ := showAlert(t, `{"text":"<b>{nickname}</b>"}`, hostileGift())
	if plain.HTML != "" {
		t.Fatalf("html off still carries HTML %q", plain.HTML)
	}
	if _, err := showAlert(t, `{"text":"x","videoUrl":"javascript:{comment}"}`, hostileGift()); err == nil ||
		!strings.Contains(err.Error(), "only http") {
		t.Fatalf("javascript: URL accepted: %v", err)
	}
}

// TestFlowAlertKeepsHTML is the "Text is HTML" bug: the alert module queued
// the flow's request and published the alert without its HTML.
func TestFlowAlertKeepsHTML(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	req, err := showAlert(t, `{"text":"<b>{nickname}</b> sent {giftName}","html":true}`, hostileGift())
	if err != nil {
		t.Fatal(err)
	}
	h.bus.Publish(domain.Message{Type: TypeRequest, Data: req})
	a := h.nextAlert()
	if a.HTML != "<b>&lt;img src=x onerror=alert(1)&gt;</b> sent Rose" || a.Text != req.Text || a.FlowID != "flow1" {
		t.Fatalf("alert shown without its HTML: %+v", a)
	}
}
