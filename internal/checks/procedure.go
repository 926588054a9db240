package checks

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"unicode"

	"github.com/dossier-project/dossier/data"
)

// Procedure describes how an institution decides: its bodies, which body
// decides what kinds of matter, and what each body must publish. It is
// read from a small YAML file; see data/procedures/ and the README.
type Procedure struct {
	// Institution is the institution's name; Code its actor code, if any.
	Institution string `yaml:"institution"`
	Code        string `yaml:"code"`
	// Generic is true for a model of a kind of institution ("a national
	// parliament", "a company"), not of one: its institution's name and
	// its speaking offices ("the government", "the chief executive")
	// stand in any news, so it applies only where a deciding body is
	// named in full ("National Assembly", "Board of Directors").
	Generic bool   `yaml:"generic"`
	Bodies  []Body `yaml:"bodies"`
	// Source is the file the procedure was read from.
	Source string `yaml:"-"`

	// shadows are the longer names of other institutions' bodies that
	// contain one of this procedure's names ("Peace and Security Council"
	// contains "Security Council"): a name inside one of them is not a
	// name of this institution. Set by New.
	shadows []string
}

// names returns the institution's name and its bodies' names and
// aliases.
func (p *Procedure) names() []string {
	out := []string{p.Institution}
	for i := range p.Bodies {
		out = append(out, p.Bodies[i].Names()...)
	}
	return out
}

// withShadows returns copies of procs, each knowing the longer names of
// the others that contain one of its names.
func withShadows(procs []*Procedure) []*Procedure {
	out := make([]*Procedure, len(procs))
	for i, p := range procs {
		cp := *p
		cp.shadows = nil
		own := p.names()
		for _, o := range procs {
			if o == p {
				continue
			}
			for _, long := range o.names() {
				if containsName(long, own) && !containsFold(own, long) {
					cp.shadows = append(cp.shadows, long)
				}
			}
		}
		out[i] = &cp
	}
	return out
}

// containsName reports whether one of names stands as words inside the
// longer name long.
func containsName(long string, names []string) bool {
	for _, n := range names {
		if len(n) >= len(long) || strings.HasPrefix(strings.ToLower(n), "the ") {
			continue
		}
		if _, _, ok := nameAt(long, n, nil); ok {
			return true
		}
	}
	return false
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// Body is one body of an institution.
type Body struct {
	Name    string   `yaml:"name"`
	Aliases []string `yaml:"aliases"`
	// Decides lists the kinds of matter this body decides ("decision",
	// "budget", "mission"). A body with none decides nothing.
	Decides []string `yaml:"decides"`
	// By says how it decides ("consensus", "majority vote").
	By string `yaml:"by"`
	// Publishes lists the records this body must publish ("minutes",
	// "communique", "readout").
	Publishes []string `yaml:"publishes"`
	// SpeaksFor is true for a body or office that speaks for the
	// institution without deciding (a secretary general, a mayor).
	SpeaksFor bool `yaml:"speaks_for"`
	Proposes  bool `yaml:"proposes"`
	Advises   bool `yaml:"advises"`

	// matters are the Decides entries, read by the checker (New).
	matters []matter
}

// Names returns the body's name and aliases.
func (b *Body) Names() []string { return append([]string{b.Name}, b.Aliases...) }

// Deciding returns the bodies that decide matters of kind matter, or any
// deciding body when matter is "".
func (p *Procedure) Deciding(matter string) []*Body {
	var out []*Body
	for i := range p.Bodies {
		b := &p.Bodies[i]
		for _, m := range b.Decides {
			if matter == "" || strings.EqualFold(m, matter) {
				out = append(out, b)
				break
			}
		}
	}
	return out
}

// withMatters reads the decides entries of the bodies of procs, giving
// each procedure its own copy of its bodies.
func withMatters(procs []*Procedure, v *Vocabulary) error {
	for _, p := range procs {
		bodies := make([]Body, len(p.Bodies))
		copy(bodies, p.Bodies)
		for i := range bodies {
			bodies[i].matters = nil
			for _, e := range bodies[i].Decides {
				m, err := v.parseMatter(e)
				if err != nil {
					return fmt.Errorf("procedure %s: body %q decides %w", p.Source, bodies[i].Name, err)
				}
				bodies[i].matters = append(bodies[i].matters, m)
			}
		}
		p.Bodies = bodies
	}
	return nil
}

// ParseProcedure reads one procedure from YAML. name is used in errors.
func ParseProcedure(name string, b []byte) (*Procedure, error) {
	var p Procedure
	if err := data.DecodeYAML(b, &p); err != nil {
		return nil, fmt.Errorf("procedure %s: %w", name, err)
	}
	p.Source = name
	if err := p.validate(); err != nil {
		return nil, fmt.Errorf("procedure %s: %w", name, err)
	}
	return &p, nil
}

func (p *Procedure) validate() error {
	if strings.TrimSpace(p.Institution) == "" {
		return errors.New(`"institution" is missing`)
	}
	if len(p.Bodies) == 0 {
		return errors.New(`"bodies" is empty: name at least the body that decides`)
	}
	seen := map[string]string{}
	deciding := 0
	for i, b := range p.Bodies {
		if strings.TrimSpace(b.Name) == "" {
			return fmt.Errorf("body %d has no name", i+1)
		}
		if len(b.Decides) > 0 {
			deciding++
		}
		for _, d := range b.Decides {
			if strings.IndexFunc(d, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) < 0 {
				return fmt.Errorf("body %q decides %q, which names no matter", b.Name, d)
			}
		}
		for _, n := range b.Names() {
			k := strings.ToLower(strings.TrimSpace(n))
			if k == "" {
				return fmt.Errorf("body %q has an empty alias", b.Name)
			}
			if other, ok := seen[k]; ok && other != b.Name {
				return fmt.Errorf("alias %q names both %q and %q", n, other, b.Name)
			}
			seen[k] = b.Name
		}
	}
	if deciding == 0 {
		return errors.New(`no body "decides" anything, so no decision can be checked`)
	}
	return nil
}

// LoadProcedures reads every .yaml file under dir in fsys (the built-in
// models live in data/procedures), then each extra file. Later
// procedures for the same institution replace earlier ones.
func LoadProcedures(fsys fs.FS, dir string, extra map[string][]byte) ([]*Procedure, error) {
	var out []*Procedure
	add := func(p *Procedure) {
		for i, q := range out {
			if strings.EqualFold(q.Institution, p.Institution) {
				out[i] = p
				return
			}
		}
		out = append(out, p)
	}
	if fsys != nil {
		entries, err := fs.ReadDir(fsys, dir)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read procedures %s: %w", dir, err)
		}
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
				continue
			}
			name := path.Join(dir, e.Name())
			data, err := fs.ReadFile(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("read procedure %s: %w", name, err)
			}
			p, err := ParseProcedure(name, data)
			if err != nil {
				return nil, err
			}
			add(p)
		}
	}
	names := make([]string, 0, len(extra))
	for n := range extra {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		p, err := ParseProcedure(n, extra[n])
		if err != nil {
			return nil, err
		}
		add(p)
	}
	return out, nil
}
