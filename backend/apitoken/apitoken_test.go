package apitoken

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/httpapi"
)

func TestCreateCheckRevokePersistHashed(t *testing.T) {
	dir := t.TempDir()
	s, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	rd, readSecret, err := s.Create("overlay game", ScopeRead)
	if err != nil {
		t.Fatal(err)
	}
	_, ctlSecret, err := s.Create("bot", ScopeControl)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(readSecret, Prefix) || readSecret == ctlSecret {
		t.Fatalf("secrets %q %q", readSecret, ctlSecret)
	}
	if sc, ok := s.Check(readSecret); !ok || sc != ScopeRead {
		t.Fatalf("read token: %v %v", sc, ok)
	}
	raw, _ := os.ReadFile(filepath.Join(dir, fileName))
	if strings.Contains(string(raw), readSecret) || strings.Contains(string(raw), ctlSecret) {
		t.Fatal("a secret is stored in clear")
	}
	if fi, _ := os.Stat(filepath.Join(dir, fileName)); fi.Mode().Perm()&0o077 != 0 {
		t.Errorf("mode %v", fi.Mode())
	}
	if err := s.Revoke(rd.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok := s.Check(readSecret); ok {
		t.Fatal("revoked token still accepted")
	}
	if err := s.Revoke(rd.ID); !errors.Is(err, httpapi.ErrNotFound) {
		t.Fatalf("second revoke: %v", err)
	}
	again, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if sc, ok := again.Check(ctlSecret); !ok || sc != ScopeControl || len(again.List()) != 1 {
		t.Fatalf("after reopen: %v %v %+v", sc, ok, again.List())
	}
	if _, ok := again.Check(readSecret); ok {
		t.Fatal("revoked token back after reopen")
	}
}

func TestBadInputIsRefused(t *testing.T) {
	dir := t.TempDir()
	s, _ := Open(dir)
	for _, c := range []struct {
		name  string
		scope Scope
	}{{"", ScopeRead}, {"x", "admin"}, {strings.Repeat("n", 101), ScopeControl}} {
		if _, _, err := s.Create(c.name, c.scope); !errors.Is(err, httpapi.ErrInvalid) {
			t.Errorf("%q/%q: %v", c.name, c.scope, err)
		}
	}
	if _, ok := s.Check("ltth_" + strings.Repeat("0", 64)); ok {
		t.Error("unknown token accepted")
	}
	os.WriteFile(filepath.Join(dir, fileName), []byte("{not json"), 0o600)
	if _, err := Open(dir); err == nil {
		t.Error("damaged file accepted")
	}
}
