package external

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// Broken or unsafe plugin folders are reported with their reason and never
// become plugins (so nothing of theirs is started).
func TestBadManifestsAreReportedNotStarted(t *testing.T) {
	root := t.TempDir()
	outside := filepath.Join(t.TempDir(), "evil")
	write(t, outside, []byte("#!/bin/sh\ntouch pwned\n"), 0o755)
	good := `"name":"X","version":"1","permissions":[]`
	cases := map[string]struct{ manifest, want string }{
		"broken":     {`{"id":"broken",`, "unexpected EOF"},
		"unknownkey": {`{"id":"unknownkey",` + good + `,"command":"./run","shell":"sh -c x"}`, `unknown field "shell"`},
		"mismatch":   {`{"id":"other",` + good + `,"command":"./run"}`, "must equal the folder name"},
		"escape":     {`{"id":"escape",` + good + `,"command":"../../` + filepath.Base(filepath.Dir(outside)) + `/evil"}`, "outside the plugin folder"},
		"absolute":   {`{"id":"absolute",` + good + `,"command":"` + outside + `"}`, "relative to the plugin folder"},
		"bare":       {`{"id":"bare",` + good + `,"command":"sh","args":["-c","touch pwned"]}`, "must be a file in the plugin folder"},
		"interp":     {`{"id":"interp",` + good + `,"command":"node","args":["-e","1"]}`, "needs a script inside the plugin folder"},
		"perm":       {`{"id":"perm","name":"X","version":"1","permissions":["root"],"command":"./run"}`, `unknown or repeated permission "root"`},
		"Bad_Id":     {`{"id":"Bad_Id",` + good + `,"command":"./run"}`, "lowercase"},
		"noexec":     {`{"id":"noexec",` + good + `,"command":"./data.txt"}`, "not executable"},
		"missing":    {`{"id":"missing",` + good + `,"command":"./nothere"}`, "no such file"},
		"schema":     {`{"id":"schema",` + good + `,"command":"./run","settings":[{"name":"n","kind":"number","default":"x"}]}`, "settings schema"},
	}
	for dir, c := range cases {
		write(t, filepath.Join(mkdir(t, root, dir), "plugin.json"), []byte(c.manifest), 0o644)
		write(t, filepath.Join(root, dir, "run"), []byte("#!/bin/sh\n"), 0o755)
		write(t, filepath.Join(root, dir, "data.txt"), []byte("x"), 0o644)
	}
	mkdir(t, root, "nomanifest")
	install(t, root, "node-hello", nil)
	m := New(Options{Root: root})
	probs := map[string]string{}
	for _, p := range m.Status().Problems {
		probs[p.Dir] = p.Error
	}
	for dir, c := range cases {
		if !strings.Contains(probs[dir], c.want) {
			t.Errorf("%s: problem %q, want it to mention %q", dir, probs[dir], c.want)
		}
	}
	if !strings.Contains(probs["nomanifest"], "plugin.json") {
		t.Errorf("folder without plugin.json: %q", probs["nomanifest"])
	}
	regs := m.Registrations()
	if len(regs) != 1 || regs[0].Manifest.ID != "node-hello" || regs[0].Manifest.DefaultEnabled {
		t.Fatalf("registrations: %+v", regs)
	}
	if _, err := os.Stat(filepath.Join(root, "pwned")); err == nil {
		t.Fatal("something ran")
	}
}

// A folder whose id is a built-in plugin's is reported, not hosted.
func TestBuiltinIDIsReserved(t *testing.T) {
	root := t.TempDir()
	install(t, root, "node-hello", nil)
	m := New(Options{Root: root, Reserved: map[string]bool{"node-hello": true}})
	if l := m.Status(); len(l.Plugins) != 0 || len(l.Problems) != 1 || !strings.Contains(l.Problems[0].Error, "built-in") {
		t.Fatalf("status: %+v", l)
	}
}

// A manifest's command may be an interpreter on PATH with a script inside
// the folder; the script is made absolute.
func TestInterpreterCommandResolves(t *testing.T) {
	root := t.TempDir()
	install(t, root, "node-hello", nil)
	s, err := Load(filepath.Join(root, "node-hello"))
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(s.Path) != "node" || s.Argv[0] != filepath.Join(s.Dir, "main.js") {
		t.Fatalf("resolved %s %v", s.Path, s.Argv)
	}
}

func TestBackoffDelays(t *testing.T) {
	b := Backoff{}
	b.defaults()
	got := []string{}
	for n := 1; n <= 9; n++ {
		got = append(got, b.delay(n).String())
	}
	if strings.Join(got, " ") != "500ms 1s 2s 4s 8s 16s 30s 30s 30s" {
		t.Fatalf("delays %v", got)
	}
}

func mkdir(t *testing.T, root, name string) string {
	t.Helper()
	d := filepath.Join(root, name)
	if err := os.MkdirAll(d, 0o755); err != nil {
		t.Fatal(err)
	}
	return d
}
