package alert

import (
	"strings"
	"sync/atomic"
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

// The default texts follow the app language; an edited alert keeps its text
// when the language changes, the others switch.
func TestDefaultTextsFollowTheLanguage(t *testing.T) {
	var lang atomic.Value
	lang.Store("de")
	h := newHarness(t, newStore(t), Options{Language: func() string { return lang.Load().(string) }})
	cs := h.m.Configs()
	if got := cs["follow"].Text; got != "{nickname} folgt dir jetzt!" {
		t.Fatalf("German follow default: %q", got)
	}
	edited := cs["gift"]
	edited.Text = "{nickname}: danke für {giftName}!"
	if _, err := h.m.SetConfig("gift", edited); err != nil {
		t.Fatal(err)
	}
	lang.Store("en")
	h.m.ReloadDefaults()
	cs = h.m.Configs()
	if got := cs["follow"].Text; got != "{nickname} followed!" {
		t.Fatalf("English follow default after the switch: %q", got)
	}
	if got := cs["gift"].Text; got != edited.Text {
		t.Fatalf("the edited gift alert changed: %q", got)
	}
}

// Every language has a text for every alertable type, with the same
// placeholders as the English one.
func TestDefaultTextsComplete(t *testing.T) {
	for lang, texts := range defaultTexts {
		for _, et := range AlertTypes() {
			txt, ok := texts[et]
			if !ok {
				t.Errorf("%s: no default text for %s", lang, et)
				continue
			}
			if a, b := placeholders(DefaultConfig(et).Text), placeholders(txt); a != b {
				t.Errorf("%s %s: placeholders %s, English %s", lang, et, b, a)
			}
		}
	}
	if DefaultConfigIn(domain.EventFollow, "fr").Text != DefaultConfig(domain.EventFollow).Text {
		t.Error("an unknown language does not fall back to English")
	}
}

func placeholders(s string) string {
	var out []string
	for _, part := range strings.Split(s, "{")[1:] {
		if i := strings.IndexByte(part, '}'); i > 0 {
			out = append(out, part[:i])
		}
	}
	return strings.Join(out, ",")
}
