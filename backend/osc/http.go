package osc

import (
	"context"
	"encoding/json"
	"io"
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
	"github.com/ltth/ltth/backend/module"
)

var _ module.RouteProvider = (*Module)(nil)

// Routes implements module.RouteProvider. The handlers only decode and
// encode: the service (svc.go) holds the logic both transports share.
func (m *Module) Routes() []module.Route {
	svc := m.Service()
	return []module.Route{
		{Pattern: "GET /api/osc/settings", Handler: get(svc.Settings)},
		{Pattern: "PUT /api/osc/settings", Handler: post(svc.SaveSettings)},
		{Pattern: "GET /api/osc/status", Handler: get(svc.Status)},
		{Pattern: "GET /api/osc/log", Handler: get(svc.Log)},
		{Pattern: "POST /api/osc/send", Handler: post(svc.Send)},
	}
}

func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(io.LimitReader(r.Body, 64<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return invalid("body: %v", err)
	}
	return nil
}

// get answers a service method without a request.
func get[T any](f func(context.Context) (T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := f(r.Context())
		respond(w, v, err)
	}
}

// post decodes the JSON body into the method's request and answers its
// result.
func post[Req, T any](f func(context.Context, Req) (T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req Req
		if err := decode(r, &req); err != nil {
			httpapi.WriteError(w, err)
			return
		}
		v, err := f(r.Context(), req)
		respond(w, v, err)
	}
}

func respond(w http.ResponseWriter, v any, err error) {
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, v)
}
