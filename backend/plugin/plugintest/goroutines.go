package plugintest

import (
	"runtime"
	"strings"
	"testing"
	"time"
)

// Goroutines is a snapshot of the running goroutines' stacks, taken before
// a plugin starts, to find goroutines it leaves behind.
type Goroutines struct{ before map[string]int }

// SnapshotGoroutines records the goroutines running now.
func SnapshotGoroutines() Goroutines { return Goroutines{before: stackCounts()} }

// AssertNoLeaks fails t when, after up to 3 seconds of retries, more
// goroutines created by the same function run than at the snapshot.
func (g Goroutines) AssertNoLeaks(t testing.TB) {
	t.Helper()
	var extra []string
	deadline := time.Now().Add(3 * time.Second)
	for {
		extra = extra[:0]
		for fn, n := range stackCounts() {
			if n > g.before[fn] {
				extra = append(extra, fn)
			}
		}
		if len(extra) == 0 {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("leaked goroutines after stop (created by): %s", strings.Join(extra, "; "))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// stackCounts counts goroutines by the function that created them (stable
// over a goroutine's life, unlike the top of its stack), skipping the ones
// ignored reports.
func stackCounts() map[string]int {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			buf = buf[:n]
			break
		}
		buf = make([]byte, 2*len(buf))
	}
	out := map[string]int{}
	for _, g := range strings.Split(string(buf), "\n\n") {
		i := strings.LastIndex(g, "created by ")
		if i < 0 {
			continue
		}
		key := funcName(strings.TrimPrefix(strings.SplitN(g[i:], "\n", 2)[0], "created by "))
		if ignored(key) {
			continue
		}
		out[key]++
	}
	return out
}

// funcName drops arguments and "in goroutine N" from a stack line.
func funcName(line string) string {
	line = strings.TrimSpace(line)
	if i := strings.Index(line, " in goroutine "); i >= 0 {
		line = line[:i]
	}
	if i := strings.LastIndex(line, "("); i > 0 && strings.HasSuffix(line, ")") {
		line = line[:i]
	}
	return line
}

// ignored tells the listener's, the database's and the test framework's
// goroutines (which come and go on their own schedule) from a plugin's.
func ignored(creator string) bool {
	for _, p := range []string{"testing.", "net/http.", "database/sql.", "os/signal.", "runtime/",
		"github.com/ltth/ltth/backend/server.", "github.com/ltth/ltth/backend/store."} {
		if strings.HasPrefix(creator, p) {
			return true
		}
	}
	return false
}
