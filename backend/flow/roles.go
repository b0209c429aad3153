package flow

import (
	"sync"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// TopGifterRoles adapts a "top gifters" query (user ids, best first) to
// action.RoleLookup for the topGifter role, caching each list for ttl so a
// busy chat does not query the database per message. Other roles are
// answered from the event's flags alone.
func TopGifterRoles(top func(n int) ([]string, error), ttl time.Duration) action.RoleLookup {
	return &topGifters{top: top, ttl: ttl, now: time.Now, cache: map[int]topList{}}
}

type topGifters struct {
	top   func(n int) ([]string, error)
	ttl   time.Duration
	now   func() time.Time
	mu    sync.Mutex
	cache map[int]topList
}

type topList struct {
	ids []string
	at  time.Time
}

// HasRole implements action.RoleLookup.
func (t *topGifters) HasRole(u domain.User, role string, topN int) (bool, error) {
	if role != action.RoleTopGifter || u.UserID == "" {
		return false, nil
	}
	if topN <= 0 {
		topN = 3
	}
	ids, err := t.list(topN)
	for _, id := range ids {
		if id == u.UserID {
			return true, nil
		}
	}
	return false, err
}

func (t *topGifters) list(n int) ([]string, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if l, ok := t.cache[n]; ok && t.now().Sub(l.at) < t.ttl {
		return l.ids, nil
	}
	ids, err := t.top(n)
	if err != nil {
		return nil, err
	}
	t.cache[n] = topList{ids: ids, at: t.now()}
	return ids, nil
}
