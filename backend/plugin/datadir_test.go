package plugin

import (
	"os"
	"path/filepath"
	"testing"
)

type idHost struct {
	Host // only ID is used
	id   string
}

func (h idHost) ID() string { return h.id }

type dirHost struct {
	idHost
	dir string
}

func (h dirHost) DataDir() (string, error) { return h.dir, nil }

func TestDataDir(t *testing.T) {
	cache := t.TempDir()
	t.Setenv("XDG_CACHE_HOME", cache)
	got, err := DataDir(idHost{id: "soundboard"})
	if want := filepath.Join(cache, "ltth", "plugins", "soundboard"); err != nil || got != want {
		t.Fatalf("fallback: %q %v, want %q", got, err, want)
	}
	own := filepath.Join(t.TempDir(), "profile", "plugins", "tts")
	got, err = DataDir(dirHost{idHost{id: "tts"}, own})
	if err != nil || got != own {
		t.Fatalf("host's dir: %q %v", got, err)
	}
	if st, err := os.Stat(own); err != nil || !st.IsDir() {
		t.Fatalf("not created: %v", err)
	}
}
