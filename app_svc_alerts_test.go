package main

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/ltth/ltth/backend/alert"
	"github.com/ltth/ltth/backend/core/service"
)

// svcalertsSame fails unless the bound answer v encodes to the same JSON as
// the REST body (compared as decoded values, so key order does not matter).
func svcalertsSame(t *testing.T, what string, v any, err error, code int, body []byte) {
	t.Helper()
	if err != nil || code >= 300 {
		t.Fatalf("%s: bound error %v, REST %d %s", what, err, code, body)
	}
	b, _ := json.Marshal(v)
	var got, want any
	if json.Unmarshal(b, &got) != nil || json.Unmarshal(body, &want) != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: bound %s\n REST %s", what, b, body)
	}
}

// svcalertsCodes fails unless a failing bound call and the REST call carry
// the same error code (and the REST status is status).
func svcalertsCodes(t *testing.T, what string, err error, code int, body []byte, status int) {
	t.Helper()
	var bound, rest service.Error
	if err == nil || json.Unmarshal([]byte(err.Error()), &bound) != nil {
		t.Fatalf("%s: bound call did not fail with a coded error: %v", what, err)
	}
	if json.Unmarshal(body, &rest) != nil || code != status || rest.Code != bound.Code || rest.Code == "" {
		t.Fatalf("%s: bound %+v, REST %d %s", what, bound, code, body)
	}
}

// The alerts service answers the same through its binding and over REST,
// and fails with the same code on both.
func TestAlertsBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	s := &AlertsService{a}
	text, prio := "hi {nickname}", 7
	c, err := s.PutConfig(alert.PutConfigRequest{EventType: "follow", Patch: alert.ConfigPatch{Text: &text, Priority: &prio}})
	if err != nil || c.Text != text || c.Priority != 7 || !c.Enabled {
		t.Fatalf("bound put: %+v %v", c, err)
	}
	code, body := apiCall(t, a, http.MethodPut, "/api/alerts/config/follow", `{"text":"hi {nickname}","priority":7}`)
	svcalertsSame(t, "put config", c, nil, code, body)
	cs, err := s.Configs()
	code, body = apiCall(t, a, http.MethodGet, "/api/alerts/config", "")
	svcalertsSame(t, "configs", cs, err, code, body)

	paused := true
	p, err := s.Pause(alert.PauseRequest{Paused: &paused})
	code, body = apiCall(t, a, http.MethodPost, "/api/alerts/pause", `{"paused":true}`)
	svcalertsSame(t, "pause", p, err, code, body)
	res, err := s.Test(alert.TestRequest{EventType: "gift"})
	if err != nil || !res.Paused || res.Alert.Screen != "main" || !res.Alert.Event.Simulated {
		t.Fatalf("bound test alert: %+v %v", res, err)
	}
	st, err := s.Status()
	code, body = apiCall(t, a, http.MethodGet, "/api/alerts/status", "")
	svcalertsSame(t, "status", st, err, code, body)
	if len(st.Screens) != 1 || st.Screens[0].Queued != 1 {
		t.Fatalf("status after a paused test alert: %+v", st)
	}
	sc, err := s.Screens()
	code, body = apiCall(t, a, http.MethodGet, "/api/alerts/screens", "")
	svcalertsSame(t, "screens", sc, err, code, body)
	sk, err := s.Skip(alert.ScreenRequest{Screen: "side"})
	code, body = apiCall(t, a, http.MethodPost, "/api/alerts/side/skip", "")
	svcalertsSame(t, "skip", sk, err, code, body)
	cl, err := s.Clear(alert.ScreenRequest{Screen: "main"})
	if err != nil || cl.Cleared != 1 {
		t.Fatalf("bound clear: %+v %v", cl, err)
	}
	code, body = apiCall(t, a, http.MethodPost, "/api/alerts/main/clear", "")
	svcalertsSame(t, "clear (now empty)", alert.ClearResult{Screen: "main"}, nil, code, body)

	_, err = s.Test(alert.TestRequest{EventType: "viewers"})
	code, body = apiCall(t, a, http.MethodPost, "/api/alerts/test/viewers", "")
	svcalertsCodes(t, "test of a type without alerts", err, code, body, http.StatusNotFound)
	bad := "a b"
	_, err = s.PutConfig(alert.PutConfigRequest{EventType: "gift", Patch: alert.ConfigPatch{Screen: &bad}})
	code, body = apiCall(t, a, http.MethodPut, "/api/alerts/config/gift", `{"screen":"a b"}`)
	svcalertsCodes(t, "bad screen", err, code, body, http.StatusBadRequest)
	_, err = s.Pause(alert.PauseRequest{})
	code, body = apiCall(t, a, http.MethodPost, "/api/alerts/pause", `{}`)
	svcalertsCodes(t, "pause without paused", err, code, body, http.StatusBadRequest)
	if _, err := s.Skip(alert.ScreenRequest{Screen: "no/such"}); err == nil {
		t.Fatal("bound skip of an impossible screen succeeded")
	}
}
