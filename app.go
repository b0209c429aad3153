package main

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"
	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/runtime"

	"github.com/ltth/ltth/backend/alert"
	"github.com/ltth/ltth/backend/appconfig"
	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/core"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/obs"
	"github.com/ltth/ltth/backend/tray"
	"github.com/ltth/ltth/backend/update"
)

//go:embed build/appicon.png
var appIcon []byte

// App is the Wails-facing façade: lifecycle hooks, tray wiring and the
// methods bound to the dashboard. It holds no business logic.
type App struct {
	opts     core.Options
	ctx      context.Context
	core     *core.Core
	tray     *tray.Tray
	traySub  *bus.Subscription
	once     sync.Once
	ready    chan struct{}
	startErr error
	quitting atomic.Bool
	hidden   bool // start hidden in the tray (--start-minimized or the setting)
}

// Bootstrap is what the dashboard needs to reach the local listener.
type Bootstrap struct {
	ListenURL  string `json:"listenUrl"`
	OverlayURL string `json:"overlayUrl"`
	Version    string `json:"version"`
	Headless   bool   `json:"headless"`
	Profile    string `json:"profile"`
	DataDir    string `json:"dataDir"`
	Error      string `json:"error"`
}

func runDesktop(o core.Options, stderr io.Writer) int {
	a := &App{opts: o, ready: make(chan struct{}), hidden: startHidden(o)}
	err := wails.Run(&options.App{
		Title:             "LTTH",
		Width:             1280,
		Height:            820,
		MinWidth:          900,
		MinHeight:         600,
		AssetServer:       &assetserver.Options{Assets: dashboardFS()},
		BackgroundColour:  &options.RGBA{R: 14, G: 16, B: 22, A: 255},
		HideWindowOnClose: true,
		StartHidden:       a.hidden,
		SingleInstanceLock: &options.SingleInstanceLock{
			UniqueId:               "io.ltth.desktop",
			OnSecondInstanceLaunch: a.onSecondInstance,
		},
		OnStartup:  a.startup,
		OnDomReady: a.domReady,
		OnShutdown: a.shutdown,
		Bind:       append([]any{a}, a.boundServices()...),
		Linux:      &linux.Options{ProgramName: "ltth", Icon: appIcon},
	})
	if err != nil {
		fmt.Fprintln(stderr, "ltth:", err)
		return 1
	}
	if a.startErr != nil {
		return 1
	}
	return 0
}

func (a *App) startup(ctx context.Context) { a.ctx = ctx }

// startHidden: --start-minimized, or the "start minimized to tray" setting
// (the tray brings the window back).
func startHidden(o core.Options) bool {
	cfg, _ := appconfig.Load(o.DataDir) // a broken file is reported once the core starts
	return o.StartMinimized || cfg.StartMinimized
}

// domReady starts the backend and tray once. Side effects live here, not in
// startup: a second instance runs startup before Wails' single-instance
// check sends it away.
func (a *App) domReady(ctx context.Context) {
	a.once.Do(func() {
		defer close(a.ready)
		o := a.opts
		o.Dashboard = dashboardFS()
		c, err := core.New(o)
		if err == nil {
			err = c.Start(ctx)
		}
		if err != nil {
			a.startErr = err
			runtime.LogError(ctx, err.Error())
			return
		}
		a.core = c
		a.tray = tray.New(appIcon, a.trayActions())
		a.tray.Start()
		a.refreshTrayOnChanges(c.Bus())
		a.forwardFeed(ctx, c.Bus())
	})
}

// refreshTrayOnChanges keeps the tray's labels (status line, Connect /
// Disconnect, Pause / Resume alerts) in step with changes made elsewhere:
// the dashboard, the API, the connector's and the OBS bridge's state changes.
func (a *App) refreshTrayOnChanges(b *bus.Bus) {
	sub := b.Subscribe("tray", 16, func(m *domain.Message) bool {
		return m.Type == domain.MsgConnection || m.Type == alert.TypePaused || m.Type == obs.TypeStatus || m.Type == update.TypeStatus ||
			m.Type == core.TypeAppLanguage
	})
	a.traySub = sub
	go func() {
		for range sub.C() {
			a.tray.Refresh()
		}
	}()
}

func (a *App) shutdown(ctx context.Context) {
	if a.traySub != nil {
		a.traySub.Close()
	}
	if a.tray != nil {
		a.tray.Stop()
	}
	if a.core != nil {
		stopCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		a.core.Stop(stopCtx)
	}
}

func (a *App) onSecondInstance(options.SecondInstanceData) {
	runtime.WindowUnminimise(a.ctx)
	runtime.WindowShow(a.ctx)
}

func (a *App) trayActions() tray.Actions {
	bg := context.Background()
	return tray.Actions{
		Show:              func() { runtime.WindowShow(a.ctx) },
		Hide:              func() { runtime.WindowHide(a.ctx) },
		Connect:           func() { a.logErr(a.core.Connect(bg)) },
		Disconnect:        func() { a.logErr(a.core.Disconnect(bg)) },
		SetAlertsPaused:   func(p bool) { a.logErr(a.core.SetAlertsPaused(p)) },
		StopSounds:        func() { a.logErr(a.core.StopAllSounds()) },
		CopyOverlayURL:    func() { a.logErr(runtime.ClipboardSetText(a.ctx, a.core.OverlayURL())) },
		Quit:              func() { a.quitting.Store(true); runtime.Quit(a.ctx) },
		IsConnected:       a.connectionActive,
		AreAlertsPaused:   a.core.AlertsPaused,
		ConnectionSummary: a.core.ConnectionSummary,
		OBSSummary:        a.core.OBSSummary,
		UpdateSummary:     a.core.UpdateSummary,
		Language:          func() string { return appconfig.ResolveLanguage(a.core.AppLanguage()) },
	}
}

// connectionActive is true while LTTH is live or trying to be, so the tray
// offers "Disconnect" (which also cancels a reconnect loop).
func (a *App) connectionActive() bool {
	switch a.core.Connection().State {
	case "connected", "connecting", "reconnecting":
		return true
	}
	return false
}

func (a *App) logErr(err error) {
	if err != nil {
		a.core.Log().Warn().Err(err).Msg("tray action failed")
	}
}

// waitReady blocks until the backend started (or failed), at most 15 s.
func (a *App) waitReady() bool {
	select {
	case <-a.ready:
		return a.core != nil
	case <-time.After(15 * time.Second):
		return false
	}
}

// GetBootstrap returns the listener address and API token for the dashboard.
func (a *App) GetBootstrap() Bootstrap {
	if !a.waitReady() {
		msg := "LTTH could not start"
		if a.startErr != nil {
			msg = a.startErr.Error()
		}
		return Bootstrap{Version: version, Error: msg}
	}
	a.core.NoteBindingCall()
	return Bootstrap{
		ListenURL: a.core.URL(), OverlayURL: a.core.OverlayURL(),
		Version: version, Profile: a.core.ActiveProfile(), DataDir: a.opts.DataDir,
	}
}

// CopyText puts text on the system clipboard (the webview's clipboard API
// is not always available inside WebKitGTK).
func (a *App) CopyText(text string) error {
	return runtime.ClipboardSetText(a.ctx, text)
}

// SaveDownload saves a file the listener serves for download (exported
// flows) where the user picks in a native Save dialog: the webview's own
// downloads do not work inside every WebKitGTK window. The route is
// answered in process (no socket, so it works with the overlay port busy).
// It returns the saved path, or "" when the user cancelled.
func (a *App) SaveDownload(apiPath, filename string) (string, error) {
	if !strings.HasPrefix(apiPath, "/api/") || strings.Contains(apiPath, "..") {
		return "", fmt.Errorf("not an export path: %q", apiPath)
	}
	if !a.waitReady() {
		return "", fmt.Errorf("LTTH is not running")
	}
	dest, err := runtime.SaveFileDialog(a.ctx, runtime.SaveDialogOptions{Title: "Save export", DefaultFilename: filename})
	if err != nil || dest == "" {
		return "", err
	}
	return dest, a.saveDownloadTo(apiPath, dest)
}

// saveDownloadTo writes the answer of GET apiPath into dest, atomically; a
// refused answer changes nothing.
func (a *App) saveDownloadTo(apiPath, dest string) error {
	status, body := a.core.GetInternal(a.callCtx(), apiPath)
	if status != http.StatusOK {
		var e struct {
			Error string `json:"error"`
		}
		_ = json.Unmarshal(body, &e)
		return fmt.Errorf("export failed (%d): %s", status, e.Error)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dest), ".ltth-export-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(body); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", dest, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", dest, err)
	}
	return os.Rename(tmp.Name(), dest)
}

// OpenFolder shows the data ("data") or logs ("logs") folder in the OS
// file manager.
func (a *App) OpenFolder(which string) error {
	if !a.waitReady() {
		return fmt.Errorf("LTTH is not running")
	}
	return a.core.OpenFolder(which)
}

// HideToTray hides the dashboard window; the tray brings it back.
func (a *App) HideToTray() { runtime.WindowHide(a.ctx) }
