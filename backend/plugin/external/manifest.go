// Package external runs plugins that are separate programs: a folder
// <data-dir>/plugins/<id>/ with a plugin.json naming the command to start.
// LTTH supervises the process (start on enable, graceful stop, restart with
// backoff on crashes, logs captured) and the process talks to LTTH over a
// local websocket with its own token, scoped by its manifest's permissions.
// The protocol is documented in docs/plugin-sdk.md.
//
// Each external plugin is hosted by the ordinary plugin host
// (backend/plugin) as a Registration: enabling, settings, blocks and the
// log ring are the host's; this package adds the process and the socket.
package external

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/plugin"
)

// Permissions a manifest may ask for.
const (
	PermEventsRead      = "events:read"      // subscribe to bus events
	PermEventsPublish   = "events:publish"   // publish plugin:<id>:<event>
	PermActionsCall     = "actions:call"     // run existing flow actions
	PermActionsRegister = "actions:register" // add actions/triggers to the flow editor
	PermSettings        = "settings"         // read and write its own settings
)

var knownPerms = map[string]bool{PermEventsRead: true, PermEventsPublish: true,
	PermActionsCall: true, PermActionsRegister: true, PermSettings: true}

// Interpreters a manifest may name as its command (looked up on PATH); the
// first argument must then be a script inside the plugin folder.
var Interpreters = map[string]bool{"node": true, "python3": true, "python": true, "deno": true, "bun": true}

// Manifest is an external plugin's plugin.json.
type Manifest struct {
	ID          string             `json:"id"`
	Name        string             `json:"name"`
	Version     string             `json:"version"`
	Description string             `json:"description,omitempty"`
	Author      string             `json:"author,omitempty"`
	Command     string             `json:"command"`
	Args        []string           `json:"args,omitempty"`
	Permissions []string           `json:"permissions"`
	Settings    []action.FieldSpec `json:"settings,omitempty"`
}

// maxManifest bounds plugin.json (untrusted input).
const maxManifest = 64 << 10

var argPattern = regexp.MustCompile(`^[^\x00-\x1f]{0,256}$`)

// Spec is a checked manifest with its resolved command.
type Spec struct {
	Manifest
	Dir  string   // the plugin folder (absolute, symlinks resolved)
	Path string   // the program to run (absolute)
	Argv []string // its arguments (an interpreter's script made absolute)
}

// Load reads and checks dir/plugin.json. Everything is refused that is not
// plainly valid: unknown fields, an id that differs from the folder name,
// unknown permissions, a command outside the folder.
func Load(dir string) (Spec, error) {
	var s Spec
	abs, err := filepath.Abs(dir)
	if err == nil {
		abs, err = filepath.EvalSymlinks(abs)
	}
	if err != nil {
		return s, fmt.Errorf("plugin folder: %w", err)
	}
	s.Dir = abs
	f, err := os.Open(filepath.Join(abs, "plugin.json"))
	if err != nil {
		return s, fmt.Errorf("plugin.json: %w", err)
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, maxManifest+1))
	if err != nil {
		return s, fmt.Errorf("plugin.json: %w", err)
	}
	if len(raw) > maxManifest {
		return s, fmt.Errorf("plugin.json is larger than %d KiB", maxManifest>>10)
	}
	if s.Manifest, err = decode(raw); err != nil {
		return s, err
	}
	if s.ID != filepath.Base(dir) {
		return s, fmt.Errorf("plugin.json: id %q must equal the folder name %q", s.ID, filepath.Base(dir))
	}
	s.Path, s.Argv, err = resolveCommand(abs, s.Command, s.Args)
	return s, err
}

// decode parses plugin.json strictly and checks its fields.
func decode(raw []byte) (Manifest, error) {
	var m Manifest
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&m); err != nil {
		return m, fmt.Errorf("plugin.json: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return m, errors.New("plugin.json: trailing data after the JSON object")
	}
	base, _ := json.Marshal(plugin.Manifest{ID: m.ID, Name: m.Name, Version: m.Version})
	if _, err := plugin.ParseManifest(base); err != nil {
		return m, err
	}
	if m.ID == "ext" {
		return m, errors.New(`plugin.json: id "ext" is reserved`)
	}
	if len(m.Name) > 64 || len(m.Version) > 32 || len(m.Description) > 500 || len(m.Author) > 100 {
		return m, errors.New("plugin.json: name, version, description or author too long")
	}
	seen := map[string]bool{}
	for _, p := range m.Permissions {
		if !knownPerms[p] || seen[p] {
			return m, fmt.Errorf("plugin.json: unknown or repeated permission %q", p)
		}
		seen[p] = true
	}
	if len(m.Args) > 32 {
		return m, errors.New("plugin.json: at most 32 args")
	}
	for _, a := range m.Args {
		if !argPattern.MatchString(a) {
			return m, fmt.Errorf("plugin.json: arg %q has control characters or is too long", a)
		}
	}
	if _, err := action.NewConfig(nil, m.Settings); err != nil {
		return m, fmt.Errorf("plugin.json: settings schema: %w", err)
	}
	return m, nil
}

// resolveCommand turns the manifest's command into a program path: a file
// inside dir (relative path), or an allowed interpreter on PATH whose first
// argument is a script inside dir. Nothing goes through a shell.
func resolveCommand(dir, command string, args []string) (string, []string, error) {
	if command == "" {
		return "", nil, errors.New("plugin.json: command is required")
	}
	if Interpreters[command] {
		if len(args) == 0 || strings.HasPrefix(args[0], "-") {
			return "", nil, fmt.Errorf("plugin.json: %s needs a script inside the plugin folder as its first argument", command)
		}
		script, err := inside(dir, args[0])
		if err != nil {
			return "", nil, err
		}
		prog, err := exec.LookPath(command)
		if err != nil {
			return "", nil, fmt.Errorf("plugin.json: interpreter %s not found on PATH", command)
		}
		return prog, append([]string{script}, args[1:]...), nil
	}
	if !strings.ContainsAny(command, `/\`) {
		return "", nil, fmt.Errorf("plugin.json: command %q must be a file in the plugin folder (like ./%s) or one of %s",
			command, command, strings.Join(interpreterNames(), ", "))
	}
	prog, err := inside(dir, command)
	if err != nil && runtime.GOOS == "windows" && !strings.HasSuffix(command, ".exe") {
		prog, err = inside(dir, command+".exe")
	}
	if err != nil {
		return "", nil, err
	}
	if st, _ := os.Stat(prog); runtime.GOOS != "windows" && st.Mode()&0o111 == 0 {
		return "", nil, fmt.Errorf("plugin.json: command %s is not executable", command)
	}
	return prog, append([]string{}, args...), nil
}

// inside resolves rel (symlinks included) and checks it is a regular file
// within dir.
func inside(dir, rel string) (string, error) {
	if filepath.IsAbs(rel) || filepath.VolumeName(rel) != "" {
		return "", fmt.Errorf("plugin.json: %q must be a path relative to the plugin folder", rel)
	}
	p, err := filepath.EvalSymlinks(filepath.Join(dir, filepath.FromSlash(rel)))
	if err != nil {
		return "", fmt.Errorf("plugin.json: %q: %w", rel, err)
	}
	if r, err := filepath.Rel(dir, p); err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", fmt.Errorf("plugin.json: %q resolves outside the plugin folder", rel)
	}
	if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
		return "", fmt.Errorf("plugin.json: %q is not a regular file", rel)
	}
	return p, nil
}

func interpreterNames() []string {
	var out []string
	for n := range Interpreters {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

// Problem is a plugin folder that could not be loaded.
type Problem struct {
	Dir   string `json:"dir"`
	Error string `json:"error"`
}

// Discover loads every plugin folder under root (missing root: none).
func Discover(root string) ([]Spec, []Problem) {
	entries, err := os.ReadDir(root)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil
		}
		return nil, []Problem{{Dir: root, Error: err.Error()}}
	}
	var specs []Spec
	var probs []Problem
	for _, e := range entries {
		dir := filepath.Join(root, e.Name())
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		s, err := Load(dir)
		if err != nil {
			probs = append(probs, Problem{Dir: e.Name(), Error: err.Error()})
			continue
		}
		specs = append(specs, s)
	}
	return specs, probs
}

// Has reports whether the manifest grants perm.
func (m *Manifest) Has(perm string) bool {
	for _, p := range m.Permissions {
		if p == perm {
			return true
		}
	}
	return false
}
