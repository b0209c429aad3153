package flow

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

const catTikTok = "TikTok"

// eventTriggers returns one trigger per event type of the contract
// ("tiktok.<type>"), the chat command trigger and a multi-type trigger.
func eventTriggers() []action.Trigger {
	out := []action.Trigger{giftTrigger(domain.EventGift, "Gift"),
		giftTrigger(domain.EventGiftStreak, "Gift streak progress"),
		likeTrigger(), chatTrigger(), commandTrigger(), subscribeTrigger(), viewersTrigger(),
		anyEventTrigger()}
	plain := map[domain.EventType]string{domain.EventFollow: "Follow", domain.EventShare: "Share",
		domain.EventJoin: "Viewer joined", domain.EventEmote: "Emote", domain.EventQuestion: "Question",
		domain.EventStreamEnd: "Stream ended", domain.EventConnected: "Connected",
		domain.EventDisconnected: "Disconnected"}
	for _, t := range domain.EventTypes {
		if name, ok := plain[t]; ok {
			out = append(out, simpleEventTrigger(t, name))
		}
	}
	return out
}

func eventInfo(t domain.EventType, name, desc string, fields ...action.FieldSpec) action.Info {
	return action.Info{Type: "tiktok." + string(t), Name: name, Category: catTikTok,
		Description: desc, Fields: fields}
}

func always(*action.Input) (map[string]string, bool) { return nil, true }

func simpleEventTrigger(t domain.EventType, name string) action.Trigger {
	return action.Trigger{Info: eventInfo(t, name, "Every "+string(t)+" event."),
		Compile: func(*action.Config) (action.Matcher, error) {
			return action.Matcher{Keys: []string{string(t)}, Match: always}, nil
		}}
}

func anyEventTrigger() action.Trigger {
	opts := make([]action.Option, 0, len(domain.EventTypes))
	for _, t := range domain.EventTypes {
		opts = append(opts, action.Option{Value: string(t), Label: string(t)})
	}
	return action.Trigger{
		Info: action.Info{Type: "tiktok.event", Name: "Any of these events", Category: catTikTok,
			Fields: []action.FieldSpec{{Name: "types", Label: "Event types", Kind: action.FieldList,
				Options: opts, Required: true}}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			return action.Matcher{Keys: cfg.Strings("types"), Match: always}, nil
		}}
}

func giftTrigger(t domain.EventType, name string) action.Trigger {
	return action.Trigger{
		Info: eventInfo(t, name, "A gift (one per finished streak), optionally above a coin value or of one gift id.",
			action.FieldSpec{Name: "minCoins", Label: "Minimum coins", Kind: action.FieldNumber, Default: 0},
			action.FieldSpec{Name: "giftId", Label: "Only this gift (id)", Kind: action.FieldNumber, Default: 0,
				Help: "0 = any gift; match gifts by id, never by name"}),
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			minCoins, giftID := cfg.Int("minCoins"), cfg.Int("giftId")
			return action.Matcher{Keys: []string{string(t)}, Match: func(in *action.Input) (map[string]string, bool) {
				e := in.Event
				return nil, e != nil && e.Coins >= minCoins && (giftID == 0 || e.GiftID == giftID)
			}}, nil
		}}
}

func subscribeTrigger() action.Trigger {
	return action.Trigger{
		Info: eventInfo(domain.EventSubscribe, "Subscribe", "A subscription, optionally from the n-th month on.",
			action.FieldSpec{Name: "minMonths", Label: "Minimum months", Kind: action.FieldNumber, Default: 0}),
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			n := cfg.Int("minMonths")
			return action.Matcher{Keys: []string{string(domain.EventSubscribe)},
				Match: func(in *action.Input) (map[string]string, bool) {
					return nil, in.Event != nil && in.Event.SubMonth >= n
				}}, nil
		}}
}

// likeTrigger fires on like events: every event with at least minLikes
// taps, each time the stream's total passes a multiple of everyTotal, or
// once when it reaches totalReached.
func likeTrigger() action.Trigger {
	return action.Trigger{
		Info: eventInfo(domain.EventLike, "Likes", "Like events, or like-total milestones.",
			action.FieldSpec{Name: "minLikes", Label: "Minimum likes in one event", Kind: action.FieldNumber, Default: 0},
			action.FieldSpec{Name: "everyTotal", Label: "Every N total likes", Kind: action.FieldNumber, Default: 0},
			action.FieldSpec{Name: "totalReached", Label: "Once when the total reaches", Kind: action.FieldNumber, Default: 0}),
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			lt := &likeThreshold{min: cfg.Int("minLikes"), every: cfg.Int("everyTotal"), reach: cfg.Int("totalReached")}
			if lt.min < 0 || lt.every < 0 || lt.reach < 0 {
				return action.Matcher{}, fmt.Errorf("thresholds cannot be negative")
			}
			return action.Matcher{Keys: []string{string(domain.EventLike)}, Match: lt.match}, nil
		}}
}

type likeThreshold struct {
	min, every, reach int64
	mu                sync.Mutex
	last              int64 // highest total seen; 0 = none yet
}

func (lt *likeThreshold) match(in *action.Input) (map[string]string, bool) {
	e := in.Event
	if e == nil || e.LikeCount < lt.min {
		return nil, false
	}
	if lt.every == 0 && lt.reach == 0 {
		return nil, true
	}
	lt.mu.Lock()
	defer lt.mu.Unlock()
	prev := lt.last
	if prev == 0 || e.TotalLikeCount < prev/2 { // first event, or a new stream
		prev = max(0, e.TotalLikeCount-e.LikeCount)
	}
	total := e.TotalLikeCount
	if !in.DryRun && total > lt.last {
		lt.last = total
	}
	if lt.every > 0 && total/lt.every > prev/lt.every {
		return map[string]string{"milestone": strconv.FormatInt(total/lt.every*lt.every, 10)}, true
	}
	if lt.reach > 0 && prev < lt.reach && total >= lt.reach {
		return map[string]string{"milestone": strconv.FormatInt(lt.reach, 10)}, true
	}
	return nil, false
}

// viewersTrigger fires when the viewer count rises to minViewers (or on
// every update when it is 0).
func viewersTrigger() action.Trigger {
	return action.Trigger{
		Info: eventInfo(domain.EventViewers, "Viewer count", "Viewer count updates, or the count rising to a threshold.",
			action.FieldSpec{Name: "minViewers", Label: "When the count reaches", Kind: action.FieldNumber, Default: 0}),
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			n := cfg.Int("minViewers")
			var mu sync.Mutex
			var below = true
			return action.Matcher{Keys: []string{string(domain.EventViewers)},
				Match: func(in *action.Input) (map[string]string, bool) {
					if in.Event == nil {
						return nil, false
					}
					if n <= 0 {
						return nil, true
					}
					mu.Lock()
					defer mu.Unlock()
					now := in.Event.ViewerCount >= n
					fire := now && below
					if !in.DryRun {
						below = !now
					}
					return nil, fire
				}}, nil
		}}
}

func matchOptions() []action.Option {
	return []action.Option{{Value: "any", Label: "Any message"}, {Value: "contains", Label: "Contains"},
		{Value: "equals", Label: "Equals"}, {Value: "startsWith", Label: "Starts with"},
		{Value: "endsWith", Label: "Ends with"}, {Value: "regex", Label: "Regular expression"}}
}

// chatTrigger fires on chat messages, optionally matching their text and
// gated by viewer role.
func chatTrigger() action.Trigger {
	return action.Trigger{
		Info: eventInfo(domain.EventChat, "Chat message", "A chat message, optionally matching a text.",
			action.FieldSpec{Name: "match", Label: "Match", Kind: action.FieldSelect, Options: matchOptions(), Default: "any"},
			action.FieldSpec{Name: "text", Label: "Text or pattern", Kind: action.FieldText},
			action.FieldSpec{Name: "ignoreCase", Label: "Ignore case", Kind: action.FieldBool, Default: true},
			action.FieldSpec{Name: "roles", Label: "Only from (any of)", Kind: action.FieldList, Options: action.RoleOptions()},
			action.FieldSpec{Name: "topN", Label: "Top gifter places", Kind: action.FieldNumber, Default: 3}),
		Compile: compileChat,
	}
}

func compileChat(cfg *action.Config) (action.Matcher, error) {
	tm, err := newTextMatcher(cfg.String("match"), cfg.String("text"), cfg.Bool("ignoreCase"))
	if err != nil {
		return action.Matcher{}, err
	}
	roles, topN := cfg.Strings("roles"), int(cfg.Int("topN"))
	return action.Matcher{Keys: []string{string(domain.EventChat)}, Match: func(in *action.Input) (map[string]string, bool) {
		e := in.Event
		if e == nil || !tm.match(e.Comment) {
			return nil, false
		}
		ok, _ := action.HasAnyRole(in.Roles, e.User, roles, topN)
		return nil, ok
	}}, nil
}

// textMatcher is a precompiled chat text test.
type textMatcher struct {
	mode   string
	text   string // lowered when ignoreCase
	fold   bool
	re     *regexp.Regexp
	always bool
}

func newTextMatcher(mode, text string, fold bool) (*textMatcher, error) {
	tm := &textMatcher{mode: mode, text: text, fold: fold, always: mode == "any" || mode == ""}
	if tm.always {
		return tm, nil
	}
	if text == "" {
		return nil, fmt.Errorf("text is required for match %q", mode)
	}
	if mode == "regex" {
		src := text
		if fold {
			src = "(?i)" + src
		}
		re, err := regexp.Compile(src)
		if err != nil {
			return nil, fmt.Errorf("bad regular expression: %w", err)
		}
		tm.re = re
		return tm, nil
	}
	if fold {
		tm.text = strings.ToLower(text)
	}
	return tm, nil
}

func (tm *textMatcher) match(s string) bool {
	if tm.always {
		return true
	}
	if tm.re != nil {
		return tm.re.MatchString(s)
	}
	if tm.fold {
		s = strings.ToLower(s)
	}
	switch tm.mode {
	case "contains":
		return strings.Contains(s, tm.text)
	case "equals":
		return strings.TrimSpace(s) == tm.text
	case "startsWith":
		return strings.HasPrefix(s, tm.text)
	case "endsWith":
		return strings.HasSuffix(s, tm.text)
	}
	return false
}
