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
	systray.SetTooltip("LTTH – TikTok LIVE helper")
	systray.SetOnTapped(t.a.Show)
	m := &t.items
	m.status = systray.AddMenuItem("", "Connection state")
	m.status.Disable()
	m.obs = systray.AddMenuItem("", "OBS connection")
	m.obs.Disable()
	m.update = systray.AddMenuItem("", "Open the dashboard to download the update")
	systray.AddSeparator()
	m.show = systray.AddMenuItem("Show dashboard", "")
	m.hide = systray.AddMenuItem("Hide dashboard", "")
	m.connect = systray.AddMenuItem("Connect", "")
	m.pause = systray.AddMenuItem("Pause alerts", "")
	m.stopSounds = systray.AddMenuItem("Stop all sounds", "Stop the soundboard's sounds and empty its queue")
	m.copyURL = systray.AddMenuItem("Copy overlay URL", "")
	systray.AddSeparator()
	m.quit = systray.AddMenuItem("Quit LTTH", "")
	t.update()
	go t.loop()
}

func (t *Tray) update() {
	m := &t.items
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
		m.connect.SetTitle("Disconnect")
	} else {
		m.connect.SetTitle("Connect")
	}
	if t.a.AreAlertsPaused() {
		m.pause.SetTitle("Resume alerts")
	} else {
		m.pause.SetTitle("Pause alerts")
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
