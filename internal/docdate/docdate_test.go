package docdate

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/dossier-project/dossier/data"
	"github.com/dossier-project/dossier/internal/actors"
	"github.com/dossier-project/dossier/internal/model"
	"github.com/dossier-project/dossier/internal/text"
	"github.com/dossier-project/dossier/internal/timex"
)

const people = `people:
  - name: "Amara Okafor"
    tenures:
      - {code: NGAGOV, role: "Finance Minister", from: "2014-01-10", to: "2016-08-31"}
      - {code: NGAGOV, role: "President", from: "2019-05-29", to: "2023-05-29"}
  - name: "Lars Holm"
    tenures:
      - {code: IGOUNO, role: "Secretary-General", from: "2015-03-01", to: "2020-02-28"}
`

func inferrer(t *testing.T) *Inferrer {
	t.Helper()
	dict, err := actors.Load(fstest.MapFS{"people.yaml": {Data: []byte(people)}}, "people.yaml")
	if err != nil {
		t.Fatal(err)
	}
	inf, err := New(dict, data.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	return inf
}

// input builds inference input from text: sentences split at ". ",
// people found by name, and temporal expressions from the timex tagger
// with no reference date.
func input(t *testing.T, src string, names ...string) Input {
	t.Helper()
	in := Input{Text: src}
	start := 0
	for {
		i := strings.Index(src[start:], ". ")
		if i < 0 {
			in.Sentences = append(in.Sentences, model.NewSpan(src, start, len(src)))
			break
		}
		in.Sentences = append(in.Sentences, model.NewSpan(src, start, start+i+1))
		start += i + 2
	}
	for _, n := range names {
		i := strings.Index(src, n)
		if i < 0 {
			t.Fatalf("%q not in src", n)
		}
		in.People = append(in.People, model.Mention{Span: model.NewSpan(src, i, i+len(n)), Actor: model.Actor{Name: n, Person: true}})
	}
	tg, err := timex.New()
	if err != nil {
		t.Fatal(err)
	}
	ta, err := text.New()
	if err != nil {
		t.Fatal(err)
	}
	in.Timexes = tg.Find(ta.Segment(src), time.Time{})
	return in
}

func day(s string) time.Time {
	d, _ := time.Parse("2006-01-02", s)
	return d
}

func TestTenuresAndYearlessDates(t *testing.T) {
	text := "Finance Minister Amara Okafor met UN Secretary-General Lars Holm on 12 March. The two sides will report back by the end of April."
	res, ok := inferrer(t).Infer(input(t, text, "Amara Okafor", "Lars Holm"))
	if !ok {
		t.Fatal("no date inferred")
	}
	// Tenures overlap from 2015-03-01 to 2016-08-31; 12 March falls in
	// 2015 and 2016 within that, so it does not choose a year alone.
	if !res.From.Equal(day("2015-03-01")) || !res.To.Equal(day("2016-08-31")) {
		t.Errorf("range = %s..%s, want 2015-03-01..2016-08-31", res.From.Format("2006-01-02"), res.To.Format("2006-01-02"))
	}
	for _, want := range []string{"Amara Okafor", "Finance Minister", "Lars Holm"} {
		if !strings.Contains(res.Reason, want) {
			t.Errorf("reason %q lacks %q", res.Reason, want)
		}
	}
}

func TestNamedEventAndDeadline(t *testing.T) {
	text := "Finance Minister Amara Okafor recalled that at the Cannes summit last year, leaders had pledged support. On 3 May she met bankers. Officials will report back by the end of June."
	res, ok := inferrer(t).Infer(input(t, text, "Amara Okafor"))
	if ok {
		// Cannes (2011) + last year = 2012, outside her tenure: the
		// contradiction is left out, and the tenure alone remains.
		if res.From.Year() == 2012 {
			t.Errorf("a contradicting clue narrowed the range: %+v", res)
		}
	}
	text = "At the Cannes summit last year, leaders pledged support. On 3 May the minister met bankers. Officials will report back by the end of June."
	res, ok = inferrer(t).Infer(input(t, text))
	if !ok {
		t.Fatal("no date inferred")
	}
	if !res.From.Equal(day("2012-05-03")) || !res.To.Equal(day("2012-06-30")) {
		t.Errorf("range = %s..%s, want 2012-05-03..2012-06-30 (after 3 May, before the end of June, in 2012)", res.From.Format("2006-01-02"), res.To.Format("2006-01-02"))
	}
	if !strings.Contains(res.Reason, "Cannes") || !strings.Contains(res.Reason, "3 May") {
		t.Errorf("reason %q should name the summit and the latest past date", res.Reason)
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
		if res, ok := inferrer(t).Infer(input(t, c.text, c.people...)); ok {
			t.Errorf("%q: inferred %s..%s (%s) without evidence", c.text, res.From.Format("2006-01-02"), res.To.Format("2006-01-02"), res.Reason)
		}
	}
}
