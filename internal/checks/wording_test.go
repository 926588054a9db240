package checks_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/checks"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/pipeline"
)

// The wording of announcements, decisions and meetings, through the whole
// analysis: the text is analysed by the pipeline (parse, mentions, dates,
// events and acts of the record) and checked against an invented city's
// procedure. These were the checks' phrase tests; the phrases are gone,
// and the same sentences must give the same answers from the events.

const millbrook = `institution: Millbrook
bodies:
  - name: City Council
    aliases: [the council, councillors]
    decides: [budget, contract, ordinance, decision]
    by: majority vote
    publishes: [minutes]
  - name: Mayor
    aliases: [the mayor]
    speaks_for: true
`

var (
	wordingOnce sync.Once
	wordingPipe *pipeline.Pipeline
	wordingErr  error
)

// decisionFindings analyses text as an article of date and returns the
// findings of kind against the procedure proc.
func decisionFindings(t *testing.T, proc, text, date, kind string) []model.Finding {
	t.Helper()
	wordingOnce.Do(func() { wordingPipe, wordingErr = pipeline.New(pipeline.Options{}) })
	if wordingErr != nil {
		t.Fatal(wordingErr)
	}
	d, err := time.Parse("2006-01-02", date)
	if err != nil {
		t.Fatal(err)
	}
	doc := &model.Document{ID: "a1b2c3d4e5f6a1b2c3d4", Kind: model.KindArticle, Text: text, Date: d, Path: "a.txt"}
	a, err := wordingPipe.Document(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := checks.ParseProcedure("millbrook.yaml", []byte(proc))
	if err != nil {
		t.Fatal(err)
	}
	c, err := checks.New(data.Embedded(), []*checks.Procedure{p})
	if err != nil {
		t.Fatal(err)
	}
	var out []model.Finding
	for _, f := range c.Run(&checks.Input{Docs: []*model.Document{doc}, Analyses: map[string]*model.Analysis{doc.ID: a}}) {
		if f.Kind == kind {
			out = append(out, f)
		}
	}
	return out
}

func TestWordingAnnouncedBeforeDecision(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses each text with the whole pipeline")
	}
	const first = "On the morning of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. " +
		"The council did not vote until the afternoon of 3 March. Residents welcomed the news."
	for _, c := range []struct {
		name, text string
		want       []string // words of the one finding; nil: none
	}{
		{"announced in the morning, voted in the afternoon", first,
			[]string{"Mayor Whitfield announced", "the morning of 3 March 2021", "City Council", "voted only on the afternoon of 3 March 2021", "earlier the same day"}},
		{"the month May is no modal", strings.ReplaceAll(first, "3 March", "3 May"), []string{"the morning of 3 May 2021", "the afternoon of 3 May 2021"}},
		{"days earlier", "On 1 March, Mayor Whitfield announced that the council had approved the contract. The council met on 4 March.", []string{"3 days earlier"}},
		{"the order stated in May", "In Millbrook, Mayor Whitfield announced the contract on Friday 7 May, four days before the council voted.",
			[]string{"Mayor Whitfield announced the contract on 7 May 2021", "“four days before the council voted”"}},
		{"announced after the vote", "On the evening of 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. The council did not vote until the afternoon of 3 March.", nil},
		{"same day, part of day unknown for one", "On 3 March, Mayor Whitfield announced that the council had approved the new bridge contract. The council voted on the afternoon of 3 March.", nil},
		{"the meeting is months later and about something else", "On 3 March, Mayor Whitfield announced that the council had approved the contract. The council met on 9 November.", nil},
		{"the deciding body announces its own decision", "In Millbrook, on the morning of 3 March the council announced that it had approved the contract. The council met again on the afternoon of 3 March.", nil},
		{"no decision is announced", "On the morning of 3 March, Mayor Whitfield announced a new park. The council voted on the afternoon of 3 March.", nil},
		{"the body had decided before the announcement", "In Millbrook: The council met on 1 March and approved the bridge contract. On 2 March, Mayor Whitfield confirmed that the council had approved the contract. The council meets again on 4 March to discuss the budget.", nil},
		{"a decision still expected", "In Millbrook, on 2 March, Mayor Whitfield said that a council decision on the contract was still expected. The council voted on 4 March.", nil},
		{"a proposal to the council", "In Millbrook, on the morning of 3 March, Mayor Whitfield announced that she will propose the bridge contract to the council. The council voted on the afternoon of 3 March.", nil},
		{"a recommendation", "In Millbrook, on the morning of 3 March, Mayor Whitfield said that she recommends the bridge contract, which the council approved. The council voted on the afternoon of 3 March.", nil},
		{"a decision denied", "In Millbrook, on the morning of 3 March, Mayor Whitfield said that the council did not approve the bridge contract. The council voted on the afternoon of 3 March.", nil},
		{"a generic alias inside a longer name", "In Millbrook, on the morning of 3 March, the mayor announced that the council had approved the contract. The Council of Europe met on the afternoon of 3 March.", nil},
	} {
		got := decisionFindings(t, millbrook, c.text, "2021-06-10", "announced-before-decision")
		if c.want == nil {
			if len(got) != 0 {
				t.Errorf("%s: want no finding, got %q", c.name, got[0].Summary)
			}
			continue
		}
		if len(got) != 1 {
			t.Errorf("%s: want one finding, got %d: %+v", c.name, len(got), got)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(got[0].Summary, w) {
				t.Errorf("%s: summary %q lacks %q", c.name, got[0].Summary, w)
			}
		}
	}
}

// Sentences that once raised the stated order, and must not.
func TestWordingStatedOrderSilent(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses each text with the whole pipeline")
	}
	for _, text := range []string{
		"In Millbrook, Mayor Whitfield announced the contract after the council voted.",
		"In Millbrook, Mayor Whitfield announced his resignation before the council met.",
		"In Millbrook, Mayor Whitfield announced the contract before the council will meet.",
		"In Millbrook, Mayor Whitfield did not announce the contract before the council voted.",
		"In Millbrook, the council announced the contract before the council met again.",
		"In Millbrook, Mayor Whitfield announced the contract before the summit, where the council met.",
		"In Millbrook, Mayor Whitfield announced the contract before the council had not even met.",
		"In Millbrook, Mayor Whitfield denied that he had announced the contract two days before the council voted.",
		"In Millbrook, critics claimed that the mayor would have announced the contract before the council voted.",
		"In Millbrook, the mayor would have announced the contract before the council voted.",
	} {
		if got := decisionFindings(t, millbrook, text, "2024-06-10", "announced-before-decision"); len(got) != 0 {
			t.Errorf("%s\n want no finding, got %q", text, got[0].Summary)
		}
	}
}

func TestWordingDecisionByWrongBody(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses each text with the whole pipeline")
	}
	got := decisionFindings(t, millbrook, "In Millbrook, the mayor approved the bridge contract on Monday. Residents were surprised.", "2021-06-10", "decision-by-wrong-body")
	if len(got) != 1 || !strings.Contains(got[0].Summary, "the Mayor approved") || !strings.Contains(got[0].Summary, "City Council") {
		t.Fatalf("want one decision-by-wrong-body finding naming the City Council, got %+v", got)
	}
	for _, silent := range []string{
		"In Millbrook, the mayor said the council approved the bridge contract.",
		"In Millbrook, the mayor did not approve the contract; the council did.",
		"In Millbrook, the mayor welcomed the contract that the council approved.",
		"In Millbrook, the mayor decided last year to freeze hiring at city hall.",
		"In Millbrook, the mayor will propose the bridge contract to the council.",
	} {
		if got := decisionFindings(t, millbrook, silent, "2021-06-10", "decision-by-wrong-body"); len(got) != 0 {
			t.Errorf("%q: want no finding, got %q", silent, got[0].Summary)
		}
	}
}
