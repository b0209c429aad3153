package appconfig

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The Go list of languages must name exactly the dashboard's catalogues.
func TestLanguagesMatchCatalogues(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "frontend", "messages", "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no catalogues found: %v", err)
	}
	var codes []string
	for _, f := range files {
		codes = append(codes, strings.TrimSuffix(filepath.Base(f), ".json"))
	}
	slices.Sort(codes)
	if !slices.Equal(codes, Languages) {
		t.Fatalf("catalogues %v, Languages %v", codes, Languages)
	}
}

func TestLanguageValidation(t *testing.T) {
	for _, ok := range []string{"", "en", "de"} {
		c := Defaults()
		c.Language = ok
		if err := c.Validate(); err != nil {
			t.Errorf("language %q refused: %v", ok, err)
		}
	}
	for _, bad := range []string{"fr", "EN", "de-DE", " en", "english"} {
		c := Defaults()
		c.Language = bad
		if err := c.Validate(); err == nil || !strings.Contains(err.Error(), "language") {
			t.Errorf("language %q accepted (err %v)", bad, err)
		}
	}
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	c := s.Get()
	c.Language = "de"
	if err := s.Save(c); err != nil {
		t.Fatal(err)
	}
	back, err := Load(dir)
	if err != nil || back.Language != "de" {
		t.Fatalf("reloaded %+v, %v", back, err)
	}
	c.Language = "xx"
	if err := s.Save(c); err == nil {
		t.Fatal("saved an unknown language")
	}
	if data, _ := os.ReadFile(filepath.Join(dir, FileName)); !strings.Contains(string(data), `"de"`) {
		t.Fatalf("a refused save changed the file: %s", data)
	}
}

func TestResolveLanguage(t *testing.T) {
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "de_AT.UTF-8")
	for in, want := range map[string]string{"": "de", "en": "en", "de": "de", "fr": "en"} {
		if got := ResolveLanguage(in); got != want {
			t.Errorf("ResolveLanguage(%q) = %q, want %q", in, got, want)
		}
	}
	t.Setenv("LANG", "fr_FR.UTF-8")
	if got := ResolveLanguage(""); got != "en" {
		t.Errorf("French system: %q, want en", got)
	}
}
