package pipeline

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/store"
)

// The people and organisations of a dossier, as the pass lists them: each
// resolved actor of the mentions, with the forms the texts use, the roles
// transcripts give, and counts. This is the stage that people records
// (one record per person, with their offices over time) will replace.

const (
	maxNames    = 8  // forms of a name kept per actor
	maxForms    = 64 // distinct forms counted per actor
	maxExamples = 3  // mentions kept as evidence per actor
	maxRoles    = 6
)

type actorAcc struct {
	store.Actor
	forms   map[string]int
	lastDoc string
}

type actorCollector struct {
	by map[string]*actorAcc
}

func newActorCollector() *actorCollector { return &actorCollector{by: map[string]*actorAcc{}} }

// actorKey identifies a mention's actor: a named person by name, lower
// case, otherwise its code. Anonymous and unresolved mentions have none.
func actorKey(a model.Actor) string {
	switch {
	case a.Anonymous:
		return ""
	case a.Person && a.Name != "":
		return strings.ToLower(a.Name)
	}
	return a.Code
}

// add counts the mentions of one document.
func (c *actorCollector) add(d *model.Document, a *model.Analysis) {
	for _, m := range a.Mentions {
		k := actorKey(m.Actor)
		if k == "" {
			continue
		}
		x := c.by[k]
		if x == nil {
			name := m.Actor.Name
			if name == "" {
				name = m.Actor.Code
			}
			x = &actorAcc{Actor: store.Actor{Key: k, Name: strings.Clone(name), Code: strings.Clone(m.Actor.Code), Person: m.Actor.Person,
				Names: []string{}, Roles: []string{}, Examples: []model.Evidence{}}, forms: map[string]int{}}
			c.by[k] = x
		}
		if x.Code == "" && m.Actor.Code != "" {
			x.Code = strings.Clone(m.Actor.Code)
		}
		x.Mentions++
		if x.lastDoc != d.ID {
			x.lastDoc = d.ID
			x.Documents++
			if x.Person {
				for _, s := range d.Speakers {
					if model.SamePerson(s.Name, x.Name) {
						x.addRole(s)
					}
				}
			}
		}
		form := strings.Join(strings.Fields(m.Text), " ")
		if _, ok := x.forms[form]; ok || len(x.forms) < maxForms {
			if !ok {
				form = strings.Clone(form)
			}
			x.forms[form]++
		}
		if len(x.Examples) < maxExamples {
			e := model.EvidenceOf(d.ID, m.Span)
			e.Text = strings.Clone(e.Text)
			x.Examples = append(x.Examples, e)
		}
	}
}

func (x *actorAcc) addRole(s model.Speaker) {
	role := strings.TrimSpace(strings.Join(nonEmpty(s.Role, s.Organization), ", "))
	if role == "" || len(x.Roles) >= maxRoles {
		return
	}
	for _, r := range x.Roles {
		if r == role {
			return
		}
	}
	x.Roles = append(x.Roles, strings.Clone(role))
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// list returns the actors, most mentioned first.
func (c *actorCollector) list() []store.Actor {
	out := make([]store.Actor, 0, len(c.by))
	for _, x := range c.by {
		forms := make([]string, 0, len(x.forms))
		for f := range x.forms {
			forms = append(forms, f)
		}
		sort.Slice(forms, func(i, j int) bool {
			if x.forms[forms[i]] != x.forms[forms[j]] {
				return x.forms[forms[i]] > x.forms[forms[j]]
			}
			return forms[i] < forms[j]
		})
		if len(forms) > maxNames {
			forms = forms[:maxNames]
		}
		x.Names = forms
		out = append(out, x.Actor)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Key < out[j].Key
	})
	return out
}
