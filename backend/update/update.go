// Package update checks LTTH's release feed (GitHub's releases API by
// default) on start and once a day, downloads the platform's release file
// with progress, verifies it against the release's SHA-256 checksums and
// stages it: Windows runs the new installer silently on the next start,
// Linux replaces the binary atomically (it is used from the next start).
// A failed or tampered download changes nothing.
package update

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
)

// DefaultFeedURL is the project's release feed.
const DefaultFeedURL = "https://api.github.com/repos/ltth/ltth/releases/latest"

// TypeStatus is the bus message (snapshot key too) carrying Status.
const TypeStatus = "updateStatus"

// States of Status.State.
const (
	StateIdle        = "idle"        // not checked yet (or checks are off)
	StateChecking    = "checking"    // asking the feed
	StateUpToDate    = "upToDate"    // the feed has nothing newer
	StateAvailable   = "available"   // a newer release exists
	StateDownloading = "downloading" // Progress tells how far
	StateReady       = "ready"       // downloaded and verified, not installed yet
	StatePending     = "pending"     // Windows: the installer runs on the next start
	StateInstalled   = "installed"   // Linux: the binary was replaced; restart to use it
	StateError       = "error"       // Error tells why; nothing was changed
)

// Options configures an Updater.
type Options struct {
	DataDir    string // settings and downloads live here (required)
	Version    string // the running version
	Bus        *bus.Bus
	Log        zerolog.Logger
	Client     *http.Client  // nil: a client with a 30 s timeout per feed request
	Interval   time.Duration // between automatic checks; 0 = 24 h
	StartDelay time.Duration // before the first automatic check; 0 = none
	GOOS       string        // platform whose asset to fetch; "" = runtime.GOOS
	Executable string        // Linux: binary to replace; "" = os.Executable()
}

// Status is what the dashboard shows.
type Status struct {
	State      string  `json:"state"`
	Current    string  `json:"current"`
	Latest     string  `json:"latest,omitempty"`
	ReleaseURL string  `json:"releaseUrl,omitempty"`
	Notes      string  `json:"notes,omitempty"`
	Asset      string  `json:"asset,omitempty"`
	Progress   float64 `json:"progress"` // 0..1 while downloading
	Downloaded int64   `json:"downloaded"`
	Total      int64   `json:"total"`
	Error      string  `json:"error,omitempty"`
	CheckedAt  int64   `json:"checkedAt,omitempty"` // unix ms of the last check
	Enabled    bool    `json:"enabled"`
}

// Updater is the update module (data-dir scoped, not per profile).
type Updater struct {
	o        Options
	settings *settingsFile

	mu       sync.Mutex
	st       Status
	release  *Release
	staged   string // verified file in the updates dir
	busy     bool   // a download runs
	cancel   context.CancelFunc
	runCtx   context.Context // Start's context: background downloads end with it
	wg       sync.WaitGroup
	checkNow chan struct{}
}

// New prepares the updater; nothing runs before Start.
func New(o Options) (*Updater, error) {
	if o.Interval <= 0 {
		o.Interval = 24 * time.Hour
	}
	if o.GOOS == "" {
		o.GOOS = runtime.GOOS
	}
	if o.Client == nil {
		o.Client = &http.Client{Timeout: 10 * time.Minute}
	}
	s, err := openSettings(filepath.Join(o.DataDir, "update.json"))
	if err != nil {
		return nil, err
	}
	u := &Updater{o: o, settings: s, checkNow: make(chan struct{}, 1)}
	u.st = Status{State: StateIdle, Current: o.Version, Enabled: s.get().Enabled}
	return u, nil
}

// ID implements module.Module.
func (u *Updater) ID() string { return "update" }

// Start begins the automatic checks in the background; it never blocks on
// the network and never fails because of it.
func (u *Updater) Start(ctx context.Context) error {
	u.cleanOld()
	ctx, u.cancel = context.WithCancel(ctx)
	u.mu.Lock()
	u.runCtx = ctx
	u.mu.Unlock()
	u.publish()
	u.wg.Add(1)
	go u.loop(ctx)
	return nil
}

// Stop ends the checks and any running download.
func (u *Updater) Stop(ctx context.Context) error {
	if u.cancel != nil {
		u.cancel()
	}
	done := make(chan struct{})
	go func() { u.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (u *Updater) loop(ctx context.Context) {
	defer u.wg.Done()
	first := time.NewTimer(u.o.StartDelay)
	defer first.Stop()
	tick := time.NewTicker(u.o.Interval)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-first.C:
		case <-tick.C:
		case <-u.checkNow:
			u.Check(ctx)
			continue
		}
		if u.settings.get().Enabled && u.releaseBuild() {
			u.Check(ctx)
		}
	}
}

// Status returns the current state.
func (u *Updater) Status() Status {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.st
}

// Check asks the feed now and returns the resulting status. A feed that
// cannot be reached or read leaves StateError with the reason.
func (u *Updater) Check(ctx context.Context) Status {
	u.mu.Lock()
	if u.busy {
		defer u.mu.Unlock()
		return u.st
	}
	u.st.State, u.st.Error = StateChecking, ""
	u.mu.Unlock()
	u.publish()
	reqCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	rel, err := fetchLatest(reqCtx, u.o.Client, u.settings.get().FeedURL)
	u.mu.Lock()
	u.st.CheckedAt = time.Now().UnixMilli()
	switch {
	case err != nil:
		u.st.State, u.st.Error = StateError, "update check failed: "+err.Error()
		u.o.Log.Info().Err(err).Msg("update check failed")
	case !u.newer(rel.Version):
		u.release = nil
		u.st.State, u.st.Latest, u.st.ReleaseURL, u.st.Notes, u.st.Asset = StateUpToDate, rel.Version.String(), rel.URL, "", ""
	default:
		u.release = &rel
		u.st.State, u.st.Latest, u.st.ReleaseURL, u.st.Notes = StateAvailable, rel.Version.String(), rel.URL, rel.Notes
		u.st.Asset = assetName(u.o.GOOS, rel.Version)
		if u.staged != "" && filepath.Base(u.staged) == u.st.Asset {
			u.st.State = StateReady
		}
		u.o.Log.Info().Str("version", u.st.Latest).Msg("an update is available")
	}
	u.mu.Unlock()
	u.publish()
	return u.Status()
}

// releaseBuild reports whether the running version is a semantic version
// other than the source tree's "-dev" one: only release builds check by
// themselves; development builds (a commit hash, "0.1.0-dev", tests) check
// when asked.
func (u *Updater) releaseBuild() bool {
	_, err := ParseVersion(u.o.Version)
	return err == nil && !strings.HasSuffix(u.o.Version, "-dev")
}

// newer reports whether v is newer than the running version. A running
// version that is not semantic (a development build) counts as 0.0.0.
func (u *Updater) newer(v Version) bool {
	cur, err := ParseVersion(u.o.Version)
	if err != nil {
		cur = Version{}
	}
	return Compare(v, cur) > 0
}

func (u *Updater) publish() {
	if u.o.Bus == nil {
		return
	}
	st := u.Status()
	u.o.Bus.Publish(domain.Message{Type: TypeStatus, TS: time.Now().UnixMilli(), Data: st, Key: TypeStatus})
}

func (u *Updater) setError(msg string) {
	u.mu.Lock()
	u.st.State, u.st.Error = StateError, msg
	u.mu.Unlock()
	u.publish()
}

// updatesDir holds downloads and the staged installer.
func (u *Updater) updatesDir() string { return filepath.Join(u.o.DataDir, "updates") }

// cleanOld removes partial downloads left by a crash and a staged file of a
// version that is already running.
func (u *Updater) cleanOld() {
	parts, _ := filepath.Glob(filepath.Join(u.updatesDir(), "*.part"))
	for _, p := range parts {
		os.Remove(p)
	}
	if p, err := readPending(u.o.DataDir); err == nil {
		if v, err := ParseVersion(p.Version); err == nil && !u.newer(v) {
			os.RemoveAll(u.updatesDir())
		}
	}
}

// assetName is the release file this platform installs from.
func assetName(goos string, v Version) string {
	if goos == "windows" {
		return "ltth-" + v.String() + "-windows-amd64-setup.exe"
	}
	return "ltth-" + v.String() + "-" + goos + "-amd64.tar.gz"
}
