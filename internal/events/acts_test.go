package events

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dossier-project/dossier/internal/model"
)

// actMentions are the actors of the act tests, all invented; the people
// among them are persons.
var actMentions = []act{
	{"Governor Lena Horvath", "XYZGOV"}, {"Mayor Ines Varo", "XYZGOV"}, {"Ines Varo", "XYZGOV"},
	{"Chief Executive Aldo Brenn", "XYZBUS"}, {"Aldo Brenn", "XYZBUS"},
}

var actPersons = map[string]bool{"Governor Lena Horvath": true, "Mayor Ines Varo": true, "Ines Varo": true, "Chief Executive Aldo Brenn": true, "Aldo Brenn": true}

// actsOf codes the acts of the record of src, with the test's mentions
// and the coded events of coded (nil: none).
func actsOf(t *testing.T, src string, coded []model.Event) []model.Event {
	t.Helper()
	an, c := setup(t)
	td := an.Analyze(src)
	ms := mentionsOf(td, actMentions)
	for i := range ms {
		ms[i].Actor.Person = actPersons[ms[i].Text]
	}
	doc := &model.Document{ID: "0123456789abcdef0123", Text: src}
	return c.Acts(doc, td, ms, datesOf(src), coded)
}

// actDates are the temporal expressions of the act tests, as the timex
// tagger gives them to the pipeline.
var actDates = []string{"on Monday", "on Tuesday", "on Friday", "on 20 March", "next week", "the afternoon of 3 March", "6 May", "until midnight"}

func datesOf(src string) []model.Timex {
	var out []model.Timex
	for _, d := range actDates {
		if i := strings.Index(src, d); i >= 0 {
			out = append(out, model.Timex{Span: model.NewSpan(src, i, i+len(d)), Kind: "point"})
		}
	}
	return out
}

// actBrief renders an act as `KIND "who" trigger [flags] [<reporter's
// trigger]`.
func actBrief(e model.Event, all []model.Event) string {
	s := fmt.Sprintf("%s %q %s", e.Act, e.Source.Text, e.Trigger.Text)
	if e.Negated {
		s += " neg"
	}
	if e.Future {
		s += " fut"
	}
	if e.Hypothetical {
		s += " hyp"
	}
	for _, r := range all {
		if r.ID == e.ReportedBy {
			s += " <" + r.Trigger.Text
		}
	}
	return s
}

// TestActs: each kind of act, with who, flags and the announcement that
// reports it; and the sentences that must give none, or a flagged one.
func TestActs(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []string
		matters    []string // the matter of each act, in order; nil: not checked
	}{
		// announce: a clause that is an act, or an object
		{"announces a decision", "Governor Lena Horvath announced on Monday that the board had approved the merger.",
			[]string{`announce "Governor Lena Horvath" announced`, `approve "the board" approved <announced`},
			[]string{"that the board had approved the merger", "the merger"}},
		{"tells an audience", "Mayor Ines Varo told reporters that the council had adopted the budget.",
			[]string{`announce "Mayor Ines Varo" told`, `approve "the council" adopted <told`}, nil},
		{"unveils an object", "Chief Executive Aldo Brenn unveiled the acquisition on Friday.",
			[]string{`announce "Chief Executive Aldo Brenn" unveiled`}, []string{"the acquisition"}},
		{"a passive decision reported, no one named", "Mayor Ines Varo announced that the contract had been awarded.",
			[]string{`announce "Mayor Ines Varo" announced`, `approve "" awarded <announced`}, nil},
		{"announced by no one named: the approval stays a claim", "It was announced on Monday that the council had approved the budget.",
			[]string{`announce "" announced`, `approve "the council" approved <announced`}, nil},
		{"will propose to the council: a proposal, no act", "Mayor Ines Varo said on Monday that she will propose the budget to the council.", nil, nil},
		{"recommends: no announcement; the committee's approval is its own", "Governor Lena Horvath told reporters that she recommends a rate cut, which the committee approved on Tuesday.",
			[]string{`approve "the committee" approved`}, []string{"a rate cut"}},
		{"says nothing that is an act", "Mayor Ines Varo said the weather was fine.", nil, nil},
		{"a denied announcement", "Mayor Ines Varo denied that she had announced the contract.",
			[]string{`announce "she" announced hyp`}, nil},
		{"a denied decision", "Mayor Ines Varo said the council did not approve the contract.",
			[]string{`announce "Mayor Ines Varo" said`, `approve "the council" approve neg <said`}, nil},
		// decide, approve, endorse, vote
		{"did not approve", "The council did not approve the contract.", []string{`approve "The council" approve neg`}, []string{"the contract"}},
		{"decided to", "The council decided on Tuesday to close the library.", []string{`decide "The council" decided`}, []string{"to close the library"}},
		{"a passive approval by a body", "The budget was approved by the council on Monday.", []string{`approve "the council" approved`}, []string{"The budget"}},
		{"a passive approval by no one named", "The budget was approved on Monday.", nil, nil},
		{"endorsed", "The board endorsed the plan on Friday.", []string{`endorse "The board" endorsed`}, []string{"the plan"}},
		{"voted on", "The senate voted on the closure on 20 March.", []string{`vote "The senate" voted`}, []string{"the closure"}},
		{"will vote", "The council will vote on the budget next week.", []string{`vote "The council" vote fut`}, nil},
		{"recommended that the council adopt", "The mayor recommended that the council adopt the budget.", []string{`approve "the council" adopt hyp`}, nil},
		{"an agreement needs a matter and a body", "I agree.", nil, nil},
		{"a body agrees", "The ministers agreed new sanctions on Monday.", []string{`decide "The ministers" agreed`}, nil},
		{"agreeing that is an opinion", "Analysts agreed that the plan was top-heavy.", nil, nil},
		{"a body passes a law", "The senate passed the budget on Friday.", []string{`approve "The senate" passed`}, []string{"the budget"}},
		{"passing is not always a law", "The trains passed slowly.", nil, nil},
		{"a relative pronoun names no one", "The board, who approved the merger, met on Monday.", []string{`approve "The board" approved`, `meet "The board" met`}, nil},
		{"a question asserts nothing", "Did the council approve the contract?", nil, nil},
		// meet
		{"did not meet until", "The council did not meet until the afternoon of 3 March.", []string{`meet "The council" meet`}, nil},
		{"did not sit before a date", "The senate did not sit before 6 May.", []string{`meet "The senate" sit`}, nil},
		{"had not met before: no date, negated", "The council had not met before.", []string{`meet "The council" met neg`}, nil},
		{"one person sitting is no body's meeting", "Ines Varo sat on the bench.", nil, nil},
		{"a body sitting", "The senate sat until midnight.", []string{`meet "The senate" sat`}, nil},
		// who may meet, vote, agree or pass: a body or a group of its
		// members, not one person, the public, a pronoun nobody resolved
		// or a thing
		{"lawmakers vote", "Lawmakers voted on the closure on Tuesday.", []string{`vote "Lawmakers" voted`}, nil},
		{"voters vote for a candidate: no body's vote", "Voters will vote for Ines Varo next week.", nil, nil},
		{"we vote: no body's vote", "We vote for somebody.", nil, nil},
		{"one person sits at a figure in the polls", "The nominee sits at 85 percent in the polls.", nil, nil},
		{"meeting requirements is no sitting", "Most applicants must meet the requirements.", nil, nil},
		{"not meeting the demand", "The answers are not meeting the demand, Ines Varo says.", nil, nil},
		{"gathered around someone is no meeting", "Council members gathered around Ines Varo on Monday.", nil, nil},
		{"a committee gathers to discuss", "The committee gathered on Monday to discuss the budget.", []string{`meet "The committee" gathered`}, nil},
		{"one person's meeting with another is no body's", "After her meeting with the mayor, Ines Varo announced the contract.",
			[]string{`announce "Ines Varo" announced`}, nil},
		{"did not reconvene until the next day", "The council did not reconvene until the following day.", []string{`meet "The council" reconvene`}, nil},
		// (the vote is no claim of the announcement: "two days before"
		// says when it was, whether the parse hangs it as a complement
		// or as an adverbial clause)
		{"who voted, after a phrase of time", "Governor Lena Horvath announced the cut on 6 May, two days before the committee voted.",
			[]string{`announce "Governor Lena Horvath" announced`, `vote "the committee" voted`}, nil},
		{"resolving a problem is no decision", "How we resolve the dispute remains open.", nil, nil},
		{"a body resolves to act", "The council resolved on Monday to close the library.", []string{`decide "The council" resolved`}, nil},
		{"adopting with nothing adopted is no approval", "Parents who adopt get six weeks of leave.", nil, nil},
		{"saying that someone tells a story announces nothing", "Ines Varo said the museum would tell a story of hope.", nil, nil},
		// the order nouns: the unnamed vote, and whose it is
		{"before the vote in the senate", "Mayor Ines Varo announced the contract before the vote in the senate.",
			[]string{`announce "Mayor Ines Varo" announced`, `vote "the senate" vote`}, nil},
		{"the vote with no order word is no act", "The vote was close.", nil, nil},
		{"announced after the vote", "After the council voted, Mayor Ines Varo announced the contract.",
			[]string{`vote "the council" voted`, `announce "Mayor Ines Varo" announced`}, nil},
	} {
		evs := actsOf(t, c.text, nil)
		var got []string
		for _, e := range evs {
			got = append(got, actBrief(e, evs))
		}
		if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
			t.Errorf("%s: %s\n got %q\nwant %q\ntags %s", c.name, c.text, got, c.want, tagsOf(t, c.text))
			continue
		}
		for i, m := range c.matters {
			if evs[i].Matter == nil || evs[i].Matter.Text != m {
				t.Errorf("%s: matter of %s: got %v, want %q", c.name, evs[i].Trigger.Text, evs[i].Matter, m)
			}
		}
	}
}

// The acts' codes are CAMEO's where it has one, and none otherwise; their
// spans are the text's.
func TestActCodes(t *testing.T) {
	src := "Mayor Ines Varo announced that the council had met and approved the budget. The board endorsed the plan."
	evs := actsOf(t, src, nil)
	want := map[string][2]string{"announce": {"010", ""}, "meet": {"040", "CONSULT"}, "approve": {"", ""}, "endorse": {"051", "SUPPORT"}}
	if len(evs) != 4 {
		t.Fatalf("want 4 acts, got %q", briefsOfActs(evs))
	}
	for _, e := range evs {
		w, ok := want[e.Act]
		if !ok || e.CAMEO != w[0] || e.PLOVER != w[1] {
			t.Errorf("%s: CAMEO %q PLOVER %q, want %q", e.Act, e.CAMEO, e.PLOVER, w)
		}
		for _, sp := range []model.Span{e.Trigger, e.Source.Span, e.Sentence} {
			if err := sp.Check(src); err != nil && sp.End > sp.Start {
				t.Errorf("%s: %v", e.Act, err)
			}
		}
		if e.Matter != nil {
			if err := e.Matter.Check(src); err != nil {
				t.Errorf("%s matter: %v", e.Act, err)
			}
		}
	}
	// The announcement reports both coordinated acts.
	for _, e := range evs[1:3] {
		if e.ReportedBy != evs[0].ID {
			t.Errorf("%s: reported by %q, want %q", e.Act, e.ReportedBy, evs[0].ID)
		}
	}
}

func briefsOfActs(evs []model.Event) []string {
	var out []string
	for _, e := range evs {
		out = append(out, actBrief(e, evs))
	}
	return out
}

// A meeting the CAMEO coder coded is not coded again; one it coded as
// negated is, for "did not meet before 6 May" says it met then.
func TestActsLeaveCodedMeetings(t *testing.T) {
	src := "The council did not meet before 6 May."
	i := strings.Index(src, "meet")
	coded := []model.Event{{ID: "x-e1", Root: "04", CAMEO: "040", Trigger: model.Span{Start: i, End: i + 4, Text: "meet"}}}
	if evs := actsOf(t, src, coded); len(evs) != 0 {
		t.Errorf("a meeting coded as happened: want no act, got %q", briefsOfActs(evs))
	}
	coded[0].Negated = true
	evs := actsOf(t, src, coded)
	if len(evs) != 1 || evs[0].Negated || evs[0].ID != "0123456789ab-e2" {
		t.Errorf("a meeting coded as negated: want one act, not negated, numbered after the coded event; got %q %v", briefsOfActs(evs), evs)
	}
}

// Act patterns are read strictly: a wrong act, code, field or verb is
// one line naming the file and the line.
func TestLoadActsErrors(t *testing.T) {
	for _, c := range []struct{ yaml, want string }{
		{"acts:\n- id: a\n  act: promise\n  verbs: [promise]\n", "acts.yaml: line 2: act a: act must be one of announce, approve, decide, endorse, meet, vote"},
		{"acts:\n- id: a\n  act: vote\n  verbs: [vote]\n  cameo: X01\n", `line 2: act a: bad CAMEO code "X01"`},
		{"acts:\n- id: a\n  act: vote\n  verbs: [vote]\n  colour: red\n", `line 5: act: unknown field "colour"`},
		{"acts:\n- id: a\n  act: vote\n  verbs: [cast a ballot]\n", `verb "cast a ballot": one word per verb`},
		{"acts:\n- id: a\n  act: vote\n", "act a has no verbs or nouns"},
		{"acts:\n- act: vote\n  verbs: [vote]\n", "line 2: act without id"},
		{"acts:\n- id: a\n  act: vote\n  verbs: [vote]\n  object: subject\n", "object must be matter, addressee or none"},
		{"acts: {id: a}\n", "acts: want a list"},
		{"acts:\n- id: a\n  act: vote\n  verbs: [vote]\n  matter_from: [subject]\n", `matter_from: "subject" is not object, infinitive, clause or preposition`},
	} {
		_, err := LoadPatterns(fstest.MapFS{"acts.yaml": {Data: []byte(c.yaml)}}, "acts.yaml")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: got %v, want an error with %q", c.yaml, err, c.want)
		}
	}
}

// A user's act pattern of the same id replaces the shipped one: here
// "huddle" becomes a way of meeting.
func TestActsMerge(t *testing.T) {
	def, err := DefaultPatterns()
	if err != nil {
		t.Fatal(err)
	}
	user, err := LoadPatterns(fstest.MapFS{"mine.yaml": {Data: []byte("acts:\n- id: act-meet\n  act: meet\n  verbs: [huddle]\n  cameo: \"040\"\n  collective: true\n")}}, "mine.yaml")
	if err != nil {
		t.Fatal(err)
	}
	merged := def.Merge(user)
	n := 0
	for _, a := range merged.Acts() {
		if a.ID == "act-meet" {
			n++
			if strings.Join(a.Verbs, " ") != "huddle" || a.Source != "mine.yaml:2" {
				t.Errorf("act-meet: %+v", a)
			}
		}
	}
	if n != 1 || len(merged.Acts()) != len(def.Acts()) {
		t.Errorf("want the user's act-meet in place of the shipped one, got %d of %d", n, len(merged.Acts()))
	}
	an, _ := setup(t)
	src := "The council huddled on Monday. The council met on Tuesday."
	td := an.Analyze(src)
	evs := NewCoder(merged).Acts(&model.Document{ID: "0123456789abcdef0123", Text: src}, td, nil, nil, nil)
	if got := briefsOfActs(evs); strings.Join(got, "; ") != `meet "The council" huddled` {
		t.Errorf("got %q", got)
	}
	x := NewCoder(merged).Explain(evs[0])
	for _, w := range []string{"act       meet", "pattern   act-meet, defined at mine.yaml:2"} {
		if !strings.Contains(x, w) {
			t.Errorf("explanation lacks %q:\n%s", w, x)
		}
	}
}
