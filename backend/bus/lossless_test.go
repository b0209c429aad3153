package bus

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ltth/ltth/backend/domain"
)

// A slow lossless subscriber gets every event: the source waits for it.
func TestLosslessSubscriberGetsEverything(t *testing.T) {
	b := New()
	slow := b.SubscribeLossless("goal", 8, nil)
	lossy := b.Subscribe("tap", 8, nil)
	const n = 5000
	var got []int64
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m := range slow.C() {
			if len(got)%500 == 0 {
				time.Sleep(time.Millisecond)
			}
			got = append(got, m.Event.TS)
		}
	}()
	for i := 0; i < n; i++ {
		b.PublishEvent(chat(i))
	}
	slow.Close()
	<-done
	if len(got) != n {
		t.Fatalf("lossless subscriber got %d of %d", len(got), n)
	}
	for i, ts := range got {
		if ts != int64(i+1) {
			t.Fatalf("message %d out of order (ts %d)", i, ts)
		}
	}
	if lossy.Dropped() == 0 {
		t.Fatal("the lossy subscriber never read, yet dropped nothing")
	}
	for _, st := range b.Stats() {
		if st.Name == "goal" && (!st.Lossless || st.Dropped != 0 || st.Waits == 0) {
			t.Fatalf("stats = %+v", st)
		}
	}
}

// Two lossless consumers that publish to each other from their handlers
// (flow → goalCommand, goal → goal state → flow) with tiny queues, under a
// source flood: no deadlock and nothing lost.
func TestLosslessConsumersPublishingToEachOtherDoNotDeadlock(t *testing.T) {
	b := New()
	isType := func(typ string) Filter {
		return func(m *domain.Message) bool { return m.Event != nil || m.Type == typ }
	}
	flow := b.SubscribeLossless("flow", 2, isType("goal"))
	goal := b.SubscribeLossless("goal", 2, isType("goalCommand"))
	var flowEvents, flowStates, goalEvents, goalCmds atomic.Int64
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { // flow: every event triggers a goalCommand
		defer wg.Done()
		for m := range flow.C() {
			if m.Event != nil {
				flowEvents.Add(1)
				b.Publish(domain.Message{Type: "goalCommand", Data: 1})
			} else {
				flowStates.Add(1)
			}
		}
	}()
	go func() { // goal: every event and command publishes its state
		defer wg.Done()
		for m := range goal.C() {
			if m.Event != nil {
				goalEvents.Add(1)
			} else {
				goalCmds.Add(1)
			}
			b.Publish(domain.Message{Type: "goal", Key: "goal:1", Data: 1})
		}
	}()
	const n = 20000
	finished := make(chan struct{})
	go func() {
		for i := 0; i < n; i++ {
			b.PublishEvent(chat(i))
		}
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(20 * time.Second):
		t.Fatal("deadlock: the source could not publish")
	}
	deadline := time.Now().Add(10 * time.Second)
	for goalCmds.Load() < n || flowStates.Load() < 2*n {
		if time.Now().After(deadline) {
			t.Fatalf("consumers stuck: goal cmds %d, flow states %d", goalCmds.Load(), flowStates.Load())
		}
		time.Sleep(5 * time.Millisecond)
	}
	flow.Close()
	goal.Close()
	wg.Wait()
	if flowEvents.Load() != n || goalEvents.Load() != n || goalCmds.Load() != n || flowStates.Load() != 2*n {
		t.Fatalf("lost messages: flow events %d states %d, goal events %d cmds %d",
			flowEvents.Load(), flowStates.Load(), goalEvents.Load(), goalCmds.Load())
	}
}

// Close of a lossless subscriber with a pending overflow delivers the
// overflow, then closes the queue.
func TestLosslessCloseDrainsOverflow(t *testing.T) {
	b := New()
	s := b.SubscribeLossless("journal", 2, nil)
	for i := 0; i < 10; i++ {
		b.Publish(domain.Message{Type: "x", Data: i})
	}
	s.Close()
	n := 0
	for range s.C() {
		n++
	}
	if n != 10 {
		t.Fatalf("drained %d of 10", n)
	}
}

func BenchmarkPublishEventLossless6Subscribers(b *testing.B) {
	bus := New()
	for i := 0; i < 6; i++ {
		s := bus.SubscribeLossless("c", 4096, nil)
		go func() {
			for range s.C() {
			}
		}()
	}
	e := chat(1)
	b.ReportAllocs()
	for b.Loop() {
		bus.PublishEvent(e)
	}
}
