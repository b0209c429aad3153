package core

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
)

// StopAllSounds stops every sound the soundboard plays and empties its
// queue (the tray's "Stop all sounds"). It goes through the soundboard's own
// route, so the tray, the dashboard and REST clients share one code path.
func (c *Core) StopAllSounds() error {
	req := httptest.NewRequest(http.MethodPost, "http://"+c.srv.Addr()+"/api/plugins/soundboard/stop", strings.NewReader("{}"))
	req.Header.Set("Authorization", "Bearer "+c.Token())
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	c.srv.Handler().ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		return fmt.Errorf("stop all sounds: %d %s", rec.Code, strings.TrimSpace(rec.Body.String()))
	}
	return nil
}
