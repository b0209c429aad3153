// Package browser is the source that drives the streamer's own
// Chromium-family browser (Chrome, Edge, Brave, Chromium) over the DevTools
// protocol: it opens the LIVE page and captures the binary websocket frames
// TikTok's player receives (Network.webSocketFrameReceived), which LTTH then
// decodes like any other push frames. The player does the enter-room,
// heartbeats and acks itself.
package browser

import (
	"context"
	"net/url"
	"os"
	"strings"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/tiktok/source"
)

// Config configures browser capture.
type Config struct {
	WebBase  string // TikTok web (default https://www.tiktok.com)
	ExecPath string // browser executable; "" = look for an installed one
	// Confirmed says the user confirmed ExecPath in the dashboard (which
	// ran ValidatePath); an unconfirmed ExecPath is never run.
	Confirmed    bool
	Headless     bool   // no window (tests, servers); a window lets the streamer log in
	ProfileDir   string // persistent browser profile; "" = a temporary one
	StartTimeout time.Duration
	// PushSocket reports whether a websocket URL is TikTok's push socket
	// (default: the path contains /webcast/im/).
	PushSocket func(wsURL string) bool
	Log        zerolog.Logger
}

// Source is the browser capture source.
type Source struct{ cfg Config }

// New returns a browser capture source.
func New(cfg Config) *Source {
	if cfg.WebBase == "" {
		cfg.WebBase = "https://www.tiktok.com"
	}
	if cfg.StartTimeout <= 0 {
		cfg.StartTimeout = 45 * time.Second
	}
	if cfg.PushSocket == nil {
		cfg.PushSocket = func(u string) bool { return strings.Contains(u, "/webcast/im/") }
	}
	cfg.WebBase = strings.TrimRight(cfg.WebBase, "/")
	return &Source{cfg: cfg}
}

// Name implements source.Source.
func (s *Source) Name() string { return source.NameBrowser }

// Run opens the LIVE page and forwards the push socket's frames until the
// stream ends, the browser goes away or ctx ends.
func (s *Source) Run(ctx context.Context, t source.Target, sink source.Sink) error {
	err := s.run(ctx, t, sink)
	if ctx.Err() != nil {
		return ctx.Err()
	}
	if e := source.AsError(err); e != nil {
		e.Source = s.Name()
		return e
	}
	return err
}

func (s *Source) run(ctx context.Context, t source.Target, sink source.Sink) error {
	if t.UniqueID == "" {
		return source.Errorf(source.CodeUnavailable, "Browser capture needs a username, not a room id.")
	}
	exe := s.cfg.ExecPath
	if err := s.checkExec(exe); err != nil {
		return err
	}
	if exe == "" {
		exe = FindBrowser()
	}
	if exe == "" {
		return source.Errorf(source.CodeUnavailable, "No Chrome, Edge, Brave or Chromium was found. "+
			"Install one, or enter the browser's path under Settings → Connection.")
	}
	profile, cleanup, err := s.profileDir()
	if err != nil {
		return source.Errorf(source.CodeUnavailable, "Could not prepare a browser profile.").WithCause(err)
	}
	defer cleanup()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, s.allocatorOptions(exe, profile)...)
	defer cancelAlloc()
	tabCtx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()
	q := newQueue(s.cfg.PushSocket)
	if err := chromedp.Listen(tabCtx, q.onEvent); err != nil {
		return source.Errorf(source.CodeUnavailable, "Could not start the browser (%s).", exe).WithCause(err)
	}
	if err := chromedp.Do(tabCtx); err != nil {
		return source.Errorf(source.CodeUnavailable, "Could not start the browser (%s).", exe).WithCause(err)
	}
	page := s.cfg.WebBase + "/@" + url.PathEscape(t.UniqueID) + "/live"
	if err := chromedp.Do(tabCtx, chromedp.Navigate(page)); err != nil {
		return source.ErrNetwork("the LIVE page in the browser", err)
	}
	return s.pump(ctx, tabCtx, q, t, sink)
}

// checkExec refuses a configured browser path that the user has not
// confirmed or that no longer looks like a browser (it is never run).
func (s *Source) checkExec(exe string) error {
	if exe == "" {
		return nil
	}
	if !s.cfg.Confirmed {
		return source.Errorf(source.CodeUnavailable, "The browser path %s is not confirmed: "+
			"confirm it under Settings → Connection before LTTH runs it.", exe)
	}
	if err := CheckPath(exe); err != nil {
		return source.Errorf(source.CodeUnavailable, "The browser path is refused: %v.", err).WithCause(err)
	}
	return nil
}

func (s *Source) profileDir() (string, func(), error) {
	if s.cfg.ProfileDir != "" {
		return s.cfg.ProfileDir, func() {}, os.MkdirAll(s.cfg.ProfileDir, 0o700)
	}
	dir, err := os.MkdirTemp("", "ltth-browser-")
	if err != nil {
		return "", func() {}, err
	}
	return dir, func() { _ = os.RemoveAll(dir) }, nil
}

func (s *Source) allocatorOptions(exe, profile string) []chromedp.ExecAllocatorOption {
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe), chromedp.UserDataDir(profile), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("autoplay-policy", "no-user-gesture-required"),
	}
	if s.cfg.Headless {
		opts = append(opts, chromedp.Flag("headless", "new"), chromedp.DisableGPU, chromedp.Flag("mute-audio", true))
	}
	if needsNoSandbox() {
		opts = append(opts, chromedp.NoSandbox)
	}
	return opts
}

// pump delivers captured frames to the sink.
func (s *Source) pump(ctx, tabCtx context.Context, q *queue, t source.Target, sink source.Sink) error {
	timeout := time.NewTimer(s.cfg.StartTimeout)
	defer timeout.Stop()
	connected := false
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-tabCtx.Done():
			return source.Errorf(source.CodeUnavailable, "The browser was closed.")
		case <-timeout.C:
			if !connected {
				return source.Errorf(source.CodeNotLive, "The LIVE page opened but no live connection started within %s: "+
					"@%s may not be LIVE, or the browser shows a login or captcha page.", s.cfg.StartTimeout, t.UniqueID)
			}
		case <-q.signal:
		}
		if !connected {
			if wsURL, ok := q.socketURL(); ok {
				connected = true
				sink.Connected(source.ConnInfo{RoomID: roomIDOf(wsURL), UniqueID: t.UniqueID, Detail: "capturing the LIVE page"})
			}
		}
		for _, f := range q.take() {
			res, err := sink.Frame(f.data, f.at)
			if err != nil {
				s.cfg.Log.Debug().Err(err).Msg("captured frame not decoded")
				continue
			}
			if res.StreamEnded {
				return source.ErrStreamEnded()
			}
		}
	}
}

func roomIDOf(wsURL string) string {
	u, err := url.Parse(wsURL)
	if err != nil {
		return ""
	}
	return u.Query().Get("room_id")
}
