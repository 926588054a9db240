package checks

import (
	"strings"
	"testing"

	"github.com/dossier-project/dossier/internal/model"
)

// bodyEvent adds an event of the words src acting by the word verb, with
// the given CAMEO code.
func (f *fixture) bodyEvent(d *model.Document, src, verb, cameo string) *model.Event {
	a := f.in.Analyses[d.ID]
	tr := f.span(d, verb)
	var sentence model.Span
	for _, s := range f.in.Sentences[d.ID] {
		if s.Contains(tr) {
			sentence = s
		}
	}
	a.Events = append(a.Events, model.Event{
		ID: "e" + verb, Doc: d.ID, Sentence: sentence, CAMEO: cameo, Root: cameo[:2], Trigger: tr,
		Source: model.Participant{Span: f.span(d, src), Code: "USAGOV"},
	})
	return &a.Events[len(a.Events)-1]
}

// A meeting the phrase search cannot see ("huddled" is no meeting verb
// of the vocabulary) is read from the event that codes it.
func TestBodyActFromEvent(t *testing.T) {
	const text = "On the morning of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. " +
		"The council huddled on the afternoon of 3 March."
	build := func(withEvent bool) *fixture {
		f := councilFixture(t, text, "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
		if withEvent {
			f.bodyEvent(f.in.Docs[0], "The council", "huddled", "040")
		}
		return f
	}
	if got := kinds(build(false).run(cityCouncil), "announced-before-decision"); len(got) != 0 {
		t.Fatalf("without the event the phrase search should see no meeting, got %q", got[0].Summary)
	}
	f := build(true)
	got := kinds(f.run(cityCouncil), "announced-before-decision")
	if len(got) != 1 {
		t.Fatalf("want the meeting read from the event, got %+v", got)
	}
	for _, w := range []string{"City Council", "huddled only on the afternoon of 3 March 2021"} {
		if !strings.Contains(got[0].Summary, w) {
			t.Errorf("summary %q lacks %q", got[0].Summary, w)
		}
	}
	checkEvidence(t, f.in, got)
}

// An event that covers the sentence decides it: a meeting the coder reads
// as hypothetical is no act, and the phrase search does not overrule it;
// an event of an intent (03x) or of another actor leaves the sentence to
// the phrase search.
func TestBodyActEventCoversSentence(t *testing.T) {
	const text = "On the morning of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. " +
		"The council met on the afternoon of 3 March."
	for _, c := range []struct {
		name, src, cameo string
		hypothetical     bool
		want             int
	}{
		{"no event: the phrase search finds the meeting", "", "", false, 1},
		{"a hypothetical meeting event", "The council", "040", true, 0},
		{"an event of intent", "The council", "036", false, 1},
		{"a meeting event of the council", "The council", "040", false, 1},
	} {
		f := councilFixture(t, text, "the morning of 3 March", "2021-03-03", "morning", "the afternoon of 3 March", "2021-03-03", "afternoon")
		if c.src != "" {
			e := f.bodyEvent(f.in.Docs[0], c.src, "met", c.cameo)
			e.Hypothetical = c.hypothetical
		}
		if got := kinds(f.run(cityCouncil), "announced-before-decision"); len(got) != c.want {
			t.Errorf("%s: want %d findings, got %+v", c.name, c.want, got)
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
		f.bodyEvent(f.in.Docs[0], "It", "convened", "040").Source.Name = c.name
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
		e := f.bodyEvent(d, "the council, which", "convened", "040")
		e.Source.Span = f.span(d, "the council, which")
		e.Source.Span.End = e.Source.Start + len("the council")
		e.Source.Text = "the council"
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
