package connector

import (
	"context"
	"fmt"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/tiktok/source/browser"
)

// ErrNoBrowserPath: there is no browser path to confirm.
var ErrNoBrowserPath = httpapi.NewError(httpapi.ErrConflict, "no browser path is set")

// refused marks a path that cannot be confirmed as it stands (422).
type refused struct{ error }

func (r refused) Is(target error) bool { return target == httpapi.ErrUnprocessable }
func (r refused) Unwrap() error        { return r.error }

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
		return "", refused{fmt.Errorf("the browser path changed to %q; review it and confirm again", pending)}
	}
	version, err := browser.ValidatePath(ctx, pending)
	if err != nil {
		return "", refused{err}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.settings.BrowserPath != pending {
		return "", refused{fmt.Errorf("the browser path changed while it was checked; confirm again")}
	}
	s := c.settings
	s.BrowserPathConfirmed = pending
	if err := saveSettings(c.deps.Settings, s); err != nil {
		return "", err
	}
	c.settings = s
	return version, nil
}
