package core

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
)

const modulePath = "github.com/ltth/ltth"

// shared are the packages every subsystem may import (docs/architecture.md,
// "Layering"): the domain types, the bus, the module and flow-block
// contracts, the REST helpers and logging.
var shared = map[string]bool{"domain": true, "bus": true, "module": true, "action": true, "httpapi": true, "logging": true}

// exceptions are the allowed subsystem pairs beyond the rule, each with
// its reason.
var exceptions = map[[2]string]string{
	{"server", "overlay"}: "the listener serves the embedded overlay pages (overlay holds no state)",
}

// pkgInfo is what the layering rule needs of one package.
type pkgInfo struct {
	ImportPath string
	Imports    []string
	Deps       []string
}

// subsystem is the first path element below backend/ ("tiktok" for
// backend/tiktok/connector), or "" for packages outside backend/.
func subsystem(path string) string {
	rest, ok := strings.CutPrefix(path, modulePath+"/backend/")
	if !ok {
		return ""
	}
	s, _, _ := strings.Cut(rest, "/")
	return s
}

// layeringViolations checks the rule: a subsystem under backend/ imports
// only itself and the shared packages (store only from core), and nothing
// of Wails; core, the composition root, may import anything. Test-support
// packages (named *test) may import what they test.
func layeringViolations(pkgs []pkgInfo) []string {
	var out []string
	for _, p := range pkgs {
		from := subsystem(p.ImportPath)
		if from == "" || from == "core" || strings.HasSuffix(p.ImportPath, "test") {
			continue
		}
		for _, imp := range p.Imports {
			to := subsystem(imp)
			if to == "" || to == from || shared[to] {
				continue
			}
			if _, ok := exceptions[[2]string{from, to}]; ok {
				continue
			}
			out = append(out, p.ImportPath+" imports sibling subsystem "+imp)
		}
		for _, d := range p.Deps {
			if strings.HasPrefix(d, "github.com/wailsapp/") {
				out = append(out, p.ImportPath+" depends on Wails ("+d+")")
				break
			}
		}
	}
	sort.Strings(out)
	return out
}

// listBackend runs go list over every package under backend/.
func listBackend(t *testing.T) []pkgInfo {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		goCmd = filepath.Join(runtime.GOROOT(), "bin", "go")
	}
	cmd := exec.Command(goCmd, "list", "-deps=false", "-json=ImportPath,Imports,Deps", "./backend/...")
	cmd.Dir = filepath.Join("..", "..")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list: %v\n%s", err, stderr.String())
	}
	var pkgs []pkgInfo
	dec := json.NewDecoder(bytes.NewReader(raw))
	for {
		var p pkgInfo
		if err := dec.Decode(&p); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		pkgs = append(pkgs, p)
	}
	return pkgs
}

// TestLayering fails when a subsystem under backend/ imports a sibling
// subsystem or Wails.
func TestLayering(t *testing.T) {
	pkgs := listBackend(t)
	if len(pkgs) < 10 {
		t.Fatalf("go list found only %d packages", len(pkgs))
	}
	for _, v := range layeringViolations(pkgs) {
		t.Error(v)
	}
}

// TestLayeringRuleCatchesViolations checks the checker on made-up packages.
func TestLayeringRuleCatchesViolations(t *testing.T) {
	b := modulePath + "/backend/"
	got := layeringViolations([]pkgInfo{
		{ImportPath: b + "flow", Imports: []string{b + "action", b + "domain", b + "alert", "net/http"}},
		{ImportPath: b + "tiktok/connector", Imports: []string{b + "tiktok/source", b + "store"}},
		{ImportPath: b + "goal", Imports: []string{b + "bus"}, Deps: []string{"github.com/wailsapp/wails/v2/pkg/runtime"}},
		{ImportPath: b + "core", Imports: []string{b + "store", b + "alert"}},
		{ImportPath: b + "server", Imports: []string{b + "overlay"}},
		{ImportPath: b + "overlay/overlaytest", Imports: []string{b + "server"}},
	})
	want := []string{
		b + "flow imports sibling subsystem " + b + "alert",
		b + "goal depends on Wails (github.com/wailsapp/wails/v2/pkg/runtime)",
		b + "tiktok/connector imports sibling subsystem " + b + "store",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
