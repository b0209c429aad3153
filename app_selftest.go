package main

import (
	"encoding/json"
	"fmt"
	"os"
)

// The desktop smoke (e2e/desktop_test.go) starts the binary with
// LTTH_DESKTOP_SELFTEST=1: the window then sends one test event through the
// bound TestEventsService, waits for it in its live feed (runtime events),
// times N bound calls, opens every page, and reports here (the test times
// the same method over REST from outside: the window has no token). Without the variable the window never runs it.

// SelfTestReport is what the window measured.
type SelfTestReport struct {
	EventID    string   `json:"eventId"`    // the test event sent through the binding
	FeedSeen   bool     `json:"feedSeen"`   // it appeared in the live feed
	FeedMs     float64  `json:"feedMs"`     // from the bound call to the feed
	FeedSource string   `json:"feedSource"` // "runtime" (Wails events) or "ws"
	Calls      int      `json:"calls"`      // N per transport
	Method     string   `json:"method"`     // the method timed on both transports
	BoundMsAvg float64  `json:"boundMsAvg"` // mean round trip of a bound call
	Error      string   `json:"error"`      // what went wrong, if anything
	Transport  string   `json:"transport"`  // the services the window chose
	Pages      []string `json:"pages"`      // every page the window opened after the calls
}

// SelfTestRequested tells the window whether to run the self-test.
func (a *App) SelfTestRequested() bool {
	return os.Getenv("LTTH_DESKTOP_SELFTEST") == "1"
}

// ReportSelfTest prints the window's report on stderr, one line, prefixed
// "desktop self-test: ".
func (a *App) ReportSelfTest(r SelfTestReport) {
	if a.core != nil {
		a.core.NoteBindingCall()
	}
	b, _ := json.Marshal(r)
	fmt.Fprintf(os.Stderr, "desktop self-test: %s\n", b)
}
