package main

import (
	"net/http"
	"testing"

	"github.com/ltth/ltth/backend/overlay"
)

// The overlay presets service answers the same through its binding and over
// REST, and fails with the same code on both.
func TestOverlayPresetsBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	s := &OverlayPresetsService{a}
	p, err := s.Put(overlay.PutPresetRequest{Name: " Main ", Overlay: "alerts", Params: map[string]string{"accent": "#ff0000"}, CSS: ".x{color:red}"})
	if err != nil || p.Name != "Main" || p.Params["accent"] != "#ff0000" || p.UpdatedAt.IsZero() {
		t.Fatalf("bound put: %+v %v", p, err)
	}
	list, err := s.List()
	code, body := apiCall(t, a, http.MethodGet, "/api/overlay-presets", "")
	svcalertsSame(t, "list", list, err, code, body)
	if len(list) != 1 {
		t.Fatalf("list: %+v", list)
	}
	code, body = apiCall(t, a, http.MethodPut, "/api/overlay-presets/Side", `{"overlay":"alerts","params":{"scale":"2"},"css":""}`)
	if code != http.StatusOK {
		t.Fatalf("REST put: %d %s", code, body)
	}
	d, err := s.Delete(overlay.PresetRequest{Name: "Side"})
	if err != nil || !d.Deleted {
		t.Fatalf("bound delete: %+v %v", d, err)
	}
	if code, body := apiCall(t, a, http.MethodDelete, "/api/overlay-presets/Main", ""); code != http.StatusNoContent || len(body) != 0 {
		t.Fatalf("REST delete: %d %s", code, body)
	}

	_, err = s.Delete(overlay.PresetRequest{Name: "Main"})
	code, body = apiCall(t, a, http.MethodDelete, "/api/overlay-presets/Main", "")
	svcalertsCodes(t, "delete of a missing preset", err, code, body, http.StatusNotFound)
	_, err = s.Put(overlay.PutPresetRequest{Name: "../x", Overlay: "alerts"})
	code, body = apiCall(t, a, http.MethodPut, "/api/overlay-presets/..%2Fx", `{"overlay":"alerts"}`)
	svcalertsCodes(t, "bad preset name", err, code, body, http.StatusBadRequest)
	_, err = s.Put(overlay.PutPresetRequest{Name: "P", Overlay: "alerts", Params: map[string]string{"nope": "1"}})
	code, body = apiCall(t, a, http.MethodPut, "/api/overlay-presets/P", `{"overlay":"alerts","params":{"nope":"1"}}`)
	svcalertsCodes(t, "unknown param", err, code, body, http.StatusBadRequest)
}
