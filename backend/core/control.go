package core

import (
	"context"
	"errors"

	"github.com/ltth/ltth/backend/alert"
	"github.com/ltth/ltth/backend/tiktok/connector"
)

var errNoProfileOpen = errors.New("no profile is open")

func (c *Core) current() *scope {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.scope
}

func (c *Core) connector() (*connector.Connector, error) {
	if s := c.current(); s != nil {
		return s.conn, nil
	}
	return nil, errNoProfileOpen
}

func (c *Core) alertModule() (*alert.Module, error) {
	if s := c.current(); s != nil {
		return s.alerts, nil
	}
	return nil, errNoProfileOpen
}

// Connect starts the TikTok connection to the saved target.
func (c *Core) Connect(ctx context.Context) error {
	cn, err := c.connector()
	if err != nil {
		return err
	}
	return cn.Connect(ctx, "")
}

// Disconnect stops the TikTok connection.
func (c *Core) Disconnect(ctx context.Context) error {
	cn, err := c.connector()
	if err != nil {
		return err
	}
	return cn.Disconnect(ctx)
}

// SetAlertsPaused pauses or resumes on-stream alerts.
func (c *Core) SetAlertsPaused(paused bool) error {
	a, err := c.alertModule()
	if err != nil {
		return err
	}
	a.SetPaused(paused)
	return nil
}

// AlertsPaused reports whether alerts are paused.
func (c *Core) AlertsPaused() bool {
	a, err := c.alertModule()
	return err == nil && a.Paused()
}

// Connection returns the TikTok connection status.
func (c *Core) Connection() connector.Status {
	cn, err := c.connector()
	if err != nil {
		return connector.Status{State: "disconnected", Reason: err.Error()}
	}
	return cn.Status()
}

// ConnectionSummary is a one-line description for the tray, in the app
// language.
func (c *Core) ConnectionSummary() string {
	return connectionLine(c.resolvedLanguage(), c.Connection())
}

// OBSSummary is the OBS bridge's state in a few words for the tray ("" while
// OBS is switched off in the settings).
func (c *Core) OBSSummary() string {
	s := c.current()
	if s == nil || s.obs == nil {
		return ""
	}
	return obsLine(c.resolvedLanguage(), s.obs.Status())
}
