package core

import (
	"github.com/ltth/ltth/backend/core/service"
)

// appServices fills in the services of the app's own, profile-independent
// parts (update check, crash reports, API tokens, the TikFinity bridge):
// every profile's Services carry the same ones.
func (c *Core) appServices(sc *service.Scoped) {
	sc.Updates = c.rel.updater.Service()
	sc.CrashReports = c.rel.crashes.Service()
	sc.APITokens = c.ext.tokens.Service()
	sc.TikFinity = c.ext.tikfinity.Service()
}

var _ service.Backend = (*Core)(nil)
