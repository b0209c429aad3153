package main

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/core"
	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/domain"
)

// startedApp is an App over a real core (temp data dir, real listener on a
// free port), as the desktop has it after domReady.
func startedApp(tb testing.TB) *App {
	tb.Helper()
	c, err := core.New(core.Options{DataDir: tb.TempDir(), Listen: "127.0.0.1:0", Console: io.Discard, Headless: true, LogLevel: "error"})
	if err != nil {
		tb.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = c.Stop(ctx)
	})
	a := &App{core: c, ready: make(chan struct{})}
	close(a.ready)
	return a
}

func apiCall(tb testing.TB, a *App, method, path, body string) (int, []byte) {
	tb.Helper()
	req, _ := http.NewRequest(method, a.core.URL()+path, strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+a.core.Token())
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// Every method of every migrated service is reachable as a binding (its
// adapter has the method) and as a REST route the running server serves
// (service.Routes), or is listed in service.OneSided with a reason.
func TestEveryServiceMethodHasBothTransports(t *testing.T) {
	a := startedApp(t)
	_, raw := apiCall(t, a, http.MethodGet, "/api/openapi.json", "")
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	adapters := map[string]reflect.Type{}
	for _, b := range a.boundServices() {
		ty := reflect.TypeOf(b)
		adapters[strings.TrimSuffix(ty.Elem().Name(), "Service")] = ty
	}
	svcs := reflect.ValueOf(a.core.Services()).Elem()
	seen := 0
	for i := range svcs.NumField() {
		ty := svcs.Field(i).Type()
		name := svcs.Type().Field(i).Name
		adapter, bound := adapters[name]
		for m := range ty.Methods() {
			key := name + "." + m.Name
			seen++
			if why, ok := service.OneSided[key]; ok {
				if why == "" {
					t.Errorf("%s is one-sided without a reason", key)
				}
				continue
			}
			if !bound {
				t.Errorf("%s: no bound adapter for service %s", key, name)
			} else if _, ok := adapter.MethodByName(m.Name); !ok {
				t.Errorf("%s: adapter %s lacks the method", key, adapter.Elem().Name())
			}
			route, ok := service.Routes[key]
			if !ok {
				t.Errorf("%s: no REST route declared in service.Routes", key)
				continue
			}
			method, path, _ := strings.Cut(route, " ")
			if _, ok := doc.Paths[path][strings.ToLower(method)]; !ok {
				t.Errorf("%s: declared route %q is not served", key, route)
			}
		}
	}
	if seen < len(service.Routes) {
		t.Errorf("service.Routes declares %d methods, the services have %d", len(service.Routes), seen)
	}
}

// A test event sent through the binding is published like one posted to
// /api/simulate (marked simulated, journaled), and a failing call carries
// the same error code on both transports.
func TestBoundCallsMatchREST(t *testing.T) {
	a := startedApp(t)
	ev, err := (&TestEventsService{a}).Simulate(domain.Event{Type: domain.EventChat, User: domain.User{UniqueID: "bound"}, Comment: "via binding"})
	if err != nil || !ev.Simulated || ev.ID == "" || ev.Source != "simulator" {
		t.Fatalf("bound simulate: %+v %v", ev, err)
	}
	code, body := apiCall(t, a, http.MethodGet, "/api/events/recent?limit=5", "")
	if code != http.StatusOK || !strings.Contains(string(body), ev.ID) {
		t.Fatalf("journal after a bound simulate: %d %s", code, body)
	}
	_, err = (&TestEventsService{a}).Simulate(domain.Event{Type: domain.EventGift, RepeatCount: -3})
	var bound service.Error
	if err == nil || json.Unmarshal([]byte(err.Error()), &bound) != nil || bound.Code != "invalid" {
		t.Fatalf("bad bound simulate: %v", err)
	}
	_, err = (&ProfilesService{a}).Switch(service.SwitchRequest{Name: "nobody"})
	if err == nil || json.Unmarshal([]byte(err.Error()), &bound) != nil || bound.Code != "not_found" {
		t.Fatalf("switch to a missing profile (bound): %v", err)
	}
	if code, _ := apiCall(t, a, http.MethodPost, "/api/profiles/nobody/activate", ""); code != http.StatusNotFound {
		t.Fatalf("switch to a missing profile (REST): %d", code)
	}
	list, err := (&ProfilesService{a}).List()
	if err != nil || len(list) != 1 || !list[0].Active {
		t.Fatalf("bound profiles: %+v %v", list, err)
	}
	st, err := (&ConnectionService{a}).Status()
	if err != nil || st.State == "" {
		t.Fatalf("bound status: %+v %v", st, err)
	}
	var h struct {
		BindingCalls int `json:"bindingCalls"`
	}
	_, body = apiCall(t, a, http.MethodGet, "/api/health", "")
	if json.Unmarshal(body, &h); h.BindingCalls != 5 {
		t.Fatalf("bound calls counted: %d, want 5 (%s)", h.BindingCalls, body)
	}
	if service.Code(errors.New("x")) != "internal" {
		t.Fatal("an error of no kind is not internal")
	}
}

// The Go side of a bound call (the adapter the Wails bridge invokes) against
// the REST call for the same method through the real listener with the
// token: go test -run '^$' -bench 'Status' -benchmem .
func BenchmarkConnectionStatusBound(b *testing.B) {
	a := startedApp(b)
	s := &ConnectionService{a}
	for b.Loop() {
		if _, err := s.Status(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkConnectionStatusREST(b *testing.B) {
	a := startedApp(b)
	for b.Loop() {
		if code, _ := apiCall(b, a, http.MethodGet, "/api/connection", ""); code != http.StatusOK {
			b.Fatal(code)
		}
	}
}
