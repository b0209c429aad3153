package flow

import (
	"testing"
	"time"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/domain"
)

func TestTopGifterRolesCaches(t *testing.T) {
	calls := 0
	r := TopGifterRoles(func(n int) ([]string, error) {
		calls++
		return []string{"1", "2", "3"}[:n], nil
	}, time.Minute)
	u := domain.User{UserID: "2"}
	if ok, _ := r.HasRole(u, action.RoleTopGifter, 1); ok {
		t.Fatal("not top 1")
	}
	if ok, _ := r.HasRole(u, action.RoleTopGifter, 2); !ok {
		t.Fatal("top 2")
	}
	r.HasRole(u, action.RoleTopGifter, 2)
	if ok, _ := r.HasRole(u, action.RoleModerator, 2); ok || calls != 2 {
		t.Fatalf("calls %d", calls)
	}
}
