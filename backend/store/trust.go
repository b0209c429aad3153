package store

import (
	"encoding/json"
	"net/url"
	"strings"
)

// The one list of what in a profile is secret or dangerous. Setting keys
// are literal here because the store may not import the subsystems that
// own them; core's tests check these against the subsystems' constants.
var (
	// SecretSettings are blanked in exports unless secrets are included.
	SecretSettings = []string{
		"tiktok.apiKey",
		"tiktok.sessionId",
		"obs.password",
	}
	// QuarantinedSettings run a program or send secrets elsewhere: an
	// imported profile keeps them in pending_review until the user accepts.
	QuarantinedSettings = []string{
		"tiktok.browserPath",
		"tiktok.signServerUrl",
	}
	// DroppedSettings never survive an import: a confirmation made on
	// another machine (or forged in the file) is not this user's.
	DroppedSettings = []string{
		"tiktok.browserPathConfirmed",
	}
)

// WebhookActionType is the flow action that sends HTTP requests; flows
// containing it are imported disabled and its header values are secrets.
const WebhookActionType = "webhook.send"

func inList(list []string, key string) bool {
	for _, k := range list {
		if k == key {
			return true
		}
	}
	return false
}

// webhookInfo describes the webhook actions found in a flow document.
type webhookInfo struct {
	URLs    []string
	Headers []string // header names (values are secret)
}

// walkWebhooks calls fn for the config object of every webhook action at
// any depth of doc (actions nest inside choose/repeat blocks).
func walkWebhooks(doc any, fn func(cfg map[string]any)) {
	switch v := doc.(type) {
	case map[string]any:
		if t, _ := v["type"].(string); t == WebhookActionType {
			cfg, ok := v["config"].(map[string]any)
			if !ok {
				cfg = map[string]any{}
				v["config"] = cfg
			}
			fn(cfg)
		}
		for _, child := range v {
			walkWebhooks(child, fn)
		}
	case []any:
		for _, child := range v {
			walkWebhooks(child, fn)
		}
	}
}

// flowWebhooks reports the webhook actions of a flow document (nil if none
// or if the document is not JSON).
func flowWebhooks(def []byte) *webhookInfo {
	var doc any
	if json.Unmarshal(def, &doc) != nil {
		return nil
	}
	var info *webhookInfo
	walkWebhooks(doc, func(cfg map[string]any) {
		if info == nil {
			info = &webhookInfo{}
		}
		u, _ := cfg["url"].(string)
		info.URLs = append(info.URLs, MaskURL(u))
		for name := range headerMap(cfg["headers"]) {
			info.Headers = append(info.Headers, name)
		}
	})
	return info
}

// headerMap reads a webhook's headers, stored as an object or as a JSON
// string holding one.
func headerMap(h any) map[string]any {
	switch v := h.(type) {
	case map[string]any:
		return v
	case string:
		var m map[string]any
		if json.Unmarshal([]byte(v), &m) == nil {
			return m
		}
	}
	return nil
}

// scrubWebhookHeaders blanks every webhook header value in a flow
// document; changed is false when there was nothing to blank.
func scrubWebhookHeaders(def []byte) (out []byte, changed bool) {
	var doc any
	if json.Unmarshal(def, &doc) != nil {
		return def, false
	}
	walkWebhooks(doc, func(cfg map[string]any) {
		h := headerMap(cfg["headers"])
		if len(h) == 0 {
			return
		}
		blank := map[string]any{}
		for k := range h {
			blank[k] = ""
		}
		cfg["headers"] = blank
		changed = true
	})
	if !changed {
		return def, false
	}
	b, err := json.Marshal(doc)
	if err != nil {
		return def, false
	}
	return b, true
}

// MaskURL hides the credentials and query values of a URL (a key is often
// passed as ?apiKey=...).
func MaskURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		if len(s) > 80 {
			return s[:80] + "…"
		}
		return s
	}
	if u.User != nil {
		u.User = url.User("•••")
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			q.Set(k, "•••")
		}
		u.RawQuery = q.Encode()
	}
	return strings.ReplaceAll(u.String(), "%E2%80%A2", "•")
}
