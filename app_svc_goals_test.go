package main

import (
	"net/http"
	"testing"

	"github.com/ltth/ltth/backend/goal"
)

// The goals service answers the same through its binding and over REST,
// and fails with the same code on both.
func TestGoalsBoundMatchesREST(t *testing.T) {
	a := startedApp(t)
	s := &GoalsService{a}
	kind, target, name := "coins", int64(1000), "Coins"
	v, err := s.Put(goal.PutRequest{ID: "coins", Goal: goal.Input{Name: &name, Kind: &kind, Target: &target}})
	if err != nil || v.ID != "coins" || v.StartTarget != 1000 || v.OverlayURL != "/overlay/goal.html?id=coins" {
		t.Fatalf("bound put: %+v %v", v, err)
	}
	code, body := apiCall(t, a, http.MethodGet, "/api/goals/coins", "")
	svcalertsSame(t, "get after a bound put", v, nil, code, body)
	v, err = s.Adjust(goal.AdjustRequest{ID: "coins", Op: goal.OpAdd, Amount: 30})
	if err != nil || v.Value != 30 {
		t.Fatalf("bound adjust: %+v %v", v, err)
	}
	code, body = apiCall(t, a, http.MethodPost, "/api/goals/coins/adjust", `{"op":"add","amount":0}`)
	svcalertsSame(t, "adjust", v, nil, code, body)
	created, err := s.Create(goal.Input{Kind: new("follows"), Target: new(int64(10))})
	if err != nil || created.ID == "" || created.Name != "follows" {
		t.Fatalf("bound create: %+v %v", created, err)
	}
	list, err := s.List()
	code, body = apiCall(t, a, http.MethodGet, "/api/goals", "")
	svcalertsSame(t, "list", list, err, code, body)
	if len(list) != 2 {
		t.Fatalf("list: %+v", list)
	}
	got, err := s.Get(goal.GoalRequest{ID: created.ID})
	code, body = apiCall(t, a, http.MethodGet, "/api/goals/"+created.ID, "")
	svcalertsSame(t, "get", got, err, code, body)
	d, err := s.Delete(goal.GoalRequest{ID: created.ID})
	if err != nil || !d.Deleted {
		t.Fatalf("bound delete: %+v %v", d, err)
	}
	code, body = apiCall(t, a, http.MethodDelete, "/api/goals/coins", "")
	svcalertsSame(t, "delete", goal.Deleted{ID: "coins", Deleted: true}, nil, code, body)

	_, err = s.Get(goal.GoalRequest{ID: "coins"})
	code, body = apiCall(t, a, http.MethodGet, "/api/goals/coins", "")
	svcalertsCodes(t, "get of a deleted goal", err, code, body, http.StatusNotFound)
	_, err = s.Create(goal.Input{Kind: new("coins"), Target: new(int64(0))})
	code, body = apiCall(t, a, http.MethodPost, "/api/goals", `{"kind":"coins","target":0}`)
	svcalertsCodes(t, "create with target 0", err, code, body, http.StatusBadRequest)
	_, err = s.Adjust(goal.AdjustRequest{ID: "nope", Op: goal.OpAdd, Amount: 1})
	code, body = apiCall(t, a, http.MethodPost, "/api/goals/nope/adjust", `{"op":"add","amount":1}`)
	svcalertsCodes(t, "adjust of a missing goal", err, code, body, http.StatusNotFound)
}
