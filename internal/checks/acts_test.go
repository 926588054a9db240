package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// The checks of decisions reason over the acts of the record that the
// event coder gives. These tests hand them the events, so that what is
// tested is the reasoning: who may announce, which body decides, in
// which order, with which flags. The wording that gives such events is
// tested in internal/events (acts_test.go) and, through the whole
// pipeline, in wording_test.go and cases_test.go.

// codes of the acts that CAMEO codes, as the act coder gives them.
var actCodes = map[string]string{"announce": "010", "endorse": "051", "meet": "040"}

// sentenceOf returns the sentence of d that holds sp.
func (f *fixture) sentenceOf(d *model.Document, sp model.Span) model.Span {
	for _, s := range f.in.Sentences[d.ID] {
		if s.Contains(sp) {
			return s
		}
	}
	f.t.Fatalf("no sentence holds %q", sp.Text)
	return model.Span{}
}

// within returns the span of the first sub in sentence s of d.
func (f *fixture) within(d *model.Document, s model.Span, sub string) model.Span {
	f.t.Helper()
	i := strings.Index(s.Text, sub)
	if i < 0 {
		f.t.Fatalf("%q not in %q", sub, s.Text)
	}
	return model.NewSpan(d.Text, s.Start+i, s.Start+i+len(sub))
}

// act adds an act of the record of kind by the words src of the
// sentence of the word verb ("" for no one), with matter the words
// matter of that sentence ("" for none), and returns it.
func (f *fixture) act(d *model.Document, kind, src, verb, matter string) *model.Event {
	f.t.Helper()
	a := f.in.Analyses[d.ID]
	tr := f.span(d, verb)
	s := f.sentenceOf(d, tr)
	e := model.Event{ID: fmt.Sprintf("%s-e%d", d.ID, len(a.Events)+1), Doc: d.ID, Sentence: s, Trigger: tr, Act: kind, Pattern: "act-" + kind}
	if c := actCodes[kind]; c != "" {
		e.CAMEO, e.Root = c, c[:2]
	}
	if src != "" {
		e.Source = model.Participant{Span: f.within(d, s, src)}
	}
	if matter != "" {
		m := f.within(d, s, matter)
		e.Matter = &m
	}
	a.Events = append(a.Events, e)
	return &a.Events[len(a.Events)-1]
}

// announce adds an announcement by src at the word verb of what the
// clause matter says, and the act it reports: kind by who, at the word
// did. It returns the announcement's id.
func (f *fixture) announce(d *model.Document, src, verb, matter, kind, who, did string) string {
	f.t.Helper()
	id := f.act(d, "announce", src, verb, matter).ID
	f.act(d, kind, who, did, "").ReportedBy = id
	return id
}

// bodyEvent adds an event of the CAMEO coder: the words src acting by
// the word verb, with the given code.
func (f *fixture) bodyEvent(d *model.Document, src, verb, cameo string) *model.Event {
	a := f.in.Analyses[d.ID]
	tr := f.span(d, verb)
	a.Events = append(a.Events, model.Event{
		ID: "e" + verb, Doc: d.ID, Sentence: f.sentenceOf(d, tr), CAMEO: cameo, Root: cameo[:2], Trigger: tr,
		Source: model.Participant{Span: f.span(d, src), Code: "USAGOV"},
	})
	return &a.Events[len(a.Events)-1]
}

// councilActs gives councilText its acts: the mayor announces that the
// council approved the contract; the council votes.
func councilActs(f *fixture) {
	d := f.in.Docs[0]
	f.announce(d, "Mayor Whitfield", "announced", "that the council had approved the new bridge contract", "approve", "the council", "approved")
	f.act(d, "vote", "The council", "vote", "")
}

func TestAnnouncedBeforeDecision(t *testing.T) {
	f := councilFixture(t, councilText, "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
	councilActs(f)
	fs := f.run(cityCouncil)
	got := kinds(fs, "announced-before-decision")
	if len(got) != 1 {
		t.Fatalf("want one announced-before-decision finding, got %+v", fs)
	}
	s := got[0].Summary
	for _, want := range []string{"Mayor Whitfield announced", "the morning of 3 March 2021", "City Council", "voted only on the afternoon of 3 March 2021", "earlier the same day"} {
		if !strings.Contains(s, want) {
			t.Errorf("summary %q lacks %q", s, want)
		}
	}
	if len(got[0].Evidence) != 4 {
		t.Errorf("want the two sentences and their two dates as evidence, got %d", len(got[0].Evidence))
	}
	if strings.Join(got[0].Events, " ") != "article-e1 article-e3" {
		t.Errorf("want the finding to cite the announcement and the vote, got %v", got[0].Events)
	}
	if got[0].Severity != model.SeverityHigh || fs[0].Kind != "announced-before-decision" {
		t.Errorf("the finding should be high severity and first")
	}
	checkEvidence(t, f.in, fs)
}

func TestAnnouncedBeforeDecisionDaysEarlier(t *testing.T) {
	text := "On 1 March, Mayor Whitfield announced that the council had approved the contract. The council met on 4 March."
	f := councilFixture(t, text, "1 March", "2021-03-01", "", "4 March", "2021-03-04", "")
	d := f.in.Docs[0]
	f.announce(d, "Mayor Whitfield", "announced", "that the council had approved the contract", "approve", "the council", "approved")
	f.act(d, "meet", "The council", "met", "")
	got := kinds(f.run(cityCouncil), "announced-before-decision")
	if len(got) != 1 || !strings.Contains(got[0].Summary, "3 days earlier") || !strings.Contains(got[0].Summary, "met only on 4 March 2021") {
		t.Fatalf("want a finding 3 days earlier, got %+v", got)
	}
}

// Each fact the finding rests on can be missing, and then there is none.
func TestAnnouncedBeforeDecisionNeedsEachFact(t *testing.T) {
	for _, c := range []struct {
		name string
		edit func(f *fixture, ann, reported, vote *model.Event)
		want int
	}{
		{"all there", func(*fixture, *model.Event, *model.Event, *model.Event) {}, 1},
		{"the announcement is denied or doubted", func(_ *fixture, a, _, _ *model.Event) { a.Hypothetical = true }, 0},
		{"the announcement did not happen", func(_ *fixture, a, _, _ *model.Event) { a.Negated = true }, 0},
		{"the announcement is someone's claim", func(_ *fixture, a, _, _ *model.Event) { a.ReportedBy = "article-e9" }, 0},
		{"the decision is still to be taken", func(_ *fixture, _, r, _ *model.Event) { r.Future = true }, 0},
		{"the decision was not taken", func(_ *fixture, _, r, _ *model.Event) { r.Negated = true }, 0},
		{"the decision is only proposed", func(_ *fixture, _, r, _ *model.Event) { r.Hypothetical = true }, 0},
		{"what is reported is a meeting, not a decision", func(_ *fixture, _, r, _ *model.Event) { r.Act = "meet" }, 0},
		{"the vote is one to come", func(_ *fixture, _, _, v *model.Event) { v.Future = true }, 0},
		{"the vote is someone's claim", func(_ *fixture, a, _, v *model.Event) { v.ReportedBy = a.ID }, 0},
		{"the announcer does not speak for the city", func(f *fixture, a, _, _ *model.Event) {
			a.Source.Span = f.span(f.in.Docs[0], "Residents")
		}, 0},
		{"the deciding body announces its own decision", func(f *fixture, a, _, _ *model.Event) {
			a.Source.Span = f.span(f.in.Docs[0], "the council")
		}, 0},
		{"the announcer is the mayor by the actor the coder resolved", func(f *fixture, a, _, _ *model.Event) {
			a.Source.Span, a.Source.Name = f.span(f.in.Docs[0], "Whitfield"), "the Mayor"
		}, 1},
		{"the voter is not the council", func(f *fixture, _, _, v *model.Event) {
			v.Source.Span = f.span(f.in.Docs[0], "Residents")
		}, 0},
	} {
		f := councilFixture(t, councilText+" Residents met the mayor.", "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
		councilActs(f)
		evs := f.in.Analyses["article"].Events
		c.edit(f, &evs[0], &evs[1], &evs[2])
		if got := kinds(f.run(cityCouncil), "announced-before-decision"); len(got) != c.want {
			t.Errorf("%s: want %d findings, got %+v", c.name, c.want, got)
		}
	}
}

// The order of the dates decides: the same acts with the announcement
// after the vote, on the same day with a part of day on one side only,
// or with the meeting months later are no finding.
func TestAnnouncedBeforeDecisionByDate(t *testing.T) {
	cases := []struct {
		name, text           string
		aWhen, aValue, aPart string
		vWhen, vValue, vPart string
		want                 int
	}{
		{"announced first", "On the morning of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. The council did not vote until the afternoon of 3 March.",
			"the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon", 1},
		{"announced after the vote", "On the evening of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. The council did not vote until the afternoon of 3 March.",
			"the evening of 3 March", "2021-03-03", "evening", "the afternoon of 3 March", "2021-03-03", "afternoon", 0},
		{"same day, part of day unknown for one", "On 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. The council did not vote until the afternoon of 3 March.",
			"3 March", "2021-03-03", "", "the afternoon of 3 March", "2021-03-03", "afternoon", 0},
		{"the vote is months later and about something else", "On 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. The council did not vote until 9 November.",
			"3 March", "2021-03-03", "", "9 November", "2021-11-09", "", 0},
	}
	for _, c := range cases {
		f := councilFixture(t, c.text, c.aWhen, c.aValue, c.aPart, c.vWhen, c.vValue, c.vPart)
		councilActs(f)
		if got := kinds(f.run(cityCouncil), "announced-before-decision"); len(got) != c.want {
			t.Errorf("%s: want %d findings, got %+v", c.name, c.want, got)
		}
	}
}

func TestProcedureMustBeNamed(t *testing.T) {
	// The same acts about another institution: the city's procedure does
	// not apply, so there is no finding.
	text := "On the morning of 3 March, the chairman announced that the board had approved the merger. The board did not meet until the afternoon of 3 March."
	f := councilFixture(t, text, "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
	d := f.in.Docs[0]
	f.announce(d, "the chairman", "announced", "that the board had approved the merger", "approve", "the board", "approved")
	f.act(d, "meet", "The board", "meet", "")
	if got := f.run(cityCouncil); len(got) != 0 {
		t.Errorf("want no findings for an institution without a procedure, got %+v", got)
	}
}

// A meeting of the CAMEO coder (040) counts as the body's act when its
// source names the body, as an act of the record does; an intention
// (036) or a hypothetical meeting does not.
func TestBodyActFromCodedMeeting(t *testing.T) {
	const text = "On the morning of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. " +
		"The council huddled on the afternoon of 3 March."
	for _, c := range []struct {
		name, cameo  string
		hypothetical bool
		want         int
	}{
		{"a meeting", "040", false, 1},
		{"a meeting at a third place", "044", false, 1},
		{"a hypothetical meeting", "040", true, 0},
		{"an intention to meet", "036", false, 0},
		{"a negotiation by its delegation", "046", false, 0},
	} {
		f := councilFixture(t, text, "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
		d := f.in.Docs[0]
		f.announce(d, "Mayor Whitfield", "announced", "that the council had approved the new bridge contract", "approve", "the council", "approved")
		f.bodyEvent(d, "The council", "huddled", c.cameo).Hypothetical = c.hypothetical
		got := kinds(f.run(cityCouncil), "announced-before-decision")
		if len(got) != c.want {
			t.Errorf("%s: want %d findings, got %+v", c.name, c.want, got)
			continue
		}
		if c.want == 1 && !strings.Contains(got[0].Summary, "huddled only on the afternoon of 3 March 2021") {
			t.Errorf("%s: summary %q", c.name, got[0].Summary)
		}
	}
}

// A meeting whose subject is a pronoun counts when the coder resolved it
// to the deciding body itself, not to an actor whose name only contains
// the body's.
func TestBodyActResolvedActor(t *testing.T) {
	const text = "On the morning of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. " +
		"It convened on the afternoon of 3 March."
	for _, c := range []struct {
		name string
		want int
	}{
		{"", 0},
		{"City Council", 1},
		{"the City Council", 1},
		{"Council of Elders", 0},
	} {
		f := councilFixture(t, text, "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
		d := f.in.Docs[0]
		f.announce(d, "Mayor Whitfield", "announced", "that the council had approved the new bridge contract", "approve", "the council", "approved")
		f.act(d, "meet", "It", "convened", "").Source.Name = c.name
		if got := kinds(f.run(cityCouncil), "announced-before-decision"); len(got) != c.want {
			t.Errorf("source resolved to %q: want %d findings, got %+v", c.name, c.want, got)
		}
	}
}

// The act is dated by the expression the coder attached to the event's
// clause, not by the one nearest its verb ("briefed on 2 March").
func TestBodyActDatedByEventClause(t *testing.T) {
	const text = "On the morning of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. " +
		"On the afternoon of 3 March the council, which staff had briefed in writing on 2 March, convened."
	for _, clause := range []bool{false, true} {
		f := councilFixture(t, text, "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
		d := f.in.Docs[0]
		f.timex(d, "2 March", "2021-03-02", "")
		f.announce(d, "Mayor Whitfield", "announced", "that the council had approved the new bridge contract", "approve", "the council", "approved")
		e := f.act(d, "meet", "the council", "convened", "")
		want := 0 // nearest the verb: 2 March, before the announcement
		if clause {
			sp := f.span(d, "the afternoon of 3 March")
			e.When = &model.Anchor{Kind: "point", Value: "2021-03-03", By: "clause", Timex: &sp}
			want = 1
		}
		got := kinds(f.run(cityCouncil), "announced-before-decision")
		if len(got) != want {
			t.Fatalf("clause anchor %v: want %d findings, got %+v", clause, want, got)
		}
		if want == 1 && !strings.Contains(got[0].Summary, "convened only on the afternoon of 3 March 2021") {
			t.Errorf("summary %q: want the meeting dated by the event's clause", got[0].Summary)
		}
	}
}

// A person who speaks for the institution is found by another mention of
// them that gives the office: "She" is "Mayor Whitfield".
func TestAnnouncerResolvedByPerson(t *testing.T) {
	const text = "Mayor Ann Whitfield opened the bridge. On the morning of 3 March, she announced that the council had approved the new bridge contract. " +
		"The council did not vote until the afternoon of 3 March."
	for _, person := range []bool{false, true} {
		f := councilFixture(t, text, "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
		d := f.in.Docs[0]
		name := "Ann Whitfield"
		f.mention(d, "Mayor Ann Whitfield", model.Actor{Name: name, Person: person})
		id := f.act(d, "announce", "she", "announced", "that the council had approved the new bridge contract").ID
		f.in.Analyses[d.ID].Events[0].Source.Name = name
		f.act(d, "approve", "the council", "approved", "").ReportedBy = id
		f.act(d, "vote", "The council", "vote", "")
		want := 0
		if person {
			want = 1
		}
		if got := kinds(f.run(cityCouncil), "announced-before-decision"); len(got) != want {
			t.Errorf("the mention is a person %v: want %d findings, got %+v", person, want, got)
		}
	}
}

func TestDecisionByWrongBody(t *testing.T) {
	const text = "In Millbrook, the mayor approved the bridge contract on Monday. Residents were surprised."
	for _, c := range []struct {
		name   string
		edit   func(f *fixture, e *model.Event)
		matter string
		want   int
	}{
		{"the mayor approved the contract", func(*fixture, *model.Event) {}, "the bridge contract", 1},
		{"someone said the mayor approved it", func(_ *fixture, e *model.Event) { e.ReportedBy = "a-e9" }, "the bridge contract", 0},
		{"the mayor did not approve it", func(_ *fixture, e *model.Event) { e.Negated = true }, "the bridge contract", 0},
		{"the mayor may approve it", func(_ *fixture, e *model.Event) { e.Hypothetical = true }, "the bridge contract", 0},
		{"the matter is no council's matter", func(*fixture, *model.Event) {}, "Monday", 0},
		{"the council approved it", func(f *fixture, e *model.Event) {
			e.Source.Span = f.span(f.in.Docs[0], "Residents")
			e.Source.Name = "City Council"
		}, "the bridge contract", 0},
	} {
		f := newFixture(t)
		d := f.doc("a", model.KindArticle, text)
		e := f.act(d, "approve", "the mayor", "approved", c.matter)
		c.edit(f, e)
		got := kinds(f.run(cityCouncil), "decision-by-wrong-body")
		if len(got) != c.want {
			t.Errorf("%s: want %d findings, got %+v", c.name, c.want, got)
			continue
		}
		if c.want == 1 {
			if !strings.Contains(got[0].Summary, "the Mayor approved") || !strings.Contains(got[0].Summary, "City Council") || len(got[0].Events) != 1 {
				t.Errorf("%s: %+v", c.name, got[0])
			}
			checkEvidence(t, f.in, got)
		}
	}
}

// A sentence that itself says the announcement came first: "… announced
// the contract on 7 June, four days before the council voted". The
// council's vote follows the announcement by the text's order word.
func TestAnnouncedBeforeDecisionStated(t *testing.T) {
	const text = "In Millbrook, the council met late. But Mayor Whitfield announced the contract on Friday 7 June, four days before the council voted."
	build := func() (*fixture, *model.Event, *model.Event) {
		f := newFixture(t)
		d := f.doc("a", model.KindArticle, text)
		f.timex(d, "Friday 7 June", "2024-06-07", "")
		ann := f.act(d, "announce", "Mayor Whitfield", "announced", "the contract")
		annID := ann.ID
		vote := f.act(d, "vote", "the council", "voted", "")
		cue := f.span(d, "before")
		vote.When = &model.Anchor{Kind: "point", By: "document", After: []string{annID}, OrderCue: &cue}
		evs := f.in.Analyses["a"].Events
		return f, &evs[0], &evs[1]
	}
	f, _, _ := build()
	fs := f.run(cityCouncil)
	got := kinds(fs, "announced-before-decision")
	if len(got) != 1 {
		t.Fatalf("want one finding, got %+v", fs)
	}
	if !strings.HasPrefix(got[0].Summary, "Mayor Whitfield announced the contract on 7 June 2024") {
		t.Errorf("summary %q should open with who announced what", got[0].Summary)
	}
	for _, want := range []string{"City Council", "“four days before the council voted”"} {
		if !strings.Contains(got[0].Summary, want) {
			t.Errorf("summary %q lacks %q", got[0].Summary, want)
		}
	}
	if got[0].Severity != model.SeverityHigh || got[0].Check != "announced-before-decision" || len(got[0].Evidence) != 3 || len(got[0].Events) != 2 {
		t.Errorf("finding = %+v", got[0])
	}
	checkEvidence(t, f.in, fs)

	for _, c := range []struct {
		name string
		edit func(f *fixture, ann, vote *model.Event)
	}{
		{"the text does not order them", func(_ *fixture, _, v *model.Event) { v.When.After = nil }},
		{"the vote is to come", func(_ *fixture, _, v *model.Event) { v.Future = true }},
		{"the vote did not happen", func(_ *fixture, _, v *model.Event) { v.Negated = true }},
		{"the announcement did not happen", func(_ *fixture, a, _ *model.Event) { a.Negated = true }},
		{"the announcement is hypothetical", func(_ *fixture, a, _ *model.Event) { a.Hypothetical = true }},
		{"the council announced it", func(f *fixture, a, _ *model.Event) { a.Source.Span = f.span(f.in.Docs[0], "the council") }},
		{"what is announced is no decision", func(f *fixture, a, _ *model.Event) {
			m := f.span(f.in.Docs[0], "Friday")
			a.Matter = &m
		}},
		{"another body voted", func(f *fixture, _, v *model.Event) { v.Source.Span = f.span(f.in.Docs[0], "Millbrook") }},
		{"an unnamed vote with no date said", func(f *fixture, _, v *model.Event) {
			v.Source = model.Participant{}
			f.in.Analyses["a"].Timexes = nil
		}},
	} {
		f, ann, vote := build()
		c.edit(f, ann, vote)
		if got := kinds(f.run(cityCouncil), "announced-before-decision"); len(got) != 0 {
			t.Errorf("%s: want no finding, got %q", c.name, got[0].Summary)
		}
	}
	// An unnamed vote, dated: the vote of the only body that decides
	// contracts.
	f, _, vote := build()
	vote.Source = model.Participant{}
	if got := kinds(f.run(cityCouncil), "announced-before-decision"); len(got) != 1 {
		t.Errorf("an unnamed vote: want one finding, got %+v", got)
	}
}

// The events of a sentence are those whose trigger lies in it, whatever
// sentence the coder cut.
func TestDocEventsIn(t *testing.T) {
	tr := func(start, end int) model.Event {
		return model.Event{ID: "e", Trigger: model.Span{Start: start, End: end}}
	}
	in := &Input{Analyses: map[string]*model.Analysis{"d": {Events: []model.Event{tr(30, 34), tr(2, 6), tr(18, 22), tr(9, 12)}}}}
	ix := in.docEvents()
	var got []int
	for _, e := range ix.in("d", model.Span{Start: 9, End: 21}) {
		got = append(got, e.Trigger.Start)
	}
	if len(got) != 1 || got[0] != 9 {
		t.Errorf("events in [9,21): got triggers at %v, want [9] (18-22 crosses the end)", got)
	}
	if n := len(ix.in("d", model.Span{Start: 0, End: 40})); n != 4 {
		t.Errorf("events in the whole text: got %d, want 4", n)
	}
	if n := len(ix.in("other", model.Span{Start: 0, End: 40})); n != 0 {
		t.Errorf("a document without events: got %d", n)
	}
}
