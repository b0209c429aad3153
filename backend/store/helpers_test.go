package store

import (
	"crypto/sha256"
	"os"
	"strconv"
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

func newManager(t testing.TB) *Manager {
	t.Helper()
	m, err := OpenManager(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func openDefault(t testing.TB) (*Manager, *DB) {
	t.Helper()
	m := newManager(t)
	db, err := m.Open(m.Active())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return m, db
}

// testEvent returns a realistic event of a type chosen by i.
func testEvent(i int) *domain.Event {
	u := domain.User{UserID: strconv.Itoa(7000000000000 + i%500), UniqueID: "viewer" + strconv.Itoa(i%500),
		Nickname: "Viewer ✨ " + strconv.Itoa(i%500), AvatarURL: "https://p16-sign.tiktokcdn.com/avatar/" + strconv.Itoa(i%500) + ".webp",
		IsFollower: i%3 == 0}
	e := &domain.Event{ID: strconv.Itoa(7300000000000000000 + i), TS: 1700000000000 + int64(i), User: u, Source: "tiktok"}
	switch i % 5 {
	case 0, 1:
		e.Type, e.Comment = domain.EventChat, "hello <b>world</b> & \"friends\" #"+strconv.Itoa(i)
	case 2:
		e.Type, e.GiftID, e.GiftName, e.DiamondCount, e.RepeatCount = domain.EventGift, 5655, "Rose", 1, 3
		e.Coins, e.Streakable, e.GiftPictureURL = 3, true, "https://example.com/rose.png"
	case 3:
		e.Type, e.LikeCount, e.TotalLikeCount = domain.EventLike, 15, int64(1000+i)
	default:
		e.Type = domain.EventJoin
	}
	return e
}

type fileState struct {
	size int64
	sum  [32]byte
	mod  int64
}

func snapshotFile(t testing.TB, path string) fileState {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return fileState{size: int64(len(b)), sum: sha256.Sum256(b), mod: st.ModTime().UnixNano()}
}
