package leaderboard

import "github.com/ltth/ltth/backend/domain"

// Entry is one stored leaderboard row. Its layout is that of
// store.ScoreEntry, so the store's rows convert to it without this package
// importing the store.
type Entry struct {
	domain.User
	Value  int64 `json:"value"`
	LastTS int64 `json:"lastTs"` // unix ms of the last contribution
}

// EntryType matches row types laid out like Entry (store.ScoreEntry).
type EntryType interface {
	~struct {
		domain.User
		Value  int64 `json:"value"`
		LastTS int64 `json:"lastTs"`
	}
}

// Store persists scores and the current stream's room id (a setting).
// *store.DB satisfies Store[store.ScoreEntry], so the composition root
// passes it to New as is (E is inferred).
type Store[E EntryType] interface {
	AddScore(board, period string, u domain.User, delta int64, ts int64) error
	// AddScores adds n contributions in one transaction (all or none).
	AddScores(n int, item func(i int) (board, period string, u domain.User, delta, ts int64)) error
	TopScores(board, period string, limit int) ([]E, error)
	ResetScores(board, period string) error
	GetSetting(key string) (string, bool, error)
	SetSetting(key, value string) error
}

// scores is Store in terms of Entry, what the module works with.
type scores interface {
	AddScore(board, period string, u domain.User, delta int64, ts int64) error
	AddScores(n int, item func(i int) (board, period string, u domain.User, delta, ts int64)) error
	TopScores(board, period string, limit int) ([]Entry, error)
	ResetScores(board, period string) error
	GetSetting(key string) (string, bool, error)
	SetSetting(key, value string) error
}

// adapter converts a store's row type to Entry.
type adapter[E EntryType] struct{ Store[E] }

func (a adapter[E]) TopScores(board, period string, limit int) ([]Entry, error) {
	rs, err := a.Store.TopScores(board, period, limit)
	out := make([]Entry, len(rs))
	for i, r := range rs {
		out[i] = Entry(r)
	}
	return out, err
}
