package main

import (
	"net/http"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/plugin"
)

// The desktop opens a plugin's page with the token in the fragment (the
// window holds none); the URL is built from the manifest, and the page it
// names is served by the listener. An unknown plugin is refused.
func TestPluginPageURLCarriesTheToken(t *testing.T) {
	a := startedApp(t)
	if _, err := a.core.Services().Plugins.Enable(a.callCtx(), plugin.IDRequest{ID: "soundboard"}); err != nil {
		t.Fatal(err)
	}
	u, err := a.pluginPageURL("soundboard")
	if err != nil {
		t.Fatal(err)
	}
	page, frag, _ := strings.Cut(u, "#")
	if frag != "token="+a.core.Token() || !strings.HasPrefix(page, a.core.URL()+"/plugins/soundboard/") {
		t.Fatalf("page URL %q", u)
	}
	resp, err := http.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d", page, resp.StatusCode)
	}
	if _, err := a.pluginPageURL("../../etc"); err == nil {
		t.Fatal("an unknown plugin got a page URL")
	}
}
