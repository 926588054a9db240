package actors

import (
	"strings"
	"time"

	"github.com/dossier-project/dossier/internal/model"
)

// Resolution is an actor phrase found in a word sequence, with the code it
// resolves to at a time.
type Resolution struct {
	// Code is the CAMEO code: "KENGOV", "IGOAFRAFU", "USAMIL"; for an agent
	// word with no country, the agent code alone ("REB").
	Code string
	// Name is a readable name ("Kenya government", "Tendai Amara Mokoena").
	Name string
	// Person is true when the phrase names an individual.
	Person bool
	// Entries are the dictionary entries matched, in order.
	Entries []*Entry
	// Holder is, for a role bound to a country or IGO ("AU Commission
	// Chairperson", "the Prime Minister of Kenya") with no name given, the
	// person who held the role at the time, if known. Code stays the
	// office's code; callers decide whether to name the holder.
	Holder *Entry
	// Rule says how the code was built: "actors:demonym+agent",
	// "actors:role+person", ...
	Rule string
}

// Actor returns the model actor for the resolution.
func (r Resolution) Actor() model.Actor {
	return model.Actor{Code: r.Code, Name: r.Name, Person: r.Person}
}

// Resolve matches an actor phrase at words[i] and composes it with what
// follows: a country, demonym or IGO followed by an agent word or role
// ("Kenyan government" → KENGOV, "US officials" → USAGOV, "French
// military" → FRAMIL, "AU Commission Chairperson" → IGOAFRAFU), a role
// followed by a name ("Prime Minister Amina Yusuf") or by "of" and a
// country ("the Prime Minister of Kenya" → KENGOV), a capital used for its
// government ("Washington" → USAGOV). People are coded with the tenure in
// force at t (t zero: the most recent). It returns the resolution and the
// number of words used, or false when no actor phrase starts at words[i].
func (d *Dictionary) Resolve(words []string, i int, t time.Time) (Resolution, int, bool) {
	e, n := d.Match(words, i)
	if e == nil {
		return d.resolveSurname(words, i, t)
	}
	r := Resolution{Entries: []*Entry{e}, Name: e.Name}
	kinds := []string{e.Kind.String()}
	switch e.Kind {
	case Person:
		r = d.person(r, e, t)
	case Role:
		// Role + name: "Prime Minister Amina Yusuf".
		if p, n2 := d.Match(words, i+n); p != nil && p.Kind == Person {
			r.Entries = append(r.Entries, p)
			kinds = append(kinds, p.Kind.String())
			r = d.person(r, p, t)
			n += n2
			break
		}
		r.Code = e.Agent
		// Role + of + country/IGO: "Chairperson of the AU Commission".
		if org, n2 := d.ofOrg(words, i+n); org != nil {
			r.Entries = append(r.Entries, org)
			kinds = append(kinds, "of", org.Kind.String())
			r.Code, r.Name = d.composeRole(org, e, t), org.Name+" "+e.Name
			r.Holder = d.Holder(e.Name, orgCode(org, t), t)
			n += n2
		}
	case Agent:
		r.Code = e.Agent
		if org, n2 := d.ofOrg(words, i+n); org != nil {
			r.Entries = append(r.Entries, org)
			kinds = append(kinds, "of", org.Kind.String())
			r.Code, r.Name = d.Compose(orgCode(org, t), e.Agent), org.Name+" "+e.Name
			n += n2
		}
	case Capital:
		c, _ := e.CodeAt(t)
		r.Code = c.Code
		if a, n2 := d.Match(words, i+n); a != nil && a.Kind == Agent {
			r.Entries = append(r.Entries, a)
			kinds = append(kinds, a.Kind.String())
			r.Code = d.Compose(countryPart(c.Code), a.Agent)
			r.Name = e.Name + " " + a.Name
			n += n2
		}
	default: // Country, Demonym, IGO, Body, Actor
		c, _ := e.CodeAt(t)
		r.Code = c.Code
		next, n2 := d.Match(words, i+n)
		if next == nil {
			break
		}
		switch next.Kind {
		case Agent:
			r.Entries = append(r.Entries, next)
			kinds = append(kinds, next.Kind.String())
			r.Code = d.Compose(c.Code, next.Agent)
			r.Name = e.Name + " " + next.Name
			n += n2
		case Role:
			r.Entries = append(r.Entries, next)
			kinds = append(kinds, next.Kind.String())
			r.Code = d.composeRole(e, next, t)
			r.Name = e.Name + " " + next.Name
			r.Holder = d.Holder(next.Name, c.Code, t)
			n += n2
			// "AU Commission Chairperson Tendai Amara Mokoena".
			if p, n3 := d.Match(words, i+n); p != nil && p.Kind == Person {
				r.Entries = append(r.Entries, p)
				kinds = append(kinds, p.Kind.String())
				r.Holder = nil
				r = d.person(r, p, t)
				n += n3
			}
		case Person:
			// "US President Grace Kamau" without a role word in the
			// dictionary is handled above; "Kenyan Amina Yusuf" is the person.
			r.Entries = append(r.Entries, next)
			kinds = append(kinds, next.Kind.String())
			r = d.person(r, next, t)
			n += n2
		}
	}
	r.Rule = "actors:" + strings.Join(kinds, "+")
	return r, n, true
}

func (d *Dictionary) person(r Resolution, p *Entry, t time.Time) Resolution {
	r.Person, r.Name = true, p.Name
	if c, ok := p.CodeAt(t); ok {
		r.Code = c.Code
	} else {
		r.Code = ""
	}
	return r
}

// ofOrg matches "of" followed by a country, IGO or body at words[i].
func (d *Dictionary) ofOrg(words []string, i int) (*Entry, int) {
	if i >= len(words) || normalizeToken(words[i]).text != "of" {
		return nil, 0
	}
	e, n := d.Match(words, i+1)
	if e == nil {
		return nil, 0
	}
	switch e.Kind {
	case Country, IGO, Body, Actor:
		return e, n + 1
	}
	return nil, 0
}

func orgCode(e *Entry, t time.Time) string {
	c, _ := e.CodeAt(t)
	return c.Code
}

// composeRole codes a role held at an organisation: an IGO role at an IGO
// is the IGO; otherwise the role's agent is added.
func (d *Dictionary) composeRole(org, role *Entry, t time.Time) string {
	code := orgCode(org, t)
	if strings.HasPrefix(code, "IGO") && (role.IGORole || role.Agent == "GOV" || role.Agent == "") {
		return code
	}
	return d.Compose(code, role.Agent)
}

// countryPart returns the leading three-letter country code of a code.
func countryPart(code string) string {
	if len(code) >= 3 {
		return code[:3]
	}
	return code
}

// resolveSurname resolves a surname alone ("Mokoena", "Mr. Yusuf") to
// the person who bears it: the only one in the dictionary, or the only one
// in office at t. A bare surname is tried only with t set and a
// capitalised token; after an honorific it is always tried.
func (d *Dictionary) resolveSurname(words []string, i int, t time.Time) (Resolution, int, bool) {
	j := i
	if d.honorifics[normalizeToken(words[i]).text] && i+1 < len(words) {
		j = i + 1
	} else if t.IsZero() {
		return Resolution{}, 0, false
	}
	w := normalizeToken(words[j])
	if w.lower || w.text == "" {
		return Resolution{}, 0, false
	}
	p := d.PersonAt(w.text, t)
	if p == nil || (!t.IsZero() && !inOffice(p, t)) {
		return Resolution{}, 0, false
	}
	r := d.person(Resolution{Entries: []*Entry{p}}, p, t)
	r.Rule = "actors:surname"
	return r, j - i + 1, true
}

func inOffice(p *Entry, t time.Time) bool {
	for _, c := range p.Codes {
		if c.Dated() && c.Contains(t) {
			return true
		}
	}
	return false
}
