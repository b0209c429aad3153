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
		{"type":"variable.increment","continueOnError":true,"config":{"name":"g","by":"{comment}"}},
		{"type":"log.write","config":{"message":"still here"}},
		{"type":"variable.increment","config":{"name":"g","by":"{comment}"}},
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
