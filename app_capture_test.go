package main

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/core"
)

// The desktop Open dialog's upload goes to the real listener's captures
// folder, listed by GET /api/captures; a file that is not a capture is
// refused with the listener's reason and nothing is stored.
func TestUploadCaptureToTheListener(t *testing.T) {
	c, err := core.New(core.Options{DataDir: t.TempDir(), Listen: "127.0.0.1:0", Console: io.Discard, Headless: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Start(context.Background()); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		_ = c.Stop(ctx)
	})
	data, err := os.ReadFile("backend/tiktok/testdata/session.capture")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(t.TempDir(), "my stream.jsonl")
	if err := os.WriteFile(src, data, 0o644); err != nil {
		t.Fatal(err)
	}
	name, err := uploadCapture(c.URL(), c.Token(), src)
	if err != nil || name != "my_stream.jsonl" {
		t.Fatalf("upload: %q %v", name, err)
	}
	bad := filepath.Join(t.TempDir(), "notes.txt")
	os.WriteFile(bad, []byte("not a capture\n"), 0o644)
	if _, err := uploadCapture(c.URL(), c.Token(), bad); err == nil || !strings.Contains(err.Error(), "notes.txt refused") {
		t.Fatalf("bad file: %v", err)
	}
	if _, err := uploadCapture(c.URL(), "wrong", src); err == nil {
		t.Fatal("upload without the token accepted")
	}
	req, _ := http.NewRequest(http.MethodGet, c.URL()+"/api/captures", nil)
	req.Header.Set("Authorization", "Bearer "+c.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var list []struct{ Name string }
	if err := json.NewDecoder(resp.Body).Decode(&list); err != nil || len(list) != 1 || list[0].Name != "my_stream.jsonl" {
		t.Fatalf("captures: %+v %v", list, err)
	}
}
