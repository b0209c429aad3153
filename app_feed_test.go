package main

import (
	"context"
	"encoding/json"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// Messages arriving together leave as one runtime event: a JSON array of
// the /ws envelopes, events in the /ws encoding, in order.
func TestFeedBatchesMessagesIntoOneEvent(t *testing.T) {
	in := make(chan domain.Message, 8)
	got := make(chan string, 8)
	e := domain.Event{Type: domain.EventChat, ID: "7", TS: 5, Comment: "hi"}
	in <- domain.EventMessage(&e)
	in <- domain.Message{Type: "connection", TS: 6, Data: map[string]string{"state": "connected"}}
	in <- domain.Message{Type: "bad", Data: func() {}} // cannot be encoded: skipped
	close(in)
	runFeed(context.Background(), in, time.Hour, func(s string) { got <- s })
	if len(got) != 1 {
		t.Fatalf("%d runtime events, want 1", len(got))
	}
	var batch []struct {
		Type string          `json:"type"`
		TS   int64           `json:"ts"`
		Data json.RawMessage `json:"data"`
	}
	raw := <-got
	if err := json.Unmarshal([]byte(raw), &batch); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	if len(batch) != 2 || batch[0].Type != "chat" || batch[1].Type != "connection" {
		t.Fatalf("batch: %s", raw)
	}
	var ev domain.Event
	if err := json.Unmarshal(batch[0].Data, &ev); err != nil || ev.Comment != "hi" || ev.ID != "7" {
		t.Fatalf("event: %+v %v", ev, err)
	}
}
