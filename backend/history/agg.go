package history

import "github.com/ltth/ltth/backend/domain"

// Figures are a stream's key figures (the fields GET /api/streams names).
type Figures struct {
	Coins          int64 `json:"coins"`
	Gifts          int64 `json:"gifts"`
	Likes          int64 `json:"likes"`
	Follows        int64 `json:"follows"`
	Shares         int64 `json:"shares"`
	Subscribes     int64 `json:"subscribes"`
	ChatMessages   int64 `json:"chatMessages"`
	UniqueChatters int64 `json:"uniqueChatters"`
	UniqueGifters  int64 `json:"uniqueGifters"`
	PeakViewers    int64 `json:"peakViewers"`
	AvgViewers     int64 `json:"avgViewers"`
	BiggestStreak  int64 `json:"biggestStreak"` // coins of the biggest single gift
}

// Stream is one stream session with its figures.
type Stream struct {
	ID        int64  `json:"id"`
	Source    string `json:"source"`
	UniqueID  string `json:"uniqueId"`
	RoomID    string `json:"roomId"`
	Simulated bool   `json:"simulated"`
	StartedAt int64  `json:"startedAt"`
	EndedAt   *int64 `json:"endedAt"` // null while live
	LastTS    int64  `json:"lastTs"`
	Figures
	viewerSum, viewerSamples int64
}

// Minute is one point of a stream's per-minute series.
type Minute struct {
	Minute  int64 `json:"minute"` // minutes since the start
	TS      int64 `json:"ts"`     // unix ms of the minute's start
	Viewers int64 `json:"viewers"`
	Coins   int64 `json:"coins"`
	Likes   int64 `json:"likes"`
	Chats   int64 `json:"chats"`
	Follows int64 `json:"follows"`
}

// userAgg is what one user did in one stream (absolute values).
type userAgg struct {
	coins, gifts, likes, messages, follows, shares, minutes, points int64
	lastMinute                                                      int64
}

// live is the open stream of one kind (real or simulated) in memory: the
// aggregates are kept absolute and written as such, so a flush is
// idempotent.
type live struct {
	Stream
	users      map[string]*userAgg
	minutes    map[int64]*Minute
	dirtyUsers map[string]bool
	dirtyMins  map[int64]bool
	markers    []Marker
	dirtyMarks map[int]bool
	gap        int // index of the open gap marker, -1 if none
	dirty      bool
}

func newLive(s Stream) *live {
	return &live{Stream: s, users: map[string]*userAgg{}, minutes: map[int64]*Minute{},
		dirtyUsers: map[string]bool{}, dirtyMins: map[int64]bool{}, dirtyMarks: map[int]bool{}, gap: -1, dirty: true}
}

// userKey is the id events of a user count under: the user id, or
// "@<uniqueId>" for hand-made events without one.
func userKey(u *domain.User) string {
	if u.UserID != "" {
		return u.UserID
	}
	if u.UniqueID != "" {
		return "@" + u.UniqueID
	}
	return ""
}

// minute returns the series point of the minute ts falls in.
func (l *live) minute(ts int64) *Minute {
	n := max(ts-l.StartedAt, 0) / 60000
	m := l.minutes[n]
	if m == nil {
		m = &Minute{Minute: n, TS: l.StartedAt + n*60000}
		l.minutes[n] = m
	}
	l.dirtyMins[n] = true
	return m
}

// delta is a change to a viewer's totals, applied to the viewer database.
type delta struct {
	user                                                    domain.User
	coins, gifts, likes, messages, follows, shares, minutes int64
	points, roles, firstTS, lastTS                          int64
	streams                                                 int64
}

// apply counts e into the stream and returns the change to its user's
// totals (nil for events without a user).
func (l *live) apply(e *domain.Event, r Rules) *delta {
	l.dirty = true
	l.LastTS = max(l.LastTS, e.TS)
	m := l.minute(e.TS)
	if e.Type == domain.EventViewers {
		l.PeakViewers = max(l.PeakViewers, e.ViewerCount)
		l.viewerSum += e.ViewerCount
		l.viewerSamples++
		l.AvgViewers = l.viewerSum / l.viewerSamples
		m.Viewers = max(m.Viewers, e.ViewerCount)
		return nil
	}
	key := userKey(&e.User)
	if key == "" || !e.Type.HasUser() {
		return nil
	}
	u := l.users[key]
	d := &delta{user: e.User, firstTS: e.TS, lastTS: e.TS, roles: roles(&e.User)}
	d.user.UserID = key
	if u == nil {
		u = &userAgg{lastMinute: -1}
		l.users[key] = u
		d.streams = 1
	}
	l.dirtyUsers[key] = true
	if u.lastMinute != m.Minute {
		u.lastMinute = m.Minute
		u.minutes++
		d.minutes = 1
	}
	l.count(e, m, u, d)
	d.points = r.points(d)
	u.points += d.points
	return d
}

// count adds e's figures to the stream, its minute, its user and d.
func (l *live) count(e *domain.Event, m *Minute, u *userAgg, d *delta) {
	switch e.Type {
	case domain.EventChat:
		l.ChatMessages++
		m.Chats++
		if u.messages == 0 {
			l.UniqueChatters++
		}
		u.messages++
		d.messages = 1
	case domain.EventGift:
		n := max(e.RepeatCount, 1)
		l.Coins += e.Coins
		l.Gifts += n
		l.BiggestStreak = max(l.BiggestStreak, e.Coins)
		l.bigGift(e)
		m.Coins += e.Coins
		if u.gifts == 0 {
			l.UniqueGifters++
		}
		u.coins += e.Coins
		u.gifts += n
		d.coins, d.gifts = e.Coins, n
	case domain.EventLike:
		l.Likes += e.LikeCount
		m.Likes += e.LikeCount
		u.likes += e.LikeCount
		d.likes = e.LikeCount
	case domain.EventFollow:
		l.Follows++
		m.Follows++
		u.follows++
		d.follows = 1
	case domain.EventShare:
		l.Shares++
		u.shares++
		d.shares = 1
	case domain.EventSubscribe:
		l.Subscribes++
	}
}

// Role bits of history_viewers.roles.
const (
	RoleModerator  = 1
	RoleSubscriber = 2
	RoleFollower   = 4
)

func roles(u *domain.User) int64 {
	var r int64
	if u.IsModerator {
		r |= RoleModerator
	}
	if u.IsSubscriber {
		r |= RoleSubscriber
	}
	if u.IsFollower {
		r |= RoleFollower
	}
	return r
}

// Rules are the loyalty points rules: points per unit of each activity.
type Rules struct {
	PerMinute  int64 `json:"perMinute"`  // per minute with any activity in a stream
	PerCoin    int64 `json:"perCoin"`    //
	PerLike    int64 `json:"perLike"`    //
	PerMessage int64 `json:"perMessage"` //
	PerFollow  int64 `json:"perFollow"`  //
	PerShare   int64 `json:"perShare"`   //
}

// DefaultRules are used until the streamer changes them.
var DefaultRules = Rules{PerMinute: 1, PerCoin: 1, PerLike: 0, PerMessage: 1, PerFollow: 5, PerShare: 5}

func (r Rules) points(d *delta) int64 {
	return d.minutes*r.PerMinute + d.coins*r.PerCoin + d.likes*r.PerLike +
		d.messages*r.PerMessage + d.follows*r.PerFollow + d.shares*r.PerShare
}
