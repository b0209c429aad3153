package core

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/ltth/ltth/backend/action"
)

// blockNorm is the key part for a type, field name or option value, as
// norm() in frontend/src/pages/flows/blocktexts.ts: ASCII letters and digits
// stay, ".", "-", " " and "/" become "_", anything else x<hex>.
func blockNorm(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
		case strings.ContainsRune(".- /", r):
			b.WriteByte('_')
		default:
			fmt.Fprintf(&b, "x%x", r)
		}
	}
	return b.String()
}

func TestBlockNorm(t *testing.T) {
	for in, want := range map[string]string{"sound.play": "sound_play", "!=": "x21x3d", "OSC / VRChat": "OSC___VRChat", "a-b_c": "a_bx5fc", "ü": "xfc"} {
		if got := blockNorm(in); got != want {
			t.Errorf("blockNorm(%q) = %q, want %q", in, got, want)
		}
	}
}

// blockTextKeys lists every catalogue key the flow editor looks up for reg,
// with the English text the Go blocks hold.
func blockTextKeys(reg action.Schema) (map[string]string, []string) {
	out := map[string]string{}
	var clashes []string
	put := func(k, v string) {
		if old, ok := out[k]; ok && old != v {
			clashes = append(clashes, fmt.Sprintf("%s: %q and %q", k, old, v))
		}
		out[k] = v
	}
	var infos []action.Info
	for _, b := range reg.Triggers {
		infos = append(infos, b)
	}
	for _, b := range reg.Conditions {
		infos = append(infos, b)
	}
	for _, b := range reg.Actions {
		infos = append(infos, b.Info)
	}
	for _, b := range infos {
		k := "blk_" + blockNorm(b.Type)
		put("blkcat_"+blockNorm(b.Category), b.Category)
		put(k, b.Name)
		if b.Description != "" {
			put(k+"_d", b.Description)
		}
		for _, f := range b.Fields {
			fk := k + "__" + blockNorm(f.Name)
			put(fk, f.Label)
			if f.Help != "" {
				put(fk+"_h", f.Help)
			}
			for _, o := range f.Options {
				put(fk+"__"+blockNorm(o.Value), o.Label)
			}
		}
	}
	return out, clashes
}

func readCatalogue(t *testing.T, lang string) map[string]any {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "frontend", "messages", lang+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var cat map[string]any
	if err := json.Unmarshal(b, &cat); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return cat
}

// The flow editor shows every block text of the built-in modules and
// plugins from the catalogues: each has a German key, the English key holds
// exactly the Go text ("\{" in the catalogue is a literal brace), and no
// catalogue key names a block, field or option that no longer exists.
// LTTH_BLOCK_KEYS=<file> writes the expected keys with their English texts.
func TestBlockTextsInCatalogues(t *testing.T) {
	dir := t.TempDir()
	c := startCore(t, dir)
	defer stopCore(t, c)
	var plugins []struct{ ID string }
	pcall(t, c, "GET", "/api/plugins", "", &plugins)
	for _, p := range plugins {
		verb := "enable"
		if _, err := os.Stat(filepath.Join("..", "..", "plugins", p.ID)); err != nil {
			verb = "disable" // a test plugin, not a built-in one
		}
		if code := pcall(t, c, "POST", "/api/plugins/"+p.ID+"/"+verb, "", nil); code != 200 {
			t.Fatalf("%s %s: %d", verb, p.ID, code)
		}
	}
	var reg action.Schema
	pcall(t, c, "GET", "/api/flow-registry", "", &reg)
	want, clashes := blockTextKeys(reg)
	for _, cl := range clashes {
		t.Errorf("two block texts share a key: %s", cl)
	}
	if out := os.Getenv("LTTH_BLOCK_KEYS"); out != "" {
		// The key list for a translator: key -> English, from the live registry.
		b, _ := json.MarshalIndent(want, "", " ")
		if err := os.WriteFile(out, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	en, de := readCatalogue(t, "en"), readCatalogue(t, "de")
	var problems []string
	for k, v := range want {
		if _, ok := de[k]; !ok {
			problems = append(problems, fmt.Sprintf("de.json has no %q (%q)", k, v))
		}
		got, ok := en[k].(string)
		got = strings.NewReplacer(`\{`, "{", `\}`, "}").Replace(got)
		if !ok || got != v {
			problems = append(problems, fmt.Sprintf("en.json %q = %q, the block says %q", k, got, v))
		}
	}
	for _, cat := range []map[string]any{en, de} {
		for k := range cat {
			if _, ok := want[k]; !ok && (strings.HasPrefix(k, "blk_") || strings.HasPrefix(k, "blkcat_")) {
				problems = append(problems, fmt.Sprintf("stale catalogue key %q: no such block, field or option", k))
			}
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
	if len(want) < 400 {
		t.Errorf("only %d block texts: were the plugins' blocks loaded?", len(want))
	}
}
