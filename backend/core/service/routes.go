package service

import "fmt"

// Routes is the one declared mapping from a service method
// ("Field.Method", Field being the name in Services) to the REST route that
// reaches it; the desktop reaches the same methods through the bindings in
// package main (app_svc_*.go). Each capability's file declares its own.
var Routes = map[string]string{}

// OneSided lists the service methods deliberately reachable on one
// transport only, with the reason.
var OneSided = map[string]string{}

// declare adds a capability's routes and one-sided methods (from init); a
// method declared twice is a programming error.
func declare(routes, oneSided map[string]string) {
	for k, v := range routes {
		if _, dup := Routes[k]; dup {
			panic(fmt.Sprintf("service: route of %s declared twice", k))
		}
		Routes[k] = v
	}
	for k, v := range oneSided {
		OneSided[k] = v
	}
}

func init() {
	declare(map[string]string{
		"TestEvents.Simulate": "POST /api/simulate",
		"Profiles.List":       "GET /api/profiles",
		"Profiles.Switch":     "POST /api/profiles/{name}/activate",
	}, nil)
}
