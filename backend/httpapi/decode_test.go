package httpapi

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestDecodeStrict(t *testing.T) {
	type body struct {
		Name string `json:"name"`
		N    int    `json:"n"`
	}
	for in, want := range map[string]string{
		`{}{}garbage`:          "unexpected data after the JSON value",
		`{"name":"a"} x`:       "unexpected data after the JSON value",
		`{"name":"a","bad":1}`: `unknown field "bad"`,
		`{"n":"x"}`:            `field "n" must be int`,
		`{"name":`:             "cut off",
		``:                     "empty",
		`[1]`:                  "the body must be",
	} {
		var b body
		err := DecodeStrict(httptest.NewRequest("PUT", "/", strings.NewReader(in)), &b)
		if err == nil || !strings.Contains(err.Error(), want) || StatusOf(err) != 400 {
			t.Errorf("%q: %v, want %q", in, err, want)
		}
	}
	var b body
	if err := DecodeStrict(httptest.NewRequest("PUT", "/", strings.NewReader(" {\"name\":\"a\",\"n\":2}\n ")), &b); err != nil || b.N != 2 {
		t.Fatalf("valid body: %v %+v", err, b)
	}
	rec := httptest.NewRecorder()
	r := httptest.NewRequest("PUT", "/", strings.NewReader(`{"name":"`+strings.Repeat("x", 2<<20)+`"}`))
	r.Body = http.MaxBytesReader(rec, r.Body, 1<<20)
	if err := DecodeStrict(r, &b); StatusOf(err) != 413 || !strings.Contains(err.Error(), "1 MiB") {
		t.Fatalf("too big: %v", err)
	}
}

func TestTrimPaths(t *testing.T) {
	for in, want := range map[string]string{
		`open /home/ann/.config/ltth/profiles/x/database.db: permission denied`: `open database.db: permission denied`,
		`profile "/srv/data/profiles/a" is corrupt`:                             `profile "a" is corrupt`,
		`C:\Users\Ann\AppData\ltth\captures\c.jsonl: bad line 3`:                `c.jsonl: bad line 3`,
		`speed must be 1/4 or "max"`:                                            `speed must be 1/4 or "max"`,
		`not found: GET /api/flows/x`:                                           `not found: GET /api/flows/x`,
	} {
		if got := TrimPaths(in); got != want {
			t.Errorf("TrimPaths(%q) = %q, want %q", in, got, want)
		}
	}
}
