package overlay

import (
	"net/url"
	"strings"
	"testing"
)

func TestValidColour(t *testing.T) {
	for _, c := range []string{"#fff", "#FFCC00", "rgb(0,0,0)", "rgba(255, 10, 0, 0.5)", "rgba(1,2,3,1)", "rgba(1,2,3,.25)"} {
		if !ValidColour(c) {
			t.Errorf("%q refused", c)
		}
	}
	for _, c := range []string{"", "red", "#ff", "#fffff", "#ggg", "rgb(256,0,0)", "rgba(0,0,0)", "rgb(0,0,0,0.5)",
		"rgba(0,0,0,2)", "url(http://x)", "#fff;background:url(x)", "var(--x)", "expression(alert(1))", "rgb(0,0,0) !important"} {
		if ValidColour(c) {
			t.Errorf("%q accepted", c)
		}
	}
}

func TestParseStyleKeepsValidClampsNumbersIgnoresTheRest(t *testing.T) {
	q, _ := url.ParseQuery("scale=9&size=3&w=1920&h=99999&font=georgia&text=%23fff&accent=rgba(1,2,3,0.5)" +
		"&bg=javascript:x&anim=explode&lang=de&anchor=bottom-right&screen=main&preset=x&evil=1")
	got, problems := ParseStyle(q)
	want := map[string]string{"scale": "5", "size": "8", "w": "1920", "h": "4320", "font": "georgia",
		"text": "#fff", "accent": "rgba(1,2,3,0.5)", "lang": "de", "anchor": "bottom-right"}
	if len(got) != len(want) {
		t.Errorf("ParseStyle = %v, want %v", got, want)
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if len(problems) != 2 { // bg and anim; screen/preset/evil are not style keys
		t.Errorf("problems = %v, want bg and anim", problems)
	}
	q, _ = url.ParseQuery("scale=abc&size=NaN&w=Inf&font=Comic%20Sans&anchor=middle")
	if got, _ := ParseStyle(q); len(got) != 0 {
		t.Errorf("garbage kept: %v", got)
	}
	q, _ = url.ParseQuery("scale=1.234")
	if got, _ := ParseStyle(q); got["scale"] != "1.23" {
		t.Errorf("scale rounded to %q", got["scale"])
	}
}

func TestValidatePreset(t *testing.T) {
	p, err := ValidatePreset(Preset{Name: "Stream 1", Overlay: "alerts", Params: map[string]string{"scale": "0.1", "text": "#abc", "anim": ""},
		CSS: "@import url(https://evil.example/x.css); .ltth-alert { color: red }"})
	if err != nil || p.Params["scale"] != "0.25" || p.Params["text"] != "#abc" || len(p.Params) != 2 {
		t.Fatalf("ValidatePreset = %+v, %v", p, err)
	}
	if strings.Contains(p.CSS, "evil") || !strings.Contains(p.CSS, "color: red") {
		t.Errorf("CSS not sanitised: %q", p.CSS)
	}
	for _, bad := range []Preset{
		{Name: "", Overlay: "alerts"},
		{Name: "../x", Overlay: "alerts"},
		{Name: "<b>", Overlay: "alerts"},
		{Name: strings.Repeat("a", 41), Overlay: "alerts"},
		{Name: "ok", Overlay: ""},
		{Name: "ok", Overlay: "alerts", Params: map[string]string{"text": "red"}},
		{Name: "ok", Overlay: "alerts", Params: map[string]string{"onload": "1"}},
		{Name: "ok", Overlay: "alerts", CSS: strings.Repeat("a", MaxCustomCSS+1)},
	} {
		if _, err := ValidatePreset(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}
