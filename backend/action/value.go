package action

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
)

// ValueKind tells which member of a Value is set.
type ValueKind uint8

// Value kinds. KindJSON holds any other JSON document (array, object, null)
// verbatim in Str.
const (
	KindNone ValueKind = iota
	KindString
	KindNumber
	KindBool
	KindJSON
)

// Value is a dynamically typed value (an event field, a trigger argument, a
// variable) without the allocation of an interface. The zero Value is "no
// value".
type Value struct {
	Kind ValueKind
	Str  string
	Num  float64
	Bool bool
}

// StringValue returns a string Value.
func StringValue(s string) Value { return Value{Kind: KindString, Str: s} }

// NumberValue returns a number Value.
func NumberValue(f float64) Value { return Value{Kind: KindNumber, Num: f} }

// IntValue returns a number Value for an integer.
func IntValue(i int64) Value { return Value{Kind: KindNumber, Num: float64(i)} }

// BoolValue returns a bool Value.
func BoolValue(b bool) Value { return Value{Kind: KindBool, Bool: b} }

// IsSet reports whether v holds a value.
func (v Value) IsSet() bool { return v.Kind != KindNone }

// Text is v as plain text: numbers without a trailing ".0", bools as
// true/false, JSON documents verbatim, no value as "".
func (v Value) Text() string {
	switch v.Kind {
	case KindString, KindJSON:
		return v.Str
	case KindNumber:
		return FormatNumber(v.Num)
	case KindBool:
		return strconv.FormatBool(v.Bool)
	}
	return ""
}

// FormatNumber prints f as an integer when it is one.
func FormatNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Float returns v as a number: numbers as they are, numeric strings parsed,
// bools as 0/1.
func (v Value) Float() (float64, bool) {
	switch v.Kind {
	case KindNumber:
		return v.Num, true
	case KindString:
		t := strings.TrimSpace(v.Str)
		if t == "" || !strings.ContainsRune("+-.0123456789", rune(t[0])) {
			return 0, false // not a number: skip ParseFloat's error allocation
		}
		f, err := strconv.ParseFloat(t, 64)
		return f, err == nil
	case KindBool:
		if v.Bool {
			return 1, true
		}
		return 0, true
	}
	return 0, false
}

// Truthy is the boolean reading of v: true, a non-zero number, or one of the
// strings "true", "yes", "on", "1" (any case).
func (v Value) Truthy() bool {
	switch v.Kind {
	case KindBool:
		return v.Bool
	case KindNumber:
		return v.Num != 0
	case KindString:
		switch strings.ToLower(strings.TrimSpace(v.Str)) {
		case "true", "yes", "on", "1":
			return true
		}
	}
	return false
}

// MarshalJSON writes v as the JSON value it holds (null when unset).
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.Kind {
	case KindString:
		return json.Marshal(v.Str)
	case KindNumber:
		if math.IsNaN(v.Num) || math.IsInf(v.Num, 0) {
			return []byte("null"), nil
		}
		return []byte(FormatNumber(v.Num)), nil
	case KindBool:
		return []byte(strconv.FormatBool(v.Bool)), nil
	case KindJSON:
		if v.Str == "" {
			return []byte("null"), nil
		}
		return []byte(v.Str), nil
	}
	return []byte("null"), nil
}

// UnmarshalJSON reads any JSON value into v.
func (v *Value) UnmarshalJSON(b []byte) error {
	nv, err := ParseJSONValue(b)
	if err != nil {
		return err
	}
	*v = nv
	return nil
}

// ParseJSONValue converts one JSON document to a Value: strings, numbers and
// bools become the matching kind, anything else is kept as KindJSON.
func ParseJSONValue(b []byte) (Value, error) {
	var x any
	if err := json.Unmarshal(b, &x); err != nil {
		return Value{}, err
	}
	return ValueOf(x), nil
}

// ValueOf converts a decoded JSON value (or a Go string/number/bool) to a
// Value.
func ValueOf(x any) Value {
	switch t := x.(type) {
	case nil:
		return Value{Kind: KindJSON, Str: "null"}
	case string:
		return StringValue(t)
	case float64:
		return NumberValue(t)
	case int:
		return IntValue(int64(t))
	case int64:
		return IntValue(t)
	case bool:
		return BoolValue(t)
	case Value:
		return t
	}
	b, err := json.Marshal(x)
	if err != nil {
		return Value{}
	}
	return Value{Kind: KindJSON, Str: string(b)}
}
