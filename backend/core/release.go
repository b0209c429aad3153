package core

import (
	"context"
	"path/filepath"
	"time"

	"github.com/ltth/ltth/backend/crash"
	"github.com/ltth/ltth/backend/update"
)

// releaseParts are the profile-independent parts that keep LTTH itself
// healthy: the update check and the crash reports of the logs folder.
type releaseParts struct {
	updater *update.Updater
	crashes *crash.Reports
}

// initRelease builds the updater and the crash reports and registers
// their routes.
func (c *Core) initRelease() error {
	c.rel.crashes = crash.Open(filepath.Join(c.opts.DataDir, "logs"), c.opts.Version)
	u, err := update.New(update.Options{
		DataDir: c.opts.DataDir, Version: c.opts.Version, Bus: c.bus,
		Log:        c.log.With().Str("module", "update").Logger(),
		StartDelay: 5 * time.Second, // the first check waits until start-up is over
	})
	if err != nil {
		return err
	}
	c.rel.updater = u
	for _, r := range append(u.Routes(), c.rel.crashes.Routes()...) {
		c.srv.Handle(r)
	}
	return nil
}

func (c *Core) startRelease(ctx context.Context) error { return c.rel.updater.Start(ctx) }

func (c *Core) stopRelease(ctx context.Context) { _ = c.rel.updater.Stop(ctx) }

// Crashes are the crash reports of the logs folder (main's panic guard).
func (c *Core) Crashes() *crash.Reports { return c.rel.crashes }

// UpdateStatus is the update check's state (tray).
func (c *Core) UpdateStatus() update.Status { return c.rel.updater.Status() }

// UpdateSummary is the tray's "Update available" line ("" = none).
func (c *Core) UpdateSummary() string {
	return updateLine(c.resolvedLanguage(), c.rel.updater.Status())
}

// reportPanic leaves a crash report for a panic a module recovered from.
func (c *Core) reportPanic(where string, p any, stack []byte) {
	path, err := c.rel.crashes.Write(where, p, stack)
	if err != nil {
		c.log.Error().Err(err).Msg("writing the crash report failed")
		return
	}
	c.log.Error().Str("report", path).Str("where", where).Msg("recovered from a panic; crash report written")
}
