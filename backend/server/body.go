package server

import (
	"bytes"
	"encoding/json"
	"io"
	"mime"
	"net/http"

	"github.com/ltth/ltth/backend/httpapi"
)

// limitBody bounds the request body (maxBody, or MaxBodyBytes when 0). On
// routes with the default limit a JSON body is checked to be exactly one
// JSON value before the handler sees it, so "{}{}garbage" is a 400 on
// every route; an oversized body is a 413 naming the limit. Routes with a
// raised limit (uploads) stream their body themselves.
func limitBody(maxBody int64, next http.Handler) http.Handler {
	if maxBody <= 0 {
		maxBody = MaxBodyBytes
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, maxBody)
		if maxBody > MaxBodyBytes || r.ContentLength == 0 || !jsonBody(r) {
			next.ServeHTTP(w, r)
			return
		}
		b, err := httpapi.ReadBody(r)
		if err == nil && len(bytes.TrimSpace(b)) > 0 {
			err = httpapi.Strict(b, new(json.RawMessage))
		}
		if err != nil {
			httpapi.WriteError(w, err)
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(b))
		next.ServeHTTP(w, r)
	})
}

// jsonBody reports a body that claims to be JSON or does not say (form,
// multipart and binary uploads are left to their handlers).
func jsonBody(r *http.Request) bool {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return false
	}
	ct := r.Header.Get("Content-Type")
	if ct == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && (mt == "application/json" || mt == "text/json" ||
		len(mt) > 5 && mt[len(mt)-5:] == "+json")
}
