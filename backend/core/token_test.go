package core

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestTokenCreatedOnceWithPrivateMode(t *testing.T) {
	dir := t.TempDir()
	a, err := loadOrCreateToken(dir)
	if err != nil || len(a) != 64 {
		t.Fatalf("token %q, %v", a, err)
	}
	b, err := loadOrCreateToken(dir)
	if err != nil || a != b {
		t.Fatalf("token changed: %q vs %q (%v)", a, b, err)
	}
	st, err := os.Stat(filepath.Join(dir, "api-token"))
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, want 0600", st.Mode().Perm())
	}
}

func TestDamagedTokenIsReported(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "api-token"), []byte("short"), 0o600)
	if _, err := loadOrCreateToken(dir); err == nil {
		t.Fatal("damaged token accepted")
	}
}
