package tikfinity

import (
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

// BenchmarkEncode is the per-event cost of the compat server (one encode
// per event, shared by every client).
func BenchmarkEncode(b *testing.B) {
	enc := newEncoder()
	chat := &domain.Event{Type: domain.EventChat, ID: "7500000000000000001", TS: 1750000000000, User: viewer, Comment: "hello there"}
	gift := rose(domain.EventGiftStreak, "7500000000000000002", 3)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		e := chat
		if i%2 == 1 {
			e = gift
		}
		if _, ok := enc.encode(e); !ok {
			b.Fatal("not encoded")
		}
	}
}
