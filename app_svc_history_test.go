package main

import (
	"bytes"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/history"
)

// The history's methods answer the same through the binding and over
// REST (streams, a stream, events, rules), the desktop's export writes the
// bytes REST downloads, and a failing call carries the same code on both.
func TestHistoryBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	s := &HistoryService{a}
	if _, err := (&TestEventsService{a}).Simulate(domain.Event{Type: domain.EventChat,
		User: domain.User{UserID: "7", UniqueID: "ann"}, Comment: "hello history"}); err != nil {
		t.Fatal(err)
	}
	var streams []history.Stream
	for deadline := time.Now().Add(5 * time.Second); len(streams) == 0; time.Sleep(50 * time.Millisecond) {
		var err error
		if streams, err = s.Streams(history.StreamsRequest{Simulated: true}); err != nil || time.Now().After(deadline) {
			t.Fatalf("no simulated stream: %+v %v", streams, err)
		}
	}
	_, body := apiCall(t, a, http.MethodGet, "/api/streams?simulated=1", "")
	sameJSON(t, "streams", streams, body)
	id := strconv.FormatInt(streams[0].ID, 10)
	d, err := s.Stream(history.StreamRequest{ID: streams[0].ID})
	_, body = apiCall(t, a, http.MethodGet, "/api/streams/"+id, "")
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "stream", d, body)
	page, err := s.Events(history.EventQuery{Q: "history", Limit: 5})
	_, body = apiCall(t, a, http.MethodGet, "/api/events?q=history&limit=5", "")
	if err != nil || len(page.Events) != 1 {
		t.Fatalf("bound events: %+v %v", page, err)
	}
	sameJSON(t, "events", page, body)
	rules, err := s.SetRules(history.Rules{PerMinute: 2, PerCoin: 3, PerMessage: 1})
	_, body = apiCall(t, a, http.MethodGet, "/api/history/points-rules", "")
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "rules", rules, body)

	dest := filepath.Join(t.TempDir(), "export.csv")
	e, err := a.core.Services().History.Export(a.callCtx(), history.ExportRequest{ID: streams[0].ID, Format: "csv"})
	if err != nil || saveExport(e, dest) != nil {
		t.Fatalf("export: %+v %v", e, err)
	}
	got, _ := os.ReadFile(dest)
	_, body = apiCall(t, a, http.MethodGet, "/api/streams/"+id+"/export?format=csv", "")
	if !bytes.Equal(got, body) || !bytes.Contains(got, []byte("hello history")) {
		t.Fatalf("export: saved %q, REST %q", got, body)
	}

	failing := []struct {
		what   string
		bound  error
		path   string
		status int
		code   string
	}{
		{"missing stream", second(s.Stream(history.StreamRequest{ID: 999})), "/api/streams/999", 404, "not_found"},
		{"stream id 0", second(s.Stream(history.StreamRequest{})), "/api/streams/0", 400, "invalid"},
		{"compare without b", second(s.Compare(history.CompareRequest{A: 1})), "/api/streams/compare?a=1", 400, "invalid"},
		{"missing viewer", second(s.Viewer(history.ViewerRequest{UserID: "nobody"})), "/api/viewers/nobody", 404, "not_found"},
		{"export as pdf", second(s.Export(history.ExportRequest{ID: streams[0].ID, Format: "pdf"})),
			"/api/streams/" + id + "/export?format=pdf", 400, "invalid"},
	}
	for _, f := range failing {
		bc := boundCode(t, f.bound)
		status, body := apiCall(t, a, http.MethodGet, f.path, "")
		rc := restCode(t, body)
		if bc != f.code || rc != f.code || status != f.status {
			t.Errorf("%s: bound %q, REST %d %q; want %d %q", f.what, bc, status, rc, f.status, f.code)
		}
	}
}
