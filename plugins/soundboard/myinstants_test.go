package soundboard

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
)

func fixture(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestParseListingFixtures(t *testing.T) {
	base, _ := url.Parse("https://www.myinstants.com/")
	got, err := ParseListing(fixture(t, "search.html"), base)
	if err != nil {
		t.Fatal(err)
	}
	want := []Instant{
		{"MLG Airhorn", "https://www.myinstants.com/en/instant/mlg-airhorn-1001/", "https://www.myinstants.com/media/sounds/mlg-airhorn.mp3"},
		{"Air horn & friends' remix", "https://www.myinstants.com/en/instant/air-horn-old-1002/", "https://www.myinstants.com/media/sounds/air_horn_old.mp3"},
		{"DJ Airhorn", "https://www.myinstants.com/en/instant/dj-airhorn-1003/", "https://www.myinstants.com/media/sounds/dj-airhorn.mp3"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sounds %+v, want %d (the entry without a sound is skipped)", len(got), got, len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sound %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if got, err := ParseListing(fixture(t, "empty.html"), base); err != nil || len(got) != 0 {
		t.Errorf("empty result: %v, %v", got, err)
	}
	if _, err := ParseListing(fixture(t, "changed-layout.html"), base); !errors.Is(err, ErrLayout) || httpapi.Status(err) != 503 {
		t.Errorf("changed layout: %v", err)
	}
	if _, err := ParseListing(fixture(t, "cloudflare.html"), base); !errors.Is(err, ErrBlocked) {
		t.Errorf("cloudflare page: %v", err)
	}
	if _, err := ParseListing(strings.NewReader(`<div id="instants_container"><div class="instant"><button onclick="play('javascript:alert(1)/media/x')"></button><a class="instant-link">x</a></div></div>`), base); !errors.Is(err, ErrLayout) {
		t.Errorf("a javascript: sound must not be accepted: %v", err)
	}
}

// fakeSite stands in for MyInstants: search (page 2 is past the end),
// trending, a category with a new layout, a Cloudflare block, a slow
// category and the MP3s.
func fakeSite(t *testing.T) *httptest.Server {
	t.Helper()
	serve := func(w http.ResponseWriter, name string) {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Error(err)
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		_, _ = w.Write(b)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /en/search/", func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Query().Get("page") == "2":
			http.NotFound(w, r)
		case r.URL.Query().Get("name") == "airhorn":
			serve(w, "search.html")
		default:
			serve(w, "empty.html")
		}
	})
	mux.HandleFunc("GET /en/index/us/", func(w http.ResponseWriter, r *http.Request) { serve(w, "trending.html") })
	mux.HandleFunc("GET /en/categories/memes/", func(w http.ResponseWriter, r *http.Request) { serve(w, "changed-layout.html") })
	mux.HandleFunc("GET /en/categories/games/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("cf-mitigated", "challenge")
		w.WriteHeader(http.StatusForbidden)
		serve(w, "cloudflare.html")
	})
	mux.HandleFunc("GET /en/categories/music/", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("GET /media/sounds/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "audio/mpeg")
		_, _ = w.Write(testMP3(t))
	})
	mux.HandleFunc("GET /media/page.html", func(w http.ResponseWriter, r *http.Request) { serve(w, "trending.html") })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestMyInstantsAgainstAFakeSite(t *testing.T) {
	srv := fakeSite(t)
	mi := NewMyInstants(srv.URL, 300*time.Millisecond)
	ctx := context.Background()
	got, err := mi.Search(ctx, "airhorn", 0)
	if err != nil || len(got) != 3 || got[0].MP3URL != srv.URL+"/media/sounds/mlg-airhorn.mp3" {
		t.Fatalf("search: %+v, %v", got, err)
	}
	if got, err := mi.Search(ctx, "airhorn", 2); err != nil || len(got) != 0 {
		t.Errorf("page past the end (404): %+v, %v", got, err)
	}
	if got, err := mi.Trending(ctx, "US"); err != nil || len(got) != 1 || got[0].Name != "Vine Boom Sound" {
		t.Errorf("trending: %+v, %v", got, err)
	}
	for _, c := range []struct {
		cat  string
		want string
	}{{"memes", "layout"}, {"games", "Cloudflare"}, {"music", "did not answer in time"}} {
		start := time.Now()
		_, err := mi.Category(ctx, c.cat)
		if err == nil || !strings.Contains(err.Error(), c.want) || httpapi.Status(err) != 503 {
			t.Errorf("category %s: %v, want an error saying %q", c.cat, err, c.want)
		}
		if time.Since(start) > 2*time.Second {
			t.Errorf("category %s took %v: the timeout did not apply", c.cat, time.Since(start))
		}
	}
	if _, err := mi.Search(ctx, "  ", 0); httpapi.Status(err) != 400 {
		t.Errorf("empty query: %v", err)
	}
	if _, err := mi.Category(ctx, "../../etc"); httpapi.Status(err) != 400 {
		t.Errorf("path in category: %v", err)
	}
}
