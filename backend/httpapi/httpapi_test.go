package httpapi

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestStatusMapsTheVocabularyOnce(t *testing.T) {
	errExists := NewError(ErrConflict, "profile already exists")
	cases := []struct {
		err  error
		want int
	}{
		{fmt.Errorf("flow %q: %w", "x", ErrNotFound), http.StatusNotFound},
		{fmt.Errorf("bad: %w", ErrInvalid), http.StatusBadRequest},
		{errExists, http.StatusConflict},
		{fmt.Errorf("create: %w", errExists), http.StatusConflict},
		{NewError(ErrUnprocessable, "corrupt"), http.StatusUnprocessableEntity},
		{NewError(ErrUnavailable, "queue full"), http.StatusServiceUnavailable},
		{ErrTooLarge, http.StatusRequestEntityTooLarge},
		{errors.New("disk on fire"), http.StatusInternalServerError},
	}
	for _, c := range cases {
		if got := Status(c.err); got != c.want {
			t.Errorf("Status(%v) = %d, want %d", c.err, got, c.want)
		}
	}
	if !errors.Is(fmt.Errorf("wrap: %w", errExists), errExists) || errExists.Error() != "profile already exists" {
		t.Fatal("NewError must keep its identity and message")
	}
}

func TestWriteErrorBody(t *testing.T) {
	rec := httptest.NewRecorder()
	WriteError(rec, fmt.Errorf("goal %q: %w", "g1", ErrNotFound))
	if rec.Code != http.StatusNotFound || rec.Header().Get("Cache-Control") != "no-store" ||
		rec.Header().Get("Content-Type") != "application/json; charset=utf-8" {
		t.Fatalf("status %d, headers %v", rec.Code, rec.Header())
	}
	var body ErrorBody
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Error != `goal "g1": not found` {
		t.Fatalf("body %q (%v)", rec.Body.String(), err)
	}
}

func TestWriteJSONUnencodable(t *testing.T) {
	rec := httptest.NewRecorder()
	WriteJSON(rec, http.StatusOK, map[string]any{"f": func() {}})
	if rec.Code != http.StatusInternalServerError || !json.Valid(rec.Body.Bytes()) {
		t.Fatalf("status %d body %q", rec.Code, rec.Body.String())
	}
}

type codedErr struct{}

func (codedErr) Error() string     { return "rate limited by the sign server" }
func (codedErr) ErrorCode() string { return "rate_limited" }

// Every error body carries the stable code of its kind (the one the
// desktop's bindings see too); an error's own code wins over the vocabulary.
func TestErrorBodiesCarryTheCode(t *testing.T) {
	cases := []struct {
		err  error
		code string
	}{
		{fmt.Errorf("flow %q: %w", "x", ErrNotFound), "not_found"},
		{NewError(ErrConflict, "exists"), "conflict"},
		{fmt.Errorf("wrapped: %w", codedErr{}), "rate_limited"},
		{errors.New("disk on fire"), "internal"},
	}
	for _, c := range cases {
		rec := httptest.NewRecorder()
		WriteError(rec, c.err)
		var body ErrorBody
		if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil || body.Code != c.code || body.Error == "" {
			t.Errorf("%v: body %s, want code %q", c.err, rec.Body, c.code)
		}
	}
	rec := httptest.NewRecorder()
	WriteErrorText(rec, http.StatusUnauthorized, "token required")
	if !strings.Contains(rec.Body.String(), `"code":"unauthorized"`) {
		t.Errorf("401 body: %s", rec.Body)
	}
}

// Post decodes strictly (an unknown field is a 400 with code invalid and
// the method is not called); Get and Post answer the method's result or
// its error.
func TestGetAndPostServeAServiceMethod(t *testing.T) {
	called := 0
	post := Post(func(_ context.Context, req struct {
		N int `json:"n"`
	}) (int, error) {
		called++
		if req.N < 0 {
			return 0, NewError(ErrConflict, "negative")
		}
		return req.N * 2, nil
	})
	for body, want := range map[string]string{
		`{"n":2}`: "200 4", `{"n":-1}`: `409 {"error":"negative","code":"conflict"}`, `{"m":1}`: "400 ", `{"n":1}{}`: "400 ",
	} {
		rec := httptest.NewRecorder()
		post(rec, httptest.NewRequest(http.MethodPost, "/x", strings.NewReader(body)))
		got := fmt.Sprintf("%d %s", rec.Code, strings.TrimSpace(rec.Body.String()))
		if !strings.HasPrefix(got, want) || (rec.Code == 400 && !strings.Contains(got, `"code":"invalid"`)) {
			t.Errorf("POST %s: %s, want %s…", body, got, want)
		}
	}
	if called != 2 {
		t.Errorf("the method ran %d times, want 2 (refused bodies must not reach it)", called)
	}
	rec := httptest.NewRecorder()
	Get(func(context.Context) (string, error) { return "ok", nil })(rec, httptest.NewRequest(http.MethodGet, "/x", nil))
	if rec.Code != 200 || strings.TrimSpace(rec.Body.String()) != `"ok"` {
		t.Errorf("GET: %d %s", rec.Code, rec.Body)
	}
}
