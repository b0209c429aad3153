package action

import (
	"context"
	"errors"
	"testing"
)

func TestAddBlocksIsAllOrNothing(t *testing.T) {
	r := NewRegistry()
	exec := func(context.Context, *Run) error { return nil }
	if err := r.AddAction(Action{Info: Info{Type: "x.taken", Name: "Taken"}, Execute: exec}); err != nil {
		t.Fatal(err)
	}
	b := Blocks{Actions: []Action{
		{Info: Info{Type: "x.fresh", Name: "Fresh"}, Execute: exec},
		{Info: Info{Type: "x.taken", Name: "Taken again"}, Execute: exec},
	}}
	if err := r.AddBlocks(b); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("AddBlocks with a duplicate: %v, want ErrDuplicate", err)
	}
	if _, ok := r.Action("x.fresh"); ok {
		t.Fatal("a failed AddBlocks left x.fresh registered")
	}
	ok := Blocks{Actions: b.Actions[:1]}
	if err := r.AddBlocks(ok); err != nil {
		t.Fatal(err)
	}
	r.RemoveBlocks(ok)
	if _, ok := r.Action("x.fresh"); ok {
		t.Fatal("RemoveBlocks left x.fresh registered")
	}
	if _, ok := r.Action("x.taken"); !ok {
		t.Fatal("RemoveBlocks removed a block it does not own")
	}
}
