package core

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"testing"
)

// flowTemplate is one entry of the Flows page's template gallery.
type flowTemplate struct {
	ID          string          `json:"id"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	Flow        json.RawMessage `json:"flow"`
}

// Every template of the gallery (frontend/src/pages/flows/templates.json)
// is a flow the real engine accepts with the real block registry: it can
// never name a block, field or option that does not exist.
func TestFlowTemplatesValidate(t *testing.T) {
	raw, err := os.ReadFile("../../frontend/src/pages/flows/templates.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	var tpls []flowTemplate
	if err := dec.Decode(&tpls); err != nil {
		t.Fatalf("templates.json: %v", err)
	}
	if len(tpls) < 8 {
		t.Fatalf("%d templates, want at least 8", len(tpls))
	}
	c := startCore(t, t.TempDir())
	defer stopCore(t, c)
	seen := map[string]bool{}
	for _, tp := range tpls {
		if tp.ID == "" || seen[tp.ID] || tp.Name == "" || tp.Description == "" {
			t.Errorf("template %q: needs a unique id, a name and a description", tp.ID)
		}
		seen[tp.ID] = true
		var doc map[string]any
		if err := json.Unmarshal(tp.Flow, &doc); err != nil {
			t.Fatalf("%s: %v", tp.ID, err)
		}
		if _, has := doc["id"]; has {
			t.Errorf("%s: a template has no id (each use gets a new one)", tp.ID)
		}
		id := "tpl-" + tp.ID
		doc["id"], doc["enabled"] = id, true
		body, _ := json.Marshal(doc)
		status, out := flowCall(t, c, http.MethodPut, "/api/flows/"+id, body)
		if status != http.StatusOK {
			t.Errorf("template %s does not validate: %d %s", tp.ID, status, out)
			continue
		}
		var view struct {
			Status struct {
				Valid bool `json:"valid"`
			} `json:"status"`
		}
		_, out = flowCall(t, c, http.MethodGet, "/api/flows/"+id, nil)
		if err := json.Unmarshal(out, &view); err != nil || !view.Status.Valid {
			t.Errorf("template %s stored invalid: %s", tp.ID, out)
		}
	}
}

func flowCall(t *testing.T, c *Core, method, path string, body []byte) (int, []byte) {
	t.Helper()
	req, _ := http.NewRequest(method, c.URL()+path, bytes.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+c.Token())
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	out, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, out
}
