// Package tray shows LTTH's system-tray icon with quick controls. On Linux it
// speaks StatusNotifierItem over D-Bus (no GTK), so it runs beside Wails' loop.
package tray

import (
	"fyne.io/systray"
)

// Actions are the callbacks behind the menu items. Labels reflect the state
// returned by the Is* functions each time the menu is refreshed.
type Actions struct {
	Show, Hide        func()
	Connect           func()
	Disconnect        func()
	SetAlertsPaused   func(paused bool)
	StopSounds        func()
	CopyOverlayURL    func()
	Quit              func()
	IsConnected       func() bool
	AreAlertsPaused   func() bool
	ConnectionSummary func() string
	OBSSummary        func() string // "" hides the OBS line
	UpdateSummary     func() string // "" hides the "Update available" item; a click shows the dashboard
	Language          func() string // the menu language ("en", "de"; others use English)
}

// Tray is a running tray icon.
type Tray struct {
	icon    []byte
	a       Actions
	end     func()
	refresh chan struct{}
	items   menuItems
}

type menuItems struct {
	status, obs, update, show, hide, connect, pause, stopSounds, copyURL, quit *systray.MenuItem
}

// New prepares the tray; call Start once the UI loop runs and Stop on exit.
func New(icon []byte, a Actions) *Tray {
	return &Tray{icon: icon, a: a, refresh: make(chan struct{}, 1)}
}

// Start registers the icon (on Linux it waits for a StatusNotifierWatcher
// and registers whenever one appears).
func (t *Tray) Start() {
	start, end := systray.RunWithExternalLoop(t.ready, func() {})
	t.end = end
	start()
}

// Stop removes the icon.
func (t *Tray) Stop() {
	if t.end != nil {
		t.end()
	}
}

// Refresh updates labels after a state change.
func (t *Tray) Refresh() {
	select {
	case t.refresh <- struct{}{}:
	default:
	}
}

func (t *Tray) ready() {
	systray.SetIcon(t.icon)
	systray.SetTitle("LTTH")
	systray.SetOnTapped(t.a.Show)
	m := &t.items
	m.status = systray.AddMenuItem("", "")
	m.status.Disable()
	m.obs = systray.AddMenuItem("", "")
	m.obs.Disable()
	m.update = systray.AddMenuItem("", "")
	systray.AddSeparator()
	m.show = systray.AddMenuItem("", "")
	m.hide = systray.AddMenuItem("", "")
	m.connect = systray.AddMenuItem("", "")
	m.pause = systray.AddMenuItem("", "")
	m.stopSounds = systray.AddMenuItem("", "")
	m.copyURL = systray.AddMenuItem("", "")
	systray.AddSeparator()
	m.quit = systray.AddMenuItem("", "")
	t.update()
	go t.loop()
}

func (t *Tray) update() {
	m := &t.items
	lang := ""
	if t.a.Language != nil {
		lang = t.a.Language()
	}
	systray.SetTooltip(text(lang, lTooltip))
	m.status.SetTooltip(text(lang, lStatusTip))
	m.obs.SetTooltip(text(lang, lOBSTip))
	m.update.SetTooltip(text(lang, lUpdateTip))
	m.show.SetTitle(text(lang, lShow))
	m.hide.SetTitle(text(lang, lHide))
	m.stopSounds.SetTitle(text(lang, lStopSounds))
	m.stopSounds.SetTooltip(text(lang, lStopSoundsTip))
	m.copyURL.SetTitle(text(lang, lCopyURL))
	m.quit.SetTitle(text(lang, lQuit))
	m.status.SetTitle(t.a.ConnectionSummary())
	if o := t.a.OBSSummary(); o != "" {
		m.obs.SetTitle(o)
		m.obs.Show()
	} else {
		m.obs.Hide()
	}
	if u := summary(t.a.UpdateSummary); u != "" {
		m.update.SetTitle(u)
		m.update.Show()
	} else {
		m.update.Hide()
	}
	if t.a.IsConnected() {
		m.connect.SetTitle(text(lang, lDisconnect))
	} else {
		m.connect.SetTitle(text(lang, lConnect))
	}
	if t.a.AreAlertsPaused() {
		m.pause.SetTitle(text(lang, lResume))
	} else {
		m.pause.SetTitle(text(lang, lPause))
	}
}

func (t *Tray) loop() {
	m := &t.items
	for {
		select {
		case <-m.show.ClickedCh:
			t.a.Show()
		case <-m.update.ClickedCh:
			t.a.Show()
		case <-m.hide.ClickedCh:
			t.a.Hide()
		case <-m.connect.ClickedCh:
			if t.a.IsConnected() {
				t.a.Disconnect()
			} else {
				t.a.Connect()
			}
		case <-m.pause.ClickedCh:
			t.a.SetAlertsPaused(!t.a.AreAlertsPaused())
		case <-m.stopSounds.ClickedCh:
			t.a.StopSounds()
		case <-m.copyURL.ClickedCh:
			t.a.CopyOverlayURL()
		case <-m.quit.ClickedCh:
			t.a.Quit()
			return
		case <-t.refresh:
		}
		t.update()
	}
}

func summary(f func() string) string {
	if f == nil {
		return ""
	}
	return f()
}
