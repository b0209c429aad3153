package store

import (
	"errors"
	"testing"
)

func TestOverlayPresetsRoundTrip(t *testing.T) {
	m, db := openDefault(t)
	if list, err := db.OverlayPresets(); err != nil || len(list) != 0 {
		t.Fatalf("fresh profile presets = %v, %v", list, err)
	}
	p := OverlayPreset{Name: "Big gold", Overlay: "alerts", Params: map[string]string{"scale": "1.5", "accent": "#ffcc00"}, CSS: ".ltth-alert{border-radius:0}"}
	if err := db.PutOverlayPreset(p); err != nil {
		t.Fatal(err)
	}
	p.Params["scale"] = "2"
	if err := db.PutOverlayPreset(p); err != nil { // replace, not a second row
		t.Fatal(err)
	}
	got, err := db.OverlayPreset("Big gold")
	if err != nil || got.Params["scale"] != "2" || got.Params["accent"] != "#ffcc00" || got.CSS != p.CSS || got.Overlay != "alerts" || got.UpdatedAt.IsZero() {
		t.Fatalf("OverlayPreset = %+v, %v", got, err)
	}
	// it is per profile and survives a reopen of the file
	db.Close()
	db2, err := m.Open(m.Active())
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if list, err := db2.OverlayPresets(); err != nil || len(list) != 1 || list[0].Name != "Big gold" {
		t.Fatalf("after reopen: %+v, %v", list, err)
	}
	if err := db2.DeleteOverlayPreset("Big gold"); err != nil {
		t.Fatal(err)
	}
	if err := db2.DeleteOverlayPreset("Big gold"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("second delete: %v, want ErrNotFound", err)
	}
	if _, err := db2.OverlayPreset("Big gold"); !errors.Is(err, ErrNotFound) {
		t.Fatalf("get deleted: %v, want ErrNotFound", err)
	}
	if err := db2.PutOverlayPreset(OverlayPreset{Overlay: "alerts"}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("nameless preset: %v, want ErrInvalid", err)
	}
}
