package store

import (
	"os"
	"testing"
	"time"
)

// bigProfile makes profile "big" with a 100,000-event journal.
func bigProfile(b *testing.B) *Manager {
	m := newManager(b)
	db, err := m.Open("big")
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for i := 0; i < 100; i++ {
		tx, err := db.SQL().Begin()
		if err != nil {
			b.Fatal(err)
		}
		for k := 0; k < 1000; k++ {
			e := testEvent(i*1000 + k)
			if _, err := tx.Exec(insertEvent, e.ID, e.TS, string(e.Type), e.UserID, e.UniqueID, string(e.AppendJSON(nil))); err != nil {
				b.Fatal(err)
			}
		}
		if err := tx.Commit(); err != nil {
			b.Fatal(err)
		}
	}
	return m
}

func reportSize(b *testing.B, m *Manager) {
	if st, err := os.Stat(m.dbPath("big")); err == nil {
		b.ReportMetric(float64(st.Size())/(1<<20), "MB")
	}
}

// BenchmarkOpenQuickCheck measures Manager.Open (+Close) of a profile with
// a 100,000-event journal: the whole-file quick_check runs at every open
// (the daily backup is not due after the first).
func BenchmarkOpenQuickCheck(b *testing.B) {
	m := bigProfile(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		db, err := m.Open("big")
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	reportSize(b, m)
}

// BenchmarkOpenWithDailyBackup is the once-a-day open that also writes the
// backup (VACUUM INTO) and prunes old ones.
func BenchmarkOpenWithDailyBackup(b *testing.B) {
	m := bigProfile(b)
	day := time.Now()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		day = day.Add(25 * time.Hour)
		m.now = func() time.Time { return day }
		db, err := m.Open("big")
		if err != nil {
			b.Fatal(err)
		}
		db.Close()
	}
	reportSize(b, m)
}
