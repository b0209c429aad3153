package httpapi

import (
	"context"
	"net/http"
)

// Reply answers a service method's result v with status, or its error
// (WriteError): the one ending of every REST handler that calls a service.
func Reply(w http.ResponseWriter, status int, v any, err error) {
	if err != nil {
		WriteError(w, err)
		return
	}
	WriteJSON(w, status, v)
}

// Get serves a service method that takes no request.
func Get[T any](f func(context.Context) (T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := f(r.Context())
		Reply(w, http.StatusOK, v, err)
	}
}

// Post decodes the body strictly (DecodeStrict) into the method's request
// and serves its result.
func Post[Req, T any](f func(context.Context, Req) (T, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var req Req
		if err := DecodeStrict(r, &req); err != nil {
			WriteError(w, err)
			return
		}
		v, err := f(r.Context(), req)
		Reply(w, http.StatusOK, v, err)
	}
}
