package appconfig

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestAutostartLinux(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	entry := filepath.Join(cfg, "autostart", "ltth.desktop")
	if on, err := AutostartEnabled(); on || err != nil {
		t.Fatalf("enabled before writing: %v %v", on, err)
	}
	exe := "/opt/My Apps/ltth"
	if err := SetAutostart(true, exe, AutostartArgs(true)); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(entry)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), "Exec=\"/opt/My Apps/ltth\" --start-minimized\n") || !strings.Contains(string(data), "Type=Application") {
		t.Fatalf("entry:\n%s", data)
	}
	if on, err := AutostartEnabled(); !on || err != nil {
		t.Fatalf("not enabled after writing: %v %v", on, err)
	}
	// Rewriting without the argument replaces the entry.
	if err := SetAutostart(true, "/usr/bin/ltth", AutostartArgs(false)); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(entry); !strings.Contains(string(data), "Exec=/usr/bin/ltth\n") {
		t.Fatalf("entry:\n%s", data)
	}
	if err := SetAutostart(false, "", nil); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(entry); !os.IsNotExist(err) {
		t.Fatalf("entry still there: %v", err)
	}
	if on, _ := AutostartEnabled(); on {
		t.Fatal("enabled after removing")
	}
	if err := SetAutostart(false, "", nil); err != nil {
		t.Fatalf("removing twice: %v", err)
	}
}

func TestAutostartHonoursUserSwitchOff(t *testing.T) {
	cfg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", cfg)
	os.MkdirAll(filepath.Join(cfg, "autostart"), 0o755)
	os.WriteFile(filepath.Join(cfg, "autostart", "ltth.desktop"), []byte("[Desktop Entry]\nExec=ltth\nHidden=true\n"), 0o644)
	if on, _ := AutostartEnabled(); on {
		t.Fatal("Hidden=true entry counted as enabled")
	}
}

func TestDesktopQuote(t *testing.T) {
	for in, want := range map[string]string{
		"/usr/bin/ltth": "/usr/bin/ltth",
		`/a b/$x`:       `"/a b/\\$x"`,
		`c:\d e`:        `"c:\\\\d e"`,
		"50%":           `"50%%"`,
	} {
		if got := desktopQuote(in); got != want {
			t.Errorf("desktopQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
