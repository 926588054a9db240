package checks

import (
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

// fixture builds checker input from hand-made documents: sentences are
// split at ". ", and temporal expressions, mentions and events are given
// by the substrings they cover.
type fixture struct {
	t  *testing.T
	in *Input
}

func newFixture(t *testing.T) *fixture {
	return &fixture{t: t, in: &Input{Analyses: map[string]*model.Analysis{}, Sentences: map[string][]model.Span{}}}
}

var sentenceEnd = regexp.MustCompile(`[.!?]["”’]?(\s+|$)`)

func (f *fixture) doc(id string, kind model.Kind, text string) *model.Document {
	d := &model.Document{ID: id, Kind: kind, Text: text, Path: id + ".txt", Title: strings.ToUpper(id[:1]) + id[1:]}
	f.in.Docs = append(f.in.Docs, d)
	f.in.Analyses[id] = &model.Analysis{Doc: id}
	start := 0
	for _, loc := range sentenceEnd.FindAllStringIndex(text, -1) {
		end := loc[1]
		for end > start && (text[end-1] == ' ' || text[end-1] == '\n') {
			end--
		}
		f.in.Sentences[id] = append(f.in.Sentences[id], model.NewSpan(text, start, end))
		start = loc[1]
	}
	if start < len(text) {
		f.in.Sentences[id] = append(f.in.Sentences[id], model.NewSpan(text, start, len(text)))
	}
	return d
}

func (f *fixture) span(d *model.Document, sub string) model.Span {
	f.t.Helper()
	i := strings.Index(d.Text, sub)
	if i < 0 {
		f.t.Fatalf("%q not in %s", sub, d.ID)
	}
	return model.NewSpan(d.Text, i, i+len(sub))
}

func (f *fixture) timex(d *model.Document, sub, value, part string) *model.Timex {
	t := model.Timex{Span: f.span(d, sub), Kind: "point", Value: value, PartOfDay: part, Granularity: "day"}
	a := f.in.Analyses[d.ID]
	a.Timexes = append(a.Timexes, t)
	return &a.Timexes[len(a.Timexes)-1]
}

func (f *fixture) mention(d *model.Document, sub string, actor model.Actor) {
	a := f.in.Analyses[d.ID]
	a.Mentions = append(a.Mentions, model.Mention{Span: f.span(d, sub), Actor: actor})
}

// meeting adds a CONSULT event of src meeting tgt, named by the words.
func (f *fixture) meeting(d *model.Document, src, verb, tgt string) *model.Event {
	a := f.in.Analyses[d.ID]
	names := map[string]string{"The mayor": "Ann Whitfield", "the governor": "Bo Diaz"}
	a.Events = append(a.Events, model.Event{
		ID: "e" + src, Doc: d.ID, PLOVER: "CONSULT", CAMEO: "040", Trigger: f.span(d, verb),
		Source: model.Participant{Span: f.span(d, src), Code: "USAGOV", Name: names[src]},
		Target: &model.Participant{Span: f.span(d, tgt), Code: "USAGOV", Name: names[tgt]},
	})
	return &a.Events[len(a.Events)-1]
}

func (f *fixture) run(procs ...string) []model.Finding {
	f.t.Helper()
	var ps []*Procedure
	for i, y := range procs {
		p, err := ParseProcedure("test"+string(rune('a'+i))+".yaml", []byte(y))
		if err != nil {
			f.t.Fatal(err)
		}
		ps = append(ps, p)
	}
	c, err := New(data.Embedded(), ps)
	if err != nil {
		f.t.Fatal(err)
	}
	return c.Run(f.in)
}

func kinds(fs []model.Finding, kind string) []model.Finding {
	var out []model.Finding
	for _, f := range fs {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

// checkEvidence asserts that every evidence span round-trips.
func checkEvidence(t *testing.T, in *Input, fs []model.Finding) {
	t.Helper()
	for _, f := range fs {
		for _, e := range f.Evidence {
			var d *model.Document
			for _, x := range in.Docs {
				if x.ID == e.Doc {
					d = x
				}
			}
			if d == nil {
				t.Errorf("%s: evidence names unknown document %s", f.Kind, e.Doc)
				continue
			}
			if err := (model.Span{Start: e.Start, End: e.End, Text: e.Text}).Check(d.Text); err != nil {
				t.Errorf("%s: %v", f.Kind, err)
			}
		}
	}
}

const councilText = "On the morning of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. " +
	"The council did not vote until the afternoon of 3 March. Residents welcomed the news."

func councilFixture(t *testing.T, text, announceWhen, announceValue, announcePart, voteWhen, voteValue, votePart string) *fixture {
	f := newFixture(t)
	d := f.doc("article", model.KindArticle, text)
	f.timex(d, announceWhen, announceValue, announcePart)
	f.timex(d, voteWhen, voteValue, votePart)
	return f
}

func TestMeetingWithoutRecord(t *testing.T) {
	text := "The mayor met the governor in the capital on 12 May, although no readout of the meeting was published. The weather was fine."
	f := newFixture(t)
	d := f.doc("a", model.KindArticle, text)
	f.meeting(d, "The mayor", "met", "the governor")
	f.timex(d, "12 May", "2021-05-12", "")
	fs := f.run()
	got := kinds(fs, "meeting-without-record")
	if len(got) != 1 || got[0].Severity != model.SeverityMedium || !strings.Contains(got[0].Summary, "Ann Whitfield") || !strings.Contains(got[0].Summary, "12 May 2021") {
		t.Fatalf("want one medium meeting-without-record finding, got %+v", fs)
	}
	checkEvidence(t, f.in, fs)

	// A primary record of that day in which a participant speaks covers it.
	tr := f.doc("transcript", model.KindTranscript, "MAYOR WHITFIELD: We had a good meeting.")
	tr.Date = time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC)
	tr.Speakers = []model.Speaker{{Name: "Ann Whitfield", Role: "Mayor"}}
	if got := kinds(f.run(), "meeting-without-record"); len(got) != 0 {
		t.Errorf("a primary record covers the meeting, want no finding, got %+v", got)
	}
}

func TestMeetingWithRecordSaidNothingIsSilent(t *testing.T) {
	f := newFixture(t)
	d := f.doc("a", model.KindArticle, "The mayor met the governor on 12 May.")
	f.meeting(d, "The mayor", "met", "the governor")
	f.timex(d, "12 May", "2021-05-12", "")
	if got := kinds(f.run(), "meeting-without-record"); len(got) != 0 {
		t.Errorf("no procedure requires a record and the text says nothing: want silence, got %+v", got)
	}
}

func TestAnonymousSource(t *testing.T) {
	f := newFixture(t)
	d := f.doc("a", model.KindArticle, "Kenyan officials, speaking on condition of anonymity, said the talks had stalled. The minister said the talks went well.")
	f.mention(d, "Kenyan officials", model.Actor{Code: "KENGOV", Name: "Kenyan officials", Anonymous: true})
	got := kinds(f.run(), "anonymous-source")
	if len(got) != 1 || !strings.Contains(got[0].Summary, "on condition of anonymity") {
		t.Fatalf("want one anonymous-source finding, got %+v", got)
	}
	f = newFixture(t)
	f.doc("a", model.KindArticle, "The minister, speaking on the record, said the talks went well. Anonymity is a word.")
	if got := kinds(f.run(), "anonymous-source"); len(got) != 0 {
		t.Errorf("named source: want no finding, got %+v", got)
	}
	// A quote whose speaker is an unnamed source, with no phrase saying so.
	f = newFixture(t)
	d = f.doc("a", model.KindArticle, "A senior Kenyan official said the talks had stalled. The minister said the talks went well.")
	f.in.Analyses[d.ID].Quotes = []model.Quote{
		{ID: "q1", Speaker: "senior Kenyan official", Anonymous: true, Sources: []model.Span{f.span(d, "A senior Kenyan official")}, Contents: []model.Span{f.span(d, "the talks had stalled")}},
		{ID: "q2", Speaker: "", Sources: []model.Span{f.span(d, "The minister")}, Contents: []model.Span{f.span(d, "the talks went well")}},
	}
	if got := kinds(f.run(), "anonymous-source"); len(got) != 1 || got[0].Quotes[0] != "q1" || !strings.Contains(got[0].Summary, "“A senior Kenyan official”") {
		t.Errorf("unnamed speaker: got %+v", got)
	}
	// What an unnamed source did to an object ("endorsed the levy") is
	// an act, and what it is reported not to have said ("did not say") or
	// only supposed to have said ("even if … said") no saying: no claim
	// rests on it.
	for _, c := range []struct {
		text, source, content      string
		act, negated, hypothetical bool
	}{
		{"Two senior aides endorsed the harbour levy.", "Two senior aides", "the harbour levy", true, false, false},
		{"A senior Kenyan official did not say the talks had stalled.", "A senior Kenyan official", "the talks had stalled", false, true, false},
		{"Even if a senior Kenyan official said the talks had stalled, they went on.", "a senior Kenyan official", "the talks had stalled", false, false, true},
	} {
		f = newFixture(t)
		d = f.doc("a", model.KindArticle, c.text)
		f.in.Analyses[d.ID].Quotes = []model.Quote{
			{ID: "q1", Speaker: "unnamed", Anonymous: true, Act: c.act, Negated: c.negated, Hypothetical: c.hypothetical, Sources: []model.Span{f.span(d, c.source)}, Contents: []model.Span{f.span(d, c.content)}},
		}
		if got := kinds(f.run(), "anonymous-source"); len(got) != 0 {
			t.Errorf("%q: want no finding, got %+v", c.text, got)
		}
	}
	// Not wanting to speak on the record is asking not to be named; the
	// source is its words before the relative clause that says so.
	f = newFixture(t)
	d = f.doc("a", model.KindArticle, "“It was awful,” said one of two witnesses who relayed the story but didn’t want to speak on the record.")
	f.in.Analyses[d.ID].Quotes = []model.Quote{
		{ID: "q1", Anonymous: true, Direct: true, Sources: []model.Span{f.span(d, "one of two witnesses who relayed the story but didn’t want to speak on the record")}, Contents: []model.Span{f.span(d, "It was awful")}},
	}
	if got := kinds(f.run(), "anonymous-source"); len(got) != 1 || !strings.Contains(got[0].Summary, "rests on one of two witnesses (“didn’t want to speak on the record”)") {
		t.Errorf("a witness who did not want to speak on the record: got %+v", got)
	}
	// The source's words end with its name ("who told him …" is not the
	// source), and a pronoun is shown as the source it stands for.
	for _, c := range []struct{ text, source, speaker, want string }{
		{"He had a well-connected source who told him the talks had stalled.", "a well-connected source who told him the talks had stalled", "well-connected source", "“a well-connected source”"},
		{"They said the talks had stalled.", "They", "insiders", "“insiders”"},
	} {
		f = newFixture(t)
		d = f.doc("a", model.KindArticle, c.text)
		f.in.Analyses[d.ID].Quotes = []model.Quote{
			{ID: "q1", Speaker: c.speaker, Anonymous: true, Sources: []model.Span{f.span(d, c.source)}, Contents: []model.Span{f.span(d, "the talks had stalled")}},
		}
		if got := kinds(f.run(), "anonymous-source"); len(got) != 1 || !strings.Contains(got[0].Summary, c.want) {
			t.Errorf("%q: got %+v, want a summary with %s", c.text, got, c.want)
		}
	}
	// An unnamed source no actor dictionary knows, after "according to".
	f = newFixture(t)
	f.doc("a", model.KindArticle, "The mayor signed the letter on Monday, according to a city hall clerk who asked not to be named.")
	if got := kinds(f.run(), "anonymous-source"); len(got) != 1 || !strings.Contains(got[0].Summary, "rests on a city hall clerk (") {
		t.Errorf("according to an unnamed clerk: got %+v", got)
	}
	f = newFixture(t)
	f.doc("a", model.KindArticle, "A clerk who asked not to be named said the councillors had not seen the contract.")
	if got := kinds(f.run(), "anonymous-source"); len(got) != 1 || !strings.Contains(got[0].Summary, "rests on A clerk (") {
		t.Errorf("a clerk who asked not to be named: got %+v", got)
	}
	f = newFixture(t)
	f.doc("a", model.KindArticle, "The mayor, who asked not to be named in the dispute, said the road was closed.")
	if got := kinds(f.run(), "anonymous-source"); len(got) != 0 {
		t.Errorf("a named office-holder: want no finding, got %+v", got)
	}
	f = newFixture(t)
	f.doc("a", model.KindArticle, "The road is closed, according to Mayor Ann Ruiz, who asked not to be named in the dispute.")
	if got := kinds(f.run(), "anonymous-source"); len(got) != 0 {
		t.Errorf("according to a named person: want no finding, got %+v", got)
	}
}

func TestWeekdayMismatch(t *testing.T) {
	f := newFixture(t)
	d := f.doc("a", model.KindArticle, "Officials spoke on Friday 6 March 2020. They met again on Sunday 8 March 2020.")
	bad := f.timex(d, "Friday 6 March 2020", "2020-03-06", "")
	bad.Weekday, bad.WeekdayMismatch = "Friday", false // correct: 6 March 2020 was a Friday
	wrong := f.timex(d, "Sunday 8 March 2020", "2020-03-08", "")
	wrong.Weekday = "Sunday"
	got := kinds(f.run(), "weekday-mismatch")
	if len(got) != 0 {
		t.Fatalf("weekdays that fit: want no finding, got %+v", got)
	}
	wrong.Text, wrong.Weekday, wrong.WeekdayMismatch = "Sunday 8 March 2020", "Monday", true
	got = kinds(f.run(), "weekday-mismatch")
	if len(got) != 1 || !strings.Contains(got[0].Summary, "8 March 2020 was a Sunday, not a Monday") {
		t.Fatalf("want a weekday mismatch naming both readings, got %+v", got)
	}
	if !strings.Contains(got[0].Summary, "fell on a Monday in 2021") {
		t.Errorf("summary should say when the date was a Monday: %q", got[0].Summary)
	}
}

func TestQuoteFindings(t *testing.T) {
	f := newFixture(t)
	d := f.doc("a", model.KindArticle, "She said “we will act” and “we must wait”.")
	a := f.in.Analyses[d.ID]
	a.Quotes = []model.Quote{
		{ID: "q1", Speaker: "Ann", Direct: true, Verdict: model.VerdictAltered, SpeakerVerified: true, Diff: "we [-shall-] {+will+} act", Contents: []model.Span{f.span(d, "we will act")}},
		{ID: "q2", Speaker: "Ann", Direct: true, Verdict: model.VerdictNoRecord, Contents: []model.Span{f.span(d, "we must wait")}},
		{ID: "q3", Speaker: "Ann", Direct: true, Verdict: model.VerdictVerbatim, Contents: []model.Span{f.span(d, "we must wait")}},
	}
	fs := f.run()
	if got := kinds(fs, "altered-quote"); len(got) != 1 || !strings.Contains(got[0].Summary, "{+will+}") || got[0].Quotes[0] != "q1" {
		t.Errorf("altered: got %+v", got)
	}
	if got := kinds(fs, "unverified-quote"); len(got) != 1 || got[0].Quotes[0] != "q2" {
		t.Errorf("unverified: got %+v", got)
	}
	if len(fs) != 2 {
		t.Errorf("a verbatim quote must raise nothing; got %d findings", len(fs))
	}
}

func TestQuoteFindingNamesUnresolvedSpeakerInTheTextsWords(t *testing.T) {
	f := newFixture(t)
	d := f.doc("a", model.KindArticle, "The Norwegian foreign minister said aid would follow.")
	f.in.Analyses[d.ID].Quotes = []model.Quote{{ID: "q1", Verdict: model.VerdictNoRecord, SpeakerCode: "NORGOV",
		Sources: []model.Span{f.span(d, "The Norwegian foreign minister")}, Contents: []model.Span{f.span(d, "aid would follow")}}}
	got := kinds(f.run(), "unverified-quote")
	if len(got) != 1 || !strings.Contains(got[0].Summary, "reports the Norwegian foreign minister (") {
		t.Errorf("unverified: got %+v", got)
	}
}

func TestSingleSource(t *testing.T) {
	f := newFixture(t)
	f.doc("a", model.KindArticle, "x")
	f.doc("t", model.KindTranscript, "y")
	f.in.Timeline = []model.TimelineEntry{
		{ID: 1, Date: "2020-01-01", Summary: "one", Docs: []string{"a"}},
		{ID: 2, Date: "2020-01-02", Summary: "two", Docs: []string{"a", "t"}},
		{ID: 3, Date: "2020-01-03", Summary: "three", Docs: []string{"t"}},
	}
	got := kinds(f.run(), "single-source")
	if len(got) != 1 || got[0].Timeline[0] != 1 {
		t.Errorf("want a single-source finding for entry 1 only, got %+v", got)
	}
	// a period is dated by its whole span, a deadline by its day
	f.in.Timeline = []model.TimelineEntry{
		{ID: 1, Date: "1990", End: "1999", Kind: "period", Summary: "“in the 1990s”", Docs: []string{"a"}},
		{ID: 2, Date: "2030", Kind: "deadline", Summary: "cuts by 2030", Docs: []string{"a"}},
		{ID: 3, Date: "2013-06-04", PartOfDay: "afternoon", Summary: "a meeting", Docs: []string{"a"}},
	}
	got = kinds(f.run(), "single-source")
	if len(got) != 3 || !strings.Contains(got[0].Summary, "(1990 to 1999)") || !strings.Contains(got[1].Summary, "(by 2030)") ||
		!strings.Contains(got[2].Summary, "(2013-06-04, afternoon)") {
		t.Errorf("summaries: %+v", got)
	}
}

// TestSilentOnCounterExamples holds sentences that once raised findings
// the text does not support.
func TestSilentOnCounterExamples(t *testing.T) {
	t.Run("a named speaker not authorised to speak", func(t *testing.T) {
		f := newFixture(t)
		d := f.doc("a", model.KindArticle, "Foreign Minister Amina Diallo said on 5 June that she was not authorised to speak for the cabinet.")
		f.mention(d, "Amina Diallo", model.Actor{Code: "SENGOV", Name: "Amina Diallo", Person: true})
		if got := kinds(f.run(), "anonymous-source"); len(got) != 0 {
			t.Errorf("got %q", got[0].Summary)
		}
	})
	t.Run("a future or negated meeting", func(t *testing.T) {
		for _, mod := range []func(*model.Event){
			func(e *model.Event) { e.Future = true },
			func(e *model.Event) { e.Negated = true },
		} {
			f := newFixture(t)
			d := f.doc("a", model.KindArticle, "The mayor met the governor on 12 May, although no readout of the meeting was published.")
			mod(f.meeting(d, "The mayor", "met", "the governor"))
			f.timex(d, "12 May", "2021-05-12", "")
			if got := kinds(f.run(), "meeting-without-record"); len(got) != 0 {
				t.Errorf("got %q", got[0].Summary)
			}
		}
	})
	t.Run("a later sentence about another record", func(t *testing.T) {
		f := newFixture(t)
		d := f.doc("a", model.KindArticle, "The mayor met the governor on 12 May. The report on roads was not published until July.")
		f.meeting(d, "The mayor", "met", "the governor")
		f.timex(d, "12 May", "2021-05-12", "")
		if got := kinds(f.run(), "meeting-without-record"); len(got) != 0 {
			t.Errorf("got %q", got[0].Summary)
		}
	})
}

// TestSessionMatchesRun: checking one document at a time gives the same
// findings as checking the dossier at once.
func TestSessionMatchesRun(t *testing.T) {
	f := newFixture(t)
	a := f.doc("article", model.KindArticle, councilText+" The mayor met the governor on 12 May, although no readout of the meeting was published. Officials, speaking on condition of anonymity, said more.")
	f.timex(a, "the morning of 3 March", "2021-03-03", "morning")
	f.timex(a, "the afternoon of 3 March", "2021-03-03", "afternoon")
	f.timex(a, "12 May", "2021-05-12", "")
	f.meeting(a, "The mayor", "met", "the governor")
	f.mention(a, "Officials", model.Actor{Code: "USAGOV", Name: "Officials", Anonymous: true})
	councilActs(f)
	o := f.doc("other", model.KindArticle, "In Millbrook, the mayor approved the road contract on Monday.")
	f.act(o, "approve", "the mayor", "approved", "the road contract")
	tr := f.doc("record", model.KindTranscript, "MAYOR WHITFIELD: We met the governor today.")
	tr.Date = time.Date(2021, 5, 12, 0, 0, 0, 0, time.UTC)
	f.in.Timeline = []model.TimelineEntry{{ID: 1, Date: "2021-03-03", Summary: "x", Docs: []string{"article"}}}

	p, err := ParseProcedure("city.yaml", []byte(cityCouncil))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(data.Embedded(), []*Procedure{p})
	if err != nil {
		t.Fatal(err)
	}
	whole := c.Run(f.in)
	s := c.NewSession()
	for _, d := range f.in.Docs {
		s.Scan(d, f.in.Analyses[d.ID])
	}
	for _, d := range f.in.Docs {
		s.Check(d, f.in.Analyses[d.ID], f.in.Sentences[d.ID])
	}
	parts, err := s.Finish(f.in.Timeline)
	if err != nil {
		t.Fatal(err)
	}
	key := func(fs []model.Finding) []string {
		var out []string
		for _, f := range fs {
			out = append(out, f.Kind+": "+f.Summary)
		}
		sort.Strings(out)
		return out
	}
	if got, want := strings.Join(key(parts), "\n"), strings.Join(key(whole), "\n"); got != want {
		t.Errorf("session findings differ from the whole run:\nsession:\n%s\nwhole:\n%s", got, want)
	}
	if len(whole) < 4 {
		t.Errorf("the fixture should raise several kinds of finding, got %d: %v", len(whole), key(whole))
	}
}
