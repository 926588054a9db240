package data

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// ExplainYAML turns an error of decoding the YAML b into v into one line
// in the file's own terms: the line, the field, the form that was
// expected and, for an unknown field, the known fields and the nearest
// one ("line 4: unknown field "colour" in a body (did you mean
// "decides"? known: aliases, by, ...)"), never Go's type names. Other
// errors keep their message, folded onto one line. The result unwraps to
// err.
func ExplainYAML(b []byte, v any, err error) error {
	if err == nil {
		return nil
	}
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		msg := strings.TrimPrefix(strings.Join(strings.Fields(err.Error()), " "), "yaml: ")
		return explained{msg: msg, err: err}
	}
	var root yaml.Node
	_ = yaml.Unmarshal(b, &root) // for field names; the error is reported anyway
	return explainType(te, &root, v, err)
}

// ExplainYAMLNode is ExplainYAML for an error of decoding the node n
// (with n.Decode) into v.
func ExplainYAMLNode(n *yaml.Node, v any, err error) error {
	if err == nil {
		return nil
	}
	var te *yaml.TypeError
	if !errors.As(err, &te) {
		msg := strings.TrimPrefix(strings.Join(strings.Fields(err.Error()), " "), "yaml: ")
		return explained{msg: msg, err: err}
	}
	return explainType(te, n, v, err)
}

func explainType(te *yaml.TypeError, root *yaml.Node, v any, err error) error {
	var parts []string
	for _, e := range te.Errors {
		parts = append(parts, explainOne(e, root, reflect.TypeOf(v)))
	}
	return explained{msg: strings.Join(parts, "; "), err: err}
}

type explained struct {
	msg string
	err error
}

func (e explained) Error() string { return e.msg }
func (e explained) Unwrap() error { return e.err }

var (
	unknownField = regexp.MustCompile(`(?s)^line (\d+): field (.*) not found in type (\S+)$`)
	wrongType    = regexp.MustCompile("(?s)^line (\\d+): cannot unmarshal (!.*?)(?: `(.*)`)? into (.+)$")
)

func explainOne(msg string, root *yaml.Node, t reflect.Type) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		line, field, typ := m[1], m[2], m[3]
		known := fieldsOf(t, typ)
		field = strings.Join(strings.Fields(field), " ")
		out := fmt.Sprintf("line %s: unknown field %q in %s", line, field, describeStruct(typ))
		if near := nearest(field, known); near != "" {
			out += fmt.Sprintf(" (did you mean %q? known fields: %s)", near, strings.Join(known, ", "))
		} else if len(known) > 0 {
			out += fmt.Sprintf(" (known fields: %s)", strings.Join(known, ", "))
		}
		return out
	}
	if m := wrongType.FindStringSubmatch(msg); m != nil {
		line, tag, value, goType := m[1], m[2], m[3], m[4]
		n, _ := strconv.Atoi(line)
		what := "the value"
		if key, item := keyAt(root, n); key != "" {
			what = fmt.Sprintf("%q", key)
			if item {
				what = fmt.Sprintf("an item of %q", key)
			}
		}
		if named := findType(t, goType); named != nil {
			goType = underlying(named)
		}
		return fmt.Sprintf("line %s: %s should be %s, not %s", line, what, expectedForm(goType), givenForm(tag, value))
	}
	return strings.Join(strings.Fields(msg), " ")
}

// describeStruct names a Go struct type for a reader: "checks.Body" → "a
// body".
func describeStruct(typ string) string {
	name := typ
	if i := strings.LastIndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	var words []string
	start := 0
	for i := 1; i <= len(name); i++ {
		if i == len(name) || (name[i] >= 'A' && name[i] <= 'Z' && name[i-1] >= 'a' && name[i-1] <= 'z') {
			words = append(words, strings.ToLower(name[start:i]))
			start = i
		}
	}
	// Decoders often name their types after the file kind ("sidecarMeta",
	// "yamlCountry"): leave out the words that say how, not what.
	var keep []string
	for _, w := range words {
		switch w {
		case "yaml", "meta", "raw", "file":
			continue
		}
		keep = append(keep, w)
	}
	if len(keep) == 0 {
		return "this file"
	}
	s := strings.Join(keep, " ")
	article := "a"
	if strings.ContainsRune("aeiou", rune(s[0])) {
		article = "an"
	}
	return article + " " + s
}

// expectedForm says what a Go type expects, in YAML's terms.
func expectedForm(goType string) string {
	switch {
	case goType == "string":
		return "text"
	case goType == "bool":
		return "true or false"
	case strings.HasPrefix(goType, "int") || strings.HasPrefix(goType, "uint") || strings.HasPrefix(goType, "float"):
		return "a number"
	case goType == "[]string":
		return "a list of words or phrases ([a, b], or lines starting with \"- \")"
	case strings.HasPrefix(goType, "[]"):
		return "a list (lines starting with \"- \")"
	case strings.HasPrefix(goType, "map["):
		return "a mapping (\"key: value\" lines)"
	case strings.Contains(goType, "."):
		return "a mapping of fields (\"field: value\" lines)"
	}
	return "another form"
}

// givenForm describes what the file gave.
func givenForm(tag, value string) string {
	value = strings.Join(strings.Fields(value), " ")
	if r := []rune(value); len(r) > 40 {
		value = string(r[:40]) + "…"
	}
	if !strings.HasPrefix(tag, "!!") {
		// A tag of the file's own ("!thing"): YAML's way of naming a
		// type, which these files do not use.
		return fmt.Sprintf("a value tagged %q", strings.Join(strings.Fields(tag), " "))
	}
	switch tag[2:] {
	case "str":
		return fmt.Sprintf("the text %q", value)
	case "int", "float":
		return "the number " + value
	case "bool":
		return value
	case "seq":
		return "a list"
	case "map":
		return "a mapping"
	case "null":
		return "nothing"
	}
	return value
}

// keyAt finds the mapping key whose value is on line n: its name, and
// whether the value on that line is an item of a list under the key.
func keyAt(n *yaml.Node, line int) (string, bool) {
	if n == nil {
		return "", false
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if v.Line == line && v.Kind != yaml.SequenceNode {
				return k.Value, false
			}
			if v.Kind == yaml.SequenceNode {
				for _, it := range v.Content {
					if it.Line == line && it.Kind == yaml.ScalarNode {
						return k.Value, true
					}
				}
			}
			if key, item := keyAt(v, line); key != "" {
				return key, item
			}
		}
		return "", false
	}
	for _, c := range n.Content {
		if key, item := keyAt(c, line); key != "" {
			return key, item
		}
	}
	return "", false
}

// findType returns the type named typ ("checks.Body") found inside t, or
// nil.
func findType(t reflect.Type, typ string) reflect.Type {
	seen := map[reflect.Type]bool{}
	var found reflect.Type
	var walk func(reflect.Type)
	walk = func(t reflect.Type) {
		if t == nil || found != nil || seen[t] {
			return
		}
		seen[t] = true
		if t.Name() != "" && t.String() == typ {
			found = t
			return
		}
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(t.Elem())
		case reflect.Map:
			walk(t.Key())
			walk(t.Elem())
		case reflect.Struct:
			for i := 0; i < t.NumField(); i++ {
				walk(t.Field(i).Type)
			}
		}
	}
	walk(t)
	return found
}

// underlying spells a named type's underlying form as Go writes types
// ("string", "[]string", "struct"), for expectedForm.
func underlying(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Struct:
		return t.String() // a struct: expectedForm sees the package dot
	case reflect.Slice:
		if t.Elem().Kind() == reflect.String {
			return "[]string"
		}
		return "[]" + t.Elem().String()
	case reflect.Map:
		return "map[" + t.Key().String() + "]" + t.Elem().String()
	}
	return t.Kind().String()
}

// fieldsOf returns the YAML names of the fields of the struct type named
// typ ("checks.Body") found inside t, sorted.
func fieldsOf(t reflect.Type, typ string) []string {
	found := findType(t, typ)
	if found == nil || found.Kind() != reflect.Struct {
		return nil
	}
	var names []string
	for i := 0; i < found.NumField(); i++ {
		f := found.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := strings.Split(f.Tag.Get("yaml"), ",")[0]
		switch tag {
		case "-":
			continue
		case "":
			tag = strings.ToLower(f.Name)
		}
		names = append(names, tag)
	}
	sort.Strings(names)
	return names
}

// nearest returns the known field closest in spelling to field, when it
// is close enough to be a likely slip (at most a third of its letters
// differ).
func nearest(field string, known []string) string {
	best, bestD := "", 0
	f := strings.ToLower(field)
	for _, k := range known {
		d := editDistance(f, k)
		// A word and its inflection ("body", "bodies"; "decide",
		// "decides") share their start.
		if p := min(len(f), len(k)) - 1; p >= 3 && f[:p] == k[:p] {
			d = min(d, 1)
		}
		if best == "" || d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" || bestD*3 > len(field)+1 {
		return ""
	}
	return best
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
