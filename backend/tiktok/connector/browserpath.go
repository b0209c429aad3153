package connector

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/ltth/ltth/backend/tiktok/source/browser"
)

// ErrNoBrowserPath: there is no browser path to confirm.
var ErrNoBrowserPath = errors.New("no browser path is set")

// ConfirmBrowserPath validates the browser path waiting for confirmation
// (browser.ValidatePath: name, executable, --version answer) and, if it
// passes, makes it the one the browser source may run. path must be the
// pending path the user saw, so a change made meanwhile is not confirmed
// by accident. It returns the browser's version line.
func (c *Connector) ConfirmBrowserPath(ctx context.Context, path string) (string, error) {
	c.mu.Lock()
	pending := c.settings.BrowserPath
	c.mu.Unlock()
	if pending == "" {
		return "", ErrNoBrowserPath
	}
	if path != pending {
		return "", fmt.Errorf("the browser path changed to %q; review it and confirm again", pending)
	}
	version, err := browser.ValidatePath(ctx, pending)
	if err != nil {
		return "", err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.settings.BrowserPath != pending {
		return "", fmt.Errorf("the browser path changed while it was checked; confirm again")
	}
	s := c.settings
	s.BrowserPathConfirmed = pending
	if err := saveSettings(c.deps.Settings, s); err != nil {
		return "", err
	}
	c.settings = s
	return version, nil
}

func (c *Connector) handleConfirmBrowserPath(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Path string `json:"path"`
	}
	if err := readJSON(r, &body, false); err != nil {
		writeError(w, http.StatusBadRequest, err)
		return
	}
	version, err := c.ConfirmBrowserPath(r.Context(), body.Path)
	if err != nil {
		status := http.StatusUnprocessableEntity
		if errors.Is(err, ErrNoBrowserPath) {
			status = http.StatusConflict
		}
		writeError(w, status, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]string{"path": body.Path, "version": version, "state": "confirmed"})
}
