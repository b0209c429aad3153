package flow

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

const hostile = `<img src=x onerror=alert(1)>`

func hostileGift() *domain.Event {
	e := gift("42", 5655, 150)
	e.Nickname, e.GiftName, e.GiftPictureURL = hostile, "Rose", "https://cdn.test/rose.png?a=1&b=2"
	return e
}

func TestAlertActionEscapesHTMLTarget(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("alert", `{"type":"tiktok.gift"}`, "", `[{"type":"alert.show","config":{
		"text":"<b>{nickname}</b> sent {giftName}","html":true,"imageUrl":"{giftPictureUrl}",
		"soundUrl":"/sounds/{giftName}.mp3","durationMs":3000}}]`))
	h.publish(hostileGift())
	a := h.next(TypeAlertRequest).Data.(AlertData)
	if strings.Contains(a.HTML, "<img") || !strings.Contains(a.HTML, "<b>&lt;img src=x onerror=alert(1)&gt;</b>") {
		t.Fatalf("HTML target not escaped: %q", a.HTML)
	}
	if a.Text != "<b>"+hostile+"</b> sent Rose" { // plain text: the overlay inserts it as a text node
		t.Fatalf("text %q", a.Text)
	}
	if a.ImageURL != "https://cdn.test/rose.png?a=1&b=2" || a.SoundURL != "/sounds/Rose.mp3" || a.DurationMs != 3000 ||
		a.Screen != "main" || a.EventType != "gift" || a.Event == nil || a.FlowID != "alert" {
		t.Fatalf("alert %+v", a)
	}
}

func TestMediaURLSchemes(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("js", `{"type":"tiktok.chat"}`, "", `[{"type":"overlay.image","config":{"url":"{comment}"}}]`))
	h.publish(chat("u", "javascript:alert(1)"))
	if tr := h.runs("js", 1)[0]; tr.Status != StatusFailed || !strings.Contains(tr.Errors[0], "only http") {
		t.Fatalf("%s %v", tr.Status, tr.Errors)
	}
	h.none("overlay")
}

func TestOverlayActions(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("ov", `{"type":"tiktok.gift"}`, "", `[
		{"type":"overlay.text","config":{"text":"Thanks {nickname}!","html":true,"position":"top","durationMs":2000}},
		{"type":"overlay.image","config":{"url":"https://img.test/{giftName}.gif"}},
		{"type":"overlay.video","config":{"url":"/media/clip.mp4","position":"bottom-right"}},
		{"type":"overlay.clear"}]`))
	h.publish(hostileGift())
	txt := h.next("overlay").Data.(OverlayData)
	img := h.next("overlay").Data.(OverlayData)
	vid := h.next("overlay").Data.(OverlayData)
	clr := h.next("overlay").Data.(OverlayData)
	if txt.Kind != "text" || txt.Text != "Thanks "+hostile+"!" || strings.Contains(txt.HTML, "<img") ||
		txt.Position != "top" || txt.DurationMs != 2000 {
		t.Fatalf("text %+v", txt)
	}
	if img.Kind != "image" || img.URL != "https://img.test/Rose.gif" || img.Position != "center" || img.DurationMs != 5000 {
		t.Fatalf("image %+v", img)
	}
	if vid.Kind != "video" || vid.URL != "/media/clip.mp4" || vid.Position != "bottom-right" || clr.Kind != "clear" {
		t.Fatalf("video %+v clear %+v", vid, clr)
	}
}

func TestGoalUpdateAction(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("goal", `{"type":"tiktok.gift"}`, "", `[
		{"type":"goal.update","config":{"goalId":"coins","amount":"{coins}"}},
		{"type":"goal.update","config":{"goalId":"coins","op":"set","amount":7}},
		{"type":"goal.update","config":{"goalId":"likes","op":"reset"}}]`))
	h.publish(gift("a", 1, 150))
	for _, want := range []GoalCommand{{"coins", "add", 150}, {"coins", "set", 7}, {"likes", "reset", 0}} {
		if got := h.next("goalCommand").Data.(GoalCommand); got != want {
			t.Fatalf("got %+v want %+v", got, want)
		}
	}
}

func TestVariableActions(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("vars", `{"type":"tiktok.chat"}`, "", `[
		{"type":"variable.set","config":{"name":"n","value":"12"}},
		{"type":"variable.set","config":{"name":"code","value":"007"}},
		{"type":"variable.set","config":{"name":"flag","value":"true"}},
		{"type":"variable.set","config":{"name":"who","value":"{nickname}"}},
		{"type":"variable.set","config":{"name":"txt","value":"12","type":"string"}},
		{"type":"variable.increment","config":{"name":"n","by":"-2.5"}},
		{"type":"variable.increment","config":{"name":"fresh"}}]`))
	h.publish(chat("zoe", "hi"))
	tr := h.runs("vars", 1)[0]
	if tr.Status != StatusCompleted {
		t.Fatalf("%s %v", tr.Status, tr.Errors)
	}
	v := h.e.Variables()
	if v["n"].Num != 9.5 || v["code"].Str != "007" || !v["flag"].Bool || v["who"].Str != "zoe" ||
		v["txt"].Str != "12" || v["fresh"].Num != 1 {
		t.Fatalf("vars %+v", v)
	}
	if tr.Variables["n"].Num != 9.5 {
		t.Fatalf("trace snapshot %+v", tr.Variables)
	}
}

func TestStopAndContinueOnError(t *testing.T) {
	h := newHarness(t)
	h.save(flowDoc("stop", `{"type":"tiktok.chat"}`, "", `[{"type":"flow.stop","config":{"reason":"done"}},
		{"type":"log.write","config":{"message":"never"}}]`))
	h.save(flowDoc("cont", `{"type":"tiktok.chat"}`, "", `[
		{"type":"goal.update","continueOnError":true,"config":{"goalId":"g","amount":"{comment}"}},
		{"type":"log.write","config":{"message":"still here"}},
		{"type":"goal.update","config":{"goalId":"g","amount":"{comment}"}},
		{"type":"log.write","config":{"message":"not reached"}},
		{"type":"log.write","enabled":false,"config":{"message":"off"}}]`))
	h.publish(chat("u", "not a number"))
	st := h.runs("stop", 1)[0]
	if st.Status != StatusStopped || st.Actions[0].Status != "stopped" || st.Actions[1].Status != "skipped" {
		t.Fatalf("stop: %+v", st.Actions)
	}
	ct := h.runs("cont", 1)[0]
	got := []string{}
	for _, a := range ct.Actions {
		got = append(got, a.Status)
	}
	if ct.Status != StatusFailed || strings.Join(got, ",") != "error,ok,error,skipped,skipped" || len(ct.Errors) != 2 {
		t.Fatalf("continue: %s %v %v", ct.Status, got, ct.Errors)
	}
}

// hookServer is a real HTTP server recording webhook requests.
type hookServer struct {
	*httptest.Server
	mu   sync.Mutex
	reqs []hookReq
}

type hookReq struct {
	method, path, query, ctype, key string
	body                            []byte
}

func newHookServer(t *testing.T) *hookServer {
	s := &hookServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		s.mu.Lock()
		s.reqs = append(s.reqs, hookReq{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Get("Content-Type"), r.Header.Get("X-Key"), b})
		s.mu.Unlock()
		switch r.URL.Path {
		case "/fail":
			w.WriteHeader(http.StatusInternalServerError)
		case "/slow":
			time.Sleep(300 * time.Millisecond)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *hookServer) requests() []hookReq {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]hookReq(nil), s.reqs...)
}

func TestWebhookActionAgainstRealServer(t *testing.T) {
	srv := newHookServer(t)
	h := newHarness(t)
	h.save(flowDoc("hook", `{"type":"tiktok.gift"}`, "", `[{"type":"webhook.send","config":{
		"url":"`+srv.URL+`/in?user={nickname}","headers":{"X-Key":"k1"},
		"body":"{\"user\":\"{nickname}\",\"coins\":{coins},\"gift\":\"{giftName}\"}"}}]`))
	h.publish(hostileGift())
	if tr := h.runs("hook", 1)[0]; tr.Status != StatusCompleted {
		t.Fatalf("%s %v", tr.Status, tr.Errors)
	}
	reqs := srv.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests", len(reqs))
	}
	r := reqs[0]
	var body map[string]any
	if err := json.Unmarshal(r.body, &body); err != nil {
		t.Fatalf("body not JSON: %s", r.body)
	}
	if r.method != "POST" || r.path != "/in" || r.query != "user=%3Cimg+src%3Dx+onerror%3Dalert%281%29%3E" ||
		r.ctype != "application/json" || r.key != "k1" || body["user"] != hostile || body["coins"] != 150.0 {
		t.Fatalf("request %+v body %v", r, body)
	}
}

func TestWebhookActionFailures(t *testing.T) {
	srv := newHookServer(t)
	h := newHarness(t)
	h.save(flowDoc("s500", `{"type":"tiktok.gift"}`, "", `[{"type":"webhook.send","config":{"url":"`+srv.URL+`/fail"}}]`))
	h.save(flowDoc("slow", `{"type":"tiktok.gift"}`, "", `[{"type":"webhook.send","config":{"url":"`+srv.URL+`/slow","timeoutMs":50}}]`))
	h.save(flowDoc("scheme", `{"type":"tiktok.chat"}`, "", `[{"type":"webhook.send","config":{"url":"{comment}"}}]`))
	h.publish(gift("a", 1, 1))
	h.publish(chat("u", "file:///etc/passwd"))
	for id, want := range map[string]string{"s500": "status 500", "slow": "deadline exceeded", "scheme": "only absolute http"} {
		if tr := h.runs(id, 1)[0]; tr.Status != StatusFailed || !strings.Contains(tr.Errors[0], want) {
			t.Errorf("%s: %s %v", id, tr.Status, tr.Errors)
		}
	}
	for _, bad := range []string{`{"url":"ftp://x.test/"}`, `{"url":"http://x.test","timeoutMs":60000}`,
		`{"url":"http://x.test","headers":{"A":"b\r\nc"}}`, `{"url":"http://x.test","headers":[1]}`} {
		f, _ := Decode([]byte(flowDoc("bad", `{"type":"manual"}`, "", `[{"type":"webhook.send","config":`+bad+`}]`)))
		if _, err := h.e.Save(f); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}
