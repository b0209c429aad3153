package crash

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPanicWritesAReportOfferedOnce(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ltth.log"), []byte("{\"message\":\"first\"}\n{\"message\":\"just before\"}\n"), 0o644)
	r := Open(dir, "1.2.3")
	func() {
		defer func() { recover() }() // Recover panics again, as the real process would
		func() {
			defer r.Recover("main")
			var m map[string]int
			m["boom"] = 1
		}()
	}()
	// The next start: a fresh Reports over the same folder.
	next := Open(dir, "1.2.3")
	unseen, err := next.Unseen()
	if err != nil || len(unseen) != 1 {
		t.Fatalf("unseen after a crash: %v %v", unseen, err)
	}
	rep := unseen[0]
	if !strings.Contains(rep.Summary, "assignment to entry in nil map") {
		t.Fatalf("summary %q", rep.Summary)
	}
	text, err := next.Read(rep.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"version: 1.2.3", "os: ", "where: main", "crash_test.go", "just before"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("report lacks %q:\n%s", want, text)
		}
	}
	if err := next.MarkSeen(rep.ID); err != nil {
		t.Fatal(err)
	}
	if again, _ := Open(dir, "1.2.3").Unseen(); len(again) != 0 {
		t.Fatalf("offered again after being seen: %v", again)
	}
	if all, _ := next.List(); len(all) != 1 || !all[0].Seen {
		t.Fatalf("list %+v", all)
	}
}

func TestReadRefusesPathsOutsideTheFolder(t *testing.T) {
	r := Open(t.TempDir(), "1")
	for _, id := range []string{"../api-token", "crash-../../x.txt", "ltth.log"} {
		if _, err := r.Read(id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Read(%q): %v", id, err)
		}
	}
	if err := r.MarkSeen("crash-nope.txt"); !errors.Is(err, ErrNotFound) {
		t.Errorf("MarkSeen unknown: %v", err)
	}
}
