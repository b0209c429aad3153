package server

import (
	"net/http"
	"strings"
)

// versioned serves /api/v1/… as /api/…: one alias for every route, so
// external tools can pin the version they were written against. The
// rewritten request goes through the same mux, access rules included.
func versioned(next http.Handler) http.Handler {
	const prefix = "/api/v" + OpenAPIVersion + "/"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if rest, ok := strings.CutPrefix(r.URL.Path, prefix); ok {
			r2 := new(http.Request)
			*r2 = *r
			u := *r.URL
			u.Path = "/api/" + rest
			if u.RawPath != "" {
				u.RawPath = "/api/" + strings.TrimPrefix(u.RawPath, prefix)
			}
			r2.URL = &u
			r = r2
		}
		next.ServeHTTP(w, r)
	})
}
