package history

import (
	"context"
	"database/sql"
	"fmt"
	"strconv"
	"strings"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

// TypePoints is the message this module publishes when a viewer asks
// "!points" or "!top" in chat; the points.command trigger fires on it, so a
// flow answers (overlay text, TTS).
const TypePoints = "points"

// Answer is the payload of a TypePoints message.
type Answer struct {
	Command  string `json:"command"` // "points" or "top"
	UserID   string `json:"userId"`
	UniqueID string `json:"uniqueId"`
	Nickname string `json:"nickname"`
	Points   int64  `json:"points"`
	Text     string `json:"text"` // a ready-made answer
}

// command answers !points and !top. Callers hold mu.
func (m *Module) command(e *domain.Event) {
	if m.replaying {
		return
	}
	cmd := strings.ToLower(strings.TrimSpace(e.Comment))
	if cmd != "!points" && cmd != "!top" {
		return
	}
	if err := m.flush(); err != nil {
		m.log.Error().Err(err).Msg("saving history failed; kept for the next try")
	}
	a := Answer{Command: cmd[1:], UserID: userKey(&e.User), UniqueID: e.UniqueID, Nickname: e.Nickname}
	var err error
	if a.Command == "points" {
		a.Points, err = m.points(a.UserID)
		a.Text = fmt.Sprintf("@%s has %d points", e.UniqueID, a.Points)
	} else {
		a.Text, err = m.topText(5)
	}
	if err != nil {
		m.log.Error().Err(err).Msg("answering a points command failed")
		return
	}
	m.bus.Publish(domain.Message{Type: TypePoints, Data: a})
}

func (m *Module) points(id string) (int64, error) {
	var p int64
	err := m.sql.QueryRow(`SELECT points FROM history_viewers WHERE user_id = ?`, id).Scan(&p)
	if err == sql.ErrNoRows {
		return 0, nil
	}
	return p, err
}

func (m *Module) topText(n int) (string, error) {
	rows, err := m.sql.Query(`SELECT unique_id, points FROM history_viewers ORDER BY points DESC, user_id LIMIT ?`, n)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var parts []string
	for rows.Next() {
		var u string
		var p int64
		if err := rows.Scan(&u, &p); err != nil {
			return "", err
		}
		parts = append(parts, fmt.Sprintf("%d. @%s %d", len(parts)+1, u, p))
	}
	return "Top points: " + strings.Join(parts, ", "), rows.Err()
}

// Points returns a viewer's points (pending ones included).
func (m *Module) Points(id string) (int64, error) {
	m.sync()
	return m.points(id)
}

// AddPoints adds amount (may be negative) to a viewer's points; the viewer
// is created if unknown.
func (m *Module) AddPoints(u domain.User, amount int64) error {
	id := userKey(&u)
	if id == "" {
		return fmt.Errorf("%w: no user", ErrInvalid)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.addDelta(&delta{user: u, points: amount, firstTS: 1 << 62})
	m.pending[id].user.UserID = id
	return m.flush()
}

// Blocks implements action.BlockProvider.
func (m *Module) Blocks() action.Blocks {
	return action.Blocks{
		Triggers:   []action.Trigger{commandTrigger()},
		Conditions: []action.Condition{m.atLeastCondition()},
		Actions:    []action.Action{m.addAction()},
	}
}

func (m *Module) atLeastCondition() action.Condition {
	return action.Condition{
		Info: action.Info{Type: "points.atLeast", Name: "Viewer has at least N points", Category: "Points",
			Fields: []action.FieldSpec{{Name: "points", Label: "Points", Kind: action.FieldNumber, Required: true}}},
		Compile: func(cfg *action.Config, _ action.Compiler) (action.Check, error) {
			want := cfg.Int("points")
			return func(ev *action.Eval) action.Result {
				e := ev.Scope.Event
				if e == nil || userKey(&e.User) == "" {
					return action.Fail("no viewer")
				}
				p, err := m.Points(userKey(&e.User))
				if err != nil {
					return action.Fail(err.Error())
				}
				r := fmt.Sprintf("points %d >= %d", p, want)
				if p >= want {
					return action.Pass(r)
				}
				return action.Fail(r)
			}, nil
		}}
}

func (m *Module) addAction() action.Action {
	return action.Action{
		Info: action.Info{Type: "points.add", Name: "Add points", Category: "Points",
			Fields: []action.FieldSpec{{Name: "amount", Label: "Amount", Kind: action.FieldTemplate, Default: "1",
				Help: "may be negative (a redemption)"}}},
		DryRunSafe: true,
		Execute: func(_ context.Context, run *action.Run) error {
			s := strings.TrimSpace(run.Text("amount"))
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return fmt.Errorf("amount %q is not a whole number", s)
			}
			e := run.Scope.Event
			if e == nil || userKey(&e.User) == "" {
				return fmt.Errorf("points.add needs an event with a viewer")
			}
			run.Notef("points %+d for %s", n, userKey(&e.User))
			if run.DryRun {
				return nil
			}
			return m.AddPoints(e.User, n)
		}}
}

func commandTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "points.command", Name: "Points command", Category: "Points",
			Description: "A viewer asked !points or !top. {text}, {points}, {command}, {uniqueId}."},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			return action.Matcher{Keys: []string{TypePoints}, Match: func(in *action.Input) (map[string]string, bool) {
				d := in.Data()
				if d == nil {
					return nil, false
				}
				args := map[string]string{}
				for _, k := range []string{"command", "text", "uniqueId", "nickname", "userId"} {
					args[k] = action.ValueOf(d[k]).Text()
				}
				args["points"] = action.ValueOf(d["points"]).Text()
				return args, true
			}}, nil
		}}
}
