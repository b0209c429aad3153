package core

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync"

	"github.com/ltth/ltth/backend/appconfig"
	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

// appSettings is the app-level settings file and what applying it needs.
type appSettings struct {
	store  *appconfig.Store
	notice string     // why the file on disk was not used (kept as .bak)
	mu     sync.Mutex // one change at a time
}

// openAppSettings loads <data-dir>/settings.json and fills what the flags
// left open: the listen address, the LAN opt-in and the log level. A
// broken file leaves the defaults in effect and a notice for the page.
func openAppSettings(opts *Options) (*appSettings, error) {
	st, err := appconfig.Open(opts.DataDir)
	var broken *appconfig.BrokenError
	if err != nil && !errors.As(err, &broken) {
		return nil, err
	}
	a := &appSettings{store: st}
	if broken != nil {
		a.notice = broken.Error()
	}
	cfg := st.Get()
	if opts.Listen == "" {
		opts.Listen = cfg.ListenAddr()
		opts.AllowLAN = opts.AllowLAN || cfg.AllowLAN
	}
	if opts.LogLevel == "" {
		opts.LogLevel = cfg.LogLevel
	}
	return a, nil
}

func (c *Core) settingsRoutes() []module.Route {
	return []module.Route{
		{Pattern: "GET /api/settings/app", Handler: c.needToken(c.handleGetAppSettings),
			Summary: "App settings (theme, port, LAN, start-up, log level) with the listener URL, folders and autostart state"},
		{Pattern: "PUT /api/settings/app", Handler: c.needToken(c.handlePutAppSettings),
			Summary: "Change the app settings; a new port or LAN setting moves the listener at once (a busy port changes nothing)"},
		{Pattern: "GET /api/settings/token", Handler: c.needToken(c.handleGetToken),
			Summary: "The API token {token}, for the streamer to copy into a tool"},
		{Pattern: "POST /api/settings/token/rotate", Handler: c.needToken(c.handleRotateToken),
			Summary: "Replace the API token; the old one is refused at once. Answers {token}"},
	}
}

// AppSettings are the app settings with the listener URL, folders and
// autostart state (service.Settings.Get).
func (c *Core) AppSettings() service.AppSettingsView {
	on, err := appconfig.AutostartEnabled()
	st := service.AppSettingsStatus{
		ListenURL: c.URL(), LANAddresses: c.lanAddresses(), LogLevel: c.log.Level(),
		AutostartActive: on, DataDir: c.opts.DataDir, LogsDir: c.LogsDir(),
		Headless: c.opts.Headless, Notice: c.app.notice,
	}
	if err != nil {
		st.AutostartError = err.Error()
	}
	return service.AppSettingsView{Settings: c.app.store.Get(), Status: st}
}

func (c *Core) handleGetAppSettings(w http.ResponseWriter, r *http.Request) {
	v, err := c.Services().Settings.Get(r.Context())
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (c *Core) handlePutAppSettings(w http.ResponseWriter, r *http.Request) {
	body, err := httpapi.ReadBody(r)
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	next, err := appconfig.Decode(body)
	if err != nil {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, "settings: "+err.Error()))
		return
	}
	v, err := c.Services().Settings.Put(r.Context(), next)
	httpapi.Reply(w, http.StatusOK, v, err)
}

// ApplyAppSettings applies and saves next. Each step that fails undoes the
// ones before it, so a refused change (a busy port) changes nothing.
func (c *Core) ApplyAppSettings(next appconfig.Config) error {
	c.app.mu.Lock()
	defer c.app.mu.Unlock()
	prev := c.app.store.Get()
	autostartDone, err := c.applyAutostart(prev, next)
	if err != nil {
		return err
	}
	undoAutostart := func() {
		if autostartDone {
			_ = appconfig.SetAutostart(prev.Autostart, c.exe(), c.autostartArgs(prev))
		}
	}
	moved := next.Port != prev.Port || next.AllowLAN != prev.AllowLAN
	oldAddr, oldLAN := c.srv.Addr(), c.opts.AllowLAN
	if moved {
		if err := c.srv.Relisten(next.ListenAddr(), next.AllowLAN, appconfig.Listen); err != nil {
			undoAutostart()
			return err
		}
	}
	if err := c.app.store.Save(next); err != nil {
		undoAutostart()
		if moved {
			_ = c.srv.Relisten(oldAddr, oldLAN, appconfig.Listen)
		}
		return err
	}
	if moved {
		c.opts.AllowLAN = next.AllowLAN
		c.followListener()
	}
	if next.LogLevel != prev.LogLevel {
		_ = c.log.SetLevel(next.LogLevel)
	}
	c.app.notice = ""
	if next.Language != prev.Language {
		c.languageChanged()
		c.bus.Publish(domain.Message{Type: TypeAppLanguage, Data: map[string]string{"language": next.Language}})
	}
	return nil
}

// TypeAppLanguage is published when the language setting changes (the tray
// relabels its menu).
const TypeAppLanguage = "appLanguage"

// AppLanguage is the language setting: "" follows the system, else a code.
func (c *Core) AppLanguage() string { return c.app.store.Get().Language }

// resolvedLanguage is the language in effect ("en", "de"): the setting, or
// the system's language when it follows the system.
func (c *Core) resolvedLanguage() string { return appconfig.ResolveLanguage(c.AppLanguage()) }

// applyAutostart writes or removes the login entry when the setting asks
// for something else than the system has, or the entry's arguments change.
func (c *Core) applyAutostart(prev, next appconfig.Config) (bool, error) {
	on, _ := appconfig.AutostartEnabled()
	if next.Autostart == on && (!on || next.StartMinimized == prev.StartMinimized) {
		return false, nil
	}
	if err := appconfig.SetAutostart(next.Autostart, c.exe(), c.autostartArgs(next)); err != nil {
		return false, httpapi.NewError(httpapi.ErrUnprocessable, err.Error())
	}
	return true, nil
}

// autostartArgs start the same data directory (and headless mode) at login.
func (c *Core) autostartArgs(cfg appconfig.Config) []string {
	args := []string{"--data-dir", c.opts.DataDir}
	if c.opts.Headless {
		args = append(args, "--headless")
	}
	return append(args, appconfig.AutostartArgs(cfg.StartMinimized)...)
}

func (c *Core) exe() string {
	exe, err := os.Executable()
	if err != nil {
		return "ltth"
	}
	return exe
}

// LogsDir is where the log files are.
func (c *Core) LogsDir() string { return filepath.Join(c.opts.DataDir, "logs") }

// OpenFolder shows the data or logs folder in the OS file manager; which
// is "data" or "logs", never a path.
func (c *Core) OpenFolder(which string) error {
	switch which {
	case "data":
		return appconfig.OpenFolder(c.opts.DataDir)
	case "logs":
		return appconfig.OpenFolder(c.LogsDir())
	}
	return fmt.Errorf("unknown folder %q (data or logs)", which)
}

// lanAddresses are this machine's LAN URLs while the listener is open to
// the LAN (nil otherwise).
func (c *Core) lanAddresses() []string {
	host, port, err := net.SplitHostPort(c.srv.Addr())
	if err != nil || !net.ParseIP(host).IsUnspecified() {
		return nil
	}
	addrs, _ := net.InterfaceAddrs()
	var out []string
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if ok && ipn.IP.To4() != nil && !ipn.IP.IsLoopback() && !ipn.IP.IsLinkLocalUnicast() {
			out = append(out, "http://"+net.JoinHostPort(ipn.IP.String(), port))
		}
	}
	return out
}

func (c *Core) handleGetToken(w http.ResponseWriter, r *http.Request) {
	v, err := c.Services().Settings.Token(r.Context())
	httpapi.Reply(w, http.StatusOK, v, err)
}

func (c *Core) handleRotateToken(w http.ResponseWriter, r *http.Request) {
	v, err := c.Services().Settings.RotateToken(r.Context())
	httpapi.Reply(w, http.StatusOK, v, err)
}

// RotateToken replaces the API token on disk and in the listener; the old
// token is refused from the next request on.
func (c *Core) RotateToken() (string, error) {
	buf := make([]byte, 32)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	tok := hex.EncodeToString(buf)
	if err := appconfig.WriteFileAtomic(filepath.Join(c.opts.DataDir, "api-token"), []byte(tok+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("saving the new API token: %w", err)
	}
	c.srv.SetToken(tok)
	c.log.Info().Msg("API token rotated")
	return tok, nil
}

// languageChanged moves what speaks the app language to the new one: the
// alerts nobody edited take the new default texts.
func (c *Core) languageChanged() {
	if a, err := c.alertModule(); err == nil {
		a.ReloadDefaults()
	}
}
