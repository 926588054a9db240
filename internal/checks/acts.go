package checks

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// bodyActCode reports whether an event whose source is a deciding body
// is a meeting of that body: it met or consulted (040) or met at a third
// location (044). Negotiating (046) and signing (057) are left out: a
// body's delegation may negotiate or sign without the body sitting, and a
// meeting taken for one could make an announcement look early. Codes of
// intent (03x) are left out too: an intention decides nothing yet.
func bodyActCode(code string) bool { return code == "040" || code == "044" }

// docEvents holds each document's coded events in the order of their
// triggers, so that the events of a sentence are found by binary search
// (the sentence an event was coded from may be cut differently from the
// checks' sentences: the trigger's place decides).
type docEvents map[string][]*model.Event

func (in *Input) docEvents() docEvents {
	ix := docEvents{}
	for doc, a := range in.Analyses {
		if a == nil || len(a.Events) == 0 {
			continue
		}
		evs := make([]*model.Event, len(a.Events))
		for i := range a.Events {
			evs[i] = &a.Events[i]
		}
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].Trigger.Start < evs[j].Trigger.Start })
		ix[doc] = evs
	}
	return ix
}

// in returns the events of doc whose trigger lies in span s.
func (ix docEvents) in(doc string, s model.Span) []*model.Event {
	evs := ix[doc]
	i := sort.Search(len(evs), func(i int) bool { return evs[i].Trigger.Start >= s.Start })
	j := i
	for j < len(evs) && evs[j].Trigger.Start < s.End {
		j++
	}
	var out []*model.Event
	for _, e := range evs[i:j] {
		if e.Trigger.End <= s.End {
			out = append(out, e)
		}
	}
	return out
}

// eventBodyActs reads the acts of p's deciding bodies that the events of
// sentence st record: an event whose source names a deciding body and
// whose code is a meeting or decision. covered is true when such an
// event exists, whether or not it gives an act (a meeting still to come
// gives none): the phrase search then leaves the sentence alone.
func (c *Checker) eventBodyActs(in *Input, p *Procedure, st sentenceText, evs []*model.Event) (acts []act, covered bool) {
	s := st.span.Text
	for _, e := range evs {
		if !bodyActCode(e.CAMEO) {
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
