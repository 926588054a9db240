package checks

import (
	"fmt"
	"strings"

	"github.com/dossier-project/dossier/internal/model"
)

// meetingSentence is a sentence of coverage that reports a dated meeting
// between named actors.
type meetingSentence struct {
	st      sentenceText
	who     []model.Participant
	when    model.Timex
	events  []string
	saysNot bool
}

// meetings finds dated meetings between named actors in coverage: the
// CONSULT events that happened (not negated, hypothetical or future) with
// a source and a target.
func (c *Checker) meetings(in *Input) []meetingSentence {
	var out []meetingSentence
	sents := in.sentences()
	// a sentence's events by binary search, not by reading all of its
	// document's events for every sentence
	evs := in.docEvents()
	for i, st := range sents {
		if st.doc.Kind.Primary() {
			continue
		}
		if in.Analyses[st.doc.ID] == nil {
			continue
		}
		m := meetingSentence{st: st}
		verb := -1
		for _, e := range evs.in(st.doc.ID, st.span) {
			if e.PLOVER != "CONSULT" || e.Act != "" || e.Negated || e.Hypothetical || e.Future || e.Target == nil || !st.span.Contains(e.Trigger) {
				continue
			}
			if e.Source.Code == "" && e.Source.Name == "" || e.Target.Code == "" && e.Target.Name == "" {
				continue
			}
			m.who = appendParticipant(m.who, e.Source)
			m.who = appendParticipant(m.who, *e.Target)
			m.events = append(m.events, e.ID)
			if verb < 0 {
				verb = e.Trigger.Start
			}
		}
		if len(m.who) < 2 {
			continue
		}
		t, ok := in.datedNear(st.doc.ID, st.span, verb)
		if !ok {
			continue
		}
		m.when = t
		_, _, m.saysNot = phraseAt(st.span.Text, c.vocab.NoRecord)
		if !m.saysNot && i+1 < len(sents) && sents[i+1].doc == st.doc {
			// The next sentence may say it, when it speaks of the meeting.
			next := sents[i+1].span.Text
			_, _, says := phraseAt(next, c.vocab.NoRecord)
			m.saysNot = says && hasWord(next, c.vocab.MeetingWords)
		}
		out = append(out, m)
	}
	return out
}

// appendParticipant adds p unless the same actor is already there.
func appendParticipant(ps []model.Participant, p model.Participant) []model.Participant {
	for _, q := range ps {
		if sameActor(q, p) {
			return ps
		}
	}
	return append(ps, p)
}

func sameActor(a, b model.Participant) bool {
	if a.Name != "" && b.Name != "" {
		return model.SamePerson(a.Name, b.Name)
	}
	return a.Code != "" && a.Code == b.Code && a.Name == b.Name
}

// covered reports whether a primary record of the meeting's date, in
// which one of its participants speaks or is named, is in the dossier.
func (in *Input) covered(m meetingSentence) bool {
	records := in.primaryRecords()
	if in.recordDays != nil {
		// Only records whose day is compatible with the meeting's date.
		key := m.when.Value
		if len(key) > 10 {
			key = key[:10]
		}
		records = in.recordDays[key]
	}
	for _, d := range records {
		if d.Date.IsZero() || !strings.HasPrefix(d.Date.Format("2006-01-02"), m.when.Value) && !strings.HasPrefix(m.when.Value, d.Date.Format("2006-01-02")) {
			continue
		}
		for _, p := range m.who {
			for _, s := range d.Speakers {
				if p.Name != "" && model.SamePerson(s.Name, p.Name) {
					return true
				}
			}
			if a := in.Analyses[d.ID]; a != nil {
				for _, men := range a.Mentions {
					if sameActor(model.Participant{Code: men.Actor.Code, Name: men.Actor.Name}, p) {
						return true
					}
				}
			}
		}
	}
	return false
}

// meetingWithoutRecord raises a finding for a meeting between named
// actors of which the dossier holds no primary record, when the text says
// none was published, or when a procedure requires one.
func (c *Checker) meetingWithoutRecord(in *Input) []model.Finding {
	var out []model.Finding
	procs := c.relevant(in)
	for _, m := range c.meetings(in) {
		if in.covered(m) {
			continue
		}
		names := make([]string, len(m.who))
		for i, p := range m.who {
			names[i] = p.Label()
		}
		who := strings.Join(names, " and ")
		ev := []model.Evidence{model.EvidenceOf(m.st.doc.ID, m.st.span), model.EvidenceOf(m.st.doc.ID, m.when.Span)}
		date := describe(momentOf(m.when))
		if m.saysNot {
			out = append(out, model.Finding{
				Kind: "meeting-without-record", Severity: model.SeverityMedium, Events: m.events, Evidence: ev,
				Summary: fmt.Sprintf("%s reports a meeting of %s on %s and says no record of it was published; no primary record of it is in this dossier.", docName(m.st.doc), who, date),
			})
			continue
		}
		if body, p := requiredRecord(procs, m); body != nil {
			out = append(out, model.Finding{
				Kind: "meeting-without-record", Severity: model.SeverityLow, Events: m.events, Evidence: ev,
				Summary: fmt.Sprintf("%s reports a meeting of %s on %s; under %s's procedure the %s publishes a %s, but none is in this dossier.", docName(m.st.doc), who, date, p.Institution, body.Name, body.Publishes[0]),
			})
		}
	}
	return out
}

// requiredRecord returns a body whose procedure requires it to publish a
// record of its meetings, when the meeting involves it.
func requiredRecord(procs []*Procedure, m meetingSentence) (*Body, *Procedure) {
	for _, p := range procs {
		for i := range p.Bodies {
			b := &p.Bodies[i]
			if len(b.Publishes) == 0 {
				continue
			}
			for _, w := range m.who {
				if p.hasName(w.Text, b.Names()) {
					return b, p
				}
			}
		}
	}
	return nil, nil
}
