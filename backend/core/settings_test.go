package core

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/appconfig"
)

func settingsBody(c *Core, change func(*appconfig.Config)) appconfig.Config {
	cfg := c.app.store.Get()
	change(&cfg)
	return cfg
}

func TestTokenRotationRefusesTheOldTokenAtOnce(t *testing.T) {
	dir := t.TempDir()
	c := startCore(t, dir)
	old := c.Token()
	url := c.URL() + "/api/settings/token/rotate"
	status, out := tokenCall(t, "POST", url, old, map[string]any{})
	if status != 200 {
		t.Fatalf("rotate: %d %v", status, out)
	}
	tok, _ := out["token"].(string)
	if len(tok) < 32 || tok == old || c.Token() != tok {
		t.Fatalf("new token %q (old %q, core %q)", tok, old, c.Token())
	}
	if s, _ := tokenCall(t, "GET", c.URL()+"/api/settings/app", old, nil); s != 401 {
		t.Fatalf("old token on a read: %d", s)
	}
	if s, _ := tokenCall(t, "POST", url, old, map[string]any{}); s != 401 {
		t.Fatalf("old token on a write: %d", s)
	}
	if s, _ := tokenCall(t, "GET", c.URL()+"/api/settings/app", tok, nil); s != 200 {
		t.Fatalf("new token: %d", s)
	}
	data, _ := os.ReadFile(filepath.Join(dir, "api-token"))
	if strings.TrimSpace(string(data)) != tok {
		t.Fatal("token file not updated")
	}
	if fi, _ := os.Stat(filepath.Join(dir, "api-token")); fi.Mode().Perm() != 0o600 {
		t.Fatalf("token file mode %v", fi.Mode())
	}
	stopCore(t, c)
	c2 := startCore(t, dir)
	defer stopCore(t, c2)
	if c2.Token() != tok {
		t.Fatal("the rotated token did not survive a restart")
	}
}

func TestSettingsBusyPortChangesNothingFreePortMovesTheListener(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // never the real login entries
	dir := t.TempDir()
	c := startCore(t, dir)
	defer stopCore(t, c)
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	busy := held.Addr().(*net.TCPAddr).Port
	before := c.URL()
	status, out := tokenCall(t, "PUT", c.URL()+"/api/settings/app", c.Token(), settingsBody(c, func(x *appconfig.Config) { x.Port = busy; x.Theme = "light" }))
	msg, _ := out["error"].(string)
	if status != 409 || !strings.Contains(msg, fmt.Sprintf("port %d is in use", busy)) {
		t.Fatalf("busy port: %d %v", status, out)
	}
	if c.URL() != before || c.app.store.Get() != appconfig.Defaults() {
		t.Fatalf("a refused change changed something: %s %+v", c.URL(), c.app.store.Get())
	}
	if _, err := os.Stat(filepath.Join(dir, appconfig.FileName)); !os.IsNotExist(err) {
		t.Fatal("a refused change wrote the settings file")
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	free := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	status, out = tokenCall(t, "PUT", c.URL()+"/api/settings/app", c.Token(), settingsBody(c, func(x *appconfig.Config) { x.Port = free }))
	want := fmt.Sprintf("http://127.0.0.1:%d", free)
	if status != 200 || out["status"].(map[string]any)["listenUrl"] != want || c.URL() != want {
		t.Fatalf("free port: %d %v", status, out)
	}
	if got, _ := appconfig.Load(dir); got.Port != free {
		t.Fatalf("saved port %d", got.Port)
	}
}

func TestSettingsStrictDecodeAndLogLevel(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // never the real login entries
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	url := c.URL() + "/api/settings/app"
	if s, out := tokenCall(t, "PUT", url, c.Token(), map[string]any{"theme": "dark", "colour": "red"}); s != 400 || !strings.Contains(fmt.Sprint(out["error"]), "colour") {
		t.Fatalf("unknown field: %d %v", s, out)
	}
	if s, _ := tokenCall(t, "PUT", url, "", map[string]any{"theme": "light"}); s != 401 {
		t.Fatalf("without token: %d", s)
	}
	if c.log.Level() != "info" {
		t.Fatal(c.log.Level())
	}
	s, out := tokenCall(t, "PUT", url, c.Token(), settingsBody(c, func(x *appconfig.Config) { x.LogLevel = "debug" }))
	if s != 200 || c.log.Level() != "debug" || out["status"].(map[string]any)["logLevel"] != "debug" {
		t.Fatalf("log level: %d %v (%s)", s, out, c.log.Level())
	}
}

func TestSettingsAutostartEntry(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the XDG entry is Linux's")
	}
	xdg := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", xdg)
	dir := t.TempDir()
	c := startCore(t, dir)
	defer stopCore(t, c)
	url := c.URL() + "/api/settings/app"
	s, out := tokenCall(t, "PUT", url, c.Token(), settingsBody(c, func(x *appconfig.Config) { x.Autostart, x.StartMinimized = true, true }))
	if s != 200 || out["status"].(map[string]any)["autostartActive"] != true {
		t.Fatalf("enable: %d %v", s, out)
	}
	entry, err := os.ReadFile(filepath.Join(xdg, "autostart", "ltth.desktop"))
	if err != nil || !strings.Contains(string(entry), dir) || !strings.Contains(string(entry), "--start-minimized") {
		t.Fatalf("entry %v:\n%s", err, entry)
	}
	s, out = tokenCall(t, "PUT", url, c.Token(), settingsBody(c, func(x *appconfig.Config) { x.Autostart = false }))
	if s != 200 || out["status"].(map[string]any)["autostartActive"] != false {
		t.Fatalf("disable: %d %v", s, out)
	}
	if _, err := os.Stat(filepath.Join(xdg, "autostart", "ltth.desktop")); !os.IsNotExist(err) {
		t.Fatal("entry not removed")
	}
}

func TestBrokenSettingsFileStartsWithDefaultsAndKeepsIt(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, appconfig.FileName), []byte(`{"port": "three thousand"}`), 0o600)
	c := startCore(t, dir)
	defer stopCore(t, c)
	s, out := tokenCall(t, "GET", c.URL()+"/api/settings/app", c.Token(), nil)
	notice, _ := out["status"].(map[string]any)["notice"].(string)
	if s != 200 || !strings.Contains(notice, "broken") || !strings.Contains(notice, ".bak") {
		t.Fatalf("notice: %d %v", s, out)
	}
	bak, _ := os.ReadFile(filepath.Join(dir, appconfig.FileName+".bak"))
	if string(bak) != `{"port": "three thousand"}` {
		t.Fatalf("backup %q", bak)
	}
}

func TestSavedPortIsUsedWithoutListenFlag(t *testing.T) {
	dir := t.TempDir()
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	port := ln.Addr().(*net.TCPAddr).Port
	ln.Close()
	st, _ := appconfig.Open(dir)
	cfg := appconfig.Defaults()
	cfg.Port = port
	if err := st.Save(cfg); err != nil {
		t.Fatal(err)
	}
	c, err := New(Options{DataDir: dir, Console: io.Discard, Headless: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	defer stopCore(t, c)
	if c.URL() != fmt.Sprintf("http://127.0.0.1:%d", port) {
		t.Fatal(c.URL())
	}
}
