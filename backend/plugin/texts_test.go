package plugin

import (
	"strings"
	"testing"
)

const textsBase = `{"id":"demo","name":"Demo","version":"1.0.0","description":"Shows things",
 "settings":[{"name":"size","label":"Size","kind":"number"},{"name":"mode","label":"Mode","kind":"select","options":[{"value":"a","label":"All"}]}],
 "overlays":[{"path":"overlay.html","name":"Demo overlay"}]`

// TestManifestTexts: a German block is kept; anything naming what the
// manifest does not have, unknown fields and bad language codes are refused.
func TestManifestTexts(t *testing.T) {
	good := textsBase + `,"i18n":{"de":{"description":"Zeigt Dinge","settings":{"size":{"label":"Größe","help":"in px"},"mode":{"options":{"a":"Alle"}}},"overlays":{"overlay.html":"Demo-Overlay"}}}}`
	m, err := ParseManifest([]byte(good))
	if err != nil {
		t.Fatal(err)
	}
	de := m.I18n["de"]
	if de.Description != "Zeigt Dinge" || de.Settings["size"].Label != "Größe" || de.Settings["mode"].Options["a"] != "Alle" || de.Overlays["overlay.html"] != "Demo-Overlay" {
		t.Fatalf("texts: %+v", m.I18n)
	}
	if m, err := ParseManifest([]byte(textsBase + `}`)); err != nil || m.I18n != nil {
		t.Fatalf("no i18n: %v %v", m.I18n, err)
	}
	bad := map[string]string{
		"unknown field":    `{"de":{"descripton":"x"}}`,
		"unknown setting":  `{"de":{"settings":{"colour":{"label":"Farbe"}}}}`,
		"empty setting":    `{"de":{"settings":{"size":{}}}}`,
		"unknown option":   `{"de":{"settings":{"mode":{"options":{"b":"B"}}}}}`,
		"unknown overlay":  `{"de":{"overlays":{"other.html":"X"}}}`,
		"english block":    `{"en":{"description":"x"}}`,
		"bad code":         `{"DE":{"description":"x"}}`,
		"not an object":    `["de"]`,
		"unknown in field": `{"de":{"settings":{"size":{"label":"x","hint":"y"}}}}`,
	}
	for name, block := range bad {
		_, err := ParseManifest([]byte(textsBase + `,"i18n":` + block + `}`))
		if err == nil || !strings.Contains(err.Error(), "i18n") {
			t.Errorf("%s: %v", name, err)
		}
	}
}
