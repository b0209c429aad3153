package overlay

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

func get(h http.Handler, path string, hdr ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest("GET", "http://127.0.0.1:3000"+path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

func TestServesPages(t *testing.T) {
	h := Handler()
	for path, ctype := range map[string]string{
		"/overlay.html":            "text/html",
		ClientScript:               "text/javascript",
		"/overlay/alerts.js":       "text/javascript",
		"/overlay/alerts.css":      "text/css",
		"/overlay/../overlay.html": "text/html", // cleaned, still inside the root
	} {
		rec := get(h, path)
		if rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %q", path, rec.Code, rec.Header().Get("Content-Type"))
		}
		if rec.Header().Get("Cache-Control") != "no-cache" || rec.Header().Get("ETag") == "" {
			t.Errorf("%s: caching headers %v", path, rec.Header())
		}
	}
	if csp := get(h, "/overlay.html").Header().Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
		t.Errorf("overlay.html CSP = %q", csp)
	}
}

func TestNoListingsNoEscape(t *testing.T) {
	h := Handler()
	for _, p := range []string{"/overlay/", "/overlay", "/", "/overlay.go", "/../overlay.go",
		"/overlay/../../overlay.go", "/static/overlay.html", "/overlay/%2e%2e/overlay.go"} {
		if rec := get(h, p); rec.Code != 404 {
			t.Errorf("%s: %d, want 404", p, rec.Code)
		}
	}
}

func TestConditionalGet(t *testing.T) {
	h := Handler()
	etag := get(h, ClientScript).Header().Get("ETag")
	if rec := get(h, ClientScript, "If-None-Match", etag); rec.Code != http.StatusNotModified {
		t.Fatalf("If-None-Match: %d", rec.Code)
	}
}

// TestScriptsNeverParseHTML is a static guard: viewer text must only reach
// the DOM through textContent, so the overlay scripts may not use any API
// that parses markup. The one exception is richtext.js, the allow-list
// sanitizer of a flow's "Text is HTML": it parses with DOMParser into an
// inert document and rebuilds the allowed nodes (TestRichTextInBrowser).
func TestScriptsNeverParseHTML(t *testing.T) {
	banned := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser|\beval\(|new Function`)
	sanitizer := regexp.MustCompile(`innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|\beval\(|new Function`)
	err := fs.WalkDir(FS(), ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(name, ".js") {
			return err
		}
		b, err := fs.ReadFile(FS(), name)
		if err != nil {
			return err
		}
		re := banned
		if name == "overlay/richtext.js" {
			re = sanitizer
		}
		if m := re.Find(b); m != nil {
			t.Errorf("%s uses %s", name, m)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestPageHooks(t *testing.T) {
	html := string(get(Handler(), "/overlay.html").Body.Bytes())
	for _, want := range []string{`id="ltth-stage"`, ClientScript, "/overlay/alerts.js", "/overlay/alerts.css"} {
		if !strings.Contains(html, want) {
			t.Errorf("overlay.html lacks %s", want)
		}
	}
	if len(Pages()) == 0 || Pages()[0].Path != "/overlay.html" {
		t.Fatalf("Pages() = %v", Pages())
	}
}

func TestFilesForWidgets(t *testing.T) {
	fsys := fstest.MapFS{
		"goal.html":     {Data: []byte("<p>goal</p>")},
		"css/goal.css":  {Data: []byte("p{}")},
		"img/coin.webp": {Data: []byte("RIFF")},
	}
	h := Files(fsys, "/overlay/goal")
	for p, ctype := range map[string]string{
		"/overlay/goal/goal.html":     "text/html",
		"/overlay/goal/css/goal.css":  "text/css",
		"/overlay/goal/img/coin.webp": "image/webp",
	} {
		if rec := get(h, p); rec.Code != 200 || !strings.HasPrefix(rec.Header().Get("Content-Type"), ctype) {
			t.Errorf("%s: %d %q", p, rec.Code, rec.Header().Get("Content-Type"))
		}
	}
	for _, p := range []string{"/overlay/goal/", "/overlay/goal/css", "/goal.html", "/overlay/goal/../overlay.html"} {
		if rec := get(h, p); rec.Code != 404 {
			t.Errorf("%s: %d, want 404", p, rec.Code)
		}
	}
	req := httptest.NewRequest("POST", "/overlay/goal/goal.html", nil)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", rec.Code)
	}
}
