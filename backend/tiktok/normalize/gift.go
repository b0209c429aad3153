package normalize

import (
	"sort"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// streakKey identifies one gift streak: sender, gift and combo group.
type streakKey struct {
	user  string
	gift  int64
	group int64
}

type streak struct {
	ev     domain.Event // event of the last message seen (for a timeout commit)
	seenMs int64        // receive time of that message
	max    int64        // highest repeatCount seen
}

// streakBook tracks running streaks and remembers recently ended ones, so a
// second end (or a late progress message) for the same streak is dropped.
type streakBook struct {
	timeoutMs int64
	open      map[streakKey]streak
	ended     *boundedMap[streakKey, struct{}]
	earliest  int64 // <= min(seenMs) of open streaks
	committed uint64
}

func newStreakBook(timeout time.Duration) streakBook {
	return streakBook{
		timeoutMs: max(timeout.Milliseconds(), 1),
		open:      make(map[streakKey]streak),
		ended:     newBoundedMap[streakKey, struct{}](endedStreakMemory),
	}
}

func (b *streakBook) openCount() int { return len(b.open) }

func (n *Normalizer) gift(dst []domain.Event, m *rawMsg, recvMs int64) []domain.Event {
	var v giftView
	if !n.parsed(m, v.parse(m.payload)) {
		return dst
	}
	e, ok := n.admit(m, &v.c, recvMs)
	if !ok {
		return dst
	}
	e.User = userOf(&v.u, &v.id)
	if v.defDiamonds < 0 || v.repeatCount < 0 {
		n.stats.Clamped++
	}
	fillGift(&e, &v)
	if !e.Streakable {
		e.Type = domain.EventGift
		return append(dst, e)
	}
	k := streakKey{user: e.UserID, gift: e.GiftID, group: v.groupID}
	if _, done := n.streaks.ended.get(k); done {
		n.stats.DuplicateEnds++
		return dst
	}
	if v.repeatEnd != 0 {
		return n.streaks.end(dst, k, e)
	}
	return n.streaks.progress(dst, k, e, recvMs)
}

// fillGift sets the gift fields: streakable means gift.type == 1, coins =
// diamondCount x repeatCount (a missing repeatCount counts as 1).
func fillGift(e *domain.Event, v *giftView) {
	e.GiftID = v.giftID
	if e.GiftID == 0 {
		e.GiftID = v.defID
	}
	e.GiftName = text(v.defName)
	e.DiamondCount = max(v.defDiamonds, 0)
	e.RepeatCount = max(v.repeatCount, 1)
	e.Streakable = v.defType == 1
	pic := v.defImage
	if len(pic) == 0 {
		pic = v.defIcon
	}
	e.GiftPictureURL = text(pic)
	e.Coins = domain.GiftCoins(e.DiamondCount, e.RepeatCount)
}

// end counts the streak once, with the final repeatCount (never below the
// highest count seen), and remembers it as ended.
func (b *streakBook) end(dst []domain.Event, k streakKey, e domain.Event) []domain.Event {
	if s, ok := b.open[k]; ok {
		delete(b.open, k)
		e.RepeatCount = max(e.RepeatCount, s.max)
	}
	b.markEnded(k)
	e.Type = domain.EventGift
	e.Coins = domain.GiftCoins(e.DiamondCount, e.RepeatCount)
	return append(dst, e)
}

// progress records a running streak and emits its giftStreak event.
func (b *streakBook) progress(dst []domain.Event, k streakKey, e domain.Event, recvMs int64) []domain.Event {
	s, ok := b.open[k]
	if !ok && len(b.open) >= maxOpenStreaks {
		dst = b.commitOldest(dst)
	}
	e.Type = domain.EventGiftStreak
	e.RepeatCount = max(e.RepeatCount, s.max)
	e.Coins = domain.GiftCoins(e.DiamondCount, e.RepeatCount)
	if len(b.open) == 0 || recvMs < b.earliest {
		b.earliest = recvMs
	}
	b.open[k] = streak{ev: e, seenMs: recvMs, max: e.RepeatCount}
	return append(dst, e)
}

// markEnded remembers k; a streak without a group id cannot be told apart
// from the next one of the same gift, so it is not remembered.
func (b *streakBook) markEnded(k streakKey) {
	if k.group != 0 {
		b.ended.put(k, struct{}{})
	}
}

// expire commits streaks idle for the timeout as of nowMs, oldest first.
func (b *streakBook) expire(dst []domain.Event, nowMs int64) []domain.Event {
	if len(b.open) == 0 || nowMs-b.earliest < b.timeoutMs {
		return dst
	}
	keys := b.sortedKeys(func(s streak) bool { return nowMs-s.seenMs >= b.timeoutMs })
	for _, k := range keys {
		dst = b.commit(dst, k)
	}
	b.earliest = nowMs
	for _, s := range b.open {
		b.earliest = min(b.earliest, s.seenMs)
	}
	return dst
}

// flush commits every open streak, oldest first.
func (b *streakBook) flush(dst []domain.Event) []domain.Event {
	for _, k := range b.sortedKeys(nil) {
		dst = b.commit(dst, k)
	}
	return dst
}

func (b *streakBook) commitOldest(dst []domain.Event) []domain.Event {
	var oldest streakKey
	first := true
	for k, s := range b.open {
		if first || s.seenMs < b.open[oldest].seenMs {
			oldest, first = k, false
		}
	}
	if first {
		return dst
	}
	return b.commit(dst, oldest)
}

// commit turns an open streak into its one counted gift (id and ts of the
// last message seen).
func (b *streakBook) commit(dst []domain.Event, k streakKey) []domain.Event {
	s := b.open[k]
	delete(b.open, k)
	b.markEnded(k)
	b.committed++
	e := s.ev
	e.Type = domain.EventGift
	e.RepeatCount = s.max
	e.Coins = domain.GiftCoins(e.DiamondCount, e.RepeatCount)
	return append(dst, e)
}

// sortedKeys returns the keys of open streaks accepted by keep (nil = all)
// ordered by last-seen time, then event id, for deterministic output.
func (b *streakBook) sortedKeys(keep func(streak) bool) []streakKey {
	var keys []streakKey
	for k, s := range b.open {
		if keep == nil || keep(s) {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		a, c := b.open[keys[i]], b.open[keys[j]]
		if a.seenMs != c.seenMs {
			return a.seenMs < c.seenMs
		}
		if a.ev.ID != c.ev.ID {
			return a.ev.ID < c.ev.ID
		}
		return keys[i].user < keys[j].user
	})
	return keys
}
