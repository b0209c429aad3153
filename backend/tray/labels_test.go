package tray

import "testing"

func TestLanguage(t *testing.T) {
	cases := map[string]string{"en": "en", "de": "de", "fr": "en", "": "en"}
	for in, want := range cases {
		if got := Language(in); got != want {
			t.Errorf("Language(%q) = %q, want %q", in, got, want)
		}
	}
	if text("de", lQuit) != "LTTH beenden" || text("en", lQuit) != "Quit LTTH" {
		t.Errorf("labels: %q %q", text("de", lQuit), text("en", lQuit))
	}
}

// Every language has every label.
func TestLabelsComplete(t *testing.T) {
	for lang, l := range labels {
		for k, s := range l {
			if s == "" {
				t.Errorf("%s: label %d empty", lang, k)
			}
		}
	}
}
