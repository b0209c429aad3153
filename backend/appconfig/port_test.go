package appconfig

import (
	"fmt"
	"net"
	"os"
	"runtime"
	"strings"
	"testing"
)

func TestBusyPortIsNamed(t *testing.T) {
	held, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	port := held.Addr().(*net.TCPAddr).Port
	err = CheckPortFree(fmt.Sprintf("127.0.0.1:%d", port))
	if !IsPortBusy(err) {
		t.Fatalf("err = %v", err)
	}
	msg := err.Error()
	if !strings.Contains(msg, fmt.Sprintf("port %d is in use", port)) {
		t.Fatalf("message: %s", msg)
	}
	if runtime.GOOS == "linux" {
		self := fmt.Sprintf("(pid %d)", os.Getpid())
		comm, _ := os.ReadFile("/proc/self/comm")
		if !strings.Contains(msg, self) || !strings.Contains(msg, strings.TrimSpace(string(comm))) {
			t.Fatalf("process not named: %s", msg)
		}
	}
}

func TestFreePortIsReleased(t *testing.T) {
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	addr := ln.Addr().String()
	ln.Close()
	if err := CheckPortFree(addr); err != nil {
		t.Fatal(err)
	}
	ln2, err := net.Listen("tcp", addr) // the check released it
	if err != nil {
		t.Fatal(err)
	}
	ln2.Close()
}
