// Package overlay embeds LTTH's built-in overlay pages for OBS browser
// sources: the main alert overlay (/overlay.html) and the shared client
// script (/overlay/ltth-client.js) every widget page can load to follow the
// /ws feed. Plain JS/CSS, no build step. The listener mounts Handler under
// "GET /overlay.html" and "GET /overlay/".
package overlay

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed static
var static embed.FS

// ClientScript is the path of the shared websocket client script.
const ClientScript = "/overlay/ltth-client.js"

// CSP is the Content-Security-Policy sent with the built-in pages: scripts
// and styles only from the listener itself, images and media from any
// http(s) URL (avatars, gift pictures, alert media), frames from http(s)
// (the VDO.Ninja plugin embeds its director/scene page), the feed over ws(s).
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; " +
	"img-src 'self' http: https: data:; media-src 'self' http: https: data:; frame-src 'self' http: https:; " +
	"connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; base-uri 'none'"

// Page describes one built-in overlay page (for index listings).
type Page struct {
	Path        string
	Title       string
	Description string
}

// Pages lists the built-in overlay pages.
func Pages() []Page {
	return []Page{{
		Path:  "/overlay.html",
		Title: "Alerts",
		Description: "gift/follow/share/subscribe/like alerts; options: ?screen=main, " +
			"?raw=1 (built-in alerts from raw events), ?chat=1, ?sound=0; the style params of every overlay page " +
			"(?preset=name, ?anchor=, ?scale=, ?font=, ?size=, ?text=, ?accent=, ?bg=, ?anim=, ?lang=; see style.go)",
	}}
}

// FS returns the embedded files, rooted so that "overlay.html" and
// "overlay/ltth-client.js" are at the paths they are served under.
// (The embed.FS itself is read-only.)
func FS() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // cannot happen: the directory is embedded
	}
	return sub
}

type file struct {
	data  []byte
	etag  string
	ctype string
}

// handler serves files from memory. It only knows the files it was built
// with, so no request path can reach anything outside its root.
type handler struct {
	files map[string]file
}

// Handler serves the built-in pages: /overlay.html and /overlay/...
func Handler() http.Handler { return Files(FS(), "/") }

// Files serves every regular file of fsys at prefix + its path (prefix
// starts and ends with "/"), for widget pages other packages embed, e.g.
// Files(goalAssets, "/overlay/goal/"). Files are read once into memory;
// directories are never listed; HTML gets the CSP above; everything is sent
// with an ETag and Cache-Control: no-cache. Unknown paths are 404.
func Files(fsys fs.FS, prefix string) http.Handler {
	if !strings.HasPrefix(prefix, "/") {
		prefix = "/" + prefix
	}
	if !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	h := &handler{files: map[string]file{}}
	_ = fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(data)
		h.files[prefix+name] = file{data: data, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, ctype: contentType(name)}
		return nil
	})
	return h
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	name := path.Clean("/" + r.URL.Path)
	f, ok := h.files[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	hd := w.Header()
	hd.Set("Content-Type", f.ctype)
	hd.Set("Cache-Control", "no-cache") // OBS picks up a new version on refresh
	hd.Set("ETag", f.etag)
	hd.Set("X-Content-Type-Options", "nosniff")
	if strings.HasSuffix(name, ".html") {
		hd.Set("Content-Security-Policy", CSP)
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(f.data))
}

func contentType(name string) string {
	switch path.Ext(name) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".webp":
		return "image/webp"
	case ".gif":
		return "image/gif"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".mp3":
		return "audio/mpeg"
	case ".ogg":
		return "audio/ogg"
	case ".mp4":
		return "video/mp4"
	case ".webm":
		return "video/webm"
	case ".woff2":
		return "font/woff2"
	case ".json":
		return "application/json"
	}
	return "application/octet-stream"
}
