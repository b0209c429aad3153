package store

import (
	"errors"
	"reflect"
	"testing"
)

func TestPluginKVNamespacedAndPersistent(t *testing.T) {
	m, db := openDefault(t)
	if err := db.PluginKVPut("a", "k", []byte(`{"n":1}`)); err != nil {
		t.Fatal(err)
	}
	if err := db.PluginKVPut("b", "k", []byte(`2`)); err != nil {
		t.Fatal(err)
	}
	if err := db.PluginKVPut("a", "bad", []byte(`{`)); !errors.Is(err, ErrInvalid) {
		t.Fatalf("invalid JSON: %v", err)
	}
	v, ok, err := db.PluginKVGet("a", "k")
	if err != nil || !ok || string(v) != `{"n":1}` {
		t.Fatalf("get a/k = %s %v %v", v, ok, err)
	}
	if keys, _ := db.PluginKVKeys("b"); !reflect.DeepEqual(keys, []string{"k"}) {
		t.Fatalf("keys b = %v", keys)
	}
	if err := db.PluginKVDelete("a", "k"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := m.Open(DefaultProfile)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	if _, ok, _ := db2.PluginKVGet("a", "k"); ok {
		t.Fatal("deleted key came back")
	}
	if v, ok, _ := db2.PluginKVGet("b", "k"); !ok || string(v) != "2" {
		t.Fatalf("b/k after reopen = %s %v", v, ok)
	}
}
