package flow

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"

	"github.com/ltth/ltth/backend/action"
)

// opOptions are the comparison operators (with the original app's names
// accepted as aliases when loading).
func opOptions() []action.Option {
	return []action.Option{{Value: "==", Label: "equals"}, {Value: "!=", Label: "does not equal"},
		{Value: ">", Label: "greater than"}, {Value: ">=", Label: "at least"},
		{Value: "<", Label: "less than"}, {Value: "<=", Label: "at most"},
		{Value: "contains", Label: "contains"}, {Value: "notContains", Label: "does not contain"},
		{Value: "startsWith", Label: "starts with"}, {Value: "endsWith", Label: "ends with"},
		{Value: "regex", Label: "matches regex"}, {Value: "in", Label: "is one of"},
		{Value: "notIn", Label: "is none of"}, {Value: "exists", Label: "exists"},
		{Value: "notExists", Label: "does not exist"}, {Value: "isTrue", Label: "is true"},
		{Value: "isFalse", Label: "is false"}}
}

// canonicalOp maps aliases (equals, not_equals, gt, matches_regex, in_list…)
// to the operator names above.
func canonicalOp(s string) (string, error) {
	k := strings.ToLower(strings.ReplaceAll(s, "_", ""))
	aliases := map[string]string{"=": "==", "eq": "==", "equals": "==", "ne": "!=", "notequals": "!=",
		"gt": ">", "gte": ">=", "ge": ">=", "lt": "<", "lte": "<=", "le": "<=",
		"matches": "regex", "matchesregex": "regex", "inlist": "in", "notinlist": "notIn",
		"notin": "notIn", "notcontains": "notContains", "startswith": "startsWith",
		"endswith": "endsWith", "notexists": "notExists", "istrue": "isTrue", "isfalse": "isFalse"}
	if a, ok := aliases[k]; ok {
		return a, nil
	}
	for _, o := range opOptions() {
		if o.Value == s {
			return s, nil
		}
	}
	return "", fmt.Errorf("unknown operator %q", s)
}

// comparer is a precompiled comparison: operator, expected value (lowered
// when ignoring case), list, regex.
type comparer struct {
	op      string
	fold    bool
	want    action.Value
	wantStr string
	wantNum float64
	isNum   bool
	list    []action.Value
	re      *regexp.Regexp
	suffix  string // " op value", precomputed for reasons
}

func newComparer(opName string, raw json.RawMessage, fold bool) (*comparer, error) {
	op, err := canonicalOp(opName)
	if err != nil {
		return nil, err
	}
	c := &comparer{op: op, fold: fold}
	if len(raw) > 0 {
		if c.want, err = action.ParseJSONValue(raw); err != nil {
			return nil, fmt.Errorf("value: %w", err)
		}
	}
	c.wantStr = c.want.Text()
	if fold {
		c.wantStr = strings.ToLower(c.wantStr)
	}
	c.wantNum, c.isNum = c.want.Float()
	c.suffix = c.describeWant()
	return c, c.prepare()
}

// prepare checks the value fits the operator and precompiles.
func (c *comparer) prepare() error {
	switch c.op {
	case "exists", "notExists", "isTrue", "isFalse":
		return nil
	case ">", ">=", "<", "<=":
		if !c.isNum {
			return fmt.Errorf("operator %s needs a number value", c.op)
		}
	case "regex":
		src := c.want.Text()
		if c.fold {
			src = "(?i)" + src
		}
		re, err := regexp.Compile(src)
		if err != nil {
			return fmt.Errorf("bad regular expression: %w", err)
		}
		c.re = re
	case "in", "notIn":
		return c.prepareList()
	case "contains", "notContains", "startsWith", "endsWith":
		if c.wantStr == "" {
			return fmt.Errorf("operator %s needs a value", c.op)
		}
	case "==", "!=":
		if !c.want.IsSet() {
			return fmt.Errorf("operator %s needs a value", c.op)
		}
	}
	return nil
}

// prepareList accepts a JSON array or a comma-separated string.
func (c *comparer) prepareList() error {
	var items []any
	switch c.want.Kind {
	case action.KindJSON:
		if err := json.Unmarshal([]byte(c.want.Str), &items); err != nil {
			return fmt.Errorf("operator %s needs a list", c.op)
		}
	case action.KindString:
		for _, s := range strings.Split(c.want.Str, ",") {
			items = append(items, strings.TrimSpace(s))
		}
	default:
		items = []any{c.want}
	}
	for _, it := range items {
		v := action.ValueOf(it)
		if c.fold && v.Kind == action.KindString {
			v.Str = strings.ToLower(v.Str)
		}
		c.list = append(c.list, v)
	}
	return nil
}

// test applies the comparison to got (ok: whether it exists).
func (c *comparer) test(got action.Value, ok bool) bool {
	switch c.op {
	case "exists":
		return ok && got.IsSet() && got.Text() != ""
	case "notExists":
		return !ok || !got.IsSet() || got.Text() == ""
	case "isTrue":
		return got.Truthy()
	case "isFalse":
		return !got.Truthy()
	case "!=":
		return !c.equal(got)
	case "==":
		return c.equal(got)
	case "notIn":
		return !c.in(got)
	case "in":
		return c.in(got)
	case ">", ">=", "<", "<=":
		return c.order(got)
	}
	return c.text(got)
}

func (c *comparer) equal(got action.Value) bool {
	if c.want.Kind == action.KindBool {
		return got.Truthy() == c.want.Bool
	}
	if c.isNum && c.want.Kind == action.KindNumber {
		if n, ok := got.Float(); ok {
			return n == c.wantNum
		}
	}
	if c.fold {
		return strings.EqualFold(got.Text(), c.wantStr)
	}
	return got.Text() == c.wantStr
}

func (c *comparer) order(got action.Value) bool {
	n, ok := got.Float()
	if !ok {
		return false
	}
	switch c.op {
	case ">":
		return n > c.wantNum
	case ">=":
		return n >= c.wantNum
	case "<":
		return n < c.wantNum
	}
	return n <= c.wantNum
}

func (c *comparer) in(got action.Value) bool {
	gs := got.Text()
	for _, v := range c.list {
		if v.Kind == action.KindNumber && got.Kind != action.KindBool {
			if gn, ok := got.Float(); ok && gn == v.Num {
				return true
			}
			continue
		}
		if c.fold && strings.EqualFold(gs, v.Text()) || gs == v.Text() {
			return true
		}
	}
	return false
}

func (c *comparer) text(got action.Value) bool {
	if c.re != nil {
		return c.re.MatchString(got.Text())
	}
	s := got.Text()
	if c.fold {
		s = strings.ToLower(s)
	}
	switch c.op {
	case "contains":
		return strings.Contains(s, c.wantStr)
	case "notContains":
		return !strings.Contains(s, c.wantStr)
	case "startsWith":
		return strings.HasPrefix(s, c.wantStr)
	case "endsWith":
		return strings.HasSuffix(s, c.wantStr)
	}
	return false
}

// reason explains a comparison for the trace, in one allocation:
// `coins 5 >= 100: false`, `nickname "Ann" contains "an": true`.
func (c *comparer) reason(name string, got action.Value, ok bool, res bool) string {
	verdict := ": false"
	if res {
		verdict = ": true"
	}
	if !ok {
		return name + " (missing)" + c.suffix + verdict
	}
	s := got.Text()
	if len(s) > 80 {
		s = s[:77] + "..."
	}
	if got.Kind == action.KindString {
		return name + ` "` + s + `"` + c.suffix + verdict
	}
	return name + " " + s + c.suffix + verdict
}

// describeWant is the operator and expected value part of a reason.
func (c *comparer) describeWant() string {
	switch c.op {
	case "exists", "notExists", "isTrue", "isFalse":
		return " " + c.op
	}
	w := c.want.Text()
	if c.want.Kind == action.KindString {
		w = `"` + w + `"`
	}
	return " " + c.op + " " + w
}
