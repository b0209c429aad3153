package browser

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/tiktok/source"
	"github.com/ltth/ltth/backend/tiktok/source/sourcetest"
)

// fakeBrowser writes an executable shell script named name that leaves a
// marker file when it runs and prints answer; it returns the script and
// the marker's path.
func fakeBrowser(t *testing.T, name, answer string) (string, string) {
	t.Helper()
	dir := t.TempDir()
	marker := filepath.Join(dir, "ran")
	script := filepath.Join(dir, name)
	body := "#!/bin/sh\ntouch '" + marker + "'\necho '" + answer + "'\n"
	if err := os.WriteFile(script, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return script, marker
}

func ran(marker string) bool {
	_, err := os.Stat(marker)
	return err == nil
}

func TestValidateRefusesOtherNamesWithoutRunning(t *testing.T) {
	for _, name := range []string{"evil.sh", "chromium.sh", "sh", "chrome-helper"} {
		script, marker := fakeBrowser(t, name, "Chromium 120")
		if _, err := ValidatePath(context.Background(), script); !errors.Is(err, ErrNotABrowser) {
			t.Errorf("%s accepted: %v", name, err)
		}
		if ran(marker) {
			t.Errorf("%s was executed during validation", name)
		}
	}
}

func TestValidateRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "chromium")
	if err := os.WriteFile(plain, []byte("#!/bin/sh\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	folder := filepath.Join(dir, "sub", "chrome")
	if err := os.MkdirAll(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{plain, folder, "chromium", filepath.Join(dir, "missing", "chromium"), ""} {
		if err := CheckPath(p); !errors.Is(err, ErrNotABrowser) {
			t.Errorf("%q accepted: %v", p, err)
		}
	}
}

// A file named like a browser runs once, on the user's confirmation, and
// must then answer --version like one.
func TestValidateChecksVersionAnswer(t *testing.T) {
	script, marker := fakeBrowser(t, "chromium", "I am not a browser")
	_, err := ValidatePath(context.Background(), script)
	if !errors.Is(err, ErrNotABrowser) || !strings.Contains(err.Error(), "I am not a browser") {
		t.Fatalf("wrong answer accepted: %v", err)
	}
	if !ran(marker) {
		t.Fatal("the confirmation should have asked --version")
	}
}

func TestValidateRealChromium(t *testing.T) {
	const exe = "/usr/bin/chromium"
	if _, err := os.Stat(exe); err != nil {
		t.Skip("no /usr/bin/chromium installed")
	}
	v, err := ValidatePath(context.Background(), exe)
	for try := 0; try < 2 && err != nil && strings.Contains(err.Error(), "did not answer --version"); try++ {
		v, err = ValidatePath(context.Background(), exe) // a loaded machine, not a wrong answer
	}
	if err != nil || !strings.HasPrefix(v, "Chromium ") {
		t.Fatalf("real chromium: %q %v", v, err)
	}
}

func TestUnconfirmedPathNeverRuns(t *testing.T) {
	script, marker := fakeBrowser(t, "chromium", "Chromium 120")
	src := New(Config{ExecPath: script, WebBase: "http://127.0.0.1:1"})
	err := src.Run(context.Background(), source.Target{UniqueID: "x"}, sourcetest.New())
	if e := source.AsError(err); e == nil || e.Code != source.CodeUnavailable || !strings.Contains(e.Message, "not confirmed") {
		t.Fatalf("unconfirmed path: %v", err)
	}
	if ran(marker) {
		t.Fatal("an unconfirmed browser path was executed")
	}
	evil, evilMarker := fakeBrowser(t, "evil", "Chromium 120")
	src = New(Config{ExecPath: evil, Confirmed: true, WebBase: "http://127.0.0.1:1"})
	err = src.Run(context.Background(), source.Target{UniqueID: "x"}, sourcetest.New())
	if e := source.AsError(err); e == nil || e.Code != source.CodeUnavailable || ran(evilMarker) {
		t.Fatalf("a confirmed path that is not a browser: %v (ran: %v)", err, ran(evilMarker))
	}
}

func TestVersionFromWindowsLayout(t *testing.T) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "msedge.exe")
	for _, p := range []string{exe, filepath.Join(dir, "119.0.2151.97", "msedge.dll"), filepath.Join(dir, "120.0.2210.61", "msedge.dll"),
		filepath.Join(dir, "121.0.0.1", "readme.txt")} {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("x"), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if v, err := versionFromLayout(exe); err != nil || v != "Microsoft Edge 120.0.2210.61" {
		t.Fatalf("edge layout: %q %v", v, err)
	}
	fake := filepath.Join(t.TempDir(), "chrome.exe")
	if err := os.WriteFile(fake, []byte("MZ"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := versionFromLayout(fake); !errors.Is(err, ErrNotABrowser) {
		t.Fatalf("a lone chrome.exe: %v", err)
	}
}
