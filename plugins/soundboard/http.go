package soundboard

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/httpapi"
)

// routes serves the API under /api/plugins/soundboard/.
func (p *Plugin) routes() {
	h := p.h
	h.Handle("GET /gifts", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httpapi.WriteJSON(w, http.StatusOK, p.gifts.list())
	}))
	h.Handle("GET /search", http.HandlerFunc(p.search))
	h.Handle("GET /trending", http.HandlerFunc(p.search))
	h.Handle("GET /category", http.HandlerFunc(p.search))
	h.Handle("GET /categories", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httpapi.WriteJSON(w, http.StatusOK, Categories)
	}))
	h.Handle("GET /library", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, lib, _ := p.state()
		list, err := lib.List()
		reply(w, list, err)
	}))
	h.Handle("POST /library", http.HandlerFunc(p.upload))
	h.Handle("POST /library/download", http.HandlerFunc(p.download))
	h.Handle("PATCH /library/{id}", http.HandlerFunc(p.update))
	h.Handle("DELETE /library/{id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, lib, _ := p.state()
		reply(w, map[string]bool{"deleted": true}, lib.Delete(r.PathValue("id")))
	}))
	h.Handle("GET /files/{id}", http.HandlerFunc(p.file))
	h.Handle("GET /mappings", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		httpapi.WriteJSON(w, http.StatusOK, p.rules.Mappings())
	}))
	h.Handle("PUT /mappings", http.HandlerFunc(p.putMappings))
	h.Handle("POST /play", http.HandlerFunc(p.preview))
	h.Handle("POST /stop", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p.h.Publish(EventStop, map[string]any{})
		httpapi.WriteJSON(w, http.StatusOK, map[string]bool{"stopped": true})
	}))
}

func reply(w http.ResponseWriter, v any, err error) {
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	httpapi.WriteJSON(w, http.StatusOK, v)
}

func (p *Plugin) search(w http.ResponseWriter, r *http.Request) {
	_, _, mi := p.state()
	q := r.URL.Query()
	var list []Instant
	var err error
	switch {
	case strings.HasSuffix(r.URL.Path, "/trending"):
		list, err = mi.Trending(r.Context(), q.Get("region"))
	case strings.HasSuffix(r.URL.Path, "/category"):
		list, err = mi.Category(r.Context(), q.Get("name"))
	default:
		page, _ := strconv.Atoi(q.Get("page"))
		list, err = mi.Search(r.Context(), q.Get("q"), page)
	}
	reply(w, list, err)
}

func (p *Plugin) upload(w http.ResponseWriter, r *http.Request) {
	s, lib, _ := p.state()
	// The content decides (sniffed); a declared non-audio type is refused early.
	ct := strings.ToLower(r.Header.Get("Content-Type"))
	if strings.HasPrefix(ct, "text/") || strings.HasPrefix(ct, "image/") || strings.HasPrefix(ct, "video/") {
		httpapi.WriteError(w, ErrNotAudio)
		return
	}
	limit := int64(s.MaxFileMB * (1 << 20))
	if r.ContentLength > limit {
		httpapi.WriteError(w, ErrFileTooBig)
		return
	}
	snd, err := lib.Add(r.URL.Query().Get("name"), http.MaxBytesReader(w, r.Body, limit+1), "upload", "")
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe) && mbe.Limit < limit:
		err = httpapi.NewError(httpapi.ErrTooLarge, fmt.Sprintf("uploads through LTTH's local API are limited to %d KiB; add larger sounds by URL", mbe.Limit>>10))
	case errors.As(err, &mbe):
		err = ErrFileTooBig
	}
	reply(w, snd, err)
}

func (p *Plugin) download(w http.ResponseWriter, r *http.Request) {
	var in struct{ Name, URL string }
	if err := json.NewDecoder(io.LimitReader(r.Body, 8192)).Decode(&in); err != nil {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, "body must be {\"name\",\"url\"}"))
		return
	}
	_, lib, _ := p.state()
	snd, err := lib.Download(r.Context(), in.Name, in.URL)
	reply(w, snd, err)
}

func (p *Plugin) update(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Name   string   `json:"name"`
		Volume *float64 `json:"volume"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 8192)).Decode(&in); err != nil {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, "body must be {\"name\",\"volume\"}"))
		return
	}
	_, lib, _ := p.state()
	old, err := lib.Get(r.PathValue("id"))
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	vol := old.Volume
	if in.Volume != nil {
		vol = *in.Volume
	}
	snd, err := lib.Update(old.ID, in.Name, vol)
	reply(w, snd, err)
}

func (p *Plugin) file(w http.ResponseWriter, r *http.Request) {
	_, lib, _ := p.state()
	snd, err := lib.Get(r.PathValue("id"))
	if err != nil {
		httpapi.WriteError(w, err)
		return
	}
	w.Header().Set("Content-Type", snd.Mime)
	w.Header().Set("Cache-Control", "max-age=86400")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeFile(w, r, lib.Path(snd.ID))
}

func (p *Plugin) putMappings(w http.ResponseWriter, r *http.Request) {
	var ms []Mapping
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<20)).Decode(&ms); err != nil {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, "body must be a list of mappings: "+err.Error()))
		return
	}
	for i := range ms {
		if ms[i].ID == "" {
			ms[i].ID = newID()
		}
	}
	s, _, _ := p.state()
	if err := p.rules.Set(ms, cooldowns(s)); err != nil {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, err.Error()))
		return
	}
	raw, _ := json.Marshal(ms)
	reply(w, ms, p.h.KV().Put(kvMappings, raw))
}

func (p *Plugin) preview(w http.ResponseWriter, r *http.Request) {
	var in struct {
		Sound  string   `json:"sound"`
		Volume *float64 `json:"volume"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, 8192)).Decode(&in); err != nil {
		httpapi.WriteError(w, httpapi.NewError(httpapi.ErrInvalid, "body must be {\"sound\",\"volume\"}"))
		return
	}
	gain := 1.0
	if in.Volume != nil {
		gain = max(0, min(1, *in.Volume))
	}
	played, err := p.play(in.Sound, gain, "", "", 0, "preview", "")
	reply(w, map[string]bool{"played": played}, err)
}

// resolveSound turns a library id or an http(s) URL into what the overlay
// plays, with the sound's own volume and name.
func resolveSound(lib *Library, sound string) (url string, vol float64, name string, err error) {
	return resolveMedia(lib, sound)
}

func resolveMedia(lib *Library, ref string) (string, float64, string, error) {
	ref = strings.TrimSpace(ref)
	if isHTTP(ref) {
		return ref, 1, "", nil
	}
	s, err := lib.Get(ref)
	if err != nil {
		return "", 0, "", httpapi.NewError(httpapi.ErrNotFound, "no sound "+strconv.Quote(ref)+" in the library (use a library id or an http(s) URL)")
	}
	return "/api/plugins/" + ID + "/files/" + s.ID, s.Volume, s.Name, nil
}
