package flow

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/action"
)

// newHTTPClient is the default client of webhook actions: redirects only to
// http(s), at most 5.
func newHTTPClient() *http.Client {
	return &http.Client{CheckRedirect: func(req *http.Request, via []*http.Request) error {
		if len(via) >= 5 {
			return errors.New("too many redirects")
		}
		if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
			return fmt.Errorf("redirect to %s refused", req.URL.Scheme)
		}
		return nil
	}}
}

// checkWebhookURL allows absolute http(s) URLs only.
func checkWebhookURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" {
		return fmt.Errorf("webhook URL %q: only absolute http:// or https:// URLs", s)
	}
	return nil
}

// maxWebhookTimeout bounds a webhook's timeout.
const maxWebhookTimeout = 30 * time.Second

func (e *Engine) webhookAction() action.Action {
	methods := []action.Option{{Value: "POST", Label: "POST"}, {Value: "PUT", Label: "PUT"},
		{Value: "PATCH", Label: "PATCH"}, {Value: "GET", Label: "GET"}}
	return action.Action{
		Info: action.Info{Type: "webhook.send", Name: "Send webhook", Category: catExt,
			Description: "An HTTP request to another tool. In a JSON body, values inserted by {placeholders} are JSON-escaped.",
			Fields: []action.FieldSpec{
				{Name: "url", Label: "URL", Kind: action.FieldTemplate, Required: true},
				{Name: "method", Label: "Method", Kind: action.FieldSelect, Options: methods, Default: "POST"},
				{Name: "body", Label: "Body", Kind: action.FieldTemplate,
					Default: `{"event":"{type}","user":"{nickname}","flow":"{flow.name}"}`},
				{Name: "contentType", Label: "Content type", Kind: action.FieldText, Default: "application/json"},
				{Name: "timeoutMs", Label: "Timeout (ms)", Kind: action.FieldNumber, Default: 5000},
				{Name: "headers", Label: "Headers", Kind: action.FieldJSON, Help: `{"X-Key": "value"}`}}},
		DryRunSafe: true,
		Validate:   validateWebhook,
		Execute:    e.execWebhook,
	}
}

func validateWebhook(cfg *action.Config) error {
	if t := cfg.Template("url"); t.IsStatic() {
		if err := checkWebhookURL(t.Source()); err != nil {
			return err
		}
	}
	if d := cfg.Number("timeoutMs"); d <= 0 || time.Duration(d)*time.Millisecond > maxWebhookTimeout {
		return fmt.Errorf("timeoutMs must be between 1 and %d", maxWebhookTimeout.Milliseconds())
	}
	if strings.ContainsAny(cfg.String("contentType"), "\r\n") {
		return errors.New("invalid content type")
	}
	_, err := webhookHeaders(cfg)
	return err
}

func webhookHeaders(cfg *action.Config) (map[string]string, error) {
	var h map[string]string
	if raw := cfg.Raw("headers"); len(raw) > 0 {
		if err := cfg.Decode(&struct {
			Headers *map[string]string `json:"headers"`
		}{&h}); err != nil {
			return nil, fmt.Errorf("headers must be an object of strings")
		}
	}
	for k, v := range h {
		if k == "" || strings.ContainsAny(k+v, "\r\n") {
			return nil, fmt.Errorf("invalid header %q", k)
		}
	}
	return h, nil
}

func (e *Engine) execWebhook(ctx context.Context, run *action.Run) error {
	c := run.Config()
	u := strings.TrimSpace(run.URL("url"))
	if src := strings.TrimSpace(c.Template("url").Source()); len(c.Template("url").Refs()) == 1 &&
		strings.HasPrefix(src, "{") && strings.HasSuffix(src, "}") {
		u = strings.TrimSpace(run.Text("url")) // a lone placeholder holds a whole URL
	}
	if err := checkWebhookURL(u); err != nil {
		return err
	}
	method, ct := c.String("method"), c.String("contentType")
	body := run.Text("body")
	if strings.Contains(strings.ToLower(ct), "json") {
		body = run.JSON("body")
	}
	if method == http.MethodGet {
		body = ""
	}
	if run.DryRun {
		run.Notef("would %s %s with body %s", method, u, body)
		return nil
	}
	return e.sendWebhook(ctx, run, method, u, ct, body)
}

func (e *Engine) sendWebhook(ctx context.Context, run *action.Run, method, u, ct, body string) error {
	c := run.Config()
	ctx, cancel := context.WithTimeout(ctx, time.Duration(c.Number("timeoutMs")*float64(time.Millisecond)))
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, method, u, strings.NewReader(body))
	if err != nil {
		return err
	}
	if body != "" {
		req.Header.Set("Content-Type", ct)
	}
	req.Header.Set("User-Agent", "LTTH-flow")
	h, _ := webhookHeaders(c)
	for k, v := range h {
		req.Header.Set(k, v)
	}
	resp, err := e.opts.HTTPClient.Do(req)
	if err != nil {
		return fmt.Errorf("webhook %s %s: %w", method, u, err)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	run.Notef("%s %s → %d", method, u, resp.StatusCode)
	if resp.StatusCode >= 400 {
		return fmt.Errorf("webhook %s %s: status %d", method, u, resp.StatusCode)
	}
	return nil
}
