package checks

import (
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// bodyActCodes are the CAMEO codes of an event whose source is a
// deciding body that make it a meeting or decision of that body: it
// consulted (040), met at a third location (044), negotiated (046) or
// signed a formal agreement (057). Codes of intent (03x) are left out:
// an intention decides nothing yet.
var bodyActCodes = map[string]bool{"040": true, "044": true, "046": true, "057": true}

// sentenceEvents indexes the coded events of the input by document and
// the start of the sentence they were coded from, in one pass.
type sentenceEvents map[string]map[int][]*model.Event

func (in *Input) sentenceEvents() sentenceEvents {
	ix := sentenceEvents{}
	for doc, a := range in.Analyses {
		if a == nil {
			continue
		}
		for i := range a.Events {
			e := &a.Events[i]
			if ix[doc] == nil {
				ix[doc] = map[int][]*model.Event{}
			}
			ix[doc][e.Sentence.Start] = append(ix[doc][e.Sentence.Start], e)
		}
	}
	return ix
}

// eventBodyActs reads the acts of p's deciding bodies that the events of
// sentence st record: an event whose source names a deciding body and
// whose code is a meeting or decision. covered is true when such an
// event exists, whether or not it gives an act (a meeting still to come
// gives none): the phrase search then leaves the sentence alone.
func (c *Checker) eventBodyActs(in *Input, p *Procedure, st sentenceText, evs []*model.Event) (acts []act, covered bool) {
	s := st.span.Text
	for _, e := range evs {
		if !bodyActCodes[e.CAMEO] {
			continue
		}
		src := e.Source.Span
		if src.Start < st.span.Start || src.End > st.span.End || src.End <= src.Start {
			continue
		}
		b, _, _ := bodyIn(p, src.Text, deciding)
		if b == nil {
			// "It convened …": the actor the coder resolved the words
			// to, when it is the body itself.
			b = bodyNamed(p, e.Source.Name, deciding)
		}
		if b == nil {
			continue
		}
		tr := e.Trigger
		if tr.Start < src.End || tr.End > st.span.End {
			continue // the body must be the subject before its verb
		}
		covered = true
		bs, vs, ve := src.Start-st.span.Start, tr.Start-st.span.Start, tr.End-st.span.Start
		if e.Future || e.Hypothetical {
			continue // a meeting still to come decided nothing yet
		}
		if hasWord(s[:bs], c.vocab.Announce) || hasWord(s[bs:vs], c.vocab.Announce) {
			continue // someone reports that the body acted: a claim to check, not the act
		}
		// "Did not meet until X": it met at X at the earliest. The coder
		// may or may not mark it negated; either way the words decide.
		if (e.Negated || c.negatedBefore(s[bs:], vs-bs)) && !hasWord(s[ve:], c.vocab.Until) && !hasWord(s[ve:], c.vocab.Before) {
			continue
		}
		if c.hasModal(s[:vs]) {
			continue
		}
		t, ok := c.eventDated(in, st, e)
		if !ok {
			continue
		}
		acts = append(acts, act{doc: st.doc, sentence: st.span, verb: tr, who: src, when: t, body: b})
	}
	return acts, covered
}

// bodyNamed returns the body of p that want accepts whose name or one of
// whose aliases is name as a whole (case and a leading "the" aside), or
// nil: an actor's canonical name that only contains a body's name ("the
// Council" in "the Council of Europe") is another actor.
func bodyNamed(p *Procedure, name string, want func(*Body) bool) *Body {
	norm := func(s string) string {
		s = strings.ToLower(strings.Join(strings.Fields(s), " "))
		return strings.TrimPrefix(s, "the ")
	}
	n := norm(name)
	if n == "" {
		return nil
	}
	for i := range p.Bodies {
		b := &p.Bodies[i]
		if want != nil && !want(b) {
			continue
		}
		for _, bn := range b.Names() {
			if norm(bn) == n {
				return b
			}
		}
	}
	return nil
}

// eventDated dates the act of event e of sentence st: by the expression
// the coder attached to the event's own clause, when it is a dated point
// and no expression counting from an earlier date ("later that day")
// stands over it; else as dated does, by the expression nearest the
// trigger.
func (c *Checker) eventDated(in *Input, st sentenceText, e *model.Event) (model.Timex, bool) {
	if w := e.When; w != nil && w.By == "clause" && w.Timex != nil {
		for _, t := range in.timexesIn(st.doc.ID, st.span) {
			if t.Start != w.Timex.Start || t.End != w.Timex.End {
				continue
			}
			if t.Kind != "point" || len(t.Value) < 10 || t.NoDate != "" {
				break
			}
			if r, ok := c.relativeNear(in, st.doc.ID, st.span); ok && r.Start < t.End && t.Start < r.End {
				return r, true
			}
			return dayTimex(t), true
		}
	}
	return c.dated(in, st.doc.ID, st.span, e.Trigger.End)
}
