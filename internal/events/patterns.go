package events

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/text"
)

// Pattern is one event pattern: trigger words, the CAMEO code they code
// and the refinements that pick a more specific code.
type Pattern struct {
	// ID names the pattern ("meet"); a rule's id is appended after a dot
	// in Event.Pattern ("meet.phone").
	ID string
	// Verbs are verb lemmas ("meet", "call on": the verb, then words that
	// must follow it). Nouns are event nouns ("meeting", "phone call").
	Verbs []string
	Nouns []string
	// CAMEO is the code when no rule matches; "" means only the rules code.
	CAMEO string
	// Intent is the code used when the action is only intended or in the
	// future ("decided to send", "will meet"); "" keeps CAMEO.
	Intent string
	// Preps are the prepositions that may introduce the target; Object
	// says whether a direct object may be the target.
	Preps  []string
	Object bool
	// SourcePreps introduce the source after a noun ("an attack by X").
	SourcePreps []string
	// Light are verbs that, for this pattern's nouns only, act like the
	// grammar's light verbs: "X adopted sanctions against Y".
	Light []string
	// TargetOptional allows events without a target. TargetRequired
	// says the pattern's file asks for one: otherwise a pattern whose
	// code is of a PLOVER type that needs no recipient codes events
	// without a target (grammar.yaml recipient_required).
	TargetOptional bool
	TargetRequired bool
	// TargetParty allows events without a coded target only where the
	// text names the other party, known or not ("spoke with local
	// elders"; not "discussed the economy", a topic and no party).
	TargetParty bool
	// Reciprocal patterns code compound subjects without a target as
	// pairs ("Hungary and Romania met").
	Reciprocal bool
	// PossessorIsTarget says the noun's possessor is whom the act is
	// done to, not who does it, when no preposition names a target:
	// "Sinn Fein's expulsion", "his arrest" (but "Kenya's arrest of X").
	PossessorIsTarget bool
	// ExpressesIntent marks triggers that state an intention ("offer",
	// "develop a plan"): their events are Future, and a condition after
	// them governs the intended action, not the statement.
	ExpressesIntent bool
	Rules           []Rule
	// Source is where the pattern was defined: "file:line".
	Source string
}

// Rule refines a pattern's code when its phrases occur after (or, for
// Before, right before) the trigger.
type Rule struct {
	ID     string
	After  []string
	Before []string
	CAMEO  string
	Intent string
	// Target overrides the pattern's target requirement: "optional",
	// "required" or "". "beneficiary" takes as target the actor right
	// after the matched After phrase ("a plan to boost the capacity of
	// X"), and codes nothing without one.
	Target string
	Source string
}

// CodeInfo describes one CAMEO code.
type CodeInfo struct {
	Code      string
	Name      string
	Goldstein float64
	QuadClass int
	PLOVER    string
	Mode      string
	Context   []string
}

// Patterns is a set of event patterns with the tables the coder needs:
// the CAMEO code table, the grammar word lists and irregular verbs. It is
// immutable once loaded.
type Patterns struct {
	list    []*Pattern
	codes   map[string]CodeInfo
	roots   map[string]CodeInfo
	grammar map[string][]string
	// irregular maps an irregular verb form to its base form.
	irregular map[string]string
	// sources lists the files loaded, for messages.
	sources []string
	// acts are the patterns of the acts of the record (acts.go).
	acts []*ActPattern
}

// List returns the patterns in load order. The slice is shared.
func (p *Patterns) List() []*Pattern {
	if p == nil {
		return nil
	}
	return p.list
}

// Code returns the description of a CAMEO code.
func (p *Patterns) Code(code string) (CodeInfo, bool) {
	if p == nil {
		return CodeInfo{}, false
	}
	c, ok := p.codes[code]
	return c, ok
}

// Codes returns every known CAMEO code, sorted.
func (p *Patterns) Codes() []string {
	if p == nil {
		return nil
	}
	out := make([]string, 0, len(p.codes))
	for c := range p.codes {
		out = append(out, c)
	}
	sort.Strings(out)
	return out
}

func newPatterns() *Patterns {
	return &Patterns{
		codes:     map[string]CodeInfo{},
		roots:     map[string]CodeInfo{},
		grammar:   map[string][]string{},
		irregular: map[string]string{},
	}
}

// Merge returns a new set with o laid over p: o's patterns replace p's of
// the same id and are added otherwise; o's code table entries, grammar
// words and irregular verbs are added to p's.
func (p *Patterns) Merge(o *Patterns) *Patterns {
	out := newPatterns()
	for _, s := range []*Patterns{p, o} {
		if s == nil {
			continue
		}
		for _, pt := range s.list {
			replaced := false
			for i, q := range out.list {
				if q.ID == pt.ID {
					out.list[i] = pt
					replaced = true
					break
				}
			}
			if !replaced {
				out.list = append(out.list, pt)
			}
		}
		for k, v := range s.codes {
			out.codes[k] = v
		}
		for k, v := range s.roots {
			out.roots[k] = v
		}
		for k, v := range s.grammar {
			out.grammar[k] = appendNew(out.grammar[k], v...)
		}
		for k, v := range s.irregular {
			out.irregular[k] = v
		}
		out.sources = append(out.sources, s.sources...)
		out.acts = mergeActs(out.acts, s.acts)
	}
	return out
}

func appendNew(dst []string, src ...string) []string {
	for _, s := range src {
		dup := false
		for _, d := range dst {
			if d == s {
				dup = true
				break
			}
		}
		if !dup {
			dst = append(dst, s)
		}
	}
	return dst
}

// DefaultPatterns loads the patterns shipped with dossier: every file in
// data/events/ of the embedded data.
func DefaultPatterns() (*Patterns, error) {
	return PatternsFromData(data.Embedded())
}

// PatternsFromData loads the patterns of a data tree such as
// data.Open(dir): every .yaml and .txt file under events/, where a user
// directory may replace any of them or add its own, and the irregular
// verbs of text/irregular-verbs.txt.
func PatternsFromData(fsys fs.FS) (*Patterns, error) {
	p, err := loadDir(fsys, "events")
	if err != nil {
		return nil, err
	}
	// the irregular verbs, read as the text layer reads them
	irr, err := text.IrregularVerbs(fsys)
	if errors.Is(err, fs.ErrNotExist) {
		return p, nil
	}
	if err != nil {
		return nil, fmt.Errorf("load patterns: %w", err)
	}
	for w, b := range irr {
		if _, ok := p.irregular[w]; !ok {
			p.irregular[w] = b
		}
	}
	p.sources = append(p.sources, text.IrregularVerbsFile)
	// the nouns that name nothing one can strike (scripts/gen-source-nouns)
	err = data.ReadList(fsys, AbstractNounsFile, func(f []string) error {
		p.grammar[abstractNouns] = append(p.grammar[abstractNouns], strings.Join(f, " "))
		return nil
	})
	switch {
	case err == nil:
		p.sources = append(p.sources, AbstractNounsFile)
	case !errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("load patterns: %w", err)
	}
	return p, nil
}

// AbstractNounsFile lists the nouns every sense of which is abstract
// (generated from WordNet by scripts/gen-source-nouns): a material act
// whose object is one of them ("targets a surge of vitriol") is a figure
// of speech, and is not coded.
const AbstractNounsFile = "events/nouns/abstract.txt"

// abstractNouns is the grammar list AbstractNounsFile fills.
const abstractNouns = "abstract_nouns"

// loadDir loads every .yaml and .txt file of dir in fsys.
func loadDir(fsys fs.FS, dir string) (*Patterns, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("load patterns: %w", err)
	}
	var paths []string
	for _, e := range ents {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".txt")) {
			continue
		}
		paths = append(paths, path.Join(dir, n))
	}
	return LoadPatterns(fsys, paths...)
}

// LoadPatterns reads pattern files from fsys. Each file is recognised by
// its content: our YAML formats (patterns:, the CAMEO table with codes:,
// the grammar word lists), a PETRARCH/TABARI verb dictionary ("--- VERB
// [code] ---" blocks), or a list of irregular verb forms.
//
// Our YAML formats are read strictly. PETRARCH/TABARI verb dictionaries
// are read as PETRARCH reads them: a line that cannot be read is left out
// and the rest loaded (LoadPatternsReport reports such lines).
func LoadPatterns(fsys fs.FS, paths ...string) (*Patterns, error) {
	return LoadPatternsReport(fsys, nil, paths...)
}

// SkipFunc is told about a line of a pattern file that could not be read
// and was left out.
type SkipFunc func(file string, line int, problem string)

// LoadPatternsReport is LoadPatterns, telling skip (when set) about every
// line it leaves out.
func LoadPatternsReport(fsys fs.FS, skip SkipFunc, paths ...string) (*Patterns, error) {
	out := newPatterns()
	for _, p := range paths {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("load patterns %s: %w", p, err)
		}
		if err := out.parse(p, b, skip); err != nil {
			return nil, err
		}
		out.sources = append(out.sources, p)
	}
	return out, nil
}

var petrBlock = regexp.MustCompile(`(?m)^---\s+\S.*\[[^\]]*\]\s*---\s*$`)

func (p *Patterns) parse(name string, b []byte, skip SkipFunc) error {
	switch {
	case petrBlock.Match(b):
		return p.parsePetrarch(name, b, skip)
	case isWordList(b):
		return p.parseIrregular(name, b)
	}
	return p.parseYAML(name, b)
}

// isWordList reports whether b is a plain list of lower-case words, one
// group a line, with # comments.
func isWordList(b []byte) bool {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	lines := 0
	for sc.Scan() {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		for _, r := range l {
			if !(r >= 'a' && r <= 'z' || r == ' ' || r == '\'' || r == '-') {
				return false
			}
		}
		lines++
	}
	return lines > 0 && sc.Err() == nil
}

func (p *Patterns) parseIrregular(name string, b []byte) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		for _, w := range f[1:] {
			if _, ok := p.irregular[w]; !ok {
				p.irregular[w] = f[0]
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("load patterns %s: %w", name, err)
	}
	return nil
}

// yamlFile is the union of our YAML files' top levels.
type yamlFile struct {
	Patterns yaml.Node `yaml:"patterns"`
	Roots    map[string]struct {
		Name   string `yaml:"name"`
		Quad   int    `yaml:"quad"`
		PLOVER string `yaml:"plover"`
	} `yaml:"roots"`
	Codes yaml.Node `yaml:"codes"`
}

type yamlPattern struct {
	ID          string      `yaml:"id"`
	Verbs       []string    `yaml:"verbs"`
	Nouns       []string    `yaml:"nouns"`
	CAMEO       string      `yaml:"cameo"`
	Intent      string      `yaml:"intent"`
	Preps       []string    `yaml:"preps"`
	SourcePreps []string    `yaml:"source_preps"`
	Light       []string    `yaml:"light"`
	Target      string      `yaml:"target"`
	Object      *bool       `yaml:"object"`
	Reciprocal  bool        `yaml:"reciprocal"`
	Possessor   string      `yaml:"possessor"`
	Expresses   bool        `yaml:"expresses_intent"`
	Rules       []yaml.Node `yaml:"rules"`
}

type yamlRule struct {
	ID     string   `yaml:"id"`
	After  []string `yaml:"after"`
	Before []string `yaml:"before"`
	CAMEO  string   `yaml:"cameo"`
	Intent string   `yaml:"intent"`
	Target string   `yaml:"target"`
}

var codeRE = regexp.MustCompile(`^[0-9]{3,4}$`)

func (p *Patterns) parseYAML(name string, b []byte) error {
	var root yaml.Node
	if err := yaml.Unmarshal(b, &root); err != nil {
		return fmt.Errorf("load patterns %s: %w", name, err)
	}
	if len(root.Content) == 0 {
		return fmt.Errorf("load patterns %s: empty file", name)
	}
	doc := root.Content[0]
	if doc.Kind != yaml.MappingNode {
		return fmt.Errorf("load patterns %s: line %d: want a mapping at the top", name, doc.Line)
	}
	var f yamlFile
	if err := doc.Decode(&f); err != nil {
		return fmt.Errorf("load patterns %s: %w", name, err)
	}
	known := false
	if f.Patterns.Kind != 0 {
		known = true
		if err := p.yamlPatterns(name, &f.Patterns); err != nil {
			return err
		}
	}
	for k, r := range f.Roots {
		known = true
		if len(k) != 2 {
			return fmt.Errorf("load patterns %s: root %q: want two digits", name, k)
		}
		p.roots[k] = CodeInfo{Code: k, Name: r.Name, QuadClass: r.Quad, PLOVER: r.PLOVER}
	}
	if f.Codes.Kind != 0 {
		known = true
		if err := p.yamlCodes(name, &f.Codes); err != nil {
			return err
		}
	}
	// Grammar lists: any other top-level key holding a list of strings.
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i].Value, doc.Content[i+1]
		if k == "patterns" || k == "roots" || k == "codes" {
			continue
		}
		if k == "acts" {
			if err := p.yamlActs(name, v); err != nil {
				return err
			}
			known = true
			continue
		}
		var words []string
		if err := v.Decode(&words); err != nil {
			return fmt.Errorf("load patterns %s: line %d: %s: want a list of words: %w", name, v.Line, k, err)
		}
		known = true
		for _, w := range words {
			p.grammar[k] = appendNew(p.grammar[k], strings.ToLower(strings.TrimSpace(w)))
		}
	}
	if !known {
		return fmt.Errorf("load patterns %s: no patterns, codes or word lists found", name)
	}
	return nil
}

func (p *Patterns) yamlPatterns(name string, n *yaml.Node) error {
	if n.Kind != yaml.SequenceNode {
		return fmt.Errorf("load patterns %s: line %d: patterns: want a list", name, n.Line)
	}
	for _, item := range n.Content {
		var yp yamlPattern
		if err := item.Decode(&yp); err != nil {
			return fmt.Errorf("load patterns %s: line %d: %w", name, item.Line, err)
		}
		src := fmt.Sprintf("%s:%d", name, item.Line)
		if yp.ID == "" {
			return fmt.Errorf("load patterns %s: line %d: pattern without id", name, item.Line)
		}
		if len(yp.Verbs)+len(yp.Nouns) == 0 {
			return fmt.Errorf("load patterns %s: line %d: pattern %s has no verbs or nouns", name, item.Line, yp.ID)
		}
		for _, c := range []string{yp.CAMEO, yp.Intent} {
			if c != "" && !codeRE.MatchString(c) {
				return fmt.Errorf("load patterns %s: line %d: pattern %s: bad CAMEO code %q", name, item.Line, yp.ID, c)
			}
		}
		pt := &Pattern{
			ID: yp.ID, Verbs: lowerAll(yp.Verbs), Nouns: lowerAll(yp.Nouns),
			CAMEO: yp.CAMEO, Intent: yp.Intent, Preps: lowerAll(yp.Preps),
			SourcePreps: lowerAll(yp.SourcePreps), Light: lowerAll(yp.Light), Object: yp.Object == nil || *yp.Object,
			Reciprocal: yp.Reciprocal, ExpressesIntent: yp.Expresses, Source: src,
		}
		if len(pt.SourcePreps) == 0 && len(pt.Nouns) > 0 {
			pt.SourcePreps = []string{"by"}
		}
		switch yp.Possessor {
		case "", "source":
		case "target":
			pt.PossessorIsTarget = true
		default:
			return fmt.Errorf("load patterns %s: line %d: pattern %s: possessor must be source or target, not %q", name, item.Line, yp.ID, yp.Possessor)
		}
		switch yp.Target {
		case "":
		case "required":
			pt.TargetRequired = true
		case "optional":
			pt.TargetOptional = true
		case "party":
			pt.TargetOptional, pt.TargetParty = true, true
		default:
			return fmt.Errorf("load patterns %s: line %d: pattern %s: target must be required, optional or party, not %q", name, item.Line, yp.ID, yp.Target)
		}
		for _, rn := range yp.Rules {
			var yr yamlRule
			if err := rn.Decode(&yr); err != nil {
				return fmt.Errorf("load patterns %s: line %d: %w", name, rn.Line, err)
			}
			for _, c := range []string{yr.CAMEO, yr.Intent} {
				if c != "" && !codeRE.MatchString(c) {
					return fmt.Errorf("load patterns %s: line %d: rule %s.%s: bad CAMEO code %q", name, rn.Line, yp.ID, yr.ID, c)
				}
			}
			switch yr.Target {
			case "", "optional", "required":
			case "beneficiary":
				if len(yr.After) == 0 {
					return fmt.Errorf("load patterns %s: line %d: rule %s.%s: target beneficiary needs after phrases", name, rn.Line, yp.ID, yr.ID)
				}
			default:
				return fmt.Errorf("load patterns %s: line %d: rule %s.%s: target must be required, optional or beneficiary, not %q", name, rn.Line, yp.ID, yr.ID, yr.Target)
			}
			if yr.ID == "" {
				return fmt.Errorf("load patterns %s: line %d: rule without id in pattern %s", name, rn.Line, yp.ID)
			}
			pt.Rules = append(pt.Rules, Rule{
				ID: yr.ID, After: lowerAll(yr.After), Before: lowerAll(yr.Before),
				CAMEO: yr.CAMEO, Intent: yr.Intent, Target: yr.Target,
				Source: fmt.Sprintf("%s:%d", name, rn.Line),
			})
		}
		p.add(pt)
	}
	return nil
}

func (p *Patterns) add(pt *Pattern) {
	for i, q := range p.list {
		if q.ID == pt.ID {
			p.list[i] = pt
			return
		}
	}
	p.list = append(p.list, pt)
}

func (p *Patterns) yamlCodes(name string, n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("load patterns %s: line %d: codes: want a mapping", name, n.Line)
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		code := k.Value
		if !codeRE.MatchString(code) {
			return fmt.Errorf("load patterns %s: line %d: bad CAMEO code %q", name, k.Line, code)
		}
		var f []string
		if err := v.Decode(&f); err != nil || len(f) < 2 {
			return fmt.Errorf("load patterns %s: line %d: code %s: want [goldstein, name, plover, mode, context]", name, v.Line, code)
		}
		g, err := strconv.ParseFloat(f[0], 64)
		if err != nil || g < -10 || g > 10 {
			return fmt.Errorf("load patterns %s: line %d: code %s: bad Goldstein score %q", name, v.Line, code, f[0])
		}
		ci := CodeInfo{Code: code, Name: f[1], Goldstein: g}
		if len(f) > 2 {
			ci.PLOVER = f[2]
		}
		if len(f) > 3 {
			ci.Mode = f[3]
		}
		if len(f) > 4 && f[4] != "" {
			for _, c := range strings.Split(f[4], ";") {
				if c = strings.TrimSpace(c); c != "" {
					ci.Context = append(ci.Context, c)
				}
			}
		}
		p.codes[code] = ci
	}
	return nil
}

// resolveCodes fills each code's quad class and inherited PLOVER type.
func (p *Patterns) resolveCodes() map[string]CodeInfo {
	out := make(map[string]CodeInfo, len(p.codes))
	for k, c := range p.codes {
		root := p.roots[k[:2]]
		c.QuadClass = root.QuadClass
		if c.PLOVER == "" && len(k) == 4 {
			c.PLOVER = p.codes[k[:3]].PLOVER
		}
		if c.PLOVER == "" {
			c.PLOVER = root.PLOVER
		}
		if c.QuadClass == 0 {
			c.QuadClass = quadOf(k)
		}
		out[k] = c
	}
	return out
}

// quadOf is the CAMEO quad class of a code by its root.
func quadOf(code string) int {
	if len(code) < 2 {
		return 0
	}
	r, err := strconv.Atoi(code[:2])
	if err != nil {
		return 0
	}
	switch {
	case r >= 1 && r <= 5:
		return 1
	case r <= 8:
		return 2
	case r <= 13:
		return 3
	case r <= 20:
		return 4
	}
	return 0
}

func lowerAll(in []string) []string {
	var out []string
	for _, s := range in {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
