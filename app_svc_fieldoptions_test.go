package main

import (
	"net/http"
	"testing"

	"github.com/ltth/ltth/backend/core/service"
)

// A field's choices through the binding are the route's own answer, read in
// process; a path that is not an API route, or one that does not exist,
// fails with the code REST gives.
func TestBoundFieldOptionsMatchREST(t *testing.T) {
	a := startedApp(t)
	s := &FieldOptionsService{a}
	got, err := s.Get(service.FieldOptionsRequest{URL: "/api/alerts/screens"})
	if err != nil || len(got) == 0 || got[0].Value == "" {
		t.Fatalf("bound screens: %+v %v", got, err)
	}
	code, body := apiCall(t, a, http.MethodGet, "/api/alerts/screens", "")
	if code != http.StatusOK {
		t.Fatalf("REST screens: %d %s", code, body)
	}
	sameJSON(t, "screens", got, body)
	if _, err := s.Get(service.FieldOptionsRequest{URL: "https://evil.example/x"}); boundCode(t, err) != "invalid" {
		t.Fatalf("a foreign URL: %v", err)
	}
	if _, err := s.Get(service.FieldOptionsRequest{URL: "/api/nothing-here"}); boundCode(t, err) != "not_found" {
		t.Fatalf("a missing route: %v", err)
	}
	if code, _ := apiCall(t, a, http.MethodGet, "/api/nothing-here", ""); code != http.StatusNotFound {
		t.Fatalf("REST missing route: %d", code)
	}
}
