package docdate

import (
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

// An invented dictionary: offices and the people who held them.
const roles = `roles:
  - role: President
    phrases: [president, President-elect]
    agent: GOV
  - role: Prime Minister
    phrases: [Premier]
    agent: GOV
  - role: Finance Minister
    phrases: [Minister of Finance]
    agent: GOV
  - role: Secretary-General
    phrases: [Secretary General]
    agent: GOV
`

const people = `people:
  - name: "Amara Okafor"
    tenures:
      - {code: CRVGOV, role: "Finance Minister", from: "2014-01-10", to: "2016-08-31"}
      - {code: CRVGOV, role: "President", from: "2019-05-29", to: "2023-05-29"}
  - name: "Lars Holm"
    tenures:
      - {code: IGOUNO, role: "Secretary-General", from: "2015-03-01", to: "2020-02-28"}
  - name: "Ines Varga"
    tenures:
      - {code: VRNGOV, role: "Prime Minister", from: "2010-02-01", to: "2012-06-30"}
      - {code: VRNGOV, role: "Prime Minister", from: "2016-03-01", to: "2018-11-30"}
  - name: "Tomas Brel"
    tenures:
      - {code: VRNGOV, role: "President", from: "2021-04-01"}
  - name: "Pavel Dunn"
    tenures:
      - {code: CRVGOV, role: "President", from: "2011-05-29", to: "2019-05-29"}
`

func inferrer(t *testing.T) *Inferrer {
	t.Helper()
	dict, err := actors.Load(fstest.MapFS{"roles.yaml": {Data: []byte(roles)}, "people.yaml": {Data: []byte(people)}}, "roles.yaml", "people.yaml")
	if err != nil {
		t.Fatal(err)
	}
	inf, err := New(dict, data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	return inf
}

var (
	layerOnce sync.Once
	layer     *text.Analyzer
	tagger    *timex.Tagger
	layerErr  error
)

// input builds inference input from src as the pipeline does: the text
// layer's analysis, people found by name, and temporal expressions with
// no reference date.
func input(t *testing.T, src string, names ...string) Input {
	t.Helper()
	layerOnce.Do(func() {
		if layer, layerErr = text.New(); layerErr == nil {
			tagger, layerErr = timex.New()
		}
	})
	if layerErr != nil {
		t.Fatal(layerErr)
	}
	doc := layer.Analyze(src)
	in := Input{Doc: doc, Timexes: tagger.Find(doc, time.Time{})}
	for _, n := range names {
		for from := 0; ; {
			i := strings.Index(src[from:], n)
			if i < 0 {
				break
			}
			i += from
			in.People = append(in.People, model.Mention{Span: model.NewSpan(src, i, i+len(n)), Actor: model.Actor{Name: n, Person: true}})
			from = i + len(n)
		}
	}
	return in
}

func day(s string) time.Time {
	d, _ := time.Parse("2006-01-02", s)
	return d
}

func span(r Result) string {
	return r.From.Format("2006-01-02") + ".." + r.To.Format("2006-01-02")
}

func TestTitleHeldNow(t *testing.T) {
	for _, c := range []struct {
		text, name, want string
	}{
		{"President Amara Okafor said on Tuesday that the port would reopen.", "Amara Okafor", "2019-05-29..2023-05-29"},
		{"The talks were led by Corvale's Minister of Finance, Ms. Amara Okafor, and the bankers.", "Amara Okafor", "2014-01-10..2016-08-31"},
		{"Lars Holm, the Secretary-General, opened the session.", "Lars Holm", "2015-03-01..2020-02-28"},
	} {
		res, ok := inferrer(t).Infer(input(t, c.text, c.name))
		if !ok {
			t.Errorf("%q: no date (%s)", c.text, res.Reason)
			continue
		}
		if span(res) != c.want {
			t.Errorf("%q: %s, want %s", c.text, span(res), c.want)
		}
		if !strings.Contains(res.Reason, c.name) {
			t.Errorf("%q: reason %q does not name %s", c.text, res.Reason, c.name)
		}
	}
}

func TestTitleNotHeldNow(t *testing.T) {
	for _, src := range []string{
		"Former President Amara Okafor said on Tuesday that the port would reopen.",
		"The late President Amara Okafor opened the port.",
		"The bridge was opened by then-President Amara Okafor.",
		"The bridge was opened by ex-President Amara Okafor.",
		"President-elect Amara Okafor met the bankers.",
		"Voters fear a President Amara Okafor would close the port.",
		"Imagine President Amara Okafor at the summit.",
		"If Amara Okafor were President, the port would close.",
		"Bankers dread the prospect of an Okafor presidency.",
		"President Amara Okafor kept the port open for the rest of her presidency.",
		"In 2020, President Amara Okafor opened the port.",
		// Once spoken of as out of office, never evidence.
		"Former President Amara Okafor spoke first. President Amara Okafor said the port would reopen.",
		// "presidential" is not a title.
		"The presidential candidate Amara Okafor spoke first.",
		// two holders of one office: one of them is spoken of as of
		// another time
		"Years after President Pavel Dunn signed the law, President Amara Okafor repealed it.",
		// an office after a comma that opens the next name is that
		// name's title
		"Asked about the challenger Amara Okafor, President Tomas Brel said the port would reopen.",
	} {
		names := []string{"Amara Okafor"}
		if strings.Contains(src, "Okafor presidency") {
			names = []string{"Okafor"}
		}
		if strings.Contains(src, "Pavel Dunn") {
			names = append(names, "Pavel Dunn")
		}
		if res, ok := inferrer(t).Infer(input(t, src, names...)); ok {
			t.Errorf("%q: inferred %s (%s); the text does not say she holds the office now", src, span(res), res.Reason)
		} else if !strings.HasPrefix(res.Reason, "date unknown") {
			t.Errorf("%q: no reason for the unknown date: %q", src, res.Reason)
		}
	}
}

func TestCluesMustAgree(t *testing.T) {
	// The two offices overlap from 29 May 2019 to 28 February 2020.
	src := "President Amara Okafor met Secretary-General Lars Holm on Tuesday."
	res, ok := inferrer(t).Infer(input(t, src, "Amara Okafor", "Lars Holm"))
	if !ok || span(res) != "2019-05-29..2020-02-28" {
		t.Errorf("agreeing offices: %s %v (%s), want 2019-05-29..2020-02-28", span(res), ok, res.Reason)
	}
	// A past year after her term disagrees with her title: unknown, and
	// the reason names both.
	src = "President Amara Okafor met the bankers. The port of Corvale was sold in 2025."
	res, ok = inferrer(t).Infer(input(t, src, "Amara Okafor"))
	if ok {
		t.Fatalf("disagreeing clues gave %s (%s)", span(res), res.Reason)
	}
	for _, w := range []string{"disagree", "Amara Okafor", "2025"} {
		if !strings.Contains(res.Reason, w) {
			t.Errorf("reason %q lacks %q", res.Reason, w)
		}
	}
}

func TestSeveralTenuresInOneOffice(t *testing.T) {
	src := "Prime Minister Ines Varga met the bankers."
	res, ok := inferrer(t).Infer(input(t, src, "Ines Varga"))
	if ok || !strings.Contains(res.Reason, "more than one period") {
		t.Errorf("two terms alone: %s %v (%s), want unknown: more than one period", span(res), ok, res.Reason)
	}
	src = "Prime Minister Ines Varga met the bankers. The mill of Varnow had closed in 2015."
	res, ok = inferrer(t).Infer(input(t, src, "Ines Varga"))
	if !ok || span(res) != "2016-03-01..2018-11-30" {
		t.Errorf("second term chosen by a past year: %s %v (%s)", span(res), ok, res.Reason)
	}
}

func TestOpenTenureLeavesRangeOpen(t *testing.T) {
	res, ok := inferrer(t).Infer(input(t, "President Tomas Brel opened the bridge.", "Tomas Brel"))
	if ok || !strings.Contains(res.Reason, "open") {
		t.Errorf("open tenure: %s %v (%s), want unknown: open", span(res), ok, res.Reason)
	}
}

func TestYearlessDatesNarrowTheRange(t *testing.T) {
	src := "Finance Minister Amara Okafor met Secretary-General Lars Holm on 12 March. The two sides will report back by the end of April."
	res, ok := inferrer(t).Infer(input(t, src, "Amara Okafor", "Lars Holm"))
	if !ok {
		t.Fatalf("no date inferred: %s", res.Reason)
	}
	// Tenures overlap from 2015-03-01 to 2016-08-31; 12 March falls in
	// 2015 and 2016 within that, so it does not choose a year alone.
	if span(res) != "2015-03-01..2016-08-31" {
		t.Errorf("range = %s, want 2015-03-01..2016-08-31", span(res))
	}
	for _, want := range []string{"Amara Okafor", "Finance Minister", "Lars Holm"} {
		if !strings.Contains(res.Reason, want) {
			t.Errorf("reason %q lacks %q", res.Reason, want)
		}
	}
}

func TestNamedEventAndDeadline(t *testing.T) {
	src := "At the Cannes summit last year, leaders pledged support. On 3 May the minister met bankers. Officials will report back by the end of June."
	res, ok := inferrer(t).Infer(input(t, src))
	if !ok {
		t.Fatalf("no date inferred: %s", res.Reason)
	}
	if !res.From.Equal(day("2012-05-03")) || !res.To.Equal(day("2012-06-30")) {
		t.Errorf("range = %s, want 2012-05-03..2012-06-30 (after 3 May, before the end of June, in 2012)", span(res))
	}
	if !strings.Contains(res.Reason, "Cannes") || !strings.Contains(res.Reason, "3 May") {
		t.Errorf("reason %q should name the summit and the latest past date", res.Reason)
	}
	// Cannes (2011) + last year = 2012, outside her tenure as Finance
	// Minister: the clues disagree and the date is unknown.
	src = "Finance Minister Amara Okafor spoke. At the Cannes summit last year, leaders had pledged support."
	if res, ok := inferrer(t).Infer(input(t, src, "Amara Okafor")); ok {
		t.Errorf("a contradicting clue gave %s (%s)", span(res), res.Reason)
	}
}

func TestYearsThatAreNoLowerBound(t *testing.T) {
	for _, src := range []string{
		// 2019 is still to come.
		"Secretary-General Lars Holm spoke. The mill of Varnow is facing a vote in 2019.",
		// A model year names no year of the past.
		"Secretary-General Lars Holm spoke. The 2019 tractor of Varnow was made in Corvale.",
	} {
		res, ok := inferrer(t).Infer(input(t, src, "Lars Holm"))
		if !ok || span(res) != "2015-03-01..2020-02-28" {
			t.Errorf("%q: %s %v (%s), want the tenure alone", src, span(res), ok, res.Reason)
		}
	}
}

func TestNoEvidenceNoDate(t *testing.T) {
	cases := []struct {
		text   string
		people []string
	}{
		{"The minister met bankers on 3 May. Talks will go on.", nil},
		{"Amara Okafor spoke to bankers on 3 May.", []string{"Amara Okafor"}}, // named without her office
	}
	for _, c := range cases {
		res, ok := inferrer(t).Infer(input(t, c.text, c.people...))
		if ok {
			t.Errorf("%q: inferred %s (%s) without evidence", c.text, span(res), res.Reason)
		} else if !strings.Contains(res.Reason, "date unknown") {
			t.Errorf("%q: reason %q", c.text, res.Reason)
		}
	}
}

// FuzzInfer: inference never panics, on any text with the expressions
// the tagger finds in it, and what it infers is a range that does not end
// before it starts, with evidence that round-trips to the text.
func FuzzInfer(f *testing.F) {
	for _, s := range []string{
		"Finance Minister Amara Okafor met UN Secretary-General Lars Holm on 12 March. The two sides will report back by the end of April.",
		"The Cannes summit last year agreed. In 2011 the council met on Monday 4 June. It will meet again next year.",
		"President Amara Okafor said on 29 February that 2021 and 2022 were hard. By 31 April?",
	} {
		f.Add(s)
	}
	inf := inferrer(&testing.T{})
	f.Fuzz(func(t *testing.T, text string) {
		in := input(t, text, "Amara Okafor", "Lars Holm")
		res, ok := inf.Infer(in)
		if !ok {
			return
		}
		if res.To.Before(res.From) || res.Reason == "" {
			t.Fatalf("inferred %s to %s (%q)", res.From, res.To, res.Reason)
		}
		for _, e := range res.Evidence {
			if err := e.Check(text); err != nil {
				t.Fatalf("evidence: %v", err)
			}
		}
	})
}

// TestPastOfficeNoClue: a text that speaks of an office as held in the
// past, by someone it does not name or in a capacity, is not dated by
// anyone it calls by that office; nor is a text that names a year after
// the range its titles allow.
func TestPastOfficeNoClue(t *testing.T) {
	for _, c := range []struct{ text, name string }{
		// an unnamed former holder may be the one named
		{"Secretary-General Lars Holm spoke in Varnow. The former secretary general told a crowd that the mill was safe.", "Lars Holm"},
		{"Secretary-General Lars Holm spoke in Varnow. The then secretary general had promised a vote.", "Lars Holm"},
		// the office as a predicate of the past
		{"Secretary-General Lars Holm visited Varnow when he was secretary general.", "Lars Holm"},
		// a capacity, not a title
		{"The mill was sold as Secretary-General, Lars Holm said, to a bank.", "Lars Holm"},
		// a relative clause is no place before an office
		{"Lars Holm, who was Secretary-General at the time, opened the mill.", "Lars Holm"},
		// a year after the tenure
		{"Secretary-General Lars Holm opened the mill. Its owners spoke of the 2031 harvest at length.", "Lars Holm"},
		// a title in a phrase about another time: a former post under
		// the holder, a capacity (also with a "by" agent after it)
		{"Ana Ruiz, a former bodyguard for Secretary-General Lars Holm, has written a book about the mill.", "Lars Holm"},
		{"Then came a posting as the military adviser to Secretary-General Lars Holm, when she monitored the mill.", "Lars Holm"},
		{"The board is led by Ana Ruiz, a banker appointed as treasurer by Secretary-General Lars Holm.", "Lars Holm"},
	} {
		if res, ok := inferrer(t).Infer(input(t, c.text, c.name)); ok {
			t.Errorf("%q: dated %s (%s), want unknown", c.text, span(res), res.Reason)
		}
	}
	for _, c := range []struct{ text, name, want string }{
		// a named former holder is out of office; the other holds it now
		{"President Pavel Dunn met former Premier Ines Varga, who said she would stand again.", "Pavel Dunn", "2011-05-29..2019-05-29"},
		// "as" is a conjunction before a title and its name
		{"As Secretary-General Lars Holm opened the mill, the workers sang.", "Lars Holm", "2015-03-01..2020-02-28"},
		// "that was the secretary general" names a person, not an office of then
		{"Secretary-General Lars Holm spoke. That was the secretary general at his best.", "Lars Holm", "2015-03-01..2020-02-28"},
	} {
		names := []string{c.name}
		if strings.Contains(c.text, "Ines Varga") {
			names = append(names, "Ines Varga")
		}
		res, ok := inferrer(t).Infer(input(t, c.text, names...))
		if !ok || span(res) != c.want {
			t.Errorf("%q: %s %v (%s), want %s", c.text, span(res), ok, res.Reason, c.want)
		}
	}
}

// TestYearlessDatesInPairs: a date without a year narrows the range only
// with another reported the other way, the past one first; alone, or as
// both past and still to come, it may be of another year.
func TestYearlessDatesInPairs(t *testing.T) {
	const okafor = "Finance Minister Amara Okafor spoke. The mill of Varnow reopened in 2016. "
	for _, c := range []struct{ text, want string }{
		// alone: "in March" may be March 2016 or the one before
		{okafor + "The workers had struck in March.", "2016-01-01..2016-08-31"},
		// the same month past and to come: two Marches
		{okafor + "The workers struck in March. The owners will report in March.", "2016-01-01..2016-08-31"},
		// a pair: after 4 June, before the end of June, in the one year the range allows
		{okafor + "The workers struck on 4 June. The owners will report by the end of June.", "2016-06-04..2016-06-30"},
		// a month reported as past is a lower bound at its first day
		{okafor + "The workers struck in May. The owners will report by the end of June.", "2016-05-01..2016-06-30"},
	} {
		res, ok := inferrer(t).Infer(input(t, c.text, "Amara Okafor"))
		if !ok || span(res) != c.want {
			t.Errorf("%q: %s %v (%s), want %s", c.text, span(res), ok, res.Reason, c.want)
		}
	}
}
