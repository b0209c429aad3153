package core

import (
	"encoding/json"
	"net/http"
	"testing"
)

func getAuthed(t *testing.T, c *Core, method, path string, v any) int {
	t.Helper()
	req, _ := http.NewRequest(method, c.URL()+path, nil)
	req.Header.Set("Authorization", "Bearer "+c.Token())
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		json.NewDecoder(resp.Body).Decode(v)
	}
	return resp.StatusCode
}

// A crash report left by one run is offered by the next start until it is
// marked seen, then never again.
func TestCrashReportOfferedOnceOnTheNextStart(t *testing.T) {
	dir := t.TempDir()
	c := startCore(t, dir)
	c.reportPanic("plugin sample: goroutine", "told to panic", []byte("goroutine 1 [running]:\nmain.main()"))
	stopCore(t, c)

	c = startCore(t, dir)
	var list []struct {
		ID      string `json:"id"`
		Summary string `json:"summary"`
		Seen    bool   `json:"seen"`
	}
	if code := getAuthed(t, c, "GET", "/api/crash-reports", &list); code != 200 || len(list) != 1 || list[0].Seen || list[0].Summary != "told to panic" {
		t.Fatalf("next start: %d %+v", code, list)
	}
	if code := getAuthed(t, c, "POST", "/api/crash-reports/"+list[0].ID+"/seen", nil); code != http.StatusNoContent {
		t.Fatalf("mark seen: %d", code)
	}
	stopCore(t, c)

	c = startCore(t, dir)
	defer stopCore(t, c)
	if code := getAuthed(t, c, "GET", "/api/crash-reports", &list); code != 200 || len(list) != 1 || !list[0].Seen {
		t.Fatalf("start after seen: %d %+v", code, list)
	}
	var st struct{ State, Current string }
	if code := getAuthed(t, c, "GET", "/api/update/status", &st); code != 200 || st.State != "idle" || st.Current != "test" {
		t.Fatalf("update status of a development build: %d %+v", code, st)
	}
}
