package history

import (
	"reflect"
	"testing"
	"time"
)

// snapshot is everything history keeps per stream and per viewer.
type snapshot struct {
	Streams []Stream
	Details []Detail
	Viewers []Viewer
	Detail0 ViewerDetail
}

func takeSnapshot(t *testing.T, m *Module) snapshot {
	t.Helper()
	var s snapshot
	var err error
	if s.Streams, err = m.Streams(0, false); err != nil {
		t.Fatal(err)
	}
	for _, st := range s.Streams {
		d, err := m.Stream(st.ID)
		if err != nil {
			t.Fatal(err)
		}
		s.Details = append(s.Details, d)
	}
	if s.Viewers, err = m.Viewers("", "coins", 500); err != nil {
		t.Fatal(err)
	}
	if len(s.Viewers) == 0 {
		t.Fatal("no viewers")
	}
	if s.Detail0, err = m.Viewer(s.Viewers[0].UserID); err != nil {
		t.Fatal(err)
	}
	return s
}

// Journal retention deletes raw events; the per-stream figures, series,
// markers, top lists and the viewer database (with points and nicknames)
// stay, also across a restart, and so does a stream left open by a crash
// whose events were pruned before the next start.
func TestRetentionKeepsAggregates(t *testing.T) {
	db := openStore(t, t.TempDir())
	r := newRig(t, db, 20*time.Millisecond)
	for i, room := range []string{"room-1", "room-2"} {
		g := newGen(uint64(20+i), 1_700_000_000_000+int64(i)*86_400_000, 30, room)
		r.publish(g.connected())
		for j := 0; j < 1500; j++ {
			r.publish(g.next())
		}
		if i == 0 {
			r.publish(g.end())
		}
	}
	r.settle()
	r.m.sync()
	before := takeSnapshot(t, r.m)
	if before.Streams[0].EndedAt != nil {
		t.Fatal("the newest stream should still be open")
	}
	r.crash() // the newest stream stays open in the database

	n, err := db.PruneEvents(time.Now().UnixMilli())
	if err != nil || n < 3000 {
		t.Fatalf("pruned %d events: %v", n, err)
	}
	r2 := newRig(t, db, 20*time.Millisecond)
	defer r2.stop()
	after := takeSnapshot(t, r2.m)
	// The open stream was closed as written (its events are gone).
	if after.Streams[0].EndedAt == nil || *after.Streams[0].EndedAt != before.Streams[0].LastTS {
		t.Errorf("open stream after retention: endedAt %v, want its last event %d", after.Streams[0].EndedAt, before.Streams[0].LastTS)
	}
	after.Streams[0].EndedAt, after.Details[0].EndedAt = nil, nil
	if !reflect.DeepEqual(after, before) {
		t.Errorf("aggregates changed by retention:\n before %+v\n after  %+v", before, after)
	}
}
