package people

import (
	"testing"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/quotes"
	"github.com/dossier-project/dossier/internal/text"
)

// The "I" of a transcript turn is its speaker, whether or not the speaker
// has a code (a candidate, a moderator); the "I" of an article's quote is
// its speaker only when coded, as before.
func TestFirstPersonOfTurns(t *testing.T) {
	fp, an := firstPersonSetup(t)
	src := "I will build the ferry."
	for _, tc := range []struct {
		kind model.Kind
		rule string
		want string
	}{
		{model.KindTranscript, quotes.RuleTranscriptTurn, "Ana Varga"},
		{model.KindArticle, "direct-cue", ""},
	} {
		doc := &model.Document{Text: src, Kind: tc.kind}
		td := an.Analyze(src)
		q := model.Quote{ID: "q1", Speaker: "Ana Varga", Direct: true, Rule: tc.rule,
			Contents: []model.Span{model.NewSpan(src, 0, len(src))}}
		got := ""
		for _, m := range fp.Mentions(doc, td, []model.Quote{q}, nil) {
			if m.Text == "I" {
				got = m.Actor.Name
			}
		}
		if got != tc.want {
			t.Errorf("%s quote by %s: I is %q, want %q", tc.kind, tc.rule, got, tc.want)
		}
	}
}

// Inside a turn, the words the speaker reports of someone else are not
// the speaker's: a first person inside quotation marks, or in a clause a
// verb of reporting with another subject reports ("he said we would
// win"), is no mention of the speaker; "I said we would win" is, and so
// are the reporting verb's own participants ("Okafor told me").
func TestFirstPersonReportedInTurns(t *testing.T) {
	fp, an := firstPersonSetup(t)
	for _, tc := range []struct {
		src  string
		want int // first-person mentions of the speaker
	}{
		{"I said we would win.", 2},
		{"Okafor said we would win.", 0},
		{"The chief said, quote, \u201cWe are asking too much.\u201d", 0},
		{"We are asking too much, I think.", 2},
		{"Okafor told me we would win.", 1},
		{"My opponent says the plan will fail.", 1},
	} {
		doc := &model.Document{Text: tc.src, Kind: model.KindTranscript}
		q := model.Quote{ID: "q1", Speaker: "Ana Varga", Direct: true, Rule: quotes.RuleTranscriptTurn,
			Contents: []model.Span{model.NewSpan(tc.src, 0, len(tc.src))}}
		got := 0
		for _, m := range fp.Mentions(doc, an.Analyze(tc.src), []model.Quote{q}, nil) {
			if m.Pronominal() {
				got++
			}
		}
		if got != tc.want {
			t.Errorf("%q: %d first-person mentions of the speaker, want %d", tc.src, got, tc.want)
		}
	}
}

// The "I" of a turn is the person its label's mention resolves to, named
// as the rest of the document names them, with their code: the header's
// "Donald J. Trump", labelled TRUMP, is the dictionary's "Donald Trump".
func TestFirstPersonOfTurnIsTheLabelsPerson(t *testing.T) {
	fp, an := firstPersonSetup(t)
	src := "VASKO: I will build the ferry."
	doc := &model.Document{Text: src, Kind: model.KindTranscript}
	label := model.NewSpan(src, 0, 5)
	q := model.Quote{ID: "q1", Speaker: "Teodor J. Vasko", Direct: true, Rule: quotes.RuleTranscriptTurn,
		Sources: []model.Span{label}, Contents: []model.Span{model.NewSpan(src, 7, len(src))}}
	ms := []model.Mention{{Span: label, Actor: model.Actor{Name: "Teodor Vasko", Code: "KELGOV", Person: true}}}
	var got model.Actor
	for _, m := range fp.Mentions(doc, an.Analyze(src), []model.Quote{q}, ms) {
		if m.Text == "I" {
			got = m.Actor
		}
	}
	if got.Name != "Teodor Vasko" || got.Code != "KELGOV" {
		t.Errorf("I is %+v, want Teodor Vasko, KELGOV", got)
	}
}

// firstPersonSetup loads the shipped first-person words and a text layer.
func firstPersonSetup(t *testing.T) (*FirstPersonWords, *text.Analyzer) {
	t.Helper()
	fp, err := LoadFirstPerson(data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	an, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	return fp, an
}

// Named institutions that share a code are records of their own: CNN and
// Fox News are both USAMED, and are two records, not one.
func TestInstitutionsOfOneCode(t *testing.T) {
	if institutionRule != "dict:"+actors.Actor.String() {
		t.Fatalf("institutionRule %q is not the mentions stage's rule for an institution", institutionRule)
	}
	c := NewCollector(nil, nil)
	doc := &model.Document{ID: "d", Text: "CNN and Fox News reported it."}
	c.Add(doc, &model.Analysis{Mentions: []model.Mention{
		{Span: model.NewSpan(doc.Text, 0, 3), Actor: model.Actor{Code: "USAMED", Name: "CNN"}, Rule: institutionRule},
		{Span: model.NewSpan(doc.Text, 8, 16), Actor: model.Actor{Code: "USAMED", Name: "Fox News"}, Rule: institutionRule},
	}})
	recs := c.List()
	if len(recs) != 2 {
		t.Fatalf("%d records, want 2: %+v", len(recs), recs)
	}
}
