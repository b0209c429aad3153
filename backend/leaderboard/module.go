// Package leaderboard keeps the top gifters (coins), likers (likes) and
// chatters (messages), for the current stream and all time, in the store.
// It publishes each board's top entries as a `leaderboard` message keyed
// "leaderboard:<board>:<period>" (at most once per Debounce per board) and
// serves the overlay page /overlay/leaderboard.html?board=..&period=..
//
// Stream period: the "stream" boards are reset when a `connected` event
// names a room id other than the one the current stream was counted for
// (the id is kept in the store, so restarting the app or reconnecting
// mid-stream keeps the boards). A `streamEnd` event does not clear the
// boards (the final standings stay on screen for the outro); it forgets the
// room id, so the next `connected` starts a new stream whatever its id.
// Simulated events count towards the stream boards only, never all time.
package leaderboard

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/rs/zerolog"

	"github.com/ltth/ltth/backend/bus"
	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/module"
)

// Boards and periods.
const (
	BoardGifters  = "gifters"
	BoardLikers   = "likers"
	BoardChatters = "chatters"
	PeriodStream  = "stream"
	PeriodAll     = "all"
)

// TypeLeaderboard is the state message type this module publishes.
const TypeLeaderboard = "leaderboard"

// roomSetting is the settings key holding the current stream's room id.
const roomSetting = "leaderboard.streamRoomId"

// Boards lists the boards; Periods the periods.
func Boards() []string  { return []string{BoardGifters, BoardLikers, BoardChatters} }
func Periods() []string { return []string{PeriodStream, PeriodAll} }

func validBoard(b string) bool  { return b == BoardGifters || b == BoardLikers || b == BoardChatters }
func validPeriod(p string) bool { return p == PeriodStream || p == PeriodAll }

// Options tune the module; the zero value is usable.
type Options struct {
	Log      zerolog.Logger // zero value: silent
	Debounce time.Duration  // batching of writes and publishes; 0 = 250ms
	Top      int            // entries per published board; 0 = 10
}

// Module is the leaderboard subsystem (module.Module + module.RouteProvider).
type Module struct {
	bus   *bus.Bus
	st    scores
	log   zerolog.Logger
	every time.Duration
	top   int

	mu      sync.Mutex
	pending map[pendingKey]*pending
	dirty   map[boardKey]bool
	roomID  string

	sub    *bus.Subscription
	cancel context.CancelFunc
	wg     sync.WaitGroup
}

type boardKey struct{ board, period string }

type pendingKey struct{ board, userID string }

// pending is one user's not yet written contribution to one board.
type pending struct {
	user        domain.User
	stream, all int64
	ts          int64
}

// New returns the leaderboard module. Call Start before use. With a
// *store.DB: leaderboard.New(b, db, leaderboard.Options{Log: log}).
func New[E EntryType](b *bus.Bus, st Store[E], opts Options) *Module {
	m := &Module{bus: b, st: adapter[E]{st}, log: opts.Log, every: opts.Debounce, top: opts.Top,
		pending: map[pendingKey]*pending{}, dirty: map[boardKey]bool{}}
	if m.every <= 0 {
		m.every = 250 * time.Millisecond
	}
	if m.top <= 0 {
		m.top = 10
	}
	return m
}

// ID implements module.Module.
func (m *Module) ID() string { return "leaderboard" }

// Start loads the current stream's room id, publishes every board (for the
// overlay snapshot) and starts counting.
func (m *Module) Start(ctx context.Context) error {
	room, _, err := m.st.GetSetting(roomSetting)
	if err != nil {
		return fmt.Errorf("load leaderboard room: %w", err)
	}
	m.mu.Lock()
	m.roomID = room
	for _, b := range Boards() {
		for _, p := range Periods() {
			m.dirty[boardKey{b, p}] = true
		}
	}
	m.flush()
	m.mu.Unlock()
	m.sub = m.bus.SubscribeLossless("leaderboard", 16384, wanted)
	ctx, m.cancel = context.WithCancel(context.Background())
	m.wg.Add(2)
	go m.run(m.sub)
	go m.tick(ctx)
	return nil
}

// Stop stops counting and writes what is pending.
func (m *Module) Stop(ctx context.Context) error {
	if m.sub == nil {
		return nil
	}
	m.sub.Close()
	m.cancel()
	if err := module.Wait(ctx, &m.wg); err != nil {
		return err
	}
	m.sub = nil
	m.mu.Lock()
	defer m.mu.Unlock()
	m.flush()
	if len(m.pending) > 0 {
		return fmt.Errorf("leaderboard: %d scores could not be saved", len(m.pending))
	}
	return nil
}

func wanted(msg *domain.Message) bool {
	if msg.Event == nil {
		return false
	}
	switch msg.Event.Type {
	case domain.EventGift, domain.EventLike, domain.EventChat, domain.EventConnected, domain.EventStreamEnd:
		return true
	}
	return false
}

func (m *Module) run(sub *bus.Subscription) {
	defer m.wg.Done()
	for msg := range sub.C() {
		m.handle(msg.Event)
	}
}

func (m *Module) tick(ctx context.Context) {
	defer m.wg.Done()
	t := time.NewTicker(m.every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			m.mu.Lock()
			m.flush()
			m.mu.Unlock()
		}
	}
}

func (m *Module) handle(e *domain.Event) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch e.Type {
	case domain.EventGift:
		m.add(BoardGifters, e, e.Coins)
	case domain.EventLike:
		m.add(BoardLikers, e, e.LikeCount)
	case domain.EventChat:
		m.add(BoardChatters, e, 1)
	case domain.EventConnected:
		m.newRoom(e.RoomID)
	case domain.EventStreamEnd:
		m.endStream()
	}
}

// add records a contribution, written at the next flush. Events without a
// user id (hand-made simulator events) count under "@<uniqueId>". Callers
// hold mu.
func (m *Module) add(board string, e *domain.Event, delta int64) {
	u := e.User
	if u.UserID == "" && u.UniqueID != "" {
		u.UserID = "@" + u.UniqueID
	}
	if delta <= 0 || u.UserID == "" {
		return
	}
	k := pendingKey{board, u.UserID}
	p := m.pending[k]
	if p == nil {
		p = &pending{}
		m.pending[k] = p
	}
	p.user = u
	p.stream = domain.SatAdd(p.stream, delta)
	if !e.Simulated {
		p.all = domain.SatAdd(p.all, delta)
	}
	p.ts = max(p.ts, e.TS)
}

// flush writes pending contributions, all in one transaction (a burst of
// thousands of viewers costs one commit), and publishes the boards that
// changed. What fails to write stays pending. Callers hold mu.
func (m *Module) flush() {
	m.write()
	for k := range m.dirty {
		if err := m.publish(k.board, k.period); err != nil {
			m.log.Error().Err(err).Str("board", k.board).Msg("leaderboard query failed")
			continue
		}
		delete(m.dirty, k)
	}
}

// contribution is one pending delta of one board/period.
type contribution struct {
	board, period string
	p             *pending
	delta         *int64
}

func (m *Module) write() {
	var cs []contribution
	for k, p := range m.pending {
		if p.stream != 0 {
			cs = append(cs, contribution{k.board, PeriodStream, p, &p.stream})
		}
		if p.all != 0 {
			cs = append(cs, contribution{k.board, PeriodAll, p, &p.all})
		}
	}
	if len(cs) == 0 {
		return
	}
	err := m.st.AddScores(len(cs), func(i int) (string, string, domain.User, int64, int64) {
		c := cs[i]
		return c.board, c.period, c.p.user, *c.delta, c.p.ts
	})
	if err != nil {
		m.log.Error().Err(err).Int("scores", len(cs)).Msg("saving scores failed; kept for the next try")
		return
	}
	for _, c := range cs {
		*c.delta = 0
		m.dirty[boardKey{c.board, c.period}] = true
	}
	for k, p := range m.pending {
		if p.stream == 0 && p.all == 0 {
			delete(m.pending, k)
		}
	}
}

// newRoom starts a new stream period when the room id changed. Callers hold mu.
func (m *Module) newRoom(room string) {
	if room == "" || room == m.roomID {
		return
	}
	m.flush() // what came before belongs to the previous stream (and all time)
	if err := m.resetPeriod(PeriodStream); err != nil {
		m.log.Error().Err(err).Msg("resetting stream leaderboards failed")
		return
	}
	m.setRoom(room)
	m.flush()
}

// endStream forgets the stream's room, so the next connection starts a new
// stream period. Callers hold mu.
func (m *Module) endStream() {
	m.setRoom("")
}

func (m *Module) setRoom(room string) {
	m.roomID = room
	if err := m.st.SetSetting(roomSetting, room); err != nil {
		m.log.Error().Err(err).Msg("saving stream room id failed")
	}
}

// resetPeriod clears every board of a period. Callers hold mu.
func (m *Module) resetPeriod(period string) error {
	for _, b := range Boards() {
		if err := m.reset(b, period); err != nil {
			return err
		}
	}
	return nil
}

// reset clears one board/period, pending contributions included. Callers hold mu.
func (m *Module) reset(board, period string) error {
	if err := m.st.ResetScores(board, period); err != nil {
		return fmt.Errorf("reset %s/%s: %w", board, period, err)
	}
	for k, p := range m.pending {
		if k.board != board {
			continue
		}
		if period == PeriodStream {
			p.stream = 0
		} else {
			p.all = 0
		}
	}
	m.dirty[boardKey{board, period}] = true
	return nil
}
