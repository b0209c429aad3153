package main

import (
	"encoding/json"
	"net/http"
	"reflect"
	"testing"

	"github.com/ltth/ltth/backend/apitoken"
	"github.com/ltth/ltth/backend/appconfig"
	compat "github.com/ltth/ltth/backend/compat/tikfinity"
	"github.com/ltth/ltth/backend/core/service"
	"github.com/ltth/ltth/backend/crash"
	"github.com/ltth/ltth/backend/update"
)

// sameAnswer fails unless the bound answer v encodes to the same JSON as the
// REST body (a 2xx).
func sameAnswer(t *testing.T, what string, v any, err error, code int, body []byte) {
	t.Helper()
	if err != nil || code/100 != 2 {
		t.Fatalf("%s: bound %v, REST %d %s", what, err, code, body)
	}
	b, _ := json.Marshal(v)
	var got, want any
	_ = json.Unmarshal(b, &got)
	_ = json.Unmarshal(body, &want)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s: bound %s, REST %s", what, b, body)
	}
}

// sameErrorCode fails unless the bound error and the REST error body carry the
// code want (the REST status being its status).
func sameErrorCode(t *testing.T, what string, err error, code int, body []byte, want string, status int) {
	t.Helper()
	var bound, rest service.Error
	if err == nil || json.Unmarshal([]byte(err.Error()), &bound) != nil || bound.Code != want {
		t.Fatalf("%s: bound error %v, want code %s", what, err, want)
	}
	if json.Unmarshal(body, &rest); code != status || rest.Code != want {
		t.Fatalf("%s: REST %d %s, want %d %s", what, code, body, status, want)
	}
}

// The app settings and the token: the same answers and error codes on
// both transports, and a token rotated through the binding is the one the
// listener then takes.
func TestSettingsBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	s := &SettingsService{a}
	view, err := s.Get()
	code, body := apiCall(t, a, http.MethodGet, "/api/settings/app", "")
	sameAnswer(t, "Settings.Get", view, err, code, body)

	next := view.Settings
	next.Theme = "light"
	view, err = s.Put(next)
	if err != nil || view.Settings.Theme != "light" {
		t.Fatalf("bound put: %+v %v", view.Settings, err)
	}
	code, body = apiCall(t, a, http.MethodGet, "/api/settings/app", "")
	sameAnswer(t, "after a bound Put", view, nil, code, body)

	bad := next
	bad.Theme = "pink"
	_, err = s.Put(bad)
	code, body = apiCall(t, a, http.MethodPut, "/api/settings/app", `{"theme":"pink"}`)
	sameErrorCode(t, "Settings.Put pink", err, code, body, "invalid", http.StatusBadRequest)
	if cfg := appconfigOf(t, a); cfg.Theme != "light" {
		t.Fatalf("a refused change changed the theme: %q", cfg.Theme)
	}

	tok, err := s.RotateToken()
	if err != nil || tok.Token == "" || tok.Token != a.core.Token() {
		t.Fatalf("bound rotate: %+v %v", tok, err)
	}
}

func appconfigOf(t *testing.T, a *App) appconfig.Config {
	t.Helper()
	v, err := (&SettingsService{a}).Get()
	if err != nil {
		t.Fatal(err)
	}
	return v.Settings
}

// Updates, crash reports, API tokens and the TikFinity bridge answer the
// same on both transports, and fail with the same codes.
func TestReleaseAndExtAPIBoundMatchREST(t *testing.T) {
	a := startedApp(t)
	up := &UpdatesService{a}
	st, err := up.Settings()
	code, body := apiCall(t, a, http.MethodGet, "/api/update", "")
	sameAnswer(t, "Updates.Settings", st, err, code, body)
	_, err = up.SaveSettings(update.Settings{Enabled: true, FeedURL: "ftp://x"})
	code, body = apiCall(t, a, http.MethodPut, "/api/update", `{"enabled":true,"feedUrl":"ftp://x"}`)
	sameErrorCode(t, "Updates.SaveSettings ftp", err, code, body, "invalid", http.StatusBadRequest)
	_, err = up.Download()
	code, body = apiCall(t, a, http.MethodPost, "/api/update/download", "")
	sameErrorCode(t, "Updates.Download with nothing newer", err, code, body, "conflict", http.StatusConflict)

	if _, err := a.core.Crashes().Write("test", "boom", []byte("stack")); err != nil {
		t.Fatal(err)
	}
	cr := &CrashReportsService{a}
	list, err := cr.List()
	code, body = apiCall(t, a, http.MethodGet, "/api/crash-reports", "")
	sameAnswer(t, "CrashReports.List", list, err, code, body)
	text, err := cr.Read(crash.ReportRequest{ID: list[0].ID})
	if _, body = apiCall(t, a, http.MethodGet, "/api/crash-reports/"+list[0].ID, ""); err != nil || text != string(body) {
		t.Fatalf("CrashReports.Read: bound %q %v, REST %q", text, err, body)
	}
	if _, err := cr.MarkSeen(crash.ReportRequest{}); err != nil {
		t.Fatal(err)
	}
	if list, _ := cr.List(); !list[0].Seen {
		t.Fatal("a bound MarkSeen left the report unseen")
	}
	_, err = cr.Read(crash.ReportRequest{ID: "nope"})
	code, body = apiCall(t, a, http.MethodGet, "/api/crash-reports/nope", "")
	sameErrorCode(t, "CrashReports.Read nope", err, code, body, "not_found", http.StatusNotFound)

	tk := &APITokensService{a}
	made, err := tk.Create(apitoken.CreateRequest{Name: "bot", Scope: apitoken.ScopeRead})
	if err != nil || made.Token == "" {
		t.Fatalf("bound token: %+v %v", made, err)
	}
	infos, err := tk.List()
	code, body = apiCall(t, a, http.MethodGet, "/api/tokens", "")
	sameAnswer(t, "APITokens.List", infos, err, code, body)
	_, err = tk.Revoke(apitoken.RevokeRequest{ID: "nope"})
	code, body = apiCall(t, a, http.MethodDelete, "/api/tokens/nope", "")
	sameErrorCode(t, "APITokens.Revoke nope", err, code, body, "not_found", http.StatusNotFound)

	tf := &TikFinityService{a}
	fs, err := tf.Status()
	code, body = apiCall(t, a, http.MethodGet, "/api/compat/tikfinity", "")
	sameAnswer(t, "TikFinity.Status", fs, err, code, body)
	_, err = tf.Apply(compat.Settings{Port: 0})
	code, body = apiCall(t, a, http.MethodPut, "/api/compat/tikfinity", `{"enabled":false,"port":0}`)
	sameErrorCode(t, "TikFinity.Apply port 0", err, code, body, "invalid", http.StatusBadRequest)
}

// The window reads the API token through its binding (it holds none of its
// own); REST answers the same to a holder of the token, and nothing
// without it.
func TestBoundTokenMatchesREST(t *testing.T) {
	a := startedApp(t)
	got, err := (&SettingsService{a}).Token()
	if err != nil || got.Token != a.core.Token() {
		t.Fatalf("bound token: %+v %v", got, err)
	}
	code, body := apiCall(t, a, http.MethodGet, "/api/settings/token", "")
	if code != http.StatusOK {
		t.Fatalf("REST token: %d %s", code, body)
	}
	sameJSON(t, "token", got, body)
	req, _ := http.NewRequest(http.MethodGet, a.core.URL()+"/api/settings/token", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("token without a token: %d", resp.StatusCode)
	}
}
