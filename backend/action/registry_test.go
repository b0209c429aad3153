package action

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/ltth/ltth/backend/domain"
)

func noop(context.Context, *Run) error { return nil }

func TestRegistryRejectsBadEntries(t *testing.T) {
	r := NewRegistry()
	ok := Action{Info: Info{Type: "sound.play", Name: "Play sound", Category: "Sound"}, Execute: noop}
	if err := r.AddAction(ok); err != nil {
		t.Fatal(err)
	}
	if err := r.AddAction(ok); !errors.Is(err, ErrDuplicate) {
		t.Fatalf("duplicate: %v", err)
	}
	for _, a := range []Action{
		{Info: Info{Type: "", Name: "x"}, Execute: noop},
		{Info: Info{Type: "Bad Type", Name: "x"}, Execute: noop},
		{Info: Info{Type: "x.y", Name: ""}, Execute: noop},
		{Info: Info{Type: "x.z", Name: "x"}},
		{Info: Info{Type: "x.w", Name: "x", Fields: []FieldSpec{{Name: "a"}, {Name: "a"}}}, Execute: noop},
	} {
		if err := r.AddAction(a); err == nil {
			t.Errorf("accepted %+v", a.Info)
		}
	}
	if err := r.AddTrigger(Trigger{Info: Info{Type: "t.x", Name: "T"}}); err == nil {
		t.Error("trigger without Compile accepted")
	}
	if err := r.AddCondition(Condition{Info: Info{Type: "c.x", Name: "C"}}); err == nil {
		t.Error("condition without Compile accepted")
	}
}

func TestSchemaSorted(t *testing.T) {
	r := NewRegistry()
	for _, typ := range []string{"b.two", "a.one", "b.one"} {
		r.AddAction(Action{Info: Info{Type: typ, Name: typ, Category: typ[:1]}, Execute: noop, DryRunSafe: typ == "a.one"})
	}
	s := r.Schema()
	var got []string
	for _, a := range s.Actions {
		got = append(got, a.Type)
	}
	if strings.Join(got, ",") != "a.one,b.one,b.two" || !s.Actions[0].DryRunSafe || len(s.Fields) == 0 {
		t.Fatalf("%v", s)
	}
}

func TestConfigChecksFields(t *testing.T) {
	specs := []FieldSpec{
		{Name: "text", Kind: FieldTemplate, Required: true},
		{Name: "n", Kind: FieldNumber, Default: 5},
		{Name: "on", Kind: FieldBool},
		{Name: "mode", Kind: FieldSelect, Options: []Option{{Value: "a"}, {Value: "b"}}, Default: "a"},
		{Name: "tags", Kind: FieldList},
		{Name: "raw", Kind: FieldJSON},
	}
	c, err := NewConfig([]byte(`{"text":"hi {nickname}","tags":"one","raw":{"x":1},"on":true}`), specs)
	if err != nil {
		t.Fatal(err)
	}
	if c.Number("n") != 5 || c.String("mode") != "a" || !c.Bool("on") || c.Strings("tags")[0] != "one" ||
		string(c.Raw("raw")) != `{"x":1}` || c.Template("text").IsStatic() {
		t.Fatalf("values: %+v", c.vals)
	}
	var d struct {
		N    int    `json:"n"`
		Mode string `json:"mode"`
	}
	if err := c.Decode(&d); err != nil || d.N != 5 || d.Mode != "a" {
		t.Fatalf("decode %+v %v", d, err)
	}
	for _, bad := range []string{`{}`, `{"text":""}`, `{"text":"x","n":"5"}`, `{"text":"x","mode":"c"}`,
		`{"text":"x","on":"yes"}`, `{"text":"x","typo":1}`, `[1]`, `{"text":"x","tags":[{"a":1}]}`} {
		if _, err := NewConfig([]byte(bad), specs); err == nil {
			t.Errorf("accepted %s", bad)
		}
	}
}

func TestRoles(t *testing.T) {
	u := domainUser()
	if ok, _ := HasAnyRole(nil, u, nil, 3); !ok {
		t.Fatal("no roles = everyone")
	}
	if ok, _ := HasRole(nil, u, RoleFollower, 3); !ok {
		t.Fatal("follower flag")
	}
	if ok, _ := HasRole(nil, u, RoleTopGifter, 3); ok {
		t.Fatal("top gifter without lookup")
	}
	if !MatchUser(u, []string{"@FAN"}) || MatchUser(u, []string{"other"}) {
		t.Fatal("MatchUser")
	}
}

func domainUser() domain.User {
	return domain.User{UserID: "7", UniqueID: "fan", IsFollower: true}
}

// A select marked Open keeps a value outside its options (a name saved by an
// older version), while a closed select refuses it.
func TestOpenSelectKeepsUnknownValue(t *testing.T) {
	opts := []Option{{Value: "pop", Label: "Pop"}}
	open := []FieldSpec{{Name: "a", Kind: FieldSelect, Options: opts, Open: true}}
	c, err := NewConfig(json.RawMessage(`{"a":"wobble"}`), open)
	if err != nil || c.String("a") != "wobble" {
		t.Fatalf("open select: %v %q", err, c.String("a"))
	}
	closed := []FieldSpec{{Name: "a", Kind: FieldSelect, Options: opts}}
	if _, err := NewConfig(json.RawMessage(`{"a":"wobble"}`), closed); err == nil {
		t.Fatal("closed select accepted a value outside its options")
	}
}
