//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestAutomationGiftFlowUpdatesGoalAndAlertsOnce is the automation core end
// to end: a goal and a flow created over REST, the real overlay pages in
// headless Chromium, gifts through POST /api/simulate.
//
// The flow (trigger gift; condition per-user cooldown 60 s; actions
// goal.update add {coins} and alert.show "{nickname} thanks!") drives a
// `custom` goal, which nothing but goal.update changes, so its value is
// exactly what the flow added. A second, `coins` goal counts every gift by
// itself and proves the second gift did arrive. The built-in gift alert is
// switched off, so the only alerts /overlay.html can show are the flow's.
func TestAutomationGiftFlowUpdatesGoalAndAlertsOnce(t *testing.T) {
	in := start(t, binary(t, "LTTH_BIN"), "--headless")
	shots := artifacts(t)

	// --- set up over REST ---------------------------------------------------
	var alertCfg struct {
		Enabled bool `json:"enabled"`
	}
	automationCall(t, in, "PUT", "/api/alerts/config/gift", map[string]any{"enabled": false}, http.StatusOK, &alertCfg)
	if alertCfg.Enabled {
		t.Fatal("gift alert still enabled")
	}

	var goal, control struct {
		ID         string `json:"id"`
		Kind       string `json:"kind"`
		Value      int64  `json:"value"`
		Target     int64  `json:"target"`
		OverlayURL string `json:"overlayUrl"`
	}
	automationCall(t, in, "POST", "/api/goals",
		map[string]any{"name": "Gift coins (flow)", "kind": "custom", "target": 100, "style": "bar"}, http.StatusCreated, &goal)
	automationCall(t, in, "POST", "/api/goals",
		map[string]any{"name": "All coins", "kind": "coins", "target": 100}, http.StatusCreated, &control)
	if goal.ID == "" || goal.Target != 100 || goal.Value != 0 || goal.OverlayURL != "/overlay/goal.html?id="+goal.ID {
		t.Fatalf("created goal: %+v", goal)
	}

	const flowID = "thank-gifters"
	flowDef := map[string]any{
		"id": flowID, "name": "Thank gifters", "enabled": true,
		"triggers":   []any{map[string]any{"type": "tiktok.gift"}},
		"conditions": []any{map[string]any{"type": "cooldown", "config": map[string]any{"seconds": 60, "scope": "user"}}},
		"actions": []any{
			map[string]any{"type": "goal.update", "config": map[string]any{"goalId": goal.ID, "op": "add", "amount": "{coins}"}},
			map[string]any{"type": "alert.show", "config": map[string]any{"text": "{nickname} thanks!", "durationMs": 3000}},
		},
	}
	var saved struct {
		Status struct {
			Valid  bool   `json:"valid"`
			Active bool   `json:"active"`
			Error  string `json:"error"`
		} `json:"status"`
	}
	automationCall(t, in, "PUT", "/api/flows/"+flowID, flowDef, http.StatusOK, &saved)
	if !saved.Status.Valid || !saved.Status.Active {
		t.Fatalf("flow not active: %+v", saved.Status)
	}

	// --- the overlays in headless Chromium ------------------------------------
	goalTab := browser(t)
	if err := chromedp.Do(goalTab, chromedp.Navigate(in.URL+goal.OverlayURL), chromedp.WaitReady(chromedp.CSS("#goal"))); err != nil {
		t.Fatalf("open goal overlay: %v", err)
	}
	if _, err := automationPoll[string](goalTab, goalCountIs("0 / 100"), 15*time.Second); err != nil {
		t.Fatalf("goal overlay does not show 0 / 100: %v (%s)", err, goalOverlayText(goalTab))
	}

	alertTab, closeTab := chromedp.NewContext(goalTab) // a second tab in the same browser
	t.Cleanup(closeTab)
	if err := chromedp.Do(alertTab, chromedp.Navigate(in.URL+"/overlay.html"), chromedp.WaitReady(chromedp.CSS("#ltth-stage"))); err != nil {
		t.Fatalf("open alert overlay: %v", err)
	}
	if _, err := automationPoll[bool](alertTab, connectedJS+` && !!window.LTTHOverlay && window.LTTHOverlay.state().moduleSeen`, 15*time.Second); err != nil {
		t.Fatalf("alert overlay did not connect: %v", err)
	}
	// record every alert the overlay puts on screen
	if _, err := chromedp.Run(alertTab, chromedp.Evaluate[bool](recordAlertsJS)); err != nil {
		t.Fatal(err)
	}

	// --- first gift: the flow runs -------------------------------------------
	gift := map[string]any{
		"type": "gift", "userId": "4242", "uniqueId": "amy_e2e", "nickname": "Amy E2E",
		"giftId": 5879, "giftName": "Doughnut", "diamondCount": 30, "repeatCount": 1,
	}
	automationCall(t, in, "POST", "/api/simulate", gift, http.StatusAccepted, nil)

	if _, err := automationPoll[string](goalTab, goalCountIs("30 / 100"), 10*time.Second); err != nil {
		t.Fatalf("goal overlay does not show 30 / 100: %v (%s)", err, goalOverlayText(goalTab))
	}
	// the bar: 30 % as set, and 30 % of the track once its transition is over
	ratio, err := automationPoll[float64](goalTab, `(() => {
		const f = document.querySelector('#goal .fill'), tr = document.querySelector('#goal .track');
		if (f.style.width !== '30%') return false;
		const r = f.getBoundingClientRect().width / tr.getBoundingClientRect().width;
		return Math.abs(r - 0.3) < 0.005 ? r : false;
	})()`, 10*time.Second)
	if err != nil {
		t.Fatalf("goal bar is not 30%% wide: %v (%s)", err, goalOverlayText(goalTab))
	}
	t.Logf("goal bar width %.3f of the track", ratio)
	automationShot(t, goalTab, filepath.Join(shots, "automation-goal-30.png"))

	name, err := automationPoll[string](alertTab, `(() => {
		const a = [...document.querySelectorAll('#ltth-stage .ltth-alert')].find(n => n.textContent.includes('Amy E2E thanks!'));
		return a ? a.querySelector('.ltth-alert-name')?.textContent || '?' : false;
	})()`, 10*time.Second)
	if err != nil {
		t.Fatalf("the flow's alert did not appear on /overlay.html: %v (seen: %s)", err, recordedAlerts(alertTab))
	}
	if name != "Amy E2E" {
		t.Errorf("alert highlights %q, want the nickname", name)
	}
	time.Sleep(600 * time.Millisecond) // entry animation, for the screenshot
	automationShot(t, alertTab, filepath.Join(shots, "automation-flow-alert.png"))

	// --- second gift from the same viewer, inside the cooldown ----------------
	automationCall(t, in, "POST", "/api/simulate", gift, http.StatusAccepted, nil)

	// the goal module saw it (the coins goal counts both gifts) ...
	automationWait(t, 10*time.Second, "control goal at 60", func() (bool, string) {
		var v struct{ Value int64 }
		err := in.getJSON("/api/goals/"+control.ID, &v)
		return err == nil && v.Value == 60, fmt.Sprintf("value %d, err %v", v.Value, err)
	})
	// ... and the flow ran once, then was stopped by the cooldown
	var runs []flowRun
	automationWait(t, 10*time.Second, "two flow runs", func() (bool, string) {
		runs = nil
		err := in.getJSON("/api/flows/"+flowID+"/runs", &runs)
		return err == nil && len(runs) == 2, fmt.Sprintf("%d runs, err %v", len(runs), err)
	})
	checkRuns(t, runs)

	// the flow goal kept 30: nothing but the one run moved it
	var after struct{ Value int64 }
	if err := in.getJSON("/api/goals/"+goal.ID, &after); err != nil || after.Value != 30 {
		t.Fatalf("flow goal value = %d (err %v), want 30", after.Value, err)
	}
	time.Sleep(300 * time.Millisecond) // any (wrong) goal message would be here by now
	if text := goalOverlayText(goalTab); text != "30 / 100" {
		t.Fatalf("goal overlay shows %q after the second gift, want 30 / 100", text)
	}

	// the overlay: let its queue run dry, then count what it showed
	if _, err := automationPoll[bool](alertTab, `(() => { const s = window.LTTHOverlay.state(); return !s.showing && s.queued === 0; })()`, 15*time.Second); err != nil {
		t.Fatalf("alert overlay did not go idle: %v", err)
	}
	time.Sleep(time.Second)
	var seen []struct {
		ID   string `json:"id"`
		Text string `json:"text"`
	}
	raw := recordedAlerts(alertTab)
	if err := json.Unmarshal([]byte(raw), &seen); err != nil {
		t.Fatalf("recorded alerts %q: %v", raw, err)
	}
	if len(seen) != 1 || !strings.Contains(seen[0].Text, "Amy E2E thanks!") {
		t.Fatalf("overlay showed %d alerts, want exactly the one flow alert: %s", len(seen), raw)
	}
	automationShot(t, goalTab, filepath.Join(shots, "automation-goal-after-cooldown.png"))
}

// flowRun is the part of a run trace (GET /api/flows/{id}/runs) checked here.
type flowRun struct {
	Status     string `json:"status"`
	Reason     string `json:"reason"`
	Conditions []struct {
		Type   string `json:"type"`
		Result bool   `json:"result"`
		Reason string `json:"reason"`
	} `json:"conditions"`
	Actions []struct {
		Type   string `json:"type"`
		Status string `json:"status"`
	} `json:"actions"`
	Event *struct {
		UserID string `json:"userId"`
		Coins  int64  `json:"coins"`
	} `json:"event"`
}

// checkRuns wants one completed run with both actions done and one run the
// cooldown refused, both for the gifter.
func checkRuns(t *testing.T, runs []flowRun) {
	t.Helper()
	var done, refused int
	for _, r := range runs {
		if r.Event == nil || r.Event.UserID != "4242" || r.Event.Coins != 30 {
			t.Errorf("run for an unexpected event: %+v", r.Event)
		}
		switch r.Status {
		case "completed":
			done++
			if len(r.Actions) != 2 || r.Actions[0].Type != "goal.update" || r.Actions[0].Status != "ok" ||
				r.Actions[1].Type != "alert.show" || r.Actions[1].Status != "ok" {
				t.Errorf("completed run's actions: %+v", r.Actions)
			}
		case "rejected":
			refused++
			if len(r.Conditions) != 1 || r.Conditions[0].Type != "cooldown" || r.Conditions[0].Result {
				t.Errorf("rejected run's conditions: %+v", r.Conditions)
			}
			if len(r.Actions) != 0 {
				t.Errorf("rejected run ran actions: %+v", r.Actions)
			}
			t.Logf("second run refused: %s (%s)", r.Reason, r.Conditions[0].Reason)
		default:
			t.Errorf("unexpected run status %q", r.Status)
		}
	}
	if done != 1 || refused != 1 {
		t.Fatalf("runs: %d completed, %d rejected; want 1 and 1", done, refused)
	}
}

// recordAlertsJS keeps a list of every alert node the overlay adds.
const recordAlertsJS = `(() => {
	window.__ltthAlerts = [];
	new MutationObserver((ms) => {
		for (const m of ms) for (const n of m.addedNodes) {
			if (n.classList && n.classList.contains('ltth-alert')) {
				window.__ltthAlerts.push({ id: n.dataset.alertId || '', text: n.textContent });
			}
		}
	}).observe(document.getElementById('ltth-stage'), { childList: true });
	return true;
})()`

func recordedAlerts(ctx context.Context) string {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`JSON.stringify(window.__ltthAlerts || [])`))
	if err != nil {
		return err.Error()
	}
	return s
}

func goalCountIs(want string) string {
	return `(() => { const c = document.querySelector('#goal .track .count'); return !!c && c.textContent === ` + jsString(want) + ` && c.textContent; })()`
}

func goalOverlayText(ctx context.Context) string {
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(document.querySelector('#goal .track .count') || {}).textContent || ''`))
	if err != nil {
		return err.Error()
	}
	return s
}

// automationPoll evaluates expr until it is truthy. Interval polling, not
// requestAnimationFrame: the second tab may count as hidden.
func automationPoll[T any](ctx context.Context, expr string, timeout time.Duration) (T, error) {
	return chromedp.Run(ctx, chromedp.Poll[T](expr, chromedp.WithPollingInterval(50*time.Millisecond), chromedp.WithPollingTimeout(timeout)))
}

func automationShot(t *testing.T, ctx context.Context, path string) {
	t.Helper()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(90))
	if err != nil {
		t.Errorf("screenshot %s: %v", path, err)
		return
	}
	if err := os.WriteFile(path, buf, 0o644); err != nil {
		t.Errorf("screenshot %s: %v", path, err)
		return
	}
	t.Logf("screenshot: %s", path)
}

// automationWait retries cond until it holds or the time is up.
func automationWait(t *testing.T, limit time.Duration, what string, cond func() (bool, string)) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for {
		ok, state := cond()
		if ok {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s: %s", what, state)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// automationCall sends a JSON request with the API token, checks the status
// and decodes the reply into out (when not nil).
func automationCall(t *testing.T, in *instance, method, path string, body any, want int, out any) {
	t.Helper()
	b, err := json.Marshal(body)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequest(method, in.URL+path, bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+in.Token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != want {
		t.Fatalf("%s %s: %d %s (want %d)", method, path, resp.StatusCode, bytes.TrimSpace(data), want)
	}
	if out != nil {
		if err := json.Unmarshal(data, out); err != nil {
			t.Fatalf("%s %s: decoding %q: %v", method, path, data, err)
		}
	}
}
