package appconfig

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestMissingFileGivesDefaults(t *testing.T) {
	s, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if s.Get() != Defaults() {
		t.Fatalf("got %+v", s.Get())
	}
}

func TestSaveIsAtomicAndReloads(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	want := Config{Theme: "light", Port: 3111, AllowLAN: true, StartMinimized: true, Autostart: true, LogLevel: "debug"}
	if err := s.Save(want); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != FileName {
		t.Fatalf("left temp files behind: %v", entries)
	}
	if fi, _ := os.Stat(s.Path()); runtime.GOOS != "windows" && fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v", fi.Mode())
	}
	got, err := Load(dir)
	if err != nil || got != want {
		t.Fatalf("reload: %+v %v", got, err)
	}
}

func TestInvalidSaveChangesNothing(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	good := Defaults()
	good.Theme = "light"
	if err := s.Save(good); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.Path())
	bad := good
	bad.Port = 70000
	if err := s.Save(bad); err == nil || !strings.Contains(err.Error(), "port 70000") {
		t.Fatalf("err = %v", err)
	}
	after, _ := os.ReadFile(s.Path())
	if string(before) != string(after) || s.Get() != good {
		t.Fatal("a refused save changed the settings")
	}
}

func TestSaveFailureKeepsOldFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("directory permissions do not stop writes on Windows")
	}
	dir := t.TempDir()
	s, _ := Open(dir)
	if err := s.Save(Defaults()); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(s.Path())
	if err := os.Chmod(dir, 0o500); err != nil {
		t.Fatal(err)
	}
	defer os.Chmod(dir, 0o700)
	c := Defaults()
	c.Theme = "light"
	if os.Geteuid() != 0 {
		if err := s.Save(c); err == nil {
			t.Fatal("save into a read-only directory succeeded")
		}
	}
	after, _ := os.ReadFile(s.Path())
	if string(before) != string(after) {
		t.Fatal("failed save damaged the file")
	}
}

func TestBrokenFileIsKeptAsBackup(t *testing.T) {
	for name, content := range map[string]string{
		"syntax":  `{"theme": "dark",`,
		"unknown": `{"theme": "dark", "colour": "red"}`,
		"invalid": `{"theme": "pink"}`,
		"two":     `{} {}`,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			os.WriteFile(path, []byte(content), 0o600)
			s, err := Open(dir)
			var be *BrokenError
			if !errors.As(err, &be) || s == nil {
				t.Fatalf("err = %v, store %v", err, s)
			}
			if !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), be.Backup) {
				t.Fatalf("message does not name the file and backup: %v", err)
			}
			if name == "unknown" && !strings.Contains(err.Error(), `"colour"`) {
				t.Fatalf("unknown field not named: %v", err)
			}
			bak, _ := os.ReadFile(be.Backup)
			if string(bak) != content {
				t.Fatalf("backup = %q", bak)
			}
			if s.Get() != Defaults() {
				t.Fatalf("not defaults: %+v", s.Get())
			}
			// A second broken start keeps the first backup too.
			_, err2 := Open(dir)
			var be2 *BrokenError
			if !errors.As(err2, &be2) || be2.Backup == be.Backup {
				t.Fatalf("second backup overwrote the first: %v", err2)
			}
			if b, _ := os.ReadFile(be.Backup); string(b) != content {
				t.Fatal("first backup lost")
			}
		})
	}
}

func TestDecodeRefusesUnknownFields(t *testing.T) {
	if _, err := Decode([]byte(`{"port": 3000, "listen": "0.0.0.0"}`)); err == nil || !strings.Contains(err.Error(), "listen") {
		t.Fatalf("err = %v", err)
	}
	c, err := Decode([]byte(`{"theme": "system"}`))
	if err != nil || c.Theme != "system" || c.Port != DefaultPort || c.LogLevel != "info" {
		t.Fatalf("partial document: %+v %v", c, err)
	}
}

func TestListenAddr(t *testing.T) {
	c := Defaults()
	if c.ListenAddr() != "127.0.0.1:3000" {
		t.Fatal(c.ListenAddr())
	}
	c.AllowLAN, c.Port = true, 4000
	if c.ListenAddr() != "0.0.0.0:4000" {
		t.Fatal(c.ListenAddr())
	}
}
