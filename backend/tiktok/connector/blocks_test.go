package connector

import (
	"testing"

	"github.com/ltth/ltth/backend/action"
	"github.com/ltth/ltth/backend/action/actiontest"
	"github.com/ltth/ltth/backend/domain"
)

func TestConnectionTrigger(t *testing.T) {
	reg := actiontest.Registry(t, (&Connector{}).Blocks())
	m := actiontest.Trigger(t, reg, "connection.state", `{"states":["disconnected"]}`)
	if len(m.Keys) != 1 || m.Keys[0] != TypeConnection {
		t.Fatalf("keys %v", m.Keys)
	}
	conn := func(s string) *action.Input {
		return actiontest.State(TypeConnection, StateMessage{Connection: domain.Connection{State: s, Source: "direct", Reason: "bye"}})
	}
	if actiontest.Matches(m, conn(StateConnected)) {
		t.Fatal("filtered state matched")
	}
	args, ok := m.Match(conn(StateDisconnected))
	if !ok || args["state"] != StateDisconnected || args["source"] != "direct" || args["reason"] != "bye" {
		t.Fatalf("disconnected: %v %v", ok, args)
	}
	if actiontest.Matches(m, conn(StateDisconnected)) {
		t.Fatal("an unchanged state fired again")
	}
}
