package normalize

import "testing"

func TestBoundedMapEvictsOldest(t *testing.T) {
	b := newBoundedMap[int, struct{}](3)
	for i := 1; i <= 5; i++ {
		if !b.add(i, struct{}{}) {
			t.Fatalf("%d not new", i)
		}
	}
	for i, want := range map[int]bool{1: false, 2: false, 3: true, 4: true, 5: true} {
		if _, ok := b.get(i); ok != want {
			t.Errorf("key %d present=%v", i, ok)
		}
	}
	if b.add(4, struct{}{}) || len(b.m) != 3 || len(b.ring) != 3 {
		t.Fatalf("size %d ring %d", len(b.m), len(b.ring))
	}
}
