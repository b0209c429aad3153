package action

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// Matcher is a compiled trigger.
type Matcher struct {
	// Keys are the message types the trigger listens to: an event type
	// ("gift"), a state type ("goalReached", "connection",
	// "plugin:<id>:<event>"), or an engine source ("timer", "manual",
	// "webhook:<hookId>"). The engine indexes flows by key and subscribes to
	// exactly the keys some enabled flow uses, so a module's own trigger
	// receives its module's messages (use the publisher's exported type
	// constant) without the engine knowing the type.
	Keys []string
	// Match decides whether in starts a run. args are the trigger's outputs
	// (command arguments, goal fields...) for templates and conditions; nil
	// is fine. Match must not allocate when it does not match, and must not
	// change its state when in.DryRun is set.
	Match func(in *Input) (args map[string]string, ok bool)
}

// Engine sources used as Matcher keys besides bus message types.
const (
	KeyTimer  = "timer"
	KeyManual = "manual"
)

// WebhookKey is the Matcher key of incoming webhook hookID.
func WebhookKey(hookID string) string { return "webhook:" + hookID }

// Input is what a trigger matches against: a bus message (an event or a
// state update), a timer tick, a manual run or an incoming webhook.
type Input struct {
	Key    string          // the index key being matched
	Msg    *domain.Message // nil for timer ticks
	Event  *domain.Event   // nil unless the message is an event
	Now    time.Time
	DryRun bool
	Live   bool       // the last connection state seen was "connected"
	Roles  RoleLookup // may be nil
	Args   map[string]string

	data    map[string]any
	decoded bool
}

// Data returns a state message's payload as a JSON object (decoded once and
// shared by every trigger that asks), or the webhook/manual arguments.
func (in *Input) Data() map[string]any {
	if in.decoded {
		return in.data
	}
	in.decoded = true
	if in.Msg == nil || in.Msg.Data == nil {
		return nil
	}
	in.data = decodeObject(in.Msg.Data)
	return in.data
}

func decodeObject(d any) map[string]any {
	switch t := d.(type) {
	case map[string]any:
		return t
	case json.RawMessage:
		return unmarshalObject(t)
	case []byte:
		return unmarshalObject(t)
	}
	b, err := json.Marshal(d)
	if err != nil {
		return nil
	}
	return unmarshalObject(b)
}

func unmarshalObject(b []byte) map[string]any {
	var m map[string]any
	if json.Unmarshal(b, &m) != nil {
		return nil
	}
	return m
}

// FlattenArgs turns a JSON object's top-level fields into template
// arguments: strings as they are, numbers and bools printed, anything else
// as JSON.
func FlattenArgs(m map[string]any, into map[string]string) map[string]string {
	if into == nil {
		into = make(map[string]string, len(m))
	}
	for k, v := range m {
		into[k] = ValueOf(v).Text()
	}
	return into
}

// RoleLookup answers role questions the event alone cannot: whether a
// viewer is a top gifter (topN: how many top places count), or a follower,
// subscriber or moderator when the event's flags say no or there is no
// event flag. core adapts the store's top gifters to it.
type RoleLookup interface {
	HasRole(u domain.User, role string, topN int) (bool, error)
}

// Viewer roles for role gates and conditions.
const (
	RoleEveryone   = "everyone"
	RoleFollower   = "follower"
	RoleSubscriber = "subscriber"
	RoleModerator  = "moderator"
	RoleTopGifter  = "topGifter"
)

// RoleOptions lists the roles for select/list fields.
func RoleOptions() []Option {
	return []Option{{RoleEveryone, "Everyone"}, {RoleFollower, "Follower"},
		{RoleSubscriber, "Subscriber"}, {RoleModerator, "Moderator"}, {RoleTopGifter, "Top gifter"}}
}

// HasRole checks one role: the event's flags first, then the lookup.
func HasRole(lookup RoleLookup, u domain.User, role string, topN int) (bool, error) {
	switch role {
	case RoleEveryone:
		return true, nil
	case RoleFollower:
		if u.IsFollower {
			return true, nil
		}
	case RoleSubscriber:
		if u.IsSubscriber {
			return true, nil
		}
	case RoleModerator:
		if u.IsModerator {
			return true, nil
		}
	}
	if lookup == nil || u.UserID == "" && u.UniqueID == "" {
		return false, nil
	}
	return lookup.HasRole(u, role, topN)
}

// HasAnyRole reports whether u has one of roles (true for an empty list).
func HasAnyRole(lookup RoleLookup, u domain.User, roles []string, topN int) (bool, error) {
	if len(roles) == 0 {
		return true, nil
	}
	var firstErr error
	for _, r := range roles {
		ok, err := HasRole(lookup, u, r, topN)
		if ok {
			return true, nil
		}
		if err != nil && firstErr == nil {
			firstErr = err
		}
	}
	return false, firstErr
}

// MatchUser reports whether u is one of users (uniqueIds with or without
// "@", or userIds), case-insensitively.
func MatchUser(u domain.User, users []string) bool {
	for _, s := range users {
		s = strings.TrimPrefix(strings.TrimSpace(s), "@")
		if s == "" {
			continue
		}
		if strings.EqualFold(s, u.UniqueID) || s == u.UserID {
			return true
		}
	}
	return false
}
