//go:build e2e

package e2e

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// wineEnv is a throw-away Wine prefix (and HOME: Wine links the Windows
// desktop to $HOME/Desktop) for one installer run.
type wineEnv struct {
	smoke, server, prefix, home string
}

func newWine(t *testing.T) *wineEnv {
	t.Helper()
	smoke := os.Getenv("LTTH_WINE_SMOKE")
	if smoke == "" {
		for _, p := range []string{"../../shared/tools/wine-smoke.sh", "../../../shared/tools/wine-smoke.sh"} {
			if _, err := os.Stat(p); err == nil {
				smoke, _ = filepath.Abs(p)
				break
			}
		}
	}
	server := "/usr/lib/wine/wineserver"
	_, werr := os.Stat("/usr/lib/wine/wine64")
	if smoke == "" || werr != nil {
		msg := fmt.Sprintf("Wine or wine-smoke.sh missing (wine64: %v, LTTH_WINE_SMOKE=%q): apt-get install wine64; CI has ../shared beside the checkout", werr, smoke)
		if os.Getenv("CI") != "" || os.Getenv("LTTH_REQUIRE_WINE") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	root := t.TempDir()
	w := &wineEnv{smoke: smoke, server: server, prefix: filepath.Join(root, "prefix"), home: filepath.Join(root, "home")}
	os.MkdirAll(w.home, 0o755)
	w.run(t, 4*time.Minute, "prefix", w.prefix)
	t.Cleanup(func() { w.kill() })
	return w
}

func (w *wineEnv) cmd(ctx context.Context, args ...string) *exec.Cmd {
	c := exec.CommandContext(ctx, w.smoke, args...)
	c.Env = append(os.Environ(), "WINEPREFIX="+w.prefix, "HOME="+w.home, "WINEDEBUG=-all", "DISPLAY=")
	return c
}

// run runs a wine-smoke.sh command and waits for every process of the
// prefix to end (an NSIS uninstaller re-launches itself from %TEMP%).
func (w *wineEnv) run(t *testing.T, limit time.Duration, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	if out, err := w.cmd(ctx, args...).CombinedOutput(); err != nil {
		t.Fatalf("wine-smoke.sh %v: %v\n%s", args, err, out)
	}
	wait := exec.CommandContext(ctx, w.server, "-w")
	wait.Env = append(os.Environ(), "WINEPREFIX="+w.prefix)
	wait.Run()
}

// kill ends every process of this prefix only.
func (w *wineEnv) kill() {
	k := exec.Command(w.server, "-k")
	k.Env = append(os.Environ(), "WINEPREFIX="+w.prefix)
	k.Run()
}

// userDir is C:\users\<name> of the prefix.
func (w *wineEnv) userDir(t *testing.T) string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(w.prefix, "drive_c/users/*/AppData/Roaming"))
	for _, p := range m {
		if !strings.Contains(p, "/Public/") {
			return filepath.Dir(filepath.Dir(p))
		}
	}
	t.Fatalf("no user profile in %s", w.prefix)
	return ""
}

// startInstalled runs the installed ltth.exe headless with its default
// (Windows) data dir and waits for /api/health.
func (w *wineEnv) startInstalled(t *testing.T, exe, dataDir string) (*instance, func()) {
	t.Helper()
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	cmd := w.cmd(ctx, "run", exe, "--headless", "--listen", addr)
	logPath := filepath.Join(t.TempDir(), "ltth-wine.log")
	logf, _ := os.Create(logPath)
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	stop := func() {
		w.kill()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			cancel()
		}
		cancel()
		logf.Close()
	}
	in := &instance{URL: "http://" + addr, DataDir: dataDir, cmd: cmd}
	deadline := time.Now().Add(90 * time.Second)
	for {
		var h map[string]any
		if err := in.getJSON("/api/health", &h); err == nil && h["status"] == "ok" {
			break
		}
		select {
		case <-done:
			stop()
			log, _ := os.ReadFile(logPath)
			t.Fatalf("installed ltth.exe exited under Wine before it was healthy:\n%s", log)
		default:
		}
		if time.Now().After(deadline) {
			stop()
			log, _ := os.ReadFile(logPath)
			t.Fatalf("installed ltth.exe not healthy at %s within 90 s:\n%s", in.URL, log)
		}
		time.Sleep(200 * time.Millisecond)
	}
	tok, err := os.ReadFile(filepath.Join(dataDir, "api-token"))
	if err != nil {
		stop()
		t.Fatalf("no API token in the Windows data dir: %v", err)
	}
	in.Token = strings.TrimSpace(string(tok))
	t.Cleanup(stop)
	return in, stop
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func TestWindowsInstallRunUninstall(t *testing.T) {
	dist := distDir(t)
	setup := one(t, dist, "ltth-*-windows-amd64-setup.exe")
	v := releaseVersion(t, setup)
	w := newWine(t)

	w.run(t, 3*time.Minute, "run", setup, "/S")
	user := w.userDir(t)
	inst := filepath.Join(user, "AppData/Local/Programs/LTTH")
	exe := filepath.Join(inst, "ltth.exe")
	dataDir := filepath.Join(user, "AppData/Roaming/ltth") // %APPDATA%\ltth
	startMenu := filepath.Join(user, "AppData/Roaming/Microsoft/Windows/Start Menu/Programs/LTTH/LTTH.lnk")
	desktop := filepath.Join(user, "Desktop/LTTH.lnk")
	for _, p := range []string{exe, filepath.Join(inst, "uninstall.exe"), startMenu, desktop} {
		if !exists(p) {
			t.Fatalf("silent install did not create %s", p)
		}
	}

	// First run: health, a simulated gift on the overlay, a new profile.
	in, stop := w.startInstalled(t, exe, dataDir)
	var h map[string]any
	if err := in.getJSON("/api/health", &h); err != nil || h["version"] != v {
		t.Fatalf("health of the installed exe: %v %v (want version %s)", h, err, v)
	}
	ctx := browser(t)
	if err := chromedp.Do(ctx, chromedp.Navigate(in.URL+"/overlay.html"), chromedp.WaitReady(chromedp.CSS("body"))); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](connectedJS, chromedp.WithPollingTimeout(20*time.Second))); err != nil {
		t.Fatalf("overlay served by the Windows build did not connect: %v", err)
	}
	if code, body := in.post(t, "/api/simulate", map[string]any{
		"type": "gift", "uniqueId": "winefan", "nickname": "Wine Fan", "userId": "4242",
		"giftId": 5655, "giftName": "Rose", "diamondCount": 1, "repeatCount": 2,
	}); code != 200 && code != 202 {
		t.Fatalf("simulate: %d %s", code, body)
	}
	if _, err := pollNames(ctx, "Wine Fan"); err != nil {
		t.Fatalf("the simulated gift did not show on /overlay.html: %v", err)
	}
	if code, body := in.post(t, "/api/profiles", map[string]string{"name": "wine-check"}); code != 201 {
		t.Fatalf("create profile: %d %s", code, body)
	}
	stop()
	db := filepath.Join(dataDir, "profiles/wine-check/database.db")
	if !exists(db) {
		t.Fatalf("profile not written to the Windows data dir (%s)", db)
	}

	// Restart: the profile is read back from %APPDATA%\ltth.
	in, stop = w.startInstalled(t, exe, dataDir)
	var profiles []map[string]any
	if err := in.getJSON("/api/profiles", &profiles); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(fmt.Sprint(profiles), "wine-check") {
		t.Fatalf("profile not read back after a restart: %v", profiles)
	}
	stop()

	// A staged update (what POST /api/update/install leaves on Windows):
	// the next start runs the verified installer silently and exits.
	w.stagedUpdate(t, exe, setup, dataDir, filepath.Join(inst, "ltth.ico"))

	// Uninstall: program and shortcuts go, the user's data stays.
	w.run(t, 2*time.Minute, "run", filepath.Join(inst, "uninstall.exe"), "/S")
	for _, p := range []string{exe, startMenu, desktop} {
		if exists(p) {
			t.Errorf("uninstaller left %s", p)
		}
	}
	if !exists(db) || !exists(filepath.Join(dataDir, "api-token")) {
		t.Fatalf("uninstaller removed the user's data (%s)", dataDir)
	}

	// Reinstall, then uninstall with /PURGE: now the data goes too.
	w.run(t, 3*time.Minute, "run", setup, "/S", "/NOWEBVIEW2")
	if !exists(exe) {
		t.Fatal("reinstall failed")
	}
	w.run(t, 2*time.Minute, "run", filepath.Join(inst, "uninstall.exe"), "/S", "/PURGE")
	if _, err := os.Stat(dataDir); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("/PURGE kept the data dir: %v", err)
	}
}

// stagedUpdate stages setup as a verified update, starts the installed exe
// and waits until the installer it launches has put marker back.
func (w *wineEnv) stagedUpdate(t *testing.T, exe, setup, dataDir, marker string) {
	t.Helper()
	staged := filepath.Join(dataDir, "updates", filepath.Base(setup))
	b, err := os.ReadFile(setup)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Dir(staged), 0o755)
	if err := os.WriteFile(staged, b, 0o644); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(b)
	winPath := "Z:" + strings.ReplaceAll(staged, "/", `\`)
	pending, _ := json.Marshal(map[string]string{"version": "99.0.0", "file": winPath, "sha256": hex.EncodeToString(sum[:])})
	if err := os.WriteFile(filepath.Join(dataDir, "updates", "pending.json"), pending, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(marker); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	out, err := w.cmd(ctx, "run", exe, "--headless", "--listen", freeAddr(t)).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "installing the downloaded update") {
		t.Fatalf("start with a staged update: %v\n%s", err, out)
	}
	deadline := time.Now().Add(90 * time.Second)
	for !exists(marker) {
		if time.Now().After(deadline) {
			t.Fatalf("the staged installer did not run (no %s after 90 s); ltth said:\n%s", marker, out)
		}
		time.Sleep(300 * time.Millisecond)
	}
	if exists(filepath.Join(dataDir, "updates", "pending.json")) {
		t.Fatal("pending.json left behind: the update would run again on every start")
	}
	w.kill() // the LTTH that /RUN started again
}
