package service

// Routes is the one declared mapping from a service method
// ("Type.Method") to the REST route that reaches it; the desktop reaches
// the same methods through the bindings in package main (app_services.go).
var Routes = map[string]string{
	"TestEvents.Simulate":   "POST /api/simulate",
	"Connection.Status":     "GET /api/connection",
	"Connection.Connect":    "POST /api/connection/connect",
	"Connection.Disconnect": "POST /api/connection/disconnect",
	"Profiles.List":         "GET /api/profiles",
	"Profiles.Switch":       "POST /api/profiles/{name}/activate",
}

// OneSided lists the service methods deliberately reachable on one
// transport only, with the reason. Empty: every migrated method has both.
var OneSided = map[string]string{}
