package checks

import (
	"sort"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// The checks of decisions read the acts of the record that the event
// coder gives (internal/events, acts.go): announcements, decisions,
// votes, approvals, endorsements and meetings, each with who acted, when,
// its flags and its matter, and announcements with the acts they report.
// Here those events are resolved to the bodies of a procedure.

// decisionActs are the acts by which a body takes a decision.
var decisionActs = map[string]bool{"decide": true, "approve": true, "vote": true, "endorse": true}

// bodyActCode reports whether an event of the CAMEO coder whose source is
// a deciding body is a meeting of that body: it met or consulted (040) or
// met at a third location (044). Negotiating (046) and signing (057) are
// left out: a body's delegation may negotiate or sign without the body
// sitting, and a meeting taken for one could make an announcement look
// early. Codes of intent (03x) are left out too: an intention decides
// nothing yet.
func bodyActCode(code string) bool { return code == "040" || code == "044" }

// docEvents holds each document's events in the order of their
// triggers, so that the events of a sentence are found by binary search
// (the sentence an event was coded from may be cut differently from the
// checks' sentences: the trigger's place decides), and what the checks
// ask of them, indexed once: the acts each announcement reports, the acts
// the text says came after each event, and the spans of text that
// announcements claim.
type docEvents struct {
	byDoc map[string][]*model.Event
	// reportedBy holds the acts each announcement reports, by its id;
	// later the events whose time anchor lists an event as before them.
	reportedBy map[string][]*model.Event
	later      map[string][]*model.Event
	// claimed holds, by document, the matters of its announcements,
	// merged into disjoint spans in text order.
	claimed map[string][]model.Span
}

func (in *Input) docEvents() docEvents {
	ix := docEvents{byDoc: map[string][]*model.Event{}, reportedBy: map[string][]*model.Event{},
		later: map[string][]*model.Event{}, claimed: map[string][]model.Span{}}
	for doc, a := range in.Analyses {
		if a == nil || len(a.Events) == 0 {
			continue
		}
		evs := make([]*model.Event, len(a.Events))
		var claims []model.Span
		for i := range a.Events {
			e := &a.Events[i]
			evs[i] = e
			if e.ReportedBy != "" {
				ix.reportedBy[e.ReportedBy] = append(ix.reportedBy[e.ReportedBy], e)
			}
			if e.When != nil {
				for _, id := range e.When.After {
					ix.later[id] = append(ix.later[id], e)
				}
			}
			if e.Act == "announce" && e.Matter != nil {
				claims = append(claims, model.Span{Start: e.Matter.Start, End: e.Matter.End})
			}
		}
		sort.SliceStable(evs, func(i, j int) bool { return evs[i].Trigger.Start < evs[j].Trigger.Start })
		ix.byDoc[doc] = evs
		ix.claimed[doc] = mergeSpans(claims)
	}
	return ix
}

// mergeSpans returns the union of spans as disjoint spans in order.
func mergeSpans(sp []model.Span) []model.Span {
	sort.Slice(sp, func(i, j int) bool { return sp[i].Start < sp[j].Start })
	var out []model.Span
	for _, s := range sp {
		if n := len(out); n > 0 && s.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// in returns the events of doc whose trigger lies in span s.
func (ix docEvents) in(doc string, s model.Span) []*model.Event {
	evs := ix.byDoc[doc]
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

// of returns the events of doc, in the order of their triggers.
func (ix docEvents) of(doc string) []*model.Event { return ix.byDoc[doc] }

// reports returns the acts that the announcement a reports.
func (ix docEvents) reports(a *model.Event) []*model.Event { return ix.reportedBy[a.ID] }

// after returns the events that the text says came after e.
func (ix docEvents) after(e *model.Event) []*model.Event { return ix.later[e.ID] }

// reported reports whether the event e is the claim of an announcement:
// the act coder says so, or e's trigger lies in what an announcement
// says ("the minister said the council met on Monday", with the meeting
// coded by the CAMEO coder).
func (ix docEvents) reported(doc string, e *model.Event) bool {
	if e.ReportedBy != "" {
		return true
	}
	cs := ix.claimed[doc]
	i := sort.Search(len(cs), func(i int) bool { return cs[i].End > e.Trigger.Start })
	return i < len(cs) && cs[i].Start <= e.Trigger.Start && e.Trigger.End <= cs[i].End
}

// happened reports whether the text states the event as done: not
// negated, not to come, not conditional, doubted or proposed.
func happened(e *model.Event) bool { return !e.Negated && !e.Future && !e.Hypothetical }

// isBodyAct reports whether e is something a body does when it decides:
// a meeting, a decision, a vote, an approval or an endorsement.
func isBodyAct(e *model.Event) bool {
	if e.Act != "" {
		return e.Act == "meet" || decisionActs[e.Act]
	}
	return bodyActCode(e.CAMEO)
}

// bodyOf resolves who acted to a body of p that want accepts: by a
// body's name or alias in the words of the text ("Secretary General
// Anders Fogh Rasmussen", "the Council"), or by the actor the coder
// resolved them to, as a whole name ("It" resolved to the Council): an
// actor's name that only holds a body's name ("the Council of Europe")
// is another actor.
func bodyOf(p *Procedure, who model.Participant, want func(*Body) bool) *Body {
	if who.End > who.Start {
		if b, _, _ := bodyIn(p, who.Text, want); b != nil {
			return b
		}
	}
	return bodyNamed(p, who.Name, want)
}

// speakerOf resolves who made an announcement to a body of p that speaks
// for the institution: as bodyOf, or, for a person, by another mention of
// the same person in the document that gives the office ("she", who is
// "Governor Ada Lindqvist" there).
func speakerOf(in *Input, p *Procedure, doc string, who model.Participant) *Body {
	if b := bodyOf(p, who, speaks); b != nil {
		return b
	}
	a := in.Analyses[doc]
	if who.Name == "" || a == nil {
		return nil
	}
	for _, m := range a.Mentions {
		if m.Actor.Person && model.SamePerson(m.Actor.Name, who.Name) {
			if b, _, _ := bodyIn(p, m.Text, speaks); b != nil {
				return b
			}
		}
	}
	return nil
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

// eventDated dates event e of document doc: by the expression the coder
// attached to the event's own clause, when it is a dated point and no
// expression counting from an earlier date ("later that day") stands over
// it; else as dated does, by the expression of its sentence nearest the
// trigger.
func (c *Checker) eventDated(in *Input, doc string, e *model.Event) (model.Timex, bool) {
	s := e.Sentence
	if w := e.When; w != nil && w.By == "clause" && w.Timex != nil {
		for _, t := range in.timexesIn(doc, s) {
			if t.Start != w.Timex.Start || t.End != w.Timex.End {
				continue
			}
			if t.Kind != "point" || len(t.Value) < 10 || t.NoDate != "" {
				break
			}
			if r, ok := c.relativeNear(in, doc, s); ok && r.Start < t.End && t.Start < r.End {
				return r, true
			}
			return dayTimex(t), true
		}
	}
	return c.dated(in, doc, s, e.Trigger.End)
}
