package leaderboard

import (
	"fmt"

	"github.com/ltth/ltth/backend/domain"
	"github.com/ltth/ltth/backend/httpapi"
)

// Errors callers can tell apart.
var (
	ErrUnknownBoard = httpapi.NewError(httpapi.ErrNotFound, "unknown leaderboard")
	ErrInvalid      = httpapi.NewError(httpapi.ErrInvalid, "invalid leaderboard request")
)

// MaxLimit bounds how many entries Top returns.
const MaxLimit = 100

// Row is one ranked entry of a board as overlays and the API show it.
type Row struct {
	Rank      int    `json:"rank"`
	UserID    string `json:"userId"`
	UniqueID  string `json:"uniqueId"`
	Nickname  string `json:"nickname"`
	AvatarURL string `json:"avatarUrl"`
	Value     int64  `json:"value"`
}

// State is the payload of the `leaderboard` state message and of
// GET /api/leaderboards/{board}.
type State struct {
	Board   string `json:"board"`
	Period  string `json:"period"`
	Entries []Row  `json:"entries"`
}

// Key is the snapshot key of a board's state message.
func Key(board, period string) string { return "leaderboard:" + board + ":" + period }

// OverlayURL is the path of a board's overlay page.
func OverlayURL(board, period string) string {
	return "/overlay/leaderboard.html?board=" + board + "&period=" + period
}

func check(board, period string) error {
	if !validBoard(board) {
		return fmt.Errorf("%w %q: boards are gifters, likers and chatters", ErrUnknownBoard, board)
	}
	if !validPeriod(period) {
		return fmt.Errorf("%w: period must be stream or all", ErrInvalid)
	}
	return nil
}

// Top returns the best limit entries (1..MaxLimit; 0 = the published top)
// of board/period, including contributions not yet written.
func (m *Module) Top(board, period string, limit int) (State, error) {
	if err := check(board, period); err != nil {
		return State{}, err
	}
	if limit <= 0 {
		limit = m.top
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.flush()
	return m.query(board, period, min(limit, MaxLimit))
}

// Reset clears board/period (and publishes the empty board).
func (m *Module) Reset(board, period string) error {
	if err := check(board, period); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if err := m.reset(board, period); err != nil {
		return err
	}
	m.flush()
	return nil
}

// query reads a board from the store. Callers hold mu.
func (m *Module) query(board, period string, limit int) (State, error) {
	es, err := m.st.TopScores(board, period, limit)
	if err != nil {
		return State{}, fmt.Errorf("top %s/%s: %w", board, period, err)
	}
	s := State{Board: board, Period: period, Entries: make([]Row, len(es))}
	for i, e := range es {
		s.Entries[i] = Row{Rank: i + 1, UserID: e.UserID, UniqueID: e.UniqueID, Nickname: e.Nickname,
			AvatarURL: e.AvatarURL, Value: e.Value}
	}
	return s, nil
}

// publish sends a board's top entries to the overlays. Callers hold mu.
func (m *Module) publish(board, period string) error {
	s, err := m.query(board, period, m.top)
	if err != nil {
		return err
	}
	m.bus.Publish(domain.Message{Type: TypeLeaderboard, Key: Key(board, period), Data: s})
	return nil
}
