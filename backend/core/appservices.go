package core

import (
	"net/http"

	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/httpapi"
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

// reply writes a service method's result with status ok, or its error.
func reply(w http.ResponseWriter, ok int, v any, err error) {
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, ok, v)
}
