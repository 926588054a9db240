package checks

import (
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/model"
)

// randomActs makes announcements and acts of deciding bodies dated over
// a few months, some days with parts of day and some without (never both
// on one day), in several documents. odd adds dates that are not days.
func randomActs(rng *rand.Rand, p *Procedure, n int, odd bool) (anns, acts []act) {
	parts := map[string]bool{} // whether a day's acts have parts of day
	when := func() model.Timex {
		day := fmt.Sprintf("2021-%02d-%02d", 3+rng.IntN(3), 1+rng.IntN(28))
		t := model.Timex{Span: model.Span{Start: 10, End: 20, Text: "on the day"}, Kind: "point", Value: day, Granularity: "day"}
		if _, seen := parts[day]; !seen {
			parts[day] = rng.IntN(2) == 0
		}
		if parts[day] {
			t.PartOfDay = []string{"morning", "afternoon", "evening"}[rng.IntN(3)]
		}
		if odd && rng.IntN(10) == 0 {
			t.Value = []string{"XXXX-04-02", "2021-04-02T10:00", "XXXX-04-09"}[rng.IntN(3)]
			t.PartOfDay = ""
		}
		return t
	}
	for i := 0; i < n; i++ {
		doc := &model.Document{ID: fmt.Sprintf("doc%d", rng.IntN(n/3+1))}
		a := act{doc: doc, sentence: model.Span{Start: i, End: i + 40}, verb: model.Span{Start: i + 5, End: i + 9, Text: "met"},
			who: model.Span{Start: i, End: i + 4, Text: fmt.Sprint("Official ", i)}, when: when()}
		if rng.IntN(2) == 0 {
			a.verb.Text, a.body = "confirmed", &p.Bodies[1]
			anns = append(anns, a)
		} else {
			a.body = &p.Bodies[0]
			acts = append(acts, a)
		}
	}
	return anns, acts
}

// TestAnnouncedWindowMatchesAllAtOnce: announcements and acts written out
// in runs of a few and compared a few weeks at a time give the findings,
// in the same order with the same evidence, of comparing all of them at
// once; dates that are not days are compared all at once, as before. The
// runs are removed.
func TestAnnouncedWindowMatchesAllAtOnce(t *testing.T) {
	p, err := ParseProcedure("city.yaml", []byte(cityCouncil))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(data.Embedded(), []*Procedure{p})
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(11, 12))
	found := 0
	for trial := 0; trial < 120; trial++ {
		anns, acts := randomActs(rng, p, 2+rng.IntN(120), trial%4 == 3)
		want := c.announcedEarly(p, append([]act(nil), anns...), append([]act(nil), acts...))
		dir := t.TempDir()
		s := c.NewSession()
		s.Runs = &Runs{Dir: dir, Acts: 4 + rng.IntN(40)}
		// Gathered a few at a time, as documents come.
		for i, j := 0, 0; i < len(anns) || j < len(acts); {
			ni, nj := min(len(anns), i+rng.IntN(4)), min(len(acts), j+rng.IntN(4))
			if err := s.gatherRuns(p, anns[i:ni], acts[j:nj]); err != nil {
				t.Fatal(err)
			}
			i, j = ni, nj
		}
		if r := s.runs[p]; len(anns)+len(acts) > 2*s.Runs.Acts && r.anns.sorted == nil && r.acts.sorted == nil {
			t.Fatalf("trial %d: %d records and nothing written out", trial, len(anns)+len(acts))
		}
		got, err := c.announcedWindow(p, s.runs[p])
		if err != nil {
			t.Fatal(err)
		}
		if len(want) == 0 && len(got) == 0 {
			continue
		}
		found += len(want)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("trial %d: %d findings, want %d:\n%v\nwant\n%v", trial, len(got), len(want), summariesOf(got), summariesOf(want))
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if left, _ := os.ReadDir(dir); len(left) != 0 {
			t.Fatalf("trial %d: %d runs left", trial, len(left))
		}
	}
	if found < 50 {
		t.Errorf("only %d findings in all trials: the test tests little", found)
	}
}

func summariesOf(fs []model.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %v", f.Summary, f.Evidence))
	}
	return out
}

// TestSessionWithRunsMatchesRun: a session that writes its announcements
// and acts out in runs finds what one that holds them finds.
func TestSessionWithRunsMatchesRun(t *testing.T) {
	f := newFixture(t)
	a := f.doc("article", model.KindArticle, councilText)
	f.timex(a, "the morning of 3 March", "2021-03-03", "morning")
	f.timex(a, "the afternoon of 3 March", "2021-03-03", "afternoon")
	councilActs(f)
	p, err := ParseProcedure("city.yaml", []byte(cityCouncil))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(data.Embedded(), []*Procedure{p})
	if err != nil {
		t.Fatal(err)
	}
	var results [2][]model.Finding
	for i, runs := range []*Runs{nil, {Dir: t.TempDir(), Acts: 1}} {
		s := c.NewSession()
		s.Runs = runs
		for _, d := range f.in.Docs {
			s.Scan(d, f.in.Analyses[d.ID])
		}
		for _, d := range f.in.Docs {
			s.Check(d, f.in.Analyses[d.ID], f.in.Sentences[d.ID])
		}
		if results[i], err = s.Finish(nil); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if len(kinds(results[0], "announced-before-decision")) != 1 {
		t.Fatalf("the fixture gives no announced-before-decision finding: %v", summariesOf(results[0]))
	}
	if !reflect.DeepEqual(results[1], results[0]) {
		t.Errorf("with runs:\n%v\nwithout:\n%v", summariesOf(results[1]), summariesOf(results[0]))
	}
}

// TestAnnouncedWindowEdges: acts exactly maxDecisionGap days before or
// after an announcement are in its window; a day more is not.
func TestAnnouncedWindowEdges(t *testing.T) {
	p, err := ParseProcedure("city.yaml", []byte(cityCouncil))
	if err != nil {
		t.Fatal(err)
	}
	c, err := New(data.Embedded(), []*Procedure{p})
	if err != nil {
		t.Fatal(err)
	}
	at := func(day string, body *Body, verb string) act {
		return act{doc: &model.Document{ID: "d"}, sentence: model.Span{Start: 0, End: 10}, verb: model.Span{Text: verb},
			who: model.Span{Text: "The mayor"}, when: model.Timex{Kind: "point", Value: day, Granularity: "day"}, body: body}
	}
	ann := at("2021-04-15", &p.Bodies[1], "confirmed")
	for _, tc := range []struct {
		acts     []string
		findings int
	}{
		{[]string{dayAfter("2021-04-15", maxDecisionGap)}, 1},
		{[]string{dayAfter("2021-04-15", maxDecisionGap+1)}, 0},
		{[]string{dayAfter("2021-04-15", -maxDecisionGap), dayAfter("2021-04-15", 3)}, 0}, // met before: nothing early
		{[]string{dayAfter("2021-04-15", -maxDecisionGap-1), dayAfter("2021-04-15", 3)}, 1},
	} {
		var acts []act
		for _, d := range tc.acts {
			acts = append(acts, at(d, &p.Bodies[0], "met"))
		}
		want := c.announcedEarly(p, []act{ann}, append([]act(nil), acts...))
		s := c.NewSession()
		s.Runs = &Runs{Dir: t.TempDir(), Acts: 1}
		if err := s.gatherRuns(p, []act{ann}, acts); err != nil {
			t.Fatal(err)
		}
		got, err := c.announcedWindow(p, s.runs[p])
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
		if len(want) != tc.findings {
			t.Fatalf("acts on %v: all at once gives %d findings, want %d", tc.acts, len(want), tc.findings)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("acts on %v: window gives %v, want %v", tc.acts, summariesOf(got), summariesOf(want))
		}
	}
}

func dayAfter(d string, n int) string {
	t, err := time.Parse("2006-01-02", d)
	if err != nil {
		panic(err)
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}
