//go:build e2e

package e2e

// A StatusNotifierWatcher (the desktop shell's part) and a tray host for
// TestDesktopTray.

import (
	"fmt"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/godbus/dbus/v5"
	"github.com/godbus/dbus/v5/introspect"
	"github.com/godbus/dbus/v5/prop"
)

const (
	sniWatcherName  = "org.kde.StatusNotifierWatcher"
	sniWatcherPath  = dbus.ObjectPath("/StatusNotifierWatcher")
	sniWatcherIface = "org.kde.StatusNotifierWatcher"
	sniItemIface    = "org.kde.StatusNotifierItem"
	dbusMenuIface   = "com.canonical.dbusmenu"
)

// sniWatcher is the desktop shell's StatusNotifierWatcher: items register
// with it, hosts (the panel) learn about them from it.
type sniWatcher struct {
	conn  *dbus.Conn
	props *prop.Properties
	mu    sync.Mutex
	items []sniItem
}

// sniItem is one registered StatusNotifierItem.
type sniItem struct {
	Service string          // the bus name that exports it
	Path    dbus.ObjectPath // where
}

func (it sniItem) String() string { return it.Service + string(it.Path) }

func startSNIWatcher(t *testing.T) *sniWatcher {
	t.Helper()
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") == "" {
		t.Fatal("no session bus: run through make smoke (dbus-run-session)")
	}
	conn, err := dbus.ConnectSessionBus() // private: closing it releases the name
	if err != nil {
		t.Fatalf("connecting to the session bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	w := &sniWatcher{conn: conn}
	if err := conn.Export(w, sniWatcherPath, sniWatcherIface); err != nil {
		t.Fatal(err)
	}
	w.props, err = prop.Export(conn, sniWatcherPath, prop.Map{sniWatcherIface: {
		"RegisteredStatusNotifierItems":  {Value: []string{}, Emit: prop.EmitTrue},
		"IsStatusNotifierHostRegistered": {Value: true, Emit: prop.EmitTrue},
		"ProtocolVersion":                {Value: int32(0), Emit: prop.EmitTrue},
	}})
	if err != nil {
		t.Fatal(err)
	}
	str := []introspect.Arg{{Name: "service", Type: "s", Direction: "in"}}
	node := &introspect.Node{Name: string(sniWatcherPath), Interfaces: []introspect.Interface{
		introspect.IntrospectData, prop.IntrospectData,
		{
			Name: sniWatcherIface,
			Methods: []introspect.Method{
				{Name: "RegisterStatusNotifierItem", Args: str},
				{Name: "RegisterStatusNotifierHost", Args: str},
			},
			Signals: []introspect.Signal{
				{Name: "StatusNotifierItemRegistered", Args: []introspect.Arg{{Type: "s"}}},
				{Name: "StatusNotifierHostRegistered"},
			},
			Properties: w.props.Introspection(sniWatcherIface),
		},
	}}
	if err := conn.Export(introspect.NewIntrospectable(node), sniWatcherPath, "org.freedesktop.DBus.Introspectable"); err != nil {
		t.Fatal(err)
	}
	reply, err := conn.RequestName(sniWatcherName, dbus.NameFlagDoNotQueue)
	if err != nil || reply != dbus.RequestNameReplyPrimaryOwner {
		t.Fatalf("could not own %s (reply %v, err %v): another watcher on this session bus?", sniWatcherName, reply, err)
	}
	return w
}

// RegisterStatusNotifierItem is org.kde.StatusNotifierWatcher's method. The
// argument is a bus name, or (as fyne.io/systray and libappindicator send)
// an object path on the caller's connection.
func (w *sniWatcher) RegisterStatusNotifierItem(sender dbus.Sender, service string) *dbus.Error {
	it := sniItem{Service: service, Path: "/StatusNotifierItem"}
	if strings.HasPrefix(service, "/") {
		it = sniItem{Service: string(sender), Path: dbus.ObjectPath(service)}
	}
	w.mu.Lock()
	w.items = append(w.items, it)
	names := make([]string, len(w.items))
	for i, x := range w.items {
		names[i] = x.String()
	}
	w.mu.Unlock()
	w.props.SetMust(sniWatcherIface, "RegisteredStatusNotifierItems", names)
	w.conn.Emit(sniWatcherPath, sniWatcherIface+".StatusNotifierItemRegistered", it.String())
	return nil
}

// RegisterStatusNotifierHost is org.kde.StatusNotifierWatcher's method.
func (w *sniWatcher) RegisterStatusNotifierHost(service string) *dbus.Error { return nil }

// waitForItemOf waits until the process pid has registered an item.
func (w *sniWatcher) waitForItemOf(t *testing.T, h *sniHost, pid int, limit time.Duration) sniItem {
	t.Helper()
	var found sniItem
	trayWait(t, limit, fmt.Sprintf("a StatusNotifierItem registered by ltth (pid %d)", pid), func() (bool, string) {
		w.mu.Lock()
		items := append([]sniItem(nil), w.items...)
		w.mu.Unlock()
		var seen []string
		for _, it := range items {
			var owner uint32
			err := h.conn.BusObject().Call("org.freedesktop.DBus.GetConnectionUnixProcessID", 0, it.Service).Store(&owner)
			if err == nil && int(owner) == pid {
				found = it
				return true, ""
			}
			seen = append(seen, fmt.Sprintf("%s (pid %d, %v)", it, owner, err))
		}
		return false, fmt.Sprintf("registrations so far: %v", seen)
	})
	return found
}

// sniHost is the panel's side: it reads an item and its menu and clicks.
type sniHost struct {
	conn *dbus.Conn
	item sniItem
	menu dbus.ObjectPath
}

func newSNIHost(t *testing.T) *sniHost {
	t.Helper()
	conn, err := dbus.ConnectSessionBus()
	if err != nil {
		t.Fatalf("connecting to the session bus: %v", err)
	}
	t.Cleanup(func() { conn.Close() })
	return &sniHost{conn: conn}
}

func (h *sniHost) itemProp(t *testing.T, name string) any {
	t.Helper()
	v, err := h.conn.Object(h.item.Service, h.item.Path).GetProperty(sniItemIface + "." + name)
	if err != nil {
		t.Fatalf("reading the tray item's %s: %v", name, err)
	}
	return v.Value()
}

// trayEntry is one dbusmenu item.
type trayEntry struct {
	ID               int32
	Label, Type      string
	Enabled, Visible bool
}

type trayMenu []trayEntry

func (m trayMenu) find(label string) *trayEntry {
	for i := range m {
		if m[i].Label == label && m[i].Type != "separator" {
			return &m[i]
		}
	}
	return nil
}

func (m trayMenu) has(label string) bool { return m.find(label) != nil }

// status is the disabled, non-separator entry: the connection line.
func (m trayMenu) status() *trayEntry {
	for i := range m {
		if m[i].Type != "separator" && !m[i].Enabled && m[i].Label != "" {
			return &m[i]
		}
	}
	return nil
}

func (m trayMenu) String() string {
	var b strings.Builder
	for _, e := range m {
		if e.Type == "separator" {
			b.WriteString("[---] ")
			continue
		}
		fmt.Fprintf(&b, "[%d %q", e.ID, e.Label)
		if !e.Enabled {
			b.WriteString(" disabled")
		}
		if !e.Visible {
			b.WriteString(" hidden")
		}
		b.WriteString("] ")
	}
	return strings.TrimSpace(b.String())
}

// layout calls com.canonical.dbusmenu.GetLayout(0, -1, []) and flattens it.
func (h *sniHost) layout() (trayMenu, error) {
	var rev uint32
	var root struct {
		ID       int32
		Props    map[string]dbus.Variant
		Children []dbus.Variant
	}
	err := h.conn.Object(h.item.Service, h.menu).
		Call(dbusMenuIface+".GetLayout", 0, int32(0), int32(-1), []string{}).Store(&rev, &root)
	if err != nil {
		return nil, fmt.Errorf("GetLayout: %w", err)
	}
	var out trayMenu
	var walk func([]dbus.Variant) error
	walk = func(children []dbus.Variant) error {
		for _, c := range children {
			f, ok := c.Value().([]any)
			if !ok || len(f) != 3 {
				return fmt.Errorf("GetLayout: child %v is not (ia{sv}av)", c)
			}
			id, ok1 := f[0].(int32)
			props, ok2 := f[1].(map[string]dbus.Variant)
			kids, ok3 := f[2].([]dbus.Variant)
			if !ok1 || !ok2 || !ok3 {
				return fmt.Errorf("GetLayout: child %v is not (ia{sv}av)", c)
			}
			e := trayEntry{ID: id, Enabled: true, Visible: true}
			if v, ok := props["label"].Value().(string); ok {
				e.Label = v
			}
			if v, ok := props["type"].Value().(string); ok {
				e.Type = v
			}
			if v, ok := props["enabled"].Value().(bool); ok {
				e.Enabled = v
			}
			if v, ok := props["visible"].Value().(bool); ok {
				e.Visible = v
			}
			out = append(out, e)
			if err := walk(kids); err != nil {
				return err
			}
		}
		return nil
	}
	return out, walk(root.Children)
}

// waitForMenu re-reads the layout until ok accepts it.
func (h *sniHost) waitForMenu(t *testing.T, limit time.Duration, what string, ok func(trayMenu) bool) trayMenu {
	t.Helper()
	var m trayMenu
	trayWait(t, limit, what, func() (bool, string) {
		var err error
		m, err = h.layout()
		if err != nil {
			return false, err.Error()
		}
		return ok(m), "menu: " + m.String()
	})
	return m
}

// click finds the entry labelled label and sends it the "clicked" event.
func (h *sniHost) click(t *testing.T, label string) {
	t.Helper()
	m, err := h.layout()
	if err != nil {
		t.Fatal(err)
	}
	e := m.find(label)
	if e == nil {
		t.Fatalf("no tray entry %q to click; menu: %s", label, m)
	}
	call := h.conn.Object(h.item.Service, h.menu).
		Call(dbusMenuIface+".Event", 0, e.ID, "clicked", dbus.MakeVariant(""), uint32(time.Now().Unix()))
	if call.Err != nil {
		t.Fatalf("clicking %q (id %d): %v", label, e.ID, call.Err)
	}
	t.Logf("clicked %q (id %d)", label, e.ID)
}
