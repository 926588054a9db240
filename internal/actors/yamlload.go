package actors

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/data"
)

// The YAML format (documented in data/actors/README.md). A file holds any
// of the top-level lists below.

type yamlCountry struct {
	Code       string   `yaml:"code"`
	Name       string   `yaml:"name"`
	Names      []string `yaml:"names"`
	Demonyms   []string `yaml:"demonyms"`
	Capitals   []string `yaml:"capitals"`
	Government string   `yaml:"government"`
	Note       string   `yaml:"note"`
}

type yamlBody struct {
	Code  string   `yaml:"code"`
	Name  string   `yaml:"name"`
	Names []string `yaml:"names"`
	Note  string   `yaml:"note"`
}

type yamlIGO struct {
	Code   string     `yaml:"code"`
	Name   string     `yaml:"name"`
	Names  []string   `yaml:"names"`
	Bodies []yamlNode `yaml:"bodies"`
	Note   string     `yaml:"note"`
}

type yamlAgent struct {
	Code      string   `yaml:"code"`
	Words     []string `yaml:"words"`
	Invariant []string `yaml:"invariant"`
	Note      string   `yaml:"note"`
}

type yamlTenure struct {
	Code string   `yaml:"code"`
	Role string   `yaml:"role"`
	From yamlDate `yaml:"from"`
	To   yamlDate `yaml:"to"`
	Note string   `yaml:"note"`
}

type yamlPerson struct {
	Name    string     `yaml:"name"`
	Aliases []string   `yaml:"aliases"`
	Surname string     `yaml:"surname"`
	Tenures []yamlNode `yaml:"tenures"`
	Note    string     `yaml:"note"`
}

type yamlRole struct {
	Role    string   `yaml:"role"`
	Phrases []string `yaml:"phrases"`
	Agent   string   `yaml:"agent"`
	IGO     bool     `yaml:"igo"`
	Note    string   `yaml:"note"`
}

type yamlActor struct {
	Code  string     `yaml:"code"`
	Name  string     `yaml:"name"`
	Names []string   `yaml:"names"`
	Codes []yamlNode `yaml:"codes"`
	Note  string     `yaml:"note"`
}

// yamlNode keeps an item's node so that errors can name its line.
type yamlNode struct{ n *yaml.Node }

func (y *yamlNode) UnmarshalYAML(n *yaml.Node) error { y.n = n; return nil }

// yamlDate is a date written YYYY-MM-DD, YYYY-MM or YYYY.
type yamlDate struct {
	text string
	line int
}

func (y *yamlDate) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode {
		return fmt.Errorf("line %d: date must be a scalar (YYYY-MM-DD, YYYY-MM or YYYY)", n.Line)
	}
	y.text, y.line = n.Value, n.Line
	return nil
}

// parseYAMLDate parses a date; end selects the last day of a partial date.
func parseYAMLDate(s string, end bool) (time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		t, err := time.Parse(layout, s)
		if err != nil {
			continue
		}
		if end {
			switch layout {
			case "2006-01":
				t = t.AddDate(0, 1, -1)
			case "2006":
				t = t.AddDate(1, 0, -1)
			}
		}
		return t, nil
	}
	return time.Time{}, fmt.Errorf("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", s)
}

var topKeys = map[string]bool{"countries": true, "igos": true, "agents": true, "people": true, "roles": true, "actors": true, "honorifics": true}

// parseYAML reads a dictionary in dossier's YAML format.
func parseYAML(r io.Reader, source string) ([]*Entry, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, data.ExplainYAML(src, &doc, err)
	}
	if len(doc.Content) == 0 {
		return nil, nil
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: want a mapping with keys %s", top.Line, keyList(topKeys))
	}
	b := &yamlBuilder{source: source}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if !topKeys[k.Value] {
			return nil, fmt.Errorf("line %d: unknown key %q (want %s)", k.Line, k.Value, keyList(topKeys))
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.SequenceNode {
			return nil, fmt.Errorf("line %d: %s must be a list", v.Line, k.Value)
		}
		for _, item := range v.Content {
			var err error
			switch k.Value {
			case "countries":
				err = b.country(item)
			case "igos":
				err = b.igo(item)
			case "agents":
				err = b.agent(item)
			case "people":
				err = b.person(item)
			case "roles":
				err = b.role(item)
			case "actors":
				err = b.actor(item)
			case "honorifics":
				err = b.honorific(item)
			}
			if err != nil {
				return nil, err
			}
		}
	}
	return b.entries, nil
}

func keyList(m map[string]bool) string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

type yamlBuilder struct {
	source  string
	entries []*Entry
}

func (b *yamlBuilder) src(line int) string { return b.source + ":" + strconv.Itoa(line) }

// decodeItem checks an item's keys against v's yaml tags and decodes it.
func decodeItem(n *yaml.Node, what string, v any) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("line %d: %s must be a mapping", n.Line, what)
	}
	allowed := yamlKeys(v)
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !allowed[k.Value] {
			return fmt.Errorf("line %d: unknown key %q in %s (want %s)", k.Line, k.Value, what, keyList(allowed))
		}
	}
	if err := n.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", what, data.ExplainYAMLNode(n, v, err))
	}
	return nil
}

func yamlKeys(v any) map[string]bool {
	switch v.(type) {
	case *yamlCountry:
		return setOf("code", "name", "names", "demonyms", "capitals", "government", "note")
	case *yamlIGO:
		return setOf("code", "name", "names", "bodies", "note")
	case *yamlBody:
		return setOf("code", "name", "names", "note")
	case *yamlAgent:
		return setOf("code", "words", "invariant", "note")
	case *yamlPerson:
		return setOf("name", "aliases", "surname", "tenures", "note")
	case *yamlTenure:
		return setOf("code", "role", "from", "to", "note")
	case *yamlRole:
		return setOf("role", "phrases", "agent", "igo", "note")
	case *yamlActor:
		return setOf("code", "name", "names", "codes", "note")
	}
	return nil
}

func setOf(keys ...string) map[string]bool {
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// checkCode validates a CAMEO code: upper-case letters in groups of three.
func checkCode(code string) error {
	if code == "" {
		return errors.New("missing code")
	}
	if code == NullCode {
		return nil
	}
	if len(code)%3 != 0 {
		return fmt.Errorf("code %q: want groups of three letters", code)
	}
	for _, r := range code {
		if r > unicode.MaxASCII || !unicode.IsUpper(r) {
			return fmt.Errorf("code %q: want upper-case letters A-Z", code)
		}
	}
	return nil
}

func (b *yamlBuilder) add(phrases []string, kind EntryKind, name string, codes []DatedCode, agent string, line int) {
	for _, p := range phrases {
		for _, v := range phraseVariants(p) {
			if e := newEntry(v, kind, name, codes, agent, b.src(line)); e != nil {
				b.entries = append(b.entries, e)
			}
		}
	}
}

func (b *yamlBuilder) country(n *yaml.Node) error {
	var c yamlCountry
	if err := decodeItem(n, "country", &c); err != nil {
		return err
	}
	if err := checkCode(c.Code); err != nil {
		return fmt.Errorf("line %d: country %q: %w", n.Line, c.Name, err)
	}
	if c.Name == "" {
		return fmt.Errorf("line %d: country %s: missing name", n.Line, c.Code)
	}
	gov := c.Government
	if gov == "" {
		gov = c.Code + "GOV"
	}
	if err := checkCode(gov); err != nil {
		return fmt.Errorf("line %d: country %s: government: %w", n.Line, c.Code, err)
	}
	code := []DatedCode{{Code: c.Code}}
	b.add(append([]string{c.Name}, c.Names...), Country, c.Name, code, "", n.Line)
	b.add(c.Demonyms, Demonym, c.Name, code, "", n.Line)
	b.add(c.Capitals, Capital, c.Name, []DatedCode{{Code: gov}}, "", n.Line)
	return nil
}

func (b *yamlBuilder) igo(n *yaml.Node) error {
	var g yamlIGO
	if err := decodeItem(n, "igo", &g); err != nil {
		return err
	}
	if err := checkCode(g.Code); err != nil {
		return fmt.Errorf("line %d: igo %q: %w", n.Line, g.Name, err)
	}
	if g.Name == "" {
		return fmt.Errorf("line %d: igo %s: missing name", n.Line, g.Code)
	}
	b.add(append([]string{g.Name}, g.Names...), IGO, g.Name, []DatedCode{{Code: g.Code}}, "", n.Line)
	for _, bn := range g.Bodies {
		var body yamlBody
		if err := decodeItem(bn.n, "body", &body); err != nil {
			return err
		}
		if body.Code == "" {
			body.Code = g.Code
		}
		if err := checkCode(body.Code); err != nil {
			return fmt.Errorf("line %d: body %q: %w", bn.n.Line, body.Name, err)
		}
		if body.Name == "" {
			return fmt.Errorf("line %d: body of %s: missing name", bn.n.Line, g.Name)
		}
		b.add(append([]string{body.Name}, body.Names...), Body, body.Name, []DatedCode{{Code: body.Code}}, "", bn.n.Line)
	}
	return nil
}

func (b *yamlBuilder) agent(n *yaml.Node) error {
	var a yamlAgent
	if err := decodeItem(n, "agent", &a); err != nil {
		return err
	}
	a.Code = strings.TrimPrefix(a.Code, "~")
	if err := checkCode(a.Code); err != nil {
		return fmt.Errorf("line %d: agent: %w", n.Line, err)
	}
	if len(a.Words)+len(a.Invariant) == 0 {
		return fmt.Errorf("line %d: agent %s: no words", n.Line, a.Code)
	}
	for _, w := range a.Words {
		b.add([]string{w, plural(w)}, Agent, w, nil, a.Code, n.Line)
	}
	for _, w := range a.Invariant {
		b.add([]string{w}, Agent, w, nil, a.Code, n.Line)
	}
	return nil
}

// honorific reads a form of address written before a surname ("Mr").
func (b *yamlBuilder) honorific(n *yaml.Node) error {
	if n.Kind != yaml.ScalarNode || strings.TrimSpace(n.Value) == "" {
		return fmt.Errorf("line %d: honorifics: want words", n.Line)
	}
	b.add([]string{n.Value}, Honorific, n.Value, nil, "", n.Line)
	return nil
}

func (b *yamlBuilder) role(n *yaml.Node) error {
	var r yamlRole
	if err := decodeItem(n, "role", &r); err != nil {
		return err
	}
	if r.Role == "" {
		return fmt.Errorf("line %d: role: missing role", n.Line)
	}
	if r.Agent != "" {
		if err := checkCode(r.Agent); err != nil {
			return fmt.Errorf("line %d: role %q: agent: %w", n.Line, r.Role, err)
		}
	}
	start := len(b.entries)
	b.add(append([]string{r.Role}, r.Phrases...), Role, r.Role, nil, r.Agent, n.Line)
	for _, e := range b.entries[start:] {
		e.IGORole = r.IGO
	}
	return nil
}

func (b *yamlBuilder) person(n *yaml.Node) error {
	var p yamlPerson
	if err := decodeItem(n, "person", &p); err != nil {
		return err
	}
	if strings.TrimSpace(p.Name) == "" {
		return fmt.Errorf("line %d: person: missing name", n.Line)
	}
	if len(p.Tenures) == 0 {
		return fmt.Errorf("line %d: person %q: no tenures", n.Line, p.Name)
	}
	codes := make([]DatedCode, 0, len(p.Tenures))
	for _, tn := range p.Tenures {
		var t yamlTenure
		if err := decodeItem(tn.n, "tenure", &t); err != nil {
			return err
		}
		c, err := tenureCode(t)
		if err != nil {
			return fmt.Errorf("line %d: person %q: %w", tn.n.Line, p.Name, err)
		}
		codes = append(codes, c)
	}
	from := len(b.entries)
	b.add(append([]string{p.Name}, p.Aliases...), Person, p.Name, codes, "", n.Line)
	if p.Surname != "" {
		if !slices.Contains(strings.Fields(p.Name), p.Surname) {
			return fmt.Errorf("line %d: person %q: surname %q is not a word of the name", n.Line, p.Name, p.Surname)
		}
		for _, e := range b.entries[from:] {
			e.Surname = p.Surname
		}
	}
	return nil
}

func tenureCode(t yamlTenure) (DatedCode, error) {
	if err := checkCode(t.Code); err != nil {
		return DatedCode{}, err
	}
	from, err := parseYAMLDate(t.From.text, false)
	if err != nil {
		return DatedCode{}, fmt.Errorf("from: %w", err)
	}
	to, err := parseYAMLDate(t.To.text, true)
	if err != nil {
		return DatedCode{}, fmt.Errorf("to: %w", err)
	}
	if !from.IsZero() && !to.IsZero() && to.Before(from) {
		return DatedCode{}, fmt.Errorf("tenure %s ends (%s) before it starts (%s)", t.Code, t.To.text, t.From.text)
	}
	return DatedCode{Code: t.Code, From: from, To: to, Role: t.Role}, nil
}

func (b *yamlBuilder) actor(n *yaml.Node) error {
	var a yamlActor
	if err := decodeItem(n, "actor", &a); err != nil {
		return err
	}
	if a.Name == "" {
		return fmt.Errorf("line %d: actor: missing name", n.Line)
	}
	var codes []DatedCode
	if a.Code != "" {
		if err := checkCode(a.Code); err != nil {
			return fmt.Errorf("line %d: actor %q: %w", n.Line, a.Name, err)
		}
		codes = append(codes, DatedCode{Code: a.Code})
	}
	for _, cn := range a.Codes {
		var t yamlTenure
		if err := decodeItem(cn.n, "code", &t); err != nil {
			return err
		}
		c, err := tenureCode(t)
		if err != nil {
			return fmt.Errorf("line %d: actor %q: %w", cn.n.Line, a.Name, err)
		}
		codes = append(codes, c)
	}
	if len(codes) == 0 {
		return fmt.Errorf("line %d: actor %q: no code", n.Line, a.Name)
	}
	// (a name written "=The Guardian" is matched in its capitals only,
	// and shown without the mark)
	b.add(append([]string{a.Name}, a.Names...), Actor, strings.TrimPrefix(a.Name, "="), codes, "", n.Line)
	return nil
}
