package checks

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
)

// relevant returns the procedures whose institution the dossier names:
// by the institution's name, a body's full name, or an actor mention
// with the institution's code. Generic aliases ("the Council") alone do
// not make a procedure apply, since several institutions share them; a
// generic model (of a kind of institution) applies only by the full name
// of a body that decides.
func (c *Checker) relevant(in *Input) []*Procedure {
	if in.procsOK {
		return in.procs
	}
	var out []*Procedure
	for _, p := range c.procs {
		if c.named(in, p) {
			out = append(out, p)
		}
	}
	return out
}

func (c *Checker) named(in *Input, p *Procedure) bool {
	var names []string
	if !p.Generic {
		names = append(names, p.Institution)
	}
	for _, b := range p.Bodies {
		if !p.Generic || len(b.Decides) > 0 {
			names = append(names, b.Name)
		}
	}
	for _, d := range in.Docs {
		if p.hasName(d.Text, names) {
			return true
		}
		if a := in.Analyses[d.ID]; a != nil && p.Code != "" {
			for _, m := range a.Mentions {
				if m.Actor.Code == p.Code {
					return true
				}
			}
		}
	}
	return false
}

// bodyIn finds a body of p named in s (by name or alias) and returns it
// with the byte range of the name in s. A generic alias ("the Council")
// followed by "of" and a name is part of another name ("the Council of
// Europe") and does not count.
func bodyIn(p *Procedure, s string, want func(*Body) bool) (*Body, int, int) {
	bestStart := -1
	var best *Body
	bestEnd := 0
	for i := range p.Bodies {
		b := &p.Bodies[i]
		if want != nil && !want(b) {
			continue
		}
		for _, name := range b.Names() {
			st, en, ok := nameAt(s, name, p.shadows)
			if ok && (bestStart < 0 || st < bestStart) {
				best, bestStart, bestEnd = b, st, en
			}
		}
	}
	return best, bestStart, bestEnd
}

// nameAt finds the first place name stands in s as a name of its own:
// not inside one of the longer names shadows ("Security Council" inside
// "Peace and Security Council").
func nameAt(s, name string, shadows []string) (int, int, bool) {
	generic := strings.HasPrefix(strings.ToLower(name), "the ")
	for from := 0; from < len(s); {
		st, en, ok := text.FoldIndex(s, name, from)
		if !ok {
			return 0, 0, false
		}
		from = en
		if !text.WordBoundary(s, st, en) {
			from = st + 1
			continue
		}
		if generic && partOfLongerName(s[en:]) {
			continue
		}
		if inside(s, st, en, shadows) {
			continue
		}
		return st, en, true
	}
	return 0, 0, false
}

// inside reports whether s[st:en] lies within an occurrence of one of
// longer in s.
func inside(s string, st, en int, longer []string) bool {
	for _, l := range longer {
		lo := st - len(l)
		if lo < 0 {
			lo = 0
		}
		for from := lo; from <= st; {
			ls, le, ok := text.FoldIndex(s, l, from)
			if !ok || ls > st {
				break
			}
			if le >= en && text.WordBoundary(s, ls, le) {
				return true
			}
			from = ls + 1
		}
	}
	return false
}

// hasName reports whether one of names stands in s as a name of p's.
func (p *Procedure) hasName(s string, names []string) bool {
	for _, n := range names {
		if _, _, ok := nameAt(s, n, p.shadows); ok {
			return true
		}
	}
	return false
}

// partOfLongerName reports whether rest, the text after a name, extends
// it: " of Europe", " of Ministers".
func partOfLongerName(rest string) bool {
	if !strings.HasPrefix(rest, " of ") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest[4:], " "))
	return unicode.IsUpper(r)
}

func deciding(b *Body) bool    { return len(b.Decides) > 0 }
func nonDeciding(b *Body) bool { return len(b.Decides) == 0 }
func speaks(b *Body) bool      { return b.SpeaksFor || b.Proposes }

// institutionIn reports whether s names the institution itself or one of
// its deciding bodies.
func institutionIn(p *Procedure, s string, mentions []model.Mention, span model.Span) bool {
	if p.hasName(s, []string{p.Institution}) {
		return true
	}
	if b, _, _ := bodyIn(p, s, deciding); b != nil {
		return true
	}
	for _, m := range mentions {
		if p.Code != "" && m.Actor.Code == p.Code && span.Contains(m.Span) {
			return true
		}
	}
	return false
}

// ruling is what a procedure says about the matter a text speaks of:
// the bodies that decide it as the text gives it, and, when one of them
// decides it only under a condition on the amount, that condition and
// the amount the text gives ("" when it gives none).
type ruling struct {
	bodies []*Body
	cond   *matter
	amount string
}

func (r ruling) has(b *Body) bool {
	for _, x := range r.bodies {
		if x == b {
			return true
		}
	}
	return false
}

// rulingOn returns the bodies of p that decide the matter s speaks of:
// the bodies with a decides entry whose words all stand in s, in any
// inflection, and whose amount condition, if any, the amount s gives
// meets. When s gives no amount, or one in another currency, a
// condition rules no body out.
func (c *Checker) rulingOn(p *Procedure, s string) ruling {
	var r ruling
	var stems map[string]bool
	amt, cur, as, ae, hasAmt := 0.0, "", 0, 0, false
	for i := range p.Bodies {
		b := &p.Bodies[i]
		for k := range b.matters {
			m := &b.matters[k]
			if stems == nil {
				stems = stemsOf(s)
				amt, cur, as, ae, hasAmt = c.vocab.amountIn(s)
			}
			if !m.in(stems) {
				continue
			}
			if m.cond != nil && hasAmt {
				if holds, ok := m.cond.holds(amt, cur); ok && !holds {
					continue
				}
			}
			if !r.has(b) {
				r.bodies = append(r.bodies, b)
			}
			if m.cond != nil && r.cond == nil {
				r.cond = m
				if hasAmt {
					r.amount = clean(s[as:ae])
				}
			}
		}
	}
	return r
}

// matterIn reports whether s speaks of a matter that a body of p decides.
func (c *Checker) matterIn(p *Procedure, s string) bool { return len(c.rulingOn(p, s).bodies) > 0 }
