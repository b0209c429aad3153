// Package apitoken keeps the API tokens the user creates for external
// tools, next to the desktop's own token. A token is scoped "read" (GET
// only) or "control" (every method); only its SHA-256 hash is stored, in
// <data-dir>/api-tokens.json (mode 0600), the same for every profile. The
// secret is shown once, when it is created.
package apitoken

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/ltth/ltth/backend/httpapi"
)

// Scope is what a token may do.
type Scope string

// The scopes.
const (
	ScopeRead    Scope = "read"    // GET/HEAD only
	ScopeControl Scope = "control" // every method (token management excepted)
)

// Prefix starts every token this package issues, so a leaked one is
// recognisable.
const Prefix = "ltth_"

// MaxTokens bounds how many tokens can exist.
const MaxTokens = 100

// Info describes a token; it never holds the secret.
type Info struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Scope    Scope  `json:"scope"`
	Created  int64  `json:"created"`            // unix ms
	LastUsed int64  `json:"lastUsed,omitempty"` // unix ms, since LTTH started
}

type record struct {
	Info
	Hash string `json:"hash"` // hex SHA-256 of the secret
}

// Errors, as kinds of the shared vocabulary.
var (
	ErrNotFound = httpapi.NewError(httpapi.ErrNotFound, "no such API token")
	ErrTooMany  = httpapi.NewError(httpapi.ErrConflict, fmt.Sprintf("there are already %d API tokens; revoke one first", MaxTokens))
)

// Store is the token list. Create it with Open.
type Store struct {
	path string

	mu     sync.Mutex
	list   []*record
	byHash map[string]*record
}

const fileName = "api-tokens.json"

// Open loads <dir>/api-tokens.json (a missing file is an empty list; a
// damaged one is an error, so tokens are never silently dropped).
func Open(dir string) (*Store, error) {
	s := &Store{path: filepath.Join(dir, fileName), byHash: map[string]*record{}}
	b, err := os.ReadFile(s.path)
	if errors.Is(err, fs.ErrNotExist) {
		return s, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading API tokens: %w", err)
	}
	if err := json.Unmarshal(b, &s.list); err != nil {
		return nil, fmt.Errorf("API token file %s is damaged (%v); fix or delete it (tokens in it stop working)", s.path, err)
	}
	for _, r := range s.list {
		s.byHash[r.Hash] = r
	}
	return s, nil
}

// Create issues a token and returns its description and the secret (shown
// once; only its hash is kept).
func (s *Store) Create(name string, scope Scope) (Info, string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return Info{}, "", httpapi.NewError(httpapi.ErrInvalid, "a token needs a name of 1-100 characters (what will use it?)")
	}
	if scope != ScopeRead && scope != ScopeControl {
		return Info{}, "", httpapi.NewError(httpapi.ErrInvalid, fmt.Sprintf("scope %q is unknown; use \"read\" or \"control\"", scope))
	}
	secret, id := Prefix+randomHex(32), randomHex(8)
	r := &record{Info: Info{ID: id, Name: name, Scope: scope, Created: time.Now().UnixMilli()}, Hash: hash(secret)}
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.list) >= MaxTokens {
		return Info{}, "", ErrTooMany
	}
	s.list = append(s.list, r)
	if err := s.save(); err != nil {
		s.list = s.list[:len(s.list)-1]
		return Info{}, "", err
	}
	s.byHash[r.Hash] = r
	return r.Info, secret, nil
}

// List returns every token, oldest first.
func (s *Store) List() []Info {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Info, len(s.list))
	for i, r := range s.list {
		out[i] = r.Info
	}
	return out
}

// Revoke deletes a token. It is refused from this moment on, even if
// saving the list fails (then the error says so).
func (s *Store) Revoke(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, r := range s.list {
		if r.ID != id {
			continue
		}
		delete(s.byHash, r.Hash)
		s.list = append(s.list[:i:i], s.list[i+1:]...)
		if err := s.save(); err != nil {
			return fmt.Errorf("the token is revoked until LTTH restarts, but saving the list failed: %w", err)
		}
		return nil
	}
	return ErrNotFound
}

// Check returns the scope of a valid token.
func (s *Store) Check(secret string) (Scope, bool) {
	if !strings.HasPrefix(secret, Prefix) {
		return "", false
	}
	h := hash(secret)
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.byHash[h]
	if !ok {
		return "", false
	}
	r.LastUsed = time.Now().UnixMilli()
	return r.Scope, true
}

// save writes the list atomically with mode 0600; callers hold mu.
func (s *Store) save() error {
	b, err := json.MarshalIndent(s.list, "", "  ")
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(s.path), fileName+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(append(b, '\n')); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), s.path)
}

func hash(secret string) string {
	h := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(h[:])
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
