package tray

import "testing"

func TestLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "de_AT.UTF-8")
	cases := map[string]string{"": "de", "en": "en", "de": "de", "fr": "en"}
	for in, want := range cases {
		if got := Language(in); got != want {
			t.Errorf("Language(%q) = %q, want %q", in, got, want)
		}
	}
	t.Setenv("LANG", "fr_FR.UTF-8")
	if got := Language(""); got != "en" {
		t.Errorf("French system: %q, want en", got)
	}
	if text("de", lQuit) != "LTTH beenden" || text("", lQuit) != "Quit LTTH" {
		t.Errorf("labels: %q %q", text("de", lQuit), text("", lQuit))
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
