package osc

import (
	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

var _ module.RouteProvider = (*Module)(nil)

// Routes implements module.RouteProvider. The handlers only decode and
// encode: the service (svc.go) holds the logic both transports share.
func (m *Module) Routes() []module.Route {
	svc := m.Service()
	return []module.Route{
		{Pattern: "GET /api/osc/settings", Handler: httpapi.Get(svc.Settings)},
		{Pattern: "PUT /api/osc/settings", Handler: httpapi.Post(svc.SaveSettings)},
		{Pattern: "GET /api/osc/status", Handler: httpapi.Get(svc.Status)},
		{Pattern: "GET /api/osc/log", Handler: httpapi.Get(svc.Log)},
		{Pattern: "POST /api/osc/send", Handler: httpapi.Post(svc.Send)},
	}
}
