package flow

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/action"
)

const catTimers = "Timers"

func onlyLiveField() action.FieldSpec {
	return action.FieldSpec{Name: "onlyLive", Label: "Only while connected to the LIVE", Kind: action.FieldBool, Default: true}
}

// intervalTrigger fires every N seconds (the first time N seconds after the
// engine starts or the flow is saved).
func intervalTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "timer.interval", Name: "Every N seconds", Category: catTimers,
			Fields: []action.FieldSpec{{Name: "seconds", Label: "Interval (seconds)", Kind: action.FieldNumber, Required: true},
				onlyLiveField()}},
		Compile: func(cfg *action.Config) (action.Matcher, error) {
			secs := cfg.Number("seconds")
			if secs < 1 || secs > 7*24*3600 {
				return action.Matcher{}, fmt.Errorf("seconds must be between 1 and 604800")
			}
			every, onlyLive := time.Duration(secs*float64(time.Second)), cfg.Bool("onlyLive")
			var mu sync.Mutex
			var next time.Time
			return action.Matcher{Keys: []string{action.KeyTimer}, Match: func(in *action.Input) (map[string]string, bool) {
				mu.Lock()
				defer mu.Unlock()
				if next.IsZero() {
					if !in.DryRun {
						next = in.Now.Add(every)
					}
					return nil, false
				}
				if in.Now.Before(next) {
					return nil, false
				}
				if !in.DryRun {
					next = in.Now.Add(every)
				}
				return nil, in.Live || !onlyLive
			}}, nil
		}}
}

func weekdayOptions() []action.Option {
	return []action.Option{{Value: "mon", Label: "Monday"}, {Value: "tue", Label: "Tuesday"},
		{Value: "wed", Label: "Wednesday"}, {Value: "thu", Label: "Thursday"}, {Value: "fri", Label: "Friday"},
		{Value: "sat", Label: "Saturday"}, {Value: "sun", Label: "Sunday"}}
}

// weekdaySet turns "mon".."sun" into a bit set by time.Weekday (empty list:
// every day).
func weekdaySet(days []string) (uint8, error) {
	if len(days) == 0 {
		return 0x7f, nil
	}
	var set uint8
	for _, d := range days {
		i := strings.Index("sunmontuewedthufrisat", strings.ToLower(d))
		if len(d) != 3 || i%3 != 0 || i < 0 {
			return 0, fmt.Errorf("unknown weekday %q (mon..sun)", d)
		}
		set |= 1 << (i / 3)
	}
	return set, nil
}

// parseClock parses "HH:MM" into minutes after midnight.
func parseClock(s string) (int, error) {
	h, m, ok := strings.Cut(strings.TrimSpace(s), ":")
	hh, err1 := strconv.Atoi(h)
	mm, err2 := strconv.Atoi(m)
	if !ok || err1 != nil || err2 != nil || hh < 0 || hh > 23 || mm < 0 || mm > 59 || len(m) != 2 {
		return 0, fmt.Errorf("invalid time %q (HH:MM, 24-hour)", s)
	}
	return hh*60 + mm, nil
}

// scheduleTrigger fires at given times of day on given weekdays (local
// time of the clock).
func scheduleTrigger() action.Trigger {
	return action.Trigger{
		Info: action.Info{Type: "timer.schedule", Name: "At times of day", Category: catTimers,
			Description: "Daily at the given times (HH:MM), on the chosen weekdays.",
			Fields: []action.FieldSpec{{Name: "times", Label: "Times (HH:MM)", Kind: action.FieldList, Required: true},
				{Name: "weekdays", Label: "Weekdays (empty = every day)", Kind: action.FieldList, Options: weekdayOptions()},
				{Name: "onlyLive", Label: "Only while connected to the LIVE", Kind: action.FieldBool, Default: false}}},
		Compile: compileSchedule,
	}
}

func compileSchedule(cfg *action.Config) (action.Matcher, error) {
	var times []int
	for _, s := range cfg.Strings("times") {
		m, err := parseClock(s)
		if err != nil {
			return action.Matcher{}, err
		}
		times = append(times, m)
	}
	days, err := weekdaySet(cfg.Strings("weekdays"))
	if err != nil {
		return action.Matcher{}, err
	}
	onlyLive := cfg.Bool("onlyLive")
	var mu sync.Mutex
	var last time.Time // the minute last fired
	return action.Matcher{Keys: []string{action.KeyTimer}, Match: func(in *action.Input) (map[string]string, bool) {
		now := in.Now
		minute := now.Truncate(time.Minute)
		if days&(1<<now.Weekday()) == 0 || !hasInt(times, now.Hour()*60+now.Minute()) {
			return nil, false
		}
		mu.Lock()
		defer mu.Unlock()
		if minute.Equal(last) {
			return nil, false
		}
		if !in.DryRun {
			last = minute
		}
		return nil, in.Live || !onlyLive
	}}, nil
}

func hasInt(xs []int, v int) bool {
	for _, x := range xs {
		if x == v {
			return true
		}
	}
	return false
}
