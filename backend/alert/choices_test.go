package alert

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/action"
)

// The animation list offered to flows is what the overlay plays: every
// name has an entry class in alerts.css and a place in alerts.js's list,
// and the Alerts page offers the same names.
func TestAnimationsAreWhatTheOverlayPlays(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	js := read("../overlay/static/overlay/alerts.js")
	css := read("../overlay/static/overlay/alerts.css")
	page := read("../../frontend/src/lib/api/alerts.ts")
	jsList := regexp.MustCompile(`var ANIMATIONS = \{([^}]*)\}`).FindStringSubmatch(js)
	pageList := regexp.MustCompile(`ALERT_ANIMATIONS = \[([^\]]*)\]`).FindStringSubmatch(page)
	if jsList == nil || pageList == nil {
		t.Fatal("animation lists not found in alerts.js / alerts.ts")
	}
	if n := strings.Count(jsList[1], ":"); n != len(Animations) {
		t.Errorf("alerts.js knows %d animations, the block offers %d", n, len(Animations))
	}
	if n := strings.Count(pageList[1], ",") + 1; n != len(Animations) {
		t.Errorf("the Alerts page offers %d animations, the block %d", n, len(Animations))
	}
	for _, a := range Animations {
		q := regexp.QuoteMeta(a.Value)
		if !regexp.MustCompile(`(^|[{,\s'])` + q + `'?:`).MatchString(jsList[1]) {
			t.Errorf("alerts.js does not play %q", a.Value)
		}
		if a.Value != "pop" && !strings.Contains(css, ".ltth-enter.ltth-anim-"+a.Value+" ") {
			t.Errorf("alerts.css has no entry animation for %q", a.Value)
		}
		if !strings.Contains(pageList[1], "'"+a.Value+"'") {
			t.Errorf("the Alerts page does not offer %q", a.Value)
		}
	}
}

func TestShowActionChoices(t *testing.T) {
	specs := ShowAction().Fields
	field := func(name string) action.FieldSpec {
		for _, f := range specs {
			if f.Name == name {
				return f
			}
		}
		t.Fatalf("no field %s", name)
		return action.FieldSpec{}
	}
	if f := field("animation"); f.Kind != action.FieldSelect || len(f.Options) != len(Animations) {
		t.Fatalf("animation field %+v", f)
	}
	if f := field("screen"); f.Kind != action.FieldSelect || f.OptionsURL != ScreensPath {
		t.Fatalf("screen field %+v", f)
	}
	for raw, ok := range map[string]bool{`{"animation":"bounce"}`: true, `{"animation":""}`: true,
		`{"animation":"wobble"}`: true, `{"screen":"side"}`: true} { // an unknown (older) name is kept; the overlay falls back
		if _, err := action.NewConfig(json.RawMessage(raw), specs); (err == nil) != ok {
			t.Errorf("%s: err %v", raw, err)
		}
	}
}

func TestScreensRoute(t *testing.T) {
	h := newHarness(t, newStore(t), Options{})
	c := h.m.Configs()["gift"]
	c.Screen = "side"
	h.set("gift", c)
	var got []action.Option
	if err := json.Unmarshal(call(t, serve(t, h.m), "GET", ScreensPath, "", 200), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Value != "main" || got[1].Value != "side" {
		t.Fatalf("screens %+v", got)
	}
}
