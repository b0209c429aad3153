package appconfig

import (
	"testing"

	"golang.org/x/sys/windows/registry"
)

// TestAutostartWindows writes, reads and removes the Run key value (run
// under Wine here: its own prefix's HKCU).
func TestAutostartWindows(t *testing.T) {
	if err := SetAutostart(true, `C:\Program Files\LTTH\ltth.exe`, AutostartArgs(true)); err != nil {
		t.Fatal(err)
	}
	k, err := registry.OpenKey(registry.CURRENT_USER, runKey, registry.QUERY_VALUE)
	if err != nil {
		t.Fatal(err)
	}
	v, _, err := k.GetStringValue(AutostartName)
	k.Close()
	if err != nil || v != `"C:\Program Files\LTTH\ltth.exe" --start-minimized` {
		t.Fatalf("Run value %q: %v", v, err)
	}
	if on, err := AutostartEnabled(); !on || err != nil {
		t.Fatalf("enabled = %v %v", on, err)
	}
	if err := SetAutostart(false, "", nil); err != nil {
		t.Fatal(err)
	}
	if on, err := AutostartEnabled(); on || err != nil {
		t.Fatalf("after removing: %v %v", on, err)
	}
	if err := SetAutostart(false, "", nil); err != nil {
		t.Fatalf("removing twice: %v", err)
	}
}
