package update

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/rs/zerolog"
)

// fakeGitHub serves a release feed in GitHub's format with one Linux
// tarball, one Windows installer and their SHA256SUMS.
type fakeGitHub struct {
	tag      string
	files    map[string][]byte
	sums     string // SHA256SUMS content; "" = computed from files
	feedBody string // overrides the feed JSON when set
	srv      *httptest.Server
}

func newFake(t *testing.T, tag string) *fakeGitHub {
	f := &fakeGitHub{tag: tag, files: map[string][]byte{}}
	v := strings.TrimPrefix(tag, "v")
	f.files["ltth-"+v+"-linux-amd64.tar.gz"] = tarball(t, "#!/bin/sh\necho new ltth "+v+"\n")
	f.files["ltth-"+v+"-windows-amd64-setup.exe"] = []byte("MZ fake installer " + v)
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeGitHub) feedURL() string { return f.srv.URL + "/repos/ltth/ltth/releases/latest" }

func (f *fakeGitHub) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/repos/ltth/ltth/releases/latest" {
		if f.feedBody != "" {
			w.Write([]byte(f.feedBody))
			return
		}
		var assets []map[string]any
		for name, b := range f.files {
			assets = append(assets, map[string]any{"name": name, "size": len(b), "browser_download_url": f.srv.URL + "/dl/" + name})
		}
		assets = append(assets, map[string]any{"name": ChecksumsAsset, "browser_download_url": f.srv.URL + "/dl/" + ChecksumsAsset})
		json.NewEncoder(w).Encode(map[string]any{"tag_name": f.tag, "html_url": "https://example.invalid/releases/" + f.tag, "body": "notes", "assets": assets})
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/dl/")
	if name == ChecksumsAsset {
		w.Write([]byte(f.checksums()))
		return
	}
	b, ok := f.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Write(b)
}

func (f *fakeGitHub) checksums() string {
	if f.sums != "" {
		return f.sums
	}
	var sb strings.Builder
	for name, b := range f.files {
		s := sha256.Sum256(b)
		fmt.Fprintf(&sb, "%s  %s\n", hex.EncodeToString(s[:]), name)
	}
	return sb.String()
}

func tarball(t *testing.T, content string) []byte {
	var buf bytes.Buffer
	gz := gzip.NewWriter(&buf)
	tw := tar.NewWriter(gz)
	for _, f := range []struct{ name, body string }{{"ltth-x/README.md", "readme"}, {"ltth-x/ltth", content}} {
		if err := tw.WriteHeader(&tar.Header{Name: f.name, Mode: 0o755, Size: int64(len(f.body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		tw.Write([]byte(f.body))
	}
	tw.Close()
	gz.Close()
	return buf.Bytes()
}

func newUpdater(t *testing.T, version, feed, goos string) (*Updater, string) {
	dir := t.TempDir()
	exe := filepath.Join(dir, "bin", "ltth")
	os.MkdirAll(filepath.Dir(exe), 0o755)
	os.WriteFile(exe, []byte("old binary"), 0o755)
	u, err := New(Options{DataDir: dir, Version: version, Log: zerolog.Nop(), GOOS: goos, Executable: exe, StartDelay: time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	if feed != "" {
		if err := u.SetSettings(Settings{Enabled: true, FeedURL: feed}); err != nil {
			t.Fatal(err)
		}
	}
	return u, exe
}

func TestCheckNewerSameOlder(t *testing.T) {
	f := newFake(t, "v1.2.0")
	for _, c := range []struct {
		running, want string
	}{
		{"1.1.9", StateAvailable},
		{"1.2.0", StateUpToDate},
		{"v1.3.0", StateUpToDate},
		{"1.2.0-rc.1", StateAvailable},
		{"0.1.0-dev", StateAvailable},
	} {
		u, _ := newUpdater(t, c.running, f.feedURL(), "linux")
		st := u.Check(context.Background())
		if st.State != c.want || st.Latest != "1.2.0" {
			t.Errorf("running %s: %+v, want state %s with latest 1.2.0", c.running, st, c.want)
		}
		if c.want == StateAvailable && st.Asset != "ltth-1.2.0-linux-amd64.tar.gz" {
			t.Errorf("running %s: asset %q", c.running, st.Asset)
		}
	}
}

func TestMalformedFeed(t *testing.T) {
	f := newFake(t, "v1.2.0")
	for _, body := range []string{"<html>rate limited</html>", `{"tag_name": "latest-build"}`, `[]`, `{"tag_name":"v2.0.0","assets":[{"name":""}]}`} {
		f.feedBody = body
		u, _ := newUpdater(t, "1.0.0", f.feedURL(), "linux")
		st := u.Check(context.Background())
		if st.State != StateError || !strings.Contains(st.Error, "malformed release feed") {
			t.Errorf("feed %q: %+v", body, st)
		}
		if err := u.Download(context.Background()); !errors.Is(err, ErrNothingToDownload) {
			t.Errorf("feed %q: download after a malformed feed: %v", body, err)
		}
	}
}

func TestServerDownStartsCleanlyAndSaysSo(t *testing.T) {
	f := newFake(t, "v1.2.0")
	url := f.feedURL()
	f.srv.Close()
	u, _ := newUpdater(t, "1.0.0", url, "linux")
	u.o.StartDelay = 0
	if err := u.Start(context.Background()); err != nil {
		t.Fatalf("start with the feed down: %v", err)
	}
	defer u.Stop(context.Background())
	deadline := time.Now().Add(10 * time.Second)
	for u.Status().State != StateError && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if st := u.Status(); st.State != StateError || !strings.Contains(st.Error, "update check failed") {
		t.Fatalf("status with the feed down: %+v", st)
	}
}

func TestDownloadVerifyAndReplaceBinary(t *testing.T) {
	f := newFake(t, "v1.2.0")
	u, exe := newUpdater(t, "1.0.0", f.feedURL(), "linux")
	u.Check(context.Background())
	if err := u.Download(context.Background()); err != nil {
		t.Fatal(err)
	}
	if st := u.Status(); st.State != StateReady || st.Progress != 1 || st.Downloaded != int64(len(f.files[st.Asset])) {
		t.Fatalf("after download: %+v", st)
	}
	if err := u.Install(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(exe); string(b) != "#!/bin/sh\necho new ltth 1.2.0\n" {
		t.Fatalf("binary after install: %q", b)
	}
	if fi, _ := os.Stat(exe); fi.Mode().Perm()&0o100 == 0 {
		t.Fatalf("new binary not executable: %v", fi.Mode())
	}
	if u.Status().State != StateInstalled {
		t.Fatalf("state %+v", u.Status())
	}
}

func TestWrongChecksumIsRefusedAndNothingReplaced(t *testing.T) {
	f := newFake(t, "v1.2.0")
	name := "ltth-1.2.0-linux-amd64.tar.gz"
	f.sums = strings.Repeat("ab", 32) + "  " + name + "\n"
	u, exe := newUpdater(t, "1.0.0", f.feedURL(), "linux")
	u.Check(context.Background())
	err := u.Download(context.Background())
	if !errors.Is(err, ErrChecksum) {
		t.Fatalf("tampered download: %v", err)
	}
	if st := u.Status(); st.State != StateError || !strings.Contains(st.Error, "checksum mismatch") {
		t.Fatalf("status: %+v", st)
	}
	if left, _ := os.ReadDir(u.updatesDir()); len(left) != 0 {
		t.Fatalf("files left in the updates folder: %v", left)
	}
	if err := u.Install(); !errors.Is(err, ErrNotReady) {
		t.Fatalf("install after a refused download: %v", err)
	}
	if b, _ := os.ReadFile(exe); string(b) != "old binary" {
		t.Fatalf("binary changed: %q", b)
	}
}

func TestMissingChecksumsFileIsRefused(t *testing.T) {
	f := newFake(t, "v1.2.0")
	f.sums = strings.Repeat("ab", 32) + "  some-other-file\n"
	u, exe := newUpdater(t, "1.0.0", f.feedURL(), "linux")
	u.Check(context.Background())
	if err := u.Download(context.Background()); err == nil || !strings.Contains(err.Error(), "does not list") {
		t.Fatalf("download without a checksum line: %v", err)
	}
	if b, _ := os.ReadFile(exe); string(b) != "old binary" {
		t.Fatalf("binary changed: %q", b)
	}
}

func TestWindowsStagesTheInstallerForTheNextStart(t *testing.T) {
	f := newFake(t, "v1.2.0")
	u, _ := newUpdater(t, "1.0.0", f.feedURL(), "windows")
	u.Check(context.Background())
	if err := u.Download(context.Background()); err != nil {
		t.Fatal(err)
	}
	if err := u.Install(); err != nil {
		t.Fatal(err)
	}
	p, err := readPending(u.o.DataDir)
	if err != nil || filepath.Base(p.File) != "ltth-1.2.0-windows-amd64-setup.exe" || p.Version != "1.2.0" {
		t.Fatalf("pending %+v: %v", p, err)
	}
	// A staged installer altered after verification is dropped, never run.
	os.WriteFile(p.File, []byte("MZ evil"), 0o644)
	started, err := ApplyPending(u.o.DataDir)
	if started || err == nil || !strings.Contains(err.Error(), "changed or vanished") {
		t.Fatalf("tampered staged installer: started=%v err=%v", started, err)
	}
	if _, err := os.Stat(p.File); !os.IsNotExist(err) {
		t.Fatalf("tampered installer kept: %v", err)
	}
	if started, err := ApplyPending(u.o.DataDir); started || err != nil {
		t.Fatalf("nothing pending: %v %v", started, err)
	}
}

func TestSettingsPersistAndValidate(t *testing.T) {
	u, _ := newUpdater(t, "1.0.0", "", "linux")
	if s := u.Settings(); !s.Enabled || s.FeedURL != DefaultFeedURL {
		t.Fatalf("defaults %+v", s)
	}
	if err := u.SetSettings(Settings{Enabled: true, FeedURL: "file:///etc/passwd"}); !errors.Is(err, ErrBadFeedURL) {
		t.Fatalf("file URL accepted: %v", err)
	}
	if err := u.SetSettings(Settings{Enabled: false, FeedURL: "https://example.invalid/feed"}); err != nil {
		t.Fatal(err)
	}
	again, err := New(Options{DataDir: u.o.DataDir, Version: "1.0.0", Log: zerolog.Nop()})
	if err != nil {
		t.Fatal(err)
	}
	if s := again.Settings(); s.Enabled || s.FeedURL != "https://example.invalid/feed" {
		t.Fatalf("reloaded %+v", s)
	}
}

func TestCompare(t *testing.T) {
	order := []string{"0.9.9", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.10.0", "2.0.0"}
	for i := range order {
		for j := range order {
			a, _ := ParseVersion(order[i])
			b, _ := ParseVersion(order[j])
			if got, want := Compare(a, b), sign(i-j); got != want {
				t.Errorf("Compare(%s, %s) = %d, want %d", order[i], order[j], got, want)
			}
		}
	}
	for _, bad := range []string{"", "1.2", "1.2.x", "01.2.3", "1.2.3-", "4387a6b"} {
		if _, err := ParseVersion(bad); err == nil {
			t.Errorf("ParseVersion(%q) accepted", bad)
		}
	}
}

func TestDevelopmentBuildsDoNotCheckByThemselves(t *testing.T) {
	for _, v := range []string{"4387a6b-dirty", "0.1.0-dev"} {
		t.Run(v, func(t *testing.T) { developmentBuildDoesNotCheck(t, v) })
	}
}

// developmentBuildDoesNotCheck: a commit-hash build and the source tree's
// own "-dev" version never call the feed by themselves (tests, CI, make run).
func developmentBuildDoesNotCheck(t *testing.T, version string) {
	f := newFake(t, "v1.2.0")
	hits := 0
	inner := f.srv.Config.Handler
	f.srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { hits++; inner.ServeHTTP(w, r) })
	u, _ := newUpdater(t, version, f.feedURL(), "linux")
	u.o.StartDelay = 0
	u.Start(context.Background())
	time.Sleep(200 * time.Millisecond)
	u.Stop(context.Background())
	if hits != 0 || u.Status().State != StateIdle {
		t.Fatalf("a development build checked by itself: %d requests, %+v", hits, u.Status())
	}
	if st := u.Check(context.Background()); st.State != StateAvailable {
		t.Fatalf("Check now from a development build: %+v", st)
	}
}
