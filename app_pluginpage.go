package main

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// OpenPluginPage opens a built-in plugin's own page (the soundboard
// library, the TTS control panel) in the system browser, with the API token
// in the URL fragment as those pages expect: the desktop window holds no
// token, so the link cannot be built in the page. Only the id crosses the
// bridge; the page comes from the plugin's manifest.
func (a *App) OpenPluginPage(id string) error {
	if !a.waitReady() {
		return fmt.Errorf("LTTH is not running")
	}
	u, err := a.pluginPageURL(id)
	if err != nil {
		return err
	}
	runtime.BrowserOpenURL(a.ctx, u)
	return nil
}

// pluginPageURL is the listener URL of plugin id's page with the token.
func (a *App) pluginPageURL(id string) (string, error) {
	list, err := a.core.Services().Plugins.List(a.callCtx())
	if err != nil {
		return "", err
	}
	for _, p := range list {
		if p.ID != id {
			continue
		}
		if p.Page == "" {
			return "", fmt.Errorf("plugin %q has no page", id)
		}
		page := strings.TrimLeft(p.Page, "/")
		return a.core.URL() + "/plugins/" + url.PathEscape(id) + "/" + page + "#token=" + url.QueryEscape(a.core.Token()), nil
	}
	return "", fmt.Errorf("no plugin %q", id)
}
